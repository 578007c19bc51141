#pragma once
// Runs the window's OffloadBridge while there is offload work: jobs of offload batches waiting to
// be sent (queued, leased) or answered (offloaded). Before a bridge can start, the controller
// checks the offload settings, reads the credentials from the keychain (asynchronously, see
// OffloadKeychain.h) and resolves the queue names into references in a QtConcurrent task.
// What it is doing, or why it cannot, is one translated line (statusChanged) for the status bar:
// "not set up: open Settings → Offload", connection problems, jobs sent and back.
//
// The bridge stops by itself when no offload work is left, restarts after reload() (settings
// changed), and a failed start (keychain or queue service not reachable) is retried after a pause.
//
// Threads: lives in the GUI thread; every method GUI thread only. The bridge's signals arrive
// through queued connections; the keychain and the task report to the controller only while the
// attempt they belong to is current, and to no one once the controller is gone.

#include "remote/CredentialStore.h"
#include "remote/OffloadSettings.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>

namespace pq {
class JobStore;
namespace remote {
class OffloadBridge;
}
} // namespace pq

namespace pq::ui {

class OffloadController : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Idle,          // no offload work, or waiting to retry a failed start
        NotConfigured, // offload work waits for settings or credentials
        Connecting,    // reading the keychain and resolving the queues
        Running,       // the bridge runs
        Stopping       // the bridge was asked to stop
    };

    // `store` must outlive the controller.
    explicit OffloadController(JobStore *store, QObject *parent = nullptr);
    ~OffloadController() override; // stops the bridge and waits for it

    // The number of offload jobs queued, leased or offloaded (from the queue model). More than
    // zero starts the bridge; zero stops it.
    void setPendingJobs(int count);
    // The settings or credentials changed: a running bridge restarts with the new ones, a start
    // that failed is tried again now.
    void reload();
    // While the settings dialog is open no bridge runs (a running one stops): "Test connection"
    // sends its probe through the response queue, where a running bridge could take it. Leaving
    // the suspension works like reload().
    void setSuspended(bool suspended);
    // For closing the window: stops the bridge (returns at once, `stopped` follows when it has
    // stopped) and starts no new one.
    void shutdown();
    void waitForStopped();

    Phase phase() const { return m_phase; }
    bool isStopping() const { return m_phase == Phase::Stopping; }
    QString statusText() const { return m_status; }
    remote::OffloadBridge *bridge() const { return m_bridge.get(); }
    // How long a failed start waits before the next try (tests shorten it).
    void setRetryInterval(std::chrono::milliseconds interval);
    // The response queue's long poll of new bridges (tests shorten it for a prompt stop).
    void setBridgeWaitSeconds(int seconds) { m_waitSeconds = seconds; }

    // "Offload is not set up: <problem>. Open Settings → Offload." for the status bar.
    static QString setupHint(const QString &problem);

signals:
    void statusChanged(const QString &text);
    // A bridge started (settings valid, credentials read, queues resolved).
    void bridgeStarted();
    // The bridge stopped (after shutdown(), reload() or when the work ran out).
    void stopped();

private:
    struct Connection
    {
        QString error;
        bool needsSetup = false; // no credentials: the user has to act, no retry
        remote::OffloadSettings settings;
        remote::OffloadClients clients;
        QString requestQueue;
        QString responseQueue;
        QString deadLetterQueue;
    };
    // Worker thread: resolves the queues.
    static Connection connectToService(const remote::OffloadSettings &settings,
                                       const remote::StoredCredentials &credentials);

    void evaluate();
    void startConnecting();
    void resolveQueues(const remote::OffloadSettings &settings,
                       const remote::StoredCredentials &credentials);
    void onConnected(const Connection &connection);
    void startBridge(const Connection &connection);
    void dropConnecting();
    void stopBridge();
    void onBridgeStopped();
    void setStatus(const QString &text);
    void showRunningStatus();
    int wantedJobs() const { return m_suspended ? 0 : m_pending; }

    JobStore *m_store;
    Phase m_phase = Phase::Idle;
    int m_pending = 0;
    bool m_shutDown = false;
    bool m_suspended = false;
    bool m_restartWanted = false;
    int m_waitSeconds = 2;
    qint64 m_sent = 0;
    qint64 m_back = 0;
    QString m_status;
    std::unique_ptr<remote::OffloadBridge> m_bridge;
    int m_attempt = 0; // a keychain answer or task result of an older attempt is not wanted
    QTimer m_retry;
};

} // namespace pq::ui
