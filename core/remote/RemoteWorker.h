#pragma once
// The server side of the offload: worker threads that long-poll the request queue and process
// each request (OffloadMessages.h) with the same core as local jobs.
//
// For each message: validate; download the input through its pre-signed GET URL (plain HTTP, no
// credentials); run the recipe (runRecipe) into a temporary folder; upload the output through the
// pre-signed PUT URL; send the response; delete the request. While a job runs, its message's
// visibility is extended periodically where the queue can (SQS; CMQ cannot: set the queue's
// visibility timeout above the longest job there).
//
// Failures:
// - permanent (invalid message, recipe error, undecodable image, storage refusing the URL with a
//   4xx): answered `failed` with the reason, and the request is deleted (a message that names
//   no job cannot be answered: it is only deleted);
// - transient (network, storage 5xx, queue errors): the request is left alone and reappears after
//   its visibility timeout; the queue's redrive policy moves a message received too often to the
//   dead-letter queue.
//
// stop() cancels running jobs; their messages are not deleted but made visible again at once
// (where the queue can), so another worker picks them up.
//
// Threads: the object lives in one thread (signals are emitted from the worker threads; connect
// with queued connections). start/stop/waitForStopped from the owner's thread.

#include "RemoteQueue.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

namespace pq::remote {

struct ReceivedMessage;

struct RemoteWorkerConfig
{
    std::shared_ptr<RemoteQueue> queue;
    QString requestQueue; // queue references as the service gives them (SQS: the URL)
    QString responseQueue;
    QUrl storageEndpoint; // pre-signed URLs must point here (scheme, host, port)
    QString workerName;   // in responses; default: host name and process id
    int workers = 1;
    int waitSeconds = 3; // long poll per receive; short, so that stop is prompt
    // Visibility timeout asked for on receive and renewed while a job runs; -1: the queue's own
    // (then no renewal, as its length is unknown).
    int visibilitySeconds = 60;
    qint64 maxInputBytes = 512LL * 1024 * 1024;
    std::chrono::milliseconds transferTimeout{300000}; // per download or upload
};

class RemoteWorker : public QObject
{
    Q_OBJECT
public:
    explicit RemoteWorker(RemoteWorkerConfig config, QObject *parent = nullptr);
    ~RemoteWorker() override; // stops and waits

    void start();
    // Asks the threads to stop: running jobs are cancelled, their messages released. Returns at
    // once; `stopped` follows.
    void stop();
    // Blocks until every thread has ended (at most about waitSeconds plus one HTTP exchange).
    void waitForStopped();
    bool isRunning() const;

    qint64 processedCount() const { return m_processed.load(); } // answered `done`
    qint64 failedCount() const { return m_failed.load(); }       // answered `failed`
    qint64 rejectedCount() const { return m_rejected.load(); }   // of those, invalid messages
    qint64 releasedCount() const { return m_released.load(); }   // left for a retry
    int busyCount() const { return m_busy.load(); }
    // Milliseconds since a message was last received or finished (for "until idle").
    qint64 idleMs() const;

signals:
    void jobDone(qint64 jobId, qint64 outputSize);
    void jobFailed(qint64 jobId, QString code, QString message);
    // A message left in the queue (transient failure or stop); it will be received again.
    void jobReleased(qint64 jobId, QString reason);
    void stopped();

private:
    void runThread();
    void handle(const ReceivedMessage &message);
    void touch();

    const RemoteWorkerConfig m_config;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::atomic_bool m_stop{false};
    std::atomic_int m_running{0};
    std::atomic_int m_busy{0};
    std::atomic<qint64> m_processed{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<qint64> m_rejected{0};
    std::atomic<qint64> m_released{0};
    mutable std::mutex m_clockMutex;
    QElapsedTimer m_lastActivity;
};

} // namespace pq::remote
