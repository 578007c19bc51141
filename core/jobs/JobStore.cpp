#include "JobStore.h"

#include "JobStoreSql.h"
#include "OutputNaming.h"
#include "platform/Platform.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <vector>

namespace pq {

namespace {

// The context lupdate gives tr() in a free function of namespace pq (translations/README.md).
QString tr(const char *text)
{
    return QCoreApplication::translate("pq", text);
}

std::atomic<quint64> g_connectionSerial{0};

// Runs a prepared statement; on error logs and returns false. Named values are bound by name.
bool exec(QSqlQuery &q, const char *sql, const QVariantMap &values)
{
    if (!q.prepare(QString::fromUtf8(sql))) {
        qWarning("JobStore: cannot prepare: %s", qPrintable(q.lastError().text()));
        return false;
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bindValue(QLatin1Char(':') + it.key(), it.value());
    if (!q.exec()) {
        qWarning("JobStore: statement failed: %s", qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

JobRecord readRecord(const QSqlQuery &q)
{
    JobRecord r;
    r.id = q.value(0).toLongLong();
    r.batchId = q.value(1).toLongLong();
    r.inputPath = q.value(2).toString();
    r.outputPath = q.value(3).toString();
    r.preset = q.value(4).toString();
    r.state = jobStateFromName(q.value(5).toString()).value_or(JobState::Failed);
    r.attempts = q.value(6).toInt();
    r.maxAttempts = q.value(7).toInt();
    r.availableAtMs = q.value(8).toLongLong();
    r.leaseOwner = q.value(9).toString();
    r.leaseUntilMs = q.value(10).toLongLong();
    r.progress = q.value(11).toDouble();
    r.errorKind = q.value(12).toString();
    r.errorMessage = q.value(13).toString();
    r.outcome = q.value(14).toString();
    r.createdAtMs = q.value(15).toLongLong();
    r.updatedAtMs = q.value(16).toLongLong();
    r.revision = q.value(17).toLongLong();
    r.reusedFrom = q.value(18).toLongLong();
    r.offload = q.value(19).toInt() != 0;
    return r;
}

QString exhaustedMessage()
{
    return tr("gave up after %1 attempts: the process stopped or crashed during each of them");
}

} // namespace

// The calling thread's connection and its prepared statements. Preparing is the expensive part
// of a small statement (Qt rewrites named placeholders, SQLite parses and plans), so the hot
// statements are prepared once per connection and reused.
struct JobStore::Connection
{
    QString name;
    QHash<const char *, QSqlQuery> statements;

    QSqlQuery &statement(const char *text)
    {
        auto it = statements.find(text);
        if (it == statements.end()) {
            QSqlQuery q(QSqlDatabase::database(name, false));
            if (!q.prepare(QString::fromUtf8(text)))
                qWarning("JobStore: cannot prepare: %s", qPrintable(q.lastError().text()));
            it = statements.insert(text, q);
        }
        return *it;
    }
};

namespace {
// Runs a cached statement with named values; the statement is reset (finish) when the handle goes
// out of scope, so no read snapshot stays open between calls.
class Stmt
{
public:
    Stmt(QSqlQuery &q, const QVariantMap &values)
        : m_q(q)
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            m_q.bindValue(QLatin1Char(':') + it.key(), it.value());
        m_ok = m_q.exec();
        if (!m_ok)
            qWarning("JobStore: statement failed: %s", qPrintable(m_q.lastError().text()));
    }
    ~Stmt() { m_q.finish(); }
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;
    bool ok() const { return m_ok; }
    int rowsAffected() const { return m_ok ? m_q.numRowsAffected() : 0; }
    QSqlQuery *operator->() { return &m_q; }
    const QSqlQuery &query() const { return m_q; }

private:
    QSqlQuery &m_q;
    bool m_ok = false;
};
} // namespace

// An immediate (write-locking) transaction on the calling thread's connection. BEGIN IMMEDIATE
// takes the write lock up front and waits for it with the busy timeout; a deferred transaction
// that upgrades to a writer later could fail with SQLITE_BUSY without waiting in WAL mode.
class JobStore::Tx
{
public:
    explicit Tx(Connection &c)
        : m_c(c)
    {
        m_ok = Stmt(m_c.statement("BEGIN IMMEDIATE"), {}).ok();
    }
    ~Tx()
    {
        if (m_ok && !m_done)
            Stmt(m_c.statement("ROLLBACK"), {});
    }
    bool ok() const { return m_ok; }
    bool commit()
    {
        if (!m_ok)
            return false;
        platform::crashPoint(platform::CrashPoint::BeforeCommit);
        m_done = Stmt(m_c.statement("COMMIT"), {}).ok();
        platform::crashPoint(platform::CrashPoint::AfterCommit);
        return m_done;
    }

private:
    Connection &m_c;
    bool m_ok = false;
    bool m_done = false;
};

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("queued");
    case JobState::Leased:
        return QStringLiteral("leased");
    case JobState::Done:
        return QStringLiteral("done");
    case JobState::Failed:
        return QStringLiteral("failed");
    case JobState::Cancelled:
        return QStringLiteral("cancelled");
    case JobState::Paused:
        return QStringLiteral("paused");
    case JobState::Offloaded:
        return QStringLiteral("offloaded");
    }
    return {};
}

QList<JobState> allJobStates()
{
    return {JobState::Queued,    JobState::Leased, JobState::Done,     JobState::Failed,
            JobState::Cancelled, JobState::Paused, JobState::Offloaded};
}

std::optional<JobState> jobStateFromName(const QString &name)
{
    for (JobState s : allJobStates())
        if (jobStateName(s) == name)
            return s;
    return std::nullopt;
}

QString overwritePolicyName(OverwritePolicy policy)
{
    switch (policy) {
    case OverwritePolicy::Skip:
        return QStringLiteral("skip");
    case OverwritePolicy::Replace:
        return QStringLiteral("replace");
    case OverwritePolicy::Rename:
        return QStringLiteral("rename");
    }
    return {};
}

std::optional<OverwritePolicy> overwritePolicyFromName(const QString &name)
{
    for (OverwritePolicy p :
         {OverwritePolicy::Skip, OverwritePolicy::Replace, OverwritePolicy::Rename})
        if (overwritePolicyName(p) == name)
            return p;
    return std::nullopt;
}

JobStore::JobStore(QString path, QObject *parent)
    : QObject(parent)
    , m_path(path.isEmpty() ? defaultPath() : QFileInfo(path).absoluteFilePath())
    , m_processId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_storeId(QStringLiteral("pq-jobstore-%1").arg(m_processId))
{}

JobStore::~JobStore()
{
    const QList<QThread *> threads = [this] {
        QMutexLocker lock(&m_connectionsMutex);
        return m_connections.keys();
    }();
    for (QThread *thread : threads)
        dropConnection(thread);
}

QString JobStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/jobs.sqlite");
}

QString JobStore::ownerName(const QString &worker) const
{
    return m_processId + QLatin1Char('/') + worker;
}

void JobStore::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

qint64 JobStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString JobStore::lockDir() const
{
    return m_path + QStringLiteral(".owners");
}

// One connection per thread: Qt SQL connections must be used only by the thread that opened
// them. A connection is dropped when its thread finishes or when the store is destroyed.
JobStore::Connection &JobStore::connection() const
{
    QThread *thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_connectionsMutex);
        if (auto it = m_connections.constFind(thread); it != m_connections.cend())
            return **it;
    }
    auto c = std::make_shared<Connection>();
    c->name = QStringLiteral("%1-%2").arg(m_storeId).arg(++g_connectionSerial);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), c->name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeout.count()));
    if (db.open()) {
        QSqlQuery q(db);
        // WAL: readers never block the writer. synchronous=NORMAL is durable against a crash of
        // the application (our concern); after a power loss the last commits may roll back, and a
        // job that rolls back to queued simply runs again (outputs are idempotent).
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        // 16 MB of page cache (default 2 MB) keeps the indexes of a 100k-row table in memory.
        q.exec(QStringLiteral("PRAGMA cache_size = -16384"));
    } else {
        qWarning("JobStore: cannot open %s: %s", qPrintable(m_path),
                 qPrintable(db.lastError().text()));
    }
    {
        QMutexLocker lock(&m_connectionsMutex);
        m_connections.insert(thread, c);
    }
    // Runs in the finishing thread itself (direct connection), as Qt SQL wants.
    QObject::connect(
        thread, &QThread::finished, this, [this, thread] { dropConnection(thread); },
        Qt::DirectConnection);
    return *c;
}

