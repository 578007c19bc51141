// SqsQueue against a real SQS JSON-protocol server: fauxqs (npm) started on 127.0.0.1 by the test.
// Each test function uses its own queues, so the functions do not depend on each other's order.
#include "RemoteTestServer.h"
#include "remote/SqsQueue.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent>
#include <memory>

using namespace pq;
using namespace pq::remote;

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

SqsConfig configFor(const QUrl &endpoint)
{
    SqsConfig config;
    config.endpoint = endpoint;
    config.region = QStringLiteral("us-east-1");
    config.credentials = {QStringLiteral("AKIDEXAMPLE"), kSecret, {}};
    config.retry.baseDelay = std::chrono::milliseconds(50);
    config.retry.maxDelay = std::chrono::milliseconds(200);
    return config;
}

} // namespace

class TestSqsQueue : public QObject
{
    Q_OBJECT
private:
    pq::test::RemoteTestServer m_server{QStringLiteral("fauxqs-server.mjs"),
                                        QStringLiteral("fauxqs")};
    std::unique_ptr<SqsQueue> m_sqs;

    QString makeQueue(const QString &name, QueueSettings settings = {})
    {
        auto url = m_sqs->createQueue(name, settings);
        if (!url)
            qWarning("%s", qPrintable(url.error().message));
        return url ? url.value() : QString();
    }

private slots:
    void initTestCase()
    {
        PQ_START_TEST_SERVER(m_server);
        m_sqs = std::make_unique<SqsQueue>(configFor(m_server.endpoint()));
    }

