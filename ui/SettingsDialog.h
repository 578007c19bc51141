#pragma once
// The settings dialog: workers, default output folder, naming template, overwrite policy, lease
// time, max attempts, language and resume on start. GUI thread only.

#include "AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace pq::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    AppSettings settings() const;

private:
    QSpinBox *m_workers;
    QLineEdit *m_outputDir;
    QLineEdit *m_naming;
    QComboBox *m_overwrite;
    QSpinBox *m_lease;
    QSpinBox *m_maxAttempts;
    QComboBox *m_language;
    QCheckBox *m_resume;
};

} // namespace pq::ui
