// JobStore: the queue semantics of docs/architecture.md on a real SQLite file.

#include "jobs/JobStore.h"
#include "jobs/JobStoreSql.h"
#include "ops/Recipe.h"

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>

using namespace pq;
using namespace std::chrono_literals;

namespace {

Recipe recipeFromSpecs(const QStringList &specs, const QString &name)
{
    Recipe r;
    const auto err = Recipe::fromSpecs(specs, &r);
    if (err)
        qFatal("bad recipe: %s", qPrintable(*err));
    r.name = name;
    return r;
}

// A fake clock the test moves by hand, so lease expiry and backoff are checked exactly.
struct ManualClock
{
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(1'000'000'000);
    JobStore::Clock fn() const
    {
        return [n = now] { return n->load(); };
    }
    void advance(qint64 ms) { *now += ms; }
};

} // namespace

class TestJobStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_dbCounter = 0;

    QString newDbPath()
    {
        return m_dir.filePath(QStringLiteral("jobs-%1.sqlite").arg(++m_dbCounter));
    }

    std::unique_ptr<JobStore> openStore(const QString &path, const ManualClock *clock = nullptr)
    {
        auto store = std::make_unique<JobStore>(path);
        if (clock)
            store->setClock(clock->fn());
        const auto err = store->open();
        if (err)
            qWarning("%s", qPrintable(*err));
        return err ? nullptr : std::move(store);
    }

