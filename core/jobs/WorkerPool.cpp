#include "WorkerPool.h"

#include "JobRunner.h"
#include "platform/Platform.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <exception>
#include <new>
#include <utility>

namespace pq {

namespace {
// Idle workers look for work at least this often: another process may enqueue into the same
// database, and its change does not reach us as a signal.
constexpr qint64 kIdlePollMs = 250;
// Leases of processes that died while we run are reclaimed this often.
constexpr qint64 kReclaimEveryMs = 15000;
} // namespace

struct WorkerPool::Running
{
    qint64 jobId = 0;
    QString owner;
    std::atomic_bool cancel{false};
    std::atomic_bool stopRequested{false}; // pool stopping: hand the job back
    std::atomic_bool leaseLost{false};     // cancelled by the user or taken over
    std::atomic<double> progress{0};
};

WorkerPool::WorkerPool(JobStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_target(qMax(1, QThread::idealThreadCount()))
{
    m_threads.setExpiryTimeout(-1);
    m_runner = [store](const LeasedJob &job, OpContext &ctx) {
        return runJob(job, ctx, [store, id = job.id](const QString &key) {
            return store->findReusableOutput(key, id);
        });
    };
}

void WorkerPool::setRunner(Runner runner)
{
    QMutexLocker lock(&m_mutex);
    m_runner = std::move(runner);
}

WorkerPool::~WorkerPool()
{
    stop();
    waitForStopped();
}

void WorkerPool::setWorkerCount(int count)
{
    QMutexLocker lock(&m_mutex);
    m_target = qBound(1, count, 256);
    if (m_running && !m_stopping)
        spawnWorkersLocked();
    m_wakeUp.wakeAll();
}

int WorkerPool::workerCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_target;
}

void WorkerPool::setLeaseTime(std::chrono::milliseconds lease)
{
    QMutexLocker lock(&m_mutex);
    m_lease = qMax(lease, std::chrono::milliseconds(100));
}

std::chrono::milliseconds WorkerPool::leaseTime() const
{
    QMutexLocker lock(&m_mutex);
    return m_lease;
}

void WorkerPool::start()
{
    QMutexLocker lock(&m_mutex);
    if (m_running)
        return;
    m_running = true;
    m_stopping = false;
    platform::tuneAllocatorForImageWork();
    spawnWorkersLocked();
}

// Called with m_mutex held.
void WorkerPool::spawnWorkersLocked()
{
    // One thread more than workers: the heartbeat.
    m_threads.setMaxThreadCount(qMax(m_threads.maxThreadCount(), m_target + 1));
    if (!m_heartbeatActive) {
        m_heartbeatActive = true;
        m_threads.start([this] { heartbeatLoop(); });
    }
    for (int slot = 0; slot < m_target; ++slot) {
        if (m_activeSlots.contains(slot))
            continue;
        m_activeSlots.insert(slot);
        m_threads.start([this, slot] { workerLoop(slot); });
    }
}

void WorkerPool::pause()
{
    QMutexLocker lock(&m_mutex);
    m_paused = true;
}

void WorkerPool::resume()
{
    QMutexLocker lock(&m_mutex);
    m_paused = false;
    m_wakeUp.wakeAll();
}

bool WorkerPool::isPaused() const
{
    QMutexLocker lock(&m_mutex);
    return m_paused;
}

bool WorkerPool::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_running;
}

void WorkerPool::stop()
{
    QMutexLocker lock(&m_mutex);
    if (!m_running)
        return;
    m_stopping = true;
    for (const auto &job : std::as_const(m_jobs)) {
        job->stopRequested = true;
        job->cancel = true;
    }
    m_wakeUp.wakeAll();
}

bool WorkerPool::waitForStopped(int msecs)
{
    const bool done = m_threads.waitForDone(msecs);
    if (done) {
        QMutexLocker lock(&m_mutex);
        m_running = false;
    }
    return done;
}

void WorkerPool::wake()
{
    QMutexLocker lock(&m_mutex);
    m_wakeUp.wakeAll();
}

int WorkerPool::runningJobCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_jobs.size());
}

