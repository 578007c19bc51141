#include "SqsQueue.h"

#include "HttpExchange.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace pq::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote", text);
}

// SQS's own batch limit (SendMessageBatch, DeleteMessageBatch).
constexpr int kMaxBatch = 10;

// Codes that mean "slow down" rather than "wrong request". SQS sends them with HTTP 400, so the
// status alone does not tell.
bool isThrottling(const QString &code)
{
    static const QStringList codes{
        QStringLiteral("ThrottlingException"), QStringLiteral("RequestThrottled"),
        QStringLiteral("Throttling"),          QStringLiteral("KmsThrottled"),
        QStringLiteral("ServiceUnavailable"),  QStringLiteral("InternalFailure"),
        QStringLiteral("InternalError"),       QStringLiteral("RequestTimeout")};
    return codes.contains(code);
}

RemoteError serviceError(const QString &action, const HttpResponse &response)
{
    RemoteError error;
    error.httpStatus = response.status;
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QString code = body.value(QLatin1String("__type")).toString();
    code =
        code.mid(code.lastIndexOf(QLatin1Char('#')) + 1); // "com.amazonaws.sqs#QueueDoesNotExist"
    if (code.isEmpty()) // the Query protocol's code, e.g. "AWS.SimpleQueueService.NonExistentQueue"
        code = QString::fromUtf8(response.header("x-amzn-query-error").split(';').value(0));
    QString text = body.value(QLatin1String("message")).toString();
    if (text.isEmpty())
        text = body.value(QLatin1String("Message")).toString();
    error.code = code.isEmpty() ? QStringLiteral("http-%1").arg(response.status) : code;
    error.kind = response.status >= 500 || response.status == 429 || isThrottling(code)
                     ? ErrorKind::Transient
                     : ErrorKind::Permanent;
    if (text.isEmpty())
        text = tr("HTTP status %1").arg(response.status);
    error.message = tr("SQS %1 failed: %2 (%3)").arg(action, text, error.code);
    return error;
}

RemoteError protocolError(const QString &action, const QString &what)
{
    return RemoteError{ErrorKind::Permanent, QStringLiteral("protocol"),
                       tr("SQS %1: unexpected answer from the server: %2").arg(action, what), 0};
}

QJsonObject messageAttributesJson(const QMap<QString, QString> &attributes)
{
    QJsonObject out;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        out.insert(it.key(), QJsonObject{{QStringLiteral("DataType"), QStringLiteral("String")},
                                         {QStringLiteral("StringValue"), it.value()}});
    }
    return out;
}

QJsonObject messageEntryJson(const OutgoingMessage &message)
{
    QJsonObject entry{{QStringLiteral("MessageBody"), message.body}};
    if (message.delaySeconds > 0)
        entry.insert(QStringLiteral("DelaySeconds"), message.delaySeconds);
    if (!message.attributes.isEmpty())
        entry.insert(QStringLiteral("MessageAttributes"),
                     messageAttributesJson(message.attributes));
    return entry;
}

QString md5Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex());
}

} // namespace

namespace sqsanswers {

namespace {

// lupdate files the messages of this namespace under its own context.
QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote::sqsanswers", text);
}

} // namespace

RemoteResult<QJsonObject> parseAnswer(const QString &action, const HttpResponse &response)
{
    if (response.status < 200 || response.status > 299)
        return serviceError(action, response);
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(response.body, &parseError);
    if (!json.isObject())
        return protocolError(action, parseError.errorString());
    return json.object();
}

QList<ReceivedMessage> receivedMessages(const QJsonObject &answer)
{
    QList<ReceivedMessage> messages;
    for (const QJsonValue &value : answer.value(QLatin1String("Messages")).toArray()) {
        const QJsonObject m = value.toObject();
        ReceivedMessage message;
        message.id = m.value(QLatin1String("MessageId")).toString();
        message.receiptHandle = m.value(QLatin1String("ReceiptHandle")).toString();
        message.body = m.value(QLatin1String("Body")).toString();
        message.receiveCount = m.value(QLatin1String("Attributes"))
                                   .toObject()
                                   .value(QLatin1String("ApproximateReceiveCount"))
                                   .toString()
                                   .toInt();
        const QJsonObject attributes = m.value(QLatin1String("MessageAttributes")).toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            message.attributes.insert(
                it.key(), it.value().toObject().value(QLatin1String("StringValue")).toString());
        }
        messages.append(message);
    }
    return messages;
}

