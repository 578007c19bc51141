#include "RemoteWorker.h"

#include "HttpExchange.h"
#include "OffloadMessages.h"
#include "jobs/JobRunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <condition_variable>

namespace pq::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote", text);
}

// Renews a message's visibility every third of its timeout until destroyed, so a long job keeps
// its message. Runs its own thread: the job's thread is busy decoding and encoding.
class VisibilityHeartbeat
{
    Q_DECLARE_TR_FUNCTIONS(pq::remote::VisibilityHeartbeat)

public:
    VisibilityHeartbeat(RemoteQueue &queue, QString queueRef, QString receiptHandle, int seconds)
    {
        if (!queue.supportsVisibilityChange() || seconds <= 0)
            return;
        const auto period = std::chrono::milliseconds(std::max(1000, seconds * 1000 / 3));
        m_thread.reset(QThread::create([this, &queue, queueRef, receiptHandle, seconds, period] {
            std::unique_lock lock(m_mutex);
            while (!m_done) {
                if (m_wake.wait_for(lock, period, [this] { return m_done; }))
                    break;
                lock.unlock();
                if (auto err = queue.changeVisibility(queueRef, receiptHandle, seconds))
                    qWarning("%s",
                             qPrintable(
                                 tr("cannot extend a message's visibility: %1").arg(err->message)));
                lock.lock();
            }
        }));
        m_thread->start();
    }
    VisibilityHeartbeat(const VisibilityHeartbeat &) = delete;
    VisibilityHeartbeat &operator=(const VisibilityHeartbeat &) = delete;
    ~VisibilityHeartbeat()
    {
        if (!m_thread)
            return;
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread->wait();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::unique_ptr<QThread> m_thread;
};

// Storage answers: 2xx is success; 5xx, 408, 429 and transport failures are worth another try;
// any other status (403 expired or forged URL, 404 missing input) will not get better.
std::optional<Error> transferError(const QString &what, const HttpResponse &response)
{
    if (response.status == 0)
        return transportFailure(what, response).toError();
    if (response.status >= 200 && response.status < 300)
        return std::nullopt;
    const bool transient =
        response.status >= 500 || response.status == 408 || response.status == 429;
    return Error{transient ? ErrorKind::Transient : ErrorKind::Permanent,
                 tr("%1: the storage answered HTTP %2").arg(what).arg(response.status)};
}

} // namespace

RemoteWorker::RemoteWorker(RemoteWorkerConfig config, QObject *parent)
    : QObject(parent)
    , m_config([&] {
        if (config.workerName.isEmpty())
            config.workerName = QStringLiteral("%1:%2").arg(
                QSysInfo::machineHostName(), QString::number(QCoreApplication::applicationPid()));
        config.workers = std::max(1, config.workers);
        config.waitSeconds = std::clamp(config.waitSeconds, 0, 20);
        return config;
    }())
{
    m_lastActivity.start();
}

RemoteWorker::~RemoteWorker()
{
    stop();
    waitForStopped();
}

void RemoteWorker::start()
{
    if (isRunning() || !m_config.queue)
        return;
    waitForStopped(); // threads of an earlier run
    m_threads.clear();
    m_stop = false;
    touch();
    m_running = m_config.workers;
    for (int i = 0; i < m_config.workers; ++i) {
        m_threads.emplace_back(QThread::create([this] { runThread(); }));
        m_threads.back()->setObjectName(QStringLiteral("RemoteWorker-%1").arg(i + 1));
        m_threads.back()->start();
    }
}

void RemoteWorker::stop()
{
    m_stop = true;
}

void RemoteWorker::waitForStopped()
{
    for (const auto &thread : m_threads)
        thread->wait();
}

bool RemoteWorker::isRunning() const
{
    return m_running.load() > 0;
}

qint64 RemoteWorker::idleMs() const
{
    if (m_busy.load() > 0)
        return 0;
    std::lock_guard lock(m_clockMutex);
    return m_lastActivity.elapsed();
}