void WorkerPool::workerLoop(int slot)
{
    const QString owner = m_store->ownerName(QStringLiteral("w%1").arg(slot));
    bool workedSinceIdle = false;
    // The next job, leased in the same transaction that completed the previous one.
    std::optional<LeasedJob> carried;
    for (;;) {
        std::optional<LeasedJob> job = std::exchange(carried, std::nullopt);
        std::chrono::milliseconds lease;
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping || slot >= m_target) {
                m_activeSlots.remove(slot);
                m_wakeUp.wakeAll();
                lock.unlock();
                if (job) // leased a moment ago, not started: hand it back uncounted
                    m_store->release(job->id, owner);
                return;
            }
            if (m_paused && !job) {
                m_wakeUp.wait(&m_mutex, QDeadlineTimer(kIdlePollMs));
                continue;
            }
            lease = m_lease;
        }
        if (!job)
            job = m_store->leaseNext(owner, lease);
        if (!job) {
            if (std::exchange(workedSinceIdle, false))
                platform::releaseFreeMemory(); // the memory kept for the next job is not needed now
            const qint64 wait =
                qBound<qint64>(1, m_store->msUntilNextReady().value_or(kIdlePollMs), kIdlePollMs);
            QMutexLocker lock(&m_mutex);
            if (!m_stopping)
                m_wakeUp.wait(&m_mutex, QDeadlineTimer(wait));
            continue;
        }

        workedSinceIdle = true;
        auto running = std::make_shared<Running>();
        running->jobId = job->id;
        running->owner = owner;
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping)
                running->stopRequested = running->cancel = true;
            m_jobs.insert(slot, running);
        }
        emit jobStarted(job->id);

        OpContext ctx;
        ctx.cancelled = &running->cancel;
        ctx.progress = [this, r = running.get(), lastPercent = -1](double p) mutable {
            r->progress = p;
            const int percent = qBound(0, int(p * 100), 100);
            if (percent != lastPercent) {
                lastPercent = percent;
                emit jobProgress(r->jobId, percent);
            }
        };
        JobOutcome outcome;
        try {
            outcome = m_runner(*job, ctx);
        } catch (const std::bad_alloc &) {
            // Memory may be available again when fewer images are in flight.
            outcome.error = Error{ErrorKind::Transient, tr("out of memory while processing")};
        } catch (const std::exception &e) {
            outcome.error = Error{ErrorKind::Permanent,
                                  tr("internal error: %1").arg(QString::fromLocal8Bit(e.what()))};
        }
        {
            QMutexLocker lock(&m_mutex);
            m_jobs.remove(slot);
        }

        if (running->stopRequested) {
            m_store->release(job->id, owner);
            emit jobFinished(job->id, JobState::Queued, tr("handed back: the workers stopped"));
        } else if (running->leaseLost) {
            emit jobFinished(job->id, JobState::Cancelled,
                             tr("the job was cancelled or taken over"));
        } else if (!outcome.error) {
            const Completion completion{outcome.outcome, outcome.inputHash, outcome.workKey,
                                        outcome.reusedFrom};
            bool keepGoing;
            {
                QMutexLocker lock(&m_mutex);
                keepGoing = !m_stopping && !m_paused && slot < m_target;
                lease = m_lease;
            }
            bool completed = false;
            if (keepGoing)
                carried =
                    m_store->completeAndLeaseNext(job->id, owner, completion, lease, &completed);
            else
                completed = m_store->complete(job->id, owner, completion);
            if (completed)
                emit jobFinished(job->id, JobState::Done, QString());
            else
                emit jobFinished(job->id, JobState::Cancelled,
                                 tr("the lease was lost before completion"));
        } else {
            const FailResult r =
                m_store->fail(job->id, owner, outcome.error->kind, outcome.error->message);
            emit jobFinished(job->id, r.applied ? r.newState : JobState::Cancelled,
                             outcome.error->message);
        }
    }
}

void WorkerPool::heartbeatLoop()
{
    QElapsedTimer sinceReclaim;
    sinceReclaim.start();
    for (;;) {
        QList<std::shared_ptr<Running>> jobs;
        std::chrono::milliseconds lease;
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping && m_activeSlots.isEmpty()) {
                m_heartbeatActive = false;
                break;
            }
            lease = m_lease;
            m_wakeUp.wait(&m_mutex, QDeadlineTimer(qMax<qint64>(20, lease.count() / 3)));
            if (m_stopping && m_activeSlots.isEmpty()) {
                m_heartbeatActive = false;
                break;
            }
            jobs = m_jobs.values();
        }
        for (const auto &job : std::as_const(jobs)) {
            if (job->stopRequested)
                continue;
            if (!m_store->heartbeat(job->jobId, job->owner, lease, job->progress)) {
                job->leaseLost = true;
                job->cancel = true;
            }
        }
        if (sinceReclaim.elapsed() > kReclaimEveryMs) {
            m_store->reclaimDeadLeases();
            sinceReclaim.restart();
        }
    }
    emit stopped();
}

} // namespace pq