void collectSendBatch(const QJsonObject &answer, const QList<OutgoingMessage> &messages, int offset,
                      int count, BatchOutcome *outcome)
{
    for (const QJsonValue &value : answer.value(QLatin1String("Successful")).toArray()) {
        const QJsonObject ok = value.toObject();
        bool isNumber = false;
        const int id = ok.value(QLatin1String("Id")).toString().toInt(&isNumber);
        if (!isNumber || id < 0 || id >= count)
            continue;
        const int index = offset + id;
        if (ok.value(QLatin1String("MD5OfMessageBody")).toString() !=
            md5Hex(messages[index].body)) {
            outcome->failures.insert(index, protocolError(QStringLiteral("SendMessageBatch"),
                                                          tr("the message body's MD5 differs")));
            continue;
        }
        outcome->messageIds[index] = ok.value(QLatin1String("MessageId")).toString();
    }
    collectBatchFailures(QStringLiteral("SendMessageBatch"), answer, offset, count, outcome);
}

void collectBatchFailures(const QString &action, const QJsonObject &answer, int offset, int count,
                          BatchOutcome *outcome)
{
    for (const QJsonValue &value : answer.value(QLatin1String("Failed")).toArray()) {
        const QJsonObject failed = value.toObject();
        // Ids are the entry indexes we gave ("0".."9"); anything else is not ours to report.
        bool isNumber = false;
        const int id = failed.value(QLatin1String("Id")).toString().toInt(&isNumber);
        if (!isNumber || id < 0 || id >= count)
            continue;
        const int index = offset + id;
        const QString code = failed.value(QLatin1String("Code")).toString();
        const bool senderFault = failed.value(QLatin1String("SenderFault")).toBool(true);
        outcome->failures.insert(
            index, RemoteError{senderFault && !isThrottling(code) ? ErrorKind::Permanent
                                                                  : ErrorKind::Transient,
                               code,
                               tr("SQS %1 failed for entry %2: %3 (%4)")
                                   .arg(action)
                                   .arg(index)
                                   .arg(failed.value(QLatin1String("Message")).toString(), code),
                               0});
    }
}

RemoteResult<qint64> approximateDepth(const QJsonObject &answer)
{
    bool ok = false;
    const qint64 depth = answer.value(QLatin1String("Attributes"))
                             .toObject()
                             .value(QLatin1String("ApproximateNumberOfMessages"))
                             .toString()
                             .toLongLong(&ok);
    if (!ok)
        return protocolError(QStringLiteral("GetQueueAttributes"),
                             tr("no ApproximateNumberOfMessages"));
    return depth;
}

} // namespace sqsanswers

QUrl SqsConfig::awsEndpoint(const QString &region)
{
    return QUrl(QStringLiteral("https://sqs.%1.amazonaws.com").arg(region));
}

SqsQueue::SqsQueue(SqsConfig config)
    : m_config(std::move(config))
{}

RemoteResult<QJsonObject> SqsQueue::callOnce(const QString &action, const QByteArray &body,
                                             std::chrono::milliseconds extraWait)
{
    QUrl url = m_config.endpoint;
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    const QList<sigv4::Header> headers =
        sigv4::signedRequestHeaders("POST", url,
                                    {{"content-type", "application/x-amz-json-1.0"},
                                     {"x-amz-target", "AmazonSQS." + action.toLatin1()}},
                                    sigv4::sha256Hex(body), m_config.credentials, m_config.region,
                                    QStringLiteral("sqs"), QDateTime::currentDateTimeUtc());
    const HttpResponse response =
        sendHttp({"POST", url, headers, body, m_config.requestTimeout + extraWait});
    if (response.status == 0)
        return transportFailure(tr("SQS %1").arg(action), response);
    return sqsanswers::parseAnswer(action, response);
}

