// OffloadBridge (desktop side) with RemoteWorker (server side) in one process, against fauxqs on
// 127.0.0.1 (SQS + S3): a real SQLite job table, real photos, real HTTP. Each test function uses
// its own queues and database, so the functions do not depend on each other's order.
#include "OffloadTestUtil.h"
#include "RemoteTestServer.h"
#include "imageio/ImageIO.h"
#include "jobs/JobRunner.h"
#include "jobs/JobStore.h"
#include "jobs/WorkKey.h"
#include "remote/ObjectStore.h"
#include "remote/OffloadBridge.h"
#include "remote/OffloadMessages.h"
#include "remote/OffloadSettings.h"
#include "remote/RemoteWorker.h"
#include "remote/SqsQueue.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace pq;
using namespace pq::remote;
using namespace pq::test;
using namespace std::chrono_literals;

namespace {

const QString kAccessKey = QStringLiteral("AKIDBRIDGETEST");
const QString kSecret = QStringLiteral("bridge/Secret+Key/DoNotLeak0123456789abcdef");
const QString kBucket = QStringLiteral("pixqueue-bridge-test");

using Queues = pq::test::TestQueues;

} // namespace

class TestOffloadBridge : public QObject
{
    Q_OBJECT
private:
    pq::test::RemoteTestServer m_server{QStringLiteral("fauxqs-server.mjs"),
                                        QStringLiteral("fauxqs")};
    QTemporaryDir m_dir;

    OffloadClients clientsFor(const QUrl &endpoint)
    {
        OffloadSettings settings;
        settings.endpoint = endpoint;
        settings.region = QStringLiteral("us-east-1");
        OffloadClients clients = makeOffloadClients(settings, {kAccessKey, kSecret, {}});
        return clients;
    }

    Queues makeQueues(RemoteQueue &queue, const QString &name, int visibilitySeconds = 30,
                      int maxReceiveCount = 3)
    {
        return pq::test::makeTestQueues(queue, name, visibilitySeconds, maxReceiveCount);
    }

    std::unique_ptr<JobStore> openStore(const QString &name)
    {
        auto store = std::make_unique<JobStore>(m_dir.filePath(name + ".sqlite"));
        if (auto e = store->open())
            qWarning("%s", qPrintable(*e));
        return store;
    }

    // Copies `photos` into a folder of their own (inputs are never shared between tests) and
    // enqueues them in one offload batch.
    qint64 enqueue(JobStore &store, const QString &name, const QStringList &photos,
                   const Recipe &recipe, bool offload = true)
    {
        const QString in = m_dir.filePath(name + "-in");
        QDir().mkpath(in);
        EnqueueRequest request;
        for (const QString &photo : photos) {
            const QString copy = in + '/' + photo;
            QFile::copy(dataPath(photo), copy);
            request.inputs << EnqueueInput{copy, {}};
        }
        request.recipes << recipe;
        request.outputDir = m_dir.filePath(name + "-out");
        request.offload = offload;
        EnqueueResult result;
        if (auto e = store.enqueue(request, &result))
            qWarning("%s", qPrintable(*e));
        return result.batchId;
    }

    OffloadBridgeConfig bridgeConfig(JobStore &store, const OffloadClients &clients,
                                     const Queues &q)
    {
        OffloadBridgeConfig config;
        config.store = &store;
        config.queue = clients.queue;
        config.storage = clients.storage;
        config.bucket = kBucket;
        config.requestQueue = q.requests;
        config.responseQueue = q.responses;
        config.deadLetterQueue = q.dead;
        config.waitSeconds = 1;
        config.sweepInterval = 300ms;
        config.maxBackoff = 2s;
        return config;
    }

    RemoteWorkerConfig workerConfig(const OffloadClients &clients, const Queues &q,
                                    const QUrl &endpoint, int visibilitySeconds = 30)
    {
        RemoteWorkerConfig config;
        config.queue = clients.queue;
        config.requestQueue = q.requests;
        config.responseQueue = q.responses;
        config.storageEndpoint = endpoint;
        config.workerName = QStringLiteral("test-worker");
        config.workers = 2;
        config.waitSeconds = 1;
        config.visibilitySeconds = visibilitySeconds;
        return config;
    }

