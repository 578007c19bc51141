// pixqueue: the desktop window. Thin: identity, translation, window.
//
//   pixqueue [--db FILE]

#include "AppSettings.h"
#include "MainWindow.h"
#include "Translations.h"
#include "settings/AppIdentity.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    pq::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("PixQueue"));
    pq::ui::installTranslations(pq::ui::AppSettings::load().language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Batch image processing that never loses work."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QCoreApplication::translate("main", "Job database file."),
                                QStringLiteral("FILE"));
    parser.addOption(db);
    parser.process(app);

    pq::ui::MainWindow window(parser.value(db));
    window.show();
    return QApplication::exec();
}