void RemoteWorker::touch()
{
    std::lock_guard lock(m_clockMutex);
    m_lastActivity.restart();
}

void RemoteWorker::runThread()
{
    RemoteQueue &queue = *m_config.queue;
    while (!m_stop) {
        ReceiveOptions options;
        options.maxMessages = 1; // one at a time: the others stay available to other workers
        options.waitSeconds = m_config.waitSeconds;
        options.visibilityTimeoutSeconds = m_config.visibilitySeconds;
        auto received = queue.receive(m_config.requestQueue, options);
        if (!received) {
            qWarning("%s",
                     qPrintable(tr("cannot receive requests: %1").arg(received.error().message)));
            // Pause before the next try (the client has retried already), but stop promptly.
            for (int i = 0; i < 20 && !m_stop; ++i)
                QThread::msleep(100);
            continue;
        }
        for (const ReceivedMessage &message : std::as_const(received.value())) {
            if (m_stop) {
                // Received during stop: hand it back at once.
                if (queue.supportsVisibilityChange())
                    queue.changeVisibility(m_config.requestQueue, message.receiptHandle, 0);
                continue;
            }
            ++m_busy;
            touch();
            handle(message);
            touch();
            --m_busy;
        }
    }
    if (--m_running == 0)
        emit stopped();
}

