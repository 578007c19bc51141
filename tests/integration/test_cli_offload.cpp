// Cloud offload end to end with the real programs: `pixqueue-cli add --offload`, two
// `pixqueue-cli worker` processes and `pixqueue-cli run --offload --until-idle`, against fauxqs
// (SQS + S3, npm) on 127.0.0.1. Results must be byte-identical to the same recipe run locally;
// a worker killed with SIGKILL mid-job must not lose or duplicate the job; a poison request must
// end in the dead-letter queue and fail its job with the reason; and the secret must appear
// nowhere: not in the database, the settings, the programs' output or the messages.
#include "../core/RemoteTestServer.h"
#include "CliHarness.h"
#include "remote/OffloadSettings.h"
#include "remote/SqsQueue.h"

#include <QDirIterator>
#include <QSettings>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace pq;
using namespace pq::remote;
using namespace pqtest;

namespace {

const QString kAccessKey = QStringLiteral("AKIDOFFLOADCLI");
const QString kSecret = QStringLiteral("offload-cli-secret/0a9f8e7d6c5b4a39+Zz");
const QString kBucket = QStringLiteral("pixqueue-cli-offload");

// The recipe of the end-to-end test, as `--op` flags.
const QStringList kRecipe{
    QStringLiteral("--op"), QStringLiteral("resize:width=640"),
    QStringLiteral("--op"), QStringLiteral("sharpen:amount=0.5"),
    QStringLiteral("--op"), QStringLiteral("format:type=jpeg,quality=85,metadata=strip")};

} // namespace

class TestCliOffload : public QObject
{
    Q_OBJECT
private:
    pq::test::RemoteTestServer m_server{QStringLiteral("fauxqs-server.mjs"),
                                        QStringLiteral("fauxqs")};
    std::unique_ptr<SqsQueue> m_sqs;
    CliHarness m_cli;
    QList<QByteArray> m_allOutput; // every process's stdout and stderr, for the secret search

    using Queues = pq::test::TestQueues;
    Queues makeQueues(const QString &name, int visibilitySeconds, int maxReceiveCount)
    {
        return pq::test::makeTestQueues(*m_sqs, name, visibilitySeconds, maxReceiveCount);
    }

    QStringList connection(const QString &name) const
    {
        return {QStringLiteral("--provider"),       QStringLiteral("sqs"),
                QStringLiteral("--endpoint"),       m_server.endpoint().toString(),
                QStringLiteral("--region"),         QStringLiteral("us-east-1"),
                QStringLiteral("--request-queue"),  name + QStringLiteral("-requests"),
                QStringLiteral("--response-queue"), name + QStringLiteral("-responses")};
    }

    QStringList producerFlags(const QString &name) const
    {
        return connection(name) + QStringList{QStringLiteral("--dead-letter-queue"),
                                              name + QStringLiteral("-dlq"),
                                              QStringLiteral("--bucket"), kBucket};
    }

    CliRun run(const QStringList &args, int timeoutMs = 120000)
    {
        CliRun r = m_cli.run(args, timeoutMs);
        m_allOutput << r.out << r.err;
        return r;
    }

    CliRun finish(QProcess &p, int timeoutMs = 120000)
    {
        QElapsedTimer t;
        t.start();
        CliRun r = CliHarness::finish(p, t, timeoutMs);
        m_allOutput << r.out << r.err;
        return r;
    }

    // Waits until `predicate` holds or `ms` passed, keeping the event loop alive.
    static bool waitFor(const std::function<bool()> &predicate, int ms)
    {
        QElapsedTimer clock;
        clock.start();
        while (!predicate()) {
            if (clock.elapsed() > ms)
                return false;
            QTest::qWait(100);
        }
        return true;
    }

