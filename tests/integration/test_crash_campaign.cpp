// The crash campaign: a 200-job batch worked by 2 workers is killed (SIGKILL) 20 times at random
// moments and restarted each time, in three set-ups over one shared SQLite file:
//   - one pixqueue-cli process,
//   - two pixqueue-cli processes working the same database at once (one of them is killed),
//   - the window app (offscreen platform), whose worker pool resumes the queue when it starts.
// Most kills come from outside at a random time; every third one is a crash point inside the
// process (PIXQUEUE_CRASH_AT, see platform::crashPoint): just before or after a database COMMIT,
// and just before or after an output file is renamed into place, the moments a power cut hurts
// most. Afterwards: no job lost, every job done, the outputs byte-identical to an uninterrupted
// reference run (so no job ran twice in a way that changed its output), every output decodes, no
// temporary file left, the originals untouched, PRAGMA integrity_check ok.
//
// PIXQUEUE_CRASH_SEED=<n> replays a campaign; the seed is printed.

#include "CliHarness.h"

#include <QRandomGenerator>
#include <QSet>
#include <QtTest>
#include <array>
#include <limits>
#include <map>

using namespace pqtest;

namespace {

const QStringList kPhotos = {
    QStringLiteral("face_filippo_giunchedi.jpg"),                 // 800x533 JPEG
    QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"), // CMYK, EXIF-rotated
    QStringLiteral("gray_cameraman_cc0.png"),                     // 512x512 gray PNG
    QStringLiteral("teeth_astronaut_eileen_collins.png"),         // 512x512 RGB PNG
};
constexpr int kCopiesPerPhoto = 25; // 100 inputs x 2 recipes = 200 jobs
constexpr int kKills = 20;

const std::array<const char *, 4> kCrashPoints = {"before-commit", "after-commit", "before-rename",
                                                  "after-rename"};

QStringList dbArgs(const QString &db, const QStringList &rest)
{
    return QStringList{QStringLiteral("--db"), db} + rest;
}

int countInState(const QString &db, const QString &state)
{
    return sqlValue(db, QStringLiteral("SELECT count(*) FROM jobs WHERE state = '%1'").arg(state))
        .toInt();
}

enum class Setup
{
    OneCli,
    TwoClis,
    Window
};

const char *setupName(Setup s)
{
    switch (s) {
    case Setup::OneCli:
        return "one pixqueue-cli";
    case Setup::TwoClis:
        return "two pixqueue-cli processes";
    case Setup::Window:
        return "the window app";
    }
    return "";
}

} // namespace

class TestCrashCampaign : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oneCliProcess() { campaign(Setup::OneCli); }
    void twoCliProcesses() { campaign(Setup::TwoClis); }
    void windowApp();

private:
    void campaign(Setup setup);
    QStringList batchArgs(const QString &out) const;
    std::unique_ptr<QProcess> startWorker(Setup setup, const QString &db) const;

    CliHarness m_h;
    QString m_in;
    QString m_smallRecipe;
    QString m_refOut;
    QStringList m_expectedFiles;
    QMap<QString, QByteArray> m_inputHashes;
    QMap<QString, QByteArray> m_refHashes;
    qint64 m_cliStartupMs = 0;
    qint64 m_workMs = 0;
    quint32 m_seed = 20261205;
};

