// CmqQueue against tests/servers/cmq-standin.mjs, a CMQ protocol stand-in (no CMQ server exists
// outside Tencent's cloud) that implements the documented actions and semantics and rejects any
// request whose signature is not Tencent's documented HmacSHA256 signature.
#include "RemoteTestServer.h"
#include "remote/CmqQueue.h"

#include <QElapsedTimer>
#include <QThread>
#include <memory>

using namespace pq;
using namespace pq::remote;

namespace {

// The stand-in's default test credentials.
CmqConfig configFor(const QUrl &endpoint)
{
    CmqConfig config;
    config.endpoint = endpoint;
    config.region = QStringLiteral("gz");
    config.secretId = QStringLiteral("AKIDcmqstandin0000000000000000000000");
    config.secretKey = QStringLiteral("cmq-standin-secret-key-0123456789");
    config.retry.baseDelay = std::chrono::milliseconds(50);
    config.retry.maxDelay = std::chrono::milliseconds(200);
    return config;
}

} // namespace

class TestCmqQueue : public QObject
{
    Q_OBJECT
private:
    pq::test::RemoteTestServer m_server{QStringLiteral("cmq-standin.mjs"), QString()};
    std::unique_ptr<CmqQueue> m_cmq;

private slots:
    void initTestCase()
    {
        PQ_START_TEST_SERVER(m_server);
        m_cmq = std::make_unique<CmqQueue>(configFor(m_server.endpoint()));
    }