    static QString stateOf(const QString &db, qint64 id)
    {
        return sqlValue(db, QStringLiteral("SELECT state FROM jobs WHERE id = %1").arg(id))
            .toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_cli.isValid());
        PQ_START_TEST_SERVER(m_server);
        SqsConfig sqs;
        sqs.endpoint = m_server.endpoint();
        sqs.region = QStringLiteral("us-east-1");
        sqs.credentials = {kAccessKey, kSecret, {}};
        m_sqs = std::make_unique<SqsQueue>(sqs);
        ObjectStoreConfig storage;
        storage.endpoint = m_server.endpoint();
        storage.region = sqs.region;
        storage.credentials = sqs.credentials;
        const RemoteStatus created = ObjectStore(storage).createBucket(kBucket);
        QVERIFY2(!created, created ? qPrintable(created->message) : "");
        m_cli.setEnv(QStringLiteral("AWS_ACCESS_KEY_ID"), kAccessKey);
        m_cli.setEnv(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kSecret);
    }

    void usageErrors()
    {
        // run --offload without settings or flags: what is missing is named; nothing ran.
        CliRun r = run({QStringLiteral("--db"), m_cli.path(QStringLiteral("usage.sqlite")),
                        QStringLiteral("run"), QStringLiteral("--offload")});
        QVERIFY2(r.exitedNormallyWith(2), r.describe().constData());
        QVERIFY2(r.err.contains("region"), r.err.constData());
        QVERIFY(!QFile::exists(m_cli.path(QStringLiteral("usage.sqlite"))));
        // Plain http to another host is refused.
        QStringList flags = producerFlags(QStringLiteral("x"));
        flags[3] = QStringLiteral("http://queue.example.com");
        r = run(QStringList{QStringLiteral("run"), QStringLiteral("--offload")} + flags);
        QVERIFY2(r.exitedNormallyWith(2), r.describe().constData());
        QVERIFY2(r.err.contains("https"), r.err.constData());
        // `process` does not offload (it would wait for nothing).
        r = run({QStringLiteral("process"), QStringLiteral("--offload"), QStringLiteral("--op"),
                 QStringLiteral("thumbnail:size=64"), QStringLiteral("--out"),
                 m_cli.path(QStringLiteral("o")),
                 testDataPath(QStringLiteral("gray_cameraman_cc0.png"))});
        QVERIFY2(r.exitedNormallyWith(2), r.describe().constData());
    }

    // setup-offload creates the queues and the bucket; test-offload then passes every step,
    // and names the failing one when the bucket is wrong.
    void setupAndTestConnection()
    {
        CliRun r = run(QStringList{QStringLiteral("setup-offload")} +
                       producerFlags(QStringLiteral("setup")) +
                       QStringList{QStringLiteral("--visibility-timeout"), QStringLiteral("60"),
                                   QStringLiteral("--max-receives"), QStringLiteral("4")});
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        QVERIFY2(r.out.contains("after 4 receives"), r.out.constData());
        QVERIFY(m_sqs->queueRef(QStringLiteral("setup-requests")).ok());
        QVERIFY(m_sqs->queueRef(QStringLiteral("setup-responses")).ok());
        QVERIFY(m_sqs->queueRef(QStringLiteral("setup-dlq")).ok());
        r = run(QStringList{QStringLiteral("test-offload")} +
                producerFlags(QStringLiteral("setup")));
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        QCOMPARE(r.out.count("\xE2\x9C\x93"), 5); // five passed steps
#ifdef PIXQUEUE_CLI_TRANSLATED
        // The steps are the core's messages: in German with --lang de (plural forms included).
        r = run(QStringList{QStringLiteral("--lang"), QStringLiteral("de"),
                            QStringLiteral("test-offload")} +
                producerFlags(QStringLiteral("setup")));
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        const QString german = QString::fromUtf8(r.out);
        for (const char *text : {"Anfrage-Warteschlange setup-requests erreichbar (0 Nachrichten "
                                 "warten)",
                                 "Antwort-Warteschlange setup-responses erreichbar"})
            QVERIFY2(german.contains(QString::fromUtf8(text)), qPrintable(german));
        QVERIFY2(!german.contains(QStringLiteral("reachable")), qPrintable(german));
#endif
        QStringList wrong = producerFlags(QStringLiteral("setup"));
        wrong.last() = QStringLiteral("no-such-bucket");
        r = run(QStringList{QStringLiteral("test-offload")} + wrong);
        QVERIFY2(r.exitedNormallyWith(1), r.describe().constData());
        QVERIFY2(r.out.contains("no-such-bucket"), r.out.constData());
    }

    // 20 real photos through two worker processes, results byte-identical to local processing.
    // The producer's connection comes from the saved settings (as the window saves them).
    void twentyPhotosThroughTwoWorkers()
    {
        const Queues q = makeQueues(QStringLiteral("e2e"), 30, 3);
        QVERIFY(!q.requests.isEmpty());
        // 12 photos from tests/data and 8 variants of them (flipped, so the content differs).
        const QString in = m_cli.path(QStringLiteral("e2e-in"));
        QDir().mkpath(in);
        const QStringList photos{QStringLiteral("face_filippo_giunchedi.jpg"),
                                 QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"),
                                 QStringLiteral("face_guido_van_rossum_glasses.jpg"),
                                 QStringLiteral("faces_flash_bar_couple.jpg"),
                                 QStringLiteral("gray_cameraman_cc0.png"),
                                 QStringLiteral("gray_old_frederick_douglass_c1879.jpg"),
                                 QStringLiteral("lowcontrast_darkest_hour_lake.jpg"),
                                 QStringLiteral("redeye_boldredeye.png"),
                                 QStringLiteral("teeth_astronaut_eileen_collins.png"),
                                 QStringLiteral("teeth_katherine_maher.jpg"),
                                 QStringLiteral("teeth_three_men_smiling.jpg"),
                                 QStringLiteral("large_cc0_dandelions_5312x2988.jpg")};
        for (const QString &p : photos)
            QVERIFY(copyFile(testDataPath(p), in + '/' + p));
        for (int i = 0; i < 8; ++i) {
            const cv::Mat image = cv::imread(testDataPath(photos.at(i)).toStdString());
            QVERIFY(!image.empty());
            cv::Mat flipped;
            cv::flip(image, flipped, i % 2 ? 0 : 1);
            QVERIFY(cv::imwrite(QStringLiteral("%1/variant-%2.jpg").arg(in).arg(i).toStdString(),
                                flipped));
        }
        QCOMPARE(filesBelow(in).size(), 20);

        // The settings the window would have saved (no credentials in them).
        {
            QSettings settings(m_cli.path(QStringLiteral("home/.config/PixQueue/PixQueue.conf")),
                               QSettings::IniFormat);
            OffloadSettings o;
            o.endpoint = m_server.endpoint();
            o.region = QStringLiteral("us-east-1");
            o.requestQueue = QStringLiteral("e2e-requests");
            o.responseQueue = QStringLiteral("e2e-responses");
            o.deadLetterQueue = QStringLiteral("e2e-dlq");
            o.bucket = kBucket;
            o.save(settings);
        }

        const QString db = m_cli.path(QStringLiteral("e2e.sqlite"));
        const QString out = m_cli.path(QStringLiteral("e2e-out"));
        CliRun r = run(QStringList{QStringLiteral("--db"), db, QStringLiteral("add"),
                                   QStringLiteral("--offload"), QStringLiteral("--out"), out} +
                       kRecipe + QStringList{in});
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        // A local `run` leaves offload batches alone and is idle at once.
        r = run(
            {QStringLiteral("--db"), db, QStringLiteral("run"), QStringLiteral("--until-idle")});
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        QCOMPARE(sqlValue(db, QStringLiteral("SELECT count(*) FROM jobs WHERE state = 'queued'"))
                     .toInt(),
                 20);

        auto workerA =
            m_cli.start(QStringList{QStringLiteral("worker")} + connection(QStringLiteral("e2e")) +
                        QStringList{QStringLiteral("--until-idle"), QStringLiteral("6")});
        auto workerB =
            m_cli.start(QStringList{QStringLiteral("worker")} + connection(QStringLiteral("e2e")) +
                        QStringList{QStringLiteral("--until-idle"), QStringLiteral("6")});
        r = run({QStringLiteral("--db"), db, QStringLiteral("run"), QStringLiteral("--offload"),
                 QStringLiteral("--until-idle")},
                300000);
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        const CliRun a = finish(*workerA), b = finish(*workerB);
        QVERIFY2(a.exitedNormallyWith(0), a.describe().constData());
        QVERIFY2(b.exitedNormallyWith(0), b.describe().constData());
        // Both workers took part.
        QVERIFY2(a.out.count("done") >= 1 && b.out.count("done") >= 1,
                 (a.out + "\n---\n" + b.out).constData());
        QCOMPARE(a.out.count(" done (") + b.out.count(" done ("), 20);

        QCOMPARE(
            sqlValue(db, QStringLiteral("SELECT count(*) FROM jobs WHERE state = 'done'")).toInt(),
            20);
        QCOMPARE(sqlValue(db, QStringLiteral("SELECT max(attempts) FROM jobs")).toInt(), 1);

        // The same recipe, locally.
        const QString localDb = m_cli.path(QStringLiteral("local.sqlite"));
        const QString localOut = m_cli.path(QStringLiteral("local-out"));
        r = run(QStringList{QStringLiteral("--db"), localDb, QStringLiteral("process"),
                            QStringLiteral("--out"), localOut} +
                kRecipe + QStringList{in});
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        const QStringList remoteFiles = filesBelow(out);
        QCOMPARE(remoteFiles.size(), 20);
        for (const QString &name : remoteFiles) {
            const QByteArray remote = readAll(out + '/' + name);
            QVERIFY2(remote.size() > 1000, qPrintable(name));
            QVERIFY2(remote == readAll(localOut + '/' + name), qPrintable(name));
        }
        // The inputs are untouched.
        for (const QString &p : photos)
            QCOMPARE(sha256(in + '/' + p), sha256(testDataPath(p)));
        // Nothing left in the queues.
        QCOMPARE(m_sqs->approximateDepth(q.requests).value(), 0);
        QCOMPARE(m_sqs->approximateDepth(q.dead).value(), 0);
    }

    // SIGKILL in the middle of a job: the request reappears after its visibility timeout,
    // another worker finishes it, and the local job completes exactly once.
    void killedWorkerJobCompletesOnce()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGKILL is POSIX");
