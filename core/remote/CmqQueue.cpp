#include "CmqQueue.h"

#include "AwsSigV4.h" // hostHeader()
#include "HttpExchange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <algorithm>
#include <limits>

namespace pq::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote", text);
}

constexpr char kPath[] = "/v2/index.php";
constexpr int kMaxBatch = 16; // CMQ's batch limit (numOfMsg, msgBody.n)
constexpr int kMaxWait = 30;  // pollingWaitSeconds
constexpr int kNoMessage = 7000;
constexpr int kQueueExists = 4460;
constexpr int kBatchPartlyFailed = 6010;

// Rate limited (4420) and internal error (6000) may pass; everything else needs a change.
bool isTransientCode(int code)
{
    return code == 4420 || code == 6000;
}

RemoteError cmqError(const QString &action, int code, const QString &text)
{
    return RemoteError{isTransientCode(code) ? ErrorKind::Transient : ErrorKind::Permanent,
                       QString::number(code),
                       tr("CMQ %1 failed: %2 (code %3)").arg(action, text).arg(code), 0};
}

RemoteError protocolError(const QString &action, const QString &what)
{
    return RemoteError{ErrorKind::Permanent, QStringLiteral("protocol"),
                       tr("CMQ %1: unexpected answer from the server: %2").arg(action, what), 0};
}

ReceivedMessage messageFrom(const QJsonObject &m)
{
    ReceivedMessage message;
    message.id = m.value(QLatin1String("msgId")).toString();
    message.receiptHandle = m.value(QLatin1String("receiptHandle")).toString();
    message.body = m.value(QLatin1String("msgBody")).toString();
    message.receiveCount = m.value(QLatin1String("dequeueCount")).toInt();
    return message;
}

} // namespace

namespace cmqanswers {

namespace {

// lupdate files the messages of this namespace under its own context.
QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote::cmqanswers", text);
}

} // namespace

RemoteResult<QJsonObject> parseAnswer(const QString &action, const HttpResponse &response)
{
    if (response.status >= 500) {
        return RemoteError{ErrorKind::Transient, QStringLiteral("http-%1").arg(response.status),
                           tr("CMQ %1 failed: HTTP status %2").arg(action).arg(response.status),
                           response.status};
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(response.body, &parseError);
    if (!json.isObject()) {
        if (response.status != 200) {
            return RemoteError{ErrorKind::Permanent, QStringLiteral("http-%1").arg(response.status),
                               tr("CMQ %1 failed: HTTP status %2").arg(action).arg(response.status),
                               response.status};
        }
        return protocolError(action, parseError.errorString());
    }
    const QJsonObject answer = json.object();
    const int code = answer.value(QLatin1String("code")).toInt(-1);
    // 7000: a receive found no message; 6010: a batch delete failed for some entries, listed
    // in the answer. Both are answers to look into, not failed calls.
    if (code == 0 || code == kNoMessage || code == kBatchPartlyFailed)
        return answer;
    RemoteError error = cmqError(action, code, answer.value(QLatin1String("message")).toString());
    error.httpStatus = response.status;
    return error;
}

QList<ReceivedMessage> receivedMessages(const QJsonObject &answer, bool batch)
{
    QList<ReceivedMessage> messages;
    if (answer.value(QLatin1String("code")).toInt() == kNoMessage)
        return messages;
    if (batch) {
        for (const QJsonValue &value : answer.value(QLatin1String("msgInfoList")).toArray())
            messages.append(messageFrom(value.toObject()));
    } else {
        messages.append(messageFrom(answer));
    }
    return messages;
}

RemoteStatus collectSendBatch(const QJsonObject &answer, int offset, int count,
                              BatchOutcome *outcome)
{
    const QJsonArray sent = answer.value(QLatin1String("msgList")).toArray();
    if (sent.size() != count)
        return protocolError(QStringLiteral("BatchSendMessage"), tr("wrong msgList size"));
    for (int i = 0; i < count; ++i)
        outcome->messageIds[offset + i] =
            sent[i].toObject().value(QLatin1String("msgId")).toString();
    return std::nullopt;
}

void collectDeleteFailures(const QJsonObject &answer, const QList<QString> &receiptHandles,
                           int offset, int count, BatchOutcome *outcome)
{
    // Code 6010: some entries failed; errorList names them by receipt handle.
    for (const QJsonValue &value : answer.value(QLatin1String("errorList")).toArray()) {
        const QJsonObject failed = value.toObject();
        const qsizetype index =
            receiptHandles.indexOf(failed.value(QLatin1String("receiptHandle")).toString(), offset);
        if (index < 0 || index >= offset + count)
            continue;
        outcome->failures.insert(static_cast<int>(index),
                                 cmqError(QStringLiteral("BatchDeleteMessage"),
                                          failed.value(QLatin1String("code")).toInt(),
                                          failed.value(QLatin1String("message")).toString()));
    }
}

RemoteResult<qint64> approximateDepth(const QJsonObject &answer)
{
    const QJsonValue active = answer.value(QLatin1String("activeMsgNum"));
    // A count: a JSON number in 0..2^53 (converting a larger double to qint64 is undefined).
    const double count = active.toDouble(-1);
    if (!active.isDouble() || !(count >= 0 && count <= 9007199254740992.0))
        return protocolError(QStringLiteral("GetQueueAttributes"), tr("no activeMsgNum"));
    return static_cast<qint64>(count);
}

} // namespace cmqanswers

