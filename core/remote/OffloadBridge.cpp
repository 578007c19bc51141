#include "OffloadBridge.h"

#include "OffloadMessages.h"
#include "OffloadSettings.h"
#include "imageio/ImageIO.h"
#include "jobs/JobStore.h"
#include "jobs/WorkKey.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace pq::remote {

namespace {

constexpr std::chrono::minutes kSendLease{10};  // upload + send; renewed never: sends are short
constexpr int kResponseVisibilitySeconds = 120; // time to download and write one output

// The wait after the n-th consecutive connection failure: 1 s, 2 s, 4 s ... up to `max`.
qint64 backoffMs(int failures, std::chrono::milliseconds max)
{
    return std::min<qint64>(1000LL << std::clamp(failures - 1, 0, 16), max.count());
}

QString contentTypeFor(const QString &suffix)
{
    const QString s = suffix.toLower();
    if (s == QLatin1String("jpg") || s == QLatin1String("jpeg"))
        return QStringLiteral("image/jpeg");
    if (s == QLatin1String("png") || s == QLatin1String("webp") || s == QLatin1String("bmp") ||
        s == QLatin1String("tiff"))
        return QStringLiteral("image/") + s;
    if (s == QLatin1String("tif"))
        return QStringLiteral("image/tiff");
    return QStringLiteral("application/octet-stream");
}

bool isProbe(const QString &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body.toUtf8()).object();
    return json.value(QStringLiteral("type")).toString() == QLatin1String(kProbeMessageType);
}

} // namespace

OffloadBridge::OffloadBridge(OffloadBridgeConfig config, QObject *parent)
    : QObject(parent)
    , m_config([&] {
        config.senders = std::clamp(config.senders, 1, 32);
        config.waitSeconds = std::clamp(config.waitSeconds, 0, 20);
        config.presignSeconds = std::clamp(config.presignSeconds, 60, 604800);
        return config;
    }())
{
    Q_ASSERT(m_config.store);
    m_originId = m_config.store->databaseId();
    m_owner = m_config.store->ownerName(QStringLiteral("offload"));
    // A new job or a retried one: senders look at once instead of at their next poll.
    m_storeConnection = connect(
        m_config.store, &JobStore::jobsChanged, this, [this] { wake(); }, Qt::DirectConnection);
}

OffloadBridge::~OffloadBridge()
{
    disconnect(m_storeConnection);
    stop();
    waitForStopped();
}

QString OffloadBridge::outputKey(qint64 jobId, int attempt, const QString &suffix) const
{
    return QStringLiteral("%1outputs/%2/%3-%4.%5")
        .arg(m_config.keyPrefix, m_originId)
        .arg(jobId)
        .arg(attempt)
        .arg(suffix);
}

void OffloadBridge::start()
{
    if (isRunning() || !m_config.queue || !m_config.storage)
        return;
    waitForStopped();
    m_threads.clear();
    m_stop = false;
    m_running = m_config.senders + 1;
    for (int i = 0; i < m_config.senders; ++i) {
        m_threads.emplace_back(QThread::create([this] { runSender(); }));
        m_threads.back()->setObjectName(QStringLiteral("OffloadSender-%1").arg(i + 1));
    }
    m_threads.emplace_back(QThread::create([this] { runReceiver(); }));
    m_threads.back()->setObjectName(QStringLiteral("OffloadReceiver"));
    for (const auto &thread : m_threads)
        thread->start();
}

void OffloadBridge::stop()
{
    m_stop = true;
    wake();
}

void OffloadBridge::waitForStopped()
{
    for (const auto &thread : m_threads)
        thread->wait();
}

void OffloadBridge::wake()
{
    {
        std::lock_guard lock(m_wakeMutex);
        ++m_wakeSerial;
    }
    m_wakeUp.notify_all();
}

bool OffloadBridge::sleepFor(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_wakeMutex);
    const quint64 serial = m_wakeSerial;
    m_wakeUp.wait_for(lock, duration, [&] { return m_stop.load() || m_wakeSerial != serial; });
    return !m_stop;
}

