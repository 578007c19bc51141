#include "AwsSigV4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <algorithm>
#include <map>

namespace pq::sigv4 {

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray uriEncode(const QByteArray &raw, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(raw.size() * 3);
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
                                (u >= '0' && u <= '9') || u == '-' || u == '_' || u == '.' ||
                                u == '~';
        if (unreserved || (keepSlash && u == '/')) {
            out.append(c);
        } else {
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0x0f]);
        }
    }
    return out;
}

QByteArray amzDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray dateStamp(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

QByteArray canonicalQuery(const QByteArray &query)
{
    // Decode first, then encode the AWS way: the same parameter may arrive encoded differently
    // (QUrl leaves '~' plain, another client writes %7E), the canonical form must not depend on it.
    QList<QPair<QByteArray, QByteArray>> params;
    for (const QByteArray &piece : query.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        const QByteArray name = eq < 0 ? piece : piece.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : piece.mid(eq + 1);
        params.append({uriEncode(QByteArray::fromPercentEncoding(name)),
                       uriEncode(QByteArray::fromPercentEncoding(value))});
    }
    std::sort(params.begin(), params.end());
    QByteArray out;
    for (const auto &[name, value] : params) {
        if (!out.isEmpty())
            out.append('&');
        out.append(name).append('=').append(value);
    }
    return out;
}

namespace {

// Trim and collapse runs of spaces to one, as the SigV4 rules say (get-header-value-trim).
QByteArray normaliseHeaderValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool space = false;
    for (const char c : value.trimmed()) {
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space)
            out.append(' ');
        space = false;
        out.append(c);
    }
    return out;
}

} // namespace

QByteArray canonicalHeaders(const QList<Header> &headers, QByteArray *signedHeaders)
{
    std::map<QByteArray, QByteArray> byName; // sorted by lower-case name
    for (const auto &[name, value] : headers) {
        QByteArray &joined = byName[name.trimmed().toLower()];
        if (!joined.isEmpty())
            joined.append(',');
        joined.append(normaliseHeaderValue(value));
    }
    QByteArray out;
    QByteArray names;
    for (const auto &[name, value] : byName) {
        out.append(name).append(':').append(value).append('\n');
        if (!names.isEmpty())
            names.append(';');
        names.append(name);
    }
    if (signedHeaders)
        *signedHeaders = names;
    return out;
}

QByteArray canonicalRequest(const CanonicalInput &input, QByteArray *signedHeaders)
{
    QByteArray names;
    const QByteArray headers = canonicalHeaders(input.headers, &names);
    if (signedHeaders)
        *signedHeaders = names;
    // The path is used as sent. Services other than S3 would want it normalised and encoded
    // twice; every such request we make (SQS) has the path "/", where both rules agree.
    const QByteArray path = input.path.isEmpty() ? QByteArrayLiteral("/") : input.path;
    return input.method.toUpper() + '\n' + path + '\n' + canonicalQuery(input.query) + '\n' +
           headers + '\n' + names + '\n' + input.payloadHash;
}

QByteArray credentialScope(const QByteArray &dateStamp, const QString &region,
                           const QString &service)
{
    return dateStamp + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
}

QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &scope,
                        const QByteArray &canonicalRequest)
{
    return QByteArray(kAlgorithm) + '\n' + amzDate + '\n' + scope + '\n' +
           sha256Hex(canonicalRequest);
}

QByteArray signingKey(const QString &secret, const QByteArray &dateStamp, const QString &region,
                      const QString &service)
{
    const QByteArray kDate = hmacSha256("AWS4" + secret.toUtf8(), dateStamp);
    const QByteArray kRegion = hmacSha256(kDate, region.toUtf8());
    const QByteArray kService = hmacSha256(kRegion, service.toUtf8());
    return hmacSha256(kService, "aws4_request");
}

QByteArray signature(const CanonicalInput &input, const QByteArray &amzDate,
                     const Credentials &credentials, const QString &region, const QString &service)
{
    const QByteArray date = amzDate.left(8);
    const QByteArray toSign =
        stringToSign(amzDate, credentialScope(date, region, service), canonicalRequest(input));
    return hmacSha256(signingKey(credentials.secretAccessKey, date, region, service), toSign)
        .toHex();
}

QByteArray authorizationHeader(const CanonicalInput &input, const QByteArray &amzDate,
                               const Credentials &credentials, const QString &region,
                               const QString &service)
{
    QByteArray names;
    canonicalHeaders(input.headers, &names);
    return QByteArray(kAlgorithm) + " Credential=" + credentials.accessKeyId.toUtf8() + '/' +
           credentialScope(amzDate.left(8), region, service) + ", SignedHeaders=" + names +
           ", Signature=" + signature(input, amzDate, credentials, region, service);
}

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    const int port = url.port(defaultPort);
    if (port != defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}

QList<Header> signedRequestHeaders(const QByteArray &method, const QUrl &url,
                                   const QList<Header> &headers, const QByteArray &payloadHash,
                                   const Credentials &credentials, const QString &region,
                                   const QString &service, const QDateTime &now)
{
    const QByteArray date = amzDate(now);
    QList<Header> out = headers;
    out.append({"host", hostHeader(url)});
    out.append({"x-amz-date", date});
    out.append({"x-amz-content-sha256", payloadHash});
    if (!credentials.sessionToken.isEmpty())
        out.append({"x-amz-security-token", credentials.sessionToken.toUtf8()});
    const CanonicalInput input{method, url.path(QUrl::FullyEncoded).toLatin1(),
                               url.query(QUrl::FullyEncoded).toLatin1(), out, payloadHash};
    out.append({"authorization", authorizationHeader(input, date, credentials, region, service)});
    return out;
}

QUrl presignUrl(const QByteArray &method, const QUrl &url, const Credentials &credentials,
                const QString &region, const QString &service, const QDateTime &now,
                int expiresSeconds)
{
    const QByteArray date = amzDate(now);
    const QByteArray credential =
        credentials.accessKeyId.toUtf8() + '/' + credentialScope(date.left(8), region, service);
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    const auto add = [&query](const QByteArray &name, const QByteArray &value) {
        if (!query.isEmpty())
            query.append('&');
        query.append(name).append('=').append(uriEncode(value));
    };
    add("X-Amz-Algorithm", kAlgorithm);
    add("X-Amz-Credential", credential);
    add("X-Amz-Date", date);
    add("X-Amz-Expires", QByteArray::number(expiresSeconds));
    if (!credentials.sessionToken.isEmpty())
        add("X-Amz-Security-Token", credentials.sessionToken.toUtf8());
    add("X-Amz-SignedHeaders", "host");
    const CanonicalInput input{method,
                               url.path(QUrl::FullyEncoded).toLatin1(),
                               query,
                               {{"host", hostHeader(url)}},
                               kUnsignedPayload};
    add("X-Amz-Signature", signature(input, date, credentials, region, service));
    QUrl signedUrl = url;
    signedUrl.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return signedUrl;
}

} // namespace pq::sigv4
