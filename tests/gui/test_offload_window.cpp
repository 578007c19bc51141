// The window's part of cloud offload, driven like a user on the offscreen platform, against a real
// fauxqs (SQS + S3) on 127.0.0.1 and a real keychain (gnome-keyring unlocked in the test's private
// D-Bus session, as scripts/test.sh runs it):
// - the Offload settings page round-trips every field through QSettings;
// - offload batches wait, with a status-bar message, until offload is set up, and local workers
//   never take them;
// - the secret typed in Settings → Offload goes to the keychain and nowhere else (QSettings file,
//   job database, log);
// - Test connection shows each step, and the failing one, while the dialog stays responsive;
// - remote workers (RemoteWorker, in this process) bring the window's offload jobs to done, and a
//   remote failure shows its reason like a local one;
// - the Offload toggle is saved, and closing the window never blocks on the bridge.

#include "../core/RemoteTestServer.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "OffloadController.h"
#include "OffloadKeychain.h"
#include "QueueModel.h"
#include "RecipeEditor.h"
#include "SettingsDialog.h"
#include "jobs/JobStore.h"
#include "jobs/WorkerPool.h"
#include "remote/CredentialStore.h"
#include "remote/OffloadBridge.h"
#include "remote/OffloadSettings.h"
#include "remote/RemoteWorker.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUuid>
#include <memory>
#include <mutex>

using namespace pq;
using namespace pq::remote;
using namespace pq::ui;

