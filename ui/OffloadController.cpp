#include "OffloadController.h"

#include "OffloadKeychain.h"
#include "remote/OffloadBridge.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>

namespace pq::ui {

using namespace std::chrono_literals;
using remote::OffloadBridge;
using remote::OffloadSettings;
using remote::StoredCredentials;

OffloadController::OffloadController(JobStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(30s);
    QObject::connect(&m_retry, &QTimer::timeout, this, &OffloadController::evaluate);
}

OffloadController::~OffloadController()
{
    m_shutDown = true;
    dropConnecting();
    if (m_bridge) {
        m_bridge->stop();
        m_bridge->waitForStopped();
        m_bridge.reset();
    }
}

QString OffloadController::setupHint(const QString &problem)
{
    return tr("Offload is not set up: %1. Open Settings → Offload.").arg(problem);
}

void OffloadController::setRetryInterval(std::chrono::milliseconds interval)
{
    m_retry.setInterval(interval);
}

void OffloadController::setPendingJobs(int count)
{
    m_pending = count;
    evaluate();
}

void OffloadController::setSuspended(bool suspended)
{
    if (suspended == m_suspended)
        return;
    m_suspended = suspended;
    if (suspended)
        evaluate();
    else
        reload();
}

void OffloadController::reload()
{
    if (m_shutDown)
        return;
    m_retry.stop();
    switch (m_phase) {
    case Phase::Running:
        m_restartWanted = true;
        stopBridge();
        return;
    case Phase::Stopping:
        m_restartWanted = true;
        return;
    case Phase::Connecting:
        dropConnecting();
        break;
    case Phase::Idle:
    case Phase::NotConfigured:
        break;
    }
    m_phase = Phase::Idle;
    evaluate();
}

void OffloadController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_retry.stop();
    dropConnecting();
    if (m_phase == Phase::Running) {
        stopBridge();
        setStatus(tr("Stopping the offload…"));
    } else if (m_phase != Phase::Stopping) {
        m_phase = Phase::Idle;
    }
}

void OffloadController::waitForStopped()
{
    if (m_bridge) {
        m_bridge->stop();
        m_bridge->waitForStopped();
    }
}

void OffloadController::evaluate()
{
    if (m_shutDown)
        return;
    switch (m_phase) {
    case Phase::Stopping:
        return; // onBridgeStopped() looks again
    case Phase::Running:
        if (wantedJobs() == 0)
            stopBridge();
        return;
    case Phase::Connecting:
        if (wantedJobs() == 0) {
            dropConnecting();
            m_phase = Phase::Idle;
            setStatus({});
        }
        return;
    case Phase::NotConfigured:
        // Waits for reload(): the settings dialog is where the user fixes it.
        if (wantedJobs() == 0) {
            m_phase = Phase::Idle;
            setStatus({});
        }
        return;
    case Phase::Idle:
        if (wantedJobs() == 0) {
            m_retry.stop();
            setStatus({});
            return;
        }
        if (!m_retry.isActive())
            startConnecting();
        return;
    }
}

void OffloadController::startConnecting()
{
    // QSettings is a local file read, as every other settings read of the window.
    const OffloadSettings settings = OffloadSettings::load();
    if (auto problem = settings.validate()) {
        m_phase = Phase::NotConfigured;
        setStatus(setupHint(*problem));
        return;
    }
    m_phase = Phase::Connecting;
    setStatus(tr("Offload: connecting…"));
    const int attempt = ++m_attempt;
    readOffloadCredentials(
        settings.provider, this,
        [this, attempt, settings](const remote::RemoteResult<StoredCredentials> &stored) {
            if (attempt != m_attempt)
                return; // dropped: the settings changed or the work ran out meanwhile
            if (!stored) {
                Connection failed;
                failed.error = stored.error().message;
                // Not there, incomplete or no keychain at all: only the user can fix that. A
                // locked keyring (transient) may be unlocked by the next try.
                failed.needsSetup = stored.error().kind == ErrorKind::Permanent;
                onConnected(failed);
                return;
            }
            resolveQueues(settings, stored.value());
        });
}

void OffloadController::resolveQueues(const OffloadSettings &settings,
                                      const StoredCredentials &credentials)
{
    const int attempt = m_attempt;
    auto *watcher = new QFutureWatcher<Connection>(this);
    QObject::connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, attempt] {
        watcher->deleteLater();
        if (attempt == m_attempt)
            onConnected(watcher->result());
    });
    // Name lookups are network round trips: never in this thread.
    watcher->setFuture(
        QtConcurrent::run(&OffloadController::connectToService, settings, credentials));
}

void OffloadController::dropConnecting()
{
    // A keychain read or a task still running finishes and reports to no one.
    ++m_attempt;
}

