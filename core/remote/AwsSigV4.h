#pragma once
// AWS Signature Version 4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html),
// written here because Debian ships no AWS C++ SDK. Pure functions over bytes: any thread.
//
// Proven by tests/core/test_aws_sigv4.cpp against AWS's published SigV4 test suite, five requests
// captured from the official AWS SDK for JavaScript (byte-for-byte the same signatures) and the
// S3 documentation's pre-signed URL example.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace pq::sigv4 {

// Never logged or shown: only the access key id appears in signed requests (in the credential
// scope); the secret only feeds the HMAC chain.
struct Credentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // temporary credentials (STS); sent as x-amz-security-token when set
    bool isEmpty() const { return accessKeyId.isEmpty() || secretAccessKey.isEmpty(); }
};

using Header = QPair<QByteArray, QByteArray>; // name as sent, value as sent

// What the canonical request is made of. `path` and `query` are exactly as on the wire
// (percent-encoded); the canonical forms are derived from them.
struct CanonicalInput
{
    QByteArray method;      // "GET", "POST", ...
    QByteArray path;        // "/", "/bucket/key%20name"
    QByteArray query;       // without '?', e.g. "Param2=value2&Param1=value1"
    QList<Header> headers;  // every header to sign, including host and x-amz-date
    QByteArray payloadHash; // lower-case hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"
};

inline constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";
inline constexpr char kUnsignedPayload[] = "UNSIGNED-PAYLOAD";

QByteArray sha256Hex(const QByteArray &data);
QByteArray hmacSha256(const QByteArray &key, const QByteArray &message);

// RFC 3986 encoding as AWS wants it: everything but A-Z a-z 0-9 - _ . ~ as %XX (upper-case hex);
// '/' kept when `keepSlash` (object keys in S3 paths).
QByteArray uriEncode(const QByteArray &raw, bool keepSlash = false);

// "20150830T123600Z" and "20150830" from a UTC time.
QByteArray amzDate(const QDateTime &utc);
QByteArray dateStamp(const QDateTime &utc);

// Query parameters decoded, re-encoded with uriEncode and sorted by name, then value.
QByteArray canonicalQuery(const QByteArray &query);
// Lower-case names, values trimmed with inner runs of spaces collapsed, sorted by name; values of
// repeated names joined by ','. Returns "name:value\n..." and sets `signedHeaders` ("a;b;c").
QByteArray canonicalHeaders(const QList<Header> &headers, QByteArray *signedHeaders);
QByteArray canonicalRequest(const CanonicalInput &input, QByteArray *signedHeaders = nullptr);

QByteArray credentialScope(const QByteArray &dateStamp, const QString &region,
                           const QString &service);
QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &scope,
                        const QByteArray &canonicalRequest);
QByteArray signingKey(const QString &secret, const QByteArray &dateStamp, const QString &region,
                      const QString &service);
// Lower-case hex signature of `input` made at `amzDate` (its first 8 characters are the date).
QByteArray signature(const CanonicalInput &input, const QByteArray &amzDate,
                     const Credentials &credentials, const QString &region, const QString &service);
// The whole "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..." header value.
QByteArray authorizationHeader(const CanonicalInput &input, const QByteArray &amzDate,
                               const Credentials &credentials, const QString &region,
                               const QString &service);

// Host header value for `url` as an HTTP client sends it: host, plus ":port" when the port is not
// the scheme's default; IPv6 literals in brackets.
QByteArray hostHeader(const QUrl &url);

// The headers to add to a request so it is signed (x-amz-date, x-amz-content-sha256,
// x-amz-security-token when there is a session token, Authorization). `headers` are the other
// headers to sign (content-type, x-amz-target, ...); host is added from `url`.
QList<Header> signedRequestHeaders(const QByteArray &method, const QUrl &url,
                                   const QList<Header> &headers, const QByteArray &payloadHash,
                                   const Credentials &credentials, const QString &region,
                                   const QString &service, const QDateTime &now);

// Query-string authentication (a pre-signed URL): adds X-Amz-Algorithm, X-Amz-Credential,
// X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders (host only), X-Amz-Security-Token and
// X-Amz-Signature to `url`, with UNSIGNED-PAYLOAD as the payload hash. No body checksum is baked
// in, so a pre-signed PUT accepts whatever body the holder sends (real S3 rejects a body that does
// not match a baked checksum). `expiresSeconds` is 1..604800 (7 days) for S3.
QUrl presignUrl(const QByteArray &method, const QUrl &url, const Credentials &credentials,
                const QString &region, const QString &service, const QDateTime &now,
                int expiresSeconds);

} // namespace pq::sigv4