void JobStore::dropConnection(QThread *thread) const
{
    std::shared_ptr<Connection> c;
    {
        QMutexLocker lock(&m_connectionsMutex);
        c = m_connections.take(thread);
    }
    if (!c)
        return;
    const QString name = c->name;
    c.reset(); // statements first: they hold the connection
    QSqlDatabase::removeDatabase(name);
}

QSqlDatabase JobStore::database() const
{
    return QSqlDatabase::database(connection().name, false);
}

std::optional<QString> JobStore::open()
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return tr("cannot create the folder of the job database %1").arg(m_path);
    QSqlDatabase db = database();
    if (!db.isOpen())
        return tr("cannot open the job database %1: %2").arg(m_path, db.lastError().text());
    if (auto err = migrate())
        return err;

    if (!QDir().mkpath(lockDir()))
        return tr("cannot create %1").arg(lockDir());
    m_processLock = std::make_unique<QLockFile>(lockDir() + QLatin1Char('/') + m_processId +
                                                QStringLiteral(".lock"));
    m_processLock->setStaleLockTime(0); // never stale by age: only when the process is gone
    if (!m_processLock->tryLock(0))
        return tr("cannot create the lock file in %1").arg(lockDir());
    reclaimDeadLeases();
    // Processes killed while they held no lease leave only their lock file: remove those too.
    const QStringList locks = QDir(lockDir()).entryList({QStringLiteral("*.lock")}, QDir::Files);
    for (const QString &file : locks)
        ownerProcessIsGone(QFileInfo(file).completeBaseName());
    return std::nullopt;
}

