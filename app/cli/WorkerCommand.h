#pragma once
// `pixqueue-cli worker`: a remote worker for cloud offload (core/remote/RemoteWorker.h).

#include <QString>
#include <QStringList>

namespace pq::cli {

// The usage lines for the CLI's help text.
QString workerUsage();

// Runs the command with the arguments after `worker`. Exit codes: 0 stopped normally (signal or
// --until-idle), 1 the queues could not be used, 2 usage error (including missing credentials).
int runWorkerCommand(const QStringList &arguments);

} // namespace pq::cli
