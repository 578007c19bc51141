// The real `pixqueue-cli worker` (PIXQUEUE_CLI) against fauxqs (npm) on 127.0.0.1: requests built
// as the desktop builds them, outputs compared with a local run, and a worker killed with SIGKILL
// in the middle of a job whose message another worker then finishes.
#include "../core/OffloadTestUtil.h"
#include "../core/RemoteTestServer.h"
#include "jobs/JobRunner.h"
#include "remote/ObjectStore.h"
#include "remote/OffloadMessages.h"
#include "remote/SqsQueue.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>
#include <memory>

using namespace pq;
using namespace pq::remote;
using namespace pq::test;

namespace {

const QString kAccessKey = QStringLiteral("AKIDWORKERTEST");
const QString kSecret = QStringLiteral("worker-test-secret-6f3a9c1e7b");
const QString kBucket = QStringLiteral("pixqueue-cli-worker");

} // namespace

class TestCliWorker : public QObject
{
    Q_OBJECT
private:
    pq::test::RemoteTestServer m_server{QStringLiteral("fauxqs-server.mjs"),
                                        QStringLiteral("fauxqs")};
    std::unique_ptr<SqsQueue> m_sqs;
    std::unique_ptr<ObjectStore> m_store;
    QTemporaryDir m_home;

    using Queues = pq::test::TestQueues;
    Queues makeQueues(const QString &name, int visibilitySeconds)
    {
        return pq::test::makeTestQueues(*m_sqs, name, visibilitySeconds, 2);
    }

    OffloadRequest request(qint64 jobId, const QString &inputKey, const QByteArray &recipeJson)
    {
        Recipe recipe;
        Recipe::fromJsonBytes(recipeJson, &recipe);
        OffloadRequest r;
        r.jobId = jobId;
        r.originId = QStringLiteral("cli-test");
        r.recipeJson = recipeJson;
        r.inputUrl = m_store->presignedGet(kBucket, inputKey, 3600);
        r.outputUrl = m_store->presignedPut(kBucket, QStringLiteral("out/%1").arg(jobId), 3600);
        r.outputSuffix = recipe.outputSuffix(QFileInfo(inputKey).suffix());
        r.outputContentType = r.outputSuffix == QLatin1String("jpg")
                                  ? QStringLiteral("image/jpeg")
                                  : QStringLiteral("image/") + r.outputSuffix;
        return r;
    }

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
                if (!parseOffloadResponse(m.body.toUtf8(), &response))
                    responses.append(response);
                m_sqs->deleteMessage(queue, m.receiptHandle);
            }
        }
        return responses;
    }

    // A worker process on the queues `requests` and `responses` (names or URLs).
    std::unique_ptr<QProcess> startWorker(const QString &requests, const QString &responses,
                                          const QStringList &extra)
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), kAccessKey);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kSecret);
        env.insert(QStringLiteral("PIXQUEUE_ENABLE_TEST_OPS"), QStringLiteral("1"));
        process->setProcessEnvironment(env);
        QStringList args{QStringLiteral("worker"),
                         QStringLiteral("--provider"),
                         QStringLiteral("sqs"),
                         QStringLiteral("--endpoint"),
                         m_server.endpoint().toString(),
                         QStringLiteral("--region"),
                         QStringLiteral("us-east-1"),
                         QStringLiteral("--request-queue"),
                         requests,
                         QStringLiteral("--response-queue"),
                         responses};
        process->start(QStringLiteral(PIXQUEUE_CLI), args + extra);
        return process;
    }

