// The window's preview renderer on real photos: decoded small (shrink-on-load, EXIF orientation as
// the jobs see it), the recipe run on the small copy with pixel parameters scaled to it, the
// output's size bounded, unreadable files reported without a crash, and a focus step showing the
// image in the coordinates that step sees.

#include "imageio/ImageIO.h"
#include "ops/OperationRegistry.h"
#include "ops/ParamValues.h"
#include "preview/PreviewRenderer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgproc.hpp>

using namespace pq;
using namespace pq::preview;

namespace {

const QString kData = QStringLiteral(PIXQUEUE_TEST_DATA);

QString dataFile(const char *name)
{
    return kData + QLatin1Char('/') + QLatin1String(name);
}

Recipe recipeOf(const QStringList &specs)
{
    Recipe r;
    const auto error = Recipe::fromSpecs(specs, &r);
    if (error)
        qWarning("%s", qPrintable(*error));
    return r;
}

// Largest difference between the colour channels of any pixel: 0 for a grey image.
double maxChroma(const cv::Mat &bgr)
{
    if (bgr.channels() == 1)
        return 0;
    std::vector<cv::Mat> ch;
    cv::split(bgr, ch);
    cv::Mat d1, d2;
    cv::absdiff(ch[0], ch[1], d1);
    cv::absdiff(ch[1], ch[2], d2);
    double m1 = 0, m2 = 0;
    cv::minMaxLoc(d1, nullptr, &m1);
    cv::minMaxLoc(d2, nullptr, &m2);
    return std::max(m1, m2);
}

const Operation &op(const char *id)
{
    const Operation *o = OperationRegistry::instance().find(QLatin1String(id));
    Q_ASSERT(o);
    return *o;
}

Params paramsOf(const char *id, const QVariantMap &given)
{
    Params p;
    const auto e = OperationRegistry::instance().completeParams(op(id), given, &p);
    if (e)
        qWarning("%s", qPrintable(*e));
    return p;
}

} // namespace

class TestPreviewRenderer : public QObject
{
    Q_OBJECT

private slots:
    void grayscaleRecipeGivesGrayAfter();
    void largeInputIsBoundedAndShrunkOnLoad();
    void exifOrientationIsApplied();
    void corruptFilesGiveAnError();
    void pixelParametersAreScaled();
    void clampedParametersAreNoted();
    void thumbnailKeepsItsFullSizeEstimate();
    void growingStepsStayBounded();
    void focusStepShowsTheStepsCoordinates();
    void invalidStepIsSkippedWithANote();
    void cancelledRenderStops();

private:
    QTemporaryDir m_tmp;
};

void TestPreviewRenderer::grayscaleRecipeGivesGrayAfter()
{
    const PreviewResult r = renderPreviewFile(
        dataFile("teeth_katherine_maher.jpg"),
        recipeOf({QStringLiteral("grayscale"), QStringLiteral("format:type=png")}));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(!r.before.empty());
    QVERIFY(!r.after.empty());
    QCOMPARE(r.before.size(), cv::Size(800, 533)); // not larger than maxSide: as it is
    QVERIFY(maxChroma(r.before) > 40);             // a colour photo
    QCOMPARE(maxChroma(r.after), 0.0);
    QCOMPARE(r.after.depth(), CV_8U);
    QCOMPARE(r.beforeFullSize, cv::Size(800, 533));
    QCOMPARE(r.afterFullSize, cv::Size(800, 533));
}

void TestPreviewRenderer::largeInputIsBoundedAndShrunkOnLoad()
{
    const QString path = dataFile("large_cc0_dandelions_5312x2988.jpg");
    const PreviewSource src = loadPreviewSource(path, 1024);
    QVERIFY(src.isValid());
    QCOMPARE(src.fullSize, cv::Size(5312, 2988));
    QCOMPARE(std::max(src.image.cols, src.image.rows), 1024);
    QVERIFY(std::abs(src.image.rows - qRound(2988 * 1024.0 / 5312)) <= 1);
    QVERIFY(std::abs(src.scale() - 1024.0 / 5312) < 1e-3);

    // The same picture as the full decode, scaled (shrink-on-load is only a faster way there).
    const imageio::Decoded full = imageio::decodeFile(path);
    QVERIFY(!full.error);
    cv::Mat reference;
    cv::resize(full.image, reference, src.image.size(), 0, 0, cv::INTER_AREA);
    cv::Mat diff;
    cv::absdiff(reference, src.image, diff);
    QVERIFY2(cv::mean(diff)[0] < 4.0, qPrintable(QString::number(cv::mean(diff)[0])));

    const PreviewResult r = renderPreview(src, recipeOf({QStringLiteral("sepia")}));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(std::max(r.after.cols, r.after.rows) <= 1024);
    QCOMPARE(r.afterFullSize, cv::Size(5312, 2988));
}

