#pragma once
// The operation interface. An operation object is immutable and shared by all worker threads:
// `run` may be called concurrently from any thread and must not touch shared mutable state.

#include "ParamSpec.h"

#include <QString>
#include <atomic>
#include <functional>
#include <opencv2/core.hpp>
#include <optional>

namespace pq {

// How a failure should be treated by the queue: transient errors are retried with backoff,
// permanent ones (corrupt or unsupported input, impossible parameters) go straight to `failed`.
enum class ErrorKind
{
    Transient,
    Permanent
};

QString errorKindName(ErrorKind kind);

struct Error
{
    ErrorKind kind = ErrorKind::Permanent;
    QString message; // human readable, translated
};

// What a worker gives an operation while it runs. Any thread.
struct OpContext
{
    // Reports progress of this step in [0, 1]. May be empty.
    std::function<void(double)> progress;
    // Set by the worker pool when the job is cancelled or the pool stops; long operations poll it.
    const std::atomic_bool *cancelled = nullptr;
    bool isCancelled() const { return cancelled && cancelled->load(std::memory_order_relaxed); }
};

struct OpResult
{
    cv::Mat image;
    std::optional<Error> error;

    static OpResult ok(cv::Mat m) { return {std::move(m), std::nullopt}; }
    static OpResult fail(ErrorKind kind, QString message)
    {
        return {cv::Mat(), Error{kind, std::move(message)}};
    }
};

class Operation
{
public:
    virtual ~Operation() = default;

    virtual QString id() const = 0;          // "resize": stable, used in recipes and on the CLI
    virtual QString title() const = 0;       // translated
    virtual QString description() const = 0; // translated, one sentence
    virtual QList<ParamSpec> params() const = 0;

    // `input` is 8- or 16-bit with 1, 3 (BGR) or 4 (BGRA) channels. `params` is complete and
    // validated (see OperationRegistry::completeParams).
    virtual OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const = 0;

    // Cross-parameter checks that a single ParamSpec cannot express ("width or height needed").
    // Returns the message, naming the operation and the parameter.
    virtual std::optional<QString> validate(const Params &) const { return std::nullopt; }

    // Shrink-on-load: when this operation is the first step, the decoder may deliver the image
    // scaled down by 1/2, 1/4 or 1/8 if the result is still at least as large as what this
    // operation produces. `fullSize` is the upright (EXIF-oriented) size. Returns 1 (no
    // reduction), 2, 4 or 8.
    virtual int allowedDecodeReduction(const Params &, cv::Size fullSize) const
    {
        Q_UNUSED(fullSize);
        return 1;
    }

    // Whether an earlier job's output may stand in for running this operation again on the same
    // input (see jobs/WorkKey.h). True for every real operation: they are deterministic. The
    // debug-* operations say no, because they exist to take time, crash or fail.
    virtual bool reusable() const { return true; }
};

} // namespace pq