    static bool allFinished(JobStore &store, qint64 batch)
    {
        const auto c = store.counts(batch);
        return c.value(JobState::Queued) + c.value(JobState::Leased) +
                   c.value(JobState::Offloaded) ==
               0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        PQ_START_TEST_SERVER(m_server);
        const OffloadClients clients = clientsFor(m_server.endpoint());
        const RemoteStatus created = clients.storage->createBucket(kBucket);
        QVERIFY2(!created, created ? qPrintable(created->message) : "");
    }

    // The lanes: local workers never take offload jobs, the bridge never takes local ones, and
    // `run --until-idle` of each lane waits only for its own jobs.
    void lanesAreSeparate()
    {
        auto store = openStore(QStringLiteral("lanes"));
        const Recipe recipe = recipeFromSpecs({QStringLiteral("thumbnail:size=64")});
        enqueue(*store, QStringLiteral("lanes-offload"),
                {QStringLiteral("face_filippo_giunchedi.jpg")}, recipe, true);
        QCOMPARE(store->activeCount(Lane::Local), 0);
        QCOMPARE(store->activeCount(Lane::Offload), 1);
        QVERIFY(!store->leaseNext(QStringLiteral("local"), 10s, Lane::Local));
        QVERIFY(!store->msUntilNextReady(Lane::Local).has_value());
        enqueue(*store, QStringLiteral("lanes-local"), {QStringLiteral("gray_cameraman_cc0.png")},
                recipe, false);
        auto local = store->leaseNext(QStringLiteral("local"), 10s, Lane::Local);
        QVERIFY(local);
        QVERIFY(local->inputPath.endsWith(QStringLiteral("gray_cameraman_cc0.png")));
        auto remote = store->leaseNext(QStringLiteral("bridge"), 10s, Lane::Offload);
        QVERIFY(remote);
        QVERIFY(remote->inputPath.endsWith(QStringLiteral("face_filippo_giunchedi.jpg")));
        QVERIFY(!store->leaseNext(QStringLiteral("bridge"), 10s, Lane::Offload));
        QVERIFY(store->job(remote->id)->offload);
        QVERIFY(!store->job(local->id)->offload);
        // The database id names the origin of messages: stable for the file, 32 hex digits.
        const QString id = store->databaseId();
        QCOMPARE(id.size(), 32);
        auto again = std::make_unique<JobStore>(store->path());
        QVERIFY(!again->open());
        QCOMPARE(again->databaseId(), id);
    }

