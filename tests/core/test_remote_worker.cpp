// RemoteWorker against real servers: fauxqs (npm) on 127.0.0.1 serves the SQS queues and the S3
// bucket. Requests are built with OffloadMessages and pre-signed URLs from ObjectStore, exactly as
// the desktop will send them; outputs are compared byte for byte with runRecipe run locally.
// Each test function uses its own queues, so the functions do not depend on each other's order.
#include "OffloadTestUtil.h"
#include "RemoteTestServer.h"
#include "jobs/JobRunner.h"
#include "remote/ObjectStore.h"
#include "remote/OffloadMessages.h"
#include "remote/RemoteWorker.h"
#include "remote/SqsQueue.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <memory>

using namespace pq;
using namespace pq::remote;
using namespace pq::test;

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString kBucket = QStringLiteral("pixqueue-worker-test");

sigv4::Credentials credentials()
{
    return {QStringLiteral("AKIDEXAMPLE"), kSecret, {}};
}

QString suffixFor(const QByteArray &recipeJson, const QString &inputName)
{
    Recipe recipe;
    if (Recipe::fromJsonBytes(recipeJson, &recipe))
        return QStringLiteral("jpg");
    return recipe.outputSuffix(QFileInfo(inputName).suffix());
}

QString contentTypeFor(const QString &suffix)
{
    if (suffix == QLatin1String("jpg"))
        return QStringLiteral("image/jpeg");
    return QStringLiteral("image/") + suffix;
}

} // namespace

class TestRemoteWorker : public QObject
{
    Q_OBJECT
private:
    pq::test::RemoteTestServer m_server{QStringLiteral("fauxqs-server.mjs"),
                                        QStringLiteral("fauxqs")};
    std::shared_ptr<SqsQueue> m_sqs;
    std::unique_ptr<ObjectStore> m_store;

    using Queues = pq::test::TestQueues;
    Queues makeQueues(const QString &name, int visibilitySeconds = 30)
    {
        return pq::test::makeTestQueues(*m_sqs, name, visibilitySeconds, 2);
    }

    RemoteWorkerConfig workerConfig(const Queues &q, int workers)
    {
        RemoteWorkerConfig config;
        config.queue = m_sqs;
        config.requestQueue = q.requests;
        config.responseQueue = q.responses;
        config.storageEndpoint = m_server.endpoint();
        config.workerName = QStringLiteral("test-worker");
        config.workers = workers;
        config.waitSeconds = 1;
        config.visibilitySeconds = 30;
        return config;
    }

    // A request for `inputKey` (already in the bucket) writing `outputKey`.
    OffloadRequest request(qint64 jobId, const QString &inputKey, const QByteArray &recipeJson,
                           const QString &outputKey)
    {
        OffloadRequest r;
        r.jobId = jobId;
        r.originId = QStringLiteral("test-desktop");
        r.recipeJson = recipeJson;
        r.inputUrl = m_store->presignedGet(kBucket, inputKey, 3600);
        r.outputUrl = m_store->presignedPut(kBucket, outputKey, 3600);
        r.outputSuffix = suffixFor(recipeJson, inputKey);
        r.outputContentType = contentTypeFor(r.outputSuffix);
        return r;
    }

    bool send(const QString &queue, const QByteArray &body)
    {
        auto sent = m_sqs->send(queue, {QString::fromUtf8(body), 0, {}});
        if (!sent)
            qWarning("%s", qPrintable(sent.error().message));
        return sent.ok();
    }

    // Receives and deletes responses until `count` arrived or `timeoutMs` passed.
    QList<OffloadResponse> collect(const QString &queue, int count, int timeoutMs)
    {
        QList<OffloadResponse> responses;
        QElapsedTimer clock;
        clock.start();
        while (responses.size() < count && clock.elapsed() < timeoutMs) {
            auto received = m_sqs->receive(queue, {10, 1, 30});
            if (!received)
                continue;
            for (const ReceivedMessage &m : received.value()) {
                OffloadResponse response;
                if (auto err = parseOffloadResponse(m.body.toUtf8(), &response))
                    qWarning("unparsable response: %s", qPrintable(*err));
                else
                    responses.append(response);
                m_sqs->deleteMessage(queue, m.receiptHandle);
            }
        }
        return responses;
    }