private slots:
    void initTestCase()
    {
        PQ_START_TEST_SERVER(m_server);
        QVERIFY(m_home.isValid());
        SqsConfig sqs;
        sqs.endpoint = m_server.endpoint();
        sqs.region = QStringLiteral("us-east-1");
        sqs.credentials = {kAccessKey, kSecret, {}};
        m_sqs = std::make_unique<SqsQueue>(sqs);
        ObjectStoreConfig store;
        store.endpoint = m_server.endpoint();
        store.region = sqs.region;
        store.credentials = sqs.credentials;
        m_store = std::make_unique<ObjectStore>(store);
        const RemoteStatus created = m_store->createBucket(kBucket);
        QVERIFY2(!created, created ? qPrintable(created->message) : "");
    }

    void usageErrors()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
        env.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(PIXQUEUE_CLI),
                      {QStringLiteral("worker"), QStringLiteral("--provider"),
                       QStringLiteral("sqs"), QStringLiteral("--region"),
                       QStringLiteral("us-east-1"), QStringLiteral("--request-queue"),
                       QStringLiteral("a"), QStringLiteral("--response-queue"),
                       QStringLiteral("b")});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("AWS_SECRET_ACCESS_KEY"));

        process.start(
            QStringLiteral(PIXQUEUE_CLI),
            {QStringLiteral("worker"), QStringLiteral("--provider"), QStringLiteral("kafka")});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 2);
    }

    // A few requests by queue name, two threads, --until-idle: exits 0, outputs identical to a
    // local run, no secret in the output.
    void processesRequestsUntilIdle()
    {
        const Queues q = makeQueues(QStringLiteral("cli"), 30);
        QVERIFY(!q.requests.isEmpty());
        const QStringList files{QStringLiteral("face_filippo_giunchedi.jpg"),
                                QStringLiteral("gray_cameraman_cc0.png"),
                                QStringLiteral("teeth_katherine_maher.jpg")};
        const QList<QStringList> recipes{
            {QStringLiteral("thumbnail:size=200")},
            {QStringLiteral("resize:width=256"), QStringLiteral("format:type=png")},
            {QStringLiteral("grayscale"), QStringLiteral("thumbnail:size=300"),
             QStringLiteral("format:type=webp")}};
        QHash<qint64, OffloadRequest> sent;
        QHash<qint64, QString> inputOf;
        for (int i = 0; i < files.size(); ++i) {
            const QString key = QStringLiteral("in/") + files.at(i);
            QVERIFY(!m_store->put(kBucket, key, readAll(dataPath(files.at(i)))));
            const OffloadRequest r = request(10 + i, key, recipeJsonFromSpecs(recipes.at(i)));
            QVERIFY(m_sqs->send(q.requests, {QString::fromUtf8(r.toJsonBytes()), 0, {}}).ok());
            sent.insert(r.jobId, r);
            inputOf.insert(r.jobId, files.at(i));
        }

        // Queues by name: the worker looks them up.
        auto worker = startWorker(QStringLiteral("cli-requests"), QStringLiteral("cli-responses"),
                                  {QStringLiteral("--workers"), QStringLiteral("2"),
                                   QStringLiteral("--until-idle"), QStringLiteral("3")});
        QVERIFY(worker->waitForFinished(120000));
        const QByteArray out = worker->readAllStandardOutput();
        const QByteArray errText = worker->readAllStandardError();
        QVERIFY2(worker->exitStatus() == QProcess::NormalExit && worker->exitCode() == 0,
                 errText.constData());
        QVERIFY(!out.contains(kSecret.toUtf8()) && !errText.contains(kSecret.toUtf8()));
        QVERIFY2(errText.contains("3 done, 0 failed"), errText.constData());

        const QList<OffloadResponse> responses = collect(q.responses, 3, 10000);
        QCOMPARE(responses.size(), 3);
        for (const OffloadResponse &response : responses) {
            QVERIFY2(response.status == OffloadResponse::Status::Done,
                     qPrintable(response.errorMessage));
            QVERIFY(sent.contains(response.jobId));
            const OffloadRequest &r = sent.value(response.jobId);
            auto remote = m_store->get(kBucket, QStringLiteral("out/%1").arg(response.jobId));
            QVERIFY(remote.ok());
            QVERIFY2(remote.value() == localOutput(dataPath(inputOf.value(response.jobId)),
                                                   r.recipeJson, r.outputSuffix),
                     qPrintable(inputOf.value(response.jobId)));
        }
        auto left = m_sqs->receive(q.requests, {10, 1, 5});
        QVERIFY(left.ok());
        QVERIFY(left.value().isEmpty());
    }

    // SIGKILL mid-job: no answer, the message reappears after the visibility timeout and a
    // second worker finishes it, exactly once.
    void killedWorkersMessageIsFinishedByAnother()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGKILL is POSIX");
#else
        const Queues q = makeQueues(QStringLiteral("kill"), 5);
        QVERIFY(!q.requests.isEmpty());
        const QString key = QStringLiteral("in/kill.png");
        QVERIFY(!m_store->put(kBucket, key,
                              readAll(dataPath(QStringLiteral("gray_cameraman_cc0.png")))));
        const OffloadRequest r =
            request(77, key,
                    recipeJsonFromSpecs({QStringLiteral("debug-sleep:ms=5000"),
                                         QStringLiteral("thumbnail:size=64")}));
        QVERIFY(m_sqs->send(q.requests, {QString::fromUtf8(r.toJsonBytes()), 0, {}}).ok());

        auto first = startWorker(q.requests, q.responses,
                                 {QStringLiteral("--visibility-timeout"), QStringLiteral("5")});
        QVERIFY(first->waitForStarted(10000));
        // The first worker holds the message: nothing is visible any more.
        QElapsedTimer clock;
        clock.start();
        bool taken = false;
        while (!taken && clock.elapsed() < 20000) {
            auto depth = m_sqs->approximateDepth(q.requests);
            taken = depth.ok() && depth.value() == 0;
            if (!taken)
                QThread::msleep(100);
        }
        QVERIFY(taken);
        QThread::msleep(1500); // in the middle of the 5 s job
        first->kill();         // SIGKILL
        QVERIFY(first->waitForFinished(10000));
        QCOMPARE(first->exitStatus(), QProcess::CrashExit);
        QVERIFY(collect(q.responses, 1, 500).isEmpty());

        auto second = startWorker(q.requests, q.responses,
                                  {QStringLiteral("--visibility-timeout"), QStringLiteral("30"),
                                   QStringLiteral("--until-idle"), QStringLiteral("12")});
        QVERIFY(second->waitForFinished(90000));
        const QByteArray errText = second->readAllStandardError();
        QVERIFY2(second->exitStatus() == QProcess::NormalExit && second->exitCode() == 0,
                 errText.constData());
        QVERIFY2(errText.contains("1 done, 0 failed"), errText.constData());

        const QList<OffloadResponse> responses = collect(q.responses, 2, 3000);
        QCOMPARE(responses.size(), 1); // exactly once
        QCOMPARE(responses.first().jobId, 77);
        QCOMPARE(responses.first().status, OffloadResponse::Status::Done);
        auto output = m_store->get(kBucket, QStringLiteral("out/77"));
        QVERIFY(output.ok());
        QCOMPARE(output.value(), localOutput(dataPath(QStringLiteral("gray_cameraman_cc0.png")),
                                             r.recipeJson, r.outputSuffix));
        auto dead = m_sqs->receive(q.dead, {1, 1, 5});
        QVERIFY(dead.ok());
        QVERIFY(dead.value().isEmpty());
#endif
    }
};

QTEST_GUILESS_MAIN(TestCliWorker)
#include "test_cli_worker.moc"
