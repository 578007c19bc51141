#include "OffloadCommands.h"

#include "CliSupport.h"
#include "jobs/JobStore.h"
#include "platform/Platform.h"
#include "remote/OffloadBridge.h"
#include "remote/OffloadSettings.h"
#include "remote/RemoteWorker.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <memory>
#include <optional>

namespace pq::cli {

namespace {

using namespace pq::remote;

QUrl urlValue(const QString &option, const QString &text)
{
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty() ||
        (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")))
        throw UsageError{tr("%1: '%2' is not an http(s) URL").arg(option, text)};
    return u;
}

// Reads one connection flag (and its value from `arguments` at `i`) into `settings`. False if
// `a` is not a connection flag.
bool takeConnectionFlag(const QString &a, const QStringList &arguments, qsizetype &i,
                        OffloadSettings &settings)
{
    auto value = [&]() -> QString {
        if (i + 1 >= arguments.size())
            throw UsageError{tr("%1 needs a value").arg(a)};
        return arguments.at(++i);
    };
    if (a == QLatin1String("--provider"))
        settings.provider = value().toLower();
    else if (a == QLatin1String("--endpoint"))
        settings.endpoint = urlValue(a, value());
    else if (a == QLatin1String("--region"))
        settings.region = value();
    else if (a == QLatin1String("--request-queue"))
        settings.requestQueue = value();
    else if (a == QLatin1String("--response-queue"))
        settings.responseQueue = value();
    else if (a == QLatin1String("--dead-letter-queue"))
        settings.deadLetterQueue = value();
    else if (a == QLatin1String("--bucket"))
        settings.bucket = value();
    else if (a == QLatin1String("--storage-endpoint"))
        settings.storageEndpoint = urlValue(a, value());
    else
        return false;
    return true;
}

OffloadCredentials credentialsFor(const OffloadSettings &settings)
{
    const OffloadCredentials credentials = OffloadCredentials::fromEnvironment(settings.provider);
    if (credentials.isEmpty())
        throw UsageError{OffloadCredentials::environmentHint(settings.provider)};
    return credentials;
}

std::optional<QString> resolve(RemoteQueue &queue, const QString &given)
{
    auto ref = resolveQueue(queue, given);
    if (!ref) {
        err() << tr("error: queue %1: %2").arg(given, ref.error().message) << Qt::endl;
        return std::nullopt;
    }
    return ref.value();
}

struct WorkerOptions
{
    OffloadSettings settings = OffloadSettings::load();
    int workers = 1;
    int untilIdleSeconds = -1; // -1: run until stopped
    int visibilitySeconds = 60;
    int waitSeconds = 3;
};

WorkerOptions parseWorker(const QStringList &arguments)
{
    WorkerOptions o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        if (takeConnectionFlag(a, arguments, i, o.settings))
            continue;
        auto value = [&]() -> QString {
            if (i + 1 >= arguments.size())
                throw UsageError{tr("%1 needs a value").arg(a)};
            return arguments.at(++i);
        };
        if (a == QLatin1String("--workers"))
            o.workers = intValue(a, value(), 1, 64);
        else if (a == QLatin1String("--until-idle"))
            o.untilIdleSeconds = intValue(a, value(), 0, 86400);
        else if (a == QLatin1String("--visibility-timeout"))
            o.visibilitySeconds = intValue(a, value(), 5, 43200);
        else if (a == QLatin1String("--wait"))
            o.waitSeconds = intValue(a, value(), 1, 20);
        else
            throw UsageError{tr("unknown option %1").arg(a)};
    }
    // A worker needs no bucket (it only holds pre-signed URLs): validate the rest.
    OffloadSettings check = o.settings;
    if (check.bucket.isEmpty())
        check.bucket = QStringLiteral("-");
    if (auto problem = check.validate())
        throw UsageError{*problem};
    return o;
}

} // namespace

QString offloadUsage()
{
    return tr(R"(  run --offload [--until-idle] [--senders N] CONNECTION...
      Send the jobs of batches added with --offload to remote workers and bring
      their results back. With --until-idle, exit when every offload job ended.
  worker CONNECTION... [--workers N] [--until-idle SECONDS]
      [--visibility-timeout SECONDS] [--wait SECONDS]
      Process offloaded jobs from the request queue. With --until-idle, exit
      after that many seconds without a request.
  setup-offload CONNECTION... [--visibility-timeout S] [--max-receives N] [--save]
      Create the three queues (requests redriven to the dead-letter queue after
      N receives) and the bucket. --save keeps the connection as the settings.
  test-offload CONNECTION... [--save]
      Send and receive a probe message, write, read and delete a test object.
  CONNECTION flags (each falls back to the saved offload settings):
      --provider sqs|cmq --endpoint URL --region R --request-queue Q
      --response-queue Q --dead-letter-queue Q --bucket B --storage-endpoint URL
      Queues are names or URLs. Credentials come from AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (sqs) or TENCENTCLOUD_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY (cmq). Pre-signed URLs must point at the storage
      endpoint (default: the queue endpoint for SQS-compatible servers, else S3).
)");
}

// ---- worker -----------------------------------------------------------------------------------

int runWorkerCommand(const QStringList &arguments)
{
    WorkerOptions options;
    OffloadClients clients;
    try {
        options = parseWorker(arguments);
        clients = makeOffloadClients(options.settings, credentialsFor(options.settings));
    } catch (const UsageError &usage) {
        err() << tr("pixqueue-cli worker: %1").arg(usage.message) << Qt::endl
              << tr("Try 'pixqueue-cli --help'.") << Qt::endl;
        return kExitUsage;
    }
    const auto requests = resolve(*clients.queue, options.settings.requestQueue);
    const auto responses = resolve(*clients.queue, options.settings.responseQueue);
    if (!requests || !responses)
        return kExitJobsFailed;

    RemoteWorkerConfig config;
    config.queue = clients.queue;
    config.requestQueue = *requests;
    config.responseQueue = *responses;
    config.storageEndpoint = options.settings.effectiveStorageEndpoint();
    config.workers = options.workers;
    config.waitSeconds = options.waitSeconds;
    config.visibilitySeconds = options.visibilitySeconds;
    RemoteWorker worker(config);

    QEventLoop loop;
    QObject::connect(&worker, &RemoteWorker::jobDone, &loop, [](qint64 id, qint64 size) {
        out() << tr("job %1 done (%2 bytes)").arg(id).arg(size) << Qt::endl;
    });
    QObject::connect(&worker, &RemoteWorker::jobFailed, &loop,
                     [](qint64 id, const QString &code, const QString &message) {
                         err() << tr("job %1 failed (%2): %3").arg(id).arg(code, message)
                               << Qt::endl;
                     });
    QObject::connect(&worker, &RemoteWorker::jobReleased, &loop,
                     [](qint64 id, const QString &reason) {
                         err() << tr("job %1 left for a retry: %2").arg(id).arg(reason) << Qt::endl;
                     });
    QObject::connect(&worker, &RemoteWorker::stopped, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    platform::onTerminationRequest([&] {
        err() << tr("stopping: unfinished requests are handed back to the queue") << Qt::endl;
        worker.stop();
    });
    QTimer idle;
    idle.setInterval(200);
    QObject::connect(&idle, &QTimer::timeout, &loop, [&] {
        if (options.untilIdleSeconds >= 0 && worker.idleMs() >= options.untilIdleSeconds * 1000LL)
            worker.stop();
    });
    err() << tr("worker: %1 thread(s) on %2, %3")
                 .arg(options.workers)
                 .arg(clients.queue->providerName(), *requests)
          << Qt::endl;
    worker.start();
    idle.start();
    loop.exec();
    worker.waitForStopped();
    err() << tr("worker stopped: %1 done, %2 failed")
                 .arg(worker.processedCount())
                 .arg(worker.failedCount())
          << Qt::endl;
    return kExitOk;
}

// ---- setup-offload, test-offload ----------------------------------------------------------------

namespace {

struct SetupOptions
{
    OffloadSettings settings = OffloadSettings::load();
    int visibilitySeconds = 300;
    int maxReceives = 5;
    bool save = false;
};

SetupOptions parseSetup(const QStringList &arguments, bool setup)
{
    SetupOptions o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        if (takeConnectionFlag(a, arguments, i, o.settings))
            continue;
        auto value = [&]() -> QString {
            if (i + 1 >= arguments.size())
                throw UsageError{tr("%1 needs a value").arg(a)};
            return arguments.at(++i);
        };
        if (setup && a == QLatin1String("--visibility-timeout"))
            o.visibilitySeconds = intValue(a, value(), 5, 43200);
        else if (setup && a == QLatin1String("--max-receives"))
            o.maxReceives = intValue(a, value(), 1, 1000);
        else if (a == QLatin1String("--save"))
            o.save = true;
        else
            throw UsageError{tr("unknown option %1").arg(a)};
    }
    if (auto problem = o.settings.validate())
        throw UsageError{*problem};
    return o;
}

} // namespace

int runSetupOffloadCommand(const QStringList &arguments)
{
    const SetupOptions o = parseSetup(arguments, true);
    const OffloadClients clients = makeOffloadClients(o.settings, credentialsFor(o.settings));
    RemoteQueue &queue = *clients.queue;
    auto named = [](const QString &given) {
        // A URL's last path segment is the queue's name.
        return given.contains(QLatin1String("://")) ? given.section(QLatin1Char('/'), -1) : given;
    };
    QString dead;
    if (!o.settings.deadLetterQueue.isEmpty()) {
        auto created = queue.createQueue(named(o.settings.deadLetterQueue), {});
        if (!created) {
            err() << tr("error: dead-letter queue: %1").arg(created.error().message) << Qt::endl;
            return kExitJobsFailed;
        }
        dead = created.value();
        out() << tr("dead-letter queue: %1").arg(dead) << Qt::endl;
    }
    QueueSettings requestSettings;
    requestSettings.visibilityTimeoutSeconds = o.visibilitySeconds;
    requestSettings.deadLetterQueue = dead;
    requestSettings.maxReceiveCount = o.maxReceives;
    auto requests = queue.createQueue(named(o.settings.requestQueue), requestSettings);
    if (!requests) {
        err() << tr("error: request queue: %1").arg(requests.error().message) << Qt::endl;
        return kExitJobsFailed;
    }
    out() << tr("request queue: %1 (visibility timeout %2 s, to the dead-letter queue after %3 "
                "receives)")
                 .arg(requests.value())
                 .arg(o.visibilitySeconds)
                 .arg(dead.isEmpty() ? 0 : o.maxReceives)
          << Qt::endl;
    auto responses = queue.createQueue(named(o.settings.responseQueue), {});
    if (!responses) {
        err() << tr("error: response queue: %1").arg(responses.error().message) << Qt::endl;
        return kExitJobsFailed;
    }
    out() << tr("response queue: %1").arg(responses.value()) << Qt::endl;
    if (auto e = clients.storage->createBucket(o.settings.bucket)) {
        err() << tr("error: bucket %1: %2").arg(o.settings.bucket, e->message) << Qt::endl;
        return kExitJobsFailed;
    }
    out() << tr("bucket: %1").arg(o.settings.bucket) << Qt::endl;
    if (o.save) {
        o.settings.save();
        out() << tr("saved as the offload settings") << Qt::endl;
    }
    return kExitOk;
}

int runTestOffloadCommand(const QStringList &arguments)
{
    const SetupOptions o = parseSetup(arguments, false);
    const ProbeReport report = probeOffload(o.settings, credentialsFor(o.settings));
    for (const QString &step : report.steps)
        out() << step << Qt::endl;
    if (!report.ok)
        return kExitJobsFailed;
    if (o.save) {
        o.settings.save();
        out() << tr("saved as the offload settings") << Qt::endl;
    }
    return kExitOk;
}

// ---- run --offload ----------------------------------------------------------------------------

struct OffloadRun::Options
{
    OffloadSettings settings = OffloadSettings::load();
    OffloadCredentials credentials;
    int senders = 2;
};

OffloadRun::OffloadRun(const QStringList &arguments)
    : m_options(std::make_unique<Options>())
{
    Options &o = *m_options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        if (takeConnectionFlag(a, arguments, i, o.settings))
            continue;
        if (a == QLatin1String("--senders")) {
            if (i + 1 >= arguments.size())
                throw UsageError{tr("%1 needs a value").arg(a)};
            o.senders = intValue(a, arguments.at(++i), 1, 32);
        } else {
            throw UsageError{tr("unknown option %1").arg(a)};
        }
    }
    if (auto problem = o.settings.validate())
        throw UsageError{*problem};
    o.credentials = credentialsFor(o.settings);
}

