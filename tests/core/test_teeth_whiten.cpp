// teeth-whiten: measured on real smiling faces. Inside the teeth mask b* drops and L* rises, more
// with more strength; nothing outside the mouths changes; strength 0 and photos without a face
// are returned as they are; manual mouth rectangles; 1-, 4-channel and 16-bit input.

#include "ImageTestUtil.h"
#include "RetouchTestUtil.h"

#include <QTest>
#include <opencv2/imgproc.hpp>

using namespace pq;
namespace rt = pq::ops::retouch;

namespace {

struct TeethLab
{
    double L = 0;
    double b = 0;
    int pixels = 0;
};

TeethLab teethLab(const cv::Mat &image, const std::vector<rt::MaskPatch> &teeth)
{
    TeethLab t;
    const cv::Scalar m =
        pqtest::retouch::meanInMasks(image, teeth, &pqtest::retouch::labOf, &t.pixels);
    t.L = m[0];
    t.b = m[2];
    return t;
}

cv::Mat to16(const cv::Mat &m)
{
    cv::Mat out;
    m.convertTo(out, CV_16U, 257.0);
    return out;
}

} // namespace

class TestTeethWhiten : public QObject
{
    Q_OBJECT

private slots:
    void validation();
    void whitensTeeth_data();
    void whitensTeeth();
    void strengthZeroIsIdentity();
    void noFaceReturnsTheImageAsIs_data();
    void noFaceReturnsTheImageAsIs();
    void manualMouthRectangle();
    void manualRectangleWithoutTeethChangesNothing();
    void grayscaleIsReturnedUnchanged();
    void bgraKeepsAlpha();
    void sixteenBit();
    void honoursCancellation();

private:
    cv::Mat load(const QString &file)
    {
        const auto d = pqtest::decodeTestImage(file);
        if (d.error)
            qFatal("cannot decode %s: %s", qPrintable(file), qPrintable(d.error->message));
        return d.image;
    }
};

void TestTeethWhiten::validation()
{
    Params p;
    for (const QVariantMap &bad : {QVariantMap{{"strength", -0.1}}, QVariantMap{{"strength", 1.5}},
                                   QVariantMap{{"strength", "lots"}}}) {
        const auto err = pqtest::complete(QStringLiteral("teeth-whiten"), bad, &p);
        QVERIFY(err);
        QVERIFY2(err->startsWith(QLatin1String("operation 'teeth-whiten':")), qPrintable(*err));
        QVERIFY2(err->contains(QLatin1String("strength")), qPrintable(*err));
    }
    const auto err = pqtest::complete(QStringLiteral("teeth-whiten"), {{"mouth", "100x50+10"}}, &p);
    QVERIFY(err);
    QVERIFY2(err->contains(QLatin1String("mouth")), qPrintable(*err));
    QVERIFY(!pqtest::complete(QStringLiteral("teeth-whiten"), {}, &p));
    QCOMPARE(p.value(QStringLiteral("strength")).toDouble(), 0.5);
}

void TestTeethWhiten::whitensTeeth_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minTeeth"); // smiles with teeth that must be found
    QTest::newRow("katherine") << "teeth_katherine_maher.jpg" << 1;
    QTest::newRow("astronaut") << "teeth_astronaut_eileen_collins.png" << 1;
    QTest::newRow("three men") << "teeth_three_men_smiling.jpg" << 3;
}