std::optional<QString> JobStore::migrate()
{
    QSqlDatabase db = database();
    Tx tx(connection());
    if (!tx.ok())
        return tr("the job database %1 is locked or not writable: %2")
            .arg(m_path, db.lastError().text());
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA user_version"));
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    constexpr int latest = int(std::size(sql::kMigrations));
    if (version > latest)
        return tr("the job database %1 was made by a newer PixQueue (schema %2, this one knows %3)")
            .arg(m_path)
            .arg(version)
            .arg(latest);
    for (int v = version; v < latest; ++v) {
        for (const char *statement : sql::kMigrations[v]) {
            if (!statement)
                break;
            if (!q.exec(QString::fromUtf8(statement)))
                return tr("cannot migrate the job database to schema %1: %2")
                    .arg(v + 1)
                    .arg(q.lastError().text());
        }
        q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1));
    }
    if (!tx.commit())
        return tr("cannot write the job database %1").arg(m_path);
    return std::nullopt;
}

void JobStore::notify()
{
    emit jobsChanged();
}

// ---- producing -------------------------------------------------------------------------------

std::optional<QString> JobStore::enqueue(const EnqueueRequest &request, EnqueueResult *result)
{
    if (request.recipes.isEmpty())
        return tr("no recipe or preset given");
    if (request.outputDir.isEmpty())
        return tr("no output folder given");
    // The naming template: the request's (--naming), else the recipe's own, else the default.
    // Several presets must not write the same name, so {preset} is added when missing.
    QList<QString> namings;
    for (const Recipe &recipe : request.recipes) {
        QString naming = !request.naming.isEmpty() ? request.naming
                         : !recipe.naming.isEmpty()
                             ? recipe.naming
                             : OutputNaming::defaultTemplate(request.recipes.size());
        if (auto err = OutputNaming::validateTemplate(naming))
            return err;
        if (request.recipes.size() > 1 && !naming.contains(QStringLiteral("{preset}")))
            naming += QStringLiteral("-{preset}");
        namings << naming;
    }
    const QString effectiveNaming = QStringList(namings).join(QLatin1Char('|'));

    QSqlDatabase db = database();
    Tx tx(connection());
    if (!tx.ok())
        return tr("the job database is busy or not writable: %1").arg(db.lastError().text());
    const qint64 t = now();
    QSqlQuery q(db);
    if (!exec(q, sql::kInsertBatch,
              {{QStringLiteral("now"), t},
               {QStringLiteral("output_dir"), QFileInfo(request.outputDir).absoluteFilePath()},
               {QStringLiteral("naming"), effectiveNaming},
               {QStringLiteral("overwrite"), overwritePolicyName(request.overwrite)},
               {QStringLiteral("offload"), request.offload ? 1 : 0}}))
        return tr("cannot record the batch: %1").arg(q.lastError().text());
    EnqueueResult res;
    res.batchId = q.lastInsertId().toLongLong();

    // Comparable forms are computed once per input and per output folder: resolving a path
    // touches the file system. A batch's inputs share few folders: each folder is resolved once.
    OutputNaming::ComparablePaths comparable;
    QList<QString> inputPaths;
    inputPaths.reserve(request.inputs.size());
    for (const EnqueueInput &in : request.inputs)
        inputPaths << comparable.of(in.path);
    const QSet<QString> inputsOfRequest(inputPaths.cbegin(), inputPaths.cend());
    QList<QString> recipeJson;
    for (const Recipe &recipe : request.recipes)
        recipeJson << QString::fromUtf8(recipe.toJsonBytes());
    const QString outRoot = OutputNaming::comparablePath(request.outputDir);

    QSet<QString> claimedInRequest;
    QSqlQuery inputProbe(db), claimProbe(db), inputInFolder(db), outputInFolder(db);
    inputProbe.prepare(QString::fromUtf8(sql::kPathIsAnInput));
    claimProbe.prepare(QString::fromUtf8(sql::kOutputClaimedByActiveJob));
    inputInFolder.prepare(QString::fromUtf8(sql::kAnyInputInFolder));
    outputInFolder.prepare(QString::fromUtf8(sql::kAnyActiveOutputInFolder));
    auto found = [](QSqlQuery &query) {
        const bool any = query.exec() && query.next();
        query.finish();
        return any;
    };
    auto probe = [&](QSqlQuery &query, const QString &p) {
        query.bindValue(QStringLiteral(":path"), p);
        return found(query);
    };
    // An output folder, and whether the database can hold an input or a claimed output in it
    // (else its rows need no probes: the usual fresh output folder).
    struct OutputFolder
    {
        QDir dir;
        bool probe = true;
    };
    auto outputFolder = [&](const QString &comparableDir) {
        const QString prefix = comparableDir.endsWith(QLatin1Char('/'))
                                   ? comparableDir
                                   : comparableDir + QLatin1Char('/');
        const QString end = prefix.chopped(1) + QLatin1Char('0'); // '0' follows '/'
        bool any = false;
        for (QSqlQuery *q : {&inputInFolder, &outputInFolder}) {
            q->bindValue(QStringLiteral(":prefix"), prefix);
            q->bindValue(QStringLiteral(":end"), end);
            any = any || found(*q);
        }
        return OutputFolder{QDir(comparableDir), any};
    };
    QHash<QString, OutputFolder> folders; // relative dir -> output folder
    const OutputFolder *folder = nullptr;
    auto isInput = [&](const QString &p) {
        return inputsOfRequest.contains(p) || (folder->probe && probe(inputProbe, p));
    };
    auto claimedByOtherJob = [&](const QString &p) {
        return claimedInRequest.contains(p) || (folder->probe && probe(claimProbe, p));
    };

    // Rows are decided in the request's order (names, numbering) and inserted largest input
    // first: ids decide the lease order, and starting the longest jobs first keeps every worker
    // busy until the end of the batch instead of leaving one on a big file at the end.
    struct PendingRow
    {
        qint64 inputBytes = 0;
        qsizetype recipe = 0;
        QString inputPath;
        QString outputPath;
        bool skip = false;
    };
    std::vector<PendingRow> rows;
    rows.reserve(size_t(request.inputs.size() * request.recipes.size()));
    int index = 0;
    for (const EnqueueInput &in : request.inputs) {
        const qint64 inputBytes = QFileInfo(in.path).size();
        const QString &inputPath = inputPaths.at(index);
        ++index;
        const QString suffixIn = QFileInfo(in.path).suffix();
        auto folderIt = folders.find(in.relativeDir);
        if (folderIt == folders.end())
            folderIt = folders.insert(
                in.relativeDir, outputFolder(in.relativeDir.isEmpty()
                                                 ? outRoot
                                                 : OutputNaming::comparablePath(
                                                       QDir(outRoot).filePath(in.relativeDir))));
        folder = &*folderIt;
        for (qsizetype r = 0; r < request.recipes.size(); ++r) {
            const Recipe &recipe = request.recipes.at(r);
            const QString name = OutputNaming::fileName(namings.at(r), in.path, recipe.name, index,
                                                        recipe.outputSuffix(suffixIn));
            const QString wanted = folder->dir.filePath(name);
            // An input is never overwritten, and two jobs never write one file: both always get a
            // new name. Then an existing file is treated according to the policy.
            QString output = wanted;
            int n = 0;
            while (isInput(output) || claimedByOtherJob(output))
                output = OutputNaming::numbered(wanted, ++n);
            bool skip = false;
            if (QFileInfo::exists(output)) {
                if (request.overwrite == OverwritePolicy::Skip) {
                    skip = true;
                } else if (request.overwrite == OverwritePolicy::Rename) {
                    while (QFileInfo::exists(output) || isInput(output) ||
                           claimedByOtherJob(output))
                        output = OutputNaming::numbered(wanted, ++n);
                }
            }
            claimedInRequest.insert(output);
            rows.push_back({inputBytes, r, inputPath, output, skip});
            skip ? ++res.skipped : ++res.queued;
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const PendingRow &a, const PendingRow &b) {
        return a.inputBytes > b.inputBytes;
    });
    QSqlQuery next(db);
    if (!exec(next, sql::kNextJobIdAndRevision, {}) || !next.next())
        return tr("cannot record a job: %1").arg(next.lastError().text());
    qint64 nextId = next.value(0).toLongLong();
    qint64 nextRev = next.value(1).toLongLong();
    next.finish();
    QSqlQuery insert(db);
    insert.prepare(QString::fromUtf8(sql::kInsertJob));
    const QString skippedMessage = tr("skipped: the output already exists");
    const QString queued = QStringLiteral("queued"), done = QStringLiteral("done");
    const QString skipped = QStringLiteral("skipped");
    const int offload = request.offload ? 1 : 0;
    const int maxAttempts = qMax(1, request.maxAttempts);
    for (const PendingRow &row : rows) {
        // In kInsertJob's order.
        const QVariant values[] = {nextId++,
                                   res.batchId,
                                   row.inputPath,
                                   request.recipes.at(row.recipe).name,
                                   recipeJson.at(row.recipe),
                                   row.outputPath,
                                   row.skip ? done : queued,
                                   row.skip ? QVariant(skipped) : QVariant(),
                                   row.skip ? QVariant(skippedMessage) : QVariant(),
                                   row.skip ? 1.0 : 0.0,
                                   maxAttempts,
                                   t, // available_at
                                   t, // created_at
                                   t, // updated_at
                                   row.skip ? QVariant(t) : QVariant(),
                                   offload,
                                   nextRev++};
        for (int i = 0; i < int(std::size(values)); ++i)
            insert.bindValue(i, values[i]);
        if (!insert.exec())
            return tr("cannot record a job: %1").arg(insert.lastError().text());
    }
    insert.finish();
    if (!tx.commit())
        return tr("cannot write the job database: %1").arg(db.lastError().text());
    *result = res;
    notify();
    return std::nullopt;
}

