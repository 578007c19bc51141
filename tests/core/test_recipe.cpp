// Parameter specs, CLI specs, recipe JSON and presets: everything generated from one declaration.

#include "jobs/JobRunner.h"
#include "ops/OperationRegistry.h"
#include "ops/ParamValues.h"
#include "ops/Recipe.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace pq;

class TestRecipe : public QObject
{
    Q_OBJECT

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void specsBecomeACompleteRecipe()
    {
        Recipe r;
        QVERIFY(!Recipe::fromSpecs({QStringLiteral("resize:width=800,fit=cover"),
                                    QStringLiteral("format:type=webp,quality=70")},
                                   &r));
        QCOMPARE(r.steps.size(), 1);
        QCOMPARE(r.steps[0].op, QStringLiteral("resize"));
        QCOMPARE(r.steps[0].params.value(QStringLiteral("width")).toInt(), 800);
        QCOMPARE(r.steps[0].params.value(QStringLiteral("fit")).toString(),
                 QStringLiteral("cover"));
        // Defaults fill every parameter the spec did not name.
        QCOMPARE(r.steps[0].params.value(QStringLiteral("height")).toInt(), 0);
        QCOMPARE(r.output.value(QStringLiteral("type")).toString(), QStringLiteral("webp"));
        QCOMPARE(r.output.value(QStringLiteral("quality")).toInt(), 70);
        QCOMPARE(r.outputSuffix(QStringLiteral("png")), QStringLiteral("webp"));
    }

