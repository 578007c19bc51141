// Test hooks for the crash and retry tests, registered only with PIXQUEUE_ENABLE_TEST_OPS=1 (see
// OperationRegistry). Not translated: nobody but the test suite sees them.

#include "AllOperations.h"

#include <chrono>
#include <cstdlib>
#include <thread>

namespace pq::ops {

namespace {

// Kills the process in the middle of a job, as a crash or power loss would.
class DebugAbort final : public Operation
{
public:
    QString id() const override { return QStringLiteral("debug-abort"); }
    bool reusable() const override { return false; }
    QString title() const override { return QStringLiteral("Debug: abort"); }
    QString description() const override
    {
        return QStringLiteral("Test hook: aborts the process while the job runs.");
    }
    QList<ParamSpec> params() const override { return {}; }
    OpResult run(const cv::Mat &, const Params &, OpContext &) const override { std::abort(); }
};

// Holds a job (and its lease) for a while, cancellably, reporting progress.
class DebugSleep final : public Operation
{
public:
    QString id() const override { return QStringLiteral("debug-sleep"); }
    bool reusable() const override { return false; }
    QString title() const override { return QStringLiteral("Debug: sleep"); }
    QString description() const override
    {
        return QStringLiteral("Test hook: sleeps, checking for cancellation every 20 ms.");
    }
    QList<ParamSpec> params() const override
    {
        return {ParamSpec::integer(QStringLiteral("ms"), 1000, 0, 600000, QStringLiteral("ms"),
                                   QStringLiteral("Duration"))};
    }
    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        using namespace std::chrono;
        const auto total = milliseconds(params.value(QStringLiteral("ms"), 1000).toInt());
        const auto start = steady_clock::now();
        const auto end = start + total;
        for (auto now = start; now < end; now = steady_clock::now()) {
            if (ctx.isCancelled())
                return OpResult::fail(ErrorKind::Transient, QStringLiteral("cancelled"));
            if (ctx.progress)
                ctx.progress(duration<double>(now - start) / duration<double>(total));
            std::this_thread::sleep_for(
                std::min<steady_clock::duration>(milliseconds(20), end - now));
        }
        if (ctx.progress)
            ctx.progress(1.0);
        return OpResult::ok(input);
    }
};

// Fails the way a real operation can, to exercise retry and the failed state.
class DebugFail final : public Operation
{
public:
    QString id() const override { return QStringLiteral("debug-fail"); }
    bool reusable() const override { return false; }
    QString title() const override { return QStringLiteral("Debug: fail"); }
    QString description() const override
    {
        return QStringLiteral("Test hook: fails with a transient or permanent error.");
    }
    QList<ParamSpec> params() const override
    {
        return {ParamSpec::enumeration(QStringLiteral("kind"),
                                       {QStringLiteral("transient"), QStringLiteral("permanent")},
                                       QStringLiteral("transient"), QStringLiteral("Kind"))};
    }
    OpResult run(const cv::Mat &, const Params &params, OpContext &) const override
    {
        const QString kind = params.value(QStringLiteral("kind")).toString();
        const bool permanent = kind == QLatin1String("permanent");
        return OpResult::fail(
            permanent ? ErrorKind::Permanent : ErrorKind::Transient,
            QStringLiteral("simulated %1 failure")
                .arg(permanent ? QStringLiteral("permanent") : QStringLiteral("transient")));
    }
};

} // namespace

std::unique_ptr<Operation> makeDebugAbort()
{
    return std::make_unique<DebugAbort>();
}
PQ_REGISTER_TEST_OPERATION(makeDebugAbort);

std::unique_ptr<Operation> makeDebugSleep()
{
    return std::make_unique<DebugSleep>();
}
PQ_REGISTER_TEST_OPERATION(makeDebugSleep);

std::unique_ptr<Operation> makeDebugFail()
{
    return std::make_unique<DebugFail>();
}
PQ_REGISTER_TEST_OPERATION(makeDebugFail);

} // namespace pq::ops
