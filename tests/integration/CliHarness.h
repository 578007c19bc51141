#pragma once
// Shared helpers of the integration tests: run the real pixqueue-cli (PIXQUEUE_CLI) as a child
// process in a private sandbox, parse its JSON output, and look at files and at the job database.
//
// Every process gets HOME and the XDG folders inside the harness's QTemporaryDir, so no test ever
// reads or writes the real user's data (the default database, user presets). The test operations
// (debug-abort, debug-sleep, debug-fail) are enabled with PIXQUEUE_ENABLE_TEST_OPS=1.
//
// Header only: each integration test is a single translation unit.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <QVariant>
#include <algorithm>
#include <functional>
#include <memory>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#ifdef Q_OS_UNIX
#include <csignal>
#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace pqtest {

// The result of one finished (or timed-out) CLI process.
struct CliRun
{
    bool finished = false; // false: timed out (the process was killed) or did not start
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    bool exitedNormallyWith(int code) const
    {
        return finished && exitStatus == QProcess::NormalExit && exitCode == code;
    }
    // For QVERIFY2 messages.
    QByteArray describe() const
    {
        return QByteArray("finished=") + (finished ? "yes" : "no") +
               " status=" + (exitStatus == QProcess::NormalExit ? "normal" : "crash") +
               " code=" + QByteArray::number(exitCode) + "\n--- stdout:\n" + out.left(4000) +
               "\n--- stderr:\n" + err.left(4000);
    }
};

inline QString cliPath()
{
    return QStringLiteral(PIXQUEUE_CLI);
}

inline QString testDataPath(const QString &name)
{
    return QStringLiteral(PIXQUEUE_TEST_DATA "/") + name;
}

inline QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline bool copyFile(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    QFile::remove(to);
    return QFile::copy(from, to);
}

// Decodes with OpenCV directly (not through PixQueue's own decoder): the outputs must be ordinary
// image files. Empty Mat when the file does not decode.
inline cv::Mat decode(const QString &path)
{
    const QByteArray bytes = readAll(path);
    if (bytes.isEmpty())
        return {};
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    return cv::imdecode(raw, cv::IMREAD_UNCHANGED).clone();
}

inline int maxSide(const cv::Mat &m)
{
    return std::max(m.cols, m.rows);
}

// Every file below `dir` (recursive, hidden ones included), as paths relative to `dir`, sorted.
inline QStringList filesBelow(const QString &dir)
{
    QStringList result;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        result << QDir(dir).relativeFilePath(it.next());
    result.sort();
    return result;
}

inline qint64 inodeOf(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return qint64(st.st_ino);
#else
    Q_UNUSED(path);
    return -1;
#endif
}

inline bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

