#include "ObjectStore.h"

#include "HttpExchange.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <algorithm>

namespace pq::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote", text);
}

// S3 answers errors as <Error><Code>NoSuchKey</Code><Message>...</Message></Error>.
QPair<QString, QString> s3ErrorCodeAndMessage(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    QString code;
    QString message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Code"))
            code = xml.readElementText();
        else if (xml.name() == QLatin1String("Message"))
            message = xml.readElementText();
    }
    return {code, message};
}

bool isTransientS3Code(const QString &code)
{
    static const QStringList codes{QStringLiteral("SlowDown"), QStringLiteral("RequestTimeout"),
                                   QStringLiteral("InternalError"),
                                   QStringLiteral("ServiceUnavailable"),
                                   QStringLiteral("OperationAborted")};
    return codes.contains(code);
}

} // namespace

ObjectStore::ObjectStore(ObjectStoreConfig config)
    : m_config(std::move(config))
{}

QUrl ObjectStore::bucketUrl(const QString &bucket) const
{
    return objectUrl(bucket, QString());
}

QUrl ObjectStore::objectUrl(const QString &bucket, const QString &key) const
{
    QUrl base = m_config.endpoint.adjusted(QUrl::RemovePath | QUrl::RemoveQuery |
                                           QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    QByteArray path;
    if (m_config.addressing == ObjectStoreConfig::Addressing::VirtualHosted) {
        base.setHost(bucket + QLatin1Char('.') + base.host());
        path = '/' + sigv4::uriEncode(key.toUtf8(), true);
    } else {
        path = '/' + sigv4::uriEncode(bucket.toUtf8()) + '/' + sigv4::uriEncode(key.toUtf8(), true);
        if (key.isEmpty())
            path.chop(1); // "/bucket", not "/bucket/"
    }
    // Built from bytes so the path is sent exactly as encoded (and signed) here.
    return QUrl::fromEncoded(base.toEncoded() + path, QUrl::StrictMode);
}

RemoteResult<ObjectStore::Answer> ObjectStore::request(const QString &what,
                                                       const QByteArray &method, const QUrl &url,
                                                       const QByteArray &body,
                                                       const QByteArray &contentType)
{
    if (m_config.credentials.isEmpty()) {
        return RemoteError{ErrorKind::Permanent, QStringLiteral("no-credentials"),
                           tr("%1: no access key id and secret are configured").arg(what), 0};
    }
    const QByteArray payloadHash = sigv4::sha256Hex(body);
    const auto attempt = [&]() -> RemoteResult<Answer> {
        QList<sigv4::Header> extra;
        if (!contentType.isEmpty())
            extra.append({"content-type", contentType});
        const QList<sigv4::Header> headers = sigv4::signedRequestHeaders(
            method, url, extra, payloadHash, m_config.credentials, m_config.region,
            QStringLiteral("s3"), QDateTime::currentDateTimeUtc());
        const HttpResponse response =
            sendHttp({method, url, headers, body, m_config.requestTimeout});
        if (response.status == 0)
            return transportFailure(what, response);
        if (response.status >= 200 && response.status <= 299) {
            Answer answer;
            answer.status = response.status;
            answer.body = response.body;
            answer.etag = response.header("etag");
            answer.contentType = response.header("content-type");
            bool ok = false;
            answer.contentLength = response.header("content-length").toLongLong(&ok);
            if (!ok)
                answer.contentLength = -1;
            return answer;
        }
        auto [code, message] = s3ErrorCodeAndMessage(response.body);
        if (code.isEmpty()) {
            code = response.status == 404 ? QStringLiteral("NotFound")
                                          : QStringLiteral("http-%1").arg(response.status);
        }
        if (message.isEmpty())
            message = tr("HTTP status %1").arg(response.status);
        const bool transient =
            response.status >= 500 || response.status == 429 || isTransientS3Code(code);
        return RemoteError{transient ? ErrorKind::Transient : ErrorKind::Permanent, code,
                           tr("%1 failed: %2 (%3)").arg(what, message, code), response.status};
    };
    return withRetries<RemoteResult<Answer>>(m_config.retry, attempt);
}

RemoteStatus ObjectStore::createBucket(const QString &bucket)
{
    QByteArray body;
    // us-east-1 is S3's default location and must not be named (S3 rejects it).
    if (!m_config.region.isEmpty() && m_config.region != QLatin1String("us-east-1")) {
        body = "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
               "<LocationConstraint>" +
               m_config.region.toUtf8() + "</LocationConstraint></CreateBucketConfiguration>";
    }
    auto answer = request(tr("S3 CreateBucket %1").arg(bucket), "PUT", bucketUrl(bucket), body,
                          body.isEmpty() ? QByteArray() : QByteArray("application/xml"));
    if (!answer && answer.error().code != QLatin1String("BucketAlreadyOwnedByYou"))
        return answer.error();
    return std::nullopt;
}

RemoteStatus ObjectStore::put(const QString &bucket, const QString &key, const QByteArray &data,
                              const QString &contentType)
{
    auto answer = request(tr("S3 PutObject %1/%2").arg(bucket, key), "PUT", objectUrl(bucket, key),
                          data, contentType.toUtf8());
    if (!answer)
        return answer.error();
    return std::nullopt;
}

RemoteResult<QByteArray> ObjectStore::get(const QString &bucket, const QString &key)
{
    auto answer =
        request(tr("S3 GetObject %1/%2").arg(bucket, key), "GET", objectUrl(bucket, key), {}, {});
    if (!answer)
        return answer.error();
    return answer.value().body;
}

RemoteResult<ObjectInfo> ObjectStore::head(const QString &bucket, const QString &key)
{
    auto answer =
        request(tr("S3 HeadObject %1/%2").arg(bucket, key), "HEAD", objectUrl(bucket, key), {}, {});
    if (!answer)
        return answer.error();
    ObjectInfo info;
    info.size = answer.value().contentLength;
    info.etag = QString::fromUtf8(answer.value().etag);
    info.etag.remove(QLatin1Char('"'));
    info.contentType = QString::fromUtf8(answer.value().contentType);
    return info;
}

RemoteStatus ObjectStore::remove(const QString &bucket, const QString &key)
{
    auto answer = request(tr("S3 DeleteObject %1/%2").arg(bucket, key), "DELETE",
                          objectUrl(bucket, key), {}, {});
    if (!answer)
        return answer.error();
    return std::nullopt;
}

QUrl ObjectStore::presignedGet(const QString &bucket, const QString &key, int seconds,
                               const QDateTime &now) const
{
    return sigv4::presignUrl("GET", objectUrl(bucket, key), m_config.credentials, m_config.region,
                             QStringLiteral("s3"), now, std::clamp(seconds, 1, 604800));
}

QUrl ObjectStore::presignedPut(const QString &bucket, const QString &key, int seconds,
                               const QDateTime &now) const
{
    return sigv4::presignUrl("PUT", objectUrl(bucket, key), m_config.credentials, m_config.region,
                             QStringLiteral("s3"), now, std::clamp(seconds, 1, 604800));
}

} // namespace pq::remote