namespace {

const QString kData = QStringLiteral(PIXQUEUE_TEST_DATA);
const QString kAccessKey = QStringLiteral("AKIDGUITEST");
// Distinctive, so that a search for it cannot match anything else.
const QString kSecret = QStringLiteral("gui/Secret+") + QUuid::createUuid().toString(QUuid::Id128) +
                        QStringLiteral("Z");
const QString kBucket = QStringLiteral("pixqueue-gui-test");

std::mutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const std::lock_guard lock(g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// The keychain entries the window uses, read directly (blocking is fine in a test).
CredentialStore testKeychain()
{
    return CredentialStore(offloadCredentialService());
}

QString dataFile(const char *name)
{
    return kData + QLatin1Char('/') + QLatin1String(name);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Replaces a line edit's text the way a user does: select all, type.
void typeInto(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = parent->findChild<QLineEdit *>(QLatin1String(name));
    QVERIFY2(edit, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void compareSettings(const OffloadSettings &a, const OffloadSettings &b)
{
    QCOMPARE(a.provider, b.provider);
    QCOMPARE(a.endpoint, b.endpoint);
    QCOMPARE(a.region, b.region);
    QCOMPARE(a.requestQueue, b.requestQueue);
    QCOMPARE(a.responseQueue, b.responseQueue);
    QCOMPARE(a.deadLetterQueue, b.deadLetterQueue);
    QCOMPARE(a.storageEndpoint, b.storageEndpoint);
    QCOMPARE(a.bucket, b.bucket);
    QCOMPARE(a.virtualHostedStorage, b.virtualHostedStorage);
    QCOMPARE(a.presignSeconds, b.presignSeconds);
    QCOMPARE(a.answerTimeoutMinutes, b.answerTimeoutMinutes);
}

} // namespace

class TestOffloadWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void offloadPageRoundTripsThroughQSettings();
    void testConnectionShowsEachStep();
    void offloadBatchWaitsForSettings();
    void secretGoesToTheKeychainOnly();
    void remoteWorkersBringJobsToDone();
    void toggleIsSavedAndCloseDoesNotBlock();

private:
    OffloadSettings fauxqsSettings() const;
    QueueModel *model() const { return m_window->queueModel(); }
    int rowOf(const QString &inputName) const;

    pq::test::RemoteTestServer m_server{QStringLiteral("fauxqs-server.mjs"),
                                        QStringLiteral("fauxqs")};
    QTemporaryDir m_tmp;
    QString m_service;
    QString m_db;
    QString m_out;
    QString m_requests, m_responses, m_dead; // queue URLs
    OffloadClients m_clients;
    std::unique_ptr<MainWindow> m_window;
};

void TestOffloadWindow::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(captureMessage);
    QVERIFY(m_tmp.isValid());
    m_db = m_tmp.filePath(QStringLiteral("queue.sqlite"));
    m_out = m_tmp.filePath(QStringLiteral("out"));

    // A keychain service of this run's own: a developer's saved credentials stay untouched.
    m_service = QStringLiteral("PixQueue-guitest-") + QUuid::createUuid().toString(QUuid::Id128);
    setOffloadCredentialService(m_service);
    const RemoteStatus probe = testKeychain().store(QStringLiteral("probe"), {"a", "b"});
    if (probe) {
        const QString why = QStringLiteral("no working keychain (run inside scripts/test.sh's "
                                           "D-Bus session): ") +
                            probe->message;
        if (!pq::test::RemoteTestServer::inCi())
            QSKIP(qPrintable(why));
        QFAIL(qPrintable(why));
    }
    QVERIFY(!testKeychain().remove(QStringLiteral("probe")));

    PQ_START_TEST_SERVER(m_server);
    OffloadSettings direct;
    direct.endpoint = m_server.endpoint();
    direct.region = QStringLiteral("us-east-1");
    m_clients = makeOffloadClients(direct, {kAccessKey, kSecret, {}});
    const RemoteStatus bucket = m_clients.storage->createBucket(kBucket);
    QVERIFY2(!bucket, bucket ? qPrintable(bucket->message) : "");
    // The queues as the README tells users to make them: a redrive policy to the DLQ.
    auto dlq = m_clients.queue->createQueue(QStringLiteral("gui-dlq"), {});
    auto responses = m_clients.queue->createQueue(QStringLiteral("gui-responses"), {});
    QVERIFY(dlq && responses);
    QueueSettings redrive;
    redrive.visibilityTimeoutSeconds = 30;
    redrive.deadLetterQueue = dlq.value();
    redrive.maxReceiveCount = 3;
    auto requests = m_clients.queue->createQueue(QStringLiteral("gui-requests"), redrive);
    QVERIFY(requests);
    m_requests = requests.value();
    m_responses = responses.value();
    m_dead = dlq.value();
}

void TestOffloadWindow::cleanupTestCase()
{
    m_window.reset();
    if (!m_service.isEmpty()) {
        testKeychain().remove(QStringLiteral("sqs"));
        testKeychain().remove(QStringLiteral("cmq"));
    }
    qInstallMessageHandler(g_previousHandler);
    const std::lock_guard lock(g_logMutex);
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(kSecret), "the secret appeared in a log message");
}

OffloadSettings TestOffloadWindow::fauxqsSettings() const
{
    OffloadSettings s;
    s.provider = QStringLiteral("sqs");
    s.endpoint = m_server.endpoint();
    s.region = QStringLiteral("us-east-1");
    s.requestQueue = QStringLiteral("gui-requests"); // names: the window resolves them
    s.responseQueue = QStringLiteral("gui-responses");
    s.deadLetterQueue = QStringLiteral("gui-dlq");
    s.bucket = kBucket;
    return s;
}

int TestOffloadWindow::rowOf(const QString &inputName) const
{
    for (int r = 0; r < model()->rowCount(); ++r)
        if (QFileInfo(model()->job(r).inputPath).fileName() == inputName)
            return r;
    return -1;
}

void TestOffloadWindow::offloadPageRoundTripsThroughQSettings()
{
    OffloadSettings in;
    in.provider = QStringLiteral("cmq");
    in.endpoint = QUrl(QStringLiteral("https://cmq-gz.public.tencenttdmq.com"));
    in.region = QStringLiteral("ap-guangzhou");
    in.requestQueue = QStringLiteral("pq-requests");
    in.responseQueue = QStringLiteral("pq-responses");
    in.deadLetterQueue = QStringLiteral("pq-dlq");
    in.storageEndpoint = QUrl(QStringLiteral("https://cos.ap-guangzhou.myqcloud.com"));
    in.bucket = QStringLiteral("photos-1250000000");
    in.virtualHostedStorage = true;
    in.presignSeconds = 7200;
    in.answerTimeoutMinutes = 90;
    in.save();

    // The page shows what QSettings holds.
    {
        SettingsDialog dialog(AppSettings::load());
        auto *provider = dialog.findChild<QComboBox *>(QStringLiteral("offloadProvider"));
        QVERIFY(provider);
        QCOMPARE(provider->currentData().toString(), QStringLiteral("cmq"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("offloadRegion"))->text(), in.region);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("offloadEndpoint"))->text(),
                 in.endpoint.toString());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("offloadStorageEndpoint"))->text(),
                 in.storageEndpoint.toString());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("offloadDeadLetterQueue"))->text(),
                 in.deadLetterQueue);
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("offloadVirtualHosted"))->isChecked());
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("offloadPresign"))->value(), 7200);
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("offloadAnswerTimeout"))->value(), 90);
        compareSettings(dialog.offloadSettings(), in);
        QVERIFY2(
            dialog.findChild<QLabel *>(QStringLiteral("offloadValidation"))
                ->text()
                .contains(QStringLiteral("complete")),
            qPrintable(dialog.findChild<QLabel *>(QStringLiteral("offloadValidation"))->text()));

        // Every field edited through its widget, saved, loaded back.
        provider->setCurrentIndex(provider->findData(QStringLiteral("sqs")));
        typeInto(&dialog, "offloadEndpoint", QStringLiteral("https://sqs.eu-central-1.example"));
        typeInto(&dialog, "offloadRegion", QStringLiteral("eu-central-1"));
        typeInto(&dialog, "offloadRequestQueue", QStringLiteral("https://q.example/1/req"));
        typeInto(&dialog, "offloadResponseQueue", QStringLiteral("responses"));
        typeInto(&dialog, "offloadDeadLetterQueue", QString());
        typeInto(&dialog, "offloadStorageEndpoint", QStringLiteral("https://s3.example"));
        typeInto(&dialog, "offloadBucket", QStringLiteral("other-bucket"));
        dialog.findChild<QCheckBox *>(QStringLiteral("offloadVirtualHosted"))->setChecked(false);
        dialog.findChild<QSpinBox *>(QStringLiteral("offloadPresign"))->setValue(604800);
        dialog.findChild<QSpinBox *>(QStringLiteral("offloadAnswerTimeout"))->setValue(5);
        dialog.offloadSettings().save();
    }
    OffloadSettings expected;
    expected.provider = QStringLiteral("sqs");
    expected.endpoint = QUrl(QStringLiteral("https://sqs.eu-central-1.example"));
    expected.region = QStringLiteral("eu-central-1");
    expected.requestQueue = QStringLiteral("https://q.example/1/req");
    expected.responseQueue = QStringLiteral("responses");
    expected.storageEndpoint = QUrl(QStringLiteral("https://s3.example"));
    expected.bucket = QStringLiteral("other-bucket");
    expected.virtualHostedStorage = false;
    expected.presignSeconds = 604800;
    expected.answerTimeoutMinutes = 5;
    compareSettings(OffloadSettings::load(), expected);
    {
        SettingsDialog again(AppSettings::load());
        compareSettings(again.offloadSettings(), expected);
        // A plain-http endpoint off this machine is named as the problem.
        typeInto(&again, "offloadEndpoint", QStringLiteral("http://queue.example.com"));
        QVERIFY(again.findChild<QLabel *>(QStringLiteral("offloadValidation"))
                    ->text()
                    .contains(QStringLiteral("https")));
        // The secret field never shows the secret.
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("offloadSecret"))->echoMode(),
                 QLineEdit::Password);
        QTRY_VERIFY(!again.isLoadingCredentials()); // no task left behind
    }
    QSettings().remove(QStringLiteral("offload")); // not set up, for the next test
}

