#pragma once
// The settings dialog, two pages:
// - General: workers, default output folder, naming template, overwrite policy, lease time, max
//   attempts, input size limits (megapixels, file size), language and resume on start;
// - Offload: where offload batches go (remote::OffloadSettings, saved in QSettings by the caller),
//   the access key id and secret (only ever in the OS keychain: read when the dialog opens, written
//   when it is accepted), and "Test connection" with the values in the form.
//
// Threads: GUI thread only. The keychain is used asynchronously (OffloadKeychain.h) and the
// connection test runs in a QtConcurrent task whose result comes back through a QFutureWatcher
// owned by the dialog: the dialog stays responsive, and whatever still runs when it closes
// reports to no one.

#include "AppSettings.h"
#include "remote/OffloadSettings.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace pq::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // The offload page shows the saved offload settings (QSettings).
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    SettingsDialog(const AppSettings &settings, const remote::OffloadSettings &offload,
                   QWidget *parent = nullptr);

    AppSettings settings() const;
    remote::OffloadSettings offloadSettings() const;
    // The access key id and secret as they are in the form (for the connection test).
    remote::OffloadCredentials offloadCredentials() const;

    void showOffloadPage();
    bool isLoadingCredentials() const { return m_loading; }
    bool isTestingConnection() const { return bool(m_testing); }
    // Runs "Test connection" with the values in the form; connectionTested follows.
    void testConnection();
    QString testResult() const;
    QStringList testSteps() const;
    QString credentialNote() const;

signals:
    // The keychain was read for the provider shown (the fields are filled when it had them).
    void credentialsLoaded();
    // The credentials in the form were written to (or removed from) the keychain.
    void credentialsSaved();
    void connectionTested(bool ok);

public slots:
    // Writes changed credentials to the keychain first (off the GUI thread); the dialog closes
    // when they are saved, or stays open and says why they could not be.
    void accept() override;

private:
    QWidget *buildGeneralPage(const AppSettings &s);
    QWidget *buildOffloadPage(const remote::OffloadSettings &o);
    void loadCredentials();
    void saveCredentialsAndAccept();
    void updateOffloadHints();
    void setCredentialFieldsEnabled(bool enabled);
    QString provider() const;

    QTabWidget *m_tabs;
    QDialogButtonBox *m_buttons = nullptr;

    QSpinBox *m_workers;
    QLineEdit *m_outputDir;
    QLineEdit *m_naming;
    QComboBox *m_overwrite;
    QSpinBox *m_lease;
    QSpinBox *m_maxAttempts;
    QSpinBox *m_maxMegapixels;
    QSpinBox *m_maxFileMB;
    QComboBox *m_language;
    QCheckBox *m_resume;

    QComboBox *m_provider = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_region = nullptr;
    QLineEdit *m_requestQueue = nullptr;
    QLineEdit *m_responseQueue = nullptr;
    QLineEdit *m_deadLetterQueue = nullptr;
    QLineEdit *m_storageEndpoint = nullptr;
    QLineEdit *m_bucket = nullptr;
    QCheckBox *m_virtualHosted = nullptr;
    QSpinBox *m_presign = nullptr;
    QSpinBox *m_answerTimeout = nullptr;
    QLineEdit *m_accessKeyId = nullptr;
    QLineEdit *m_secret = nullptr;
    QLabel *m_credentialNote = nullptr;
    QLabel *m_validation = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QListWidget *m_testSteps = nullptr;

    // What the keychain held for m_loadedProvider when it was read: accept() writes only changes.
    QString m_loadedProvider;
    QString m_loadedAccessKeyId;
    QString m_loadedSecret;
    bool m_loading = false;
    int m_loadSerial = 0; // answers of reads for another provider are not wanted
    bool m_saving = false;
    QPointer<QObject> m_testing; // the running connection test's watcher
};

} // namespace pq::ui