    // Messages currently visible in `queue` (received with a short visibility, not deleted).
    QList<ReceivedMessage> peekAll(const QString &queue)
    {
        QList<ReceivedMessage> all;
        for (int round = 0; round < 5; ++round) {
            auto received = m_sqs->receive(queue, {10, 1, 5});
            if (!received || received.value().isEmpty())
                break;
            all += received.value();
        }
        return all;
    }

private slots:
    void initTestCase()
    {
        PQ_START_TEST_SERVER(m_server);
        SqsConfig sqs;
        sqs.endpoint = m_server.endpoint();
        sqs.region = QStringLiteral("us-east-1");
        sqs.credentials = credentials();
        sqs.retry.baseDelay = std::chrono::milliseconds(50);
        sqs.retry.maxDelay = std::chrono::milliseconds(200);
        m_sqs = std::make_shared<SqsQueue>(sqs);
        ObjectStoreConfig store;
        store.endpoint = m_server.endpoint();
        store.region = sqs.region;
        store.credentials = credentials();
        store.retry.baseDelay = std::chrono::milliseconds(50);
        m_store = std::make_unique<ObjectStore>(store);
        const RemoteStatus created = m_store->createBucket(kBucket);
        QVERIFY2(!created, created ? qPrintable(created->message) : "");
    }

    // Messages alone: round trip and every validation rule, no server needed.
    void messagesValidate()
    {
        const QUrl storage(QStringLiteral("https://s3.eu-west-1.amazonaws.com"));
        OffloadRequest r;
        r.jobId = 77;
        r.originId = QStringLiteral("desk-1");
        r.recipeJson = recipeJsonFromSpecs({QStringLiteral("thumbnail:size=128")});
        r.inputUrl = QUrl(QStringLiteral("https://s3.eu-west-1.amazonaws.com/b/in/x.jpg?X-Amz-"
                                         "Signature=abc"));
        r.outputUrl = QUrl(QStringLiteral("https://s3.eu-west-1.amazonaws.com:443/b/out/x.jpg"));
        r.outputContentType = QStringLiteral("image/jpeg");
        r.outputSuffix = QStringLiteral("jpg");
        const QByteArray body = r.toJsonBytes();
        QVERIFY(!body.contains(kSecret.toUtf8()));

        OffloadRequest parsed;
        const auto ok = parseOffloadRequest(body, storage, &parsed);
        QVERIFY2(!ok, ok ? qPrintable(ok->message) : "");
        QCOMPARE(parsed.jobId, 77);
        QCOMPARE(parsed.originId, QStringLiteral("desk-1"));
        QCOMPARE(parsed.inputUrl, r.inputUrl);
        QCOMPARE(parsed.outputUrl, r.outputUrl);
        QCOMPARE(parsed.outputSuffix, QStringLiteral("jpg"));
        Recipe a, b;
        QVERIFY(!Recipe::fromJsonBytes(parsed.recipeJson, &a));
        QVERIFY(!Recipe::fromJsonBytes(r.recipeJson, &b));
        QCOMPARE(a.toJsonBytes(), b.toJsonBytes());

        auto rejectedWith = [&](OffloadRequest changed, const QString &code) {
            OffloadRequest out;
            const auto rejected = parseOffloadRequest(changed.toJsonBytes(), storage, &out);
            if (!rejected)
                return false;
            if (rejected->code != code || rejected->jobId != 77 || rejected->message.isEmpty()) {
                qWarning("code %s: %s", qPrintable(rejected->code), qPrintable(rejected->message));
                return false;
            }
            return true;
        };
        OffloadRequest other = r;
        other.inputUrl = QUrl(QStringLiteral("https://evil.example.com/b/in/x.jpg"));
        QVERIFY(rejectedWith(other, QStringLiteral("url")));
        other = r;
        other.outputUrl = QUrl(QStringLiteral("https://s3.eu-west-1.amazonaws.com:8443/b/o.jpg"));
        QVERIFY(rejectedWith(other, QStringLiteral("url")));
        other = r;
        other.outputUrl = QUrl(QStringLiteral("http://s3.eu-west-1.amazonaws.com/b/o.jpg"));
        QVERIFY(rejectedWith(other, QStringLiteral("url")));
        other = r;
        other.inputUrl = QUrl(QStringLiteral("https://user:pw@s3.eu-west-1.amazonaws.com/b/x"));
        QVERIFY(rejectedWith(other, QStringLiteral("url")));
        other = r;
        other.recipeJson = R"({"version":1,"name":"x","steps":[{"op":"no-such-op","params":{}}]})";
        QVERIFY(rejectedWith(other, QStringLiteral("recipe")));
        other = r;
        other.version = 2;
        QVERIFY(rejectedWith(other, QStringLiteral("version")));
        other = r;
        other.outputSuffix = QStringLiteral("../x");
        QVERIFY(rejectedWith(other, QStringLiteral("schema")));
        other = r;
        other.originId = QString(300 * 1024, QLatin1Char('x'));
        {
            OffloadRequest out;
            const auto rejected = parseOffloadRequest(other.toJsonBytes(), storage, &out);
            QVERIFY(rejected);
            QCOMPARE(rejected->code, QStringLiteral("too-large"));
        }
        {
            OffloadRequest out;
            const auto rejected = parseOffloadRequest("not json", storage, &out);
            QVERIFY(rejected);
            QCOMPARE(rejected->code, QStringLiteral("not-json"));
            QCOMPARE(rejected->jobId, 0);
        }

        OffloadResponse response;
        response.jobId = 77;
        response.originId = QStringLiteral("desk-1");
        response.status = OffloadResponse::Status::Failed;
        response.errorCode = QStringLiteral("job");
        response.errorMessage = QStringLiteral("cannot decode");
        response.workerName = QStringLiteral("w1");
        OffloadResponse back;
        QVERIFY(!parseOffloadResponse(response.toJsonBytes(), &back));
        QCOMPARE(back.jobId, 77);
        QCOMPARE(back.status, OffloadResponse::Status::Failed);
        QCOMPARE(back.errorKind, ErrorKind::Permanent);
        QCOMPARE(back.errorCode, QStringLiteral("job"));
        QCOMPARE(back.errorMessage, QStringLiteral("cannot decode"));
        QCOMPARE(back.workerName, QStringLiteral("w1"));
    }

