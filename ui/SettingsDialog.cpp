#include "SettingsDialog.h"

#include "OffloadKeychain.h"
#include "Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pq::ui {

using remote::OffloadSettings;
using remote::StoredCredentials;

SettingsDialog::SettingsDialog(const AppSettings &s, QWidget *parent)
    : SettingsDialog(s, OffloadSettings::load(), parent)
{}

SettingsDialog::SettingsDialog(const AppSettings &s, const OffloadSettings &offload,
                               QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_workers(new QSpinBox(this))
    , m_outputDir(new QLineEdit(s.outputDir, this))
    , m_naming(new QLineEdit(s.naming, this))
    , m_overwrite(new QComboBox(this))
    , m_lease(new QSpinBox(this))
    , m_maxAttempts(new QSpinBox(this))
    , m_maxMegapixels(new QSpinBox(this))
    , m_maxFileMB(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_resume(new QCheckBox(tr("Resume the queue when PixQueue starts"), this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildGeneralPage(s), tr("General"));
    m_tabs->addTab(buildOffloadPage(offload), tr("Offload"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);

    updateOffloadHints();
    loadCredentials();
}

QWidget *SettingsDialog::buildGeneralPage(const AppSettings &s)
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("generalPage"));
    auto *form = new QFormLayout(page);

    m_workers->setRange(0, 64);
    m_workers->setSpecialValueText(tr("One per core (%1)").arg(QThread::idealThreadCount()));
    m_workers->setValue(s.workers);
    m_workers->setAccessibleName(tr("Workers"));
    form->addRow(tr("Workers:"), m_workers);

    auto *dirRow = new QHBoxLayout;
    m_outputDir->setAccessibleName(tr("Default output folder"));
    auto *browse = new QPushButton(tr("Browse…"), page);
    browse->setAccessibleName(tr("Choose the default output folder"));
    dirRow->addWidget(m_outputDir, 1);
    dirRow->addWidget(browse);
    form->addRow(tr("Default output folder:"), dirRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Default output folder"),
                                                              m_outputDir->text());
        if (!dir.isEmpty())
            m_outputDir->setText(QDir::toNativeSeparators(dir));
    });

    m_naming->setAccessibleName(tr("Naming template"));
    m_naming->setPlaceholderText(tr("Default: {name}, or {name}-{preset} for several presets"));
    form->addRow(tr("Naming template:"), m_naming);

    m_overwrite->setAccessibleName(tr("When the output exists"));
    m_overwrite->addItem(tr("Keep both (new name)"), int(OverwritePolicy::Rename));
    m_overwrite->addItem(tr("Skip"), int(OverwritePolicy::Skip));
    m_overwrite->addItem(tr("Replace"), int(OverwritePolicy::Replace));
    m_overwrite->setCurrentIndex(qMax(0, m_overwrite->findData(int(s.overwrite))));
    form->addRow(tr("When the output exists:"), m_overwrite);

    m_lease->setRange(5, 86400);
    m_lease->setSuffix(tr(" s"));
    m_lease->setValue(s.leaseSeconds);
    m_lease->setAccessibleName(tr("Lease time"));
    m_lease->setToolTip(tr("How long a job may run without a heartbeat before another worker "
                           "takes it over."));
    form->addRow(tr("Lease time:"), m_lease);

    m_maxAttempts->setRange(1, 100);
    m_maxAttempts->setValue(s.maxAttempts);
    m_maxAttempts->setAccessibleName(tr("Maximum attempts"));
    form->addRow(tr("Maximum attempts:"), m_maxAttempts);

    // Decompression bombs and huge files fail with a clear error instead of exhausting memory.
    m_maxMegapixels->setObjectName(QStringLiteral("maxMegapixels"));
    m_maxMegapixels->setRange(1, 1000000);
    m_maxMegapixels->setSuffix(tr(" MP"));
    m_maxMegapixels->setValue(s.maxMegapixels);
    m_maxMegapixels->setAccessibleName(tr("Largest input image"));
    m_maxMegapixels->setToolTip(tr("Inputs with more pixels fail instead of being decoded."));
    form->addRow(tr("Largest input image:"), m_maxMegapixels);
    m_maxFileMB->setObjectName(QStringLiteral("maxFileMB"));
    m_maxFileMB->setRange(1, 1000000);
    m_maxFileMB->setSuffix(tr(" MB"));
    m_maxFileMB->setValue(s.maxFileMB);
    m_maxFileMB->setAccessibleName(tr("Largest input file"));
    m_maxFileMB->setToolTip(tr("Larger input files fail instead of being read."));
    form->addRow(tr("Largest input file:"), m_maxFileMB);

    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    for (const auto &[code, name] : availableLanguages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(s.language)));
    form->addRow(tr("Language:"), m_language);
    auto *languageNote =
        new QLabel(tr("A new language applies the next time PixQueue starts."), page);
    languageNote->setWordWrap(true);
    form->addRow(QString(), languageNote);

    m_resume->setChecked(s.resumeOnStart);
    m_resume->setAccessibleName(tr("Resume on start"));
    form->addRow(QString(), m_resume);
    return page;
}

