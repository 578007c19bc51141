#pragma once
// The persistent job queue: one SQLite file (WAL) with SQS-like lease semantics. See
// docs/architecture.md for the state machine; every SQL statement lives in JobStoreSql.h.
//
// Threads: every public method may be called from any thread, concurrently. Each thread gets its
// own SQLite connection (Qt SQL connections are per thread); SQLite's locking with BEGIN IMMEDIATE
// and a busy timeout serialises writers, across threads and across processes (the GUI and a
// `pixqueue-cli run` may share one file). `jobsChanged` is emitted from the thread that made the
// change: connect with Qt::AutoConnection (queued into the GUI thread).

#include "JobTypes.h"

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QVariantMap>
#include <chrono>
#include <functional>
#include <memory>

class QLockFile;
class QThread;
class QSqlDatabase;

namespace pq {

class JobStore : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // milliseconds since the epoch

    // `path` empty: defaultPath().
    explicit JobStore(QString path = {}, QObject *parent = nullptr);
    ~JobStore() override;

    // <AppDataLocation>/jobs.sqlite
    static QString defaultPath();

    // Creates or migrates the schema, registers this process as a lease owner (a lock file next to
    // the database that disappears with the process) and reclaims at once the leases of processes
    // that are gone. Returns an error message on failure. Call once, before anything else.
    std::optional<QString> open();
    QString path() const { return m_path; }
    // Unique per JobStore object; lease owners are "<processId>/<worker>".
    QString processId() const { return m_processId; }
    QString ownerName(const QString &worker) const;
    // Random, created with the database and kept for its life (32 hex digits).
    QString databaseId() const;

    // Tests replace the clock to check the backoff schedule and lease expiry without sleeping.
    void setClock(Clock clock);
    qint64 now() const;
    // Busy timeout for each connection (default 30 s).
    void setBusyTimeout(std::chrono::milliseconds timeout) { m_busyTimeout = timeout; }

    // --- producing --------------------------------------------------------------------------
    // One transaction for the whole batch. Output paths are decided here, deterministically, from
    // the naming template and the overwrite policy.
    std::optional<QString> enqueue(const EnqueueRequest &request, EnqueueResult *result);

    // --- the lease protocol (workers) ---------------------------------------------------------
    // Takes the next ready job (queued and available, or leased with an expired lease) for `owner`
    // until now + leaseTime and counts the attempt. One UPDATE ... RETURNING in an immediate
    // transaction, so two workers never get the same job.
    std::optional<LeasedJob> leaseNext(const QString &owner, std::chrono::milliseconds leaseTime,
                                       Lane lane = Lane::Local);
    // Extends the lease and records progress [0, 1]. False if `owner` no longer holds the lease
    // (expired and taken over, or cancelled): the worker should stop and discard its result.
    bool heartbeat(qint64 jobId, const QString &owner, std::chrono::milliseconds leaseTime,
                   double progress);
    // Only the current lease owner can complete or fail a job.
    bool complete(qint64 jobId, const QString &owner, const Completion &completion = {});
    // complete() and leaseNext() of the local lane in one transaction: what a busy worker does
    // between two jobs, at half the commits (each commit writes the same hot pages to the WAL
    // again). `completed` says whether the completion applied (false: the lease was lost).
    std::optional<LeasedJob> completeAndLeaseNext(qint64 jobId, const QString &owner,
                                                  const Completion &completion,
                                                  std::chrono::milliseconds leaseTime,
                                                  bool *completed);
    // A finished job that did the same work (same `workKey`: input content and recipe), other
    // than `jobId`. The caller checks that its output file still exists before copying it.
    std::optional<ReusableOutput> findReusableOutput(const QString &workKey, qint64 jobId) const;
    // Transient: back to queued after min(2^attempts s, 300 s) + up to 10% jitter, unless
    // max_attempts is reached. Permanent: failed at once.
    FailResult fail(qint64 jobId, const QString &owner, ErrorKind kind, const QString &message);
    // Graceful hand-back (pool stopping): queued again, the attempt is not counted.
    bool release(qint64 jobId, const QString &owner);
    // Hands back every lease of this process (attempts not counted). Returns how many.
    int releaseAllOfThisProcess();
    // Leases held by processes that no longer run go back to the queue now (their attempt stays
    // counted, so a job that kills its process every time ends failed after max_attempts).
    // Also fails expired leases that used up their attempts. Returns the number of jobs touched.
    int reclaimDeadLeases();

    // Backoff delay before attempt `attempts + 1`, without jitter.
    static qint64 backoffDelayMs(int attempts);