CmqQueue::CmqQueue(CmqConfig config)
    : m_config(std::move(config))
{}

RemoteResult<QJsonObject> CmqQueue::callOnce(const QString &action, const QList<cmq::Param> &params,
                                             std::chrono::milliseconds extraWait)
{
    QUrl url = m_config.endpoint;
    url.setPath(QString::fromLatin1(kPath));
    QList<cmq::Param> all = params;
    all.append({QStringLiteral("Action"), action});
    all.append({QStringLiteral("Region"), m_config.region});
    all.append({QStringLiteral("SecretId"), m_config.secretId});
    all.append({QStringLiteral("Timestamp"), QString::number(QDateTime::currentSecsSinceEpoch())});
    all.append({QStringLiteral("Nonce"), QString::number(QRandomGenerator::global()->bounded(
                                             1, std::numeric_limits<int>::max()))});
    all.append({QStringLiteral("SignatureMethod"),
                QString::fromLatin1(cmq::signatureMethodName(cmq::SignatureMethod::HmacSHA256))});
    if (!m_config.token.isEmpty())
        all.append({QStringLiteral("Token"), m_config.token});
    const QByteArray host = sigv4::hostHeader(url);
    const QByteArray signature =
        cmq::sign(cmq::sourceString("POST", QString::fromLatin1(host), url.path(), all),
                  m_config.secretKey, cmq::SignatureMethod::HmacSHA256);
    all.append({QStringLiteral("Signature"), QString::fromLatin1(signature)});

    QByteArray body;
    for (const auto &[name, value] : all) {
        if (!body.isEmpty())
            body.append('&');
        body.append(QUrl::toPercentEncoding(name))
            .append('=')
            .append(QUrl::toPercentEncoding(value));
    }
    const HttpResponse response =
        sendHttp({"POST",
                  url,
                  {{"Host", host}, {"Content-Type", "application/x-www-form-urlencoded"}},
                  body,
                  m_config.requestTimeout + extraWait});
    if (response.status == 0)
        return transportFailure(tr("CMQ %1").arg(action), response);
    return cmqanswers::parseAnswer(action, response);
}

RemoteResult<QJsonObject> CmqQueue::call(const QString &action, const QList<cmq::Param> &params,
                                         std::chrono::milliseconds extraWait)
{
    if (m_config.secretId.isEmpty() || m_config.secretKey.isEmpty()) {
        return RemoteError{ErrorKind::Permanent, QStringLiteral("no-credentials"),
                           tr("CMQ %1: no secret id and secret key are configured").arg(action), 0};
    }
    return withRetries<RemoteResult<QJsonObject>>(
        m_config.retry, [&] { return callOnce(action, params, extraWait); });
}

RemoteResult<QString> CmqQueue::createQueue(const QString &name, const QueueSettings &settings)
{
    QList<cmq::Param> params{
        {QStringLiteral("queueName"), name},
        {QStringLiteral("visibilityTimeout"), QString::number(settings.visibilityTimeoutSeconds)}};
    if (settings.messageRetentionSeconds >= 0) {
        params.append({QStringLiteral("msgRetentionSeconds"),
                       QString::number(settings.messageRetentionSeconds)});
    }
    if (!settings.deadLetterQueue.isEmpty()) {
        // policy 0: move after maxReceiveCount receives without a delete.
        const QJsonObject policy{{QStringLiteral("deadLetterQueue"), settings.deadLetterQueue},
                                 {QStringLiteral("policy"), 0},
                                 {QStringLiteral("maxReceiveCount"), settings.maxReceiveCount}};
        params.append({QStringLiteral("deadLetterPolicy"),
                       QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact))});
    }
    auto answer = call(QStringLiteral("CreateQueue"), params);
    if (!answer && answer.error().code != QString::number(kQueueExists))
        return answer.error();
    return name;
}

RemoteResult<QString> CmqQueue::queueRef(const QString &name)
{
    auto answer = call(QStringLiteral("GetQueueAttributes"), {{QStringLiteral("queueName"), name}});
    if (!answer)
        return answer.error();
    return name;
}

