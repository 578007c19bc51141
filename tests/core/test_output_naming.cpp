// Path safety of output names: whatever the naming template and the input's name, an output stays
// inside its output folder and is a valid file name on Windows, macOS and Linux.
#include "jobs/OutputNaming.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pq;

class TestOutputNaming : public QObject
{
    Q_OBJECT
private slots:
    void templatesWithFoldersAreRefused_data()
    {
        QTest::addColumn<QString>("tpl");
        QTest::newRow("parent") << QStringLiteral("../{name}");
        QTest::newRow("deep parent") << QStringLiteral("{name}/../../x");
        QTest::newRow("absolute") << QStringLiteral("/etc/{name}");
        QTest::newRow("windows absolute") << QStringLiteral("C:\\Windows\\{name}");
        QTest::newRow("unc") << QStringLiteral("\\\\server\\share\\{name}");
        QTest::newRow("sub folder") << QStringLiteral("thumbs/{name}");
        QTest::newRow("unknown placeholder") << QStringLiteral("{path}");
        QTest::newRow("empty") << QStringLiteral("  ");
    }
    void templatesWithFoldersAreRefused()
    {
        QFETCH(QString, tpl);
        QVERIFY2(OutputNaming::validateTemplate(tpl).has_value(), qPrintable(tpl));
    }

    void namesStayInsideTheOutputFolder_data()
    {
        QTest::addColumn<QString>("tpl");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "{name}"
                               << "/in/photo.jpg"
                               << "web"
                               << "photo.jpg";
        QTest::newRow("dots only") << ".."
                                   << "/in/photo.jpg"
                                   << "web"
                                   << "image.jpg";
        QTest::newRow("many dots") << "{name}..."
                                   << "/in/photo.jpg"
                                   << "web"
                                   << "photo.jpg";
        QTest::newRow("drive letter") << "C:{name}"
                                      << "/in/photo.jpg"
                                      << "web"
                                      << "C_photo.jpg";
        QTest::newRow("preset with separators") << "{name}-{preset}"
                                                << "/in/photo.jpg"
                                                << "../../evil\\x"
                                                << "photo-.._.._evil_x.jpg";
        QTest::newRow("control characters") << "{name}\t\n"
                                            << "/in/photo.jpg"
                                            << "w"
                                            << "photo__.jpg";
        QTest::newRow("windows reserved characters") << "{name}<>:\"|?*"
                                                     << "/in/photo.jpg"
                                                     << "w"
                                                     << "photo_______.jpg";
        QTest::newRow("device name") << "{name}"
                                     << "/in/NUL.jpg"
                                     << "w"
                                     << "_NUL.jpg";
        QTest::newRow("device name, other case") << "{name}"
                                                 << "/in/com1.tar.jpg"
                                                 << "w"
                                                 << "_com1.tar.jpg";
        QTest::newRow("device name, space before the extension") << "{name}"
                                                                 << "/in/CON .x.png"
                                                                 << "w"
                                                                 << "_CON .x.jpg";
        QTest::newRow("device name, superscript digit") << "{name}"
                                                        << "/in/com\u00b9.tif"
                                                        << "w"
                                                        << "_com\u00b9.jpg";
        QTest::newRow("device-like but longer") << "{name}"
                                                << "/in/CONSOLE.jpg"
                                                << "w"
                                                << "CONSOLE.jpg";
        QTest::newRow("parent placeholder") << "{parent}-{name}"
                                            << "/in/photo.jpg"
                                            << "w"
                                            << "in-photo.jpg";
        QTest::newRow("emoji and accents") << "{name}"
                                           << "/in/été 📷.jpg"
                                           << "w"
                                           << "été 📷.jpg";
    }
    void namesStayInsideTheOutputFolder()
    {
        QFETCH(QString, tpl);
        QFETCH(QString, input);
        QFETCH(QString, preset);
        QFETCH(QString, expected);
        QVERIFY(!OutputNaming::validateTemplate(tpl));
        const QString name = OutputNaming::fileName(tpl, input, preset, 1, QStringLiteral("jpg"));
        QCOMPARE(name, expected);
        // Joined to a folder, the name never leaves it.
        const QString joined = QDir::cleanPath(QDir(QStringLiteral("/out")).filePath(name));
        QVERIFY2(joined.startsWith(QStringLiteral("/out/")) && !joined.mid(5).contains('/'),
                 qPrintable(joined));
    }

    // The per-folder cache gives what comparablePath gives, file by file: existing and missing
    // files, missing folders, a symlinked file and a symlinked folder, relative paths, "..".
    void comparablePathsMatchComparablePath()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = tmp.path();
        QVERIFY(QDir(root).mkpath(QStringLiteral("real/sub")));
        for (const char *f : {"real/a.jpg", "real/sub/b.jpg"}) {
            QFile file(root + QLatin1Char('/') + QLatin1String(f));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const bool links =
            QFile::link(root + QStringLiteral("/real"), root + QStringLiteral("/linked")) &&
            QFile::link(root + QStringLiteral("/real/a.jpg"),
                        root + QStringLiteral("/real/alias.jpg"));
        QStringList paths{QStringLiteral("real/a.jpg"),     QStringLiteral("real/missing.jpg"),
                          QStringLiteral("real/sub/b.jpg"), QStringLiteral("real/sub/../a.jpg"),
                          QStringLiteral("nowhere/x.jpg"),  QStringLiteral("real/sub/"),
                          QStringLiteral("real/a.jpg")}; // again: from the cache
        if (links)
            paths << QStringLiteral("linked/a.jpg") << QStringLiteral("linked/sub/b.jpg")
                  << QStringLiteral("real/alias.jpg") << QStringLiteral("linked/missing.jpg");
        else
            qInfo("no symlinks here: the symlink cases are left out");
        OutputNaming::ComparablePaths cached;
        for (const QString &p : std::as_const(paths)) {
            const QString absolute = root + QLatin1Char('/') + p;
            QCOMPARE(cached.of(absolute), OutputNaming::comparablePath(absolute));
        }
        if (links) // a symlinked file resolves to its target, as before
            QCOMPARE(cached.of(root + QStringLiteral("/real/alias.jpg")),
                     cached.of(root + QStringLiteral("/real/a.jpg")));
        // Relative to the working directory.
        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(root));
        const QString relative = cached.of(QStringLiteral("real/sub/b.jpg"));
        const QString expected = OutputNaming::comparablePath(QStringLiteral("real/sub/b.jpg"));
        QVERIFY(QDir::setCurrent(cwd));
        QCOMPARE(relative, expected);
    }
};

QTEST_GUILESS_MAIN(TestOutputNaming)
#include "test_output_naming.moc"