void RemoteWorker::handle(const ReceivedMessage &message)
{
    RemoteQueue &queue = *m_config.queue;
    OffloadRequest request;

    auto release = [&](qint64 jobId, const QString &reason, bool visibleNow) {
        if (visibleNow && queue.supportsVisibilityChange())
            queue.changeVisibility(m_config.requestQueue, message.receiptHandle, 0);
        ++m_released;
        emit jobReleased(jobId, reason);
    };
    // Answers, then deletes the request. A response that cannot be sent leaves the request to
    // be received again (it is answered then); a failed delete only means a duplicate answer,
    // which the producer ignores.
    auto answer = [&](OffloadResponse response) -> bool {
        response.workerName = m_config.workerName;
        OutgoingMessage out;
        out.body = QString::fromUtf8(response.toJsonBytes());
        auto sent = queue.send(m_config.responseQueue, out);
        if (!sent) {
            release(response.jobId, tr("cannot send the response: %1").arg(sent.error().message),
                    false);
            return false;
        }
        if (auto err = queue.deleteMessage(m_config.requestQueue, message.receiptHandle))
            qWarning("%s", qPrintable(tr("job %1: cannot delete the request: %2")
                                          .arg(response.jobId)
                                          .arg(err->message)));
        return true;
    };
    auto fail = [&](qint64 jobId, const QString &originId, const QString &code,
                    const Error &error) {
        OffloadResponse response;
        response.jobId = jobId;
        response.attempt = request.attempt;
        response.originId = originId;
        response.status = OffloadResponse::Status::Failed;
        response.errorKind = error.kind;
        response.errorCode = code;
        response.errorMessage = error.message;
        if (jobId == 0) {
            // Names no job: nobody to answer. Dropped, so that it does not come back.
            qWarning("%s",
                     qPrintable(tr("dropping a message that names no job: %1").arg(error.message)));
            if (auto err = queue.deleteMessage(m_config.requestQueue, message.receiptHandle))
                qWarning("%s", qPrintable(tr("cannot delete the message: %1").arg(err->message)));
        } else if (!answer(response)) {
            return;
        }
        ++m_failed;
        emit jobFailed(jobId, code, error.message);
    };

    if (auto rejected =
            parseOffloadRequest(message.body.toUtf8(), m_config.storageEndpoint, &request)) {
        ++m_rejected;
        fail(rejected->jobId, rejected->originId, rejected->code,
             Error{ErrorKind::Permanent, tr("invalid request: %1").arg(rejected->message)});
        return;
    }

    VisibilityHeartbeat heartbeat(queue, m_config.requestQueue, message.receiptHandle,
                                  m_config.visibilitySeconds);
    // Transient problems leave the message for a later receive (by any worker); permanent ones
    // are answered.
    // The producer is told why (a "retrying" note, best effort), so that a request that ends in
    // the dead-letter queue shows its last error on the desktop.
    auto failJob = [&](const QString &code, const Error &error) {
        if (error.kind != ErrorKind::Transient) {
            fail(request.jobId, request.originId, code, error);
            return;
        }
        OffloadResponse note;
        note.jobId = request.jobId;
        note.attempt = request.attempt;
        note.originId = request.originId;
        note.status = OffloadResponse::Status::Retrying;
        note.errorKind = ErrorKind::Transient;
        note.errorCode = code;
        note.errorMessage = error.message;
        note.workerName = m_config.workerName;
        OutgoingMessage out;
        out.body = QString::fromUtf8(note.toJsonBytes());
        queue.send(m_config.responseQueue, out);
        release(request.jobId, error.message, false);
    };

    QTemporaryDir dir;
    if (!dir.isValid()) {
        failJob(QStringLiteral("worker"),
                Error{ErrorKind::Transient,
                      tr("cannot create a temporary folder: %1").arg(dir.errorString())});
        return;
    }

    // Download (pre-signed: no credentials of ours in the request).
    HttpRequest get;
    get.method = "GET";
    get.url = request.inputUrl;
    get.timeout = m_config.transferTimeout;
    const HttpResponse downloaded = sendHttp(get);
    if (auto err = transferError(tr("downloading the input"), downloaded)) {
        failJob(QStringLiteral("storage"), *err);
        return;
    }
    if (downloaded.body.size() > m_config.maxInputBytes) {
        failJob(QStringLiteral("too-large"),
                Error{ErrorKind::Permanent, tr("the input has %1 bytes, more than the limit of %2")
                                                .arg(downloaded.body.size())
                                                .arg(m_config.maxInputBytes)});
        return;
    }
    if (m_stop) {
        release(request.jobId, tr("the worker is stopping"), true);
        return;
    }

    LeasedJob job;
    job.id = request.jobId;
    job.inputPath = dir.filePath(workerInputFileName(request.inputUrl));
    job.outputPath = dir.filePath(workerOutputFileName(request));
    job.recipeJson = request.recipeJson;
    job.owner = m_config.workerName;
    {
        QFile input(job.inputPath);
        if (!input.open(QIODevice::WriteOnly) ||
            input.write(downloaded.body) != downloaded.body.size() || !input.flush()) {
            failJob(QStringLiteral("worker"),
                    Error{ErrorKind::Transient, tr("cannot write the input to %1: %2")
                                                    .arg(job.inputPath, input.errorString())});
            return;
        }
    }

    OpContext ctx;
    ctx.cancelled = &m_stop;
    const JobOutcome outcome = runRecipe(job, ctx);
    if (m_stop) {
        release(request.jobId, tr("the worker is stopping"), true);
        return;
    }
    if (outcome.error) {
        failJob(QStringLiteral("job"), *outcome.error);
        return;
    }

    QFile output(job.outputPath);
    if (!output.open(QIODevice::ReadOnly)) {
        failJob(QStringLiteral("worker"),
                Error{ErrorKind::Transient,
                      tr("cannot read the output: %1").arg(output.errorString())});
        return;
    }
    HttpRequest put;
    put.method = "PUT";
    put.url = request.outputUrl;
    put.body = output.readAll();
    put.headers.append({"Content-Type", request.outputContentType.toUtf8()});
    put.timeout = m_config.transferTimeout;
    const HttpResponse uploaded = sendHttp(put);
    if (auto err = transferError(tr("uploading the output"), uploaded)) {
        failJob(QStringLiteral("storage"), *err);
        return;
    }

    OffloadResponse response;
    response.jobId = request.jobId;
    response.attempt = request.attempt;
    response.originId = request.originId;
    response.status = OffloadResponse::Status::Done;
    response.outputSize = put.body.size();
    if (!answer(response))
        return;
    ++m_processed;
    emit jobDone(request.jobId, response.outputSize);
}

} // namespace pq::remote