    // Real photos through two worker threads: every output is byte-identical to a local run.
    void processesPhotosByteIdentical()
    {
        const Queues q = makeQueues(QStringLiteral("photos"));
        QVERIFY(!q.requests.isEmpty());
        struct Case
        {
            QString file;
            QStringList specs;
        };
        const QList<Case> cases{
            {QStringLiteral("face_filippo_giunchedi.jpg"), {QStringLiteral("thumbnail:size=256")}},
            {QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"),
             {QStringLiteral("resize:width=300"), QStringLiteral("format:type=png")}},
            {QStringLiteral("gray_cameraman_cc0.png"),
             {QStringLiteral("thumbnail:size=128"), QStringLiteral("format:type=webp")}},
            {QStringLiteral("teeth_three_men_smiling.jpg"),
             {QStringLiteral("resize:width=400"), QStringLiteral("sepia"),
              QStringLiteral("format:type=jpeg,quality=80")}},
            {QStringLiteral("lowcontrast_darkest_hour_lake.jpg"),
             {QStringLiteral("auto-levels"), QStringLiteral("thumbnail:size=200")}},
        };
        QHash<qint64, OffloadRequest> sent;
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const Case &c = cases.at(i);
            const QString inputKey = QStringLiteral("in/%1").arg(c.file);
            QVERIFY(!m_store->put(kBucket, inputKey, readAll(dataPath(c.file))));
            const qint64 jobId = 100 + i;
            OffloadRequest r = request(jobId, inputKey, recipeJsonFromSpecs(c.specs),
                                       QStringLiteral("out/%1").arg(jobId));
            QVERIFY(send(q.requests, r.toJsonBytes()));
            sent.insert(jobId, r);
        }

