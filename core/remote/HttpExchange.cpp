#include "HttpExchange.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace pq::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote", text);
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

RemoteStatus checkEndpoint(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        return RemoteError{ErrorKind::Permanent, QStringLiteral("invalid-endpoint"),
                           tr("%1 is not a valid http(s) address")
                               .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
                           0};
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        // Requests carry signatures, messages and images: only a local test server may see them
        // unencrypted.
        return RemoteError{ErrorKind::Permanent, QStringLiteral("insecure-endpoint"),
                           tr("refusing plain http to %1: use https (http is allowed only for "
                              "loopback addresses such as 127.0.0.1)")
                               .arg(url.host()),
                           0};
    }
    return std::nullopt;
}

HttpResponse sendHttp(const HttpRequest &request)
{
    HttpResponse response;
    if (const RemoteStatus refused = checkEndpoint(request.url)) {
        response.transportError = refused->message;
        response.endpointRefused = refused->code;
        return response;
    }

    QNetworkAccessManager manager;
    QNetworkRequest networkRequest(request.url);
    // Redirects would re-send a signed request to another address; the services never redirect
    // a correct request, so a redirect is reported as the response it is.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1 keeps the Host header we signed exactly as signed.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setTransferTimeout(static_cast<int>(request.timeout.count()));
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);

    QNetworkReply *raw = nullptr;
    const QByteArray method = request.method.toUpper();
    if (method == "GET")
        raw = manager.get(networkRequest);
    else if (method == "HEAD")
        raw = manager.head(networkRequest);
    else if (method == "DELETE" && request.body.isEmpty())
        raw = manager.deleteResource(networkRequest);
    else if (method == "PUT")
        raw = manager.put(networkRequest, request.body);
    else if (method == "POST")
        raw = manager.post(networkRequest, request.body);
    else
        raw = manager.sendCustomRequest(networkRequest, method, request.body);
    const std::unique_ptr<QNetworkReply> reply(raw);

    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply.get(), [&] {
        response.timedOut = true;
        reply->abort();
    });
    deadline.start(request.timeout);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && !response.timedOut) {
        response.status = status.toInt();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            response.headers.append({name, value});
        response.body = reply->readAll();
        return response;
    }
    if (reply->error() == QNetworkReply::TimeoutError)
        response.timedOut = true;
    response.transportError = response.timedOut ? tr("no answer from %1 within %2 s")
                                                      .arg(request.url.host())
                                                      .arg(request.timeout.count() / 1000.0)
                                                : reply->errorString();
    return response;
}

RemoteError transportFailure(const QString &what, const HttpResponse &response)
{
    RemoteError error;
    if (!response.endpointRefused.isEmpty()) {
        // Refused before sending (not a URL, or plain http to a remote host): retrying cannot help.
        error.kind = ErrorKind::Permanent;
        error.code = response.endpointRefused;
    } else {
        error.kind = ErrorKind::Transient;
        error.code = response.timedOut ? QStringLiteral("timeout") : QStringLiteral("network");
    }
    error.message = tr("%1 failed: %2").arg(what, response.transportError);
    return error;
}

void sleepBeforeRetry(const RetryPolicy &policy, int failedAttempt)
{
    const int shift = std::clamp(failedAttempt - 1, 0, 20);
    const qint64 ceiling =
        std::min<qint64>(policy.baseDelay.count() << shift, policy.maxDelay.count());
    const qint64 wait = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    QThread::msleep(static_cast<unsigned long>(wait));
}

} // namespace pq::remote
