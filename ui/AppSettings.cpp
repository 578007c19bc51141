#include "AppSettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QThread>

namespace pq::ui {

QString AppSettings::defaultOutputDir()
{
    QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (pictures.isEmpty())
        pictures = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    return pictures + QStringLiteral("/PixQueue");
}

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.workers = qBound(0, s.value(QStringLiteral("queue/workers"), 0).toInt(), 64);
    a.outputDir = s.value(QStringLiteral("output/dir"), defaultOutputDir()).toString();
    a.naming = s.value(QStringLiteral("output/naming")).toString();
    a.overwrite = overwritePolicyFromName(s.value(QStringLiteral("output/overwrite")).toString())
                      .value_or(OverwritePolicy::Rename);
    a.leaseSeconds = qBound(5, s.value(QStringLiteral("queue/leaseSeconds"), 60).toInt(), 86400);
    a.maxAttempts = qBound(1, s.value(QStringLiteral("queue/maxAttempts"), 5).toInt(), 100);
    a.maxMegapixels =
        qBound(1, s.value(QStringLiteral("input/maxMegapixels"), 100).toInt(), 1000000);
    a.maxFileMB = qBound(1, s.value(QStringLiteral("input/maxFileMB"), 1024).toInt(), 1000000);
    a.language = s.value(QStringLiteral("ui/language")).toString();
    a.resumeOnStart = s.value(QStringLiteral("queue/resumeOnStart"), true).toBool();
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("queue/workers"), workers);
    s.setValue(QStringLiteral("output/dir"), outputDir);
    s.setValue(QStringLiteral("output/naming"), naming);
    s.setValue(QStringLiteral("output/overwrite"), overwritePolicyName(overwrite));
    s.setValue(QStringLiteral("queue/leaseSeconds"), leaseSeconds);
    s.setValue(QStringLiteral("queue/maxAttempts"), maxAttempts);
    s.setValue(QStringLiteral("input/maxMegapixels"), maxMegapixels);
    s.setValue(QStringLiteral("input/maxFileMB"), maxFileMB);
    s.setValue(QStringLiteral("ui/language"), language);
    s.setValue(QStringLiteral("queue/resumeOnStart"), resumeOnStart);
}

int AppSettings::effectiveWorkers() const
{
    return workers > 0 ? workers : qMax(1, QThread::idealThreadCount());
}

} // namespace pq::ui