// Read-only look into a job database with plain SQL, without going through pq::JobStore (whose
// open() would reclaim the leases of dead processes and so change what we want to observe).
// Returns the rows; empty on error (with a warning).
inline QList<QVariantList> sqlRows(const QString &dbFile, const QString &sql)
{
    QList<QVariantList> rows;
    const QString name = QStringLiteral("pqtest-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            qWarning("cannot open %s: %s", qPrintable(dbFile), qPrintable(db.lastError().text()));
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                qWarning("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            } else {
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < q.record().count(); ++i)
                        row << q.value(i);
                    rows << row;
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

inline QVariant sqlValue(const QString &dbFile, const QString &sql)
{
    const auto rows = sqlRows(dbFile, sql);
    return rows.isEmpty() || rows.first().isEmpty() ? QVariant() : rows.first().first();
}

// A sandbox (temporary folder with its own HOME and XDG folders) and a runner for the CLI.
class CliHarness
{
public:
    CliHarness()
    {
        m_dir.setAutoRemove(true);
        for (const char *d :
             {"home", "home/.local/share", "home/.config", "home/.cache", "home/.local/state"})
            QDir().mkpath(path(QString::fromLatin1(d)));
    }
    ~CliHarness()
    {
        // Undo chmod 000 and friends so that the temporary folder can be removed by a non-root
        // user too.
        for (const QString &p : std::as_const(m_restorePermissions))
            QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    bool isValid() const { return m_dir.isValid(); }
    QString root() const { return m_dir.path(); }
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    // Remember to give `p` its owner's permissions back before the folder is removed.
    void restorePermissionsLater(const QString &p) { m_restorePermissions << p; }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString home = path(QStringLiteral("home"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
        env.remove(QStringLiteral("XDG_DATA_DIRS")); // no system-wide presets either
        env.insert(QStringLiteral("PIXQUEUE_ENABLE_TEST_OPS"),
                   m_testOps ? QStringLiteral("1") : QStringLiteral("0"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")); // untranslated messages
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.remove(QStringLiteral("PIXQUEUE_LANG"));
        for (auto it = m_extraEnv.cbegin(); it != m_extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    // An environment variable for every process started from now on (credentials, ...).
    void setEnv(const QString &name, const QString &value) { m_extraEnv.insert(name, value); }
    void unsetEnv(const QString &name) { m_extraEnv.remove(name); }

    void setTestOpsEnabled(bool on) { m_testOps = on; }

    // RLIMIT_FSIZE for processes started from now on (0: none): a full file system in miniature.
    void setFileSizeLimit(qint64 bytes) { m_fileSizeLimit = bytes; }

    // Root ignores file permissions. To test a folder that cannot be read, the CLI then runs as
    // the unprivileged user `nobody` (uid/gid 65534). Everything it needs must be reachable for
    // that user: see openUpForOthers().
    void setRunAsNobody(bool on) { m_runAsNobody = on; }

    // Makes the sandbox usable by another user (for setRunAsNobody): every folder created so far
    // becomes rwx for all, every file readable.
    void openUpForOthers()
    {
        QFile::setPermissions(root(), QFileDevice::Permissions(0x7777));
        QDirIterator it(root(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            const QFileInfo fi(p);
            if (fi.isSymLink())
                continue;
            if (fi.isDir())
                QFile::setPermissions(p, QFileDevice::Permissions(0x7777));
            else
                QFile::setPermissions(p, fi.permissions() | QFileDevice::ReadOther |
                                             QFileDevice::ReadGroup);
        }
    }

    // Starts the CLI; the caller owns the process. Core dumps are disabled: crash tests abort and
    // kill the CLI on purpose.
    // `program`: another PixQueue executable (the window) in the same sandbox.
    std::unique_ptr<QProcess> start(const QStringList &args, const QString &program = {}) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProgram(program.isEmpty() ? cliPath() : program);
        p->setArguments(args);
        p->setProcessEnvironment(environment());
        p->setWorkingDirectory(root());
#ifdef Q_OS_UNIX
        const bool dropToNobody = m_runAsNobody && runningAsRoot();
        const rlim_t fileSizeLimit = rlim_t(m_fileSizeLimit);
        p->setChildProcessModifier([dropToNobody, fileSizeLimit] {
            struct rlimit noCore = {0, 0};
            ::setrlimit(RLIMIT_CORE, &noCore);
            if (fileSizeLimit > 0) {
                // Writes past the limit fail with EFBIG, like a full disk, instead of killing
                // the process with SIGXFSZ.
                ::signal(SIGXFSZ, SIG_IGN);
                struct rlimit fsize = {fileSizeLimit, fileSizeLimit};
                ::setrlimit(RLIMIT_FSIZE, &fsize);
            }
            if (dropToNobody) {
                const gid_t nobodyGroup = 65534;
                if (::setgroups(1, &nobodyGroup) != 0 || ::setgid(65534) != 0 ||
                    ::setuid(65534) != 0)
                    ::_exit(126);
            }
        });
#endif
        p->start();
        return p;
    }

    // Runs the CLI to the end (or kills it after `timeoutMs`).
    CliRun run(const QStringList &args, int timeoutMs = 60000) const
    {
        QElapsedTimer t;
        t.start();
        auto p = start(args);
        return finish(*p, t, timeoutMs);
    }

    static CliRun finish(QProcess &p, const QElapsedTimer &started, int timeoutMs = 60000)
    {
        CliRun r;
        if (!p.waitForStarted(10000)) {
            r.err = p.errorString().toUtf8();
            return r;
        }
        r.finished = p.waitForFinished(timeoutMs);
        if (!r.finished) {
            p.kill();
            p.waitForFinished(10000);
        }
        r.elapsedMs = started.elapsed();
        r.exitStatus = p.exitStatus();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // `list --json` of the database `db` (optionally only state S). Empty on error.
    QJsonArray list(const QString &db, const QString &state = {}) const
    {
        QStringList args{QStringLiteral("--db"), db, QStringLiteral("list"),
                         QStringLiteral("--json")};
        if (!state.isEmpty())
            args << QStringLiteral("--state") << state;
        const CliRun r = run(args);
        if (!r.exitedNormallyWith(0)) {
            qWarning("list --json failed: %s", r.describe().constData());
            return {};
        }
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
        if (e.error != QJsonParseError::NoError || !doc.isArray()) {
            qWarning("list --json printed no JSON array: %s", r.out.left(2000).constData());
            return {};
        }
        return doc.array();
    }

    // `status --json`. Empty on error.
    QJsonObject status(const QString &db) const
    {
        const CliRun r =
            run({QStringLiteral("--db"), db, QStringLiteral("status"), QStringLiteral("--json")});
        if (!r.exitedNormallyWith(0)) {
            qWarning("status --json failed: %s", r.describe().constData());
            return {};
        }
        return QJsonDocument::fromJson(r.out).object();
    }

private:
    QTemporaryDir m_dir;
    QStringList m_restorePermissions;
    bool m_testOps = true;
    bool m_runAsNobody = false;
    QMap<QString, QString> m_extraEnv;
    qint64 m_fileSizeLimit = 0;
};

// The jobs of a `list --json` array, by input file name (base name with extension).
inline QJsonObject jobForInput(const QJsonArray &jobs, const QString &inputFileName)
{
    for (const QJsonValue &v : jobs) {
        const QJsonObject o = v.toObject();
        if (QFileInfo(o.value(QStringLiteral("input")).toString()).fileName() == inputFileName)
            return o;
    }
    return {};
}

inline QJsonArray jobsOfBatch(const QJsonArray &jobs, qint64 batch)
{
    QJsonArray result;
    for (const QJsonValue &v : jobs)
        if (v.toObject().value(QStringLiteral("batch")).toInteger() == batch)
            result.append(v);
    return result;
}

inline qint64 lastBatch(const QJsonArray &jobs)
{
    qint64 b = 0;
    for (const QJsonValue &v : jobs)
        b = std::max(b, v.toObject().value(QStringLiteral("batch")).toInteger());
    return b;
}

// Polls `condition` every `stepMs` until it holds or `timeoutMs` passed.
inline bool waitFor(const std::function<bool()> &condition, int timeoutMs, int stepMs = 50)
{
    QElapsedTimer t;
    t.start();
    for (;;) {
        if (condition())
            return true;
        if (t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(stepMs);
    }
}

} // namespace pqtest