    // --- offload (OffloadBridge) ------------------------------------------------------------
    // The request for a job leased from the offload lane was sent: the job waits as `offloaded`
    // until `deadlineMs` for its answer. False if `owner` no longer holds the lease.
    bool markOffloaded(qint64 jobId, const QString &owner, const QString &messageId,
                       qint64 deadlineMs);
    // The answer arrived. False if the job is no longer offloaded (a duplicate answer, or the
    // user cancelled it): the caller ignores the answer.
    bool completeOffloaded(qint64 jobId);
    bool failOffloaded(qint64 jobId, ErrorKind kind, const QString &message);
    // A remote attempt failed and the request waits in the queue for another: shown on the job.
    bool noteOffloaded(qint64 jobId, const QString &message);
    // Offloaded jobs past their deadline fail with `message`; returns their ids.
    QList<qint64> failOverdueOffloads(const QString &message);
    // The queue or storage cannot be reached: the job goes back to the queue until `retryAtMs`
    // without counting the attempt.
    bool postpone(qint64 jobId, const QString &owner, qint64 retryAtMs, const QString &message);

    // --- user actions ---------------------------------------------------------------------------
    int cancel(const QList<qint64> &ids); // queued/leased/paused/failed -> cancelled
    int retry(const QList<qint64> &ids);  // failed/cancelled -> queued, attempts reset
    int retryAllFailed();
    int pauseBatch(qint64 batchId);  // queued -> paused; running jobs finish
    int resumeBatch(qint64 batchId); // paused -> queued
    // Deletes the jobs (their output files stay). Jobs being worked (leased or offloaded) are
    // skipped and counted: cancel them first. Each removal leaves a tombstone in the same
    // transaction, so changes() reports it to every reader, in any process.
    RemoveResult removeJobs(const QList<qint64> &ids);
    // Deletes every finished job: done, failed (dead-lettered offloads too) and cancelled.
    // Returns how many.
    int clearFinished();
    // How long tombstones are kept (default 7 days): a reader that has not asked for changes for
    // longer reloads everything.
    void setTombstoneLifetime(std::chrono::milliseconds lifetime)
    {
        m_tombstoneLifetime = lifetime;
    }

    // --- reading
    // ----------------------------------------------------------------------------------
    QMap<JobState, int> counts(std::optional<qint64> batchId = std::nullopt) const;
    // Queued, leased or offloaded jobs of the lane: what `run --until-idle` waits for.
    int activeCount(Lane lane = Lane::Local) const;
    QList<JobRecord> list(std::optional<JobState> state = std::nullopt,
                          std::optional<qint64> batchId = std::nullopt) const;
    std::optional<JobRecord> job(qint64 id) const;
    // Milliseconds until a queued job becomes available or a lease expires; nullopt if nothing
    // is waiting. Lets idle workers sleep exactly as long as needed.
    std::optional<qint64> msUntilNextReady(Lane lane = Lane::Local) const;
    // Jobs changed after `revision` (ordered by revision) and the newest revision seen. The GUI's
    // queue model reads only these rows instead of reloading the whole table; it works across
    // processes because the revision is stored in the database.
    QList<JobRecord> changesSince(qint64 revision, qint64 *newest) const;
    // changesSince() plus the jobs removed after `revision` (from their tombstones).
    JobChanges changes(qint64 revision) const;
    qint64 latestRevision() const;
    // EXPLAIN QUERY PLAN of the hot statements (tests check that they use their indexes).
    QStringList explainHotStatements() const;
    QString integrityCheck() const; // "ok" when fine

signals:
    // Something in the table changed through this object. Any thread (see class comment).
    void jobsChanged();

private:
    struct Connection;
    class Tx;
    Connection &connection() const;
    void dropConnection(QThread *thread) const;
    QSqlDatabase database() const;
    std::optional<QString> migrate();
    bool ownerProcessIsGone(const QString &processId) const;
    QString lockDir() const;
    void notify();
    // Runs a statement that changes one job (":now" is bound here); notifies when it did.
    bool changeOne(const char *statement, QVariantMap values);
    std::optional<LeasedJob> leaseInTransaction(const QString &owner,
                                                std::chrono::milliseconds leaseTime, Lane lane,
                                                bool *changed);
    void pruneTombstones(Connection &c, qint64 t);
    QVariantMap completionValues(qint64 jobId, const QString &owner, const Completion &completion);

    QString m_path;
    QString m_processId;
    QString m_storeId;
    Clock m_clock;
    std::chrono::milliseconds m_busyTimeout{30000};
    std::chrono::milliseconds m_tombstoneLifetime{std::chrono::hours(24 * 7)};
    std::unique_ptr<QLockFile> m_processLock;
    mutable QMutex m_connectionsMutex;
    mutable QHash<QThread *, std::shared_ptr<Connection>> m_connections;
};

} // namespace pq