void TestOffloadWindow::offloadBatchWaitsForSettings()
{
    m_window = std::make_unique<MainWindow>(m_db);
    QVERIFY2(m_window->openError().isEmpty(), qPrintable(m_window->openError()));
    m_window->recipeEditor()->setOutputDir(m_out);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    // The toggle sits in the toolbar next to Add Folder, off by default.
    auto *toggle = m_window->findChild<QAction *>(QStringLiteral("actionOffload"));
    QVERIFY(toggle);
    QVERIFY(toggle->isCheckable());
    QVERIFY(!toggle->isChecked());
    toggle->trigger();
    QVERIFY(m_window->offloadNextBatch());
    // Told at once that offload is not set up, and where to set it up.
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Settings → Offload")),
             qPrintable(m_window->statusBar()->currentMessage()));

    // The local workers run, yet never take the offload jobs.
    m_window->startQueue();
    QVERIFY(m_window->pool()->isRunning());
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    dropPaths(m_window.get(),
              {dataFile("gray_cameraman_cc0.png"), dataFile("face_filippo_giunchedi.jpg")});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 30000);
    QCOMPARE(added.first().at(0).toInt(), 2);
    QVERIFY2(m_window->inputSummary().contains(QStringLiteral("remote workers")),
             qPrintable(m_window->inputSummary()));
    const QList<JobRecord> jobs = m_window->store()->list();
    QCOMPARE(jobs.size(), 2);
    for (const JobRecord &job : jobs)
        QVERIFY(job.offload);
    QCOMPARE(m_window->store()->activeCount(Lane::Offload), 2);
    QCOMPARE(m_window->store()->activeCount(Lane::Local), 0);

    // The status bar says what is missing and where to fix it.
    QTRY_VERIFY(m_window->offloadStatus().contains(QStringLiteral("Open Settings → Offload")));
    QVERIFY2(m_window->offloadStatus().contains(QStringLiteral("region is missing")),
             qPrintable(m_window->offloadStatus()));
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("offloadStatus"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(int(m_window->offload()->phase()), int(OffloadController::Phase::NotConfigured));
    QTest::qWait(1000);
    QCOMPARE(model()->count(JobState::Queued), 2);
    QCOMPARE(m_window->store()->counts().value(JobState::Queued), 2);
    QVERIFY(!m_window->offload()->bridge());
}

