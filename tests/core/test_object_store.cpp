// ObjectStore against a real S3-compatible server: fauxqs (npm) started on 127.0.0.1 by the test.
// The pre-signed URLs are used the way a remote worker uses them: plain HTTP requests without any
// credentials or signing headers.
#include "RemoteTestServer.h"
#include "remote/HttpExchange.h"
#include "remote/ObjectStore.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <memory>

using namespace pq;
using namespace pq::remote;

namespace {

ObjectStoreConfig configFor(const QUrl &endpoint)
{
    ObjectStoreConfig config;
    config.endpoint = endpoint;
    config.region = QStringLiteral("us-east-1");
    config.credentials = {QStringLiteral("AKIDEXAMPLE"),
                          QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                          {}};
    config.retry.baseDelay = std::chrono::milliseconds(50);
    return config;
}

QByteArray randomBytes(int size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &c : data)
        c = static_cast<char>(generator.bounded(256));
    return data;
}

} // namespace

class TestObjectStore : public QObject
{
    Q_OBJECT
private:
    pq::test::RemoteTestServer m_server{QStringLiteral("fauxqs-server.mjs"),
                                        QStringLiteral("fauxqs")};
    std::unique_ptr<ObjectStore> m_store;
    const QString m_bucket = QStringLiteral("pixqueue-test");

private slots:
    void initTestCase()
    {
        PQ_START_TEST_SERVER(m_server);
        m_store = std::make_unique<ObjectStore>(configFor(m_server.endpoint()));
        const RemoteStatus created = m_store->createBucket(m_bucket);
        QVERIFY2(!created, created ? qPrintable(created->message) : "");
        // A second create of our own bucket is fine (set-up runs again).
        QVERIFY(!m_store->createBucket(m_bucket));
    }

    void urlsPathStyleAndVirtualHosted()
    {
        ObjectStoreConfig config =
            configFor(QUrl(QStringLiteral("https://s3.eu-west-1.amazonaws.com")));
        const ObjectStore pathStyle(config);
        QCOMPARE(pathStyle.objectUrl("photos", "in/ab cd/Grüße!.jpg").toEncoded(),
                 QByteArray("https://s3.eu-west-1.amazonaws.com/photos/in/ab%20cd/"
                            "Gr%C3%BC%C3%9Fe%21.jpg"));
        QCOMPARE(pathStyle.bucketUrl("photos").toEncoded(),
                 QByteArray("https://s3.eu-west-1.amazonaws.com/photos"));
        config.addressing = ObjectStoreConfig::Addressing::VirtualHosted;
        const ObjectStore virtualHosted(config);
        QCOMPARE(virtualHosted.objectUrl("photos", "in/a.jpg").toEncoded(),
                 QByteArray("https://photos.s3.eu-west-1.amazonaws.com/in/a.jpg"));
        // The pre-signed URL signs the virtual host.
        const QUrl presigned = virtualHosted.presignedGet("photos", "in/a.jpg", 600);
        QCOMPARE(presigned.host(), QStringLiteral("photos.s3.eu-west-1.amazonaws.com"));
        QVERIFY(presigned.query().contains(QLatin1String("X-Amz-Signature=")));
        QVERIFY(presigned.query().contains(QLatin1String("X-Amz-Expires=600")));
    }

    void putHeadGetDelete()
    {
        const QByteArray data = randomBytes(300 * 1024);
        const QString key = QStringLiteral("in/aa bb/Grüße.jpg");
        const RemoteStatus put = m_store->put(m_bucket, key, data, QStringLiteral("image/jpeg"));
        QVERIFY2(!put, put ? qPrintable(put->message) : "");

        auto info = m_store->head(m_bucket, key);
        QVERIFY2(info.ok(), info.ok() ? "" : qPrintable(info.error().message));
        QCOMPARE(info.value().size, data.size());
        QCOMPARE(info.value().contentType, QStringLiteral("image/jpeg"));
        QCOMPARE(
            info.value().etag,
            QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()));

        auto got = m_store->get(m_bucket, key);
        QVERIFY(got.ok());
        QCOMPARE(got.value(), data);

        QVERIFY(!m_store->remove(m_bucket, key));
        auto gone = m_store->head(m_bucket, key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, ErrorKind::Permanent);
        QCOMPARE(gone.error().httpStatus, 404);
        auto missing = m_store->get(m_bucket, key);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::Permanent);
        QCOMPARE(missing.error().code, QStringLiteral("NoSuchKey"));
    }

    void presignedUrlsWorkWithoutCredentials()
    {
        const QByteArray input = randomBytes(64 * 1024);
        QVERIFY(!m_store->put(m_bucket, "in/source.png", input, "image/png"));

        // A worker downloads the input with nothing but the URL...
        const QUrl getUrl = m_store->presignedGet(m_bucket, "in/source.png", 600);
        const HttpResponse downloaded = sendHttp({"GET", getUrl, {}, {}, std::chrono::seconds(30)});
        QCOMPARE(downloaded.status, 200);
        QCOMPARE(downloaded.body, input);

        // ...and uploads its output the same way, with a content type of its choosing.
        const QByteArray output = randomBytes(10 * 1024);
        const QUrl putUrl = m_store->presignedPut(m_bucket, "out/result.webp", 600);
        QVERIFY(!putUrl.query().contains(QLatin1String("checksum"), Qt::CaseInsensitive));
        const HttpResponse uploaded = sendHttp(
            {"PUT", putUrl, {{"Content-Type", "image/webp"}}, output, std::chrono::seconds(30)});
        QCOMPARE(uploaded.status, 200);
        auto stored = m_store->get(m_bucket, "out/result.webp");
        QVERIFY(stored.ok());
        QCOMPARE(stored.value(), output);
    }

    void missingBucketIsPermanent()
    {
        const RemoteStatus put = m_store->put("no-such-bucket", "x", "data");
        QVERIFY(put.has_value());
        QCOMPARE(put->kind, ErrorKind::Permanent);
        QVERIFY(!put->message.isEmpty());
    }

    void plainHttpOnlyToLoopback()
    {
        ObjectStore remote(configFor(QUrl(QStringLiteral("http://s3.example.com"))));
        const RemoteStatus refused = remote.put("b", "k", "data");
        QVERIFY(refused.has_value());
        QCOMPARE(refused->code, QStringLiteral("insecure-endpoint"));
        QCOMPARE(refused->kind, ErrorKind::Permanent);
    }
};

QTEST_GUILESS_MAIN(TestObjectStore)
#include "test_object_store.moc"
