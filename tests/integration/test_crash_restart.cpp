// The queue survives crashes: pixqueue-cli is killed (SIGKILL) at random moments and restarted,
// a recipe that aborts the process runs out of attempts, dead leases are reclaimed at start, a
// graceful stop hands jobs back, and two processes share one database without running a job twice.
// Everything goes through the real CLI binary (see CliHarness.h).

#include "CliHarness.h"

#include <QRandomGenerator>
#include <QSet>
#include <QtTest>
#include <limits>
#include <map>
#include <utility>

using namespace pqtest;

namespace {

const QString kFace = QStringLiteral("face_filippo_giunchedi.jpg"); // 800x533 JPEG
const QString kFaceRotated =
    QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg");                // CMYK, EXIF
const QString kCameraman = QStringLiteral("gray_cameraman_cc0.png");             // 512x512 gray
const QString kAstronaut = QStringLiteral("teeth_astronaut_eileen_collins.png"); // 512x512 RGB

QStringList dbArgs(const QString &db, std::initializer_list<QString> rest)
{
    QStringList a{QStringLiteral("--db"), db};
    for (const QString &s : rest)
        a << s;
    return a;
}

// State and attempts of every job, read straight from the table.
struct JobRow
{
    qint64 id;
    QString state;
    int attempts;
};

QList<JobRow> jobRows(const QString &db)
{
    QList<JobRow> rows;
    for (const QVariantList &r :
         sqlRows(db, QStringLiteral("SELECT id, state, attempts FROM jobs ORDER BY id")))
        rows.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toInt()});
    return rows;
}

int countInState(const QString &db, const QString &state)
{
    return sqlValue(db, QStringLiteral("SELECT count(*) FROM jobs WHERE state = '%1'").arg(state))
        .toInt();
}

QString jobState(const QJsonObject &job)
{
    return job.value(QStringLiteral("state")).toString();
}

} // namespace

class TestCrashRestart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killAndRestart();
    void staleLockFilesAreRemoved();
    void abortingRecipeRunsOutOfAttempts();
    void deadLeaseReclaimedAtStart();
    void gracefulStopHandsBack();
    void twoProcessesShareOneDatabase();

private:
    // Waits (polling `list --json --state leased`) until `count` jobs are leased.
    static bool waitUntilLeased(const CliHarness &h, const QString &db, int count, int timeoutMs)
    {
        return waitFor([&] { return h.list(db, QStringLiteral("leased")).size() >= count; },
                       timeoutMs, 100);
    }
};

void TestCrashRestart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    for (const QString &f : {kFace, kFaceRotated, kCameraman, kAstronaut})
        QVERIFY2(QFileInfo::exists(testDataPath(f)), qPrintable(testDataPath(f)));
}