// ---- the lease protocol ---------------------------------------------------------------------

std::optional<LeasedJob> JobStore::leaseNext(const QString &owner,
                                             std::chrono::milliseconds leaseTime, Lane lane)
{
    Connection &c = connection();
    Tx tx(c);
    if (!tx.ok())
        return std::nullopt;
    bool changed = false;
    std::optional<LeasedJob> job = leaseInTransaction(owner, leaseTime, lane, &changed);
    if (!tx.commit())
        return std::nullopt;
    if (changed)
        notify();
    return job;
}

std::optional<LeasedJob> JobStore::completeAndLeaseNext(qint64 jobId, const QString &owner,
                                                        const Completion &completion,
                                                        std::chrono::milliseconds leaseTime,
                                                        bool *completed)
{
    *completed = false;
    Connection &c = connection();
    Tx tx(c);
    if (!tx.ok())
        return std::nullopt;
    const bool done = Stmt(c.statement(sql::kComplete), completionValues(jobId, owner, completion))
                          .rowsAffected() == 1;
    bool changed = done;
    std::optional<LeasedJob> job = leaseInTransaction(owner, leaseTime, Lane::Local, &changed);
    if (!tx.commit())
        return std::nullopt;
    *completed = done;
    if (changed)
        notify();
    return job;
}