    // Enqueues `count` inputs (paths need not exist for the queue itself).
    EnqueueResult enqueueInputs(JobStore &store, int count,
                                const QStringList &presets = {QStringLiteral("thumb")},
                                OverwritePolicy policy = OverwritePolicy::Rename,
                                int maxAttempts = 5)
    {
        EnqueueRequest req;
        for (int i = 0; i < count; ++i)
            req.inputs.append(
                {m_dir.filePath(QStringLiteral("in/img%1.jpg").arg(i, 5, 10, QLatin1Char('0'))),
                 {}});
        for (const QString &p : presets)
            req.recipes << recipeFromSpecs({QStringLiteral("thumbnail:size=64")}, p);
        req.outputDir = m_dir.filePath(QStringLiteral("out"));
        req.overwrite = policy;
        req.maxAttempts = maxAttempts;
        EnqueueResult res;
        const auto err = store.enqueue(req, &res);
        if (err)
            qWarning("%s", qPrintable(*err));
        return res;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void schemaIsVersionedAndReopens()
    {
        const QString path = newDbPath();
        {
            auto store = openStore(path);
            QVERIFY(store);
            QCOMPARE(enqueueInputs(*store, 3).queued, 3);
        }
        auto again = openStore(path);
        QVERIFY(again);
        QCOMPARE(again->counts().value(JobState::Queued), 3);
        QCOMPARE(again->integrityCheck(), QStringLiteral("ok"));
    }

    void migratesAVersion1DatabaseForward()
    {
        const QString path = newDbPath();
        {
            // A database as the first release wrote it, with one queued job.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *statement : sql::kMigrations[0]) {
                if (!statement)
                    break;
                QVERIFY2(q.exec(QString::fromUtf8(statement)), qPrintable(q.lastError().text()));
            }
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO batches (created_at, output_dir, naming, "
                                          "overwrite) VALUES (1, '/o', '{name}', 'rename')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO jobs (batch_id, input_path, preset, recipe, "
                                          "output_path, state, available_at, "
                                          "created_at, updated_at, rev) VALUES (1, '/i/a.jpg', "
                                          "'p', '{}', '/o/a.jpg', 'queued', 0, 0, 0, 1)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        auto store = openStore(path);
        QVERIFY(store);
        QCOMPARE(store->counts().value(JobState::Queued), 1);
        const auto job = store->leaseNext(QStringLiteral("w"), 1000ms);
        QVERIFY(job);
        QVERIFY(store->complete(
            job->id, QStringLiteral("w"),
            {QStringLiteral("written"), QStringLiteral("h"), QStringLiteral("k"), 0}));
        QCOMPARE(store->findReusableOutput(QStringLiteral("k"), 999)->jobId, job->id);
        QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
    }

    // The worker's combined step: one transaction completes the job and leases the next; a lost
    // lease completes nothing but still hands out the next job; an empty queue returns none.
    void completeAndLeaseNextIsOneStep()
    {
        ManualClock clock;
        auto store = openStore(newDbPath(), &clock);
        enqueueInputs(*store, 3);
        const auto first = store->leaseNext(QStringLiteral("w1"), 1000ms);
        QVERIFY(first);
        const qint64 revBefore = store->latestRevision();
        bool completed = false;
        const auto second = store->completeAndLeaseNext(
            first->id, QStringLiteral("w1"), {QStringLiteral("written"), QString(), QString(), 0},
            1000ms, &completed);
        QVERIFY(completed);
        QVERIFY(second);
        QVERIFY(second->id != first->id);
        QCOMPARE(store->job(first->id)->state, JobState::Done);
        QCOMPARE(store->job(second->id)->state, JobState::Leased);
        QCOMPARE(store->job(second->id)->attempts, 1);
        QCOMPARE(store->latestRevision(), revBefore + 2); // both rows changed, each once

        // w1's lease on `second` expires and w2 takes it over (after the still queued third job):
        // w1 can no longer complete it.
        clock.advance(2000);
        const auto third = store->leaseNext(QStringLiteral("w2"), 1000ms);
        const auto takenOver = store->leaseNext(QStringLiteral("w2"), 1000ms);
        QVERIFY(third && takenOver);
        QCOMPARE(takenOver->id, second->id);
        const auto none =
            store->completeAndLeaseNext(second->id, QStringLiteral("w1"), {}, 1000ms, &completed);
        QVERIFY(!completed);
        QVERIFY(!none); // nothing left to lease
        QCOMPARE(store->job(second->id)->state, JobState::Leased);
        QCOMPARE(store->job(second->id)->attempts, 2);

        const auto after =
            store->completeAndLeaseNext(third->id, QStringLiteral("w2"), {}, 1000ms, &completed);
        QVERIFY(completed);
        QVERIFY(!after);
        QCOMPARE(store->counts().value(JobState::Done), 2);
        QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
    }

    void identicalWorkFindsTheEarlierOutput()
    {
        auto store = openStore(newDbPath());
        enqueueInputs(*store, 3);
        const auto a = store->leaseNext(QStringLiteral("w"), 1000ms);
        const auto b = store->leaseNext(QStringLiteral("w"), 1000ms);
        QVERIFY(!store->findReusableOutput(QStringLiteral("key"), b->id));
        QVERIFY(store->complete(a->id, QStringLiteral("w"),
                                {QStringLiteral("written"), QString(), QStringLiteral("key"), 0}));
        const auto found = store->findReusableOutput(QStringLiteral("key"), b->id);
        QVERIFY(found);
        QCOMPARE(found->jobId, a->id);
        QCOMPARE(found->outputPath, a->outputPath);
        QVERIFY(!store->findReusableOutput(QStringLiteral("key"), a->id)); // not itself
        QVERIFY(!store->findReusableOutput(QStringLiteral("other"), b->id));
        QVERIFY(
            store->complete(b->id, QStringLiteral("w"),
                            {QStringLiteral("reused"), QString(), QStringLiteral("key"), a->id}));
        QCOMPARE(store->job(b->id)->reusedFrom, a->id);
        QCOMPARE(store->job(b->id)->outcome, QStringLiteral("reused"));
    }

    void hotStatementsUseTheirIndexes()
    {
        auto store = openStore(newDbPath());
        QVERIFY(store);
        const QStringList plans = store->explainHotStatements();
        QCOMPARE(plans.size(), 3);
        QVERIFY2(plans[0].contains(QStringLiteral("jobs_ready")), qPrintable(plans[0]));
        QVERIFY2(plans[0].contains(QStringLiteral("jobs_leases")), qPrintable(plans[0]));
        QVERIFY2(plans[1].contains(QStringLiteral("jobs_leases")), qPrintable(plans[1]));
        QVERIFY2(plans[2].contains(QStringLiteral("jobs_by_rev")), qPrintable(plans[2]));
        for (const QString &plan : plans)
            QVERIFY2(!plan.contains(QStringLiteral("SCAN jobs\n")) &&
                         !plan.endsWith(QStringLiteral("SCAN jobs")),
                     qPrintable(plan));
    }

    void enqueueFansOutPresetsWithDeterministicNames()
    {
        auto a = openStore(newDbPath());
        QVERIFY(a);
        const EnqueueResult r =
            enqueueInputs(*a, 2, {QStringLiteral("small"), QStringLiteral("big")});
        QCOMPARE(r.queued, 4);
        const QList<JobRecord> jobs = a->list();
        QCOMPARE(jobs.size(), 4);
        QStringList names;
        for (const JobRecord &j : jobs)
            names << QFileInfo(j.outputPath).fileName();
        QCOMPARE(names, (QStringList{QStringLiteral("img00000-small.jpg"),
                                     QStringLiteral("img00000-big.jpg"),
                                     QStringLiteral("img00001-small.jpg"),
                                     QStringLiteral("img00001-big.jpg")}));
        // Deterministic: the same request in another database decides the same paths.
        auto b = openStore(newDbPath());
        enqueueInputs(*b, 2, {QStringLiteral("small"), QStringLiteral("big")});
        QStringList other;
        for (const JobRecord &j : b->list())
            other << QFileInfo(j.outputPath).fileName();
        QCOMPARE(other, names);
    }

    void outputsNeverCollideWithInputsOrEachOther()
    {
        auto store = openStore(newDbPath());
        QVERIFY(store);
        QDir().mkpath(m_dir.filePath(QStringLiteral("same/a")));
        QDir().mkpath(m_dir.filePath(QStringLiteral("same/b")));
        const QString in1 = m_dir.filePath(QStringLiteral("same/a/photo.jpg"));
        const QString in2 = m_dir.filePath(QStringLiteral("same/b/photo.jpg"));
        for (const QString &p : {in1, in2}) {
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
        EnqueueRequest req;
        req.inputs = {{in1, {}}, {in2, {}}};
        req.recipes << recipeFromSpecs({QStringLiteral("format:type=jpeg")}, QStringLiteral("p"));
        req.outputDir = m_dir.filePath(QStringLiteral("same/a")); // the folder of the first input
        req.overwrite = OverwritePolicy::Replace; // even "replace" never hits an input
        EnqueueResult res;
        QVERIFY(!store->enqueue(req, &res));
        const QList<JobRecord> jobs = store->list();
        QCOMPARE(jobs.size(), 2);
        QCOMPARE(QFileInfo(jobs[0].outputPath).fileName(), QStringLiteral("photo-1.jpg"));
        QCOMPARE(QFileInfo(jobs[1].outputPath).fileName(), QStringLiteral("photo-2.jpg"));
    }

    // Across batches: an output never takes the name of an earlier job's input, nor of an output
    // an unfinished job will write (enqueue checks the database for the folders that have such
    // paths, and skips the checks for folders that have none).
    void laterBatchesRespectEarlierJobs()
    {
        auto store = openStore(newDbPath());
        QVERIFY(store);
        const QString base = m_dir.filePath(QStringLiteral("batches"));
        for (const char *d : {"in", "other", "out", "out-2"})
            QVERIFY(QDir().mkpath(base + QLatin1Char('/') + QLatin1String(d)));
        const QString in = base + QStringLiteral("/in/photo.jpg");
        const QString other = base + QStringLiteral("/other/photo.jpg");
        for (const QString &p : {in, other}) {
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
        auto enqueue = [&](const QString &input, const QString &outDir) {
            EnqueueRequest req;
            req.inputs = {{input, {}}};
            req.recipes << recipeFromSpecs({QStringLiteral("format:type=jpeg")},
                                           QStringLiteral("p"));
            req.outputDir = base + QLatin1Char('/') + outDir;
            req.overwrite = OverwritePolicy::Replace;
            EnqueueResult res;
            const auto error = store->enqueue(req, &res);
            return error ? *error : QFileInfo(store->list().last().outputPath).fileName();
        };
        // A queued job claims out/photo.jpg: the next batch into "out" gets another name, a batch
        // into the sibling "out-2" (same prefix, another folder) does not.
        QCOMPARE(enqueue(in, QStringLiteral("out")), QStringLiteral("photo.jpg"));
        QCOMPARE(enqueue(in, QStringLiteral("out")), QStringLiteral("photo-1.jpg"));
        QCOMPARE(enqueue(other, QStringLiteral("out-2")), QStringLiteral("photo.jpg"));
        // in/photo.jpg is an earlier job's input: a batch writing into "in" must not take it.
        QCOMPARE(enqueue(other, QStringLiteral("in")), QStringLiteral("photo-1.jpg"));
        // Once every job in "out" is finished, its names are free again (policy: replace).
        const QString owner = store->ownerName(QStringLiteral("test"));
        while (auto job = store->leaseNext(owner, std::chrono::seconds(60)))
            QVERIFY(store->complete(job->id, owner));
        QCOMPARE(enqueue(in, QStringLiteral("out")), QStringLiteral("photo.jpg"));
    }

    void overwritePolicyIsDecidedAtEnqueue()
    {
        const QString out = m_dir.filePath(QStringLiteral("out"));
        QDir().mkpath(out);
        QFile existing(QDir(out).filePath(QStringLiteral("img00000.jpg")));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("previous output");
        existing.close();

        auto store = openStore(newDbPath());
        QVERIFY(store);
        EnqueueResult skip = enqueueInputs(*store, 2, {QStringLiteral("p")}, OverwritePolicy::Skip);
        QCOMPARE(skip.skipped, 1);
        QCOMPARE(skip.queued, 1);
        auto skipped = store->list(JobState::Done);
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped[0].outcome, QStringLiteral("skipped"));

        auto s2 = openStore(newDbPath());
        enqueueInputs(*s2, 1, {QStringLiteral("p")}, OverwritePolicy::Rename);
        QCOMPARE(QFileInfo(s2->list()[0].outputPath).fileName(), QStringLiteral("img00000-1.jpg"));

        auto s3 = openStore(newDbPath());
        enqueueInputs(*s3, 1, {QStringLiteral("p")}, OverwritePolicy::Replace);
        QCOMPARE(QFileInfo(s3->list()[0].outputPath).fileName(), QStringLiteral("img00000.jpg"));
        QFile::remove(existing.fileName());
    }

    void recipeNamingAppliesUnlessTheBatchOverridesIt()
    {
        auto store = openStore(newDbPath());
        EnqueueRequest req;
        req.inputs = {{m_dir.filePath(QStringLiteral("in/cat.png")), {}}};
        Recipe web = recipeFromSpecs({QStringLiteral("format:type=jpeg")}, QStringLiteral("web"));
        web.naming = QStringLiteral("{name}-for-web");
        req.recipes << web;
        req.outputDir = m_dir.filePath(QStringLiteral("named"));
        EnqueueResult res;
        QVERIFY(!store->enqueue(req, &res));
        req.naming = QStringLiteral("{index}_{name}");
        QVERIFY(!store->enqueue(req, &res));
        const QList<JobRecord> jobs = store->list();
        QCOMPARE(QFileInfo(jobs[0].outputPath).fileName(), QStringLiteral("cat-for-web.jpg"));
        QCOMPARE(QFileInfo(jobs[1].outputPath).fileName(), QStringLiteral("0001_cat.jpg"));
    }

    void badNamingTemplateIsRefused()
    {
        auto store = openStore(newDbPath());
        EnqueueRequest req;
        req.inputs = {{m_dir.filePath(QStringLiteral("x.jpg")), {}}};
        req.recipes << recipeFromSpecs({}, QStringLiteral("p"));
        req.outputDir = m_dir.path();
        req.naming = QStringLiteral("{name}-{width}");
        EnqueueResult res;
        const auto err = store->enqueue(req, &res);
        QVERIFY(err);
        QVERIFY2(err->contains(QStringLiteral("{width}")), qPrintable(*err));
        QCOMPARE(store->counts().value(JobState::Queued), 0);
    }

    void leaseCountsTheAttemptAndOnlyTheOwnerCompletes()
    {
        ManualClock clock;
        auto store = openStore(newDbPath(), &clock);
        enqueueInputs(*store, 1);
        const auto job = store->leaseNext(QStringLiteral("A"), 1000ms);
        QVERIFY(job);
        QCOMPARE(job->attempts, 1);
        QVERIFY(!store->leaseNext(QStringLiteral("B"), 1000ms)); // nothing else is ready
        QVERIFY(!store->complete(job->id, QStringLiteral("B")));
        QVERIFY(store->heartbeat(job->id, QStringLiteral("A"), 1000ms, 0.5));
        QCOMPARE(store->job(job->id)->progress, 0.5);
        QVERIFY(store->complete(job->id, QStringLiteral("A")));
        QCOMPARE(store->job(job->id)->state, JobState::Done);
        QVERIFY(!store->complete(job->id, QStringLiteral("A"))); // once only
    }

    void expiredLeaseIsTakenOverAndTheStaleOwnerLoses()
    {
        ManualClock clock;
        auto store = openStore(newDbPath(), &clock);
        enqueueInputs(*store, 1);
        const auto first = store->leaseNext(QStringLiteral("A"), 1000ms);
        QVERIFY(first);
        clock.advance(999);
        QVERIFY(!store->leaseNext(QStringLiteral("B"), 1000ms)); // still A's
        clock.advance(2);
        const auto second = store->leaseNext(QStringLiteral("B"), 1000ms);
        QVERIFY(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->attempts, 2);
        // A wakes up from its hang: it can neither extend, complete, fail nor release B's lease.
        QVERIFY(!store->heartbeat(first->id, QStringLiteral("A"), 1000ms, 1));
        QVERIFY(!store->complete(first->id, QStringLiteral("A")));
        QVERIFY(
            !store->fail(first->id, QStringLiteral("A"), ErrorKind::Permanent, QStringLiteral("x"))
                 .applied);
        QVERIFY(!store->release(first->id, QStringLiteral("A")));
        QCOMPARE(store->job(first->id)->leaseOwner, QStringLiteral("B"));
        QVERIFY(store->complete(second->id, QStringLiteral("B")));
    }

    void transientFailuresBackOffExponentiallyThenFail()
    {
        ManualClock clock;
        auto s = openStore(newDbPath(), &clock);
        enqueueInputs(*s, 1);
        for (int attempt = 1; attempt <= 5; ++attempt) {
            const auto job = s->leaseNext(QStringLiteral("w"), 1000ms);
            QVERIFY2(job, qPrintable(QStringLiteral("attempt %1").arg(attempt)));
            QCOMPARE(job->attempts, attempt);
            const FailResult r = s->fail(job->id, QStringLiteral("w"), ErrorKind::Transient,
                                         QStringLiteral("network down"));
            QVERIFY(r.applied);
            if (attempt < 5) {
                QCOMPARE(r.newState, JobState::Queued);
                const qint64 delay = r.retryAtMs - clock.now->load();
                const qint64 base = qint64(1000) << attempt; // 2 s, 4 s, 8 s, 16 s
                QVERIFY2(delay >= base && delay <= base + base / 10,
                         qPrintable(QStringLiteral("attempt %1 delay %2").arg(attempt).arg(delay)));
                // Not available before its time...
                clock.advance(base - 1);
                QVERIFY(!s->leaseNext(QStringLiteral("w"), 1000ms));
                clock.advance(delay - base + 1);
            } else {
                QCOMPARE(r.newState, JobState::Failed);
            }
        }
        const JobRecord j = s->list().constFirst();
        QCOMPARE(j.state, JobState::Failed);
        QCOMPARE(j.attempts, 5);
        QVERIFY2(j.errorMessage.contains(QStringLiteral("network down")),
                 qPrintable(j.errorMessage));
        QVERIFY2(j.errorMessage.contains(QStringLiteral("5 attempts")), qPrintable(j.errorMessage));
        QCOMPARE(JobStore::backoffDelayMs(8), 256000);
        QCOMPARE(JobStore::backoffDelayMs(9), 300000);
        QCOMPARE(JobStore::backoffDelayMs(30), 300000);
    }

    void permanentFailureGoesStraightToFailed()
    {
        auto store = openStore(newDbPath());
        enqueueInputs(*store, 1);
        const auto job = store->leaseNext(QStringLiteral("w"), 1000ms);
        const FailResult r = store->fail(job->id, QStringLiteral("w"), ErrorKind::Permanent,
                                         QStringLiteral("not an image"));
        QCOMPARE(r.newState, JobState::Failed);
        const JobRecord j = *store->job(job->id);
        QCOMPARE(j.attempts, 1);
        QCOMPARE(j.errorKind, QStringLiteral("permanent"));
        QCOMPARE(j.errorMessage, QStringLiteral("not an image"));
    }

    void gracefulReleaseDoesNotCountTheAttempt()
    {
        auto store = openStore(newDbPath());
        enqueueInputs(*store, 2);
        const auto a = store->leaseNext(store->ownerName(QStringLiteral("w0")), 60s);
        const auto b = store->leaseNext(store->ownerName(QStringLiteral("w1")), 60s);
        QVERIFY(a && b);
        QCOMPARE(store->releaseAllOfThisProcess(), 2);
        for (const JobRecord &j : store->list()) {
            QCOMPARE(j.state, JobState::Queued);
            QCOMPARE(j.attempts, 0);
        }
    }

    void leasesOfAGoneProcessAreReclaimedAtOnce()
    {
        const QString path = newDbPath();
        auto survivor = openStore(path);
        enqueueInputs(*survivor, 2);
        qint64 leasedId = 0;
        {
            auto other = openStore(path);
            const auto job = other->leaseNext(other->ownerName(QStringLiteral("w0")), 600s);
            QVERIFY(job);
            leasedId = job->id;
            // While the other process lives, its lease is respected.
            QCOMPARE(survivor->reclaimDeadLeases(), 0);
            QCOMPARE(survivor->job(leasedId)->state, JobState::Leased);
        } // "process" gone: its lock file is released without handing back the lease
        QCOMPARE(survivor->job(leasedId)->state, JobState::Leased);
        QCOMPARE(survivor->reclaimDeadLeases(), 1);
        const JobRecord j = *survivor->job(leasedId);
        QCOMPARE(j.state, JobState::Queued);
        QCOMPARE(j.attempts, 1); // the interrupted attempt stays counted
        QVERIFY(!j.errorMessage.isEmpty());
    }

    void aJobThatKillsItsProcessEveryTimeFailsAfterMaxAttempts()
    {
        const QString path = newDbPath();
        {
            auto s = openStore(path);
            enqueueInputs(*s, 1);
        }
        for (int crash = 1; crash <= 5; ++crash) {
            auto s = openStore(path); // a restart reclaims the previous crash at once
            const auto job = s->leaseNext(s->ownerName(QStringLiteral("w0")), 600s);
            QVERIFY2(job, qPrintable(QStringLiteral("crash %1").arg(crash)));
            QCOMPARE(job->attempts, crash);
        } // each store dies holding its lease
        auto s = openStore(path);
        QVERIFY(!s->leaseNext(s->ownerName(QStringLiteral("w0")), 600s));
        const JobRecord j = s->list().constFirst();
        QCOMPARE(j.state, JobState::Failed);
        QCOMPARE(j.attempts, 5);
        QVERIFY2(j.errorMessage.contains(QStringLiteral("5 attempts")), qPrintable(j.errorMessage));
    }

    void expiredLeaseOutOfAttemptsFails()
    {
        ManualClock clock;
        auto store = openStore(newDbPath(), &clock);
        enqueueInputs(*store, 1, {QStringLiteral("p")}, OverwritePolicy::Rename, 2);
        QVERIFY(store->leaseNext(QStringLiteral("hung1"), 1000ms));
        clock.advance(1001);
        QVERIFY(store->leaseNext(QStringLiteral("hung2"), 1000ms));
        clock.advance(1001);
        QVERIFY(!store->leaseNext(QStringLiteral("w"), 1000ms));
        QCOMPARE(store->list().constFirst().state, JobState::Failed);
    }

    void cancelRetryPauseResume()
    {
        auto store = openStore(newDbPath());
        const EnqueueResult r = enqueueInputs(*store, 3);
        QList<JobRecord> jobs = store->list();
        QCOMPARE(store->cancel({jobs[0].id}), 1);
        QCOMPARE(store->job(jobs[0].id)->state, JobState::Cancelled);
        QCOMPARE(store->retry({jobs[0].id}), 1);
        QCOMPARE(store->job(jobs[0].id)->state, JobState::Queued);

        QCOMPARE(store->pauseBatch(r.batchId), 3);
        QVERIFY(!store->leaseNext(QStringLiteral("w"), 1000ms));
        QCOMPARE(store->counts().value(JobState::Paused), 3);
        QCOMPARE(store->activeCount(), 0);
        QCOMPARE(store->resumeBatch(r.batchId), 3);
        const auto job = store->leaseNext(QStringLiteral("w"), 1000ms);
        QVERIFY(job);
        // A failure in a paused batch waits as paused, not queued.
        store->pauseBatch(r.batchId);
        store->fail(job->id, QStringLiteral("w"), ErrorKind::Transient, QStringLiteral("t"));
        QCOMPARE(store->job(job->id)->state, JobState::Paused);

        store->resumeBatch(r.batchId);
        const auto again = store->leaseNext(QStringLiteral("w"), 1000ms);
        store->fail(again->id, QStringLiteral("w"), ErrorKind::Permanent, QStringLiteral("bad"));
        QCOMPARE(store->retryAllFailed(), 1);
        const JobRecord retried = *store->job(again->id);
        QCOMPARE(retried.state, JobState::Queued);
        QCOMPARE(retried.attempts, 0);
        QVERIFY(retried.errorMessage.isEmpty());
    }

    void changeNotificationReportsOnlyChangedRows()
    {
        auto store = openStore(newDbPath());
        QSignalSpy spy(store.get(), &JobStore::jobsChanged);
        enqueueInputs(*store, 5);
        QCOMPARE(spy.count(), 1);
        const qint64 rev = store->latestRevision();
        const auto job = store->leaseNext(QStringLiteral("w"), 1000ms);
        store->complete(job->id, QStringLiteral("w"));
        qint64 newest = 0;
        const QList<JobRecord> changed = store->changesSince(rev, &newest);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0].id, job->id);
        QCOMPARE(changed[0].state, JobState::Done);
        QVERIFY(newest > rev);
        QVERIFY(store->changesSince(newest, nullptr).isEmpty());
        QCOMPARE(spy.count(), 3);
    }

    // Removal deletes the rows and leaves tombstones that another JobStore on the same file (as
    // the window beside a `pixqueue-cli run`) reads from its change feed; running jobs are kept.
    void removeJobsLeavesTombstonesAndSparesRunningJobs()
    {
        const QString path = newDbPath();
        auto writer = openStore(path);
        auto reader = openStore(path);
        QVERIFY(writer && reader);
        enqueueInputs(*writer, 5);
        const JobChanges initial = reader->changes(0);
        QCOMPARE(initial.changed.size(), 5);
        QVERIFY(initial.removed.isEmpty());
        QVERIFY(initial.complete);
        const QList<JobRecord> jobs = writer->list();
        const auto leased = writer->leaseNext(QStringLiteral("w"), 60s);
        QVERIFY(leased);
        QCOMPARE(leased->id, jobs[0].id);
        const qint64 revBefore = writer->latestRevision();

        QSignalSpy spy(writer.get(), &JobStore::jobsChanged);
        const RemoveResult r = writer->removeJobs({jobs[0].id, jobs[1].id, jobs[3].id, jobs[3].id});
        QCOMPARE(r.removed, 2);
        QCOMPARE(r.skipped, 1); // the leased job: cancel it first
        QCOMPARE(spy.count(), 1);
        QVERIFY(!writer->job(jobs[1].id));
        QVERIFY(!writer->job(jobs[3].id));
        QCOMPARE(writer->job(jobs[0].id)->state, JobState::Leased);
        QCOMPARE(writer->list().size(), 3);
        QVERIFY(writer->latestRevision() > revBefore);

        const JobChanges delta = reader->changes(initial.newest);
        QVERIFY(delta.complete);
        QCOMPARE(QSet<qint64>(delta.removed.cbegin(), delta.removed.cend()),
                 (QSet<qint64>{jobs[1].id, jobs[3].id}));
        QCOMPARE(delta.changed.size(), 1); // the lease
        QCOMPARE(delta.changed[0].id, jobs[0].id);
        QCOMPARE(delta.newest, reader->latestRevision());
        QVERIFY(reader->changes(delta.newest).removed.isEmpty());
        // From revision 0 a reader gets the rows as they are, without tombstones.
        const JobChanges fresh = reader->changes(0);
        QCOMPARE(fresh.changed.size(), 3);
        QVERIFY(fresh.removed.isEmpty());
        QCOMPARE(fresh.newest, delta.newest);

        // Nothing to remove: nothing changes.
        QCOMPARE(writer->removeJobs({jobs[1].id, 999999}).removed, 0);
        QCOMPARE(spy.count(), 1);
        // Once cancelled, the running job can go.
        QCOMPARE(writer->cancel({jobs[0].id}), 1);
        QCOMPARE(writer->removeJobs({jobs[0].id}).removed, 1);
        QVERIFY(!writer->complete(jobs[0].id, QStringLiteral("w")));
        QCOMPARE(writer->integrityCheck(), QStringLiteral("ok"));
    }

    // Removing the newest job must not hand its id or its revision to the next change: a reader
    // would take the new job for the removed one, or miss a change.
    void idsAndRevisionsAreNotReusedAfterRemoval()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        auto reader = openStore(path);
        enqueueInputs(*store, 2);
        const QList<JobRecord> jobs = store->list();
        const qint64 rev = store->latestRevision();
        QCOMPARE(store->removeJobs({jobs[1].id}).removed, 1);
        const qint64 afterRemoval = store->latestRevision();
        QVERIFY(afterRemoval > rev);
        const JobChanges seen = reader->changes(rev);
        QCOMPARE(seen.newest, afterRemoval);

        EnqueueRequest req;
        req.inputs.append({m_dir.filePath(QStringLiteral("in/other.jpg")), {}});
        req.recipes << recipeFromSpecs({QStringLiteral("thumbnail:size=64")}, QStringLiteral("t"));
        req.outputDir = m_dir.filePath(QStringLiteral("out"));
        EnqueueResult res;
        QVERIFY(!store->enqueue(req, &res));
        const QList<JobRecord> now = store->list();
        QCOMPARE(now.size(), 2);
        QVERIFY(now[1].id > jobs[1].id);
        QVERIFY(now[1].revision > afterRemoval);
        const JobChanges next = reader->changes(seen.newest);
        QCOMPARE(next.changed.size(), 1);
        QCOMPARE(next.changed[0].id, now[1].id);
        QVERIFY(next.removed.isEmpty());
    }