#else
        const Queues q = makeQueues(QStringLiteral("kill"), 5, 5);
        QVERIFY(!q.requests.isEmpty());
        const QString db = m_cli.path(QStringLiteral("kill.sqlite"));
        CliRun r =
            run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--offload"),
                 QStringLiteral("--op"), QStringLiteral("debug-sleep:ms=4000"),
                 QStringLiteral("--op"), QStringLiteral("thumbnail:size=128"),
                 QStringLiteral("--out"), m_cli.path(QStringLiteral("kill-out")),
                 testDataPath(QStringLiteral("teeth_katherine_maher.jpg"))});
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        auto producer =
            m_cli.start(QStringList{QStringLiteral("--db"), db, QStringLiteral("run"),
                                    QStringLiteral("--offload"), QStringLiteral("--until-idle")} +
                        producerFlags(QStringLiteral("kill")));
        QVERIFY(waitFor([&] { return stateOf(db, 1) == QLatin1String("offloaded"); }, 30000));

        auto first =
            m_cli.start(QStringList{QStringLiteral("worker")} + connection(QStringLiteral("kill")) +
                        QStringList{QStringLiteral("--visibility-timeout"), QStringLiteral("5")});
        // The first worker holds the request.
        QVERIFY(waitFor(
            [&] {
                auto depth = m_sqs->approximateDepth(q.requests);
                return depth.ok() && depth.value() == 0;
            },
            20000));
        QTest::qWait(1500); // mid-job
        first->kill();
        const CliRun killed = finish(*first);
        QCOMPARE(killed.exitStatus, QProcess::CrashExit);
        QCOMPARE(stateOf(db, 1), QStringLiteral("offloaded"));

        auto second =
            m_cli.start(QStringList{QStringLiteral("worker")} + connection(QStringLiteral("kill")) +
                        QStringList{QStringLiteral("--until-idle"), QStringLiteral("8")});
        const CliRun producerRun = finish(*producer, 120000);
        QVERIFY2(producerRun.exitedNormallyWith(0), producerRun.describe().constData());
        const CliRun secondRun = finish(*second);
        QVERIFY2(secondRun.exitedNormallyWith(0), secondRun.describe().constData());
        QCOMPARE(secondRun.out.count(" done ("), 1);
        QCOMPARE(stateOf(db, 1), QStringLiteral("done"));
        QCOMPARE(sqlValue(db, QStringLiteral("SELECT attempts FROM jobs WHERE id = 1")).toInt(), 1);
        QCOMPARE(filesBelow(m_cli.path(QStringLiteral("kill-out"))).size(), 1);
        QCOMPARE(
            maxSide(decode(m_cli.path(QStringLiteral("kill-out/") +
                                      filesBelow(m_cli.path(QStringLiteral("kill-out"))).first()))),
            128);
        QCOMPARE(m_sqs->approximateDepth(q.dead).value(), 0);