OffloadController::Connection
OffloadController::connectToService(const OffloadSettings &settings,
                                    const StoredCredentials &credentials)
{
    Connection c;
    c.settings = settings;
    c.clients = remote::makeOffloadClients(
        settings, {credentials.accessKeyId, credentials.secretAccessKey, {}});
    const struct
    {
        QString label;
        QString name;
        QString *ref;
    } queues[] = {{tr("request queue"), settings.requestQueue, &c.requestQueue},
                  {tr("response queue"), settings.responseQueue, &c.responseQueue},
                  {tr("dead-letter queue"), settings.deadLetterQueue, &c.deadLetterQueue}};
    for (const auto &q : queues) {
        if (q.name.isEmpty())
            continue;
        const auto ref = remote::resolveQueue(*c.clients.queue, q.name);
        if (!ref) {
            c.error = tr("%1 %2: %3").arg(q.label, q.name, ref.error().message);
            // A queue that does not exist or refuses our key is a settings problem; a network
            // failure is worth another try.
            c.needsSetup = ref.error().kind == ErrorKind::Permanent;
            return c;
        }
        *q.ref = ref.value();
    }
    return c;
}

void OffloadController::onConnected(const Connection &connection)
{
    if (m_shutDown)
        return;
    if (!connection.error.isEmpty()) {
        if (connection.needsSetup) {
            m_phase = Phase::NotConfigured;
            setStatus(setupHint(connection.error));
        } else {
            m_phase = Phase::Idle;
            const auto seconds =
                std::chrono::duration_cast<std::chrono::seconds>(m_retry.intervalAsDuration());
            setStatus(tr("Offload cannot connect: %1 (trying again in %2 s)")
                          .arg(connection.error)
                          .arg(qMax<qint64>(1, seconds.count())));
            m_retry.start();
        }
        return;
    }
    if (wantedJobs() == 0) {
        m_phase = Phase::Idle;
        setStatus({});
        return;
    }
    startBridge(connection);
}

void OffloadController::startBridge(const Connection &c)
{
    remote::OffloadBridgeConfig config;
    config.store = m_store;
    config.queue = c.clients.queue;
    config.storage = c.clients.storage;
    config.bucket = c.settings.bucket;
    config.requestQueue = c.requestQueue;
    config.responseQueue = c.responseQueue;
    config.deadLetterQueue = c.deadLetterQueue;
    config.waitSeconds = m_waitSeconds;
    config.presignSeconds = c.settings.presignSeconds;
    config.answerTimeout = std::chrono::minutes(c.settings.answerTimeoutMinutes);
    m_bridge = std::make_unique<OffloadBridge>(config);
    OffloadBridge *bridge = m_bridge.get();
    // The bridge's signals come from its threads.
    QObject::connect(
        bridge, &OffloadBridge::jobSent, this,
        [this] {
            ++m_sent;
            showRunningStatus();
        },
        Qt::QueuedConnection);
    QObject::connect(
        bridge, &OffloadBridge::jobCompleted, this,
        [this] {
            ++m_back;
            showRunningStatus();
        },
        Qt::QueuedConnection);
    QObject::connect(
        bridge, &OffloadBridge::jobFailed, this,
        [this] {
            ++m_back;
            showRunningStatus();
        },
        Qt::QueuedConnection);
    QObject::connect(
        bridge, &OffloadBridge::connectionProblem, this,
        [this](const QString &reason, qint64 retryInMs) {
            if (m_phase != Phase::Running)
                return;
            setStatus(tr("Offload connection problem: %1 (trying again in %2 s)")
                          .arg(reason)
                          .arg(qMax<qint64>(1, (retryInMs + 999) / 1000)));
        },
        Qt::QueuedConnection);
    QObject::connect(bridge, &OffloadBridge::stopped, this, &OffloadController::onBridgeStopped,
                     Qt::QueuedConnection);
    m_phase = Phase::Running;
    m_sent = 0;
    m_back = 0;
    showRunningStatus();
    bridge->start();
    emit bridgeStarted();
}

void OffloadController::stopBridge()
{
    m_phase = Phase::Stopping;
    m_bridge->stop();
}

void OffloadController::onBridgeStopped()
{
    if (m_phase != Phase::Stopping || !m_bridge)
        return;
    // Its threads have ended or are about to: this wait is short.
    m_bridge->waitForStopped();
    m_bridge.reset();
    m_phase = Phase::Idle;
    const bool restart = m_restartWanted;
    m_restartWanted = false;
    if (m_shutDown || (!restart && wantedJobs() == 0))
        setStatus({});
    emit stopped();
    evaluate();
}

void OffloadController::showRunningStatus()
{
    setStatus(tr("Offload: %1 sent, %2 answered").arg(m_sent).arg(m_back));
}

void OffloadController::setStatus(const QString &text)
{
    if (text == m_status)
        return;
    m_status = text;
    emit statusChanged(text);
}

} // namespace pq::ui
