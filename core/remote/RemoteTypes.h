#pragma once
// Results and errors shared by the queue and storage clients. Plain values; any thread.

#include "ops/Operation.h" // ErrorKind, Error

#include <QString>
#include <chrono>
#include <optional>
#include <utility>

namespace pq::remote {

// What went wrong talking to a remote service. `kind` tells the caller whether trying again
// later can help (network down, throttled, 5xx) or not (missing queue, bad credentials, refused
// endpoint). `message` is translated and never contains a secret: it names the operation and
// quotes the service's own message, which does not echo credentials.
struct RemoteError
{
    ErrorKind kind = ErrorKind::Transient;
    QString code;    // the service's error code ("QueueDoesNotExist", "NoSuchKey") or ours
                     // ("network", "timeout", "insecure-endpoint", "unsupported", "protocol")
    QString message; // human readable, translated
    int httpStatus = 0;

    Error toError() const { return Error{kind, message}; }
};

// A value or the reason there is none.
template <typename T> class RemoteResult
{
public:
    RemoteResult(T value)
        : m_value(std::move(value))
    {}
    RemoteResult(RemoteError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const RemoteError &error() const { return *m_error; }

private:
    std::optional<T> m_value;
    std::optional<RemoteError> m_error;
};

// For calls with no value: empty means success (the convention of JobStore::open()).
using RemoteStatus = std::optional<RemoteError>;

// Retries of one call on transient errors: attempt n waits a random time in
// [d/2, d] with d = min(base * 2^(n-1), max) before trying again ("full jitter" halved, so many
// workers hitting one throttled queue spread out but still back off).
struct RetryPolicy
{
    int maxAttempts = 4; // 1 = no retries
    std::chrono::milliseconds baseDelay{200};
    std::chrono::milliseconds maxDelay{5000};
};

} // namespace pq::remote
