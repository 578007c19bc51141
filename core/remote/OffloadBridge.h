#pragma once
// The desktop side of the offload: sends the jobs of offload batches to remote workers and
// brings their results home.
//
// Sending (one or more sender threads): lease a job of the offload lane from the JobStore,
// upload its input once under a content-addressed key (pixqueue/inputs/<xxh3-128>.<ext>; a key
// already in the bucket with the same size is not uploaded again), send a request
// (OffloadMessages.h) with pre-signed GET/PUT URLs, and mark the job `offloaded` with the deadline
// for its answer. When the queue or the storage cannot be reached, the job goes back to the queue
// without counting an attempt and the sender backs off exponentially (1 s, 2 s, ... up to
// maxBackoff), so a dead network delays jobs but never fails them.
//
// Receiving (one thread): long-poll the response queue. `done`: download the output from the
// bucket, write it with the same atomic write as local jobs, complete the job, delete the
// output object. `failed`: fail the job with the worker's reason. `retrying`: keep the job
// offloaded and show the worker's reason. Answers for jobs that are no longer offloaded
// (duplicates, cancelled jobs) and answers from other databases' requests are ignored. Every few
// seconds it also reads the dead-letter queue (a request received too often without an answer
// fails its job) and fails offloaded jobs past their deadline.
//
// Everything the bridge knows lives in the JobStore and the queues, so it may stop or crash at
// any time: offloaded jobs wait for their answers across restarts, a job leased for sending goes
// back to the queue (a request sent just before a crash may be answered twice; the second answer
// is ignored).
//
// Threads: construct, start, stop and waitForStopped in one thread; signals come from the
// bridge's threads (connect queued).
#include "ObjectStore.h"
#include "RemoteQueue.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace pq {
class JobStore;
struct LeasedJob;
} // namespace pq

namespace pq::remote {

struct ReceivedMessage;
struct OffloadResponse;

struct OffloadBridgeConfig
{
    JobStore *store = nullptr; // outlives the bridge
    std::shared_ptr<RemoteQueue> queue;
    std::shared_ptr<ObjectStore> storage;
    QString bucket;
    QString requestQueue; // references as the service gives them (SQS: URLs)
    QString responseQueue;
    QString deadLetterQueue; // empty: not read
    QString keyPrefix = QStringLiteral("pixqueue/");
    int senders = 2;
    int waitSeconds = 5; // long poll of the response queue; short, so that stop is prompt
    int presignSeconds = 6 * 3600;
    std::chrono::seconds answerTimeout{24 * 3600};
    std::chrono::milliseconds maxBackoff{60000};
    std::chrono::milliseconds sweepInterval{3000}; // dead-letter queue and deadlines
};

class OffloadBridge : public QObject
{
    Q_OBJECT
public:
    explicit OffloadBridge(OffloadBridgeConfig config, QObject *parent = nullptr);
    ~OffloadBridge() override; // stops and waits

    void start();
    void stop(); // returns at once; `stopped` follows
    void waitForStopped();
    bool isRunning() const { return m_running.load() > 0; }

    QString originId() const { return m_originId; }
    qint64 sentCount() const { return m_sent.load(); }
    qint64 completedCount() const { return m_completed.load(); }
    qint64 failedCount() const { return m_failed.load(); }
    qint64 duplicateCount() const { return m_duplicates.load(); } // answers ignored
    qint64 postponedCount() const { return m_postponed.load(); }  // sends put off

    // The output object's key for a job's attempt.
    QString outputKey(qint64 jobId, int attempt, const QString &suffix) const;

signals:
    void jobSent(qint64 jobId);
    void jobCompleted(qint64 jobId);
    void jobFailed(qint64 jobId, QString reason);
    // The queue or storage cannot be reached; sending resumes in `retryInMs`.
    void connectionProblem(QString reason, qint64 retryInMs);
    void stopped();

private:
    void runSender();
    void runReceiver();
    void send(const LeasedJob &job);
    void handleResponse(const ReceivedMessage &message);
    void handleDeadLetter(const ReceivedMessage &message);
    void sweep();
    void postpone(const LeasedJob &job, const QString &reason);
    void fail(qint64 jobId, const QString &reason, bool offloaded, const LeasedJob *leased);
    bool sleepFor(std::chrono::milliseconds duration); // false when stopping
    void wake();

    const OffloadBridgeConfig m_config;
    QString m_originId;
    QString m_owner;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::atomic_bool m_stop{false};
    std::atomic_int m_running{0};
    std::atomic_int m_consecutiveFailures{0};
    std::atomic<qint64> m_sent{0};
    std::atomic<qint64> m_completed{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<qint64> m_duplicates{0};
    std::atomic<qint64> m_postponed{0};
    std::mutex m_wakeMutex;
    std::condition_variable m_wakeUp;
    quint64 m_wakeSerial = 0;
    QMetaObject::Connection m_storeConnection;
};

} // namespace pq::remote
