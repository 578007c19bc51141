#pragma once
// S3-compatible object storage (Amazon S3, MinIO, fauxqs, ...): put/get/head/delete of whole
// objects signed with AWS Signature Version 4, bucket creation for set-up, and pre-signed GET/PUT
// URLs that let a remote worker read an input and write an output without holding credentials.
//
// Addressing: path-style (https://host/bucket/key) works with every S3-compatible server;
// virtual-hosted (https://bucket.host/key) is what AWS prefers for new buckets. Keys are
// percent-encoded per SigV4 ('/' kept).
//
// Errors as in SqsQueue: 5xx, SlowDown/throttling and network failures are transient and retried
// with backoff; other 4xx are permanent ("NoSuchKey", "NotFound", "AccessDenied", ...).
//
// Threads: any, concurrently; calls block (see HttpExchange.h).

#include "AwsSigV4.h"
#include "RemoteTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>

namespace pq::remote {

struct ObjectStoreConfig
{
    enum class Addressing
    {
        PathStyle,
        VirtualHosted
    };

    QUrl endpoint; // e.g. https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:PORT
    QString region;
    sigv4::Credentials credentials;
    Addressing addressing = Addressing::PathStyle;
    RetryPolicy retry;
    std::chrono::milliseconds requestTimeout{120000}; // per attempt; objects are images
};

struct ObjectInfo
{
    qint64 size = 0;
    QString etag; // without quotes
    QString contentType;
};

class ObjectStore
{
    // The context lupdate gives the messages of the member functions.
    Q_DECLARE_TR_FUNCTIONS(pq::remote::ObjectStore)

public:
    explicit ObjectStore(ObjectStoreConfig config);

    QUrl bucketUrl(const QString &bucket) const;
    QUrl objectUrl(const QString &bucket, const QString &key) const;

    // Creates the bucket; an existing bucket of ours is not an error.
    RemoteStatus createBucket(const QString &bucket);
    RemoteStatus put(const QString &bucket, const QString &key, const QByteArray &data,
                     const QString &contentType = QStringLiteral("application/octet-stream"));
    RemoteResult<QByteArray> get(const QString &bucket, const QString &key);
    // A missing object is a permanent error with code "NotFound" (HEAD answers have no body).
    RemoteResult<ObjectInfo> head(const QString &bucket, const QString &key);
    // Deleting a missing object succeeds, as in S3.
    RemoteStatus remove(const QString &bucket, const QString &key);

    // URLs valid for `seconds` (1 s .. 7 days) from `now`, usable by anyone without credentials.
    // The PUT URL bakes in no checksum or content type: the holder may upload any body.
    QUrl presignedGet(const QString &bucket, const QString &key, int seconds,
                      const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    QUrl presignedPut(const QString &bucket, const QString &key, int seconds,
                      const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray etag;
        QByteArray contentType;
        qint64 contentLength = -1;
    };
    RemoteResult<Answer> request(const QString &what, const QByteArray &method, const QUrl &url,
                                 const QByteArray &body, const QByteArray &contentType);

    const ObjectStoreConfig m_config;
};

} // namespace pq::remote
