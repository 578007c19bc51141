#include "OffloadSettings.h"

#include "CmqQueue.h"
#include "SqsQueue.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace pq::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote", text);
}

const QString kGroup = QStringLiteral("offload");

bool isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") ||
           host == QLatin1String("::1");
}

// https everywhere; plain http only to this machine (test servers, a local emulator).
std::optional<QString> checkEndpoint(const QString &what, const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("%1 '%2' is not a URL").arg(what, url.toString());
    if (url.scheme() == QLatin1String("https"))
        return std::nullopt;
    if (url.scheme() == QLatin1String("http") && isLoopback(url))
        return std::nullopt;
    return tr("%1 must use https (plain http is allowed only for 127.0.0.1/localhost)").arg(what);
}

} // namespace

OffloadSettings OffloadSettings::load(QSettings &s)
{
    OffloadSettings o;
    s.beginGroup(kGroup);
    o.provider = s.value(QStringLiteral("provider"), o.provider).toString();
    o.endpoint = QUrl(s.value(QStringLiteral("endpoint")).toString());
    o.region = s.value(QStringLiteral("region")).toString();
    o.requestQueue = s.value(QStringLiteral("requestQueue")).toString();
    o.responseQueue = s.value(QStringLiteral("responseQueue")).toString();
    o.deadLetterQueue = s.value(QStringLiteral("deadLetterQueue")).toString();
    o.storageEndpoint = QUrl(s.value(QStringLiteral("storageEndpoint")).toString());
    o.bucket = s.value(QStringLiteral("bucket")).toString();
    o.virtualHostedStorage = s.value(QStringLiteral("virtualHostedStorage"), false).toBool();
    o.presignSeconds =
        qBound(60, s.value(QStringLiteral("presignSeconds"), o.presignSeconds).toInt(), 604800);
    o.answerTimeoutMinutes =
        qBound(1, s.value(QStringLiteral("answerTimeoutMinutes"), o.answerTimeoutMinutes).toInt(),
               30 * 24 * 60);
    s.endGroup();
    return o;
}

OffloadSettings OffloadSettings::load()
{
    QSettings s;
    return load(s);
}

void OffloadSettings::save(QSettings &s) const
{
    s.beginGroup(kGroup);
    s.setValue(QStringLiteral("provider"), provider);
    s.setValue(QStringLiteral("endpoint"), endpoint.toString());
    s.setValue(QStringLiteral("region"), region);
    s.setValue(QStringLiteral("requestQueue"), requestQueue);
    s.setValue(QStringLiteral("responseQueue"), responseQueue);
    s.setValue(QStringLiteral("deadLetterQueue"), deadLetterQueue);
    s.setValue(QStringLiteral("storageEndpoint"), storageEndpoint.toString());
    s.setValue(QStringLiteral("bucket"), bucket);
    s.setValue(QStringLiteral("virtualHostedStorage"), virtualHostedStorage);
    s.setValue(QStringLiteral("presignSeconds"), presignSeconds);
    s.setValue(QStringLiteral("answerTimeoutMinutes"), answerTimeoutMinutes);
    s.endGroup();
}

void OffloadSettings::save() const
{
    QSettings s;
    save(s);
}

QUrl OffloadSettings::effectiveEndpoint() const
{
    if (!endpoint.isEmpty() || provider != QLatin1String("sqs") || region.isEmpty())
        return endpoint;
    return SqsConfig::awsEndpoint(region);
}

QUrl OffloadSettings::effectiveStorageEndpoint() const
{
    if (!storageEndpoint.isEmpty())
        return storageEndpoint;
    if (provider == QLatin1String("sqs") && !endpoint.isEmpty())
        return endpoint; // an SQS-compatible server that also serves S3 (fauxqs, LocalStack)
    if (provider == QLatin1String("sqs") && !region.isEmpty())
        return QUrl(QStringLiteral("https://s3.%1.amazonaws.com").arg(region));
    return {};
}

std::optional<QString> OffloadSettings::validate() const
{
    if (!providers().contains(provider))
        return tr("the provider must be sqs or cmq, not '%1'").arg(provider);
    if (region.isEmpty())
        return tr("the region is missing");
    if (provider == QLatin1String("cmq") && endpoint.isEmpty())
        return tr("the CMQ endpoint is missing (copy it from the TDMQ console)");
    if (auto e = checkEndpoint(tr("the queue endpoint"), effectiveEndpoint()))
        return e;
    if (requestQueue.isEmpty() || responseQueue.isEmpty())
        return tr("the request and response queues are required");
    if (requestQueue == responseQueue)
        return tr("the request and response queues must differ");
    if (bucket.isEmpty())
        return tr("the bucket is missing");
    if (effectiveStorageEndpoint().isEmpty())
        return tr("the storage endpoint is missing");
    if (auto e = checkEndpoint(tr("the storage endpoint"), effectiveStorageEndpoint()))
        return e;
    return std::nullopt;
}

OffloadCredentials OffloadCredentials::fromEnvironment(const QString &provider)
{
    if (provider == QLatin1String("cmq"))
        return {qEnvironmentVariable("TENCENTCLOUD_SECRET_ID"),
                qEnvironmentVariable("TENCENTCLOUD_SECRET_KEY"),
                qEnvironmentVariable("TENCENTCLOUD_SESSION_TOKEN")};
    return {qEnvironmentVariable("AWS_ACCESS_KEY_ID"),
            qEnvironmentVariable("AWS_SECRET_ACCESS_KEY"),
            qEnvironmentVariable("AWS_SESSION_TOKEN")};
}

QString OffloadCredentials::environmentHint(const QString &provider)
{
    if (provider == QLatin1String("cmq"))
        return tr("set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY");
    return tr("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for "
              "temporary credentials)");
}