QWidget *SettingsDialog::buildOffloadPage(const OffloadSettings &o)
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("offloadPage"));
    auto *layout = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Batches added with Offload on are processed by PixQueue workers "
                                "on servers, fed through a cloud message queue; images travel "
                                "through an S3-compatible bucket."),
                             page);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    auto lineEdit = [page](const char *name, const QString &text, const QString &accessible) {
        auto *edit = new QLineEdit(text, page);
        edit->setObjectName(QLatin1String(name));
        edit->setAccessibleName(accessible);
        return edit;
    };

    m_provider = new QComboBox(page);
    m_provider->setObjectName(QStringLiteral("offloadProvider"));
    m_provider->setAccessibleName(tr("Queue service"));
    m_provider->addItem(tr("Amazon SQS or SQS-compatible"), QStringLiteral("sqs"));
    m_provider->addItem(tr("Tencent CMQ (TDMQ for CMQ)"), QStringLiteral("cmq"));
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(o.provider)));
    form->addRow(tr("Queue service:"), m_provider);

    m_endpoint = lineEdit("offloadEndpoint", o.endpoint.toString(), tr("Queue endpoint"));
    form->addRow(tr("Queue endpoint:"), m_endpoint);
    m_region = lineEdit("offloadRegion", o.region, tr("Region"));
    m_region->setPlaceholderText(tr("e.g. eu-central-1 or ap-guangzhou"));
    form->addRow(tr("Region:"), m_region);
    m_requestQueue = lineEdit("offloadRequestQueue", o.requestQueue, tr("Request queue"));
    m_requestQueue->setPlaceholderText(tr("Name or URL"));
    form->addRow(tr("Request queue:"), m_requestQueue);
    m_responseQueue = lineEdit("offloadResponseQueue", o.responseQueue, tr("Response queue"));
    m_responseQueue->setPlaceholderText(tr("Name or URL"));
    form->addRow(tr("Response queue:"), m_responseQueue);
    m_deadLetterQueue =
        lineEdit("offloadDeadLetterQueue", o.deadLetterQueue, tr("Dead-letter queue"));
    m_deadLetterQueue->setPlaceholderText(tr("Optional: name or URL"));
    m_deadLetterQueue->setToolTip(tr("Requests that no worker could finish end here; their jobs "
                                     "are shown as failed."));
    form->addRow(tr("Dead-letter queue:"), m_deadLetterQueue);
    m_storageEndpoint =
        lineEdit("offloadStorageEndpoint", o.storageEndpoint.toString(), tr("Storage endpoint"));
    form->addRow(tr("Storage endpoint:"), m_storageEndpoint);
    m_bucket = lineEdit("offloadBucket", o.bucket, tr("Bucket"));
    form->addRow(tr("Bucket:"), m_bucket);
    m_virtualHosted = new QCheckBox(
        tr("Virtual-hosted addresses (bucket.host/key instead of host/bucket/key)"), page);
    m_virtualHosted->setObjectName(QStringLiteral("offloadVirtualHosted"));
    m_virtualHosted->setAccessibleName(tr("Virtual-hosted addresses"));
    m_virtualHosted->setChecked(o.virtualHostedStorage);
    form->addRow(QString(), m_virtualHosted);

    m_presign = new QSpinBox(page);
    m_presign->setObjectName(QStringLiteral("offloadPresign"));
    m_presign->setAccessibleName(tr("Pre-signed URL lifetime"));
    m_presign->setRange(60, 604800); // SigV4 pre-signed URLs live at most 7 days
    m_presign->setSingleStep(600);
    m_presign->setSuffix(tr(" s"));
    m_presign->setValue(o.presignSeconds);
    m_presign->setToolTip(tr("How long a worker may use the download and upload links of a "
                             "request (6 hours = 21600 s; at most 7 days)."));
    form->addRow(tr("Pre-signed URL lifetime:"), m_presign);

    m_answerTimeout = new QSpinBox(page);
    m_answerTimeout->setObjectName(QStringLiteral("offloadAnswerTimeout"));
    m_answerTimeout->setAccessibleName(tr("Answer timeout"));
    m_answerTimeout->setRange(1, 30 * 24 * 60);
    m_answerTimeout->setSuffix(tr(" min"));
    m_answerTimeout->setValue(o.answerTimeoutMinutes);
    m_answerTimeout->setToolTip(tr("An offloaded job that gets no answer within this time "
                                   "fails."));
    form->addRow(tr("Answer timeout:"), m_answerTimeout);
    layout->addLayout(form);

    auto *keys = new QGroupBox(tr("Credentials (kept in the system keychain only)"), page);
    auto *keyForm = new QFormLayout(keys);
    m_accessKeyId = lineEdit("offloadAccessKeyId", QString(), tr("Access key ID"));
    keyForm->addRow(tr("Access key ID:"), m_accessKeyId);
    m_secret = lineEdit("offloadSecret", QString(), tr("Secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    keyForm->addRow(tr("Secret:"), m_secret);
    m_credentialNote = new QLabel(keys);
    m_credentialNote->setObjectName(QStringLiteral("offloadCredentialNote"));
    m_credentialNote->setWordWrap(true);
    keyForm->addRow(QString(), m_credentialNote);
    layout->addWidget(keys);

    m_validation = new QLabel(page);
    m_validation->setObjectName(QStringLiteral("offloadValidation"));
    m_validation->setWordWrap(true);
    layout->addWidget(m_validation);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("Test Connection"), page);
    m_test->setObjectName(QStringLiteral("offloadTest"));
    m_test->setToolTip(tr("Reach the three queues, send and receive a probe message, and write, "
                          "read and delete a small file in the bucket, with the values above."));
    m_testResult = new QLabel(page);
    m_testResult->setObjectName(QStringLiteral("offloadTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    layout->addLayout(testRow);
    m_testSteps = new QListWidget(page);
    m_testSteps->setObjectName(QStringLiteral("offloadTestSteps"));
    m_testSteps->setAccessibleName(tr("Connection test steps"));
    layout->addWidget(m_testSteps, 1);
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);

    for (QLineEdit *e : {m_endpoint, m_region, m_requestQueue, m_responseQueue, m_deadLetterQueue,
                         m_storageEndpoint, m_bucket})
        connect(e, &QLineEdit::textChanged, this, &SettingsDialog::updateOffloadHints);
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        updateOffloadHints();
        loadCredentials(); // each provider has its own keychain entry
    });
    return page;
}