// ---- sending ---------------------------------------------------------------------------------

void OffloadBridge::runSender()
{
    JobStore &store = *m_config.store;
    while (!m_stop) {
        // After a connection problem one sender waits out the backoff before the next try, so
        // a dead network costs one failed attempt per backoff step, not one per job.
        const int failures = m_consecutiveFailures.load();
        if (failures > 0) {
            const qint64 delay = backoffMs(failures, m_config.maxBackoff);
            std::unique_lock lock(m_wakeMutex);
            m_wakeUp.wait_for(lock, std::chrono::milliseconds(delay),
                              [&] { return m_stop.load(); });
            if (m_stop)
                break;
        }
        auto job = store.leaseNext(m_owner, kSendLease, Lane::Offload);
        if (!job) {
            const qint64 next = store.msUntilNextReady(Lane::Offload).value_or(1000);
            sleepFor(std::chrono::milliseconds(std::clamp<qint64>(next, 10, 1000)));
            continue;
        }
        send(*job);
    }
    if (--m_running == 0)
        emit stopped();
}

void OffloadBridge::postpone(const LeasedJob &job, const QString &reason)
{
    const int failures = ++m_consecutiveFailures;
    const qint64 delay = backoffMs(failures, m_config.maxBackoff);
    const qint64 jitter = qint64(QRandomGenerator::global()->bounded(double(delay) / 10.0));
    const QString text = tr("waiting for the offload service: %1").arg(reason);
    m_config.store->postpone(job.id, job.owner, m_config.store->now() + delay + jitter, text);
    ++m_postponed;
    emit connectionProblem(reason, delay + jitter);
}

void OffloadBridge::fail(qint64 jobId, const QString &reason, bool offloaded,
                         const LeasedJob *leased)
{
    const bool applied =
        offloaded
            ? m_config.store->failOffloaded(jobId, ErrorKind::Permanent, reason)
            : m_config.store->fail(jobId, leased->owner, ErrorKind::Permanent, reason).applied;
    if (!applied)
        return;
    ++m_failed;
    emit jobFailed(jobId, reason);
}

void OffloadBridge::send(const LeasedJob &job)
{
    ObjectStore &storage = *m_config.storage;
    RemoteQueue &queue = *m_config.queue;
    // Queue or storage trouble: transient ones put the job off, permanent ones (refused
    // credentials, a missing bucket or queue) fail it with the service's reason.
    auto trouble = [&](const QString &what, const RemoteError &error) {
        const QString reason = tr("%1: %2").arg(what, error.message);
        if (error.kind == ErrorKind::Transient)
            postpone(job, reason);
        else
            fail(job.id, reason, false, &job);
    };

    qint64 size = 0;
    const auto hash = fileContentHash(job.inputPath, &size);
    if (!hash) {
        fail(job.id, tr("cannot read the input %1").arg(job.inputPath), false, &job);
        return;
    }
    const QString inputSuffix = QFileInfo(job.inputPath).suffix().toLower();
    const QString inputKey = QStringLiteral("%1inputs/%2%3")
                                 .arg(m_config.keyPrefix, hash->section(QLatin1Char(':'), 1),
                                      inputSuffix.isEmpty() ? QString() : '.' + inputSuffix);
    // Content-addressed: an input already in the bucket (another job, an earlier run) is not
    // uploaded again.
    auto existing = storage.head(m_config.bucket, inputKey);
    if (!existing || existing.value().size != size) {
        if (!existing && existing.error().kind == ErrorKind::Transient) {
            trouble(tr("checking the bucket"), existing.error());
            return;
        }
        QFile file(job.inputPath);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(job.id, tr("cannot read the input %1: %2").arg(job.inputPath, file.errorString()),
                 false, &job);
            return;
        }
        if (auto e = storage.put(m_config.bucket, inputKey, file.readAll(),
                                 contentTypeFor(inputSuffix))) {
            trouble(tr("uploading the input"), *e);
            return;
        }
    }

    const QString suffix = QFileInfo(job.outputPath).suffix().toLower();
    OffloadRequest request;
    request.jobId = job.id;
    request.attempt = job.attempts;
    request.originId = m_originId;
    request.recipeJson = job.recipeJson;
    request.inputUrl = storage.presignedGet(m_config.bucket, inputKey, m_config.presignSeconds);
    request.outputUrl = storage.presignedPut(
        m_config.bucket, outputKey(job.id, job.attempts, suffix), m_config.presignSeconds);
    request.outputContentType = contentTypeFor(suffix);
    request.outputSuffix = suffix;
    OutgoingMessage message;
    message.body = QString::fromUtf8(request.toJsonBytes());
    if (message.body.size() > kMaxOffloadMessageBytes) {
        fail(job.id,
             tr("the request would be larger than the queue's limit of %1 bytes")
                 .arg(kMaxOffloadMessageBytes),
             false, &job);
        return;
    }
    auto sent = queue.send(m_config.requestQueue, message);
    if (!sent) {
        trouble(tr("sending the request"), sent.error());
        return;
    }
    m_consecutiveFailures = 0;
    const qint64 deadline = m_config.store->now() + qint64(m_config.answerTimeout.count()) * 1000;
    if (m_config.store->markOffloaded(job.id, job.owner, sent.value(), deadline)) {
        ++m_sent;
        emit jobSent(job.id);
    }
}

