#pragma once
// The offload's commands: `pixqueue-cli worker` (a remote worker, core/remote/RemoteWorker.h) and
// `pixqueue-cli run --offload` (the producer side, core/remote/OffloadBridge.h). Both take the
// same connection flags, each falling back to the saved offload settings (the window's Settings >
// Offload page); credentials come from the environment, as the providers' own CLIs read them.

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <memory>

namespace pq {
class JobStore;
}

namespace pq::cli {

// The usage lines for the CLI's help text.
QString offloadUsage();

// Runs the command with the arguments after `worker`. Exit codes: 0 stopped normally (signal or
// --until-idle), 1 the queues could not be used, 2 usage error (including missing credentials).
int runWorkerCommand(const QStringList &arguments);

// `setup-offload`: creates the queues (requests with a redrive policy to the dead-letter queue)
// and the bucket named by the connection flags or settings. `test-offload`: the "Test
// connection" probe. Exit codes: 0 fine, 1 a step failed, 2 usage error.
int runSetupOffloadCommand(const QStringList &arguments);
int runTestOffloadCommand(const QStringList &arguments);

// `run --offload`: `arguments` are the run arguments other than --db, --offload and
// --until-idle. Throws UsageError for bad arguments before anything is contacted.
class OffloadRun
{
    // The context lupdate gives the messages of the member functions. Ends in "private:".
    Q_DECLARE_TR_FUNCTIONS(pq::cli::OffloadRun)

public:
    explicit OffloadRun(const QStringList &arguments); // parses; throws UsageError
    ~OffloadRun();
    OffloadRun(const OffloadRun &) = delete;
    OffloadRun &operator=(const OffloadRun &) = delete;
    // Sends the offload batches' jobs and collects the answers; with `untilIdle`, returns once
    // no offload job is queued, being sent or offloaded. Exit codes as for `run`.
    int exec(JobStore &store, bool untilIdle);

private:
    struct Options;
    std::unique_ptr<Options> m_options;
};

} // namespace pq::cli
