// resize: parameter validation, golden dimensions on real photos, cover cropping, shrink-on-load
// equivalence, channel/depth handling and alpha-correct resampling.

#include "ImageTestUtil.h"

#include <QElapsedTimer>
#include <QTest>
#include <opencv2/imgproc.hpp>

using namespace pq;

class TestResize : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validateNeedsExactlyOneWayOfSizing();
    void dimensions_data();
    void dimensions();
    void exifRotatedPhotoIsResizedUpright();
    void coverScalesThenCropsTheCentre();
    void decodeReduction_data();
    void decodeReduction();
    void shrinkOnLoadMatchesFullDecode();
    void keepsChannelsAndDepth_data();
    void keepsChannelsAndDepth();
    void transparentColourDoesNotBleed();
    void honoursCancellation();

private:
    cv::Mat m_face; // 800x533 BGR
};

void TestResize::initTestCase()
{
    const auto d = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
    QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
    m_face = d.image;
    QCOMPARE(m_face.size(), cv::Size(800, 533));
}

void TestResize::validateNeedsExactlyOneWayOfSizing()
{
    Params p;
    auto none = pqtest::complete(QStringLiteral("resize"), {}, &p);
    QVERIFY(none);
    QVERIFY2(none->startsWith(QLatin1String("operation 'resize':")), qPrintable(*none));
    for (const char *name : {"width", "height", "long-edge", "percent"})
        QVERIFY2(none->contains(QLatin1String(name)), qPrintable(*none));

    const QVariantMap twoWays[] = {{{"width", 100}, {"percent", 50}},
                                   {{"height", 100}, {"long-edge", 300}},
                                   {{"long-edge", 100}, {"percent", 50}}};
    for (const QVariantMap &given : twoWays) {
        auto err = pqtest::complete(QStringLiteral("resize"), given, &p);
        QVERIFY(err);
        QVERIFY2(err->contains(QLatin1String("only one way")), qPrintable(*err));
    }

    QVERIFY(!pqtest::complete(QStringLiteral("resize"), {{"width", "640"}, {"height", "480"}}, &p));
    QCOMPARE(p.value(QStringLiteral("fit")).toString(), QStringLiteral("inside"));
    QCOMPARE(p.value(QStringLiteral("enlarge")).toBool(), true);
    // single-parameter ranges come from the specs
    QVERIFY(pqtest::complete(QStringLiteral("resize"), {{"width", -1}}, &p));
    QVERIFY(pqtest::complete(QStringLiteral("resize"), {{"fit", "stretch"}, {"width", 5}}, &p));
}

void TestResize::dimensions_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    // 800x533 source
    QTest::newRow("width keeps aspect") << QVariantMap{{"width", 400}} << 400 << 267;
    QTest::newRow("height keeps aspect") << QVariantMap{{"height", 200}} << 300 << 200;
    QTest::newRow("long edge") << QVariantMap{{"long-edge", 1000}} << 1000 << 666;
    QTest::newRow("percent") << QVariantMap{{"percent", 50}} << 400 << 267;
    QTest::newRow("percent up") << QVariantMap{{"percent", 150}} << 1200 << 800;
    QTest::newRow("inside") << QVariantMap{{"width", 300}, {"height", 300}} << 300 << 200;
    QTest::newRow("inside tall box") << QVariantMap{{"width", 300}, {"height", 1000}} << 300 << 200;
    QTest::newRow("cover") << QVariantMap{{"width", 300}, {"height", 300}, {"fit", "cover"}} << 300
                           << 300;
    QTest::newRow("exact") << QVariantMap{{"width", 123}, {"height", 456}, {"fit", "exact"}} << 123
                           << 456;
    QTest::newRow("no enlarge: width")
        << QVariantMap{{"width", 1600}, {"enlarge", false}} << 800 << 533;
    QTest::newRow("no enlarge: percent")
        << QVariantMap{{"percent", 300}, {"enlarge", false}} << 800 << 533;
    QTest::newRow("no enlarge: cover keeps box shape")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"fit", "cover"}, {"enlarge", false}}
        << 533 << 533;
    QTest::newRow("no enlarge: exact clamps each side")
        << QVariantMap{{"width", 1000}, {"height", 100}, {"fit", "exact"}, {"enlarge", false}}
        << 800 << 100;
    QTest::newRow("tiny") << QVariantMap{{"percent", 0.01}} << 1 << 1;
}

