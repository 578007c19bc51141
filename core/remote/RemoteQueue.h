#pragma once
// A cloud message queue as the offload needs it: at-least-once delivery with a visibility
// timeout (a received message is hidden from other receivers until it is deleted or the timeout
// runs out, then it reappears with a higher receive count) and a dead-letter queue for messages
// received too often. Implemented by SqsQueue (Amazon SQS and SQS-compatible servers).
//
// Queues are named by a reference string as the service gives it: the queue URL for SQS (from
// createQueue or queueRef). Every call blocks until the service answered (see HttpExchange.h for
// how that works on threads without an event loop) and may be made from any thread at the same
// time: implementations hold no mutable state after construction.

#include "RemoteTypes.h"

#include <QList>
#include <QMap>
#include <QString>

namespace pq::remote {

struct OutgoingMessage
{
    QString body; // at most 256 KiB; images go to object storage, messages carry references
    int delaySeconds = 0;
    QMap<QString, QString> attributes; // string attributes, delivered with the message
};

struct ReceivedMessage
{
    QString id;
    QString receiptHandle; // new on every receive; needed to delete or change visibility
    QString body;
    int receiveCount = 0; // 1 on the first delivery
    QMap<QString, QString> attributes;
};

struct ReceiveOptions
{
    int maxMessages = 1;               // 1..10
    int waitSeconds = 20;              // long poll: 0..20; returns early when a message arrives
    int visibilityTimeoutSeconds = -1; // -1: the queue's default
};

struct QueueSettings
{
    int visibilityTimeoutSeconds = 30;
    int messageRetentionSeconds = -1; // -1: the service's default
    // Dead-letter policy: after maxReceiveCount receives without a delete the message moves to
    // `deadLetterQueue` (a queue reference). Empty: none.
    QString deadLetterQueue;
    int maxReceiveCount = 5;
};

// Per entry of a batch call, in the order given.
struct BatchOutcome
{
    QList<QString> messageIds;       // send: the message id; empty for a failed entry
    QMap<int, RemoteError> failures; // entry index -> why it failed
    bool allOk() const { return failures.isEmpty(); }
};

class RemoteQueue
{
public:
    virtual ~RemoteQueue() = default;

    virtual QString providerName() const = 0; // "SQS", for messages

    // --- set-up ---------------------------------------------------------------------------
    // Creates the queue (or returns the existing one with the same settings) and returns its
    // reference.
    virtual RemoteResult<QString> createQueue(const QString &name,
                                              const QueueSettings &settings) = 0;
    virtual RemoteResult<QString> queueRef(const QString &name) = 0;

    // --- messages -------------------------------------------------------------------------
    virtual RemoteResult<QString> send(const QString &queue, const OutgoingMessage &message) = 0;
    // Any number of messages; split into the service's batch size. A failure of the whole call
    // is the result's error; failures of single entries are in BatchOutcome::failures.
    virtual RemoteResult<BatchOutcome> sendBatch(const QString &queue,
                                                 const QList<OutgoingMessage> &messages) = 0;
    // Empty list: nothing arrived within waitSeconds.
    virtual RemoteResult<QList<ReceivedMessage>> receive(const QString &queue,
                                                         const ReceiveOptions &options) = 0;
    virtual RemoteStatus deleteMessage(const QString &queue, const QString &receiptHandle) = 0;
    virtual RemoteResult<BatchOutcome> deleteBatch(const QString &queue,
                                                   const QList<QString> &receiptHandles) = 0;
    // Restarts the message's visibility timeout at `seconds` from now (0: visible at once), so a
    // worker keeps a long job. Services without it report a permanent "unsupported" error.
    virtual bool supportsVisibilityChange() const = 0;
    virtual RemoteStatus changeVisibility(const QString &queue, const QString &receiptHandle,
                                          int seconds) = 0;
    // Messages waiting to be received (approximate: the services count lazily).
    virtual RemoteResult<qint64> approximateDepth(const QString &queue) = 0;
};

} // namespace pq::remote
