// The queue survives crashes (the 20-kill campaign is in test_crash_campaign.cpp): stale lock
// files of killed processes go away, a recipe that aborts the process runs out of attempts, dead
// leases are reclaimed at start, a graceful stop hands jobs back, and two processes share one
// database without running a job twice. Everything goes through the real CLI binary (see
// CliHarness.h).

#include "CliHarness.h"

#include <QtTest>
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
