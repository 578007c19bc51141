// Queue overhead: enqueue rate and lease -> complete rate through JobStore with 1k, 10k and 100k
// jobs already in the table. Prints a table; never part of the test pass/fail.
//
//   bench_jobstore [--sizes 1000,10000,100000] [--ops 2000]

#include "jobs/JobStore.h"
#include "ops/Recipe.h"
#include "settings/AppIdentity.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace pq;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QList<int> sizes{1000, 10000, 100000};
    int ops = 2000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--sizes")) {
            sizes.clear();
            for (const QString &s : args[i + 1].split(QLatin1Char(',')))
                sizes << s.toInt();
        } else if (args[i] == QLatin1String("--ops")) {
            ops = args[i + 1].toInt();
        }
    }
    QTextStream out(stdout);
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("rows"), 8)
               .arg(QStringLiteral("enqueue jobs/s"), 16)
               .arg(QStringLiteral("lease+complete jobs/s"), 22)
               .arg(QStringLiteral("heartbeat/s"), 12);
    Recipe recipe;
    Recipe::fromSpecs({QStringLiteral("thumbnail:size=256")}, &recipe);
    for (int rows : sizes) {
        QTemporaryDir dir;
        JobStore store(dir.filePath(QStringLiteral("bench.sqlite")));
        if (auto err = store.open()) {
            out << *err << Qt::endl;
            return 1;
        }
        EnqueueRequest req;
        for (int i = 0; i < rows; ++i)
            req.inputs.append({QStringLiteral("/nonexistent/in/%1.jpg").arg(i), {}});
        req.recipes << recipe;
        req.outputDir = dir.filePath(QStringLiteral("out"));
        req.overwrite = OverwritePolicy::Replace;
        EnqueueResult res;
        QElapsedTimer t;
        t.start();
        store.enqueue(req, &res);
        const double enqueueRate = rows / (t.nsecsElapsed() / 1e9);

        const QString owner = store.ownerName(QStringLiteral("bench"));
        const int n = qMin(ops, rows);
        t.restart();
        for (int i = 0; i < n; ++i) {
            auto job = store.leaseNext(owner, std::chrono::seconds(60));
            if (!job || !store.complete(job->id, owner)) {
                out << "lease/complete failed" << Qt::endl;
                return 1;
            }
        }
        const double leaseRate = n / (t.nsecsElapsed() / 1e9);

        auto job = store.leaseNext(owner, std::chrono::seconds(60));
        t.restart();
        for (int i = 0; i < n; ++i)
            store.heartbeat(job->id, owner, std::chrono::seconds(60), 0.5);
        const double heartbeatRate = n / (t.nsecsElapsed() / 1e9);
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(rows, 8)
                   .arg(enqueueRate, 16, 'f', 0)
                   .arg(leaseRate, 22, 'f', 0)
                   .arg(heartbeatRate, 12, 'f', 0)
            << Qt::flush;
    }
    return 0;
}