OffloadRun::~OffloadRun() = default;

int OffloadRun::exec(JobStore &store, bool untilIdle)
{
    const Options &o = *m_options;
    const OffloadClients clients = makeOffloadClients(o.settings, o.credentials);
    const auto requests = resolve(*clients.queue, o.settings.requestQueue);
    const auto responses = resolve(*clients.queue, o.settings.responseQueue);
    std::optional<QString> dead = QString();
    if (!o.settings.deadLetterQueue.isEmpty())
        dead = resolve(*clients.queue, o.settings.deadLetterQueue);
    if (!requests || !responses || !dead)
        return kExitJobsFailed;

    OffloadBridgeConfig config;
    config.store = &store;
    config.queue = clients.queue;
    config.storage = clients.storage;
    config.bucket = o.settings.bucket;
    config.requestQueue = *requests;
    config.responseQueue = *responses;
    config.deadLetterQueue = *dead;
    config.senders = o.senders;
    config.presignSeconds = o.settings.presignSeconds;
    config.answerTimeout = std::chrono::minutes(o.settings.answerTimeoutMinutes);
    config.waitSeconds = 2;
    OffloadBridge bridge(config);

    QEventLoop loop;
    QObject::connect(&bridge, &OffloadBridge::jobFailed, &loop,
                     [](qint64 id, const QString &reason) {
                         err() << tr("job %1 failed: %2").arg(id).arg(reason) << Qt::endl;
                     });
    QString lastProblem;
    QObject::connect(
        &bridge, &OffloadBridge::connectionProblem, &loop,
        [&](const QString &reason, qint64 retryInMs) {
            if (reason == lastProblem)
                return; // once per distinct problem, not per retry
            lastProblem = reason;
            err() << tr("%1 (trying again in %2 s)").arg(reason).arg((retryInMs + 999) / 1000)
                  << Qt::endl;
        });
    QObject::connect(&bridge, &OffloadBridge::jobSent, &loop, [&] { lastProblem.clear(); });
    QObject::connect(&bridge, &OffloadBridge::stopped, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    bool stopping = false;
    auto finish = [&] {
        if (!stopping) {
            stopping = true;
            bridge.stop();
        }
    };
    platform::onTerminationRequest([&] {
        err() << tr("stopping: offloaded jobs keep waiting for their answers in the queue")
              << Qt::endl;
        finish();
    });

    QElapsedTimer clock;
    clock.start();
    qint64 lastLine = -1000000;
    auto progress = [&](bool final) {
        if (!final && clock.elapsed() - lastLine < 2000)
            return;
        lastLine = clock.elapsed();
        const auto c = store.counts();
        out() << tr("offload: %1 sent, %2 done, %3 failed, %4 waiting to be sent, %5 offloaded")
                     .arg(bridge.sentCount())
                     .arg(bridge.completedCount())
                     .arg(bridge.failedCount())
                     .arg(c.value(JobState::Queued) + c.value(JobState::Leased))
                     .arg(c.value(JobState::Offloaded))
              << Qt::endl;
    };
    QTimer tick;
    tick.setInterval(200);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        progress(false);
        if (untilIdle && store.activeCount(Lane::Offload) == 0)
            finish();
    });
    err() << tr("offload: %1 to %2").arg(clients.queue->providerName(), *requests) << Qt::endl;
    bridge.start();
    tick.start();
    loop.exec();
    bridge.waitForStopped();
    progress(true);
    return bridge.failedCount() > 0 ? kExitJobsFailed : kExitOk;
}

} // namespace pq::cli
