#pragma once
// Shared set-up of the GUI tests: a private home for QSettings and the app data folder (user
// presets), so the tests never read or write the real user's settings.

#include "settings/AppIdentity.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
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
