#pragma once
// Tencent CMQ's HTTP API as served today by TDMQ for CMQ: POST <endpoint>/v2/index.php with
// form-encoded parameters (Action=SendMessage, queueName=..., ...), signed with HmacSHA256 per
// Tencent's API 2.0 signature (CmqSigner.h), JSON answers with `code` 0 on success.
//
// Queues are named by their name (the queue reference is the name). The endpoint is per account
// and region, copied from the TDMQ console.
//
// Service limits that shape its use:
// - No visibility extension: changeVisibility() reports "unsupported". A worker must finish
//   within the queue's visibility timeout (up to 12 h, set it above the longest job) or send the
//   work again as a new message and delete the old one.
// - Long polls wait at most 30 s; a batch holds at most 16 messages.
// - The visibility timeout is the queue's: ReceiveOptions::visibilityTimeoutSeconds is ignored.
// - After the queue's maximum unacknowledged time the service acknowledges a message itself.
//
// Errors: HTTP 5xx, network failures and the codes 4420 (rate limited) and 6000 (internal error)
// are transient and retried with backoff; other codes are permanent (4100 auth failed, 4440 queue
// does not exist, ...). Code 7000 on a receive means "no message", an empty result.
//
// Tested against tests/servers/cmq-standin.mjs, a protocol stand-in (no CMQ server exists outside
// Tencent's cloud) that implements the actions used here and verifies the signature.
//
// Threads: any, concurrently (see RemoteQueue.h).

#include "CmqSigner.h"
#include "RemoteQueue.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>

namespace pq::remote {

struct HttpResponse;

// The pure half of the protocol: the service's answers into results. No network, any thread;
// CmqQueue uses them, and tests/fuzz/fuzz_cmq_response.cpp feeds them arbitrary answers.
namespace cmqanswers {
// An HTTP answer (status != 0) to `action`: the JSON object when its code is 0, 7000 (no message)
// or 6010 (batch delete partly failed), else the mapped error.
RemoteResult<QJsonObject> parseAnswer(const QString &action, const HttpResponse &response);
// The messages of a ReceiveMessage (`batch` false) or BatchReceiveMessage answer.
QList<ReceivedMessage> receivedMessages(const QJsonObject &answer, bool batch);
// The msgList of a BatchSendMessage answer for messages [offset, offset + count), into `outcome`
// (sized for all messages). An error when the list does not have `count` entries.
RemoteStatus collectSendBatch(const QJsonObject &answer, int offset, int count,
                              BatchOutcome *outcome);
// The errorList of a BatchDeleteMessage answer for receiptHandles [offset, offset + count).
void collectDeleteFailures(const QJsonObject &answer, const QList<QString> &receiptHandles,
                           int offset, int count, BatchOutcome *outcome);
// activeMsgNum from a GetQueueAttributes answer.
RemoteResult<qint64> approximateDepth(const QJsonObject &answer);
} // namespace cmqanswers

struct CmqConfig
{
    QUrl endpoint;     // e.g. https://cmq-gz.public.tencenttdmq.com (no path)
    QString region;    // e.g. "gz", "ap-guangzhou"
    QString secretId;  // TENCENTCLOUD_SECRET_ID
    QString secretKey; // TENCENTCLOUD_SECRET_KEY; never logged
    QString token;     // temporary credentials only
    RetryPolicy retry;
    std::chrono::milliseconds requestTimeout{30000};
};

class CmqQueue final : public RemoteQueue
{
    // The context lupdate gives the messages of the member functions.
    Q_DECLARE_TR_FUNCTIONS(pq::remote::CmqQueue)

public:
    explicit CmqQueue(CmqConfig config);

    QString providerName() const override { return QStringLiteral("CMQ"); }

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
    bool supportsVisibilityChange() const override { return false; }
    RemoteStatus changeVisibility(const QString &queue, const QString &receiptHandle,
                                  int seconds) override;
    RemoteResult<qint64> approximateDepth(const QString &queue) override;

    // One signed call with retries. Codes 7000 (no message) and 6010 (batch delete partly
    // failed) come back as answers, not errors.
    RemoteResult<QJsonObject> call(const QString &action, const QList<cmq::Param> &params,
                                   std::chrono::milliseconds extraWait = {});

private:
    RemoteResult<QJsonObject> callOnce(const QString &action, const QList<cmq::Param> &params,
                                       std::chrono::milliseconds extraWait);

    const CmqConfig m_config;
};

} // namespace pq::remote