#endif
    }

    // A request no worker can finish moves to the dead-letter queue through the redrive policy
    // and its job fails with the reason; an unreadable image fails with the decoder's reason;
    // the good job of the same batch completes. Exit code 1: some jobs failed.
    void poisonEndsInDeadLetterQueue()
    {
        const Queues q = makeQueues(QStringLiteral("poison"), 5, 2);
        QVERIFY(!q.requests.isEmpty());
        const QString db = m_cli.path(QStringLiteral("poison.sqlite"));
        const QString in = m_cli.path(QStringLiteral("poison-in"));
        QDir().mkpath(in);
        QVERIFY(writeFile(
            in + QStringLiteral("/truncated.jpg"),
            readAll(testDataPath(QStringLiteral("face_filippo_giunchedi.jpg"))).left(2000)));
        QVERIFY(copyFile(testDataPath(QStringLiteral("gray_cameraman_cc0.png")),
                         in + QStringLiteral("/good.png")));
        CliRun r =
            run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--offload"),
                 QStringLiteral("--op"), QStringLiteral("thumbnail:size=100"),
                 QStringLiteral("--out"), m_cli.path(QStringLiteral("poison-out")), in});
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        r = run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--offload"),
                 QStringLiteral("--op"), QStringLiteral("debug-fail:kind=transient"),
                 QStringLiteral("--out"), m_cli.path(QStringLiteral("poison-out2")),
                 in + QStringLiteral("/good.png")});
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());

        auto worker = m_cli.start(
            QStringList{QStringLiteral("worker")} + connection(QStringLiteral("poison")) +
            QStringList{QStringLiteral("--visibility-timeout"), QStringLiteral("5"),
                        QStringLiteral("--until-idle"), QStringLiteral("30")});
        r = run(QStringList{QStringLiteral("--db"), db, QStringLiteral("run"),
                            QStringLiteral("--offload"), QStringLiteral("--until-idle")} +
                    producerFlags(QStringLiteral("poison")),
                180000);
        QVERIFY2(r.exitedNormallyWith(1), r.describe().constData());
        worker->terminate(); // SIGTERM: a graceful stop
        const CliRun w = finish(*worker);
        QVERIFY2(w.exitedNormallyWith(0), w.describe().constData());

        const QJsonArray jobs = m_cli.list(db);
        QCOMPARE(jobs.size(), 3);
        const QJsonObject good = jobForInput(jobs, QStringLiteral("good.png"));
        QCOMPARE(good.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        const QJsonObject truncated = jobForInput(jobs, QStringLiteral("truncated.jpg"));
        QCOMPARE(truncated.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        const QString truncatedError = truncated.value(QStringLiteral("error")).toString();
        QVERIFY2(truncatedError.contains(QStringLiteral("remote worker")),
                 qPrintable(truncatedError));
        const QJsonObject poisoned = jobs.at(2).toObject();
        QCOMPARE(poisoned.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        const QString poisonError = poisoned.value(QStringLiteral("error")).toString();
        QVERIFY2(poisonError.contains(QStringLiteral("dead-letter queue")),
                 qPrintable(poisonError));
        QVERIFY2(poisonError.contains(QStringLiteral("simulated transient failure")),
                 qPrintable(poisonError));
        QVERIFY2(r.err.contains("dead-letter"), r.err.constData());
    }

    // The secret is nowhere but in the environment: not in any database, settings or other file
    // the programs wrote, not in their output, not in the messages still in the queues.
    void secretAppearsNowhere()
    {
        const QByteArray secret = kSecret.toUtf8();
        QDirIterator it(m_cli.root(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString file = it.next();
            ++files;
            QVERIFY2(!readAll(file).contains(secret), qPrintable(file));
        }
        QVERIFY(files > 40); // databases, settings, outputs were searched
        QVERIFY(QFile::exists(m_cli.path(QStringLiteral("home/.config/PixQueue/PixQueue.conf"))));
        QVERIFY(m_allOutput.size() > 10);
        for (const QByteArray &output : std::as_const(m_allOutput))
            QVERIFY(!output.contains(secret));
        // Messages: send one more offload and read the request raw before any worker does.
        const Queues q = makeQueues(QStringLiteral("peek"), 30, 3);
        const QString db = m_cli.path(QStringLiteral("peek.sqlite"));
        CliRun r =
            run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--offload"),
                 QStringLiteral("--op"), QStringLiteral("thumbnail:size=64"),
                 QStringLiteral("--out"), m_cli.path(QStringLiteral("peek-out")),
                 testDataPath(QStringLiteral("gray_cameraman_cc0.png"))});
        QVERIFY2(r.exitedNormallyWith(0), r.describe().constData());
        auto producer = m_cli.start(QStringList{QStringLiteral("--db"), db, QStringLiteral("run"),
                                                QStringLiteral("--offload")} +
                                    producerFlags(QStringLiteral("peek")));
        QVERIFY(waitFor([&] { return stateOf(db, 1) == QLatin1String("offloaded"); }, 30000));
        producer->terminate();
        const CliRun stopped = finish(*producer);
        QVERIFY2(stopped.exitedNormallyWith(0), stopped.describe().constData());
        auto messages = m_sqs->receive(q.requests, {10, 2, 30});
        QVERIFY(messages.ok());
        QCOMPARE(messages.value().size(), 1);
        const QString body = messages.value().first().body;
        QVERIFY(body.contains(QStringLiteral("X-Amz-Signature")));
        QVERIFY(!body.contains(kSecret));
        QVERIFY(!stopped.out.contains(secret) && !stopped.err.contains(secret));
    }
};

QTEST_GUILESS_MAIN(TestCliOffload)
#include "test_cli_offload.moc"
