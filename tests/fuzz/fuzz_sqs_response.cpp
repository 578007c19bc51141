// Amazon SQS JSON-protocol answers as SqsQueue reads them (core/remote/SqsQueue.h, sqsanswers):
// the status/error mapping, ReceiveMessage, SendMessageBatch, DeleteMessageBatch and
// GetQueueAttributes answers.
//
// Input: first line "<HTTP status>[ <x-amzn-query-error header>]", the rest is the body. Without
// a status line the whole input is the body of a 200.
//
// Invariants: no crash, leak or UB; every error has a code and a message, and 429/5xx and
// throttling are transient; batch results name only the entries of the batch they answer.

#include "FuzzBatchOutcome.h"
#include "remote/HttpExchange.h"
#include "remote/SqsQueue.h"

using namespace pq;
using namespace pq::remote;

namespace {

HttpResponse responseFrom(const QByteArray &input)
{
    HttpResponse response;
    response.status = 200;
    response.body = input;
    const qsizetype newline = input.indexOf('\n');
    if (newline > 0) {
        const QList<QByteArray> first = input.left(newline).trimmed().split(' ');
        bool ok = false;
        const int status = first.value(0).toInt(&ok);
        if (ok && status >= 100 && status <= 599) {
            response.status = status;
            response.body = input.mid(newline + 1);
            if (first.size() > 1)
                response.headers.append({"x-amzn-query-error", first.value(1)});
        }
    }
    return response;
}

void checkError(const RemoteError &error, int status)
{
    if (error.code.isEmpty() || error.message.isEmpty())
        fuzz::fail("an SQS error without a code or a message");
    if ((status >= 500 || status == 429) && error.kind != ErrorKind::Transient)
        fuzz::fail("an SQS 429/5xx answer is not transient", error.message);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = responseFrom(fuzz::bytes(data, size));
    const auto answer = sqsanswers::parseAnswer(QStringLiteral("ReceiveMessage"), response);
    if (!answer) {
        checkError(answer.error(), response.status);
        return 0;
    }
    const QJsonObject &json = answer.value();

    const QList<ReceivedMessage> messages = sqsanswers::receivedMessages(json);
    for (const ReceivedMessage &m : messages)
        (void)m.body.size();

    // The second batch of 25 messages (entries 10..19), as sendBatch/deleteBatch split them.
    constexpr int total = 25, offset = 10, count = 10;
    QList<OutgoingMessage> outgoing;
    for (int i = 0; i < total; ++i)
        outgoing.append(OutgoingMessage{QStringLiteral("message %1").arg(i), 0, {}});
    BatchOutcome sent;
    sent.messageIds.resize(total);
    sqsanswers::collectSendBatch(json, outgoing, offset, count, &sent);
    fuzz::checkBatchOutcome(sent, total, offset, count, fuzz::FailureCode::Optional);

    BatchOutcome deleted;
    deleted.messageIds.resize(total);
    sqsanswers::collectBatchFailures(QStringLiteral("DeleteMessageBatch"), json, offset, count,
                                     &deleted);
    fuzz::checkBatchOutcome(deleted, total, offset, count, fuzz::FailureCode::Optional);

    const auto depth = sqsanswers::approximateDepth(json);
    if (!depth)
        checkError(depth.error(), 200);
    return 0;
}