// ---- receiving -------------------------------------------------------------------------------

void OffloadBridge::runReceiver()
{
    RemoteQueue &queue = *m_config.queue;
    QElapsedTimer sinceSweep;
    sinceSweep.start();
    sweep();
    int failures = 0;
    while (!m_stop) {
        ReceiveOptions options;
        options.maxMessages = 10;
        options.waitSeconds = m_config.waitSeconds;
        options.visibilityTimeoutSeconds = kResponseVisibilitySeconds;
        auto received = queue.receive(m_config.responseQueue, options);
        if (!received) {
            ++failures;
            const qint64 delay = backoffMs(failures, m_config.maxBackoff);
            emit connectionProblem(tr("receiving answers: %1").arg(received.error().message),
                                   delay);
            std::unique_lock lock(m_wakeMutex);
            m_wakeUp.wait_for(lock, std::chrono::milliseconds(delay),
                              [&] { return m_stop.load(); });
            continue;
        }
        failures = 0;
        for (const ReceivedMessage &message : std::as_const(received.value()))
            handleResponse(message);
        if (sinceSweep.elapsed() >= m_config.sweepInterval.count()) {
            sweep();
            sinceSweep.restart();
        }
    }
    if (--m_running == 0)
        emit stopped();
}

void OffloadBridge::handleResponse(const ReceivedMessage &message)
{
    RemoteQueue &queue = *m_config.queue;
    JobStore &store = *m_config.store;
    auto drop = [&] {
        if (auto e = queue.deleteMessage(m_config.responseQueue, message.receiptHandle))
            qWarning("%s", qPrintable(tr("cannot delete an answer: %1").arg(e->message)));
    };

    OffloadResponse response;
    if (auto err = parseOffloadResponse(message.body.toUtf8(), &response)) {
        if (isProbe(message.body)) {
            // A "Test connection" in progress waits for it: hand it back at once where the queue
            // can (CMQ cannot; the probe then waits out the visibility timeout).
            if (queue.supportsVisibilityChange())
                queue.changeVisibility(m_config.responseQueue, message.receiptHandle, 0);
            return;
        }
        qWarning("%s", qPrintable(tr("dropping a message that is not an answer: %1").arg(*err)));
        drop();
        return;
    }
    if (response.originId != m_originId)
        return; // another database's answer: left for its own bridge
    const auto job = store.job(response.jobId);
    if (!job || job->state != JobState::Offloaded) {
        // A duplicate (the request was delivered twice) or a job the user cancelled meanwhile.
        ++m_duplicates;
        if (response.status == OffloadResponse::Status::Done && job)
            m_config.storage->remove(m_config.bucket,
                                     outputKey(response.jobId, response.attempt,
                                               QFileInfo(job->outputPath).suffix().toLower()));
        drop();
        return;
    }
    const QString worker =
        response.workerName.isEmpty() ? tr("a remote worker") : response.workerName;
    switch (response.status) {
    case OffloadResponse::Status::Retrying:
        store.noteOffloaded(
            response.jobId,
            tr("%1 could not finish it and will retry: %2").arg(worker, response.errorMessage));
        drop();
        return;
    case OffloadResponse::Status::Failed:
        fail(response.jobId, tr("remote worker %1: %2").arg(worker, response.errorMessage), true,
             nullptr);
        drop();
        return;
    case OffloadResponse::Status::Done:
        break;
    }

    const QString key =
        outputKey(response.jobId, response.attempt, QFileInfo(job->outputPath).suffix().toLower());
    auto output = m_config.storage->get(m_config.bucket, key);
    if (!output) {
        if (output.error().kind == ErrorKind::Transient)
            return; // the answer comes back after its visibility timeout; try again then
        fail(response.jobId,
             tr("cannot download the output of %1: %2").arg(worker, output.error().message), true,
             nullptr);
        drop();
        return;
    }
    if (auto e = imageio::writeAtomically(job->outputPath, output.value())) {
        if (e->kind == ErrorKind::Transient) {
            store.noteOffloaded(response.jobId, e->message);
            return; // a full disk may be freed: the answer comes back
        }
        fail(response.jobId, e->message, true, nullptr);
        drop();
        return;
    }
    if (store.completeOffloaded(response.jobId)) {
        ++m_completed;
        emit jobCompleted(response.jobId);
    }
    m_config.storage->remove(m_config.bucket, key);
    drop();
}

