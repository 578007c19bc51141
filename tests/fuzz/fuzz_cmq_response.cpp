// Tencent CMQ answers as CmqQueue reads them (core/remote/CmqQueue.h, namespace cmqanswers): the
// code/status mapping, (Batch)ReceiveMessage, BatchSendMessage, BatchDeleteMessage and
// GetQueueAttributes answers.
//
// Input: first line "<HTTP status>", the rest is the body. Without a status line the whole input
// is the body of a 200.
//
// Invariants: no crash, leak or UB; every error has a code and a message, and 5xx, 4420 and 6000
// are transient; batch results name only the entries of the batch they answer.

#include "FuzzBatchOutcome.h"
#include "remote/CmqQueue.h"
#include "remote/HttpExchange.h"

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
        bool ok = false;
        const int status = input.left(newline).trimmed().toInt(&ok);
        if (ok && status >= 100 && status <= 599) {
            response.status = status;
            response.body = input.mid(newline + 1);
        }
    }
    return response;
}

void checkError(const RemoteError &error, int status)
{
    if (error.code.isEmpty() || error.message.isEmpty())
        fuzz::fail("a CMQ error without a code or a message");
    const bool transient =
        status >= 500 || error.code == QLatin1String("4420") || error.code == QLatin1String("6000");
    if (transient != (error.kind == ErrorKind::Transient) &&
        error.code != QLatin1String("protocol"))
        fuzz::fail("a CMQ error has the wrong kind", error.message);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = responseFrom(fuzz::bytes(data, size));
    const auto answer = cmqanswers::parseAnswer(QStringLiteral("BatchReceiveMessage"), response);
    if (!answer) {
        checkError(answer.error(), response.status);
        return 0;
    }
    const QJsonObject &json = answer.value();

    for (bool batch : {false, true}) {
        const QList<ReceivedMessage> messages = cmqanswers::receivedMessages(json, batch);
        if (!batch && messages.size() > 1)
            fuzz::fail("a single receive gave several messages");
    }

    // The second batch of 40 entries (16..31), as sendBatch/deleteBatch split them.
    constexpr int total = 40, offset = 16, count = 16;
    BatchOutcome sent;
    sent.messageIds.resize(total);
    if (auto error = cmqanswers::collectSendBatch(json, offset, count, &sent))
        checkError(*error, 200);
    fuzz::checkBatchOutcome(sent, total, offset, count, fuzz::FailureCode::Required);

    QList<QString> handles;
    for (int i = 0; i < total; ++i)
        handles << QStringLiteral("handle-%1").arg(i % 20); // repeats: indexOf must stay in range
    BatchOutcome deleted;
    deleted.messageIds.resize(total);
    cmqanswers::collectDeleteFailures(json, handles, offset, count, &deleted);
    fuzz::checkBatchOutcome(deleted, total, offset, count, fuzz::FailureCode::Required);

    const auto depth = cmqanswers::approximateDepth(json);
    if (!depth)
        checkError(depth.error(), 200);
    return 0;
}