        RemoteWorker worker(workerConfig(q, 2));
        int done = 0; // signals come from the worker threads, queued to this one
        connect(&worker, &RemoteWorker::jobDone, this, [&] { ++done; });
        worker.start();
        const QList<OffloadResponse> responses = collect(q.responses, cases.size(), 120000);
        worker.stop();
        worker.waitForStopped();
        QVERIFY(!worker.isRunning());

        QCOMPARE(responses.size(), cases.size());
        QSet<qint64> answered;
        for (const OffloadResponse &response : responses) {
            QVERIFY2(response.status == OffloadResponse::Status::Done,
                     qPrintable(response.errorMessage));
            QVERIFY(sent.contains(response.jobId));
            QVERIFY(!answered.contains(response.jobId)); // exactly one answer per job
            answered.insert(response.jobId);
            QCOMPARE(response.originId, QStringLiteral("test-desktop"));
            QCOMPARE(response.workerName, QStringLiteral("test-worker"));

            const qsizetype index = response.jobId - 100;
            const OffloadRequest &r = sent.value(response.jobId);
            auto remote = m_store->get(kBucket, QStringLiteral("out/%1").arg(response.jobId));
            QVERIFY2(remote.ok(), remote.ok() ? "" : qPrintable(remote.error().message));
            QCOMPARE(remote.value().size(), response.outputSize);
            const QByteArray local =
                localOutput(dataPath(cases.at(index).file), r.recipeJson, r.outputSuffix);
            QVERIFY(!local.isEmpty());
            QVERIFY2(remote.value() == local, qPrintable(cases.at(index).file));
            auto info = m_store->head(kBucket, QStringLiteral("out/%1").arg(response.jobId));
            QVERIFY(info.ok());
            QCOMPARE(info.value().contentType, r.outputContentType);
        }
        QCOMPARE(worker.processedCount(), cases.size());
        QCOMPARE(worker.failedCount(), 0);
        QTRY_COMPARE(done, cases.size());
        // Every request was deleted, nothing went to the dead-letter queue.
        QVERIFY(peekAll(q.requests).isEmpty());
        QVERIFY(peekAll(q.dead).isEmpty());
    }

    // A recipe that fails permanently and an unreadable image: answered `failed` with the reason,
    // request deleted, nothing written.
    void poisonMessagesAnsweredFailed()
    {
        const Queues q = makeQueues(QStringLiteral("poison"));
        QVERIFY(!q.requests.isEmpty());
        QVERIFY(!m_store->put(kBucket, QStringLiteral("in/corrupt.jpg"),
                              QByteArray("\xff\xd8\xff\xe0 this is not really a JPEG", 30)));
        QVERIFY(!m_store->put(kBucket, QStringLiteral("in/poison-ok.jpg"),
                              readAll(dataPath(QStringLiteral("face_filippo_giunchedi.jpg")))));
        // Unreadable image.
        QVERIFY(send(q.requests, request(201, QStringLiteral("in/corrupt.jpg"),
                                         recipeJsonFromSpecs({QStringLiteral("thumbnail:size=64")}),
                                         QStringLiteral("out/201"))
                                     .toJsonBytes()));
        // An operation that fails permanently while running.
        QVERIFY(send(q.requests,
                     request(202, QStringLiteral("in/poison-ok.jpg"),
                             recipeJsonFromSpecs({QStringLiteral("debug-fail:kind=permanent")}),
                             QStringLiteral("out/202"))
                         .toJsonBytes()));
        // An unknown operation: refused before anything runs.
        OffloadRequest unknown = request(203, QStringLiteral("in/poison-ok.jpg"),
                                         recipeJsonFromSpecs({QStringLiteral("thumbnail:size=64")}),
                                         QStringLiteral("out/203"));
        unknown.recipeJson = R"({"version":1,"name":"x","steps":[{"op":"melt-faces","params":{}}],)"
                             R"("output":{"type":"jpeg"}})";
        QVERIFY(send(q.requests, unknown.toJsonBytes()));

        RemoteWorker worker(workerConfig(q, 2));
        int failed = 0;
        connect(&worker, &RemoteWorker::jobFailed, this, [&] { ++failed; });
        worker.start();
        const QList<OffloadResponse> responses = collect(q.responses, 3, 60000);
        worker.stop();
        worker.waitForStopped();

        QCOMPARE(responses.size(), 3);
        QHash<qint64, OffloadResponse> byJob;
        for (const OffloadResponse &r : responses)
            byJob.insert(r.jobId, r);
        for (qint64 id : {201, 202, 203}) {
            QVERIFY(byJob.contains(id));
            const OffloadResponse &r = byJob.value(id);
            QCOMPARE(r.status, OffloadResponse::Status::Failed);
            QCOMPARE(r.errorKind, ErrorKind::Permanent);
            QVERIFY(!r.errorMessage.isEmpty());
            // Nothing was written.
            auto head = m_store->head(kBucket, QStringLiteral("out/%1").arg(id));
            QVERIFY(!head.ok());
        }
        QCOMPARE(byJob.value(201).errorCode, QStringLiteral("job"));
        QCOMPARE(byJob.value(202).errorCode, QStringLiteral("job"));
        QVERIFY2(byJob.value(202).errorMessage.contains(QLatin1String("debug-fail")),
                 qPrintable(byJob.value(202).errorMessage));
        QCOMPARE(byJob.value(203).errorCode, QStringLiteral("recipe"));
        QVERIFY2(byJob.value(203).errorMessage.contains(QLatin1String("melt-faces")),
                 qPrintable(byJob.value(203).errorMessage));
        QCOMPARE(worker.failedCount(), 3);
        QCOMPARE(worker.rejectedCount(), 1);
        QCOMPARE(worker.processedCount(), 0);
        QTRY_COMPARE(failed, 3);
        // Answered and deleted: not redelivered, not dead-lettered.
        QVERIFY(peekAll(q.requests).isEmpty());
        QVERIFY(peekAll(q.dead).isEmpty());
    }

    // A URL to another host is refused before any connection is made and answered `failed`;
    // garbage that names no job is dropped.
    void invalidMessagesRejectedNotExecuted()
    {
        const Queues q = makeQueues(QStringLiteral("invalid"));
        QVERIFY(!q.requests.isEmpty());
        QTcpServer elsewhere;
        QVERIFY(elsewhere.listen(QHostAddress::LocalHost));
        QVERIFY(!m_store->put(kBucket, QStringLiteral("in/invalid.jpg"),
                              readAll(dataPath(QStringLiteral("face_filippo_giunchedi.jpg")))));

        OffloadRequest r = request(301, QStringLiteral("in/invalid.jpg"),
                                   recipeJsonFromSpecs({QStringLiteral("thumbnail:size=64")}),
                                   QStringLiteral("out/301"));
        r.inputUrl.setPort(elsewhere.serverPort()); // same host, another port: another service
        QVERIFY(send(q.requests, r.toJsonBytes()));
        OffloadRequest r2 = request(302, QStringLiteral("in/invalid.jpg"),
                                    recipeJsonFromSpecs({QStringLiteral("thumbnail:size=64")}),
                                    QStringLiteral("out/302"));
        r2.outputUrl.setHost(QStringLiteral("localhost"));
        QVERIFY(send(q.requests, r2.toJsonBytes()));
        QVERIFY(send(q.requests, "{\"hello\": \"world\"}"));

        RemoteWorker worker(workerConfig(q, 1));
        worker.start();
        const QList<OffloadResponse> responses = collect(q.responses, 2, 60000);
        // The garbage message names no job: nobody to answer, it is dropped.
        QTRY_COMPARE_WITH_TIMEOUT(worker.rejectedCount(), 3, 20000);
        worker.stop();
        worker.waitForStopped();

        QCOMPARE(responses.size(), 2);
        QHash<qint64, OffloadResponse> byJob;
        for (const OffloadResponse &response : responses) {
            QCOMPARE(response.status, OffloadResponse::Status::Failed);
            byJob.insert(response.jobId, response);
        }
        QCOMPARE(byJob.value(301).errorCode, QStringLiteral("url"));
        QVERIFY2(byJob.value(301).errorMessage.contains(QLatin1String("configured storage")),
                 qPrintable(byJob.value(301).errorMessage));
        QCOMPARE(byJob.value(302).errorCode, QStringLiteral("url"));
        QVERIFY(collect(q.responses, 1, 1500).isEmpty());
        // Not executed: no connection to the other port, no output.
        QVERIFY(!elsewhere.waitForNewConnection(200));
        QVERIFY(!m_store->head(kBucket, QStringLiteral("out/301")).ok());
        QVERIFY(!m_store->head(kBucket, QStringLiteral("out/302")).ok());
        QCOMPARE(worker.rejectedCount(), 3);
        QVERIFY(peekAll(q.requests).isEmpty());
    }

    // While a job runs longer than the visibility timeout, the worker keeps renewing it: nobody
    // else receives the message and it is answered exactly once.
    void visibilityExtendedWhileRunning()
    {
        const Queues q = makeQueues(QStringLiteral("heartbeat"), 2);
        QVERIFY(!q.requests.isEmpty());
        QVERIFY(!m_store->put(kBucket, QStringLiteral("in/heartbeat.png"),
                              readAll(dataPath(QStringLiteral("gray_cameraman_cc0.png")))));
        QVERIFY(
            send(q.requests, request(401, QStringLiteral("in/heartbeat.png"),
                                     recipeJsonFromSpecs({QStringLiteral("debug-sleep:ms=6000")}),
                                     QStringLiteral("out/401"))
                                 .toJsonBytes()));
        RemoteWorkerConfig config = workerConfig(q, 1);
        config.visibilitySeconds = 2;
        RemoteWorker worker(config);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(worker.busyCount() == 1, 10000);
        // Well past the 2 s timeout: still invisible to other receivers.
        QThread::msleep(3500);
        auto other = m_sqs->receive(q.requests, {1, 1, 30});
        QVERIFY(other.ok());
        QVERIFY(other.value().isEmpty());
        const QList<OffloadResponse> responses = collect(q.responses, 1, 30000);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses.first().status, OffloadResponse::Status::Done);
        // No second answer arrives.
        QVERIFY(collect(q.responses, 1, 3000).isEmpty());
        worker.stop();
        worker.waitForStopped();
        QCOMPARE(worker.processedCount(), 1);
        QVERIFY(peekAll(q.requests).isEmpty());
    }

    // stop() in the middle: the running job is cancelled, nothing unfinished is deleted or
    // answered, and every request can be received again.
    void stopLeavesUnfinishedMessages()
    {
        const Queues q = makeQueues(QStringLiteral("stop"));
        QVERIFY(!q.requests.isEmpty());
        QVERIFY(!m_store->put(kBucket, QStringLiteral("in/stop.png"),
                              readAll(dataPath(QStringLiteral("gray_cameraman_cc0.png")))));
        for (qint64 id = 501; id <= 504; ++id)
            QVERIFY(send(q.requests,
                         request(id, QStringLiteral("in/stop.png"),
                                 recipeJsonFromSpecs({QStringLiteral("debug-sleep:ms=20000")}),
                                 QStringLiteral("out/%1").arg(id))
                             .toJsonBytes()));
        RemoteWorker worker(workerConfig(q, 2));
        int stopped = 0;
        connect(&worker, &RemoteWorker::stopped, this, [&] { ++stopped; });
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(worker.busyCount() == 2, 10000);
        QElapsedTimer clock;
        clock.start();
        worker.stop();
        worker.waitForStopped();
        QVERIFY2(clock.elapsed() < 8000, "stop must not wait for the running jobs");
        QTRY_COMPARE(stopped, 1);
        QCOMPARE(worker.processedCount(), 0);
        QCOMPARE(worker.failedCount(), 0);
        QCOMPARE(worker.releasedCount(), 2);

        QVERIFY(collect(q.responses, 1, 1500).isEmpty());
        QSet<qint64> jobs;
        for (const ReceivedMessage &m : peekAll(q.requests)) {
            OffloadRequest r;
            QVERIFY(!parseOffloadRequest(m.body.toUtf8(), m_server.endpoint(), &r));
            jobs.insert(r.jobId);
        }
        QCOMPARE(jobs, (QSet<qint64>{501, 502, 503, 504}));
    }
};

QTEST_GUILESS_MAIN(TestRemoteWorker)
#include "test_remote_worker.moc"