void SettingsDialog::updateOffloadHints()
{
    const bool cmq = provider() == QLatin1String("cmq");
    m_endpoint->setPlaceholderText(cmq ? tr("Required: the endpoint from the TDMQ console")
                                       : tr("Empty: AWS for the region"));
    m_storageEndpoint->setPlaceholderText(
        cmq ? tr("Required: the bucket service's S3 endpoint")
            : tr("Empty: S3 for the region, or the queue endpoint when it serves S3 too"));
    m_accessKeyId->setPlaceholderText(cmq ? tr("SecretId") : tr("e.g. AKIA…"));
    if (auto problem = offloadSettings().validate())
        m_validation->setText(tr("Offload cannot run until this is fixed: %1.").arg(*problem));
    else
        m_validation->setText(tr("The offload settings are complete."));
}

QString SettingsDialog::provider() const
{
    return m_provider->currentData().toString();
}

void SettingsDialog::showOffloadPage()
{
    m_tabs->setCurrentIndex(1);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s;
    s.workers = m_workers->value();
    s.outputDir = m_outputDir->text().trimmed();
    s.naming = m_naming->text().trimmed();
    s.overwrite = OverwritePolicy(m_overwrite->currentData().toInt());
    s.leaseSeconds = m_lease->value();
    s.maxAttempts = m_maxAttempts->value();
    s.maxMegapixels = m_maxMegapixels->value();
    s.maxFileMB = m_maxFileMB->value();
    s.language = m_language->currentData().toString();
    s.resumeOnStart = m_resume->isChecked();
    return s;
}

OffloadSettings SettingsDialog::offloadSettings() const
{
    OffloadSettings o;
    o.provider = provider();
    o.endpoint = QUrl(m_endpoint->text().trimmed());
    o.region = m_region->text().trimmed();
    o.requestQueue = m_requestQueue->text().trimmed();
    o.responseQueue = m_responseQueue->text().trimmed();
    o.deadLetterQueue = m_deadLetterQueue->text().trimmed();
    o.storageEndpoint = QUrl(m_storageEndpoint->text().trimmed());
    o.bucket = m_bucket->text().trimmed();
    o.virtualHostedStorage = m_virtualHosted->isChecked();
    o.presignSeconds = m_presign->value();
    o.answerTimeoutMinutes = m_answerTimeout->value();
    return o;
}

remote::OffloadCredentials SettingsDialog::offloadCredentials() const
{
    return {m_accessKeyId->text().trimmed(), m_secret->text().trimmed(), {}};
}

void SettingsDialog::setCredentialFieldsEnabled(bool enabled)
{
    m_accessKeyId->setEnabled(enabled);
    m_secret->setEnabled(enabled);
    m_test->setEnabled(enabled && !m_testing);
}

// ---- keychain -----------------------------------------------------------------------------------