    void errorsNameTheOpTheParameterAndTheRange_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("unknown op") << "nosuch:x=1" << QStringList{"nosuch", "resize", "thumbnail"};
        QTest::newRow("out of range")
            << "resize:width=-5" << QStringList{"resize", "width", "-5", "0..65535"};
        QTest::newRow("not a number")
            << "thumbnail:size=abc" << QStringList{"thumbnail", "size", "abc", "1..65535"};
        QTest::newRow("unknown param")
            << "resize:bogus=1" << QStringList{"resize", "bogus", "width"};
        QTest::newRow("bad enum") << "resize:width=5,fit=stretchy"
                                  << QStringList{"fit", "stretchy", "inside, cover, exact"};
        QTest::newRow("no key=value") << "resize:800" << QStringList{"resize", "key=value"};
        QTest::newRow("cross-parameter") << "resize" << QStringList{"resize"};
    }
    void errorsNameTheOpTheParameterAndTheRange()
    {
        QFETCH(QString, spec);
        QFETCH(QStringList, mentions);
        Recipe r;
        const auto err = Recipe::fromSpecs({spec}, &r);
        QVERIFY(err);
        for (const QString &m : mentions)
            QVERIFY2(err->contains(m), qPrintable(QStringLiteral("'%1' not in: %2").arg(m, *err)));
    }

    void jsonRoundTripsLosslessly()
    {
        Recipe r;
        QVERIFY(!Recipe::fromSpecs({QStringLiteral("crop:aspect=16:9,gravity=north"),
                                    QStringLiteral("thumbnail:size=300,square=true"),
                                    QStringLiteral("format:type=png,png-compression=9")},
                                   &r));
        r.name = QStringLiteral("mine");
        r.naming = QStringLiteral("{name}-small");
        r.steps[1].enabled = false;
        Recipe back;
        QVERIFY(!Recipe::fromJsonBytes(r.toJsonBytes(), &back));
        QCOMPARE(back.toJsonBytes(), r.toJsonBytes());
        QCOMPARE(back.steps[1].enabled, false);
        QCOMPARE(back.naming, QStringLiteral("{name}-small"));
        QCOMPARE(back.steps[0].params.value(QStringLiteral("aspect")).toString(),
                 QStringLiteral("16:9"));
    }

    void badJsonIsRefusedClearly()
    {
        Recipe r;
        auto err = Recipe::fromJsonBytes("{not json", &r);
        QVERIFY(err && err->contains(QStringLiteral("not valid JSON")));
        err = Recipe::fromJsonBytes(
            R"({"version":1,"steps":[{"op":"resize","params":{"width":99999}}]})", &r);
        QVERIFY(err && err->contains(QStringLiteral("step 1")) &&
                err->contains(QStringLiteral("width")));
        err = Recipe::fromJsonBytes(R"({"version":99})", &r);
        QVERIFY(err && err->contains(QStringLiteral("newer")));
    }

    void builtInPresetsLoad()
    {
        const QStringList names = PresetLibrary::names();
        for (const char *builtIn :
             {"thumbnail-128", "thumbnail-256", "thumbnail-512", "web-1600", "webp-800",
              "avatar-512", "portrait-retouch", "restore-old-photo", "email-1024", "archive-png"})
            QVERIFY2(names.contains(QLatin1String(builtIn)), builtIn);
        for (const QString &name : names) {
            Recipe r;
            const auto err = PresetLibrary::load(name, &r);
            QVERIFY2(!err, qPrintable(err.value_or(QString())));
            QCOMPARE(r.name, name);
        }
        Recipe r;
        QVERIFY(PresetLibrary::load(QStringLiteral("no-such-preset"), &r));
    }

    // The portrait preset runs as one job on a real portrait: red-eye, teeth whitening and a gentle
    // contrast, same size out, and the original untouched.
    void portraitRetouchPresetRuns()
    {
        Recipe recipe;
        QVERIFY(!PresetLibrary::load(QStringLiteral("portrait-retouch"), &recipe));
        QTemporaryDir dir;
        LeasedJob job;
        job.id = 1;
        job.inputPath = QStringLiteral(PIXQUEUE_TEST_DATA "/teeth_katherine_maher.jpg");
        job.outputPath = dir.filePath(QStringLiteral("portrait.jpg"));
        job.recipeJson = recipe.toJsonBytes();
        const QByteArray before = readAll(job.inputPath);
        OpContext ctx;
        const JobOutcome outcome = runRecipe(job, ctx);
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        const cv::Mat in = cv::imread(job.inputPath.toStdString());
        const cv::Mat out = cv::imread(job.outputPath.toStdString());
        QCOMPARE(out.size(), in.size());
        QVERIFY(cv::norm(in, out, cv::NORM_L1) > 0);
        QCOMPARE(readAll(job.inputPath), before);
    }

    // `pixqueue-cli add --op colorize:engine=reference,reference=photo.jpg` then `run` from
    // another folder: the recipe must carry the absolute path.
    void relativeFileParametersBecomeAbsolute()
    {
        Recipe r;
        const auto err = Recipe::fromSpecs(
            {QStringLiteral("colorize:engine=reference,reference=some/ref.jpg")}, &r);
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
        QCOMPARE(r.steps.first().params.value(QStringLiteral("reference")).toString(),
                 QDir::current().absoluteFilePath(QStringLiteral("some/ref.jpg")));
    }

    // A comma inside a value is written '\,' on the command line; other backslashes (Windows
    // paths) stay as they are.
    void escapedCommasInSpecs()
    {
        Recipe r;
        auto err = Recipe::fromSpecs(
            {QStringLiteral("watermark-text:text=Smith\\, 2026 \\\\ all rights,opacity=0.25")}, &r);
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
        QCOMPARE(r.steps.first().params.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Smith, 2026 \\ all rights"));
        QCOMPARE(r.steps.first().params.value(QStringLiteral("opacity")).toDouble(), 0.25);
        err = Recipe::fromSpecs({QStringLiteral("watermark-text:text=C:\\photos\\x")}, &r);
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
        QCOMPARE(r.steps.first().params.value(QStringLiteral("text")).toString(),
                 QStringLiteral("C:\\photos\\x"));
    }

    void describeListsEveryOperationWithItsParameters()
    {
        const QJsonArray ops = OperationRegistry::instance().describe();
        QStringList ids;
        for (const QJsonValue &v : ops)
            ids << v.toObject().value(QStringLiteral("id")).toString();
        for (const char *id : {"crop", "format", "resize", "thumbnail"})
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        for (const QJsonValue &v : ops)
            QVERIFY(v.toObject().value(QStringLiteral("params")).isArray());
    }

    void coloursAndRectangles()
    {
        QCOMPARE(*parseColor(QStringLiteral("#ff8000")), cv::Scalar(0, 128, 255, 255));
        QCOMPARE(*parseColor(QStringLiteral("#ff800080")), cv::Scalar(0, 128, 255, 128));
        QCOMPARE(*parseColor(QStringLiteral("#fff")), cv::Scalar(255, 255, 255, 255));
        QCOMPARE(*parseColor(QStringLiteral("White")), cv::Scalar(255, 255, 255, 255));
        QVERIFY(!parseColor(QStringLiteral("#12345")));
        QVERIFY(!parseColor(QStringLiteral("mauve-ish")));
        QCOMPARE(formatColor(cv::Scalar(0, 128, 255, 255)), QStringLiteral("#ff8000"));
        const auto rects = parseRects(QStringLiteral("40x30+100+120; 10x10+0+0"));
        QVERIFY(rects);
        QCOMPARE(rects->size(), size_t(2));
        QCOMPARE(rects->at(0), cv::Rect(100, 120, 40, 30));
        QCOMPARE(formatRects(*rects), QStringLiteral("40x30+100+120 10x10+0+0"));
        QVERIFY(parseRects(QString())->empty());
        QVERIFY(!parseRects(QStringLiteral("40x30")));
        QVERIFY(!parseRects(QStringLiteral("0x30+1+1")));
    }
};

QTEST_GUILESS_MAIN(TestRecipe)
#include "test_recipe.moc"