void TestCrashRestart::killAndRestart()
{
    CliHarness h;
    QVERIFY(h.isValid());

    // 60 real images (4 photos under 15 names each) x 2 recipes = 120 jobs.
    const QString in = h.path(QStringLiteral("in"));
    int n = 0;
    for (const QString &photo : {kFace, kFaceRotated, kCameraman, kAstronaut}) {
        const QFileInfo fi(photo);
        for (int i = 0; i < 15; ++i, ++n) {
            const QString copy = QStringLiteral("%1/%2_%3.%4")
                                     .arg(in, fi.completeBaseName())
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
    const int expectedJobs = n * 2;
    const QString smallRecipe = h.path(QStringLiteral("small.json"));
    QVERIFY(writeFile(smallRecipe, R"({"version": 1, "name": "small",
        "steps": [{"op": "resize", "params": {"long-edge": 320}}],
        "output": {"type": "png", "png-compression": 6}})"));
    auto batchArgs = [&](const QString &out) {
        return QStringList{QStringLiteral("--op"),
                           QStringLiteral("thumbnail:size=200"),
                           QStringLiteral("--op"),
                           QStringLiteral("format:type=jpeg,quality=85"),
                           QStringLiteral("--recipe"),
                           smallRecipe,
                           QStringLiteral("--out"),
                           out,
                           in};
    };
    QMap<QString, QByteArray> inputHashes;
    for (const QString &f : filesBelow(in))
        inputHashes.insert(f, sha256(in + QLatin1Char('/') + f));

    // Startup cost of one CLI process (loading, opening the database), to place the kills.
    const QString refDb = h.path(QStringLiteral("ref.sqlite"));
    const QString refOut = h.path(QStringLiteral("ref-out"));
    qint64 startupMs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) { // the best of three: the first start may find cold caches
        const CliRun probe = h.run(dbArgs(refDb, {QStringLiteral("status")}));
        QVERIFY2(probe.exitedNormallyWith(0), probe.describe());
        startupMs = qMin(startupMs, probe.elapsedMs);
    }

    // Reference: the same batch, uninterrupted.
    const CliRun ref = h.run(dbArgs(refDb, {QStringLiteral("process"), QStringLiteral("--workers"),
                                            QStringLiteral("2")}) +
                                 batchArgs(refOut),
                             120000);
    QVERIFY2(ref.exitedNormallyWith(0), ref.describe());
    const QStringList expectedFiles = filesBelow(refOut);
    QCOMPARE(expectedFiles.size(), expectedJobs);
    const qint64 workMs = qMax<qint64>(500, ref.elapsedMs - startupMs);
    qInfo("reference run: %lld ms for %d jobs (startup %lld ms)", ref.elapsedMs, expectedJobs,
          startupMs);

    // The crash run: queue first, then work with kills at random moments.
    const QString db = h.path(QStringLiteral("crash.sqlite"));
    const QString out = h.path(QStringLiteral("crash-out"));
    CliRun r = h.run(dbArgs(db, {QStringLiteral("add")}) + batchArgs(out));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(countInState(db, QStringLiteral("queued")), expectedJobs);

    quint32 seed = 20240611;
    if (qEnvironmentVariableIsSet("PIXQUEUE_CRASH_SEED"))
        seed = quint32(qEnvironmentVariableIntValue("PIXQUEUE_CRASH_SEED"));
    QRandomGenerator rng(seed);
    // Each run gets killed after the startup plus up to an eighth of the reference's work time: a
    // few kills land while the process is still starting, most while two jobs are leased, and
    // about a third of the work is done when the final run starts.
    const qint64 spanMs = qMax<qint64>(200, workMs / 8);
    constexpr int kMinKills = 5;
    constexpr int kPlannedKills = 6; // more (up to kMaxKills) only while no kill caught a lease
    constexpr int kMaxKills = 12;
    int kills = 0;
    // (job id, attempt) of the leases held by a process at the moment it was killed. A set: a
    // process killed while it was still starting has not reclaimed its predecessor's leases yet.
    QSet<std::pair<qint64, int>> interrupted;
    QList<qint64> delays;
    while (kills < kMaxKills) {
        if (kills >= kPlannedKills && !interrupted.isEmpty())
            break;
        const qint64 delay =
            qMax<qint64>(30, startupMs / 2 + qint64(rng.bounded(quint32(spanMs + startupMs / 2))));
        auto p = h.start(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle"),
                                     QStringLiteral("--workers"), QStringLiteral("2")}));
        QVERIFY2(p->waitForStarted(10000), qPrintable(p->errorString()));
        if (p->waitForFinished(int(delay))) {
            // Finished on its own: the queue is empty already.
            qInfo("run %d finished by itself before the kill at %lld ms", kills + 1, delay);
            QVERIFY2(p->exitStatus() == QProcess::NormalExit,
                     p->readAllStandardError().constData());
            break;
        }
        p->kill(); // SIGKILL: no handler, no cleanup, like a power cut for the process
        QVERIFY(p->waitForFinished(10000)); // reaped: its PID is free, its lock file stale
        QCOMPARE(p->exitStatus(), QProcess::CrashExit);
        ++kills;
        delays << delay;
        const auto leased =
            sqlRows(db, QStringLiteral("SELECT id, attempts FROM jobs WHERE state = 'leased'"));
        QVERIFY2(leased.size() <= 4,
                 qPrintable(QString::number(leased.size()))); // 2 workers, 2 runs
        for (const QVariantList &row : leased)
            interrupted.insert({row.value(0).toLongLong(), row.value(1).toInt()});
    }
    const int doneBeforeFinal = countInState(db, QStringLiteral("done"));
    QStringList shownDelays;
    for (qint64 d : std::as_const(delays))
        shownDelays << QString::number(d);
    qInfo("seed %u: %d kills after %s ms; %d leases interrupted; %d of %d jobs done before the "
          "final run",
          seed, kills, qPrintable(shownDelays.join(QLatin1Char(','))), int(interrupted.size()),
          doneBeforeFinal, expectedJobs);
    QVERIFY2(kills >= kMinKills, "the queue ran empty before enough kills: kill earlier");
    QVERIFY2(!interrupted.isEmpty(), "no kill caught a job while it was leased");
    QVERIFY2(doneBeforeFinal < expectedJobs, "nothing left for the final run");

    // The final run completes the queue.
    r = h.run(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle"),
                          QStringLiteral("--workers"), QStringLiteral("2")}),
              120000);
    QVERIFY2(r.exitedNormallyWith(0), r.describe());

    const QJsonArray jobs = h.list(db);
    QCOMPARE(jobs.size(), expectedJobs);
    std::map<int, int> distribution; // attempts -> jobs
    QHash<qint64, int> interruptionsOf;
    for (const auto &[id, attempt] : std::as_const(interrupted))
        ++interruptionsOf[id];
    for (const QJsonValue &v : jobs) {
        const QJsonObject job = v.toObject();
        QVERIFY2(jobState(job) == QLatin1String("done"),
                 QJsonDocument(job).toJson(QJsonDocument::Compact).constData());
        // The batch holds several copies of the same photos, so some jobs copy an identical
        // earlier job's output instead of computing it again.
        const QString outcome = job.value(QStringLiteral("outcome")).toString();
        QVERIFY2(outcome == QLatin1String("written") || outcome == QLatin1String("reused"),
                 qPrintable(outcome));
        const int attempts = job.value(QStringLiteral("attempts")).toInt();
        QVERIFY2(attempts >= 1 && attempts <= job.value(QStringLiteral("max_attempts")).toInt(),
                 QJsonDocument(job).toJson(QJsonDocument::Compact).constData());
        ++distribution[attempts];
        // The attempt is counted at lease time, so each interrupted lease cost exactly one
        // attempt, and nothing else did.
        const qint64 id = job.value(QStringLiteral("id")).toInteger();
        QVERIFY2(attempts == 1 + interruptionsOf.value(id),
                 qPrintable(QStringLiteral("job %1: %2 attempts, interrupted %3 time(s)")
                                .arg(id)
                                .arg(attempts)
                                .arg(interruptionsOf.value(id))));
    }
    QStringList dist;
    for (const auto &[attempts, count] : distribution)
        dist << QStringLiteral("%1 attempt(s): %2 jobs").arg(attempts).arg(count);
    qInfo("attempts: %s", qPrintable(dist.join(QStringLiteral("; "))));

    // Exactly the reference's outputs, byte for byte: no temporary file, no half-written output.
    QCOMPARE(filesBelow(out), expectedFiles);
    for (const QString &f : expectedFiles) {
        const QString path = out + QLatin1Char('/') + f;
        QVERIFY2(sha256(path) == sha256(refOut + QLatin1Char('/') + f), qPrintable(f));
        const cv::Mat img = decode(path);
        QVERIFY2(!img.empty(), qPrintable(f));
        QVERIFY2(maxSide(img) == (f.endsWith(QLatin1String(".png")) ? 320 : 200), qPrintable(f));
    }
    // The originals are untouched.
    for (auto it = inputHashes.cbegin(); it != inputHashes.cend(); ++it)
        QVERIFY2(sha256(in + QLatin1Char('/') + it.key()) == it.value(), qPrintable(it.key()));
    QCOMPARE(filesBelow(in), inputHashes.keys());

    QCOMPARE(sqlValue(db, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(sqlValue(refDb, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(countInState(db, QStringLiteral("leased")), 0);

    const QStringList owners =
        QDir(db + QStringLiteral(".owners")).entryList(QDir::Files | QDir::Hidden);
    qInfo("%lld lock file(s) left in %s.owners (see staleLockFilesAreRemoved)",
          qlonglong(owners.size()), qPrintable(QFileInfo(db).fileName()));
}

void TestCrashRestart::staleLockFilesAreRemoved()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QDir owners(db + QStringLiteral(".owners"));

    // A worker process that holds no lease (the queue is empty) is killed.
    auto p = h.start(dbArgs(db, {QStringLiteral("run")}));
    QVERIFY(p->waitForStarted(10000));
    QVERIFY(waitFor([&] { return owners.entryList(QDir::Files).size() == 1; }, 15000));
    QVERIFY(p->waitForReadyRead(15000)); // the first progress line: it is working the queue
    p->kill();
    QVERIFY(p->waitForFinished(10000));
    QCOMPARE(owners.entryList(QDir::Files).size(), 1);

    // Processes that end normally remove their own lock file; the dead one's should go too.
    const CliRun r = h.run(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle")}));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(owners.entryList(QDir::Files), QStringList());
}

void TestCrashRestart::abortingRecipeRunsOutOfAttempts()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString out = h.path(QStringLiteral("out"));
    const QString poison = h.path(QStringLiteral("in/poison.jpg"));
    const QString good = h.path(QStringLiteral("in/good.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), poison));
    QVERIFY(copyFile(testDataPath(kFace), good));

    CliRun r =
        h.run(dbArgs(db, {QStringLiteral("add"), QStringLiteral("--op"),
                          QStringLiteral("debug-abort"), QStringLiteral("--out"), out, poison}));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    r = h.run(
        dbArgs(db, {QStringLiteral("add"), QStringLiteral("--op"),
                    QStringLiteral("thumbnail:size=64"), QStringLiteral("--out"), out, good}));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());

    // One worker, so that the order is fixed: the poison job first (it was queued first), then,
    // after each restart, the good job (the reclaimed poison job queues again behind it).
    int crashes = 0;
    for (int i = 0; i < 10; ++i) {
        r = h.run(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle"),
                              QStringLiteral("--workers"), QStringLiteral("1")}));
        QVERIFY2(r.finished, r.describe());
        if (r.exitStatus == QProcess::NormalExit)
            break;
        ++crashes;
    }
    QCOMPARE(crashes, 5); // max_attempts
    // The sixth start finds the poison job out of attempts, fails it and has nothing left to do.
    QVERIFY2(r.exitedNormallyWith(1), r.describe());
    QVERIFY2(r.err.contains("1 job(s) failed:"), r.describe());

    const QJsonArray jobs = h.list(db);
    QCOMPARE(jobs.size(), 2);
    const QJsonObject poisonJob = jobForInput(jobs, QStringLiteral("poison.jpg"));
    QCOMPARE(jobState(poisonJob), QStringLiteral("failed"));
    QCOMPARE(poisonJob.value(QStringLiteral("attempts")).toInt(), 5);
    QCOMPARE(poisonJob.value(QStringLiteral("error_kind")).toString(), QStringLiteral("permanent"));
    const QString msg = poisonJob.value(QStringLiteral("error")).toString();
    QVERIFY2(msg.contains(QLatin1String("5 attempts")) && msg.contains(QLatin1String("crashed")),
             qPrintable(msg));
    QVERIFY2(r.err.contains(msg.toUtf8()), r.describe());

    const QJsonObject goodJob = jobForInput(jobs, QStringLiteral("good.jpg"));
    QCOMPARE(jobState(goodJob), QStringLiteral("done"));
    QCOMPARE(goodJob.value(QStringLiteral("attempts")).toInt(), 1);
    QCOMPARE(maxSide(decode(out + QStringLiteral("/good.jpg"))), 64);
    QCOMPARE(filesBelow(out), QStringList({QStringLiteral("good.jpg")}));
    QCOMPARE(sqlValue(db, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));

    // Further starts do not touch the failed job again.
    r = h.run(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle")}));
    QVERIFY2(r.exitedNormallyWith(1), r.describe());
    QCOMPARE(jobForInput(h.list(db), QStringLiteral("poison.jpg"))
                 .value(QStringLiteral("attempts"))
                 .toInt(),
             5);
}

void TestCrashRestart::deadLeaseReclaimedAtStart()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString out = h.path(QStringLiteral("out"));
    const QString img = h.path(QStringLiteral("in/face.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), img));
    CliRun r = h.run(
        dbArgs(db, {QStringLiteral("add"), QStringLiteral("--op"),
                    QStringLiteral("debug-sleep:ms=3000"), QStringLiteral("--out"), out, img}));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());

    // A worker with a 10-minute lease dies while it holds the job.
    auto p = h.start(
        dbArgs(db, {QStringLiteral("run"), QStringLiteral("--lease-seconds"), QStringLiteral("600"),
                    QStringLiteral("--workers"), QStringLiteral("1")}));
    QVERIFY(p->waitForStarted(10000));
    QVERIFY2(waitUntilLeased(h, db, 1, 15000), p->readAllStandardError().constData());
    p->kill();
    QVERIFY(p->waitForFinished(10000));
    QCOMPARE(p->exitStatus(), QProcess::CrashExit);
    // The dead lease is still in the table, valid for almost 10 more minutes.
    const QVariantList row =
        sqlRows(db, QStringLiteral("SELECT state, attempts, lease_until FROM jobs")).value(0);
    QCOMPARE(row.value(0).toString(), QStringLiteral("leased"));
    QCOMPARE(row.value(1).toInt(), 1);
    const qint64 leaseLeftMs = row.value(2).toLongLong() - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(leaseLeftMs > 500000, qPrintable(QString::number(leaseLeftMs)));

    // A new process takes the job over at once, not when the lease expires.
    r = h.run(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle"),
                          QStringLiteral("--lease-seconds"), QStringLiteral("600")}),
              30000);
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    qInfo("the restarted run took %lld ms", r.elapsedMs);
    QVERIFY2(r.elapsedMs >= 3000, qPrintable(QString::number(r.elapsedMs))); // the job ran again
    QVERIFY2(r.elapsedMs < 10000, qPrintable(QString::number(r.elapsedMs)));
    const QJsonObject job = h.list(db).first().toObject();
    QCOMPARE(jobState(job), QStringLiteral("done"));
    QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 2);
    QCOMPARE(maxSide(decode(out + QStringLiteral("/face.jpg"))), 800);
}