void TestOffloadWindow::secretGoesToTheKeychainOnly()
{
    QVERIFY(m_window);
    const OffloadSettings target = fauxqsSettings();
    bool filled = false;
    QString problem;
    // The dialog is modal (exec()): it is filled in from a timer, like a user would.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            problem = QStringLiteral("no settings dialog");
            return;
        }
        QTimer::singleShot(30000, dialog, &QDialog::reject); // never hang the test
        if (!QTest::qWaitFor([dialog] { return !dialog->isLoadingCredentials(); }, 10000)) {
            problem = QStringLiteral("the keychain was not read");
            dialog->reject();
            return;
        }
        // Nothing stored yet for this test's keychain service.
        if (!dialog->credentialNote().contains(QStringLiteral("No credentials saved"))) {
            problem = QStringLiteral("unexpected note: ") + dialog->credentialNote();
        }
        dialog->showOffloadPage();
        auto *provider = dialog->findChild<QComboBox *>(QStringLiteral("offloadProvider"));
        provider->setCurrentIndex(provider->findData(QStringLiteral("sqs")));
        if (!QTest::qWaitFor([dialog] { return !dialog->isLoadingCredentials(); }, 10000))
            problem = QStringLiteral("the keychain was not read for sqs");
        typeInto(dialog, "offloadEndpoint", target.endpoint.toString());
        typeInto(dialog, "offloadRegion", target.region);
        typeInto(dialog, "offloadRequestQueue", target.requestQueue);
        typeInto(dialog, "offloadResponseQueue", target.responseQueue);
        typeInto(dialog, "offloadDeadLetterQueue", target.deadLetterQueue);
        typeInto(dialog, "offloadStorageEndpoint", QString());
        typeInto(dialog, "offloadBucket", target.bucket);
        typeInto(dialog, "offloadAccessKeyId", kAccessKey);
        typeInto(dialog, "offloadSecret", kSecret);
        auto *secret = dialog->findChild<QLineEdit *>(QStringLiteral("offloadSecret"));
        if (secret->echoMode() != QLineEdit::Password)
            problem = QStringLiteral("the secret is shown in clear");
        filled = true;
        // OK: the dialog writes the keychain (off the GUI thread), then closes.
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    QAction *settingsAction = m_window->findChild<QAction *>(QStringLiteral("actionSettings"));
    QVERIFY(settingsAction);
    settingsAction->trigger(); // returns when the dialog closed
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(filled);

    // The keychain has both halves.
    const auto stored = testKeychain().read(QStringLiteral("sqs"));
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
    QCOMPARE(stored.value().accessKeyId, kAccessKey);
    QCOMPARE(stored.value().secretAccessKey, kSecret);
    // The settings are in QSettings, the secret is not.
    compareSettings(OffloadSettings::load(), target);
    QSettings settings;
    settings.sync();
    const QByteArray file = readAll(settings.fileName());
    QVERIFY2(file.contains("gui-responses"), qPrintable(settings.fileName()));
    QVERIFY(!file.contains(kSecret.toUtf8()));
    QVERIFY(!file.contains(kAccessKey.toUtf8()));

    // A dialog opened later reads them back from the keychain.
    {
        SettingsDialog again(AppSettings::load());
        QSignalSpy loaded(&again, &SettingsDialog::credentialsLoaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("offloadAccessKeyId"))->text(),
                 kAccessKey);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("offloadSecret"))->text(), kSecret);
        QVERIFY2(again.credentialNote().contains(QStringLiteral("keychain")),
                 qPrintable(again.credentialNote()));
    }

    // Settings accepted: the waiting offload jobs are sent. No worker runs yet, so they wait as
    // `offloaded`, and the view says so.
    QTRY_COMPARE_WITH_TIMEOUT(model()->count(JobState::Offloaded), 2, 20000);
    QVERIFY(m_window->offload()->bridge());
    QCOMPARE(int(m_window->offload()->phase()), int(OffloadController::Phase::Running));
    const int row = rowOf(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(row >= 0);
    QCOMPARE(model()->index(row, QueueModel::StateColumn).data().toString(),
             QStringLiteral("Offloaded"));
    QVERIFY(!model()->index(row, QueueModel::StateColumn).data(Qt::DecorationRole).isNull());
    QTRY_VERIFY2(m_window->offloadStatus().contains(QStringLiteral("2 sent")),
                 qPrintable(m_window->offloadStatus()));
    auto *counts = m_window->findChild<QLabel *>(QStringLiteral("stateCounts"));
    QVERIFY2(counts->text().contains(QStringLiteral("Offloaded 2")), qPrintable(counts->text()));
    // "Active" shows offloaded jobs.
    auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("queueFilter"));
    QVERIFY(filter);
    filter->setCurrentIndex(1);
    QCOMPARE(m_window->queueView()->model()->rowCount(), 2);
    filter->setCurrentIndex(0);
}