void TestResize::dimensions()
{
    QFETCH(QVariantMap, given);
    QFETCH(int, width);
    QFETCH(int, height);
    const OpResult r = pqtest::run(QStringLiteral("resize"), m_face, given);
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QCOMPARE(pqtest::sizeText(r.image), QStringLiteral("%1x%2").arg(width).arg(height));
    QCOMPARE(r.image.type(), m_face.type());
}

void TestResize::exifRotatedPhotoIsResizedUpright()
{
    const auto d =
        pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"));
    QVERIFY(!d.error);
    const OpResult r = pqtest::run(QStringLiteral("resize"), d.image, {{"width", 200}});
    QVERIFY(!r.error);
    QCOMPARE(pqtest::sizeText(r.image), QStringLiteral("200x300"));

    // Same pixels as resizing the upright photo rotated by hand.
    cv::Mat rotated;
    cv::rotate(m_face, rotated, cv::ROTATE_90_CLOCKWISE);
    const OpResult ref = pqtest::run(QStringLiteral("resize"), rotated, {{"width", 200}});
    const double db = pqtest::psnr(r.image, ref.image);
    qInfo("EXIF-rotated photo resized vs upright photo rotated+resized: PSNR %.2f dB", db);
    QVERIFY2(db > 35, qPrintable(QString::number(db)));
}

void TestResize::coverScalesThenCropsTheCentre()
{
    const OpResult r = pqtest::run(QStringLiteral("resize"), m_face,
                                   {{"width", 400}, {"height", 400}, {"fit", "cover"}});
    QVERIFY(!r.error);
    QCOMPARE(r.image.size(), cv::Size(400, 400));
    // 800x533 covers 400x400 at 600x400; the centre 400 columns start at x=100.
    cv::Mat scaled;
    cv::resize(m_face, scaled, cv::Size(600, 400), 0, 0, cv::INTER_AREA);
    QCOMPARE(cv::norm(r.image, scaled(cv::Rect(100, 0, 400, 400)), cv::NORM_INF), 0.0);
}

void TestResize::decodeReduction_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<int>("reduction");
    // 5312x2988 source
    QTest::newRow("width 1000") << QVariantMap{{"width", 1000}} << 4;
    QTest::newRow("long edge 600") << QVariantMap{{"long-edge", 600}} << 8;
    QTest::newRow("height 1494: exactly half") << QVariantMap{{"height", 1494}} << 2;
    QTest::newRow("more than half") << QVariantMap{{"width", 3000}} << 1;
    QTest::newRow("cover 1000x1000")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"fit", "cover"}} << 2;
    QTest::newRow("exact 500x500")
        << QVariantMap{{"width", 500}, {"height", 500}, {"fit", "exact"}} << 4;
    // a percentage is relative to the decoded image, so a reduced decode would change the result
    QTest::newRow("percent") << QVariantMap{{"percent", 10}} << 1;
    QTest::newRow("no enlarge beyond size")
        << QVariantMap{{"width", 8000}, {"enlarge", false}} << 1;
}

void TestResize::decodeReduction()
{
    QFETCH(QVariantMap, given);
    QFETCH(int, reduction);
    const Params p = pqtest::params(QStringLiteral("resize"), given);
    const cv::Size full(5312, 2988);
    const int d = pqtest::op(QStringLiteral("resize")).allowedDecodeReduction(p, full);
    QCOMPARE(d, reduction);
    // The promise behind any reduction: same output size as from the full image.
    if (d > 1) {
        const cv::Mat fullImg(full, CV_8UC1, cv::Scalar(0));
        const cv::Mat reduced(cv::Size((full.width + d - 1) / d, (full.height + d - 1) / d),
                              CV_8UC1, cv::Scalar(0));
        const OpResult a = pqtest::run(QStringLiteral("resize"), fullImg, given);
        const OpResult b = pqtest::run(QStringLiteral("resize"), reduced, given);
        QCOMPARE(a.image.size(), b.image.size());
    }
}