void TestCrashCampaign::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_h.isValid());
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    if (qEnvironmentVariableIsSet("PIXQUEUE_CRASH_SEED"))
        m_seed = quint32(qEnvironmentVariableIntValue("PIXQUEUE_CRASH_SEED"));
    qInfo("seed %u", m_seed);

    m_in = m_h.path(QStringLiteral("in"));
    for (const QString &photo : kPhotos) {
        QVERIFY2(QFileInfo::exists(testDataPath(photo)), qPrintable(testDataPath(photo)));
        const QFileInfo fi(photo);
        for (int i = 0; i < kCopiesPerPhoto; ++i) {
            const QString copy = QStringLiteral("%1/%2_%3.%4")
                                     .arg(m_in, fi.completeBaseName())
                                     .arg(i, 2, 10, QLatin1Char('0'))
                                     .arg(fi.suffix());
            QVERIFY(copyFile(testDataPath(photo), copy));
            // Each copy gets its own content (zero bytes after the image's end marker, which
            // decoders ignore), so identical-work reuse does not turn the work into instant
            // copies and the kills still land on jobs that are computing.
            QFile f(copy);
            QVERIFY(f.open(QIODevice::Append));
            QCOMPARE(f.write(QByteArray(i + 1, '\0')), qint64(i + 1));
        }
    }
    for (const QString &f : filesBelow(m_in))
        m_inputHashes.insert(f, sha256(m_in + QLatin1Char('/') + f));
    m_smallRecipe = m_h.path(QStringLiteral("small.json"));
    QVERIFY(writeFile(m_smallRecipe, R"({"version": 1, "name": "small",
        "steps": [{"op": "resize", "params": {"long-edge": 320}}],
        "output": {"type": "png", "png-compression": 6}})"));

    // Startup cost of one CLI process (loading, opening the database), to place the kills.
    const QString refDb = m_h.path(QStringLiteral("ref.sqlite"));
    m_cliStartupMs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) { // the best of three: the first start may find cold caches
        const CliRun probe = m_h.run(dbArgs(refDb, {QStringLiteral("status")}));
        QVERIFY2(probe.exitedNormallyWith(0), probe.describe());
        m_cliStartupMs = qMin(m_cliStartupMs, probe.elapsedMs);
    }

    // The reference: the same batch, uninterrupted.
    m_refOut = m_h.path(QStringLiteral("ref-out"));
    const CliRun ref = m_h.run(dbArgs(refDb, {QStringLiteral("process"),
                                              QStringLiteral("--workers"), QStringLiteral("2")}) +
                                   batchArgs(m_refOut),
                               300000);
    QVERIFY2(ref.exitedNormallyWith(0), ref.describe());
    m_expectedFiles = filesBelow(m_refOut);
    QCOMPARE(m_expectedFiles.size(), int(kPhotos.size()) * kCopiesPerPhoto * 2);
    for (const QString &f : std::as_const(m_expectedFiles))
        m_refHashes.insert(f, sha256(m_refOut + QLatin1Char('/') + f));
    m_workMs = qMax<qint64>(1000, ref.elapsedMs - m_cliStartupMs);
    qInfo("reference run: %lld ms for %lld jobs (startup %lld ms)", ref.elapsedMs,
          qlonglong(m_expectedFiles.size()), m_cliStartupMs);
}

QStringList TestCrashCampaign::batchArgs(const QString &out) const
{
    return {QStringLiteral("--op"),
            QStringLiteral("thumbnail:size=200"),
            QStringLiteral("--op"),
            QStringLiteral("format:type=jpeg,quality=85"),
            QStringLiteral("--recipe"),
            m_smallRecipe,
            QStringLiteral("--out"),
            out,
            m_in};
}

std::unique_ptr<QProcess> TestCrashCampaign::startWorker(Setup setup, const QString &db) const
{
    if (setup == Setup::Window) {
#ifdef PIXQUEUE_GUI
        // The window resumes the queue by itself (resume on start is on by default) with one
        // worker per core: 2 here.
        return m_h.start(dbArgs(db, {}), QStringLiteral(PIXQUEUE_GUI));
#endif
    }
    // Two processes share the 2 workers: one each.
    const QString workers = QString::number(setup == Setup::TwoClis ? 1 : 2);
    return m_h.start(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle"),
                                 QStringLiteral("--workers"), workers}));
}

void TestCrashCampaign::windowApp()
{
#ifndef PIXQUEUE_GUI
    QSKIP("built without the window (PIXQUEUE_BUILD_GUI=OFF)");
#else
    campaign(Setup::Window);
#endif
}

