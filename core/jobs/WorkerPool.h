#pragma once
// Workers that lease jobs from a JobStore and run them on a private QThreadPool.
//
// Threads: the WorkerPool object lives in the thread that created it (usually the GUI thread) and
// its public methods are called from there; none of them blocks except waitForStopped(). Jobs run
// in the pool's threads; signals are emitted from those threads, so connect with
// Qt::AutoConnection to receive them queued in your own thread.
//
// Each worker leases (the lease is the queue's guarantee that no other worker, thread or process
// runs the job), runs the recipe, and completes or fails the job. A heartbeat thread extends the
// leases of running jobs every third of the lease time, so a long operation keeps its lease, and
// notices when a job was cancelled or taken over, so the worker can stop early.

#include "JobRunner.h"
#include "JobStore.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QWaitCondition>
#include <chrono>
#include <functional>
#include <memory>

namespace pq {

class WorkerPool : public QObject
{
    Q_OBJECT
public:
    explicit WorkerPool(JobStore *store, QObject *parent = nullptr);
    ~WorkerPool() override; // stops and waits: running jobs are handed back, not lost

    // Default: the number of cores. Can change while running; surplus workers leave after their
    // current job.
    void setWorkerCount(int count);
    int workerCount() const;
    void setLeaseTime(std::chrono::milliseconds lease);
    std::chrono::milliseconds leaseTime() const;

    void start();
    void pause(); // no new leases; running jobs finish
    void resume();
    bool isPaused() const;
    bool isRunning() const;
    // Cancels running jobs and hands their leases back without counting an attempt. Does not
    // block; `stopped` follows.
    void stop();
    bool waitForStopped(int msecs = -1);
    // New work was enqueued: idle workers look now instead of at their next poll.
    void wake();
    int runningJobCount() const;

    // What a worker does with a leased job; default runJob() with identical-work reuse. The queue
    // benchmark (bench_jobstore) puts a no-op here to measure the pool's own overhead. Set before
    // start().
    using Runner = std::function<JobOutcome(const LeasedJob &job, OpContext &ctx)>;
    void setRunner(Runner runner);

signals:
    void jobStarted(qint64 jobId);
    // How far a running job is, 0..100: decoding, each recipe step (and the steps' own reports),
    // encoding and writing (JobRunner's progress callback). Emitted from the worker thread only
    // when the whole percent changes; connect queued (AutoConnection) into the GUI thread.
    void jobProgress(qint64 jobId, int percent);
    // state is Done, Queued (retry later or handed back), Failed or Cancelled (lease lost).
    void jobFinished(qint64 jobId, pq::JobState state, const QString &message);
    void stopped();

private:
    struct Running;
    void spawnWorkersLocked();
    void workerLoop(int slot);
    void heartbeatLoop();

    JobStore *m_store;
    Runner m_runner;
    QThreadPool m_threads;
    mutable QMutex m_mutex;
    QWaitCondition m_wakeUp;
    int m_target;
    std::chrono::milliseconds m_lease{std::chrono::seconds(60)};
    bool m_running = false;
    bool m_paused = false;
    bool m_stopping = false;
    bool m_heartbeatActive = false;
    QSet<int> m_activeSlots;
    QHash<int, std::shared_ptr<Running>> m_jobs; // by slot
};

} // namespace pq