void TestOffloadWindow::testConnectionShowsEachStep()
{
    SettingsDialog dialog(AppSettings::load(), fauxqsSettings());
    dialog.showOffloadPage();
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoadingCredentials(), 10000);
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("offloadTest"));
    QVERIFY(test && test->isEnabled());
    // Nothing saved yet: the values typed are the ones tested.
    typeInto(&dialog, "offloadAccessKeyId", kAccessKey);
    typeInto(&dialog, "offloadSecret", kSecret);

    // The GUI thread's heartbeat while the probe runs: the longest gap between 10 ms ticks.
    QElapsedTimer clock;
    qint64 last = 0, longestGap = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longestGap = qMax(longestGap, now - last);
        last = now;
    });
    QSignalSpy tested(&dialog, &SettingsDialog::connectionTested);
    clock.start();
    tick.start();
    test->click();
    QVERIFY(dialog.isTestingConnection());
    QVERIFY(!test->isEnabled()); // one test at a time
    QVERIFY(tested.wait(30000));
    tick.stop();
    const qint64 duration = clock.elapsed();
    QVERIFY2(tested.first().first().toBool(), qPrintable(dialog.testResult()));
    const QStringList steps = dialog.testSteps();
    // request, response and dead-letter queue; the probe message; the bucket.
    QCOMPARE(steps.size(), 5);
    for (const QString &step : steps)
        QVERIFY2(step.startsWith(QStringLiteral("✓")), qPrintable(step));
    QVERIFY2(dialog.testResult().contains(QStringLiteral("works")),
             qPrintable(dialog.testResult()));
    qInfo("connection test: %lld ms, longest GUI pause %lld ms", duration, longestGap);
    QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
    QVERIFY(test->isEnabled());

    // A wrong bucket: the queue steps pass, the bucket step fails and says why.
    typeInto(&dialog, "offloadBucket", QStringLiteral("no-such-bucket-gui"));
    tested.clear();
    test->click();
    QVERIFY(tested.wait(30000));
    QVERIFY(!tested.first().first().toBool());
    const QStringList failed = dialog.testSteps();
    QCOMPARE(failed.size(), 5);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(failed.at(i).startsWith(QStringLiteral("✓")), qPrintable(failed.at(i)));
    QVERIFY2(failed.last().startsWith(QStringLiteral("✗")), qPrintable(failed.last()));
    QVERIFY2(failed.last().contains(QStringLiteral("no-such-bucket-gui")),
             qPrintable(failed.last()));
    QVERIFY2(dialog.testResult().contains(QStringLiteral("no-such-bucket-gui")),
             qPrintable(dialog.testResult()));

    // The values in the form are tested, not the saved ones: a wrong secret fails at once.
    typeInto(&dialog, "offloadBucket", kBucket);
    typeInto(&dialog, "offloadSecret", QString());
    tested.clear();
    test->click();
    QVERIFY(tested.wait(30000));
    QVERIFY(!tested.first().first().toBool());
    QVERIFY2(dialog.testResult().contains(QStringLiteral("credentials")),
             qPrintable(dialog.testResult()));
    dialog.reject(); // Cancel writes nothing
    const auto stored = testKeychain().read(QStringLiteral("sqs"));
    QVERIFY(!stored);
    QCOMPARE(stored.error().code, QStringLiteral("not-found"));
}