void TestTeethWhiten::whitensTeeth()
{
    QFETCH(QString, file);
    QFETCH(int, minTeeth);
    const cv::Mat in = load(file);
    const cv::Mat copy = in.clone();
    rt::TeethFinding f;
    QVERIFY(!rt::findTeeth(in, nullptr, {}, &f));
    QVERIFY2(int(f.teeth.size()) >= minTeeth, qPrintable(QString::number(f.teeth.size())));
    const TeethLab before = teethLab(in, f.teeth);

    TeethLab previous = before;
    for (const double strength : {0.5, 1.0}) {
        const OpResult r =
            pqtest::run(QStringLiteral("teeth-whiten"), in, {{"strength", strength}});
        QVERIFY(!r.error);
        QCOMPARE(r.image.type(), in.type());
        const TeethLab after = teethLab(r.image, f.teeth);
        qInfo("%s: faces %d, mouths %d, teeth areas %d (%d px); strength %.1f: b* %.2f -> %.2f, "
              "L* %.2f -> %.2f",
              qPrintable(file), f.faces, int(f.mouthRegions.size()), int(f.teeth.size()),
              before.pixels, strength, before.b, after.b, before.L, after.L);
        // b* toward neutral, L* up, and more so with more strength
        QVERIFY2(after.b < previous.b - 1.0 * strength, qPrintable(QString::number(after.b)));
        QVERIFY2(after.L > previous.L + 0.8 * strength, qPrintable(QString::number(after.L)));
        QVERIFY2(after.b > -2, qPrintable(QString::number(after.b))); // not blue-white
        previous = after;
        // Outside the mouths nothing changes, and inside them only the teeth.
        QCOMPARE(pqtest::retouch::changedOutside(in, r.image, f.mouthRegions), 0);
        std::vector<cv::Rect> teethRects;
        for (const auto &t : f.teeth)
            teethRects.push_back(t.rect);
        QCOMPARE(pqtest::retouch::changedOutside(in, r.image, teethRects), 0);
        for (const auto &t : f.teeth) {
            cv::Mat diff;
            cv::absdiff(in(t.rect), r.image(t.rect), diff);
            cv::cvtColor(diff, diff, cv::COLOR_BGR2GRAY);
            QCOMPARE(cv::countNonZero(diff & (t.alpha == 0)), 0);
        }
    }
    QCOMPARE(pqtest::retouch::changedPixels(in, copy), 0); // input untouched
}

void TestTeethWhiten::strengthZeroIsIdentity()
{
    const cv::Mat in = load(QStringLiteral("teeth_katherine_maher.jpg"));
    const OpResult r = pqtest::run(QStringLiteral("teeth-whiten"), in, {{"strength", 0}});
    QVERIFY(!r.error);
    QCOMPARE(pqtest::retouch::changedPixels(in, r.image), 0);
}

void TestTeethWhiten::noFaceReturnsTheImageAsIs_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("red-eye close-up, no face") << "redeye_boldredeye.png";
    // faces, but closed mouths or a beard: nothing that is teeth
    QTest::newRow("filippo") << "face_filippo_giunchedi.jpg";
    QTest::newRow("guido") << "face_guido_van_rossum_glasses.jpg";
    QTest::newRow("bar couple") << "faces_flash_bar_couple.jpg";
}

void TestTeethWhiten::noFaceReturnsTheImageAsIs()
{
    QFETCH(QString, file);
    const cv::Mat in = load(file);
    const OpResult r = pqtest::run(QStringLiteral("teeth-whiten"), in, {{"strength", 1.0}});
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QCOMPARE(r.image.size(), in.size());
    QCOMPARE(pqtest::retouch::changedPixels(in, r.image), 0);
}

void TestTeethWhiten::manualMouthRectangle()
{
    const cv::Mat in = load(QStringLiteral("teeth_katherine_maher.jpg"));
    const std::vector<cv::Rect> mouth{cv::Rect(300, 292, 146, 78)};
    rt::TeethFinding f;
    QVERIFY(!rt::findTeeth(in, &mouth, {}, &f));
    QCOMPARE(f.faces, 0); // no detection in manual mode
    QCOMPARE(int(f.teeth.size()), 1);
    const OpResult r = pqtest::run(QStringLiteral("teeth-whiten"), in,
                                   {{"strength", 1.0}, {"mouth", formatRects(mouth)}});
    QVERIFY(!r.error);
    const TeethLab before = teethLab(in, f.teeth);
    const TeethLab after = teethLab(r.image, f.teeth);
    qInfo("katherine, manual mouth: b* %.2f -> %.2f, L* %.2f -> %.2f", before.b, after.b, before.L,
          after.L);
    QVERIFY(after.b < before.b - 1);
    QVERIFY(after.L > before.L + 1);
    QCOMPARE(pqtest::retouch::changedOutside(in, r.image, mouth), 0);
}

