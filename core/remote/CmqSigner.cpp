#include "CmqSigner.h"

#include <QMessageAuthenticationCode>
#include <algorithm>

namespace pq::cmq {

QByteArray signatureMethodName(SignatureMethod method)
{
    return method == SignatureMethod::HmacSHA1 ? QByteArrayLiteral("HmacSHA1")
                                               : QByteArrayLiteral("HmacSHA256");
}

QByteArray sourceString(const QByteArray &method, const QString &host, const QString &path,
                        const QList<Param> &params)
{
    QList<QPair<QByteArray, QByteArray>> sorted;
    sorted.reserve(params.size());
    for (const auto &[name, value] : params) {
        // Tencent's rule: '_' in a key is written as '.' in the source string (but sent as is).
        QString key = name;
        key.replace(QLatin1Char('_'), QLatin1Char('.'));
        sorted.append({key.toUtf8(), value.toUtf8()});
    }
    // Sorted by key in byte order (Tencent: "ascending lexicographic order").
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray out = method.toUpper() + host.toUtf8() + path.toUtf8() + '?';
    bool first = true;
    for (const auto &[name, value] : sorted) {
        if (!first)
            out.append('&');
        first = false;
        out.append(name).append('=').append(value);
    }
    return out;
}

QByteArray sign(const QByteArray &source, const QString &secretKey, SignatureMethod method)
{
    const auto algorithm =
        method == SignatureMethod::HmacSHA1 ? QCryptographicHash::Sha1 : QCryptographicHash::Sha256;
    return QMessageAuthenticationCode::hash(source, secretKey.toUtf8(), algorithm).toBase64();
}

} // namespace pq::cmq