void TestPreviewRenderer::exifOrientationIsApplied()
{
    // Stored 800x533 with Orientation=6: jobs see it 533x800, and so does the preview.
    const PreviewSource src =
        loadPreviewSource(dataFile("face_filippo_giunchedi_cmyk_exif_rot90.jpg"), 400);
    QVERIFY(src.isValid());
    QCOMPARE(src.fullSize, cv::Size(533, 800));
    QCOMPARE(src.image.rows, 400);
    QVERIFY(std::abs(src.image.cols - 266) <= 1);

    // Same pixels as the full decode the jobs make, scaled.
    const imageio::Decoded full =
        imageio::decodeFile(dataFile("face_filippo_giunchedi_cmyk_exif_rot90.jpg"));
    QVERIFY(!full.error);
    QCOMPARE(full.image.size(), cv::Size(533, 800));
    cv::Mat reference, diff;
    cv::resize(full.image, reference, src.image.size(), 0, 0, cv::INTER_AREA);
    cv::absdiff(reference, src.image, diff);
    QVERIFY(cv::mean(diff)[0] < 6.0);
}

void TestPreviewRenderer::corruptFilesGiveAnError()
{
    QVERIFY(m_tmp.isValid());
    // A JPEG cut in half, a text file with a .jpg name, an empty file, a missing file.
    QFile in(dataFile("teeth_katherine_maher.jpg"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    const QString truncated = m_tmp.filePath(QStringLiteral("truncated.jpg"));
    const QString text = m_tmp.filePath(QStringLiteral("text.jpg"));
    const QString empty = m_tmp.filePath(QStringLiteral("empty.png"));
    for (const auto &[path, content] :
         {std::pair{truncated, bytes.left(bytes.size() / 2)},
          std::pair{text, QByteArray("this is not a photo\n")}, std::pair{empty, QByteArray()}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const Recipe recipe = recipeOf({QStringLiteral("grayscale")});
    for (const QString &path :
         {truncated, text, empty, m_tmp.filePath(QStringLiteral("missing.jpg"))}) {
        const PreviewResult r = renderPreviewFile(path, recipe);
        QVERIFY2(!r.error.isEmpty(), qPrintable(path));
        QVERIFY(r.before.empty());
        QVERIFY(r.after.empty());
    }
}

void TestPreviewRenderer::pixelParametersAreScaled()
{
    QStringList notes;
    const Params eyes = scaleStepParams(
        op("red-eye"),
        paramsOf("red-eye", {{QStringLiteral("mode"), QStringLiteral("manual")},
                             {QStringLiteral("eyes"), QStringLiteral("100x80+400+200 40x40+0+0")},
                             {QStringLiteral("points"), QStringLiteral("120:88")},
                             {QStringLiteral("radius"), 20}}),
        0.25, &notes);
    QCOMPARE(eyes.value(QStringLiteral("eyes")).toString(),
             QStringLiteral("25x20+100+50 10x10+0+0"));
    QCOMPARE(eyes.value(QStringLiteral("points")).toString(), QStringLiteral("30:22"));
    QCOMPARE(eyes.value(QStringLiteral("radius")).toInt(), 5);
    QCOMPARE(eyes.value(QStringLiteral("mode")).toString(), QStringLiteral("manual"));

    const Params crop = scaleStepParams(
        op("crop"), paramsOf("crop", {{QStringLiteral("x"), 100}, {QStringLiteral("width"), 400}}),
        0.5, &notes);
    QCOMPARE(crop.value(QStringLiteral("x")).toDouble(), 50.0);
    QCOMPARE(crop.value(QStringLiteral("width")).toDouble(), 200.0);
    const Params cropPercent =
        scaleStepParams(op("crop"),
                        paramsOf("crop", {{QStringLiteral("x"), 10},
                                          {QStringLiteral("unit"), QStringLiteral("percent")}}),
                        0.5, &notes);
    QCOMPARE(cropPercent.value(QStringLiteral("x")).toDouble(), 10.0);

    const Params mouth = scaleStepParams(
        op("teeth-whiten"),
        paramsOf("teeth-whiten", {{QStringLiteral("mouth"), QStringLiteral("200x100+300+400")}}),
        0.5, &notes);
    QCOMPARE(mouth.value(QStringLiteral("mouth")).toString(), QStringLiteral("100x50+150+200"));

    const Params thumb = scaleStepParams(
        op("thumbnail"), paramsOf("thumbnail", {{QStringLiteral("size"), 256}}), 0.5, &notes);
    QCOMPARE(thumb.value(QStringLiteral("size")).toInt(), 128);
    // Relative sizes are left alone.
    const Params wm = scaleStepParams(
        op("watermark-text"),
        paramsOf("watermark-text", {{QStringLiteral("text"), QStringLiteral("(c)")}}), 0.5, &notes);
    QCOMPARE(wm, paramsOf("watermark-text", {{QStringLiteral("text"), QStringLiteral("(c)")}}));
    QVERIFY2(notes.isEmpty(), qPrintable(notes.join(QLatin1Char('\n'))));
}

void TestPreviewRenderer::clampedParametersAreNoted()
{
    QStringList notes;
    const Params p = scaleStepParams(op("denoise"), paramsOf("denoise", {}), 0.2, &notes);
    // 21 px at 1/5 is 4.2 px, below the minimum 7: clamped, still odd, and said.
    QCOMPARE(p.value(QStringLiteral("search-window")).toInt(), 7);
    QCOMPARE(p.value(QStringLiteral("template-window")).toInt() % 2, 1);
    QVERIFY(!op("denoise").validate(p));
    QVERIFY(!notes.isEmpty());

    // And the preview still renders.
    const PreviewResult r = renderPreviewFile(dataFile("large_cc0_dandelions_5312x2988.jpg"),
                                              recipeOf({QStringLiteral("denoise")}), 512);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(!r.after.empty());
    QVERIFY(!r.notes.isEmpty());
}

void TestPreviewRenderer::thumbnailKeepsItsFullSizeEstimate()
{
    // A 256 px thumbnail of the 5312 px photo: at 1024/5312 scale it is ~49 px in the preview,
    // and the preview knows the output is 256 px wide.
    const PreviewResult r = renderPreviewFile(dataFile("large_cc0_dandelions_5312x2988.jpg"),
                                              recipeOf({QStringLiteral("thumbnail:size=256")}));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY2(std::abs(r.after.cols - 49) <= 1, qPrintable(QString::number(r.after.cols)));
    QVERIFY2(std::abs(r.afterFullSize.width - 256) <= 6,
             qPrintable(QString::number(r.afterFullSize.width)));
}

void TestPreviewRenderer::growingStepsStayBounded()
{
    // Enlarging to 8000 px wide and a wide canvas: the preview stays within maxSide.
    const PreviewResult r = renderPreviewFile(
        dataFile("teeth_katherine_maher.jpg"),
        recipeOf({QStringLiteral("resize:width=8000"),
                  QStringLiteral("canvas:width=12000,height=9000"), QStringLiteral("grayscale")}),
        600);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(std::max(r.after.cols, r.after.rows) <= 600);
    QVERIFY2(std::abs(r.afterFullSize.width - 12000) <= 30,
             qPrintable(QString::number(r.afterFullSize.width)));
    QVERIFY(std::abs(r.afterFullSize.height - 9000) <= 30);
}

void TestPreviewRenderer::focusStepShowsTheStepsCoordinates()
{
    // Half size first, then red-eye: the red-eye step sees a half-size image, and the focus
    // view's `before` says so.
    const Recipe recipe = recipeOf({QStringLiteral("resize:percent=50"),
                                    QStringLiteral("red-eye:mode=manual,eyes=60x60+100+100"),
                                    QStringLiteral("sepia")});
    const PreviewSource src = loadPreviewSource(dataFile("redeye_boldredeye.png"), 400);
    QVERIFY(src.isValid());
    const PreviewResult r = renderPreview(src, recipe, 1);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY(std::abs(r.beforeFullSize.width - 288) <= 1);
    QVERIFY(std::abs(r.beforeFullSize.height - 217) <= 1);
    QCOMPARE(r.before.size(), r.after.size());
    QCOMPARE(r.afterFullSize, r.beforeFullSize);
    // Sepia (after the focus step) did not run: the after image still has its red.
    QVERIFY(maxChroma(r.after) > 60);

    // Without a focus: the source, and the whole recipe.
    const PreviewResult all = renderPreview(src, recipe);
    QCOMPARE(all.beforeFullSize, cv::Size(576, 433));
    QCOMPARE(all.before.size(), src.image.size());
}

void TestPreviewRenderer::invalidStepIsSkippedWithANote()
{
    // Manual mode without eyes (the state right after switching the mode in the form).
    Recipe recipe = recipeOf({QStringLiteral("grayscale")});
    Params manual = paramsOf("red-eye", {});
    manual.insert(QStringLiteral("mode"), QStringLiteral("manual"));
    RecipeStep redEye{QStringLiteral("red-eye"), manual, true};
    recipe.steps.prepend(redEye);
    const PreviewResult r = renderPreviewFile(dataFile("redeye_boldredeye.png"), recipe);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.notes.size(), 1);
    QCOMPARE(maxChroma(r.after), 0.0); // the grayscale step still ran
}

void TestPreviewRenderer::cancelledRenderStops()
{
    const PreviewSource src = loadPreviewSource(dataFile("teeth_katherine_maher.jpg"));
    std::atomic_bool cancelled{true};
    const PreviewResult r =
        renderPreview(src, recipeOf({QStringLiteral("denoise")}), -1, &cancelled);
    QVERIFY(r.cancelled);
    QVERIFY(r.after.empty());
}

QTEST_GUILESS_MAIN(TestPreviewRenderer)
#include "test_preview_renderer.moc"
