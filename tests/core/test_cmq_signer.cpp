// Tencent CMQ / TDMQ-for-CMQ request signature, with the test vector of Tencent's signature
// documentation (HmacSHA1) and the same source string signed with HmacSHA256 (expected value
// computed independently with Python's hmac module).
#include "remote/CmqSigner.h"

#include <QTest>

using namespace pq::cmq;

namespace {

const QString kSecretKey = QStringLiteral("Gu5t9xGARNpq86cd98joQYCN3Cozk1qA");
const QByteArray kDocumentedSource =
    "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&Nonce=11886&Region=gz&SecretId="
    "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&Timestamp=1465185768&instanceIds.0=ins-09dx96dg&limit=20&"
    "offset=0";

} // namespace

class TestCmqSigner : public QObject
{
    Q_OBJECT
private slots:
    // The documentation's parameters, given unsorted and with '_' in a key, as a request has them.
    void sourceStringSortsKeysAndRewritesUnderscores()
    {
        const QList<Param> params{{"offset", "0"},
                                  {"limit", "20"},
                                  {"instanceIds_0", "ins-09dx96dg"},
                                  {"Timestamp", "1465185768"},
                                  {"SecretId", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA"},
                                  {"Region", "gz"},
                                  {"Nonce", "11886"},
                                  {"Action", "DescribeInstances"}};
        QCOMPARE(sourceString("GET", "cvm.api.qcloud.com", "/v2/index.php", params),
                 kDocumentedSource);
    }

    void documentedHmacSha1Vector()
    {
        QCOMPARE(sign(kDocumentedSource, kSecretKey, SignatureMethod::HmacSHA1),
                 QByteArray("NSI3UqqD99b/UJb4tbG/xZpRW64="));
    }

    void hmacSha256()
    {
        QCOMPARE(sign(kDocumentedSource, kSecretKey, SignatureMethod::HmacSHA256),
                 QByteArray("0Fe1ft4kVgMutEqdpnlULUPTP7hCEy7mB1/JUTGo+Kg="));
        QCOMPARE(signatureMethodName(SignatureMethod::HmacSHA256), QByteArray("HmacSHA256"));
    }

    // Values go into the source raw (a JSON body with spaces and quotes is not URL-encoded).
    void valuesAreNotUrlEncoded()
    {
        const QByteArray source = sourceString(
            "POST", "cmq.example", "/v2/index.php",
            {{"msgBody", "{\"job\": 1}"}, {"Action", "SendMessage"}, {"queueName", "q"}});
        QCOMPARE(source,
                 QByteArray("POSTcmq.example/v2/index.php?Action=SendMessage&msgBody={\"job\":"
                            " 1}&queueName=q"));
    }
};

QTEST_GUILESS_MAIN(TestCmqSigner)
#include "test_cmq_signer.moc"
