#pragma once
// Tencent Cloud's CMQ / TDMQ-for-CMQ request signature (API 2.0 style,
// https://cloud.tencent.com/document/api/406/5853 and TDMQ for CMQ's "signature method" page):
//   source  = METHOD + host + path + "?" + k=v pairs joined by '&', keys sorted, values raw
//             (not URL-encoded), '_' in keys replaced by '.'
//   signature = base64(HMAC-SHA1 or HMAC-SHA256(secret key, source)), URL-encoded when sent.
// Pure functions: any thread. Proven by tests/core/test_cmq_signer.cpp with Tencent's documented
// test vector.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace pq::cmq {

enum class SignatureMethod
{
    HmacSHA1,
    HmacSHA256
};

QByteArray signatureMethodName(SignatureMethod method); // "HmacSHA1", "HmacSHA256"

using Param = QPair<QString, QString>;

// "GETcvm.api.qcloud.com/v2/index.php?Action=...&Nonce=...": `params` must already contain the
// common parameters (Action, SecretId, Nonce, Timestamp, SignatureMethod, Region, ...), without
// Signature.
QByteArray sourceString(const QByteArray &method, const QString &host, const QString &path,
                        const QList<Param> &params);
// base64 of the HMAC; not yet URL-encoded.
QByteArray sign(const QByteArray &source, const QString &secretKey, SignatureMethod method);

} // namespace pq::cmq