void SettingsDialog::loadCredentials()
{
    const QString forProvider = provider();
    const int serial = ++m_loadSerial;
    m_loading = true;
    m_accessKeyId->clear();
    m_secret->clear();
    m_loadedProvider = forProvider;
    m_loadedAccessKeyId.clear();
    m_loadedSecret.clear();
    setCredentialFieldsEnabled(false);
    m_credentialNote->setText(tr("Reading the keychain…"));
    readOffloadCredentials(
        forProvider, this, [this, serial](const remote::RemoteResult<StoredCredentials> &read) {
            if (serial != m_loadSerial)
                return; // the provider changed meanwhile
            m_loading = false;
            setCredentialFieldsEnabled(!m_saving);
            if (read) {
                m_loadedAccessKeyId = read.value().accessKeyId;
                m_loadedSecret = read.value().secretAccessKey;
                m_accessKeyId->setText(m_loadedAccessKeyId);
                m_secret->setText(m_loadedSecret);
                m_credentialNote->setText(tr("Loaded from the keychain."));
            } else if (read.error().code == QLatin1String("not-found")) {
                m_credentialNote->setText(
                    tr("No credentials saved for this queue service yet. They are saved in the "
                       "system keychain when you press OK."));
            } else {
                m_credentialNote->setText(read.error().message);
            }
            emit credentialsLoaded();
        });
}

void SettingsDialog::accept()
{
    if (m_saving)
        return;
    saveCredentialsAndAccept();
}

void SettingsDialog::saveCredentialsAndAccept()
{
    const remote::OffloadCredentials typed = offloadCredentials();
    const QString forProvider = m_loadedProvider;
    // Still reading (the fields are disabled) or nothing changed: nothing to write.
    if (m_loading || (typed.accessKeyId == m_loadedAccessKeyId && typed.secret == m_loadedSecret)) {
        QDialog::accept();
        return;
    }
    if (typed.accessKeyId.isEmpty() != typed.secret.isEmpty()) {
        showOffloadPage();
        m_credentialNote->setText(tr("Enter both the access key ID and the secret, or clear both "
                                     "to remove them from the keychain."));
        return;
    }
    const bool remove = typed.accessKeyId.isEmpty();
    m_saving = true;
    m_buttons->setEnabled(false);
    setCredentialFieldsEnabled(false);
    m_provider->setEnabled(false);
    m_credentialNote->setText(remove ? tr("Removing the credentials from the keychain…")
                                     : tr("Saving the credentials in the keychain…"));
    auto written = [this, typed](const remote::RemoteStatus &status) {
        m_saving = false;
        m_buttons->setEnabled(true);
        m_provider->setEnabled(true);
        setCredentialFieldsEnabled(true);
        if (status) {
            showOffloadPage();
            m_credentialNote->setText(status->message);
            return;
        }
        m_loadedAccessKeyId = typed.accessKeyId;
        m_loadedSecret = typed.secret;
        m_credentialNote->setText(tr("Saved in the keychain."));
        emit credentialsSaved();
        QDialog::accept();
    };
    if (remove)
        removeOffloadCredentials(forProvider, this, written);
    else
        storeOffloadCredentials(forProvider, {typed.accessKeyId, typed.secret}, this, written);
}

// ---- connection test ----------------------------------------------------------------------------

void SettingsDialog::testConnection()
{
    if (m_testing || m_loading)
        return;
    m_test->setEnabled(false);
    m_testSteps->clear();
    m_testResult->setText(tr("Testing the connection…"));
    auto *watcher = new QFutureWatcher<remote::ProbeReport>(this);
    m_testing = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_testing = nullptr;
        m_test->setEnabled(!m_loading && !m_saving);
        const remote::ProbeReport report = watcher->result();
        QStyle *st = style();
        for (const QString &step : report.steps) {
            const bool passed = step.startsWith(QStringLiteral("✓"));
            m_testSteps->addItem(
                new QListWidgetItem(st->standardIcon(passed ? QStyle::SP_DialogApplyButton
                                                            : QStyle::SP_MessageBoxCritical),
                                    step));
        }
        m_testResult->setText(report.ok ? tr("The connection works: every step passed.")
                                        : tr("The connection test failed: %1").arg(report.failure));
        emit connectionTested(report.ok);
    });
    // The probe blocks for seconds (a long poll for its own message): never in this thread.
    watcher->setFuture(
        QtConcurrent::run(&remote::probeOffload, offloadSettings(), offloadCredentials()));
}

QString SettingsDialog::testResult() const
{
    return m_testResult->text();
}

QStringList SettingsDialog::testSteps() const
{
    QStringList steps;
    for (int i = 0; i < m_testSteps->count(); ++i)
        steps << m_testSteps->item(i)->text();
    return steps;
}

QString SettingsDialog::credentialNote() const
{
    return m_credentialNote->text();
}

} // namespace pq::ui