RemoteResult<QString> CmqQueue::send(const QString &queue, const OutgoingMessage &message)
{
    QList<cmq::Param> params{{QStringLiteral("queueName"), queue},
                             {QStringLiteral("msgBody"), message.body}};
    if (message.delaySeconds > 0)
        params.append({QStringLiteral("delaySeconds"), QString::number(message.delaySeconds)});
    auto answer = call(QStringLiteral("SendMessage"), params);
    if (!answer)
        return answer.error();
    const QString id = answer.value().value(QLatin1String("msgId")).toString();
    if (id.isEmpty())
        return protocolError(QStringLiteral("SendMessage"), tr("no msgId"));
    return id;
}

RemoteResult<BatchOutcome> CmqQueue::sendBatch(const QString &queue,
                                               const QList<OutgoingMessage> &messages)
{
    BatchOutcome outcome;
    outcome.messageIds.resize(messages.size());
    for (int offset = 0; offset < messages.size(); offset += kMaxBatch) {
        const int count = std::min<int>(kMaxBatch, messages.size() - offset);
        // CMQ's SDKs number batch entries from 1 (msgBody.1, msgBody.2, ...).
        QList<cmq::Param> params{{QStringLiteral("queueName"), queue}};
        int delay = 0;
        for (int i = 0; i < count; ++i) {
            params.append({QStringLiteral("msgBody.%1").arg(i + 1), messages[offset + i].body});
            delay = std::max(delay, messages[offset + i].delaySeconds);
        }
        if (delay > 0)
            params.append({QStringLiteral("delaySeconds"), QString::number(delay)});
        auto answer = call(QStringLiteral("BatchSendMessage"), params);
        if (!answer)
            return answer.error();
        if (auto error = cmqanswers::collectSendBatch(answer.value(), offset, count, &outcome))
            return *error;
    }
    return outcome;
}

RemoteResult<QList<ReceivedMessage>> CmqQueue::receive(const QString &queue,
                                                       const ReceiveOptions &options)
{
    const int wait = std::clamp(options.waitSeconds, 0, kMaxWait);
    const int count = std::clamp(options.maxMessages, 1, kMaxBatch);
    QList<cmq::Param> params{{QStringLiteral("queueName"), queue},
                             {QStringLiteral("pollingWaitSeconds"), QString::number(wait)}};
    if (count > 1)
        params.append({QStringLiteral("numOfMsg"), QString::number(count)});
    const QString action =
        count > 1 ? QStringLiteral("BatchReceiveMessage") : QStringLiteral("ReceiveMessage");
    auto answer = call(action, params, std::chrono::seconds(wait));
    if (!answer)
        return answer.error();
    return cmqanswers::receivedMessages(answer.value(), count > 1);
}

RemoteStatus CmqQueue::deleteMessage(const QString &queue, const QString &receiptHandle)
{
    auto answer =
        call(QStringLiteral("DeleteMessage"), {{QStringLiteral("queueName"), queue},
                                               {QStringLiteral("receiptHandle"), receiptHandle}});
    if (!answer)
        return answer.error();
    return std::nullopt;
}

RemoteResult<BatchOutcome> CmqQueue::deleteBatch(const QString &queue,
                                                 const QList<QString> &receiptHandles)
{
    BatchOutcome outcome;
    outcome.messageIds.resize(receiptHandles.size());
    for (int offset = 0; offset < receiptHandles.size(); offset += kMaxBatch) {
        const int count = std::min<int>(kMaxBatch, receiptHandles.size() - offset);
        QList<cmq::Param> params{{QStringLiteral("queueName"), queue}};
        for (int i = 0; i < count; ++i) {
            params.append(
                {QStringLiteral("receiptHandle.%1").arg(i + 1), receiptHandles[offset + i]});
        }
        auto answer = call(QStringLiteral("BatchDeleteMessage"), params);
        if (!answer)
            return answer.error();
        cmqanswers::collectDeleteFailures(answer.value(), receiptHandles, offset, count, &outcome);
    }
    return outcome;
}

RemoteStatus CmqQueue::changeVisibility(const QString &, const QString &, int)
{
    return RemoteError{ErrorKind::Permanent, QStringLiteral("unsupported"),
                       tr("CMQ cannot extend a message's visibility timeout"), 0};
}

RemoteResult<qint64> CmqQueue::approximateDepth(const QString &queue)
{
    auto answer =
        call(QStringLiteral("GetQueueAttributes"), {{QStringLiteral("queueName"), queue}});
    if (!answer)
        return answer.error();
    return cmqanswers::approximateDepth(answer.value());
}

} // namespace pq::remote