void TestCrashCampaign::campaign(Setup setup)
{
    const QString tag = QString::fromLatin1(QTest::currentTestFunction());
    const QString db = m_h.path(tag + QStringLiteral(".sqlite"));
    const QString out = m_h.path(tag + QStringLiteral("-out"));
    const int expectedJobs = int(m_expectedFiles.size());
    CliRun r = m_h.run(dbArgs(db, {QStringLiteral("add")}) + batchArgs(out));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(countInState(db, QStringLiteral("queued")), expectedJobs);

    // How long a worker process takes until it works: its lock file in <db>.owners appears once
    // it has opened the database.
    qint64 startupMs = m_cliStartupMs;
    if (setup == Setup::Window) {
        const QString emptyDb = m_h.path(tag + QStringLiteral("-probe.sqlite"));
        QElapsedTimer t;
        t.start();
        auto p = startWorker(setup, emptyDb);
        QVERIFY2(p->waitForStarted(10000), qPrintable(p->errorString()));
        const QDir owners(emptyDb + QStringLiteral(".owners"));
        QVERIFY2(waitFor([&] { return !owners.entryList(QDir::Files).isEmpty(); }, 30000, 10),
                 p->readAllStandardError().constData());
        startupMs = t.elapsed();
        p->kill();
        p->waitForFinished(10000);
    }

    QRandomGenerator rng(m_seed + quint32(setup));
    // An outside kill comes after about half the startup time plus a random span: some land
    // while a process is still starting, most while jobs are leased. The span adapts to the pace
    // actually seen (the machine may be busy, and with two processes the one not killed works
    // on meanwhile), so that each remaining kill may use an equal share of what is left of the
    // work, keeping a fifth of the batch for the final run.
    const double referenceJobsPerMs = double(expectedJobs) / double(m_workMs);
    double roundMsTotal = 0, roundJobsTotal = 0;
    auto nextSpanMs = [&](int killsLeft) {
        const int remaining = expectedJobs - countInState(db, QStringLiteral("done"));
        const double budgetJobs = qMax(0.0, (remaining - expectedJobs / 5.0) / qMax(1, killsLeft));
        const double jobsPerMs =
            roundMsTotal > 2000 ? roundJobsTotal / roundMsTotal : referenceJobsPerMs;
        const double roundMs = budgetJobs / qMax(jobsPerMs, 1e-6);
        return qBound<qint64>(20, qint64(2 * (roundMs - 0.75 * startupMs)), m_workMs / 25);
    };
    const int processes = setup == Setup::TwoClis ? 2 : 1;
    std::vector<std::unique_ptr<QProcess>> running(processes);
    int kills = 0, crashPointKills = 0, starts = 0, leasesInterrupted = 0;
    std::map<QString, int> byPoint;
    while (kills < kKills) {
        QVERIFY2(starts < kKills * 4, "too many starts without a kill");
        QElapsedTimer round;
        round.start();
        const int doneBeforeRound = countInState(db, QStringLiteral("done"));
        const bool useCrashPoint = kills % 3 == 1;
        const char *point = kCrashPoints[(kills / 3) % kCrashPoints.size()];
        int victim = int(rng.bounded(quint32(processes)));
        if (useCrashPoint) {
            // The crash point goes into the environment of a process about to start: the one
            // the last kill stopped.
            for (int i = 0; i < processes; ++i)
                if (!running[i] || running[i]->state() == QProcess::NotRunning)
                    victim = i;
        }
        // Start what is not running.
        for (int i = 0; i < processes; ++i) {
            if (running[i] && running[i]->state() != QProcess::NotRunning)
                continue;
            if (useCrashPoint && i == victim) {
                const bool commit = QByteArray(point).endsWith("commit");
                // A worker commits once per job (complete-and-lease-next) plus its first lease;
                // a rename happens once per job.
                const int n = 1 + int(rng.bounded(commit ? 10u : 4u));
                m_h.setEnv(QStringLiteral("PIXQUEUE_CRASH_AT"),
                           QStringLiteral("%1:%2").arg(QLatin1String(point)).arg(n));
            }
            running[i] = startWorker(setup, db);
            m_h.unsetEnv(QStringLiteral("PIXQUEUE_CRASH_AT"));
            QVERIFY2(running[i]->waitForStarted(10000), qPrintable(running[i]->errorString()));
            ++starts;
        }
        QProcess &p = *running[victim];
        bool killed = false;
        if (useCrashPoint) {
            // The process kills itself at its crash point.
            if (!p.waitForFinished(60000))
                QFAIL("a process with a crash point neither crashed nor finished in 60 s");
            killed = p.exitStatus() == QProcess::CrashExit;
            if (killed) {
                const QByteArray err = p.readAllStandardError();
                QVERIFY2(err.contains("test crash point reached"), err.constData());
                ++crashPointKills;
            }
        } else {
            const qint64 spanMs = nextSpanMs(kKills - kills);
            const qint64 delay = qMax<qint64>(
                30, startupMs / 2 + qint64(rng.bounded(quint32(spanMs + startupMs / 2))));
            if (!p.waitForFinished(int(delay))) {
                p.kill(); // SIGKILL: no handler, no cleanup, like a power cut for the process
                QVERIFY(p.waitForFinished(10000));
                killed = true;
                // Now and then both processes go at once, like a power cut for the machine.
                for (int i = 0; i < processes; ++i) {
                    QProcess *other = running[i].get();
                    if (i != victim && other->state() != QProcess::NotRunning &&
                        kills + 1 < kKills && rng.bounded(3u) == 0) {
                        other->kill();
                        QVERIFY(other->waitForFinished(10000));
                        ++kills;
                    }
                }
            }
        }
        roundMsTotal += double(round.elapsed());
        roundJobsTotal += countInState(db, QStringLiteral("done")) - doneBeforeRound;
        if (!killed) {
            // It finished on its own (a CLI run ends when the queue is empty).
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            if (countInState(db, QStringLiteral("done")) == expectedJobs)
                break;
            continue;
        }
        ++kills;
        if (useCrashPoint)
            ++byPoint[QString::fromLatin1(point)];
        leasesInterrupted +=
            sqlValue(db, QStringLiteral("SELECT count(*) FROM jobs WHERE state = 'leased'"))
                .toInt();
    }
    for (auto &p : running) {
        if (p && p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(10000);
        }
    }
    const int doneBeforeFinal = countInState(db, QStringLiteral("done"));
    QStringList points;
    for (const auto &[point, n] : byPoint)
        points << QStringLiteral("%1 x%2").arg(point).arg(n);
    qInfo("%s: %d kills in %d starts (%d at crash points: %s); %d leases held at kills; %d of %d "
          "jobs done before the final run",
          setupName(setup), kills, starts, crashPointKills, qPrintable(points.join(u", ")),
          leasesInterrupted, doneBeforeFinal, expectedJobs);
    QVERIFY2(kills == kKills, "the queue ran empty before enough kills: kill earlier");
    QVERIFY2(crashPointKills >= kKills / 3 - 1, "the crash points were not reached");
    QVERIFY2(leasesInterrupted > 0, "no kill caught a job while it was leased");
    QVERIFY2(doneBeforeFinal < expectedJobs, "nothing left for the final run");

    // The final run completes the queue.
    if (setup == Setup::Window) {
        auto p = startWorker(setup, db);
        QVERIFY(p->waitForStarted(10000));
        const bool allDone = waitFor(
            [&] { return countInState(db, QStringLiteral("done")) == expectedJobs; }, 300000, 200);
        p->kill();
        p->waitForFinished(10000);
        QVERIFY2(allDone, p->readAllStandardError().constData());
    } else {
        r = m_h.run(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle"),
                                QStringLiteral("--workers"), QStringLiteral("2")}),
                    300000);
        QVERIFY2(r.exitedNormallyWith(0), r.describe());
    }

    // No job lost: every one done, within its attempts.
    const QJsonArray jobs = m_h.list(db);
    QCOMPARE(jobs.size(), expectedJobs);
    std::map<int, int> distribution; // attempts -> jobs
    for (const QJsonValue &v : jobs) {
        const QJsonObject job = v.toObject();
        const QByteArray shown = QJsonDocument(job).toJson(QJsonDocument::Compact);
        QVERIFY2(job.value(QStringLiteral("state")).toString() == QLatin1String("done"),
                 shown.constData());
        const QString outcome = job.value(QStringLiteral("outcome")).toString();
        QVERIFY2(outcome == QLatin1String("written") || outcome == QLatin1String("reused"),
                 shown.constData());
        const int attempts = job.value(QStringLiteral("attempts")).toInt();
        QVERIFY2(attempts >= 1 && attempts <= job.value(QStringLiteral("max_attempts")).toInt(),
                 shown.constData());
        ++distribution[attempts];
    }
    QStringList dist;
    for (const auto &[attempts, count] : distribution)
        dist << QStringLiteral("%1 attempt(s): %2 jobs").arg(attempts).arg(count);
    qInfo("attempts: %s", qPrintable(dist.join(QStringLiteral("; "))));
    QCOMPARE(countInState(db, QStringLiteral("leased")), 0);

    // Exactly the reference's outputs, byte for byte: nothing written twice differently, no
    // temporary file, no half-written output.
    QCOMPARE(filesBelow(out), m_expectedFiles);
    for (const QString &f : std::as_const(m_expectedFiles)) {
        const QString path = out + QLatin1Char('/') + f;
        QVERIFY2(sha256(path) == m_refHashes.value(f), qPrintable(f));
        const cv::Mat img = decode(path);
        QVERIFY2(!img.empty(), qPrintable(f));
        QVERIFY2(maxSide(img) == (f.endsWith(QLatin1String(".png")) ? 320 : 200), qPrintable(f));
    }
    // The originals are untouched.
    QCOMPARE(filesBelow(m_in), m_inputHashes.keys());
    for (auto it = m_inputHashes.cbegin(); it != m_inputHashes.cend(); ++it)
        QVERIFY2(sha256(m_in + QLatin1Char('/') + it.key()) == it.value(), qPrintable(it.key()));

    QCOMPARE(sqlValue(db, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestCrashCampaign)
#include "test_crash_campaign.moc"
