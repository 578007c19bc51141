// pixqueue-cli end to end: the real binary as a child process, in a private sandbox (see
// CliHarness.h). Usage errors, recipe validation, `ops --json`, a batch of bad inputs, the
// overwrite policies, status/list/retry/cancel and the exit codes.

#include "CliHarness.h"

#include <QtTest>

using namespace pqtest;

namespace {

const QString kFace = QStringLiteral("face_filippo_giunchedi.jpg");  // 800x533 JPEG
const QString kCameraman = QStringLiteral("gray_cameraman_cc0.png"); // 512x512 gray PNG

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList r;
    for (const char *s : list)
        r << QString::fromUtf8(s);
    return r;
}

QJsonObject findById(const QJsonArray &array, const QString &id)
{
    for (const QJsonValue &v : array)
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

QJsonObject paramNamed(const QJsonObject &op, const QString &name)
{
    for (const QJsonValue &v : op.value(QStringLiteral("params")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    return {};
}

QStringList paramNames(const QJsonObject &op)
{
    QStringList names;
    for (const QJsonValue &v : op.value(QStringLiteral("params")).toArray())
        names << v.toObject().value(QStringLiteral("name")).toString();
    return names;
}

// Total number of jobs in `db`; 0 when the file does not exist (usage errors may leave no file).
int totalJobs(const CliHarness &h, const QString &db)
{
    if (!QFileInfo::exists(db))
        return 0;
    return h.status(db).value(QStringLiteral("total")).toInt(-1);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void invalidRecipes_data();
    void invalidRecipes();
    void opsJson();
    void opsJsonWithoutTestOps();

    void badInputBatch();
    void unreadableNestedFolder();
    void unwritableOutputFolder();
    void inputDeletedAfterAdd();

    void overwriteSkip();
    void overwriteRename();
    void overwriteReplace();
    void outputNeverOverwritesInput();

    void failRetryCancel();
    void transientFailureGivesUp();
    void goodBatchExitsZero();

    void translatedMessages();

private:
    // Whether a folder with mode 000 is unreadable for the CLI processes of `h`: true for an
    // ordinary user; for root, true after switching `h` to run the CLI as `nobody` (root ignores
    // permissions). False where neither works.
    static bool makePermissionsEnforced(CliHarness &h);
};

void TestCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // this process never touches real user data either
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    for (const QString &f : {kFace, kCameraman})
        QVERIFY2(QFileInfo::exists(testDataPath(f)), qPrintable(testDataPath(f)));
}

bool TestCli::makePermissionsEnforced(CliHarness &h)
{
    if (runningAsRoot()) {
        h.setRunAsNobody(true);
        h.openUpForOthers();
        const CliRun probe = h.run({QStringLiteral("--version")});
        if (!probe.exitedNormallyWith(0)) {
            h.setRunAsNobody(false);
            return false;
        }
        return true;
    }
    // An ordinary user, unless it has CAP_DAC_OVERRIDE or the like: try it.
    const QString probe = h.path(QStringLiteral("probe-000"));
    writeFile(probe, "x");
    QFile::setPermissions(probe, QFileDevice::Permissions());
    QFile f(probe);
    const bool enforced = !f.open(QIODevice::ReadOnly);
    QFile::setPermissions(probe, QFile::ReadOwner | QFile::WriteOwner);
    QFile::remove(probe);
    return enforced;
}

// ---- usage -------------------------------------------------------------------------------------

void TestCli::versionAndHelp()
{
    CliHarness h;
    QVERIFY(h.isValid());

    CliRun r = h.run({QStringLiteral("--version")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("pixqueue-cli " PIXQUEUE_VERSION));
    QVERIFY2(r.err.isEmpty(), r.describe());

    r = h.run({QStringLiteral("--help")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    const QString help = QString::fromUtf8(r.out);
    for (const char *word : {"Usage: pixqueue-cli", "add", "run", "process", "status", "list",
                             "retry", "cancel", "ops", "--overwrite", "Exit codes"})
        QVERIFY2(help.contains(QLatin1String(word)), word);
    // The default database is inside the sandbox's XDG_DATA_HOME, not in the real home.
    QVERIFY2(help.contains(h.path(QStringLiteral("home/.local/share/PixQueue"))), qPrintable(help));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    // @DB@, @OUT@ and @IMG@ are replaced by paths in the sandbox.
    const QStringList add = strings({"--db", "@DB@", "add"});
    QTest::newRow("no command") << QStringList() << QStringLiteral("no command given");
    QTest::newRow("unknown command") << strings({"--db", "@DB@", "frobnicate"})
                                     << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("unknown global option")
        << strings({"--frobnicate"}) << QStringLiteral("unknown option --frobnicate");
    QTest::newRow("unknown add option")
        << add + strings({"--op", "thumbnail:size=64", "--frob", "--out", "@OUT@", "@IMG@"})
        << QStringLiteral("unknown option --frob");
    QTest::newRow("unknown run option")
        << strings({"--db", "@DB@", "run", "--frob"}) << QStringLiteral("unknown option --frob");
    QTest::newRow("missing --out") << add + strings({"--op", "thumbnail:size=64", "@IMG@"})
                                   << QStringLiteral("--out DIR is required");
    QTest::newRow("process missing --out")
        << strings({"--db", "@DB@", "process", "--op", "thumbnail:size=64", "@IMG@"})
        << QStringLiteral("--out DIR is required");
    QTest::newRow("--out without value") << add + strings({"--op", "thumbnail:size=64", "--out"})
                                         << QStringLiteral("--out needs a value");
    QTest::newRow("no recipe") << add + strings({"--out", "@OUT@", "@IMG@"})
                               << QStringLiteral("say what to do");
    QTest::newRow("no inputs") << add + strings({"--op", "thumbnail:size=64", "--out", "@OUT@"})
                               << QStringLiteral("no input files or folders given");
    QTest::newRow("bad overwrite")
        << add + strings({"--op", "thumbnail:size=64", "--overwrite", "never", "--out", "@OUT@",
                          "@IMG@"})
        << QStringLiteral("--overwrite: 'never' is not one of skip, replace, rename");
    QTest::newRow("workers 0") << strings({"--db", "@DB@", "run", "--workers", "0"})
                               << QStringLiteral("--workers: '0' is not a number in 1..256");
    QTest::newRow("bad state") << strings({"--db", "@DB@", "list", "--state", "bogus"})
                               << QStringLiteral("--state: 'bogus' is not a job state");
    QTest::newRow("retry without ids")
        << strings({"--db", "@DB@", "retry"}) << QStringLiteral("give --all-failed or job ids");
    QTest::newRow("cancel bad id")
        << strings({"--db", "@DB@", "cancel", "abc"}) << QStringLiteral("'abc' is not a job id");
    QTest::newRow("ops unknown option")
        << strings({"ops", "--bogus"}) << QStringLiteral("unknown option --bogus");
    QTest::newRow("presets unknown option")
        << strings({"presets", "--bogus"}) << QStringLiteral("unknown option --bogus");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString img = h.path(QStringLiteral("in/face.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), img));
    for (QString &a : args)
        a.replace(QLatin1String("@DB@"), db)
            .replace(QLatin1String("@OUT@"), h.path(QStringLiteral("out")))
            .replace(QLatin1String("@IMG@"), img);

    const CliRun r = h.run(args);
    QVERIFY2(r.exitedNormallyWith(2), r.describe());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(QStringLiteral("pixqueue-cli: ") + message), r.describe());
    QVERIFY2(err.contains(QLatin1String("Try 'pixqueue-cli --help'.")), r.describe());
    QVERIFY2(r.out.isEmpty(), r.describe());
    QCOMPARE(totalJobs(h, db), 0);
    QVERIFY(!QFileInfo::exists(h.path(QStringLiteral("out"))));
}

void TestCli::invalidRecipes_data()
{
    QTest::addColumn<QStringList>("recipeArgs");
    QTest::addColumn<QByteArray>("recipeFile"); // written to @RECIPE@ when not empty
    QTest::addColumn<QStringList>("mustMention");

    QTest::newRow("unknown op") << strings({"--op", "nosuch:x=1"}) << QByteArray()
                                << strings({"unknown operation 'nosuch'", "known:", "resize",
                                            "thumbnail", "crop", "format"});
    QTest::newRow("negative width") << strings({"--op", "resize:width=-5"}) << QByteArray()
                                    << strings({"operation 'resize'", "parameter 'width'",
                                                "-5 is out of range", "allowed: 0..65535 px"});
    QTest::newRow("size not a number")
        << strings({"--op", "thumbnail:size=abc"}) << QByteArray()
        << strings({"operation 'thumbnail'", "parameter 'size'", "'abc' is not a number",
                    "allowed: 1..65535 px"});
    QTest::newRow("unknown parameter")
        << strings({"--op", "resize:bogus=1"}) << QByteArray()
        << strings({"operation 'resize' has no parameter 'bogus'", "parameters: width, height"});
    QTest::newRow("bad enum value")
        << strings({"--op", "resize:width=100,fit=stretch"}) << QByteArray()
        << strings({"operation 'resize'", "parameter 'fit'", "'stretch'",
                    "one of inside, cover, exact"});
    QTest::newRow("quality out of range")
        << strings({"--op", "thumbnail:size=64", "--op", "format:type=jpeg,quality=101"})
        << QByteArray()
        << strings({"operation 'format'", "parameter 'quality'", "101 is out of range",
                    "allowed: 1..100"});
    QTest::newRow("a good op before a bad one")
        << strings({"--op", "thumbnail:size=64", "--op", "resize:width=-5"}) << QByteArray()
        << strings({"operation 'resize'", "parameter 'width'", "-5 is out of range"});
    QTest::newRow("spec without =") << strings({"--op", "resize:width"}) << QByteArray()
                                    << strings({"operation 'resize'", "expected key=value"});
    QTest::newRow("unknown preset") << strings({"--preset", "nosuch"}) << QByteArray()
                                    << strings({"unknown preset 'nosuch'", "thumbnail-256"});
    QTest::newRow("recipe not JSON")
        << strings({"--recipe", "@RECIPE@"}) << QByteArray("{\"version\": 1, \"steps\": [")
        << strings({"recipe @RECIPE@", "not valid JSON"});
    QTest::newRow("recipe unknown op")
        << strings({"--recipe", "@RECIPE@"})
        << QByteArray(R"({"version": 1, "steps": [{"op": "no-such-op", "params": {}}]})")
        << strings({"recipe @RECIPE@", "recipe step 1: unknown operation 'no-such-op'"});
    QTest::newRow("recipe param out of range")
        << strings({"--recipe", "@RECIPE@"})
        << QByteArray(R"({"version": 1, "steps": [{"op": "thumbnail", "params": {"size": 0}}]})")
        << strings({"recipe step 1", "operation 'thumbnail'", "parameter 'size'",
                    "0 is out of range", "allowed: 1..65535 px"});
    QTest::newRow("recipe steps not a list")
        << strings({"--recipe", "@RECIPE@"}) << QByteArray(R"({"version": 1, "steps": 3})")
        << strings({"'steps' must be a list"});
    QTest::newRow("recipe from the future")
        << strings({"--recipe", "@RECIPE@"}) << QByteArray(R"({"version": 99, "steps": []})")
        << strings({"recipe version 99 is newer"});
    QTest::newRow("recipe file missing")
        << strings({"--recipe", "@DIR@/nosuch.json"}) << QByteArray()
        << strings({"cannot read recipe", "nosuch.json"});
}

void TestCli::invalidRecipes()
{
    QFETCH(QStringList, recipeArgs);
    QFETCH(QByteArray, recipeFile);
    QFETCH(QStringList, mustMention);
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString recipe = h.path(QStringLiteral("bad-recipe.json"));
    const QString img = h.path(QStringLiteral("in/face.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), img));
    if (!recipeFile.isEmpty())
        QVERIFY(writeFile(recipe, recipeFile));
    auto expand = [&](QString s) {
        return s.replace(QLatin1String("@RECIPE@"), recipe)
            .replace(QLatin1String("@DIR@"), h.root());
    };

    // `process` parses its recipe with the same code as `add`: checked on the main cases only, to
    // keep the suite fast.
    static const QSet<QString> viaProcessToo{
        QStringLiteral("unknown op"), QStringLiteral("negative width"),
        QStringLiteral("size not a number"), QStringLiteral("unknown parameter"),
        QStringLiteral("recipe not JSON")};
    QList<const char *> commands{"add"};
    if (viaProcessToo.contains(QString::fromUtf8(QTest::currentDataTag())))
        commands << "process";
    for (const char *command : std::as_const(commands)) {
        QStringList args{QStringLiteral("--db"), db, QString::fromLatin1(command)};
        for (const QString &a : std::as_const(recipeArgs))
            args << expand(a);
        args << QStringLiteral("--out") << h.path(QStringLiteral("out")) << img;
        const CliRun r = h.run(args);
        QVERIFY2(r.exitedNormallyWith(2), r.describe());
        const QString err = QString::fromUtf8(r.err);
        for (const QString &m : std::as_const(mustMention))
            QVERIFY2(err.contains(expand(m)),
                     qPrintable(QStringLiteral("%1: stderr lacks '%2':\n%3")
                                    .arg(QLatin1String(command), expand(m), err)));
        QVERIFY2(r.out.isEmpty(), r.describe());
    }
    QCOMPARE(totalJobs(h, db), 0);
    QVERIFY(!QFileInfo::exists(h.path(QStringLiteral("out"))));
    QCOMPARE(sha256(img), sha256(testDataPath(kFace)));
}

void TestCli::opsJson()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const CliRun r = h.run({QStringLiteral("ops"), QStringLiteral("--json")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
    QVERIFY2(e.error == QJsonParseError::NoError && doc.isArray(), r.describe());
    const QJsonArray ops = doc.array();

    // Every operation of the library, under the ids scripts use.
    for (const char *id : {"crop",
                           "resize",
                           "thumbnail",
                           "rotate",
                           "flip",
                           "auto-orient",
                           "trim",
                           "canvas",
                           "brightness-contrast",
                           "gamma",
                           "auto-levels",
                           "clahe",
                           "saturation",
                           "white-balance",
                           "grayscale",
                           "sepia",
                           "invert",
                           "sharpen",
                           "blur",
                           "denoise",
                           "red-eye",
                           "teeth-whiten",
                           "colorize",
                           "watermark-text",
                           "watermark-image",
                           "border",
                           "format"}) {
        const QJsonObject op = findById(ops, QString::fromLatin1(id));
        QVERIFY2(!op.isEmpty(), id);
        QVERIFY2(!op.value(QStringLiteral("title")).toString().isEmpty(), id);
        QVERIFY2(!op.value(QStringLiteral("description")).toString().isEmpty(), id);
        QVERIFY2(op.value(QStringLiteral("params")).isArray(), id);
        // Only operations that have nothing to choose go without parameters.
        const bool parameterless = qstrcmp(id, "auto-orient") == 0 || qstrcmp(id, "invert") == 0;
        QVERIFY2(op.value(QStringLiteral("params")).toArray().isEmpty() == parameterless, id);
        for (const QJsonValue &p : op.value(QStringLiteral("params")).toArray()) {
            const QJsonObject o = p.toObject();
            QVERIFY2(!o.value(QStringLiteral("name")).toString().isEmpty(), id);
            QVERIFY2(!o.value(QStringLiteral("type")).toString().isEmpty(), id);
            QVERIFY2(o.contains(QStringLiteral("default")), id);
        }
    }
    // The README's parameter table.
    const QJsonObject resize = findById(ops, QStringLiteral("resize"));
    for (const char *p : {"width", "height", "long-edge", "percent", "fit", "enlarge"})
        QVERIFY2(paramNames(resize).contains(QLatin1String(p)), p);
    const QJsonObject width = paramNamed(resize, QStringLiteral("width"));
    QCOMPARE(width.value(QStringLiteral("type")).toString(), QStringLiteral("int"));
    QCOMPARE(width.value(QStringLiteral("min")).toDouble(), 0.0);
    QCOMPARE(width.value(QStringLiteral("max")).toDouble(), 65535.0);
    QCOMPARE(width.value(QStringLiteral("unit")).toString(), QStringLiteral("px"));
    const QJsonObject fit = paramNamed(resize, QStringLiteral("fit"));
    QCOMPARE(fit.value(QStringLiteral("type")).toString(), QStringLiteral("enum"));
    QCOMPARE(
        fit.value(QStringLiteral("choices")).toArray().toVariantList(),
        QVariantList({QStringLiteral("inside"), QStringLiteral("cover"), QStringLiteral("exact")}));

    const QJsonObject thumbnail = findById(ops, QStringLiteral("thumbnail"));
    for (const char *p : {"size", "width", "height", "square", "enlarge"})
        QVERIFY2(paramNames(thumbnail).contains(QLatin1String(p)), p);
    const QJsonObject size = paramNamed(thumbnail, QStringLiteral("size"));
    QCOMPARE(size.value(QStringLiteral("min")).toDouble(), 1.0);
    QCOMPARE(size.value(QStringLiteral("max")).toDouble(), 65535.0);
    QCOMPARE(size.value(QStringLiteral("default")).toInt(), 256);
    QCOMPARE(
        paramNamed(thumbnail, QStringLiteral("square")).value(QStringLiteral("type")).toString(),
        QStringLiteral("bool"));

    const QJsonObject crop = findById(ops, QStringLiteral("crop"));
    for (const char *p : {"x", "y", "width", "height", "unit", "aspect", "gravity"})
        QVERIFY2(paramNames(crop).contains(QLatin1String(p)), p);
    QVERIFY(paramNamed(crop, QStringLiteral("unit"))
                .value(QStringLiteral("choices"))
                .toArray()
                .contains(QStringLiteral("percent")));

    const QJsonObject format = findById(ops, QStringLiteral("format"));
    for (const char *p : {"type", "quality", "png-compression", "progressive"})
        QVERIFY2(paramNames(format).contains(QLatin1String(p)), p);
    const QJsonArray types =
        paramNamed(format, QStringLiteral("type")).value(QStringLiteral("choices")).toArray();
    for (const char *t : {"auto", "jpeg", "png", "webp", "tiff", "bmp"})
        QVERIFY2(types.contains(QLatin1String(t)), t);
    const QJsonObject quality = paramNamed(format, QStringLiteral("quality"));
    QCOMPARE(quality.value(QStringLiteral("min")).toDouble(), 1.0);
    QCOMPARE(quality.value(QStringLiteral("max")).toDouble(), 100.0);

    // The plain listing comes from the same specs.
    const CliRun plain = h.run({QStringLiteral("ops")});
    QVERIFY2(plain.exitedNormallyWith(0), plain.describe());
    const QString text = QString::fromUtf8(plain.out);
    QVERIFY2(text.contains(QLatin1String("size (1..65535 px, default 256)")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("fit (one of inside, cover, exact, default inside)")),
             qPrintable(text));
}

void TestCli::opsJsonWithoutTestOps()
{
    CliHarness h;
    QVERIFY(h.isValid());
    CliRun r = h.run({QStringLiteral("ops"), QStringLiteral("--json")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QVERIFY(
        !findById(QJsonDocument::fromJson(r.out).array(), QStringLiteral("debug-abort")).isEmpty());

    // Without PIXQUEUE_ENABLE_TEST_OPS=1 the test hooks do not exist, so no recipe can use them.
    h.setTestOpsEnabled(false);
    r = h.run({QStringLiteral("ops"), QStringLiteral("--json")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    const QJsonArray ops = QJsonDocument::fromJson(r.out).array();
    QVERIFY(!findById(ops, QStringLiteral("resize")).isEmpty());
    for (const char *id : {"debug-abort", "debug-sleep", "debug-fail"})
        QVERIFY2(findById(ops, QString::fromLatin1(id)).isEmpty(), id);
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString img = h.path(QStringLiteral("in/face.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), img));
    r = h.run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--op"),
               QStringLiteral("debug-abort"), QStringLiteral("--out"),
               h.path(QStringLiteral("out")), img});
    QVERIFY2(r.exitedNormallyWith(2), r.describe());
    QVERIFY2(r.err.contains("unknown operation 'debug-abort'"), r.describe());
    QCOMPARE(totalJobs(h, db), 0);
}

// ---- bad inputs --------------------------------------------------------------------------------

void TestCli::badInputBatch()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString in = h.path(QStringLiteral("in"));
    const QString out = h.path(QStringLiteral("out"));
    const QString db = h.path(QStringLiteral("db.sqlite"));

    QVERIFY(copyFile(testDataPath(kFace), in + QStringLiteral("/face.jpg")));
    QVERIFY(copyFile(testDataPath(kCameraman), in + QStringLiteral("/cameraman.png")));
    QVERIFY(writeFile(in + QStringLiteral("/empty.jpg"), QByteArray()));
    const QByteArray jpeg = readAll(testDataPath(kFace));
    QVERIFY(writeFile(in + QStringLiteral("/truncated.jpg"), jpeg.left(jpeg.size() * 4 / 10)));
    QVERIFY(writeFile(in + QStringLiteral("/notes.jpg"),
                      "These are my holiday notes, not a photo.\nDay 1: beach.\n"));
    QVERIFY(copyFile(testDataPath(kFace), in + QStringLiteral("/locked/inside.jpg")));

    const bool enforced = makePermissionsEnforced(h);
    const QString locked = in + QStringLiteral("/locked");
    if (enforced) {
        QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
        h.restorePermissionsLater(locked);
    } else {
        qInfo("file permissions are not enforced here: the unreadable folder is left out "
              "(see unreadableNestedFolder)");
    }

    QMap<QString, QByteArray> hashes; // every input, before
    for (const QString &f : filesBelow(in))
        hashes.insert(f, sha256(in + QLatin1Char('/') + f));

    QStringList args{QStringLiteral("--db"),
                     db,
                     QStringLiteral("process"),
                     QStringLiteral("--op"),
                     QStringLiteral("thumbnail:size=128"),
                     QStringLiteral("--out"),
                     out,
                     in + QStringLiteral("/face.jpg"),
                     in + QStringLiteral("/cameraman.png"),
                     in + QStringLiteral("/missing.jpg"),
                     in + QStringLiteral("/empty.jpg"),
                     in + QStringLiteral("/truncated.jpg"),
                     in + QStringLiteral("/notes.jpg")};
    if (enforced)
        args << locked;
    const CliRun r = h.run(args);
    // Exit 1 (some job failed) from a normal exit: no crash, no usage error.
    QVERIFY2(r.exitedNormallyWith(1), r.describe());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(QStringLiteral("%1 job(s) failed:").arg(enforced ? 5 : 4)), r.describe());

    const QJsonArray jobs = h.list(db);
    QCOMPARE(jobs.size(), enforced ? 7 : 6);

    struct Expected
    {
        QString input;
        QStringList words; // all must appear in the error message
    };
    QList<Expected> bad{
        {QStringLiteral("missing.jpg"),
         {QStringLiteral("missing.jpg"), QStringLiteral("not found")}},
        {QStringLiteral("empty.jpg"), {QStringLiteral("empty.jpg"), QStringLiteral("empty")}},
        {QStringLiteral("truncated.jpg"),
         {QStringLiteral("truncated.jpg"), QStringLiteral("truncated")}},
        {QStringLiteral("notes.jpg"),
         {QStringLiteral("notes.jpg"), QStringLiteral("not a supported image")}}};
    if (enforced)
        bad.append({QStringLiteral("locked"),
                    {QStringLiteral("locked"), QStringLiteral("folder"),
                     QStringLiteral("permission denied")}});
    for (const Expected &e : std::as_const(bad)) {
        const QJsonObject job = jobForInput(jobs, e.input);
        QVERIFY2(!job.isEmpty(), qPrintable(e.input));
        const QString msg = job.value(QStringLiteral("error")).toString();
        QVERIFY2(
            job.value(QStringLiteral("state")).toString() == QLatin1String("failed"),
            qPrintable(e.input + QLatin1Char(' ') + job.value(QStringLiteral("state")).toString()));
        QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 1); // permanent: not retried
        QCOMPARE(job.value(QStringLiteral("error_kind")).toString(), QStringLiteral("permanent"));
        for (const QString &w : e.words)
            QVERIFY2(msg.contains(w, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("%1: '%2' lacks '%3'").arg(e.input, msg, w)));
        // The summary on stderr names each failure too.
        QVERIFY2(err.contains(msg), qPrintable(err));
        QVERIFY(!QFileInfo::exists(job.value(QStringLiteral("output")).toString()));
    }

    // The good ones are done, and their outputs are real 128 px thumbnails.
    const QMap<QString, QString> good{
        {QStringLiteral("face.jpg"), QStringLiteral("face.jpg")},
        {QStringLiteral("cameraman.png"), QStringLiteral("cameraman.png")}};
    for (auto it = good.cbegin(); it != good.cend(); ++it) {
        const QJsonObject job = jobForInput(jobs, it.key());
        QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 1);
        QCOMPARE(job.value(QStringLiteral("outcome")).toString(), QStringLiteral("written"));
        QCOMPARE(job.value(QStringLiteral("output")).toString(),
                 out + QLatin1Char('/') + it.value());
        const cv::Mat img = decode(out + QLatin1Char('/') + it.value());
        QVERIFY2(!img.empty(), qPrintable(it.value()));
        QCOMPARE(maxSide(img), 128);
    }
    QCOMPARE(filesBelow(out),
             QStringList({QStringLiteral("cameraman.png"), QStringLiteral("face.jpg")}));

    // Every output path lies in the output folder, failed jobs included.
    for (const QJsonValue &v : jobs) {
        const QString output = v.toObject().value(QStringLiteral("output")).toString();
        QVERIFY2(output.startsWith(out + QLatin1Char('/')), qPrintable(output));
    }

    // The originals are untouched.
    if (enforced)
        QVERIFY(
            QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
        QVERIFY2(sha256(in + QLatin1Char('/') + it.key()) == it.value(), qPrintable(it.key()));
    QCOMPARE(filesBelow(in), hashes.keys());
}

void TestCli::unreadableNestedFolder()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString in = h.path(QStringLiteral("in"));
    const QString out = h.path(QStringLiteral("out"));
    const QString db = h.path(QStringLiteral("db.sqlite"));
    QVERIFY(copyFile(testDataPath(kFace), in + QStringLiteral("/a/face.jpg")));
    QVERIFY(copyFile(testDataPath(kFace), in + QStringLiteral("/a/private/secret.jpg")));
    if (!makePermissionsEnforced(h))
        QSKIP("file permissions are not enforced for the CLI here (root without a way to drop "
              "privileges, or CAP_DAC_OVERRIDE)");
    const QString locked = in + QStringLiteral("/a/private");
    QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
    h.restorePermissionsLater(locked);

    const CliRun r =
        h.run({QStringLiteral("--db"), db, QStringLiteral("process"), QStringLiteral("--op"),
               QStringLiteral("thumbnail:size=64"), QStringLiteral("--out"), out, in});
    QVERIFY2(r.exitedNormallyWith(1), r.describe());
    const QJsonArray jobs = h.list(db);
    QCOMPARE(jobs.size(), 2);
    const QJsonObject face = jobForInput(jobs, QStringLiteral("face.jpg"));
    QCOMPARE(face.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(face.value(QStringLiteral("output")).toString(), out + QStringLiteral("/a/face.jpg"));
    QCOMPARE(maxSide(decode(out + QStringLiteral("/a/face.jpg"))), 64);
    const QJsonObject priv = jobForInput(jobs, QStringLiteral("private"));
    QCOMPARE(priv.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    const QString msg = priv.value(QStringLiteral("error")).toString();
    QVERIFY2(msg.contains(QLatin1String("folder")) &&
                 msg.contains(QLatin1String("permission denied")) && msg.contains(locked),
             qPrintable(msg));
    QVERIFY2(priv.value(QStringLiteral("output")).toString().startsWith(out + QLatin1Char('/')),
             qPrintable(priv.value(QStringLiteral("output")).toString()));
    QCOMPARE(filesBelow(out), QStringList({QStringLiteral("a/face.jpg")}));
}

void TestCli::unwritableOutputFolder()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString img = h.path(QStringLiteral("in/face.jpg"));
    const QString aFile = h.path(QStringLiteral("afile"));
    const QString db = h.path(QStringLiteral("db.sqlite"));
    QVERIFY(copyFile(testDataPath(kFace), img));
    QVERIFY(writeFile(aFile, "a regular file, not a folder\n"));
    const QByteArray before = sha256(img);

    // A folder below a regular file cannot be created, not even by root.
    const QString out = aFile + QStringLiteral("/out");
    const CliRun r =
        h.run({QStringLiteral("--db"), db, QStringLiteral("process"), QStringLiteral("--op"),
               QStringLiteral("thumbnail:size=128"), QStringLiteral("--out"), out, img});
    QVERIFY2(r.exitedNormallyWith(1), r.describe());
    const QJsonArray jobs = h.list(db);
    QCOMPARE(jobs.size(), 1);
    const QJsonObject job = jobs.first().toObject();
    QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(job.value(QStringLiteral("error_kind")).toString(), QStringLiteral("permanent"));
    QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 1);
    const QString msg = job.value(QStringLiteral("error")).toString();
    QVERIFY2(msg.contains(QLatin1String("output folder")) && msg.contains(out) &&
                 msg.contains(QLatin1String("is a file, not a folder")),
             qPrintable(msg));
    QVERIFY2(r.err.contains(msg.toUtf8()), r.describe());
    QCOMPARE(sha256(img), before);
    QCOMPARE(readAll(aFile), QByteArray("a regular file, not a folder\n"));
}

void TestCli::inputDeletedAfterAdd()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString out = h.path(QStringLiteral("out"));
    const QString keep = h.path(QStringLiteral("in/keep.jpg"));
    const QString gone = h.path(QStringLiteral("in/gone.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), keep));
    QVERIFY(copyFile(testDataPath(kFace), gone));

    CliRun r =
        h.run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--op"),
               QStringLiteral("thumbnail:size=100"), QStringLiteral("--out"), out, keep, gone});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    bool ok = false;
    const qint64 batch = QString::fromUtf8(r.out).trimmed().toLongLong(&ok);
    QVERIFY2(ok && batch > 0, r.describe()); // `add` prints the batch id
    QCOMPARE(h.status(db).value(QStringLiteral("queued")).toInt(), 2);
    QVERIFY(QFile::remove(gone));

    r = h.run({QStringLiteral("--db"), db, QStringLiteral("run"), QStringLiteral("--until-idle")});
    QVERIFY2(r.exitedNormallyWith(1), r.describe());
    const QJsonArray jobs = h.list(db);
    QCOMPARE(jobs.size(), 2);
    for (const QJsonValue &v : jobs)
        QCOMPARE(v.toObject().value(QStringLiteral("batch")).toInteger(), batch);
    const QJsonObject goneJob = jobForInput(jobs, QStringLiteral("gone.jpg"));
    QCOMPARE(goneJob.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QVERIFY2(goneJob.value(QStringLiteral("error")).toString().contains(QLatin1String("not found")),
             qPrintable(goneJob.value(QStringLiteral("error")).toString()));
    const QJsonObject keepJob = jobForInput(jobs, QStringLiteral("keep.jpg"));
    QCOMPARE(keepJob.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(maxSide(decode(out + QStringLiteral("/keep.jpg"))), 100);
    QCOMPARE(filesBelow(out), QStringList({QStringLiteral("keep.jpg")}));
    QCOMPARE(sha256(keep), sha256(testDataPath(kFace)));
}

// ---- overwrite policies
// --------------------------------------------------------------------------

namespace {
struct Batch
{
    QString db, in, out;
    QStringList inputs;
};

Batch makeBatch(const CliHarness &h)
{
    Batch b{h.path(QStringLiteral("db.sqlite")),
            h.path(QStringLiteral("in")),
            h.path(QStringLiteral("out")),
            {}};
    copyFile(testDataPath(kFace), b.in + QStringLiteral("/face.jpg"));
    copyFile(testDataPath(kCameraman), b.in + QStringLiteral("/cameraman.png"));
    b.inputs = {b.in + QStringLiteral("/face.jpg"), b.in + QStringLiteral("/cameraman.png")};
    return b;
}

CliRun processBatch(const CliHarness &h, const Batch &b, const QString &policy)
{
    return h.run(QStringList{QStringLiteral("--db"), b.db, QStringLiteral("process"),
                             QStringLiteral("--op"), QStringLiteral("thumbnail:size=96"),
                             QStringLiteral("--op"), QStringLiteral("format:type=jpeg"),
                             QStringLiteral("--overwrite"), policy, QStringLiteral("--out"),
                             b.out} +
                 b.inputs);
}

struct FileStamp
{
    QByteArray hash;
    QDateTime mtime;
    qint64 inode;
    bool operator==(const FileStamp &o) const
    {
        return hash == o.hash && mtime == o.mtime && inode == o.inode;
    }
};

FileStamp stamp(const QString &path)
{
    return {sha256(path), QFileInfo(path).fileTime(QFileDevice::FileModificationTime),
            inodeOf(path)};
}
} // namespace

void TestCli::overwriteSkip()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const Batch b = makeBatch(h);
    CliRun r = processBatch(h, b, QStringLiteral("skip"));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    const QStringList outputs{QStringLiteral("cameraman.jpg"), QStringLiteral("face.jpg")};
    QCOMPARE(filesBelow(b.out), outputs);
    const FileStamp face = stamp(b.out + QStringLiteral("/face.jpg"));
    const FileStamp cam = stamp(b.out + QStringLiteral("/cameraman.jpg"));
    QTest::qWait(50); // a rewrite would show in the modification time

    r = processBatch(h, b, QStringLiteral("skip"));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QVERIFY2(r.err.contains("2 job(s) skipped: their output already exists"), r.describe());
    const QJsonArray all = h.list(b.db);
    QCOMPARE(all.size(), 4);
    const QJsonArray second = jobsOfBatch(all, lastBatch(all));
    QCOMPARE(second.size(), 2);
    for (const QJsonValue &v : second) {
        const QJsonObject job = v.toObject();
        QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(job.value(QStringLiteral("outcome")).toString(), QStringLiteral("skipped"));
        QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 0); // never ran
    }
    QCOMPARE(filesBelow(b.out), outputs);
    QVERIFY(stamp(b.out + QStringLiteral("/face.jpg")) == face);
    QVERIFY(stamp(b.out + QStringLiteral("/cameraman.jpg")) == cam);
}

void TestCli::overwriteRename()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const Batch b = makeBatch(h);
    CliRun r = processBatch(h, b, QStringLiteral("rename"));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    const FileStamp face = stamp(b.out + QStringLiteral("/face.jpg"));

    r = processBatch(h, b, QStringLiteral("rename"));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(filesBelow(b.out),
             QStringList({QStringLiteral("cameraman-1.jpg"), QStringLiteral("cameraman.jpg"),
                          QStringLiteral("face-1.jpg"), QStringLiteral("face.jpg")}));
    const QJsonArray all = h.list(b.db);
    const QJsonArray second = jobsOfBatch(all, lastBatch(all));
    QCOMPARE(second.size(), 2);
    QCOMPARE(
        jobForInput(second, QStringLiteral("face.jpg")).value(QStringLiteral("output")).toString(),
        b.out + QStringLiteral("/face-1.jpg"));
    QCOMPARE(jobForInput(second, QStringLiteral("cameraman.png"))
                 .value(QStringLiteral("output"))
                 .toString(),
             b.out + QStringLiteral("/cameraman-1.jpg"));
    // Same input content and recipe as the first batch: identical work is not done twice, the
    // first batch's outputs are copied and `list --json` says which job they came from.
    const QJsonArray first = jobsOfBatch(all, lastBatch(all) - 1);
    QCOMPARE(first.size(), 2);
    for (const QJsonValue &v : second) {
        const QJsonObject job = v.toObject();
        QCOMPARE(job.value(QStringLiteral("outcome")).toString(), QStringLiteral("reused"));
        const QString input = QFileInfo(job.value(QStringLiteral("input")).toString()).fileName();
        QCOMPARE(job.value(QStringLiteral("reused_from")).toInteger(),
                 jobForInput(first, input).value(QStringLiteral("id")).toInteger());
    }
    for (const QJsonValue &v : first)
        QVERIFY(v.toObject().value(QStringLiteral("reused_from")).isNull());
    QVERIFY(stamp(b.out + QStringLiteral("/face.jpg")) == face);
    // Same input, same recipe: the renamed copy is the same image.
    QCOMPARE(sha256(b.out + QStringLiteral("/face-1.jpg")), face.hash);
    QCOMPARE(maxSide(decode(b.out + QStringLiteral("/cameraman-1.jpg"))), 96);

    // A third run takes the next free number.
    r = processBatch(h, b, QStringLiteral("rename"));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QVERIFY(QFileInfo::exists(b.out + QStringLiteral("/face-2.jpg")));
    QCOMPARE(filesBelow(b.out).size(), 6);
}

void TestCli::overwriteReplace()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const Batch b = makeBatch(h);
    CliRun r = processBatch(h, b, QStringLiteral("replace"));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    const FileStamp face = stamp(b.out + QStringLiteral("/face.jpg"));
    // Something else is in the way of the second output.
    QVERIFY(writeFile(b.out + QStringLiteral("/cameraman.jpg"), "old content"));

    r = processBatch(h, b, QStringLiteral("replace"));
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(filesBelow(b.out),
             QStringList({QStringLiteral("cameraman.jpg"), QStringLiteral("face.jpg")}));
    const QJsonArray all = h.list(b.db);
    const QJsonArray second = jobsOfBatch(all, lastBatch(all));
    QCOMPARE(second.size(), 2);
    QCOMPARE(
        jobForInput(second, QStringLiteral("face.jpg")).value(QStringLiteral("output")).toString(),
        b.out + QStringLiteral("/face.jpg"));
    for (const QJsonValue &v : second) {
        QCOMPARE(v.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(v.toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("written"));
    }
    const FileStamp again = stamp(b.out + QStringLiteral("/face.jpg"));
    // Written anew (atomically: a new file renamed into place).
    if (face.inode >= 0)
        QVERIFY(again.inode != face.inode);
    else
        QVERIFY(again.mtime > face.mtime);
    QCOMPARE(again.hash, face.hash);
    QCOMPARE(maxSide(decode(b.out + QStringLiteral("/cameraman.jpg"))), 96);
}

void TestCli::outputNeverOverwritesInput()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString dir = h.path(QStringLiteral("photos"));
    const QString input = dir + QStringLiteral("/face.jpg");
    QVERIFY(copyFile(testDataPath(kFace), input));
    const QByteArray before = sha256(input);

    // type=auto keeps .jpg: the wanted output name is the input itself.
    for (const char *policy : {"rename", "replace", "skip"}) {
        const CliRun r =
            h.run({QStringLiteral("--db"), db, QStringLiteral("process"), QStringLiteral("--op"),
                   QStringLiteral("format:type=auto"), QStringLiteral("--overwrite"),
                   QString::fromLatin1(policy), QStringLiteral("--out"), dir, input});
        QVERIFY2(r.exitedNormallyWith(0), r.describe());
        QCOMPARE(sha256(input), before);
        const QJsonArray all = h.list(db);
        const QJsonObject job = jobsOfBatch(all, lastBatch(all)).first().toObject();
        QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(job.value(QStringLiteral("output")).toString(),
                 dir + QStringLiteral("/face-1.jpg"));
        const cv::Mat img = decode(dir + QStringLiteral("/face-1.jpg"));
        QCOMPARE(img.cols, 800);
        QCOMPARE(img.rows, 533);
        QCOMPARE(filesBelow(dir),
                 QStringList({QStringLiteral("face-1.jpg"), QStringLiteral("face.jpg")}));
        if (qstrcmp(policy, "skip") == 0) {
            // face-1.jpg exists from the runs before: with skip it must be left alone.
            QCOMPARE(job.value(QStringLiteral("outcome")).toString(), QStringLiteral("skipped"));
        }
    }
}

// ---- status, list, retry, cancel ---------------------------------------------------------------

void TestCli::failRetryCancel()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString out = h.path(QStringLiteral("out"));
    const QString img = h.path(QStringLiteral("in/face.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), img));

    CliRun r =
        h.run({QStringLiteral("--db"), db, QStringLiteral("process"), QStringLiteral("--op"),
               QStringLiteral("debug-fail:kind=permanent"), QStringLiteral("--out"), out, img});
    QVERIFY2(r.exitedNormallyWith(1), r.describe());
    QVERIFY2(r.err.contains("1 job(s) failed:"), r.describe());
    QVERIFY2(r.err.contains("debug-fail: simulated permanent failure"), r.describe());
    QJsonArray jobs = h.list(db);
    QCOMPARE(jobs.size(), 1);
    QJsonObject job = jobs.first().toObject();
    const qint64 failedId = job.value(QStringLiteral("id")).toInteger();
    QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 1);
    QCOMPARE(job.value(QStringLiteral("max_attempts")).toInt(), 5);
    QCOMPARE(job.value(QStringLiteral("error_kind")).toString(), QStringLiteral("permanent"));
    QVERIFY(job.value(QStringLiteral("error"))
                .toString()
                .contains(QLatin1String("simulated permanent failure")));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/face.jpg")));

    QJsonObject status = h.status(db);
    QCOMPARE(status.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(status.value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(h.list(db, QStringLiteral("failed")).size(), 1);
    QCOMPARE(h.list(db, QStringLiteral("done")).size(), 0);

    // The plain listing shows id, state, attempts, paths and the reason.
    r = h.run({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("--state"),
               QStringLiteral("failed")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QVERIFY2(
        r.out.startsWith(QByteArray::number(failedId) + "\tfailed\t1\t" + img.toUtf8() + " -> "),
        r.describe());
    QVERIFY2(r.out.contains("simulated permanent failure"), r.describe());

    r = h.run(
        {QStringLiteral("--db"), db, QStringLiteral("retry"), QStringLiteral("--all-failed")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("1 job(s) queued again"));
    job = h.list(db).first().toObject();
    QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
    QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 0);
    QCOMPARE(job.value(QStringLiteral("error")).toString(), QString());

    // A second, good job in another batch stays queued while the first is cancelled.
    r = h.run({QStringLiteral("--db"), db, QStringLiteral("add"), QStringLiteral("--op"),
               QStringLiteral("thumbnail:size=64"), QStringLiteral("--out"), out, img});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    r = h.run({QStringLiteral("--db"), db, QStringLiteral("cancel"), QString::number(failedId)});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("1 job(s) cancelled"));
    jobs = h.list(db);
    QCOMPARE(jobs.size(), 2);
    for (const QJsonValue &v : jobs) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(QStringLiteral("state")).toString(),
                 o.value(QStringLiteral("id")).toInteger() == failedId ? QStringLiteral("cancelled")
                                                                       : QStringLiteral("queued"));
    }
    // Cancelling it again changes nothing; an unknown id is not an error.
    r = h.run({QStringLiteral("--db"), db, QStringLiteral("cancel"), QString::number(failedId),
               QStringLiteral("9999")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("0 job(s) cancelled"));

    // Cancelled jobs are not failures: the run ends with 0, the other job done.
    r = h.run({QStringLiteral("--db"), db, QStringLiteral("run"), QStringLiteral("--until-idle")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    status = h.status(db);
    QCOMPARE(status.value(QStringLiteral("cancelled")).toInt(), 1);
    QCOMPARE(status.value(QStringLiteral("done")).toInt(), 1);
    QCOMPARE(status.value(QStringLiteral("total")).toInt(), 2);
    // While the first job was queued its output name was taken: the second job got the next one.
    QCOMPARE(filesBelow(out), QStringList({QStringLiteral("face-1.jpg")}));

    // retry ID brings a cancelled job back.
    r = h.run({QStringLiteral("--db"), db, QStringLiteral("retry"), QString::number(failedId)});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("1 job(s) queued again"));
    QCOMPARE(h.status(db).value(QStringLiteral("queued")).toInt(), 1);
}

void TestCli::transientFailureGivesUp()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString img = h.path(QStringLiteral("in/face.jpg"));
    QVERIFY(copyFile(testDataPath(kFace), img));
    // Attempt 1 fails, the retry waits the 2 s backoff, attempt 2 fails for good.
    const CliRun r = h.run({QStringLiteral("--db"), db, QStringLiteral("process"),
                            QStringLiteral("--max-attempts"), QStringLiteral("2"),
                            QStringLiteral("--op"), QStringLiteral("debug-fail:kind=transient"),
                            QStringLiteral("--out"), h.path(QStringLiteral("out")), img});
    QVERIFY2(r.exitedNormallyWith(1), r.describe());
    QVERIFY2(r.elapsedMs >= 2000, qPrintable(QString::number(r.elapsedMs)));
    const QJsonObject job = h.list(db).first().toObject();
    QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(job.value(QStringLiteral("attempts")).toInt(), 2);
    QCOMPARE(job.value(QStringLiteral("max_attempts")).toInt(), 2);
    QCOMPARE(job.value(QStringLiteral("error_kind")).toString(), QStringLiteral("transient"));
    const QString msg = job.value(QStringLiteral("error")).toString();
    QVERIFY2(msg.contains(QLatin1String("simulated transient failure")) &&
                 msg.contains(QLatin1String("gave up after 2 attempts")),
             qPrintable(msg));
}

void TestCli::goodBatchExitsZero()
{
    CliHarness h;
    QVERIFY(h.isValid());
    const QString db = h.path(QStringLiteral("db.sqlite"));
    const QString in = h.path(QStringLiteral("in"));
    const QString out = h.path(QStringLiteral("out"));
    QVERIFY(copyFile(testDataPath(kFace), in + QStringLiteral("/face.jpg")));
    QVERIFY(copyFile(testDataPath(kCameraman), in + QStringLiteral("/sub/cameraman.png")));
    QVERIFY(
        writeFile(in + QStringLiteral("/readme.txt"), "not an image type: skipped by the scan\n"));

    // A folder input: walked recursively, the sub-folder kept in the output.
    const CliRun r =
        h.run({QStringLiteral("--db"), db, QStringLiteral("process"), QStringLiteral("--preset"),
               QStringLiteral("thumbnail-256"), QStringLiteral("--out"), out, in});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QVERIFY2(!r.err.contains("failed"), r.describe());
    QVERIFY2(r.err.contains("skipped 1 file(s): not an image file type we read"), r.describe());
    QVERIFY2(r.out.contains("2/2 done, 0 failed"), r.describe());
    QCOMPARE(filesBelow(out),
             QStringList({QStringLiteral("face.jpg"), QStringLiteral("sub/cameraman.jpg")}));
    QCOMPARE(maxSide(decode(out + QStringLiteral("/face.jpg"))), 256);
    QCOMPARE(maxSide(decode(out + QStringLiteral("/sub/cameraman.jpg"))), 256);
    const QJsonObject status = h.status(db);
    QCOMPARE(status.value(QStringLiteral("done")).toInt(), 2);
    QCOMPARE(status.value(QStringLiteral("total")).toInt(), 2);
}

// --lang, PIXQUEUE_LANG and the system's language: the command line's own messages (its catalogue)
// and the core's (operation titles, job errors) in German and Chinese; --json and the states
// stay as they are for scripts.
void TestCli::translatedMessages()
{
#ifndef PIXQUEUE_CLI_TRANSLATED
    QSKIP("the catalogues are built only with Qt's LinguistTools (the window's build)");
#else
    CliHarness h;
    QVERIFY(h.isValid());

    CliRun r = h.run({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    QString text = QString::fromUtf8(r.out);
    for (const char *word : {"Aufruf: pixqueue-cli", "Befehle:", "Optionen:", "--lang CODE",
                             "Exit-Codes", "--overwrite skip|replace|rename"})
        QVERIFY2(text.contains(QString::fromUtf8(word)), word);
    QVERIFY2(!text.contains(QStringLiteral("Usage:")), qPrintable(text));

    // A usage error, with --lang after the command.
    r = h.run({QStringLiteral("frobnicate"), QStringLiteral("--lang=zh_CN")});
    QVERIFY2(r.exitedNormallyWith(2), r.describe());
    text = QString::fromUtf8(r.err);
    QVERIFY2(text.contains(QString::fromUtf8("未知命令“frobnicate”")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("pixqueue-cli --help")), qPrintable(text));

    // The system's language (LANGUAGE), and PIXQUEUE_LANG over it, and --lang over both.
    h.setEnv(QStringLiteral("LANGUAGE"), QStringLiteral("zh_CN"));
    r = h.run({QStringLiteral("--help")});
    QVERIFY2(QString::fromUtf8(r.out).contains(QString::fromUtf8("命令：")), r.describe());
    h.setEnv(QStringLiteral("PIXQUEUE_LANG"), QStringLiteral("de"));
    r = h.run({QStringLiteral("ops")});
    QVERIFY2(r.exitedNormallyWith(0), r.describe());
    text = QString::fromUtf8(r.out);
    // The core's catalogue: operation titles and parameter labels; the CLI's: "Standard".
    for (const char *word : {"sharpen - Schärfen", "thumbnail - Miniaturbild", ", Standard "})
        QVERIFY2(text.contains(QString::fromUtf8(word)), word);
    r = h.run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("ops")});
    QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("sharpen - Sharpen")), r.describe());
    QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral(", default ")), r.describe());

    // A batch with a broken file: the summary and the job's error in German, the same batch in
    // English for comparison; the JSON listing keeps its keys and states.
    const QString in = h.path(QStringLiteral("in"));
    QVERIFY(copyFile(testDataPath(kFace), in + QStringLiteral("/face.jpg")));
    QVERIFY(writeFile(in + QStringLiteral("/notes.jpg"), "holiday notes, not a photo\n"));
    QHash<QString, QString> errors; // language -> the broken file's error
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
        h.setEnv(QStringLiteral("PIXQUEUE_LANG"), language);
        const QString db = h.path(language + QStringLiteral(".sqlite"));
        r = h.run({QStringLiteral("--db"), db, QStringLiteral("process"), QStringLiteral("--op"),
                   QStringLiteral("thumbnail:size=64"), QStringLiteral("--out"),
                   h.path(QStringLiteral("out-") + language), in});
        QVERIFY2(r.exitedNormallyWith(1), r.describe());
        text = QString::fromUtf8(r.err);
        QVERIFY2(text.contains(language == QLatin1String("de")
                                   ? QStringLiteral("fehlgeschlagene Aufträge (1):")
                                   : QStringLiteral("1 job(s) failed:")),
                 qPrintable(text));
        const QJsonArray jobs = h.list(db, QStringLiteral("failed"));
        QCOMPARE(jobs.size(), 1);
        const QJsonObject job = jobs.first().toObject();
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        errors.insert(language, job.value(QLatin1String("error")).toString());
        QVERIFY2(errors[language].contains(QStringLiteral("notes.jpg")), qPrintable(text));
        QVERIFY2(text.contains(errors[language]), qPrintable(text));
    }
    QVERIFY2(errors[QStringLiteral("de")] != errors[QStringLiteral("en")],
             qPrintable(errors[QStringLiteral("de")]));
#endif
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
