#pragma once
// Shared set-up of the GUI tests: a private home for QSettings and the app data folder (user
// presets), so the tests never read or write the real user's settings; and the drop a user's
// drag of files produces.

#include "settings/AppIdentity.h"

#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QMimeData>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

// Runs `TestClass` with QApplication inside a temporary XDG home.
#define PQ_GUI_TEST_MAIN(TestClass)                                                                \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QTemporaryDir home;                                                                        \
        qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath("config").toLocal8Bit());            \
        qputenv("XDG_DATA_HOME", QDir(home.path()).filePath("data").toLocal8Bit());                \
        qputenv("HOME", home.path().toLocal8Bit());                                                \
        QApplication app(argc, argv);                                                              \
        pq::setApplicationIdentity();                                                              \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                   \
        TestClass tc;                                                                              \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

// Sends the drag-enter and drop events a user's drag of `paths` onto `target` produces; both
// must be accepted.
inline void dropPaths(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}