RemoteResult<QJsonObject> SqsQueue::call(const QString &action, const QJsonObject &body,
                                         std::chrono::milliseconds extraWait)
{
    if (m_config.credentials.isEmpty()) {
        return RemoteError{ErrorKind::Permanent, QStringLiteral("no-credentials"),
                           tr("SQS %1: no access key id and secret are configured").arg(action), 0};
    }
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return withRetries<RemoteResult<QJsonObject>>(
        m_config.retry, [&] { return callOnce(action, payload, extraWait); });
}

RemoteResult<QString> SqsQueue::queueArn(const QString &queue)
{
    auto answer =
        call(QStringLiteral("GetQueueAttributes"),
             {{QStringLiteral("QueueUrl"), queue},
              {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("QueueArn")}}});
    if (!answer)
        return answer.error();
    const QString arn = answer.value()
                            .value(QLatin1String("Attributes"))
                            .toObject()
                            .value(QLatin1String("QueueArn"))
                            .toString();
    if (arn.isEmpty())
        return protocolError(QStringLiteral("GetQueueAttributes"), tr("no QueueArn"));
    return arn;
}

RemoteResult<QString> SqsQueue::createQueue(const QString &name, const QueueSettings &settings)
{
    QJsonObject attributes{
        {QStringLiteral("VisibilityTimeout"), QString::number(settings.visibilityTimeoutSeconds)}};
    if (settings.messageRetentionSeconds >= 0) {
        attributes.insert(QStringLiteral("MessageRetentionPeriod"),
                          QString::number(settings.messageRetentionSeconds));
    }
    if (!settings.deadLetterQueue.isEmpty()) {
        const auto arn = queueArn(settings.deadLetterQueue);
        if (!arn)
            return arn.error();
        // The attribute is a JSON document inside a string, as SQS defines it.
        const QJsonObject policy{{QStringLiteral("deadLetterTargetArn"), arn.value()},
                                 {QStringLiteral("maxReceiveCount"), settings.maxReceiveCount}};
        attributes.insert(QStringLiteral("RedrivePolicy"),
                          QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact)));
    }
    auto answer = call(QStringLiteral("CreateQueue"), {{QStringLiteral("QueueName"), name},
                                                       {QStringLiteral("Attributes"), attributes}});
    if (!answer)
        return answer.error();
    const QString url = answer.value().value(QLatin1String("QueueUrl")).toString();
    if (url.isEmpty())
        return protocolError(QStringLiteral("CreateQueue"), tr("no QueueUrl"));
    return url;
}

RemoteResult<QString> SqsQueue::queueRef(const QString &name)
{
    auto answer = call(QStringLiteral("GetQueueUrl"), {{QStringLiteral("QueueName"), name}});
    if (!answer)
        return answer.error();
    const QString url = answer.value().value(QLatin1String("QueueUrl")).toString();
    if (url.isEmpty())
        return protocolError(QStringLiteral("GetQueueUrl"), tr("no QueueUrl"));
    return url;
}

RemoteResult<QString> SqsQueue::send(const QString &queue, const OutgoingMessage &message)
{
    QJsonObject body = messageEntryJson(message);
    body.insert(QStringLiteral("QueueUrl"), queue);
    auto answer = call(QStringLiteral("SendMessage"), body);
    if (!answer)
        return answer.error();
    const QJsonObject &result = answer.value();
    // The service's MD5 of what it stored: a mismatch means the body was changed on the way.
    if (result.value(QLatin1String("MD5OfMessageBody")).toString() != md5Hex(message.body))
        return protocolError(QStringLiteral("SendMessage"), tr("the message body's MD5 differs"));
    return result.value(QLatin1String("MessageId")).toString();
}

