#include "WorkerCommand.h"

#include "platform/Platform.h"
#include "remote/CmqQueue.h"
#include "remote/RemoteWorker.h"
#include "remote/SqsQueue.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>
#include <memory>
#include <optional>

namespace pq::cli {

namespace {

using namespace pq::remote;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

QString tr(const char *text)
{
    return QCoreApplication::translate("pixqueue-cli", text);
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

struct Options
{
    QString provider;
    QUrl endpoint;
    QString region;
    QString requestQueue;
    QString responseQueue;
    QUrl storageEndpoint;
    int workers = 1;
    int untilIdleSeconds = -1; // -1: run until stopped
    int visibilitySeconds = 60;
    int waitSeconds = 3;
};

struct Usage
{
    QString message;
};

int number(const QString &option, const QString &text, int min, int max)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < min || v > max)
        throw Usage{tr("%1: '%2' is not a number in %3..%4").arg(option, text).arg(min).arg(max)};
    return v;
}

QUrl url(const QString &option, const QString &text)
{
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty() ||
        (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")))
        throw Usage{tr("%1: '%2' is not an http(s) URL").arg(option, text)};
    return u;
}

Options parse(const QStringList &arguments)
{
    Options o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        auto value = [&]() -> QString {
            if (i + 1 >= arguments.size())
                throw Usage{tr("%1 needs a value").arg(a)};
            return arguments.at(++i);
        };
        if (a == QLatin1String("--provider"))
            o.provider = value().toLower();
        else if (a == QLatin1String("--endpoint"))
            o.endpoint = url(a, value());
        else if (a == QLatin1String("--region"))
            o.region = value();
        else if (a == QLatin1String("--request-queue"))
            o.requestQueue = value();
        else if (a == QLatin1String("--response-queue"))
            o.responseQueue = value();
        else if (a == QLatin1String("--storage-endpoint"))
            o.storageEndpoint = url(a, value());
        else if (a == QLatin1String("--workers"))
            o.workers = number(a, value(), 1, 64);
        else if (a == QLatin1String("--until-idle"))
            o.untilIdleSeconds = number(a, value(), 0, 86400);
        else if (a == QLatin1String("--visibility-timeout"))
            o.visibilitySeconds = number(a, value(), 5, 43200);
        else if (a == QLatin1String("--wait"))
            o.waitSeconds = number(a, value(), 1, 20);
        else
            throw Usage{tr("unknown option %1").arg(a)};
    }
    if (o.provider != QLatin1String("sqs") && o.provider != QLatin1String("cmq"))
        throw Usage{tr("--provider must be sqs or cmq")};
    if (o.region.isEmpty())
        throw Usage{tr("--region is required")};
    if (o.endpoint.isEmpty()) {
        if (o.provider == QLatin1String("cmq"))
            throw Usage{tr("--endpoint is required for cmq (copy it from the TDMQ console)")};
        o.endpoint = SqsConfig::awsEndpoint(o.region);
    }
    if (o.requestQueue.isEmpty() || o.responseQueue.isEmpty())
        throw Usage{tr("--request-queue and --response-queue are required")};
    if (o.storageEndpoint.isEmpty())
        o.storageEndpoint = o.endpoint;
    return o;
}

// The queue client with credentials from the environment, as the providers' own CLIs read them.
std::shared_ptr<RemoteQueue> makeQueue(const Options &o)
{
    if (o.provider == QLatin1String("sqs")) {
        SqsConfig config;
        config.endpoint = o.endpoint;
        config.region = o.region;
        config.credentials = {qEnvironmentVariable("AWS_ACCESS_KEY_ID"),
                              qEnvironmentVariable("AWS_SECRET_ACCESS_KEY"),
                              qEnvironmentVariable("AWS_SESSION_TOKEN")};
        if (config.credentials.isEmpty())
            throw Usage{tr("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and "
                           "AWS_SESSION_TOKEN for temporary credentials)")};
        return std::make_shared<SqsQueue>(config);
    }
    CmqConfig config;
    config.endpoint = o.endpoint;
    config.region = o.region;
    config.secretId = qEnvironmentVariable("TENCENTCLOUD_SECRET_ID");
    config.secretKey = qEnvironmentVariable("TENCENTCLOUD_SECRET_KEY");
    config.token = qEnvironmentVariable("TENCENTCLOUD_SESSION_TOKEN");
    if (config.secretId.isEmpty() || config.secretKey.isEmpty())
        throw Usage{tr("set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY")};
    return std::make_shared<CmqQueue>(config);
}

// A queue given by URL is used as it is; a name is looked up.
std::optional<QString> resolve(RemoteQueue &queue, const QString &given)
{
    if (given.startsWith(QLatin1String("https://")) || given.startsWith(QLatin1String("http://")))
        return given;
    auto ref = queue.queueRef(given);
    if (!ref) {
        err() << tr("error: queue %1: %2").arg(given, ref.error().message) << Qt::endl;
        return std::nullopt;
    }
    return ref.value();
}

} // namespace

QString workerUsage()
{
    return tr(R"(  worker --provider sqs|cmq [--endpoint URL] --region R --request-queue Q
      --response-queue Q [--storage-endpoint URL] [--workers N]
      [--until-idle SECONDS] [--visibility-timeout SECONDS] [--wait SECONDS]
      Process offloaded jobs from a request queue (name or URL). Credentials come
      from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN (sqs) or
      TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY (cmq). Pre-signed URLs must
      point at --storage-endpoint (default: --endpoint). With --until-idle, exit
      after that many seconds without a request.
)");
}

int runWorkerCommand(const QStringList &arguments)
{
    Options options;
    std::shared_ptr<RemoteQueue> queue;
    try {
        options = parse(arguments);
        queue = makeQueue(options);
    } catch (const Usage &usage) {
        err() << tr("pixqueue-cli worker: %1").arg(usage.message) << Qt::endl
              << tr("Try 'pixqueue-cli --help'.") << Qt::endl;
        return kExitUsage;
    }
    const auto requests = resolve(*queue, options.requestQueue);
    const auto responses = resolve(*queue, options.responseQueue);
    if (!requests || !responses)
        return kExitFailed;

    RemoteWorkerConfig config;
    config.queue = queue;
    config.requestQueue = *requests;
    config.responseQueue = *responses;
    config.storageEndpoint = options.storageEndpoint;
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
                 .arg(queue->providerName(), *requests)
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

} // namespace pq::cli