// The lease's statements, inside the caller's immediate transaction. `changed` is set when a row
// changed (a job failed for exhausted attempts, or one was leased).
std::optional<LeasedJob> JobStore::leaseInTransaction(const QString &owner,
                                                      std::chrono::milliseconds leaseTime,
                                                      Lane lane, bool *changed)
{
    Connection &c = connection();
    const qint64 t = now();
    if (Stmt(c.statement(sql::kFailExhaustedLeases),
             {{QStringLiteral("now"), t}, {QStringLiteral("message"), exhaustedMessage()}})
            .rowsAffected() > 0)
        *changed = true;
    Stmt q(c.statement(sql::kLeaseNext),
           {{QStringLiteral("owner"), owner},
            {QStringLiteral("process"), m_processId},
            {QStringLiteral("now"), t},
            {QStringLiteral("lease_ms"), qint64(leaseTime.count())},
            {QStringLiteral("offload"), lane == Lane::Offload ? 1 : 0}});
    if (!q.ok() || !q->next())
        return std::nullopt;
    LeasedJob j;
    j.id = q->value(0).toLongLong();
    j.batchId = q->value(1).toLongLong();
    j.inputPath = q->value(2).toString();
    j.outputPath = q->value(3).toString();
    j.recipeJson = q->value(4).toString().toUtf8();
    j.attempts = q->value(5).toInt();
    j.maxAttempts = q->value(6).toInt();
    j.leaseUntilMs = q->value(7).toLongLong();
    j.owner = owner;
    *changed = true;
    return j;
}

bool JobStore::changeOne(const char *statement, QVariantMap values)
{
    values.insert(QStringLiteral("now"), now());
    const bool ok = Stmt(connection().statement(statement), values).rowsAffected() == 1;
    if (ok)
        notify();
    return ok;
}

bool JobStore::heartbeat(qint64 jobId, const QString &owner, std::chrono::milliseconds leaseTime,
                         double progress)
{
    return changeOne(sql::kHeartbeat, {{QStringLiteral("id"), jobId},
                                       {QStringLiteral("owner"), owner},
                                       {QStringLiteral("lease_ms"), qint64(leaseTime.count())},
                                       {QStringLiteral("progress"), qBound(0.0, progress, 1.0)}});
}

QVariantMap JobStore::completionValues(qint64 jobId, const QString &owner,
                                       const Completion &completion)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    return {{QStringLiteral("id"), jobId},
            {QStringLiteral("owner"), owner},
            {QStringLiteral("now"), now()},
            {QStringLiteral("outcome"), completion.outcome},
            {QStringLiteral("input_hash"), orNull(completion.inputHash)},
            {QStringLiteral("work_key"), orNull(completion.workKey)},
            {QStringLiteral("reused_from"),
             completion.reusedFrom ? QVariant(completion.reusedFrom) : QVariant()}};
}

bool JobStore::complete(qint64 jobId, const QString &owner, const Completion &completion)
{
    return changeOne(sql::kComplete, completionValues(jobId, owner, completion));
}

std::optional<ReusableOutput> JobStore::findReusableOutput(const QString &workKey,
                                                           qint64 jobId) const
{
    if (workKey.isEmpty())
        return std::nullopt;
    Stmt q(connection().statement(sql::kFindReusableOutput),
           {{QStringLiteral("work_key"), workKey}, {QStringLiteral("id"), jobId}});
    if (!q.ok() || !q->next())
        return std::nullopt;
    return ReusableOutput{q->value(0).toLongLong(), q->value(1).toString()};
}

qint64 JobStore::backoffDelayMs(int attempts)
{
    const int exponent = qBound(0, attempts, 9); // 2^9 s > 300 s already
    return qMin<qint64>(qint64(1) << exponent, 300) * 1000;
}

