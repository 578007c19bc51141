// Queue overhead with 1k, 10k and 100k jobs in the table: enqueue rate, lease -> complete rate
// through JobStore (two transactions, and the workers' combined complete-and-lease-next), and the
// rate of no-op jobs through a WorkerPool with 2 workers (leasing, heartbeats, signals, and the
// completions, without any image work). Prints a table; never part of the test pass/fail.
//
//   bench_jobstore [--sizes 1000,10000,100000] [--ops 2000]

#include "jobs/JobStore.h"
#include "jobs/WorkerPool.h"
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
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("rows"), 8)
               .arg(QStringLiteral("enqueue jobs/s"), 16)
               .arg(QStringLiteral("lease+complete jobs/s"), 22)
               .arg(QStringLiteral("combined jobs/s"), 16)
               .arg(QStringLiteral("pool (2) jobs/s"), 16)
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
        // `rows` in the table, plus the jobs the three measurements below take (and one spare).
        const int n = ops;
        const int total = rows + 3 * n + 2;
        EnqueueRequest req;
        for (int i = 0; i < total; ++i)
            req.inputs.append({QStringLiteral("/nonexistent/in/%1.jpg").arg(i), {}});
        req.recipes << recipe;
        req.outputDir = dir.filePath(QStringLiteral("out"));
        req.overwrite = OverwritePolicy::Replace;
        EnqueueResult res;
        QElapsedTimer t;
        t.start();
        store.enqueue(req, &res);
        const double enqueueRate = total / (t.nsecsElapsed() / 1e9);

        const QString owner = store.ownerName(QStringLiteral("bench"));
        t.restart();
        for (int i = 0; i < n; ++i) {
            auto job = store.leaseNext(owner, std::chrono::seconds(60));
            if (!job || !store.complete(job->id, owner)) {
                out << "lease/complete failed" << Qt::endl;
                return 1;
            }
        }
        const double leaseRate = n / (t.nsecsElapsed() / 1e9);

        // What a busy worker does: complete the job and lease the next in one transaction.
        t.restart();
        auto job = store.leaseNext(owner, std::chrono::seconds(60));
        for (int i = 0; i < n && job; ++i) {
            bool completed = false;
            const qint64 id = job->id;
            job = store.completeAndLeaseNext(id, owner, {}, std::chrono::seconds(60), &completed);
            if (!completed) {
                out << "combined complete/lease failed" << Qt::endl;
                return 1;
            }
        }
        const double combinedRate = n / (t.nsecsElapsed() / 1e9);
        if (job)
            store.complete(job->id, owner);

        // The pool, 2 workers, on no-op jobs, until the next n jobs are done.
        double poolRate = 0;
        {
            WorkerPool pool(&store);
            pool.setWorkerCount(2);
            pool.setRunner([](const LeasedJob &, OpContext &) { return JobOutcome{}; });
            int finished = 0;
            QObject::connect(&pool, &WorkerPool::jobFinished, &app, [&] {
                if (++finished == n)
                    app.quit();
            });
            t.restart();
            pool.start();
            app.exec();
            poolRate = n / (t.nsecsElapsed() / 1e9);
            pool.stop();
            pool.waitForStopped();
        }

        job = store.leaseNext(owner, std::chrono::seconds(60));
        t.restart();
        for (int i = 0; i < n; ++i)
            store.heartbeat(job->id, owner, std::chrono::seconds(60), 0.5);
        const double heartbeatRate = n / (t.nsecsElapsed() / 1e9);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(rows, 8)
                   .arg(enqueueRate, 16, 'f', 0)
                   .arg(leaseRate, 22, 'f', 0)
                   .arg(combinedRate, 16, 'f', 0)
                   .arg(poolRate, 16, 'f', 0)
                   .arg(heartbeatRate, 12, 'f', 0)
            << Qt::flush;
    }
    return 0;
}