    void clearFinishedRemovesDoneFailedAndCancelled()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        auto reader = openStore(path);
        enqueueInputs(*store, 6);
        const QList<JobRecord> jobs = store->list();
        auto lease = [&] { return store->leaseNext(QStringLiteral("w"), 60s); };
        QVERIFY(store->complete(lease()->id, QStringLiteral("w"))); // jobs[0] done
        store->fail(lease()->id, QStringLiteral("w"), ErrorKind::Permanent, QStringLiteral("x"));
        const auto running = lease();             // jobs[2] leased
        QCOMPARE(store->cancel({jobs[3].id}), 1); // jobs[3] cancelled
        store->pauseBatch(jobs[0].batchId);       // jobs[4], [5] paused
        const qint64 rev = reader->changes(0).newest;

        QCOMPARE(store->clearFinished(), 3);
        QCOMPARE(store->list().size(), 3);
        QCOMPARE(store->job(running->id)->state, JobState::Leased);
        QCOMPARE(store->counts().value(JobState::Paused), 2);
        const JobChanges delta = reader->changes(rev);
        QCOMPARE(QSet<qint64>(delta.removed.cbegin(), delta.removed.cend()),
                 (QSet<qint64>{jobs[0].id, jobs[1].id, jobs[3].id}));
        QVERIFY(delta.changed.isEmpty());
        QCOMPARE(store->clearFinished(), 0);
        QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
    }

    // Old tombstones are pruned; a reader that last looked before the pruned ones is told to
    // reload instead of silently keeping rows that are gone.
    void prunedTombstonesMakeAStaleReaderReload()
    {
        ManualClock clock;
        const QString path = newDbPath();
        auto store = openStore(path, &clock);
        auto reader = openStore(path, &clock);
        store->setTombstoneLifetime(1000ms);
        enqueueInputs(*store, 4);
        const QList<JobRecord> jobs = store->list();
        const qint64 stale = reader->changes(0).newest;
        QCOMPARE(store->removeJobs({jobs[0].id}).removed, 1);
        const qint64 afterFirst = reader->changes(stale).newest;
        QVERIFY(reader->changes(stale).complete);
        clock.advance(5000);
        QCOMPARE(store->removeJobs({jobs[2].id}).removed, 1);
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT job_id FROM removed_jobs ORDER BY job_id")));
            QList<qint64> kept;
            while (q.next())
                kept << q.value(0).toLongLong();
            QCOMPARE(kept, QList<qint64>{jobs[2].id}); // the first one was pruned
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        QVERIFY(!reader->changes(stale).complete);
        const JobChanges recent = reader->changes(afterFirst);
        QVERIFY(recent.complete);
        QCOMPARE(recent.removed, QList<qint64>{jobs[2].id});
        QVERIFY(reader->changes(0).complete);
        QCOMPARE(reader->changes(0).changed.size(), 2);
    }

    // Several threads, each with its own connection and owner, drain one queue: every job is
    // leased exactly once.
    void concurrentThreadsLeaseEachJobExactlyOnce()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        enqueueInputs(*store, 400);
        QMutex mutex;
        QList<qint64> seen;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 6; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                const QString owner = store->ownerName(QStringLiteral("t%1").arg(t));
                while (auto job = store->leaseNext(owner, 60s)) {
                    {
                        QMutexLocker lock(&mutex);
                        seen << job->id;
                    }
                    QVERIFY(store->complete(job->id, owner));
                }
            }));
            threads.back()->start();
        }
        for (auto &t : threads)
            QVERIFY(t->wait(120000));
        QCOMPARE(seen.size(), 400);
        QCOMPARE(QSet<qint64>(seen.cbegin(), seen.cend()).size(), 400);
        QCOMPARE(store->counts().value(JobState::Done), 400);
        for (const JobRecord &j : store->list())
            QCOMPARE(j.attempts, 1);
    }
};

QTEST_GUILESS_MAIN(TestJobStore)
#include "test_jobstore.moc"