FailResult JobStore::fail(qint64 jobId, const QString &owner, ErrorKind kind,
                          const QString &message)
{
    FailResult result;
    Connection &c = connection();
    Tx tx(c);
    if (!tx.ok())
        return result;
    const qint64 t = now();
    int attempts = 0;
    int maxAttempts = 0;
    {
        Stmt q(c.statement(sql::kSelectLeaseHolder),
               {{QStringLiteral("id"), jobId}, {QStringLiteral("owner"), owner}});
        if (!q.ok() || !q->next())
            return result; // the lease was lost: the new owner's result stands
        attempts = q->value(0).toInt();
        maxAttempts = q->value(1).toInt();
    }
    if (kind == ErrorKind::Transient && attempts < maxAttempts) {
        const qint64 delay = backoffDelayMs(attempts);
        // Jitter spreads retries of many jobs that failed together (a network drop) apart.
        const qint64 jitter = qint64(QRandomGenerator::global()->bounded(double(delay) / 10.0));
        result.retryAtMs = t + delay + jitter;
        result.newState = JobState::Queued;
        result.applied =
            Stmt(c.statement(sql::kScheduleRetry), {{QStringLiteral("id"), jobId},
                                                    {QStringLiteral("owner"), owner},
                                                    {QStringLiteral("now"), t},
                                                    {QStringLiteral("retry_at"), result.retryAtMs},
                                                    {QStringLiteral("message"), message}})
                .rowsAffected() == 1;
    } else {
        const QString text = kind == ErrorKind::Transient
                                 ? tr("%1 (gave up after %2 attempts)").arg(message).arg(attempts)
                                 : message;
        result.newState = JobState::Failed;
        result.applied =
            Stmt(c.statement(sql::kFailJob), {{QStringLiteral("id"), jobId},
                                              {QStringLiteral("owner"), owner},
                                              {QStringLiteral("now"), t},
                                              {QStringLiteral("kind"), errorKindName(kind)},
                                              {QStringLiteral("message"), text}})
                .rowsAffected() == 1;
    }
    if (!tx.commit())
        result.applied = false;
    if (result.applied)
        notify();
    return result;
}

bool JobStore::release(qint64 jobId, const QString &owner)
{
    return changeOne(sql::kRelease,
                     {{QStringLiteral("id"), jobId}, {QStringLiteral("owner"), owner}});
}

// ---- offload ---------------------------------------------------------------------------------

bool JobStore::markOffloaded(qint64 jobId, const QString &owner, const QString &messageId,
                             qint64 deadlineMs)
{
    return changeOne(sql::kMarkOffloaded, {{QStringLiteral("id"), jobId},
                                           {QStringLiteral("owner"), owner},
                                           {QStringLiteral("message_id"), messageId},
                                           {QStringLiteral("deadline"), deadlineMs}});
}

bool JobStore::completeOffloaded(qint64 jobId)
{
    return changeOne(sql::kCompleteOffloaded, {{QStringLiteral("id"), jobId}});
}

bool JobStore::failOffloaded(qint64 jobId, ErrorKind kind, const QString &message)
{
    return changeOne(sql::kFailOffloaded, {{QStringLiteral("id"), jobId},
                                           {QStringLiteral("kind"), errorKindName(kind)},
                                           {QStringLiteral("message"), message}});
}

bool JobStore::noteOffloaded(qint64 jobId, const QString &message)
{
    return changeOne(sql::kNoteOffloaded,
                     {{QStringLiteral("id"), jobId}, {QStringLiteral("message"), message}});
}

QList<qint64> JobStore::failOverdueOffloads(const QString &message)
{
    QList<qint64> ids;
    {
        Stmt q(connection().statement(sql::kFailOverdueOffloads),
               {{QStringLiteral("message"), message}, {QStringLiteral("now"), now()}});
        while (q.ok() && q->next())
            ids << q->value(0).toLongLong();
    }
    if (!ids.isEmpty())
        notify();
    return ids;
}

bool JobStore::postpone(qint64 jobId, const QString &owner, qint64 retryAtMs,
                        const QString &message)
{
    return changeOne(sql::kPostpone, {{QStringLiteral("id"), jobId},
                                      {QStringLiteral("owner"), owner},
                                      {QStringLiteral("retry_at"), retryAtMs},
                                      {QStringLiteral("message"), message}});
}

int JobStore::releaseAllOfThisProcess()
{
    QSqlQuery q(database());
    exec(q, sql::kReleaseProcess,
         {{QStringLiteral("process"), m_processId}, {QStringLiteral("now"), now()}});
    const int n = qMax(0, q.numRowsAffected());
    if (n)
        notify();
    return n;
}

bool JobStore::ownerProcessIsGone(const QString &processId) const
{
    if (processId.isEmpty())
        return true;
    if (processId == m_processId)
        return false;
    // A live owner holds its lock file; QLockFile knows a lock whose process died is stale (it
    // checks the PID and the process name on this host). We only probe: if we can take the lock,
    // nobody holds it.
    QLockFile probe(lockDir() + QLatin1Char('/') + processId + QStringLiteral(".lock"));
    probe.setStaleLockTime(0);
    if (!probe.tryLock(0))
        return false;
    probe.unlock(); // removes the file
    return true;
}

int JobStore::reclaimDeadLeases()
{
    QSqlDatabase db = database();
    QStringList processes;
    {
        QSqlQuery q(db);
        exec(q, sql::kLeaseProcesses, {});
        while (q.next())
            processes << q.value(0).toString();
    }
    int touched = 0;
    for (const QString &process : std::as_const(processes)) {
        if (!ownerProcessIsGone(process))
            continue;
        QSqlQuery q(db);
        exec(q, sql::kReclaimProcess,
             {{QStringLiteral("process"), process},
              {QStringLiteral("now"), now()},
              {QStringLiteral("exhausted"), exhaustedMessage()},
              {QStringLiteral("interrupted"),
               tr("the previous attempt was interrupted (the process stopped or crashed)")}});
        touched += qMax(0, q.numRowsAffected());
    }
    {
        QSqlQuery q(db);
        exec(q, sql::kFailExhaustedLeases,
             {{QStringLiteral("now"), now()}, {QStringLiteral("message"), exhaustedMessage()}});
        touched += qMax(0, q.numRowsAffected());
    }
    if (touched)
        notify();
    return touched;
}