OffloadClients makeOffloadClients(const OffloadSettings &settings,
                                  const OffloadCredentials &credentials)
{
    OffloadClients clients;
    if (settings.provider == QLatin1String("cmq")) {
        CmqConfig config;
        config.endpoint = settings.effectiveEndpoint();
        config.region = settings.region;
        config.secretId = credentials.accessKeyId;
        config.secretKey = credentials.secret;
        config.token = credentials.sessionToken;
        clients.queue = std::make_shared<CmqQueue>(config);
    } else {
        SqsConfig config;
        config.endpoint = settings.effectiveEndpoint();
        config.region = settings.region;
        config.credentials = {credentials.accessKeyId, credentials.secret,
                              credentials.sessionToken};
        clients.queue = std::make_shared<SqsQueue>(config);
    }
    ObjectStoreConfig storage;
    storage.endpoint = settings.effectiveStorageEndpoint();
    storage.region = settings.region;
    // S3-compatible storage takes AWS-style keys; Tencent COS accepts the SecretId/SecretKey pair
    // the same way.
    storage.credentials = {credentials.accessKeyId, credentials.secret, credentials.sessionToken};
    storage.addressing = settings.virtualHostedStorage
                             ? ObjectStoreConfig::Addressing::VirtualHosted
                             : ObjectStoreConfig::Addressing::PathStyle;
    clients.storage = std::make_shared<ObjectStore>(storage);
    return clients;
}

RemoteResult<QString> resolveQueue(RemoteQueue &queue, const QString &nameOrUrl)
{
    if (nameOrUrl.startsWith(QLatin1String("https://")) ||
        nameOrUrl.startsWith(QLatin1String("http://")))
        return nameOrUrl;
    return queue.queueRef(nameOrUrl);
}

ProbeReport probeOffload(const OffloadSettings &settings, const OffloadCredentials &credentials)
{
    ProbeReport report;
    auto failed = [&](const QString &step, const QString &why) {
        report.steps << tr("✗ %1: %2").arg(step, why);
        report.failure = tr("%1: %2").arg(step, why);
        return report;
    };
    auto passed = [&](const QString &step) { report.steps << tr("✓ %1").arg(step); };

    if (auto e = settings.validate())
        return failed(tr("settings"), *e);
    if (credentials.isEmpty())
        return failed(tr("credentials"), tr("no access key id or secret is stored"));
    const OffloadClients clients = makeOffloadClients(settings, credentials);
    RemoteQueue &queue = *clients.queue;

    QString responses;
    for (const auto &[label, name] :
         {std::pair{tr("request queue"), settings.requestQueue},
          std::pair{tr("response queue"), settings.responseQueue},
          std::pair{tr("dead-letter queue"), settings.deadLetterQueue}}) {
        if (name.isEmpty())
            continue;
        auto ref = resolveQueue(queue, name);
        if (!ref)
            return failed(tr("%1 %2").arg(label, name), ref.error().message);
        auto depth = queue.approximateDepth(ref.value());
        if (!depth)
            return failed(tr("%1 %2").arg(label, name), depth.error().message);
        passed(QCoreApplication::translate("pq::remote::OffloadSettings",
                                           "%1 %2 reachable (%n message(s) waiting)", nullptr,
                                           int(depth.value()))
                   .arg(label, name));
        if (name == settings.responseQueue)
            responses = ref.value();
    }

    // A probe through the response queue: nothing else consumes it but our own bridge, which
    // leaves probes alone.
    const QString probeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    OutgoingMessage probe;
    probe.body = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QString::fromLatin1(kProbeMessageType)},
                                  {QStringLiteral("id"), probeId}})
            .toJson(QJsonDocument::Compact));
    auto sent = queue.send(responses, probe);
    if (!sent)
        return failed(tr("sending a probe message"), sent.error().message);
    bool received = false;
    QDeadlineTimer deadline(20000);
    while (!received && !deadline.hasExpired()) {
        ReceiveOptions options;
        options.maxMessages = 10;
        options.waitSeconds = 2;
        options.visibilityTimeoutSeconds = 30;
        auto got = queue.receive(responses, options);
        if (!got)
            return failed(tr("receiving the probe message"), got.error().message);
        for (const ReceivedMessage &m : std::as_const(got.value())) {
            if (m.body.contains(probeId)) {
                received = true;
                queue.deleteMessage(responses, m.receiptHandle);
            } else if (queue.supportsVisibilityChange()) {
                queue.changeVisibility(responses, m.receiptHandle, 0); // not ours: hand back
            }
        }
    }
    if (!received)
        return failed(tr("receiving the probe message"),
                      tr("the message sent did not come back within 20 s"));
    passed(tr("probe message sent and received"));

    ObjectStore &storage = *clients.storage;
    const QString key = QStringLiteral("pixqueue/probes/%1").arg(probeId);
    const QByteArray body = "PixQueue connection test " + probeId.toUtf8();
    if (auto e = storage.put(settings.bucket, key, body, QStringLiteral("text/plain")))
        return failed(tr("writing to bucket %1").arg(settings.bucket), e->message);
    auto back = storage.get(settings.bucket, key);
    if (!back)
        return failed(tr("reading from bucket %1").arg(settings.bucket), back.error().message);
    if (back.value() != body)
        return failed(tr("reading from bucket %1").arg(settings.bucket),
                      tr("the object read differs from the one written"));
    if (auto e = storage.remove(settings.bucket, key))
        return failed(tr("deleting from bucket %1").arg(settings.bucket), e->message);
    passed(tr("bucket %1 writable, readable and deletable").arg(settings.bucket));
    report.ok = true;
    return report;
}

} // namespace pq::remote