    void wrongSecretIsRejected()
    {
        CmqConfig config = configFor(m_server.endpoint());
        config.secretKey = QStringLiteral("not-the-secret");
        CmqQueue wrong(config);
        auto created = wrong.createQueue(QStringLiteral("never"), {});
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, QStringLiteral("4100"));
        QCOMPARE(created.error().kind, ErrorKind::Permanent);
        QVERIFY(!created.error().message.contains(config.secretKey));
        // Nothing was created by the rejected request.
        QVERIFY(!m_cmq->queueRef(QStringLiteral("never")).ok());
    }

    void sendReceiveDelete()
    {
        auto queue = m_cmq->createQueue(QStringLiteral("basic"), {});
        QVERIFY2(queue.ok(), queue.ok() ? "" : qPrintable(queue.error().message));
        QCOMPARE(queue.value(), QStringLiteral("basic"));
        // Created again: the existing queue.
        QVERIFY(m_cmq->createQueue(QStringLiteral("basic"), {}).ok());
        QCOMPARE(m_cmq->queueRef(QStringLiteral("basic")).value(), QStringLiteral("basic"));

        // Bodies with characters that need form encoding, and '+' which must not become ' '.
        const QString body = QStringLiteral(R"({"job":7,"name":"a+b & Grüße=1.jpg"})");
        auto id = m_cmq->send(queue.value(), {body, 0, {}});
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().message));
        QCOMPARE(m_cmq->approximateDepth(queue.value()).value(), 1);

        auto received = m_cmq->receive(queue.value(), {1, 1, -1});
        QVERIFY(received.ok());
        QCOMPARE(received.value().size(), 1);
        QCOMPARE(received.value().first().id, id.value());
        QCOMPARE(received.value().first().body, body);
        QCOMPARE(received.value().first().receiveCount, 1);
        QVERIFY(!m_cmq->deleteMessage(queue.value(), received.value().first().receiptHandle));

        auto empty = m_cmq->receive(queue.value(), {1, 0, -1});
        QVERIFY(empty.ok());
        QVERIFY(empty.value().isEmpty());
        QCOMPARE(m_cmq->approximateDepth(queue.value()).value(), 0);
    }

    void batches()
    {
        const QString queue = m_cmq->createQueue(QStringLiteral("batch"), {}).value();
        QList<OutgoingMessage> messages;
        for (int i = 0; i < 20; ++i) // more than CMQ's 16 per batch
            messages.append({QStringLiteral("m%1").arg(i), 0, {}});
        auto sent = m_cmq->sendBatch(queue, messages);
        QVERIFY2(sent.ok(), sent.ok() ? "" : qPrintable(sent.error().message));
        QVERIFY(sent.value().allOk());
        QCOMPARE(sent.value().messageIds.size(), 20);

        QSet<QString> bodies;
        QList<QString> handles;
        while (bodies.size() < 20) {
            auto got = m_cmq->receive(queue, {16, 1, -1});
            QVERIFY(got.ok());
            QVERIFY(!got.value().isEmpty());
            for (const ReceivedMessage &m : got.value()) {
                bodies.insert(m.body);
                handles.append(m.receiptHandle);
            }
        }
        handles.append(QStringLiteral("not-a-handle"));
        auto deleted = m_cmq->deleteBatch(queue, handles);
        QVERIFY(deleted.ok());
        QCOMPARE(deleted.value().failures.size(), 1);
        QVERIFY(deleted.value().failures.contains(20));
        QCOMPARE(deleted.value().failures.value(20).code, QStringLiteral("4430"));
        QCOMPARE(m_cmq->approximateDepth(queue).value(), 0);
    }

    void visibilityTimeoutAndNoExtension()
    {
        QueueSettings settings;
        settings.visibilityTimeoutSeconds = 1;
        const QString queue = m_cmq->createQueue(QStringLiteral("visibility"), settings).value();
        QVERIFY(m_cmq->send(queue, {QStringLiteral("x"), 0, {}}).ok());
        auto first = m_cmq->receive(queue, {1, 1, -1});
        QCOMPARE(first.value().size(), 1);
        QVERIFY(m_cmq->receive(queue, {1, 0, -1}).value().isEmpty());

        QVERIFY(!m_cmq->supportsVisibilityChange());
        const RemoteStatus extend =
            m_cmq->changeVisibility(queue, first.value().first().receiptHandle, 60);
        QVERIFY(extend.has_value());
        QCOMPARE(extend->code, QStringLiteral("unsupported"));
        QCOMPARE(extend->kind, ErrorKind::Permanent);

        QThread::msleep(1200);
        auto second = m_cmq->receive(queue, {1, 3, -1});
        QCOMPARE(second.value().size(), 1);
        QCOMPARE(second.value().first().receiveCount, 2);
        // The first receiver's handle is no longer valid.
        const RemoteStatus stale = m_cmq->deleteMessage(queue, first.value().first().receiptHandle);
        QVERIFY(stale.has_value());
        QCOMPARE(stale->code, QStringLiteral("4430"));
    }

    void longPollWakesOnSend()
    {
        const QString queue = m_cmq->createQueue(QStringLiteral("longpoll"), {}).value();
        std::unique_ptr<QThread> sender(QThread::create([this, queue] {
            QThread::msleep(600);
            if (!m_cmq->send(queue, {QStringLiteral("wake"), 0, {}}))
                qWarning("send from thread failed");
        }));
        QElapsedTimer timer;
        timer.start();
        sender->start();
        auto got = m_cmq->receive(queue, {1, 15, -1});
        const qint64 waited = timer.elapsed();
        QVERIFY(sender->wait(20000));
        QCOMPARE(got.value().size(), 1);
        QVERIFY2(waited >= 400 && waited < 8000, qPrintable(QString::number(waited)));
    }

    void deadLetterPolicy()
    {
        const QString dlq = m_cmq->createQueue(QStringLiteral("dead"), {}).value();
        QueueSettings settings;
        settings.visibilityTimeoutSeconds = 1;
        settings.deadLetterQueue = dlq;
        settings.maxReceiveCount = 2;
        const QString queue = m_cmq->createQueue(QStringLiteral("poison"), settings).value();
        auto id = m_cmq->send(queue, {QStringLiteral("poison"), 0, {}});
        QVERIFY(id.ok());
        for (int i = 1; i <= 2; ++i) {
            auto got = m_cmq->receive(queue, {1, 3, -1});
            QCOMPARE(got.value().size(), 1);
            QCOMPARE(got.value().first().receiveCount, i);
            QThread::msleep(1200);
        }
        QVERIFY(m_cmq->receive(queue, {1, 1, -1}).value().isEmpty());
        auto dead = m_cmq->receive(dlq, {1, 1, -1});
        QCOMPARE(dead.value().size(), 1);
        QCOMPARE(dead.value().first().id, id.value());
    }

    void missingQueueIsPermanent()
    {
        auto missing = m_cmq->send(QStringLiteral("nope"), {QStringLiteral("x"), 0, {}});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("4440"));
        QCOMPARE(missing.error().kind, ErrorKind::Permanent);
        QVERIFY(missing.error().message.contains(QLatin1String("nope")));
    }

    void stoppedServerIsTransient()
    {
        pq::test::RemoteTestServer other{QStringLiteral("cmq-standin.mjs"), QString()};
        PQ_START_TEST_SERVER(other);
        CmqConfig config = configFor(other.endpoint());
        config.retry.maxAttempts = 2;
        CmqQueue queue(config);
        QVERIFY(queue.createQueue(QStringLiteral("short"), {}).ok());
        other.stop();
        auto send = queue.send(QStringLiteral("short"), {QStringLiteral("x"), 0, {}});
        QVERIFY(!send.ok());
        QCOMPARE(send.error().kind, ErrorKind::Transient);
        QCOMPARE(send.error().code, QStringLiteral("network"));
    }
};

QTEST_GUILESS_MAIN(TestCmqQueue)
#include "test_cmq_queue.moc"