RemoteResult<BatchOutcome> SqsQueue::sendBatch(const QString &queue,
                                               const QList<OutgoingMessage> &messages)
{
    BatchOutcome outcome;
    outcome.messageIds.resize(messages.size());
    for (int offset = 0; offset < messages.size(); offset += kMaxBatch) {
        const int count = std::min<int>(kMaxBatch, messages.size() - offset);
        QJsonArray entries;
        for (int i = 0; i < count; ++i) {
            QJsonObject entry = messageEntryJson(messages[offset + i]);
            entry.insert(QStringLiteral("Id"), QString::number(i));
            entries.append(entry);
        }
        auto answer =
            call(QStringLiteral("SendMessageBatch"),
                 {{QStringLiteral("QueueUrl"), queue}, {QStringLiteral("Entries"), entries}});
        if (!answer)
            return answer.error();
        sqsanswers::collectSendBatch(answer.value(), messages, offset, count, &outcome);
    }
    return outcome;
}

RemoteResult<QList<ReceivedMessage>> SqsQueue::receive(const QString &queue,
                                                       const ReceiveOptions &options)
{
    QJsonObject body{
        {QStringLiteral("QueueUrl"), queue},
        {QStringLiteral("MaxNumberOfMessages"), std::clamp(options.maxMessages, 1, kMaxBatch)},
        {QStringLiteral("WaitTimeSeconds"), std::clamp(options.waitSeconds, 0, 20)},
        {QStringLiteral("MessageSystemAttributeNames"),
         QJsonArray{QStringLiteral("ApproximateReceiveCount")}},
        {QStringLiteral("MessageAttributeNames"), QJsonArray{QStringLiteral("All")}}};
    if (options.visibilityTimeoutSeconds >= 0)
        body.insert(QStringLiteral("VisibilityTimeout"), options.visibilityTimeoutSeconds);
    auto answer = call(QStringLiteral("ReceiveMessage"), body,
                       std::chrono::seconds(std::clamp(options.waitSeconds, 0, 20)));
    if (!answer)
        return answer.error();
    return sqsanswers::receivedMessages(answer.value());
}

RemoteStatus SqsQueue::deleteMessage(const QString &queue, const QString &receiptHandle)
{
    auto answer =
        call(QStringLiteral("DeleteMessage"), {{QStringLiteral("QueueUrl"), queue},
                                               {QStringLiteral("ReceiptHandle"), receiptHandle}});
    if (!answer)
        return answer.error();
    return std::nullopt;
}

RemoteResult<BatchOutcome> SqsQueue::deleteBatch(const QString &queue,
                                                 const QList<QString> &receiptHandles)
{
    BatchOutcome outcome;
    outcome.messageIds.resize(receiptHandles.size());
    for (int offset = 0; offset < receiptHandles.size(); offset += kMaxBatch) {
        const int count = std::min<int>(kMaxBatch, receiptHandles.size() - offset);
        QJsonArray entries;
        for (int i = 0; i < count; ++i) {
            entries.append(
                QJsonObject{{QStringLiteral("Id"), QString::number(i)},
                            {QStringLiteral("ReceiptHandle"), receiptHandles[offset + i]}});
        }
        auto answer =
            call(QStringLiteral("DeleteMessageBatch"),
                 {{QStringLiteral("QueueUrl"), queue}, {QStringLiteral("Entries"), entries}});
        if (!answer)
            return answer.error();
        sqsanswers::collectBatchFailures(QStringLiteral("DeleteMessageBatch"), answer.value(),
                                         offset, count, &outcome);
    }
    return outcome;
}

RemoteStatus SqsQueue::changeVisibility(const QString &queue, const QString &receiptHandle,
                                        int seconds)
{
    auto answer = call(QStringLiteral("ChangeMessageVisibility"),
                       {{QStringLiteral("QueueUrl"), queue},
                        {QStringLiteral("ReceiptHandle"), receiptHandle},
                        {QStringLiteral("VisibilityTimeout"), std::clamp(seconds, 0, 43200)}});
    if (!answer)
        return answer.error();
    return std::nullopt;
}

RemoteResult<qint64> SqsQueue::approximateDepth(const QString &queue)
{
    auto answer = call(QStringLiteral("GetQueueAttributes"),
                       {{QStringLiteral("QueueUrl"), queue},
                        {QStringLiteral("AttributeNames"),
                         QJsonArray{QStringLiteral("ApproximateNumberOfMessages")}}});
    if (!answer)
        return answer.error();
    return sqsanswers::approximateDepth(answer.value());
}

} // namespace pq::remote