void TestCrashRestart::gracefulStopHandsBack()
{
#ifdef Q_OS_WIN
    QSKIP("QProcess::terminate() sends WM_CLOSE on Windows, which a console program never sees");
#endif
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString out = h.path(QStringLiteral("out"));
    const QString img = h.path(QStringLiteral("in/face.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), img));
    CliRun r = h.run(
        dbArgs(db, {QStringLiteral("add"), QStringLiteral("--op"),
                    QStringLiteral("debug-sleep:ms=20000"), QStringLiteral("--out"), out, img}));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());

    auto p = h.start(dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle")}));
    QVERIFY(p->waitForStarted(10000));
    QVERIFY2(waitUntilLeased(h, db, 1, 15000), p->readAllStandardError().constData());
    QElapsedTimer t;
    t.start();
    p->terminate(); // SIGTERM, as `kill PID` or a service manager sends
    QVERIFY2(p->waitForFinished(5000), "pixqueue-cli did not stop within 5 s of SIGTERM");
    qInfo("stopped %lld ms after SIGTERM", t.elapsed());
    QCOMPARE(p->exitStatus(), QProcess::NormalExit);
    QVERIFY2(p->exitCode() == 0 || p->exitCode() == 1, qPrintable(QString::number(p->exitCode())));
    const QByteArray err = p->readAllStandardError();
    QVERIFY2(err.contains("stopping: running jobs are handed back to the queue"), err.constData());

    // Back in the queue, the attempt not counted: the job did nothing wrong.
    const QJsonObject job = h.list(db).first().toObject();
    QCOMPARE(jobState(job), QStringLiteral("queued"));
    QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 0);
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/face.jpg")));
    QCOMPARE(sqlValue(db, QStringLiteral("SELECT count(*) FROM jobs WHERE lease_owner IS NOT NULL"))
                 .toInt(),
             0);
}

void TestCrashRestart::twoProcessesShareOneDatabase()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString in = h.path(QStringLiteral("in"));
    const QString out = h.path(QStringLiteral("out"));
    constexpr int kJobs = 200;
    QStringList expected;
    for (int i = 0; i < kJobs; ++i) {
        const QString name = QStringLiteral("cam_%1").arg(i, 3, 10, QLatin1Char('0'));
        QVERIFY(copyFile(testDataPath(kCameraman),
                         in + QLatin1Char('/') + name + QStringLiteral(".png")));
        expected << name + QStringLiteral(".png");
    }
    CliRun r =
        h.run(dbArgs(db, {QStringLiteral("add"), QStringLiteral("--op"),
                          QStringLiteral("thumbnail:size=64"), QStringLiteral("--out"), out, in}));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(countInState(db, QStringLiteral("queued")), kJobs);

    QElapsedTimer t;
    t.start();
    const QStringList runArgs = dbArgs(db, {QStringLiteral("run"), QStringLiteral("--until-idle"),
                                            QStringLiteral("--workers"), QStringLiteral("2")});
    auto a = h.start(runArgs);
    auto b = h.start(runArgs);
    const CliRun ra = CliHarness::finish(*a, t, 90000);
    const CliRun rb = CliHarness::finish(*b, t, 90000);
    QVERIFY2(ra.exitedNormallyWith(0), ra.describe());
    QVERIFY2(rb.exitedNormallyWith(0), rb.describe());
    qInfo("two processes: %lld ms for %d jobs", t.elapsed(), kJobs);

    // Each job ran exactly once: leased once, never taken over or handed back.
    const QList<JobRow> rows = jobRows(db);
    QCOMPARE(rows.size(), kJobs);
    for (const JobRow &row : rows) {
        QVERIFY2(row.state == QLatin1String("done"),
                 qPrintable(QString::number(row.id) + row.state));
        QVERIFY2(row.attempts == 1,
                 qPrintable(QStringLiteral("job %1: %2 attempts").arg(row.id).arg(row.attempts)));
    }
    QCOMPARE(filesBelow(out), expected);
    for (const QString &f : std::as_const(expected))
        QVERIFY2(maxSide(decode(out + QLatin1Char('/') + f)) == 64, qPrintable(f));
    QCOMPARE(sqlValue(db, QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestCrashRestart)
#include "test_crash_restart.moc"