    void createAndFindQueues()
    {
        const QString url = makeQueue(QStringLiteral("jobs-create"));
        QVERIFY(url.endsWith(QLatin1String("/jobs-create")));
        // Creating it again with the same settings gives the same queue.
        QCOMPARE(makeQueue(QStringLiteral("jobs-create")), url);
        auto found = m_sqs->queueRef(QStringLiteral("jobs-create"));
        QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().message));
        QCOMPARE(found.value(), url);
        auto arn = m_sqs->queueArn(url);
        QVERIFY(arn.ok());
        QVERIFY(arn.value().startsWith(QLatin1String("arn:aws:sqs:us-east-1:")));
        QVERIFY(arn.value().endsWith(QLatin1String(":jobs-create")));
    }

    void sendReceiveDelete()
    {
        const QString queue = makeQueue(QStringLiteral("jobs-basic"));
        QVERIFY(!queue.isEmpty());
        OutgoingMessage message;
        message.body = QStringLiteral(R"({"job":42,"name":"Grüße.jpg"})");
        message.attributes.insert(QStringLiteral("kind"), QStringLiteral("request"));
        auto id = m_sqs->send(queue, message);
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().message));
        QVERIFY(!id.value().isEmpty());

        auto depth = m_sqs->approximateDepth(queue);
        QVERIFY(depth.ok());
        QCOMPARE(depth.value(), 1);

        auto received = m_sqs->receive(queue, {1, 1, 30});
        QVERIFY2(received.ok(), received.ok() ? "" : qPrintable(received.error().message));
        QCOMPARE(received.value().size(), 1);
        const ReceivedMessage &m = received.value().first();
        QCOMPARE(m.id, id.value());
        QCOMPARE(m.body, message.body);
        QCOMPARE(m.receiveCount, 1);
        QCOMPARE(m.attributes.value(QStringLiteral("kind")), QStringLiteral("request"));
        QVERIFY(!m.receiptHandle.isEmpty());

        QVERIFY(!m_sqs->deleteMessage(queue, m.receiptHandle));
        // Deleted: nothing comes back, even after the visibility timeout would have passed.
        auto again = m_sqs->receive(queue, {1, 0, 0});
        QVERIFY(again.ok());
        QVERIFY(again.value().isEmpty());
        QCOMPARE(m_sqs->approximateDepth(queue).value(), 0);
    }

    void batchesLargerThanTheServiceLimit()
    {
        const QString queue = makeQueue(QStringLiteral("jobs-batch"));
        QList<OutgoingMessage> messages;
        for (int i = 0; i < 13; ++i)
            messages.append({QStringLiteral("message %1").arg(i), 0, {}});
        auto sent = m_sqs->sendBatch(queue, messages);
        QVERIFY2(sent.ok(), sent.ok() ? "" : qPrintable(sent.error().message));
        QVERIFY(sent.value().allOk());
        QCOMPARE(sent.value().messageIds.size(), 13);
        for (const QString &id : sent.value().messageIds)
            QVERIFY(!id.isEmpty());

        QSet<QString> bodies;
        QList<QString> handles;
        for (int round = 0; round < 10 && bodies.size() < 13; ++round) {
            auto received = m_sqs->receive(queue, {10, 1, 60});
            QVERIFY(received.ok());
            for (const ReceivedMessage &m : received.value()) {
                bodies.insert(m.body);
                handles.append(m.receiptHandle);
            }
        }
        QCOMPARE(bodies.size(), 13);
        auto deleted = m_sqs->deleteBatch(queue, handles);
        QVERIFY(deleted.ok());
        QVERIFY(deleted.value().allOk());
        QCOMPARE(m_sqs->approximateDepth(queue).value(), 0);
    }

    // An unacknowledged message reappears after its visibility timeout, with receive count 2.
    void visibilityTimeoutRedelivers()
    {
        QueueSettings settings;
        settings.visibilityTimeoutSeconds = 1;
        const QString queue = makeQueue(QStringLiteral("jobs-visibility"), settings);
        QVERIFY(m_sqs->send(queue, {QStringLiteral("crash me"), 0, {}}).ok());
        auto first = m_sqs->receive(queue, {1, 1, -1});
        QVERIFY(first.ok());
        QCOMPARE(first.value().size(), 1);
        // Hidden while the first receiver holds it.
        auto hidden = m_sqs->receive(queue, {1, 0, -1});
        QVERIFY(hidden.ok());
        QVERIFY(hidden.value().isEmpty());

        QThread::msleep(1300);
        auto second = m_sqs->receive(queue, {1, 5, -1});
        QVERIFY(second.ok());
        QCOMPARE(second.value().size(), 1);
        QCOMPARE(second.value().first().id, first.value().first().id);
        QCOMPARE(second.value().first().receiveCount, 2);
        QVERIFY(second.value().first().receiptHandle != first.value().first().receiptHandle);
    }

    void changeVisibilityExtendsAndReleases()
    {
        QueueSettings settings;
        settings.visibilityTimeoutSeconds = 1;
        const QString queue = makeQueue(QStringLiteral("jobs-change-visibility"), settings);
        QVERIFY(m_sqs->supportsVisibilityChange());
        QVERIFY(m_sqs->send(queue, {QStringLiteral("long job"), 0, {}}).ok());
        auto first = m_sqs->receive(queue, {1, 1, -1});
        QCOMPARE(first.value().size(), 1);
        // A worker still busy extends its hold: past the queue's 1 s nobody else gets it.
        QVERIFY(!m_sqs->changeVisibility(queue, first.value().first().receiptHandle, 30));
        QThread::msleep(1500);
        auto during = m_sqs->receive(queue, {1, 0, -1});
        QVERIFY(during.ok());
        QVERIFY(during.value().isEmpty());
        // Giving it back (timeout 0) makes it visible at once.
        QVERIFY(!m_sqs->changeVisibility(queue, first.value().first().receiptHandle, 0));
        auto after = m_sqs->receive(queue, {1, 2, -1});
        QVERIFY(after.ok());
        QCOMPARE(after.value().size(), 1);
        QCOMPARE(after.value().first().receiveCount, 2);
    }

    // A long poll returns as soon as a message arrives, sent here from a plain thread that runs
    // no event loop (as a pool worker would).
    void longPollWakesOnSend()
    {
        const QString queue = makeQueue(QStringLiteral("jobs-long-poll"));
        std::unique_ptr<QThread> sender(QThread::create([this, queue] {
            QThread::msleep(700);
            const auto sent = m_sqs->send(queue, {QStringLiteral("wake up"), 0, {}});
            if (!sent)
                qWarning("send from thread failed: %s", qPrintable(sent.error().message));
        }));
        QElapsedTimer timer;
        timer.start();
        sender->start();
        auto received = m_sqs->receive(queue, {1, 15, 30});
        const qint64 waited = timer.elapsed();
        QVERIFY(sender->wait(20000));
        QVERIFY(received.ok());
        QCOMPARE(received.value().size(), 1);
        QCOMPARE(received.value().first().body, QStringLiteral("wake up"));
        QVERIFY2(waited >= 500 && waited < 8000, qPrintable(QString::number(waited)));
    }

    void concurrentCallsFromPoolThreads()
    {
        const QString queue = makeQueue(QStringLiteral("jobs-pool"));
        QList<int> numbers;
        for (int i = 0; i < 8; ++i)
            numbers.append(i);
        const QList<bool> sent = QtConcurrent::blockingMapped(numbers, [this, queue](int i) {
            return m_sqs->send(queue, {QStringLiteral("pool %1").arg(i), 0, {}}).ok();
        });
        QCOMPARE(sent, QList<bool>(8, true));
        QCOMPARE(m_sqs->approximateDepth(queue).value(), 8);
    }

    // After maxReceiveCount receives without a delete, the redrive policy moves the message to
    // the dead-letter queue.
    void redriveToDeadLetterQueue()
    {
        const QString dlq = makeQueue(QStringLiteral("jobs-redrive-dlq"));
        QVERIFY(!dlq.isEmpty());
        QueueSettings settings;
        settings.visibilityTimeoutSeconds = 1;
        settings.deadLetterQueue = dlq;
        settings.maxReceiveCount = 2;
        const QString queue = makeQueue(QStringLiteral("jobs-redrive"), settings);
        QVERIFY(!queue.isEmpty());
        auto id = m_sqs->send(queue, {QStringLiteral("poison"), 0, {}});
        QVERIFY(id.ok());
        for (int receive = 1; receive <= 2; ++receive) {
            auto got = m_sqs->receive(queue, {1, 3, -1});
            QVERIFY(got.ok());
            QCOMPARE(got.value().size(), 1);
            QCOMPARE(got.value().first().receiveCount, receive);
            QThread::msleep(1200); // let the visibility timeout pass without deleting
        }
        auto third = m_sqs->receive(queue, {1, 1, -1});
        QVERIFY(third.ok());
        QVERIFY(third.value().isEmpty());
        auto dead = m_sqs->receive(dlq, {1, 2, -1});
        QVERIFY(dead.ok());
        QCOMPARE(dead.value().size(), 1);
        QCOMPARE(dead.value().first().id, id.value());
        QCOMPARE(dead.value().first().body, QStringLiteral("poison"));
    }

    void missingQueueIsPermanent()
    {
        auto missing = m_sqs->queueRef(QStringLiteral("does-not-exist"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::Permanent);
        QCOMPARE(missing.error().code, QStringLiteral("QueueDoesNotExist"));
        QCOMPARE(missing.error().httpStatus, 400);
        QVERIFY2(missing.error().message.contains(QLatin1String("does not exist")),
                 qPrintable(missing.error().message));
        QVERIFY(!missing.error().message.contains(kSecret));

        const QString bogus = m_server.endpoint().toString() + "/000000000000/nope";
        auto send = m_sqs->send(bogus, {QStringLiteral("x"), 0, {}});
        QVERIFY(!send.ok());
        QCOMPARE(send.error().kind, ErrorKind::Permanent);
    }

    void plainHttpOnlyToLoopback()
    {
        SqsQueue remote(configFor(QUrl(QStringLiteral("http://sqs.example.com"))));
        auto refused = remote.queueRef(QStringLiteral("jobs"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Permanent);
        QCOMPARE(refused.error().code, QStringLiteral("insecure-endpoint"));
    }

    // A server that is gone gives a transient error (after the retries), never a permanent one.
    void stoppedServerIsTransient()
    {
        pq::test::RemoteTestServer other{QStringLiteral("fauxqs-server.mjs"),
                                         QStringLiteral("fauxqs")};
        PQ_START_TEST_SERVER(other);
        SqsConfig config = configFor(other.endpoint());
        config.retry.maxAttempts = 3;
        SqsQueue queue(config);
        auto url = queue.createQueue(QStringLiteral("short-lived"), {});
        QVERIFY(url.ok());
        other.stop();
        QElapsedTimer timer;
        timer.start();
        auto send = queue.send(url.value(), {QStringLiteral("lost?"), 0, {}});
        QVERIFY(!send.ok());
        QCOMPARE(send.error().kind, ErrorKind::Transient);
        QCOMPARE(send.error().code, QStringLiteral("network"));
        QVERIFY(!send.error().message.isEmpty());
        // Three attempts with two backoff sleeps of at least 25 ms and 50 ms between them.
        QVERIFY2(timer.elapsed() >= 75, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestSqsQueue)
#include "test_sqs_queue.moc"