void TestResize::shrinkOnLoadMatchesFullDecode()
{
    const QString file = QStringLiteral("large_cc0_dandelions_5312x2988.jpg");
    const QVariantMap given{{"width", 1000}};
    const Params p = pqtest::params(QStringLiteral("resize"), given);
    const auto header = imageio::readHeader(pqtest::dataPath(file));
    QVERIFY(header);
    const int allowed =
        pqtest::op(QStringLiteral("resize")).allowedDecodeReduction(p, header->uprightSize());
    QCOMPARE(allowed, 4);

    QElapsedTimer t;
    t.start();
    const auto full = pqtest::decodeTestImage(file);
    const qint64 fullMs = t.restart();
    const auto reduced = pqtest::decodeTestImage(file, allowed);
    const qint64 reducedMs = t.elapsed();
    QVERIFY(!full.error && !reduced.error);
    QCOMPARE(reduced.reduction, 4);

    const OpResult a = pqtest::run(QStringLiteral("resize"), full.image, given);
    const OpResult b = pqtest::run(QStringLiteral("resize"), reduced.image, given);
    QCOMPARE(pqtest::sizeText(a.image), QStringLiteral("1000x563"));
    QCOMPARE(b.image.size(), a.image.size());
    const double db = pqtest::psnr(a.image, b.image);
    qInfo("resize width=1000 of 5312x2988: decode full %lld ms, 1/4 %lld ms; PSNR %.2f dB", fullMs,
          reducedMs, db);
    QVERIFY2(db > 35, qPrintable(QString::number(db)));
}

void TestResize::keepsChannelsAndDepth_data()
{
    QTest::addColumn<int>("type");
    QTest::newRow("8-bit gray") << CV_8UC1;
    QTest::newRow("8-bit BGR") << CV_8UC3;
    QTest::newRow("8-bit BGRA") << CV_8UC4;
    QTest::newRow("16-bit gray") << CV_16UC1;
    QTest::newRow("16-bit BGR") << CV_16UC3;
    QTest::newRow("16-bit BGRA") << CV_16UC4;
}

void TestResize::keepsChannelsAndDepth()
{
    QFETCH(int, type);
    const double maxValue = CV_MAT_DEPTH(type) == CV_16U ? 65535 : 255;
    cv::Mat img(60, 90, type, cv::Scalar::all(maxValue * 0.6));
    img(cv::Rect(0, 0, 45, 60)).setTo(cv::Scalar::all(maxValue * 0.2));
    for (const QVariantMap &given : {QVariantMap{{"width", 30}}, QVariantMap{{"width", 200}}}) {
        const OpResult r = pqtest::run(QStringLiteral("resize"), img, given);
        QVERIFY(!r.error);
        QCOMPARE(r.image.type(), type);
        QCOMPARE(r.image.cols, given.value("width").toInt());
        // flat areas stay flat (16-bit precision kept, alpha untouched where opaque-equal)
        const cv::Scalar right =
            cv::mean(r.image(cv::Rect(r.image.cols * 3 / 4, 0, r.image.cols / 4, r.image.rows)));
        QVERIFY2(std::abs(right[0] - maxValue * 0.6) <= maxValue / 1000,
                 qPrintable(QString::number(right[0])));
    }
}

void TestResize::transparentColourDoesNotBleed()
{
    // left: opaque red; right: fully transparent green. Without premultiplied alpha the edge
    // turns brownish-green.
    cv::Mat img(40, 40, CV_8UC4, cv::Scalar(0, 0, 255, 255));
    img(cv::Rect(20, 0, 20, 40)).setTo(cv::Scalar(0, 255, 0, 0));
    for (const QVariantMap &given : {QVariantMap{{"width", 15}}, QVariantMap{{"width", 100}}}) {
        const OpResult r = pqtest::run(QStringLiteral("resize"), img, given);
        QVERIFY(!r.error);
        int edgePixels = 0;
        for (int y = 0; y < r.image.rows; ++y)
            for (int x = 0; x < r.image.cols; ++x) {
                const cv::Vec4b px = r.image.at<cv::Vec4b>(y, x);
                if (px[3] > 0 && px[3] < 255)
                    ++edgePixels;
                if (px[3] > 8) // colour of a visible pixel: still red
                    QVERIFY2(px[1] <= 2 && px[2] >= 250,
                             qPrintable(QStringLiteral("(%1,%2) = %3,%4,%5,%6")
                                            .arg(x)
                                            .arg(y)
                                            .arg(px[0])
                                            .arg(px[1])
                                            .arg(px[2])
                                            .arg(px[3])));
            }
        QVERIFY(edgePixels > 0); // the test does look at a blended edge
    }
}

void TestResize::honoursCancellation()
{
    std::atomic_bool cancelled{true};
    OpContext ctx;
    ctx.cancelled = &cancelled;
    const OpResult r =
        pqtest::op(QStringLiteral("resize"))
            .run(m_face, pqtest::params(QStringLiteral("resize"), {{"width", 10}}), ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestResize)
#include "test_resize.moc"