// ---- user actions ------------------------------------------------------------------------------

namespace {
int forEachId(const QSqlDatabase &db, const char *sqlText, const QList<qint64> &ids, qint64 t)
{
    int n = 0;
    QSqlQuery q(db);
    for (qint64 id : ids) {
        if (exec(q, sqlText, {{QStringLiteral("id"), id}, {QStringLiteral("now"), t}}))
            n += qMax(0, q.numRowsAffected());
    }
    return n;
}
} // namespace

int JobStore::cancel(const QList<qint64> &ids)
{
    QSqlDatabase db = database();
    Tx tx(connection());
    const int n = forEachId(db, sql::kCancel, ids, now());
    tx.commit();
    if (n)
        notify();
    return n;
}

int JobStore::retry(const QList<qint64> &ids)
{
    QSqlDatabase db = database();
    Tx tx(connection());
    const int n = forEachId(db, sql::kRetry, ids, now());
    tx.commit();
    if (n)
        notify();
    return n;
}

int JobStore::retryAllFailed()
{
    QSqlQuery q(database());
    exec(q, sql::kRetryAllFailed, {{QStringLiteral("now"), now()}});
    const int n = qMax(0, q.numRowsAffected());
    if (n)
        notify();
    return n;
}

int JobStore::pauseBatch(qint64 batchId)
{
    QSqlDatabase db = database();
    Tx tx(connection());
    QSqlQuery q(db);
    exec(q, sql::kSetBatchPaused,
         {{QStringLiteral("paused"), 1}, {QStringLiteral("batch"), batchId}});
    exec(q, sql::kPauseBatchJobs,
         {{QStringLiteral("batch"), batchId}, {QStringLiteral("now"), now()}});
    const int n = qMax(0, q.numRowsAffected());
    tx.commit();
    notify();
    return n;
}

int JobStore::resumeBatch(qint64 batchId)
{
    QSqlDatabase db = database();
    Tx tx(connection());
    QSqlQuery q(db);
    exec(q, sql::kSetBatchPaused,
         {{QStringLiteral("paused"), 0}, {QStringLiteral("batch"), batchId}});
    exec(q, sql::kResumeBatchJobs,
         {{QStringLiteral("batch"), batchId}, {QStringLiteral("now"), now()}});
    const int n = qMax(0, q.numRowsAffected());
    tx.commit();
    notify();
    return n;
}

RemoveResult JobStore::removeJobs(const QList<qint64> &ids)
{
    RemoveResult result;
    if (ids.isEmpty())
        return result;
    Connection &c = connection();
    Tx tx(c);
    if (!tx.ok())
        return result;
    const qint64 t = now();
    QSet<qint64> seen;
    for (qint64 id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const QVariantMap byId{{QStringLiteral("id"), id}};
        if (Stmt(c.statement(sql::kTombstoneJob),
                 {{QStringLiteral("id"), id}, {QStringLiteral("now"), t}})
                .rowsAffected() == 1) {
            if (Stmt(c.statement(sql::kDeleteJob), byId).rowsAffected() != 1)
                return {}; // cannot happen inside the transaction; roll back rather than lie
            ++result.removed;
        } else {
            Stmt q(c.statement(sql::kJobIsWorked), byId);
            if (q.ok() && q->next())
                ++result.skipped;
        }
    }
    if (result.removed > 0)
        pruneTombstones(c, t);
    if (!tx.commit())
        return {};
    if (result.removed > 0)
        notify();
    return result;
}

int JobStore::clearFinished()
{
    Connection &c = connection();
    Tx tx(c);
    if (!tx.ok())
        return 0;
    const qint64 t = now();
    const int tombstones =
        Stmt(c.statement(sql::kTombstoneFinishedJobs), {{QStringLiteral("now"), t}}).rowsAffected();
    const int removed = Stmt(c.statement(sql::kDeleteFinishedJobs), {}).rowsAffected();
    if (removed != tombstones)
        return 0; // rolled back: every removal must leave its tombstone
    if (removed > 0)
        pruneTombstones(c, t);
    if (!tx.commit())
        return 0;
    if (removed > 0)
        notify();
    return removed;
}

// Inside the caller's transaction.
void JobStore::pruneTombstones(Connection &c, qint64 t)
{
    const QVariantMap before{{QStringLiteral("before"), t - qint64(m_tombstoneLifetime.count())}};
    Stmt(c.statement(sql::kNotePrunedTombstones), before);
    Stmt(c.statement(sql::kPruneTombstones), before);
}

// ---- reading ---------------------------------------------------------------------------------

QMap<JobState, int> JobStore::counts(std::optional<qint64> batchId) const
{
    QMap<JobState, int> result;
    for (JobState s : allJobStates())
        result.insert(s, 0);
    QSqlQuery q(database());
    if (batchId)
        exec(q, sql::kCountByStateInBatch, {{QStringLiteral("batch"), *batchId}});
    else
        exec(q, sql::kCountByState, {});
    while (q.next())
        if (auto s = jobStateFromName(q.value(0).toString()))
            result[*s] = q.value(1).toInt();
    return result;
}

