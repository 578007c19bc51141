#pragma once
// One blocking HTTP exchange for the remote clients (SQS, S3, CMQ).
//
// Threads: callable from any thread, including QThreadPool workers that run no event loop. Each
// call creates its own QNetworkAccessManager in the calling thread and runs a local QEventLoop
// until the reply finishes or the deadline passes. Why not one shared manager: a
// QNetworkAccessManager belongs to the thread that created it and cannot be used from the pool's
// threads; a manager per thread would have to be torn down when the pool retires the thread. The
// price is a new connection per call (one TLS handshake), small next to a 20 s long poll or an
// image transfer. On the GUI thread the local loop would also deliver the window's events (a
// nested event loop), so the desktop calls these clients from worker threads (QtConcurrent).
//
// Security: https always verifies the peer (QNetworkAccessManager's default; nothing here turns it
// off). Plain http is refused unless the host is a loopback address (local test servers).

#include "RemoteTypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>
#include <chrono>
#include <functional>
#include <type_traits>

namespace pq::remote {

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // sent exactly as given (including Host)
    QByteArray body;
    std::chrono::milliseconds timeout{30000}; // whole exchange
};

struct HttpResponse
{
    int status = 0;         // 0: no HTTP response (see `transportError`)
    QString transportError; // network failure or timeout, already human readable
    bool timedOut = false;
    QString endpointRefused; // checkEndpoint()'s error code when it refused the URL (nothing sent)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
};

// Empty when `url` may be used: https, or http to a loopback host. Otherwise a permanent error.
RemoteStatus checkEndpoint(const QUrl &url);

// Sends and waits. Never throws; transport failures come back in the response.
HttpResponse sendHttp(const HttpRequest &request);

// The error for a response that has no HTTP status (network down, refused, timed out).
// `what` names the operation for the message ("SQS SendMessage").
RemoteError transportFailure(const QString &what, const HttpResponse &response);

// Runs `attempt` until it succeeds, fails permanently or the policy's attempts are used up,
// sleeping between attempts as RetryPolicy describes.
template <typename Result>
Result withRetries(const RetryPolicy &policy, const std::function<Result()> &attempt);

void sleepBeforeRetry(const RetryPolicy &policy, int failedAttempt);

template <typename Result>
Result withRetries(const RetryPolicy &policy, const std::function<Result()> &attempt)
{
    for (int n = 1;; ++n) {
        Result result = attempt();
        bool failed = false;
        bool transient = false;
        if constexpr (std::is_same_v<Result, RemoteStatus>) {
            failed = result.has_value();
            transient = failed && result->kind == ErrorKind::Transient;
        } else {
            failed = !result.ok();
            transient = failed && result.error().kind == ErrorKind::Transient;
        }
        if (!failed || !transient || n >= policy.maxAttempts)
            return result;
        sleepBeforeRetry(policy, n);
    }
}

} // namespace pq::remote
