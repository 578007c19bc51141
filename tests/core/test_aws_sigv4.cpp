// AWS Signature Version 4, proven three ways: AWS's published SigV4 test suite
// (https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html; expected values as
// also shipped in the AWS SDK for JavaScript's signature-v4 suite fixture), five requests the
// official AWS SDK for JavaScript v3 sent to a local SQS emulator
// (tests/data/sqs-json-exchanges.txt: our signature must be the SDK's, byte for byte), and the S3
// documentation's pre-signed URL example ("Authenticating Requests: Using Query Parameters",
// examplebucket/test.txt).
#include "remote/AwsSigV4.h"

#include <QFile>
#include <QTest>
#include <QUrlQuery>

using namespace pq::sigv4;

namespace {

const Credentials kSuiteCredentials{
    QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}};
constexpr char kSuiteDate[] = "20150830T123600Z";
const QByteArray kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

QByteArray suiteAuthorization(const QByteArray &signedHeaders, const QByteArray &signature)
{
    return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
           "SignedHeaders=" +
           signedHeaders + ", Signature=" + signature;
}

struct Exchange
{
    QList<Header> headers; // as captured, in order
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// Parses the ">>> request" halves of tests/data/sqs-json-exchanges.txt: header lines up to the
// blank line, then content-length bytes of body.
QList<Exchange> loadExchanges()
{
    QFile file(QStringLiteral(PIXQUEUE_TEST_DATA "/sqs-json-exchanges.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = file.readAll();
    QList<Exchange> out;
    qsizetype at = 0;
    while ((at = text.indexOf(">>> POST / HTTP/1.1\n", at)) >= 0) {
        Exchange exchange;
        qsizetype line = text.indexOf('\n', at) + 1;
        for (;;) {
            const qsizetype end = text.indexOf('\n', line);
            const QByteArray header = text.mid(line, end - line);
            line = end + 1;
            if (header.isEmpty())
                break;
            const qsizetype colon = header.indexOf(':');
            exchange.headers.append({header.left(colon), header.mid(colon + 1).trimmed()});
        }
        exchange.body = text.mid(line, exchange.header("content-length").toInt());
        out.append(exchange);
        at = line;
    }
    return out;
}

} // namespace

class TestAwsSigV4 : public QObject
{
    Q_OBJECT
private slots:
    void uriEncodeFollowsAwsRules()
    {
        QCOMPARE(uriEncode("a b/c~-._"), QByteArray("a%20b%2Fc~-._"));
        QCOMPARE(uriEncode("in/2f/x y.jpg", true), QByteArray("in/2f/x%20y.jpg"));
        QCOMPARE(uriEncode("\xe1\x88\xb4+="), QByteArray("%E1%88%B4%2B%3D"));
    }

    // The published intermediate values of get-vanilla and the IAM guide's signing key example.
    void getVanillaIntermediateSteps()
    {
        const CanonicalInput input{"GET",
                                   "/",
                                   {},
                                   {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", kSuiteDate}},
                                   kEmptySha256};
        const QByteArray creq = canonicalRequest(input);
        QCOMPARE(creq,
                 QByteArray("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z"
                            "\n\nhost;x-amz-date\n") +
                     kEmptySha256);
        const QByteArray sts =
            stringToSign(kSuiteDate, credentialScope("20150830", "us-east-1", "service"), creq);
        QCOMPARE(sts, QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                                 "aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e"
                                 "1c25292927e63"));
        QCOMPARE(
            signingKey(kSuiteCredentials.secretAccessKey, "20150830", "us-east-1", "iam").toHex(),
            QByteArray("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"));
    }

    void testSuite_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QList<Header>>("extraHeaders");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("signedHeaders");
        QTest::addColumn<QByteArray>("signature");

        const QByteArray plain = "host;x-amz-date";
        QTest::newRow("get-vanilla")
            << QByteArray("GET") << QByteArray("/") << QByteArray() << QList<Header>()
            << QByteArray() << plain
            << QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        QTest::newRow("get-vanilla-query")
            << QByteArray("GET") << QByteArray("/") << QByteArray("") << QList<Header>()
            << QByteArray() << plain
            << QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        QTest::newRow("get-vanilla-query-order-key-case")
            << QByteArray("GET") << QByteArray("/") << QByteArray("Param2=value2&Param1=value1")
            << QList<Header>() << QByteArray() << plain
            << QByteArray("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
        const QByteArray unreserved =
            "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        QTest::newRow("get-vanilla-query-unreserved")
            << QByteArray("GET") << QByteArray("/") << unreserved + '=' + unreserved
            << QList<Header>() << QByteArray() << plain
            << QByteArray("9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197");
        QTest::newRow("get-vanilla-utf8-query")
            << QByteArray("GET") << QByteArray("/") << QByteArray("%E1%88%B4=bar")
            << QList<Header>() << QByteArray() << plain
            << QByteArray("2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04");
        QTest::newRow("get-unreserved")
            << QByteArray("GET") << "/" + unreserved << QByteArray() << QList<Header>()
            << QByteArray() << plain
            << QByteArray("07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f");
        // Leading/trailing spaces trimmed, inner runs of spaces collapsed.
        QTest::newRow("get-header-value-trim")
            << QByteArray("GET") << QByteArray("/") << QByteArray()
            << QList<Header>{{"My-Header1", " value1"}, {"My-Header2", " \"a   b   c\" "}}
            << QByteArray() << QByteArray("host;my-header1;my-header2;x-amz-date")
            << QByteArray("acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
        // A repeated header: values joined by ',' in the order sent.
        QTest::newRow("get-header-key-duplicate")
            << QByteArray("GET") << QByteArray("/") << QByteArray()
            << QList<Header>{{"My-Header1", "value2"},
                             {"My-Header1", "value2"},
                             {"My-Header1", "value1"}}
            << QByteArray() << QByteArray("host;my-header1;x-amz-date")
            << QByteArray("c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea");
        QTest::newRow("post-vanilla")
            << QByteArray("POST") << QByteArray("/") << QByteArray() << QList<Header>()
            << QByteArray() << plain
            << QByteArray("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
        QTest::newRow("post-vanilla-query")
            << QByteArray("POST") << QByteArray("/") << QByteArray("Param1=value1")
            << QList<Header>() << QByteArray() << plain
            << QByteArray("28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11");
        QTest::newRow("post-vanilla-query-nonunreserved")
            << QByteArray("POST") << QByteArray("/")
            << QByteArray("%40%23%24%25%5E=&%2B=%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D")
            << QList<Header>() << QByteArray() << plain
            << QByteArray("66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e");
        QTest::newRow("post-header-key-sort")
            << QByteArray("POST") << QByteArray("/") << QByteArray()
            << QList<Header>{{"My-Header1", "value1"}} << QByteArray()
            << QByteArray("host;my-header1;x-amz-date")
            << QByteArray("c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
        QTest::newRow("post-header-value-case")
            << QByteArray("POST") << QByteArray("/") << QByteArray()
            << QList<Header>{{"My-Header1", "VALUE1"}} << QByteArray()
            << QByteArray("host;my-header1;x-amz-date")
            << QByteArray("cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d");
        QTest::newRow("post-x-www-form-urlencoded")
            << QByteArray("POST") << QByteArray("/") << QByteArray()
            << QList<Header>{{"Content-Type", "application/x-www-form-urlencoded"}}
            << QByteArray("Param1=value1") << QByteArray("content-type;host;x-amz-date")
            << QByteArray("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
        QTest::newRow("post-sts-header-before")
            << QByteArray("POST") << QByteArray("/") << QByteArray()
            << QList<Header>{{"X-Amz-Security-Token", "AQoDYXdzEPT//////////"
                                                      "wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwd"
                                                      "QWLWsKWHGBuFqwAeMicRXmxfpSP"
                                                      "fIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/"
                                                      "kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZ"
                                                      "ampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlR"
                                                      "d8Tx6q6fE8YQcHNVXAkiY9q6d+x"
                                                      "o0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+"
                                                      "scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKT"
                                                      "r4rvx3iSIlTJabIQwj2ICCR/oLxBA=="}}
            << QByteArray() << QByteArray("host;x-amz-date;x-amz-security-token")
            << QByteArray("85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");
    }

    void testSuite()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        QFETCH(QList<Header>, extraHeaders);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, signedHeaders);
        QFETCH(QByteArray, signature);

        CanonicalInput input{
            method, path, query,
            QList<Header>{{"Host", "example.amazonaws.com"}, {"X-Amz-Date", kSuiteDate}} +
                extraHeaders,
            sha256Hex(body)};
        QCOMPARE(authorizationHeader(input, kSuiteDate, kSuiteCredentials, "us-east-1", "service"),
                 suiteAuthorization(signedHeaders, signature));
    }

    // The official SDK's requests, re-signed from their signed headers and body: same bytes.
    void sdkExchangesByteForByte()
    {
        const QList<Exchange> exchanges = loadExchanges();
        QCOMPARE(exchanges.size(), 5);
        const Credentials credentials{QStringLiteral("AKIDEXAMPLE"),
                                      QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                      {}};
        for (const Exchange &exchange : exchanges) {
            const QByteArray captured = exchange.header("authorization");
            const qsizetype from = captured.indexOf("SignedHeaders=") + 14;
            const QList<QByteArray> names =
                captured.mid(from, captured.indexOf(',', from) - from).split(';');
            QList<Header> signedOnes;
            for (const QByteArray &name : names)
                signedOnes.append({name, exchange.header(name)});
            const QByteArray payloadHash = sha256Hex(exchange.body);
            QCOMPARE(payloadHash, exchange.header("x-amz-content-sha256"));
            const CanonicalInput input{"POST", "/", {}, signedOnes, payloadHash};
            QCOMPARE(authorizationHeader(input, exchange.header("x-amz-date"), credentials,
                                         "us-east-1", "sqs"),
                     captured);

            // The same through the helper our clients use: it adds host, x-amz-date and
            // x-amz-content-sha256 itself, from the URL and the clock.
            QList<Header> others;
            for (const auto &header : signedOnes) {
                if (header.first != "host" && header.first != "x-amz-date" &&
                    header.first != "x-amz-content-sha256")
                    others.append(header);
            }
            const QDateTime when = QDateTime::fromString(
                QString::fromLatin1(exchange.header("x-amz-date")), "yyyyMMdd'T'HHmmss'Z'");
            const QList<Header> sent = signedRequestHeaders(
                "POST", QUrl("http://127.0.0.1:4599/"), others, payloadHash, credentials,
                "us-east-1", "sqs", QDateTime(when.date(), when.time(), Qt::UTC));
            QCOMPARE(sent.last().first, QByteArray("authorization"));
            QCOMPARE(sent.last().second, captured);
        }
    }

    void hostHeaderOmitsDefaultPorts()
    {
        QCOMPARE(hostHeader(QUrl("https://sqs.eu-west-1.amazonaws.com/")),
                 QByteArray("sqs.eu-west-1.amazonaws.com"));
        QCOMPARE(hostHeader(QUrl("https://s3.example.com:443/b")), QByteArray("s3.example.com"));
        QCOMPARE(hostHeader(QUrl("http://127.0.0.1:4599/")), QByteArray("127.0.0.1:4599"));
        QCOMPARE(hostHeader(QUrl("http://[::1]:9000/")), QByteArray("[::1]:9000"));
    }

    // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
    void s3PresignedUrlDocumentationExample()
    {
        const Credentials credentials{QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                                      QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                                      {}};
        const QDateTime now(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC);
        const QUrl url = presignUrl("GET", QUrl("https://examplebucket.s3.amazonaws.com/test.txt"),
                                    credentials, "us-east-1", "s3", now, 86400);
        const QUrlQuery query(url);
        QCOMPARE(
            query.queryItemValue("X-Amz-Signature"),
            QStringLiteral("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
        QCOMPARE(query.queryItemValue("X-Amz-Algorithm"), QStringLiteral("AWS4-HMAC-SHA256"));
        QCOMPARE(query.queryItemValue("X-Amz-Credential", QUrl::FullyDecoded),
                 QStringLiteral("AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request"));
        QCOMPARE(query.queryItemValue("X-Amz-Expires"), QStringLiteral("86400"));
        QCOMPARE(query.queryItemValue("X-Amz-SignedHeaders"), QStringLiteral("host"));
        // The whole URL as the documentation prints it (parameters in the same order).
        QCOMPARE(
            url.toEncoded(),
            QByteArray("https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-"
                       "HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-"
                       "1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-"
                       "Amz-SignedHeaders=host&X-Amz-Signature="
                       "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
        // No body checksum is baked into a pre-signed PUT.
        const QUrl put = presignUrl("PUT", QUrl("https://examplebucket.s3.amazonaws.com/out.jpg"),
                                    credentials, "us-east-1", "s3", now, 600);
        QVERIFY(!put.query().contains(QLatin1String("checksum"), Qt::CaseInsensitive));
        QVERIFY(!put.query().contains(QLatin1String("content-md5"), Qt::CaseInsensitive));
        QVERIFY(put.query() != url.query());
    }

    void secretNeverInSignedOutput()
    {
        const QList<Header> sent = signedRequestHeaders(
            "POST", QUrl("https://sqs.us-east-1.amazonaws.com/"),
            {{"content-type", "application/x-amz-json-1.0"}}, sha256Hex("{}"), kSuiteCredentials,
            "us-east-1", "sqs", QDateTime::currentDateTimeUtc());
        for (const auto &[name, value] : sent)
            QVERIFY(!value.contains(kSuiteCredentials.secretAccessKey.toUtf8()));
        const QUrl presigned =
            presignUrl("GET", QUrl("https://b.s3.amazonaws.com/k"), kSuiteCredentials, "us-east-1",
                       "s3", QDateTime::currentDateTimeUtc(), 60);
        QVERIFY(!presigned.toString().contains(kSuiteCredentials.secretAccessKey));
    }
};

QTEST_GUILESS_MAIN(TestAwsSigV4)
#include "test_aws_sigv4.moc"
