#include "SettingsDialog.h"

#include "Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace pq::ui {

SettingsDialog::SettingsDialog(const AppSettings &s, QWidget *parent)
    : QDialog(parent)
    , m_workers(new QSpinBox(this))
    , m_outputDir(new QLineEdit(s.outputDir, this))
    , m_naming(new QLineEdit(s.naming, this))
    , m_overwrite(new QComboBox(this))
    , m_lease(new QSpinBox(this))
    , m_maxAttempts(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_resume(new QCheckBox(tr("Resume the queue when PixQueue starts"), this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto *form = new QFormLayout;

    m_workers->setRange(0, 64);
    m_workers->setSpecialValueText(tr("One per core (%1)").arg(QThread::idealThreadCount()));
    m_workers->setValue(s.workers);
    m_workers->setAccessibleName(tr("Workers"));
    form->addRow(tr("Workers:"), m_workers);

    auto *dirRow = new QHBoxLayout;
    m_outputDir->setAccessibleName(tr("Default output folder"));
    auto *browse = new QPushButton(tr("Browse…"), this);
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

    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    for (const auto &[code, name] : availableLanguages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(s.language)));
    form->addRow(tr("Language:"), m_language);
    auto *languageNote =
        new QLabel(tr("A new language applies the next time PixQueue starts."), this);
    languageNote->setWordWrap(true);
    form->addRow(QString(), languageNote);

    m_resume->setChecked(s.resumeOnStart);
    m_resume->setAccessibleName(tr("Resume on start"));
    form->addRow(QString(), m_resume);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
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
    s.language = m_language->currentData().toString();
    s.resumeOnStart = m_resume->isChecked();
    return s;
}

} // namespace pq::ui