void OffloadBridge::sweep()
{
    JobStore &store = *m_config.store;
    const auto overdue =
        store.failOverdueOffloads(tr("no answer from the remote workers within %n minute(s).",
                                     nullptr, int(m_config.answerTimeout.count() / 60)));
    for (qint64 id : overdue) {
        ++m_failed;
        emit jobFailed(id, store.job(id).value_or(JobRecord{}).errorMessage);
    }
    if (m_config.deadLetterQueue.isEmpty())
        return;
    ReceiveOptions options;
    options.maxMessages = 10;
    options.waitSeconds = 0;
    options.visibilityTimeoutSeconds = 30;
    for (int round = 0; round < 10 && !m_stop; ++round) {
        auto dead = m_config.queue->receive(m_config.deadLetterQueue, options);
        if (!dead || dead.value().isEmpty())
            return;
        for (const ReceivedMessage &message : std::as_const(dead.value()))
            handleDeadLetter(message);
    }
}

void OffloadBridge::handleDeadLetter(const ReceivedMessage &message)
{
    // The dead-letter queue holds requests: parse just enough to name the job.
    const QJsonObject json = QJsonDocument::fromJson(message.body.toUtf8()).object();
    if (json.value(QStringLiteral("origin")).toString() != m_originId)
        return; // another database's request
    const qint64 jobId = json.value(QStringLiteral("job")).toInteger();
    const auto job = m_config.store->job(jobId);
    if (job && job->state == JobState::Offloaded) {
        QString reason = tr("the request reached the dead-letter queue after %n receive(s) "
                            "without an answer: the remote workers could not process it.",
                            nullptr, message.receiveCount);
        if (!job->errorMessage.isEmpty())
            reason += ' ' + tr("Last error: %1").arg(job->errorMessage);
        fail(jobId, reason, true, nullptr);
    }
    m_config.queue->deleteMessage(m_config.deadLetterQueue, message.receiptHandle);
}

} // namespace pq::remote