int JobStore::activeCount(Lane lane) const
{
    QSqlQuery q(database());
    exec(q, sql::kCountActive, {{QStringLiteral("offload"), lane == Lane::Offload ? 1 : 0}});
    return q.next() ? q.value(0).toInt() : 0;
}

QList<JobRecord> JobStore::list(std::optional<JobState> state, std::optional<qint64> batchId) const
{
    QString text = QString::fromUtf8(sql::kSelectJobs);
    QStringList where;
    QVariantMap values;
    if (state) {
        where << QStringLiteral("state = :state");
        values.insert(QStringLiteral("state"), jobStateName(*state));
    }
    if (batchId) {
        where << QStringLiteral("batch_id = :batch");
        values.insert(QStringLiteral("batch"), *batchId);
    }
    if (!where.isEmpty())
        text += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    text += QStringLiteral(" ORDER BY id");
    QSqlQuery q(database());
    QList<JobRecord> result;
    if (exec(q, text.toUtf8().constData(), values))
        while (q.next())
            result << readRecord(q);
    return result;
}

std::optional<JobRecord> JobStore::job(qint64 id) const
{
    QSqlQuery q(database());
    exec(q, sql::kSelectJob, {{QStringLiteral("id"), id}});
    if (q.next())
        return readRecord(q);
    return std::nullopt;
}

std::optional<qint64> JobStore::msUntilNextReady(Lane lane) const
{
    QSqlQuery q(database());
    exec(q, sql::kNextReadyAt, {{QStringLiteral("offload"), lane == Lane::Offload ? 1 : 0}});
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return qMax<qint64>(0, q.value(0).toLongLong() - now());
}

QList<JobRecord> JobStore::changesSince(qint64 revision, qint64 *newest) const
{
    QSqlQuery q(database());
    QList<JobRecord> result;
    exec(q, sql::kChangesSince, {{QStringLiteral("rev"), revision}});
    qint64 latest = revision;
    while (q.next()) {
        result << readRecord(q);
        latest = qMax(latest, result.constLast().revision);
    }
    if (newest)
        *newest = latest;
    return result;
}

JobChanges JobStore::changes(qint64 revision) const
{
    JobChanges result;
    result.newest = revision;
    Connection &c = connection();
    // One read transaction: rows and tombstones come from the same snapshot, so no change can
    // fall between them (the newest revision must cover everything read).
    const bool snapshot = Stmt(c.statement("BEGIN"), {}).ok();
    {
        Stmt q(c.statement(sql::kChangesSince), {{QStringLiteral("rev"), revision}});
        while (q.ok() && q->next()) {
            result.changed << readRecord(q.query());
            result.newest = qMax(result.newest, result.changed.constLast().revision);
        }
    }
    {
        Stmt q(c.statement(sql::kRemovedSince), {{QStringLiteral("rev"), revision}});
        while (q.ok() && q->next()) {
            if (revision > 0) // from 0 the reader has nothing to remove
                result.removed << q->value(0).toLongLong();
            result.newest = qMax(result.newest, q->value(1).toLongLong());
        }
    }
    if (revision > 0) {
        Stmt q(c.statement(sql::kTombstonesPrunedRev), {});
        result.complete = q.ok() && q->next() && revision >= q->value(0).toLongLong();
    }
    if (snapshot)
        Stmt(c.statement("COMMIT"), {});
    return result;
}

QString JobStore::databaseId() const
{
    QSqlQuery q(database());
    exec(q, sql::kDatabaseId, {});
    return q.next() ? q.value(0).toString() : QString();
}

qint64 JobStore::latestRevision() const
{
    QSqlQuery q(database());
    exec(q, sql::kLatestRevision, {});
    return q.next() ? q.value(0).toLongLong() : 0;
}

QStringList JobStore::explainHotStatements() const
{
    QStringList plans;
    const QVariantMap values{{QStringLiteral("owner"), QStringLiteral("x")},
                             {QStringLiteral("process"), QStringLiteral("x")},
                             {QStringLiteral("now"), 0},
                             {QStringLiteral("lease_ms"), 0},
                             {QStringLiteral("offload"), 0},
                             {QStringLiteral("message"), QString()}};
    for (const char *statement : {sql::kLeaseNext, sql::kFailExhaustedLeases, sql::kChangesSince}) {
        QSqlQuery q(database());
        const QByteArray text = QByteArray("EXPLAIN QUERY PLAN ") + statement;
        if (!q.prepare(QString::fromUtf8(text)))
            continue;
        const QString s = QString::fromUtf8(statement);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            if (s.contains(QLatin1Char(':') + it.key()))
                q.bindValue(QLatin1Char(':') + it.key(), it.value());
        if (s.contains(QStringLiteral(":rev")))
            q.bindValue(QStringLiteral(":rev"), 0);
        q.exec();
        QStringList lines;
        while (q.next())
            lines << q.value(3).toString();
        plans << lines.join(QLatin1Char('\n'));
    }
    return plans;
}

QString JobStore::integrityCheck() const
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("PRAGMA integrity_check"));
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace pq