void TestOffloadWindow::remoteWorkersBringJobsToDone()
{
    QVERIFY(m_window);
    // One more offload batch, with an image no worker can read.
    const QString broken = m_tmp.filePath(QStringLiteral("broken.jpg"));
    {
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(readAll(dataFile("face_filippo_giunchedi.jpg")).left(300));
    }
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    dropPaths(m_window.get(), {broken});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(model()->count(JobState::Offloaded), 3, 20000);

    RemoteWorkerConfig config;
    config.queue = m_clients.queue;
    config.requestQueue = m_requests;
    config.responseQueue = m_responses;
    config.storageEndpoint = m_server.endpoint();
    config.workerName = QStringLiteral("gui-test-worker");
    config.workers = 2;
    config.waitSeconds = 1;
    RemoteWorker worker(config);
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    worker.start();
    QTRY_COMPARE_WITH_TIMEOUT(model()->count(JobState::Done), 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(model()->count(JobState::Failed), 1, 30000);
    worker.stop();
    worker.waitForStopped();
    QCOMPARE(worker.processedCount(), 2);
    QCOMPARE(worker.failedCount(), 1);

    for (const char *name : {"gray_cameraman_cc0.png", "face_filippo_giunchedi.jpg"}) {
        const int row = rowOf(QLatin1String(name));
        QVERIFY(row >= 0);
        QCOMPARE(model()->index(row, QueueModel::StateColumn).data().toString(),
                 QStringLiteral("Done"));
        const QString output = model()->index(row, QueueModel::OutputColumn).data().toString();
        QVERIFY2(output.startsWith(m_out), qPrintable(output));
        const QImage image(output);
        QVERIFY2(!image.isNull(), qPrintable(output));
        QVERIFY(qMax(image.width(), image.height()) <= 256); // the thumbnail-256 preset
        QVERIFY(qMax(image.width(), image.height()) >= 200);
    }
    // The remote failure shows its reason like a local one: state, error column, tool tip.
    const int row = rowOf(QStringLiteral("broken.jpg"));
    QVERIFY(row >= 0);
    QCOMPARE(model()->index(row, QueueModel::StateColumn).data().toString(),
             QStringLiteral("Failed"));
    const QString error = model()->index(row, QueueModel::ErrorColumn).data().toString();
    QVERIFY2(error.contains(QStringLiteral("gui-test-worker")), qPrintable(error));
    QCOMPARE(model()->index(row, QueueModel::ErrorColumn).data(Qt::ToolTipRole).toString(),
             model()->job(row).errorMessage);
    QCOMPARE(model()->job(row).errorKind, QStringLiteral("permanent"));
    auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("queueFilter"));
    filter->setCurrentIndex(2); // Failed
    QCOMPARE(m_window->queueView()->model()->rowCount(), 1);
    filter->setCurrentIndex(0);
    auto *progress = m_window->findChild<QProgressBar *>(QStringLiteral("overallProgress"));
    QTRY_COMPARE(progress->text(), QStringLiteral("3 of 3 finished, 1 failed"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);

    // No offload work left: the bridge stops by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->offload()->bridge(), 15000);
    QCOMPARE(int(m_window->offload()->phase()), int(OffloadController::Phase::Idle));
    QVERIFY(m_window->offloadStatus().isEmpty());
}

void TestOffloadWindow::toggleIsSavedAndCloseDoesNotBlock()
{
    QVERIFY(m_window);
    QVERIFY(m_window->offloadNextBatch());
    // A new offload job restarts the bridge (no worker: it stays offloaded).
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    dropPaths(m_window.get(), {dataFile("teeth_katherine_maher.jpg")});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(model()->count(JobState::Offloaded), 1, 20000);
    QVERIFY(m_window->offload()->bridge());

    // Closing returns at once; the window goes when the bridge has stopped.
    QElapsedTimer clock;
    clock.start();
    m_window->close();
    const qint64 closeCall = clock.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 15000);
    const qint64 closed = clock.elapsed();
    qInfo("close() returned after %lld ms; window closed after %lld ms", closeCall, closed);
    QVERIFY2(closeCall < 300, qPrintable(QString::number(closeCall)));
    QVERIFY(!m_window->offload()->bridge());
    clock.restart();
    m_window.reset();
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));

    // The job database never held the secret.
    for (const QString &file : {m_db, m_db + QStringLiteral("-wal")})
        QVERIFY(!readAll(file).contains(kSecret.toUtf8()));

    // Reopened: the toggle is on again, and the offloaded job is awaited again.
    m_window = std::make_unique<MainWindow>(m_db);
    QVERIFY(m_window->offloadNextBatch());
    QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("actionOffload"))->isChecked(), true);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->offload()->bridge(), 20000);
    m_window->setOffloadNextBatch(false);
    clock.restart();
    m_window.reset(); // the destructor stops the bridge within its short long poll
    qInfo("destroying the window with a running bridge took %lld ms", clock.elapsed());
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!QSettings().value(QLatin1String(keys::offloadNextBatch)).toBool());
}

PQ_GUI_TEST_MAIN(TestOffloadWindow)
#include "test_offload_window.moc"