void TestTeethWhiten::manualRectangleWithoutTeethChangesNothing()
{
    // the green background and the forehead
    const cv::Mat in = load(QStringLiteral("teeth_katherine_maher.jpg"));
    const OpResult r = pqtest::run(QStringLiteral("teeth-whiten"), in,
                                   {{"strength", 1.0}, {"mouth", "150x80+20+20 120x50+330+150"}});
    QVERIFY(!r.error);
    QCOMPARE(pqtest::retouch::changedPixels(in, r.image), 0);
}

void TestTeethWhiten::grayscaleIsReturnedUnchanged()
{
    const cv::Mat in = load(QStringLiteral("teeth_astronaut_eileen_collins.png"));
    cv::Mat gray;
    cv::cvtColor(in, gray, cv::COLOR_BGR2GRAY);
    for (const cv::Mat &g : {gray, to16(gray)}) {
        const OpResult r = pqtest::run(QStringLiteral("teeth-whiten"), g, {{"strength", 1.0}});
        QVERIFY(!r.error);
        QCOMPARE(r.image.type(), g.type());
        QCOMPARE(pqtest::retouch::changedPixels(g, r.image), 0);
    }
}

void TestTeethWhiten::bgraKeepsAlpha()
{
    const cv::Mat in = load(QStringLiteral("teeth_astronaut_eileen_collins.png"));
    cv::Mat bgra;
    cv::cvtColor(in, bgra, cv::COLOR_BGR2BGRA);
    for (int y = 0; y < bgra.rows; ++y)
        for (int x = 0; x < bgra.cols; ++x)
            bgra.at<cv::Vec4b>(y, x)[3] = uchar(40 + (y * 215) / bgra.rows);
    const OpResult r4 = pqtest::run(QStringLiteral("teeth-whiten"), bgra, {{"strength", 1.0}});
    const OpResult r3 = pqtest::run(QStringLiteral("teeth-whiten"), in, {{"strength", 1.0}});
    QVERIFY(!r4.error && !r3.error);
    QCOMPARE(r4.image.type(), CV_8UC4);
    cv::Mat alphaIn, alphaOut, colour;
    cv::extractChannel(bgra, alphaIn, 3);
    cv::extractChannel(r4.image, alphaOut, 3);
    QCOMPARE(cv::norm(alphaIn, alphaOut, cv::NORM_INF), 0.0);
    cv::cvtColor(r4.image, colour, cv::COLOR_BGRA2BGR);
    QCOMPARE(cv::norm(colour, r3.image, cv::NORM_INF), 0.0);
    QVERIFY(pqtest::retouch::changedPixels(in, r3.image) > 0);
}

void TestTeethWhiten::sixteenBit()
{
    const cv::Mat in = load(QStringLiteral("teeth_astronaut_eileen_collins.png"));
    const cv::Mat in16 = to16(in);
    rt::TeethFinding f;
    QVERIFY(!rt::findTeeth(in16, nullptr, {}, &f));
    QVERIFY(!f.teeth.empty());
    const OpResult r = pqtest::run(QStringLiteral("teeth-whiten"), in16, {{"strength", 1.0}});
    QVERIFY(!r.error);
    QCOMPARE(r.image.type(), CV_16UC3);
    const TeethLab before = teethLab(in16, f.teeth);
    const TeethLab after = teethLab(r.image, f.teeth);
    qInfo("astronaut 16-bit, strength 1.0: b* %.2f -> %.2f, L* %.2f -> %.2f", before.b, after.b,
          before.L, after.L);
    QVERIFY(after.b < before.b - 2);
    QVERIFY(after.L > before.L + 1.5);
    QCOMPARE(pqtest::retouch::changedOutside(in16, r.image, f.mouthRegions), 0);
    const OpResult r8 = pqtest::run(QStringLiteral("teeth-whiten"), in, {{"strength", 1.0}});
    QVERIFY(pqtest::psnr(r.image, r8.image) > 45);
}

void TestTeethWhiten::honoursCancellation()
{
    const cv::Mat in = load(QStringLiteral("teeth_astronaut_eileen_collins.png"));
    std::atomic_bool cancelled{true};
    OpContext ctx;
    ctx.cancelled = &cancelled;
    const OpResult r =
        pqtest::op(QStringLiteral("teeth-whiten"))
            .run(in, pqtest::params(QStringLiteral("teeth-whiten"), {{"strength", 1.0}}), ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestTeethWhiten)
#include "test_teeth_whiten.moc"
