#pragma once
// Amazon SQS over its JSON 1.0 protocol (POST / with X-Amz-Target: AmazonSQS.<Action>, JSON in
// and out), signed with AWS Signature Version 4. Works with SQS-compatible servers through an
// endpoint override (tests use fauxqs on 127.0.0.1). Requests always go to the endpoint; the
// queue URL travels in the body exactly as the service returned it (fauxqs matches queue URLs as
// exact strings, and real SQS accepts any endpoint of the queue's region).
//
// Errors: throttling, 5xx and network failures are transient and retried here with backoff
// (RetryPolicy) before they are returned; the other 4xx are permanent. A retried SendMessage may
// deliver twice, which at-least-once delivery allows anyway.
//
// Threads: any, concurrently (see RemoteQueue.h).

#include "AwsSigV4.h"
#include "RemoteQueue.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>

namespace pq::remote {

struct HttpResponse;

// The pure half of the protocol: the service's answers into results. No network, any thread;
// SqsQueue uses them, and tests/fuzz/fuzz_sqs_response.cpp feeds them arbitrary answers.
namespace sqsanswers {
// An HTTP answer (status != 0) to `action`: the JSON object of a 2xx, else the mapped error.
RemoteResult<QJsonObject> parseAnswer(const QString &action, const HttpResponse &response);
// The Messages of a ReceiveMessage answer.
QList<ReceivedMessage> receivedMessages(const QJsonObject &answer);
// A SendMessageBatch answer for `messages[offset, offset + count)`: message ids (checked against
// the MD5 of each body) and failures, into `outcome` (sized for all of `messages`).
void collectSendBatch(const QJsonObject &answer, const QList<OutgoingMessage> &messages, int offset,
                      int count, BatchOutcome *outcome);
// The Failed list of a batch answer for entries [offset, offset + count) (ids are the indexes we
// gave, relative to offset); entries naming other ids are ignored.
void collectBatchFailures(const QString &action, const QJsonObject &answer, int offset, int count,
                          BatchOutcome *outcome);
// ApproximateNumberOfMessages from a GetQueueAttributes answer.
RemoteResult<qint64> approximateDepth(const QJsonObject &answer);
} // namespace sqsanswers

struct SqsConfig
{
    QUrl endpoint; // e.g. https://sqs.eu-central-1.amazonaws.com or http://127.0.0.1:PORT
    QString region;
    sigv4::Credentials credentials;
    RetryPolicy retry;
    std::chrono::milliseconds requestTimeout{30000}; // per attempt, on top of a long poll's wait

    // https://sqs.<region>.amazonaws.com
    static QUrl awsEndpoint(const QString &region);
};

class SqsQueue final : public RemoteQueue
{
    // The context lupdate gives the messages of the member functions.
    Q_DECLARE_TR_FUNCTIONS(pq::remote::SqsQueue)

public:
    explicit SqsQueue(SqsConfig config);

    QString providerName() const override { return QStringLiteral("SQS"); }

    RemoteResult<QString> createQueue(const QString &name, const QueueSettings &settings) override;
    RemoteResult<QString> queueRef(const QString &name) override;
    RemoteResult<QString> send(const QString &queue, const OutgoingMessage &message) override;
    RemoteResult<BatchOutcome> sendBatch(const QString &queue,
                                         const QList<OutgoingMessage> &messages) override;
    RemoteResult<QList<ReceivedMessage>> receive(const QString &queue,
                                                 const ReceiveOptions &options) override;
    RemoteStatus deleteMessage(const QString &queue, const QString &receiptHandle) override;
    RemoteResult<BatchOutcome> deleteBatch(const QString &queue,
                                           const QList<QString> &receiptHandles) override;
    bool supportsVisibilityChange() const override { return true; }
    RemoteStatus changeVisibility(const QString &queue, const QString &receiptHandle,
                                  int seconds) override;
    RemoteResult<qint64> approximateDepth(const QString &queue) override;

    // The queue's ARN (for redrive policies), from GetQueueAttributes.
    RemoteResult<QString> queueArn(const QString &queue);

    // One signed call with retries: the parsed JSON response or the mapped error.
    RemoteResult<QJsonObject> call(const QString &action, const QJsonObject &body,
                                   std::chrono::milliseconds extraWait = {});

private:
    RemoteResult<QJsonObject> callOnce(const QString &action, const QByteArray &body,
                                       std::chrono::milliseconds extraWait);

    const SqsConfig m_config;
};

} // namespace pq::remote