    // Photos go out, come back byte-identical to the same recipe run locally, and the outputs
    // are removed from the bucket; two copies of one photo are uploaded once.
    void photosComeBackByteIdentical()
    {
        const OffloadClients clients = clientsFor(m_server.endpoint());
        const Queues q = makeQueues(*clients.queue, QStringLiteral("happy"));
        QVERIFY(q.ok());
        auto store = openStore(QStringLiteral("happy"));
        const Recipe recipe = recipeFromSpecs({QStringLiteral("resize:width=480"),
                                               QStringLiteral("sharpen:amount=0.6"),
                                               QStringLiteral("format:type=jpeg,quality=88")});
        const QStringList photos{QStringLiteral("face_filippo_giunchedi.jpg"),
                                 QStringLiteral("faces_flash_bar_couple.jpg"),
                                 QStringLiteral("gray_cameraman_cc0.png"),
                                 QStringLiteral("teeth_astronaut_eileen_collins.png"),
                                 QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg")};
        const qint64 batch = enqueue(*store, QStringLiteral("happy"), photos, recipe);
        // A second copy of the first photo under another name: same content, same input key.
        {
            EnqueueRequest twin;
            const QString copy = m_dir.filePath(QStringLiteral("happy-in/twin.jpg"));
            QVERIFY(QFile::copy(dataPath(photos.first()), copy));
            twin.inputs << EnqueueInput{copy, {}};
            twin.recipes << recipe;
            twin.outputDir = m_dir.filePath(QStringLiteral("happy-out"));
            twin.offload = true;
            EnqueueResult r;
            QVERIFY(!store->enqueue(twin, &r));
        }

        OffloadBridge bridge(bridgeConfig(*store, clients, q));
        RemoteWorker worker(workerConfig(clients, q, m_server.endpoint()));
        bridge.start();
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(store->counts().value(JobState::Done) == 6, 60000);
        bridge.stop();
        worker.stop();
        bridge.waitForStopped();
        worker.waitForStopped();

        QCOMPARE(bridge.sentCount(), 6);
        QCOMPARE(bridge.completedCount(), 6);
        QCOMPARE(worker.processedCount(), 6);
        QVERIFY(allFinished(*store, batch));
        for (const JobRecord &job : store->list()) {
            QCOMPARE(job.state, JobState::Done);
            QCOMPARE(job.attempts, 1);
            const QByteArray remote = readAll(job.outputPath);
            QVERIFY2(remote.size() > 1000, qPrintable(job.outputPath));
            QCOMPARE(remote,
                     localOutput(job.inputPath, recipe.toJsonBytes(), QStringLiteral("jpg")));
            // The output object was deleted after the download.
            auto head = clients.storage->head(
                kBucket, bridge.outputKey(job.id, job.attempts, QStringLiteral("jpg")));
            QVERIFY(!head);
            QCOMPARE(head.error().code, QStringLiteral("NotFound"));
        }
        // The originals are untouched.
        for (const QString &photo : photos)
            QCOMPARE(readAll(m_dir.filePath(QStringLiteral("happy-in/") + photo)),
                     readAll(dataPath(photo)));
        // Content-addressed inputs: the twin shares the first photo's key.
        const auto hash = fileContentHash(dataPath(photos.first()));
        QVERIFY(hash);
        QVERIFY(clients.storage->head(kBucket, QStringLiteral("pixqueue/inputs/") +
                                                   hash->section(':', 1) + QStringLiteral(".jpg")));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("happy-out/twin.jpg"))));
    }

    // A duplicate answer (a request delivered twice) changes nothing.
    void duplicateAnswersIgnored()
    {
        const OffloadClients clients = clientsFor(m_server.endpoint());
        const Queues q = makeQueues(*clients.queue, QStringLiteral("dup"));
        QVERIFY(q.ok());
        auto store = openStore(QStringLiteral("dup"));
        const Recipe recipe = recipeFromSpecs({QStringLiteral("thumbnail:size=96")});
        enqueue(*store, QStringLiteral("dup"), {QStringLiteral("face_filippo_giunchedi.jpg")},
                recipe);
        OffloadBridge bridge(bridgeConfig(*store, clients, q));
        RemoteWorker worker(workerConfig(clients, q, m_server.endpoint()));
        bridge.start();
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(store->counts().value(JobState::Done) == 1, 30000);
        worker.stop();
        worker.waitForStopped();
        const JobRecord done = store->list().first();
        const QByteArray output = readAll(done.outputPath);
        const qint64 revision = store->latestRevision();

        OffloadResponse again;
        again.jobId = done.id;
        again.attempt = 1;
        again.originId = bridge.originId();
        again.status = OffloadResponse::Status::Done;
        again.workerName = QStringLiteral("echo");
        QVERIFY(clients.queue->send(q.responses, {QString::fromUtf8(again.toJsonBytes()), 0, {}}));
        // A failure answer for the same job after it is done is ignored too.
        again.status = OffloadResponse::Status::Failed;
        again.errorMessage = QStringLiteral("late failure");
        QVERIFY(clients.queue->send(q.responses, {QString::fromUtf8(again.toJsonBytes()), 0, {}}));
        QTRY_COMPARE_WITH_TIMEOUT(bridge.duplicateCount(), 2, 20000);
        bridge.stop();
        bridge.waitForStopped();
        QCOMPARE(store->job(done.id)->state, JobState::Done);
        QCOMPARE(store->latestRevision(), revision);
        QCOMPARE(readAll(done.outputPath), output);
        QCOMPARE(bridge.completedCount(), 1);
    }

    // An unreadable image and a recipe that fails permanently: the worker answers `failed`, the
    // local job shows the worker's reason, and the other jobs complete.
    void remoteFailuresShowTheReason()
    {
        const OffloadClients clients = clientsFor(m_server.endpoint());
        const Queues q = makeQueues(*clients.queue, QStringLiteral("fail"));
        QVERIFY(q.ok());
        auto store = openStore(QStringLiteral("fail"));
        const QString in = m_dir.filePath(QStringLiteral("fail-in"));
        QDir().mkpath(in);
        const QByteArray photo = readAll(dataPath(QStringLiteral("face_filippo_giunchedi.jpg")));
        QFile broken(in + QStringLiteral("/broken.jpg"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(photo.left(300)); // a header and nothing else
        broken.close();
        const Recipe thumb = recipeFromSpecs({QStringLiteral("thumbnail:size=96")});
        const qint64 batch = enqueue(*store, QStringLiteral("fail"),
                                     {QStringLiteral("gray_cameraman_cc0.png")}, thumb);
        EnqueueRequest bad;
        bad.inputs << EnqueueInput{broken.fileName(), {}};
        bad.recipes << thumb;
        bad.outputDir = m_dir.filePath(QStringLiteral("fail-out"));
        bad.offload = true;
        EnqueueResult r;
        QVERIFY(!store->enqueue(bad, &r));
        const qint64 brokenJob = store->list(std::nullopt, r.batchId).first().id;
        EnqueueRequest poison = bad;
        poison.inputs = {
            EnqueueInput{m_dir.filePath(QStringLiteral("fail-in/gray_cameraman_cc0.png")), {}}};
        poison.recipes = {recipeFromSpecs({QStringLiteral("debug-fail:kind=permanent")})};
        QVERIFY(!store->enqueue(poison, &r));
        const qint64 poisonJob = store->list(std::nullopt, r.batchId).first().id;

        OffloadBridge bridge(bridgeConfig(*store, clients, q));
        RemoteWorker worker(workerConfig(clients, q, m_server.endpoint()));
        bridge.start();
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(store->counts().value(JobState::Failed) == 2 &&
                                     store->counts().value(JobState::Done) == 1,
                                 30000);
        const JobRecord brokenRecord = *store->job(brokenJob);
        QVERIFY2(brokenRecord.errorMessage.contains(QStringLiteral("test-worker")),
                 qPrintable(brokenRecord.errorMessage));
        QVERIFY2(brokenRecord.errorMessage.contains(QStringLiteral("broken.jpg")) ||
                     brokenRecord.errorMessage.contains(QStringLiteral("input")),
                 qPrintable(brokenRecord.errorMessage));
        QCOMPARE(brokenRecord.errorKind, QStringLiteral("permanent"));
        QVERIFY2(
            store->job(poisonJob)->errorMessage.contains(QStringLiteral("simulated permanent")),
            qPrintable(store->job(poisonJob)->errorMessage));
        QVERIFY(allFinished(*store, batch));
        QCOMPARE(store->job(store->list(std::nullopt, batch).first().id)->state, JobState::Done);
    }

    // A request no worker can finish (every attempt fails transiently) is moved to the
    // dead-letter queue by the redrive policy; the bridge reads it there and fails the job with
    // the last error the workers reported.
    void deadLetteredRequestFailsTheJob()
    {
        const OffloadClients clients = clientsFor(m_server.endpoint());
        const Queues q = makeQueues(*clients.queue, QStringLiteral("dlq"), 1, 2);
        QVERIFY(q.ok());
        auto store = openStore(QStringLiteral("dlq"));
        enqueue(*store, QStringLiteral("dlq"), {QStringLiteral("gray_cameraman_cc0.png")},
                recipeFromSpecs({QStringLiteral("debug-fail:kind=transient")}));
        OffloadBridge bridge(bridgeConfig(*store, clients, q));
        RemoteWorker worker(workerConfig(clients, q, m_server.endpoint(), 1));
        bridge.start();
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(store->counts().value(JobState::Failed) == 1, 40000);
        worker.stop();
        bridge.stop();
        const JobRecord job = store->list().first();
        QVERIFY2(job.errorMessage.contains(QStringLiteral("dead-letter")),
                 qPrintable(job.errorMessage));
        QVERIFY2(job.errorMessage.contains(QStringLiteral("simulated transient failure")),
                 qPrintable(job.errorMessage));
        QVERIFY(worker.releasedCount() >= 2);
    }

    // No worker answers: the job fails when its deadline passes.
    void unansweredJobFailsAtItsDeadline()
    {
        const OffloadClients clients = clientsFor(m_server.endpoint());
        const Queues q = makeQueues(*clients.queue, QStringLiteral("late"));
        QVERIFY(q.ok());
        auto store = openStore(QStringLiteral("late"));
        enqueue(*store, QStringLiteral("late"), {QStringLiteral("gray_cameraman_cc0.png")},
                recipeFromSpecs({QStringLiteral("thumbnail:size=64")}));
        OffloadBridgeConfig config = bridgeConfig(*store, clients, q);
        config.answerTimeout = 1s;
        OffloadBridge bridge(config);
        bridge.start();
        QTRY_COMPARE_WITH_TIMEOUT(store->counts().value(JobState::Offloaded), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(store->counts().value(JobState::Failed), 1, 10000);
        QVERIFY2(store->list().first().errorMessage.contains(QStringLiteral("no answer")),
                 qPrintable(store->list().first().errorMessage));
    }

    // The queue server is down while jobs are sent: they stay queued without using up attempts,
    // retry with backoff, and complete once the server is back. Then the bridge is stopped with
    // jobs offloaded and a new one (a restart) collects their answers.
    void serverDownThenBackAndRestart()
    {
        const QUrl endpoint = closedLocalEndpoint(); // the server starts there later
        QVERIFY(endpoint.isValid());
        const int port = endpoint.port();
        OffloadClients clients = clientsFor(endpoint);
        auto store = openStore(QStringLiteral("down"));
        const Recipe recipe = recipeFromSpecs({QStringLiteral("thumbnail:size=128")});
        const QStringList photos{QStringLiteral("face_filippo_giunchedi.jpg"),
                                 QStringLiteral("gray_cameraman_cc0.png"),
                                 QStringLiteral("teeth_katherine_maher.jpg")};
        enqueue(*store, QStringLiteral("down"), photos, recipe);
        // The queue URLs fauxqs will give these queues (checked below once it runs).
        const QString base =
            QStringLiteral("http://sqs.us-east-1.localhost:%1/000000000000/down").arg(port);
        Queues q{base + "-requests", base + "-responses", base + "-dlq"};
        {
            OffloadBridge bridge(bridgeConfig(*store, clients, q));
            QSignalSpy problems(&bridge, &OffloadBridge::connectionProblem);
            bridge.start();
            QTRY_VERIFY_WITH_TIMEOUT(bridge.postponedCount() >= 2, 20000);
            bridge.stop();
            bridge.waitForStopped();
            QVERIFY(problems.count() >= 2);
            for (const JobRecord &job : store->list()) {
                QCOMPARE(job.state, JobState::Queued);
                QCOMPARE(job.attempts, 0); // a dead network uses up no attempt
                if (!job.errorMessage.isEmpty())
                    QVERIFY2(job.errorMessage.contains(QStringLiteral("waiting for the offload")),
                             qPrintable(job.errorMessage));
            }
        }

        // The server comes back on the same port, queues and bucket are set up again.
        pq::test::RemoteTestServer server(QStringLiteral("fauxqs-server.mjs"),
                                          QStringLiteral("fauxqs"));
        QString why;
        QCOMPARE(server.start(&why, port), pq::test::RemoteTestServer::Start::Ready);
        QVERIFY(!clients.storage->createBucket(kBucket));
        const Queues made = makeQueues(*clients.queue, QStringLiteral("down"));
        QVERIFY(made.ok());
        QCOMPARE(made.requests, q.requests);

        {
            OffloadBridge bridge(bridgeConfig(*store, clients, q));
            bridge.start();
            // Sent, but no worker yet.
            QTRY_VERIFY_WITH_TIMEOUT(store->counts().value(JobState::Offloaded) == 3, 30000);
            // No secret in what was sent: peek at the requests.
            auto peeked = clients.queue->receive(q.requests, {10, 1, 0});
            QVERIFY(peeked);
            QVERIFY(!peeked.value().isEmpty());
            for (const ReceivedMessage &m : peeked.value())
                QVERIFY(!m.body.contains(kSecret));
            bridge.stop();
            bridge.waitForStopped();
        }
        // The desktop was closed; the workers answer meanwhile; a new session collects.
        RemoteWorker worker(workerConfig(clients, q, endpoint));
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(worker.processedCount(), 3, 30000);
        store.reset();
        store = openStore(QStringLiteral("down"));
        QCOMPARE(store->counts().value(JobState::Offloaded), 3);
        OffloadBridge bridge(bridgeConfig(*store, clients, q));
        bridge.start();
        QTRY_COMPARE_WITH_TIMEOUT(store->counts().value(JobState::Done), 3, 30000);
        for (const JobRecord &job : store->list())
            QCOMPARE(readAll(job.outputPath), localOutput(job.inputPath, recipe.toJsonBytes(),
                                                          QFileInfo(job.outputPath).suffix()));
        // The database never held the secret.
        bridge.stop();
        bridge.waitForStopped();
        worker.stop();
        worker.waitForStopped();
        const QString dbPath = store->path();
        store.reset();
        for (const QString &file : {dbPath, dbPath + "-wal"})
            QVERIFY(!readAll(file).contains(kSecret.toUtf8()));
    }

    // Test connection: every step passes against the real server; a wrong bucket is named.
    void probeReportsEachStep()
    {
        const OffloadClients clients = clientsFor(m_server.endpoint());
        const Queues q = makeQueues(*clients.queue, QStringLiteral("probe"));
        QVERIFY(q.ok());
        OffloadSettings settings;
        settings.endpoint = m_server.endpoint();
        settings.region = QStringLiteral("us-east-1");
        settings.requestQueue = QStringLiteral("probe-requests");
        settings.responseQueue = q.responses;
        settings.deadLetterQueue = QStringLiteral("probe-dlq");
        settings.bucket = kBucket;
        QVERIFY(!settings.validate());
        const ProbeReport good = probeOffload(settings, {kAccessKey, kSecret, {}});
        QVERIFY2(good.ok, qPrintable(good.failure));
        QCOMPARE(good.steps.size(), 5);

        settings.bucket = QStringLiteral("no-such-bucket-here");
        const ProbeReport bad = probeOffload(settings, {kAccessKey, kSecret, {}});
        QVERIFY(!bad.ok);
        QVERIFY2(bad.failure.contains(QStringLiteral("no-such-bucket-here")),
                 qPrintable(bad.failure));

        settings.requestQueue = QStringLiteral("probe-nothing");
        const ProbeReport missing = probeOffload(settings, {kAccessKey, kSecret, {}});
        QVERIFY(!missing.ok);
        QVERIFY2(missing.failure.contains(QStringLiteral("probe-nothing")),
                 qPrintable(missing.failure));

        // Settings problems are caught before any connection.
        settings.endpoint = QUrl(QStringLiteral("http://queue.example.com"));
        QVERIFY(settings.validate());
        QVERIFY(settings.validate()->contains(QStringLiteral("https")));
        const ProbeReport insecure = probeOffload(settings, {kAccessKey, kSecret, {}});
        QVERIFY(!insecure.ok);
        QVERIFY(!probeOffload(OffloadSettings{}, {kAccessKey, kSecret, {}}).ok);
    }
};

QTEST_GUILESS_MAIN(TestOffloadBridge)
#include "test_offload_bridge.moc"
