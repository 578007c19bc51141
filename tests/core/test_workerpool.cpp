// WorkerPool: real jobs on real photos through the pool, and the lease life cycle around them.

#include "jobs/JobStore.h"
#include "jobs/WorkerPool.h"
#include "ops/Recipe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>

using namespace pq;
using namespace std::chrono_literals;

class TestWorkerPool : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    std::unique_ptr<JobStore> newStore()
    {
        auto store = std::make_unique<JobStore>(
            m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_counter)));
        if (auto err = store->open())
            qWarning("%s", qPrintable(*err));
        return store;
    }

    EnqueueResult enqueue(JobStore &store, const QStringList &inputs, const QStringList &specs,
                          const QString &out)
    {
        EnqueueRequest req;
        for (const QString &in : inputs)
            req.inputs.append({in, {}});
        Recipe r;
        if (auto err = Recipe::fromSpecs(specs, &r))
            qWarning("%s", qPrintable(*err));
        req.recipes << r;
        req.outputDir = out;
        EnqueueResult res;
        if (auto err = store.enqueue(req, &res))
            qWarning("%s", qPrintable(*err));
        return res;
    }

    static QString photo(const char *name)
    {
        return QStringLiteral(PIXQUEUE_TEST_DATA "/") + QLatin1String(name);
    }

    // Waits (processing events, so queued signals arrive) until `pred` holds.
    template <typename Pred> static bool waitFor(Pred pred, int ms = 20000)
    {
        QDeadlineTimer deadline(ms);
        while (!pred()) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(20);
        }
        return true;
    }

    static JobRecord byOutputOf(JobStore &store, const QString &dirAndName)
    {
        for (const JobRecord &j : store.list())
            if (QFileInfo(j.outputPath).dir().dirName() + QLatin1Char('/') +
                    QFileInfo(j.outputPath).fileName() ==
                dirAndName)
                return j;
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(qEnvironmentVariableIntValue("PIXQUEUE_ENABLE_TEST_OPS"), 1);
    }

    void processesRealPhotosIntoOutputs()
    {
        auto store = newStore();
        const QString out = m_dir.filePath(QStringLiteral("out1"));
        const QStringList inputs{photo("face_filippo_giunchedi.jpg"),
                                 photo("gray_cameraman_cc0.png"),
                                 photo("face_filippo_giunchedi_cmyk_exif_rot90.jpg")};
        enqueue(*store, inputs,
                {QStringLiteral("thumbnail:size=100"), QStringLiteral("format:type=jpeg")}, out);
        WorkerPool pool(store.get());
        pool.setWorkerCount(3);
        QSignalSpy finished(&pool, &WorkerPool::jobFinished);
        pool.start();
        QVERIFY(waitFor([&] { return finished.count() == 3; }));
        pool.stop();
        QVERIFY(pool.waitForStopped(10000));
        QCOMPARE(store->counts().value(JobState::Done), 3);
        for (const JobRecord &j : store->list()) {
            const cv::Mat m = cv::imread(j.outputPath.toStdString(), cv::IMREAD_UNCHANGED);
            QVERIFY2(!m.empty(), qPrintable(j.outputPath));
            QCOMPARE(std::max(m.cols, m.rows), 100);
        }
        // The EXIF-rotated photo is portrait after processing.
        const cv::Mat rotated =
            cv::imread(QDir(out)
                           .filePath(QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"))
                           .toStdString());
        QVERIFY(rotated.rows > rotated.cols);
    }

    // A running job reports its progress per stage: decoding, each step, encoding and writing.
    void progressIsReportedPerStep()
    {
        auto store = newStore();
        const QString out = m_dir.filePath(QStringLiteral("out-progress"));
        enqueue(*store, {photo("gray_cameraman_cc0.png")},
                {QStringLiteral("thumbnail:size=100"), QStringLiteral("grayscale"),
                 QStringLiteral("format:type=png")},
                out);
        WorkerPool pool(store.get());
        pool.setWorkerCount(1);
        QSignalSpy progress(&pool, &WorkerPool::jobProgress);
        QSignalSpy finished(&pool, &WorkerPool::jobFinished);
        pool.start();
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        pool.stop();
        QVERIFY(pool.waitForStopped(10000));
        const qint64 id = store->list().constFirst().id;
        QList<int> percents;
        for (const QList<QVariant> &args : std::as_const(progress)) {
            QCOMPARE(args.at(0).toLongLong(), id);
            percents << args.at(1).toInt();
        }
        // Decoding, thumbnail, grayscale, encoding + writing: a quarter each.
        QCOMPARE(percents, (QList<int>{25, 50, 75, 100}));
    }

    // Identical work is not done twice: same input content + same recipe -> the earlier output is
    // copied; a changed input, a changed recipe or a deleted earlier output means computing again.
    void identicalWorkReusesTheEarlierOutput()
    {
        auto store = newStore();
        const QString src = m_dir.filePath(QStringLiteral("reuse-src"));
        QVERIFY(QDir().mkpath(src));
        const QString a = src + QStringLiteral("/a.jpg");
        const QString copyOfA = src + QStringLiteral("/copy-of-a.jpg");
        const QString b = src + QStringLiteral("/b.png");
        QVERIFY(QFile::copy(photo("face_filippo_giunchedi.jpg"), a));
        QVERIFY(QFile::copy(photo("face_filippo_giunchedi.jpg"), copyOfA));
        QVERIFY(QFile::copy(photo("gray_cameraman_cc0.png"), b));
        const QStringList specs{QStringLiteral("thumbnail:size=64"),
                                QStringLiteral("format:type=png")};

        auto runAll = [&](int expectDone) {
            WorkerPool pool(store.get());
            pool.setWorkerCount(1); // in order: the first of two identical jobs finishes first
            pool.start();
            const bool ok =
                waitFor([&] { return store->counts().value(JobState::Done) == expectDone; });
            pool.stop();
            pool.waitForStopped(10000);
            return ok;
        };

        const QString out1 = m_dir.filePath(QStringLiteral("reuse-out1"));
        enqueue(*store, {a, b}, specs, out1);
        QVERIFY(runAll(2));
        const QList<JobRecord> first = store->list();
        for (const JobRecord &j : first)
            QCOMPARE(j.outcome, QStringLiteral("written"));

        // Same content under another name, and the same files again into another folder.
        const QString out2 = m_dir.filePath(QStringLiteral("reuse-out2"));
        enqueue(*store, {copyOfA, b}, specs, out2);
        // Same input, other recipe: must be computed.
        const QString out3 = m_dir.filePath(QStringLiteral("reuse-out3"));
        enqueue(*store, {a},
                {QStringLiteral("thumbnail:size=65"), QStringLiteral("format:type=png")}, out3);
        QVERIFY(runAll(5));

        QHash<QString, JobRecord> byOutput;
        for (const JobRecord &j : store->list())
            byOutput.insert(QFileInfo(j.outputPath).dir().dirName() + QLatin1Char('/') +
                                QFileInfo(j.outputPath).fileName(),
                            j);
        const JobRecord reusedA = byOutput.value(QStringLiteral("reuse-out2/copy-of-a.png"));
        const JobRecord reusedB = byOutput.value(QStringLiteral("reuse-out2/b.png"));
        const JobRecord firstA = byOutput.value(QStringLiteral("reuse-out1/a.png"));
        const JobRecord firstB = byOutput.value(QStringLiteral("reuse-out1/b.png"));
        QCOMPARE(reusedA.outcome, QStringLiteral("reused"));
        QCOMPARE(reusedA.reusedFrom, firstA.id);
        QCOMPARE(reusedB.outcome, QStringLiteral("reused"));
        QCOMPARE(reusedB.reusedFrom, firstB.id);
        QCOMPARE(byOutput.value(QStringLiteral("reuse-out3/a.png")).outcome,
                 QStringLiteral("written"));
        auto bytes = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QVERIFY(!bytes(firstA.outputPath).isEmpty());
        QCOMPARE(bytes(reusedA.outputPath), bytes(firstA.outputPath));
        QCOMPARE(bytes(reusedB.outputPath), bytes(firstB.outputPath));

        // A changed input is new work, even with the same size.
        cv::Mat pixels = cv::imread(b.toStdString(), cv::IMREAD_UNCHANGED);
        QVERIFY(!pixels.empty());
        pixels.at<uchar>(pixels.rows / 2, pixels.cols / 2) ^= 0x40;
        const QString bChanged = src + QStringLiteral("/b-changed.png");
        QVERIFY(cv::imwrite(bChanged.toStdString(), pixels));
        // The earlier output is gone: computed again rather than failing.
        QVERIFY(QFile::remove(firstA.outputPath));
        QVERIFY(QFile::remove(reusedA.outputPath));
        const QString out4 = m_dir.filePath(QStringLiteral("reuse-out4"));
        enqueue(*store, {a, bChanged}, specs, out4);
        QVERIFY(runAll(7));
        for (const JobRecord &j : store->list())
            if (j.outputPath.contains(QLatin1String("reuse-out4")))
                QCOMPARE(j.state, JobState::Done);
        QCOMPARE(byOutputOf(*store, QStringLiteral("reuse-out4/a.png")).outcome,
                 QStringLiteral("written"));
        const JobRecord changedJob = byOutputOf(*store, QStringLiteral("reuse-out4/b-changed.png"));
        QCOMPARE(changedJob.outcome, QStringLiteral("written"));
        QCOMPARE(changedJob.reusedFrom, 0);
    }

    void heartbeatKeepsTheLeaseOfALongJob()
    {
        auto store = newStore();
        enqueue(*store, {photo("gray_cameraman_cc0.png")}, {QStringLiteral("debug-sleep:ms=1500")},
                m_dir.filePath(QStringLiteral("out2")));
        WorkerPool pool(store.get());
        pool.setWorkerCount(2);
        pool.setLeaseTime(300ms); // much shorter than the job: only heartbeats keep it
        QSignalSpy finished(&pool, &WorkerPool::jobFinished);
        pool.start();
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        const JobRecord j = store->list().constFirst();
        QCOMPARE(j.state, JobState::Done);
        QCOMPARE(j.attempts, 1); // the second worker never took it over
    }

    void stopHandsRunningJobsBackWithoutCountingTheAttempt()
    {
        auto store = newStore();
        enqueue(*store, {photo("gray_cameraman_cc0.png")}, {QStringLiteral("debug-sleep:ms=60000")},
                m_dir.filePath(QStringLiteral("out3")));
        WorkerPool pool(store.get());
        pool.setWorkerCount(1);
        QSignalSpy stopped(&pool, &WorkerPool::stopped);
        pool.start();
        QVERIFY(waitFor([&] { return store->counts().value(JobState::Leased) == 1; }));
        pool.stop();
        QVERIFY(pool.waitForStopped(5000)); // the sleep polls its cancellation flag
        const JobRecord j = store->list().constFirst();
        QCOMPARE(j.state, JobState::Queued);
        QCOMPARE(j.attempts, 0);
        QVERIFY(waitFor([&] { return stopped.count() == 1; }, 2000));
    }

    void cancellingARunningJobStopsItsWorker()
    {
        auto store = newStore();
        enqueue(*store, {photo("gray_cameraman_cc0.png")}, {QStringLiteral("debug-sleep:ms=60000")},
                m_dir.filePath(QStringLiteral("out4")));
        WorkerPool pool(store.get());
        pool.setWorkerCount(1);
        pool.setLeaseTime(300ms);
        QSignalSpy finished(&pool, &WorkerPool::jobFinished);
        pool.start();
        QVERIFY(waitFor([&] { return store->counts().value(JobState::Leased) == 1; }));
        QCOMPARE(store->cancel({store->list().constFirst().id}), 1);
        QVERIFY(waitFor([&] { return finished.count() == 1; }, 5000));
        QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Cancelled);
        QCOMPARE(store->list().constFirst().state, JobState::Cancelled);
        QVERIFY(!QFile::exists(store->list().constFirst().outputPath));
    }

    void transientAndPermanentErrorsAreRecorded()
    {
        auto store = newStore();
        const QString out = m_dir.filePath(QStringLiteral("out5"));
        enqueue(*store, {photo("gray_cameraman_cc0.png")},
                {QStringLiteral("debug-fail:kind=transient")}, out);
        enqueue(*store, {photo("face_filippo_giunchedi.jpg")},
                {QStringLiteral("debug-fail:kind=permanent")}, out);
        WorkerPool pool(store.get());
        pool.setWorkerCount(2);
        QSignalSpy finished(&pool, &WorkerPool::jobFinished);
        pool.start();
        QVERIFY(waitFor([&] { return finished.count() == 2; }));
        pool.stop();
        pool.waitForStopped();
        const QList<JobRecord> jobs = store->list();
        QCOMPARE(jobs[0].state, JobState::Queued); // back off, retry later
        QCOMPARE(jobs[0].errorKind, QStringLiteral("transient"));
        QVERIFY(jobs[0].availableAtMs >= store->now() + 1000);
        QCOMPARE(jobs[1].state, JobState::Failed);
        QCOMPARE(jobs[1].errorKind, QStringLiteral("permanent"));
        QVERIFY(jobs[1].errorMessage.contains(QStringLiteral("debug-fail")));
    }

    void workerCountChangesWhileRunningAndPauseHoldsWork()
    {
        auto store = newStore();
        QStringList inputs;
        for (int i = 0; i < 12; ++i)
            inputs << photo("gray_cameraman_cc0.png");
        enqueue(*store, inputs, {QStringLiteral("debug-sleep:ms=150")},
                m_dir.filePath(QStringLiteral("out6")));
        WorkerPool pool(store.get());
        pool.setWorkerCount(1);
        pool.start();
        QVERIFY(waitFor([&] { return store->counts().value(JobState::Done) >= 1; }));
        pool.setWorkerCount(4);
        QCOMPARE(pool.workerCount(), 4);
        QVERIFY(waitFor([&] { return store->counts().value(JobState::Leased) >= 3; }, 5000));
        pool.pause();
        QVERIFY(waitFor([&] { return store->counts().value(JobState::Leased) == 0; }, 5000));
        const int doneWhilePaused = store->counts().value(JobState::Done);
        QTest::qWait(400);
        QCOMPARE(store->counts().value(JobState::Done), doneWhilePaused);
        QVERIFY(doneWhilePaused < 12);
        pool.resume();
        QVERIFY(waitFor([&] { return store->counts().value(JobState::Done) == 12; }));
        for (const JobRecord &j : store->list())
            QCOMPARE(j.attempts, 1);
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "test_workerpool.moc"
