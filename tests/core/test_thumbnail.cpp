// thumbnail: golden dimensions, square crops, and the shrink-on-load promise: decoding the large
// photo at 1/8 gives the same thumbnail size as a full decode and a visually equal picture.

#include "ImageTestUtil.h"

#include <QElapsedTimer>
#include <QTest>
#include <opencv2/imgproc.hpp>

using namespace pq;

class TestThumbnail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaults();
    void dimensions_data();
    void dimensions();
    void squareIsTheScaledCentre();
    void grayStaysGray();
    void shrinkOnLoad_data();
    void shrinkOnLoad();
    void exifRotatedPhotoWithReduction();

private:
    cv::Mat m_face; // 800x533 BGR
};

void TestThumbnail::initTestCase()
{
    const auto d = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
    QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
    m_face = d.image;
}

void TestThumbnail::defaults()
{
    const Params p = pqtest::params(QStringLiteral("thumbnail"), {});
    QCOMPARE(p.value(QStringLiteral("size")).toInt(), 256);
    QCOMPARE(p.value(QStringLiteral("square")).toBool(), false);
    QCOMPARE(p.value(QStringLiteral("enlarge")).toBool(), false);
    Params out;
    QVERIFY(pqtest::complete(QStringLiteral("thumbnail"), {{"size", 0}}, &out)); // 1..65535
}

void TestThumbnail::dimensions_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    // 800x533 source
    QTest::newRow("default 256") << QVariantMap{} << 256 << 171;
    QTest::newRow("square") << QVariantMap{{"square", true}} << 256 << 256;
    QTest::newRow("narrow box") << QVariantMap{{"width", 100}} << 100 << 67;
    QTest::newRow("short box") << QVariantMap{{"height", 100}} << 150 << 100;
    QTest::newRow("box w x h") << QVariantMap{{"width", 300}, {"height", 150}} << 225 << 150;
    QTest::newRow("square in a box uses its short side")
        << QVariantMap{{"width", 300}, {"height", 150}, {"square", true}} << 150 << 150;
    QTest::newRow("larger than source: kept") << QVariantMap{{"size", 1000}} << 800 << 533;
    QTest::newRow("larger, enlarge")
        << QVariantMap{{"size", 1000}, {"enlarge", true}} << 1000 << 666;
    QTest::newRow("larger square: short side")
        << QVariantMap{{"size", 1000}, {"square", true}} << 533 << 533;
}

void TestThumbnail::dimensions()
{
    QFETCH(QVariantMap, given);
    QFETCH(int, width);
    QFETCH(int, height);
    const OpResult r = pqtest::run(QStringLiteral("thumbnail"), m_face, given);
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QCOMPARE(pqtest::sizeText(r.image), QStringLiteral("%1x%2").arg(width).arg(height));
    QVERIFY(r.image.isContinuous());
}

void TestThumbnail::squareIsTheScaledCentre()
{
    const OpResult r =
        pqtest::run(QStringLiteral("thumbnail"), m_face, {{"size", 128}, {"square", true}});
    QVERIFY(!r.error);
    cv::Mat expected;
    cv::resize(m_face(cv::Rect(133, 0, 533, 533)), expected, cv::Size(128, 128), 0, 0,
               cv::INTER_AREA);
    QCOMPARE(cv::norm(r.image, expected, cv::NORM_INF), 0.0);
}

void TestThumbnail::grayStaysGray()
{
    const auto d = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!d.error);
    const OpResult r = pqtest::run(QStringLiteral("thumbnail"), d.image, {{"size", 100}});
    QVERIFY(!r.error);
    QCOMPARE(r.image.type(), CV_8UC1);
    QCOMPARE(r.image.size(), cv::Size(100, 100));
}

void TestThumbnail::shrinkOnLoad_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<int>("reduction");
    QTest::addColumn<QString>("size");
    QTest::newRow("256") << QVariantMap{} << 8 << "256x144";
    QTest::newRow("256 square") << QVariantMap{{"square", true}} << 8 << "256x256";
    QTest::newRow("1024") << QVariantMap{{"size", 1024}} << 4 << "1024x576";
    QTest::newRow("3000: more than 1/2, no reduction")
        << QVariantMap{{"size", 3000}} << 1 << "3000x1688";
}

void TestThumbnail::shrinkOnLoad()
{
    QFETCH(QVariantMap, given);
    QFETCH(int, reduction);
    QFETCH(QString, size);
    const QString file = QStringLiteral("large_cc0_dandelions_5312x2988.jpg");
    const auto header = imageio::readHeader(pqtest::dataPath(file));
    QVERIFY(header);
    QCOMPARE(header->uprightSize(), cv::Size(5312, 2988));
    const Params p = pqtest::params(QStringLiteral("thumbnail"), given);
    const int allowed =
        pqtest::op(QStringLiteral("thumbnail")).allowedDecodeReduction(p, header->uprightSize());
    QCOMPARE(allowed, reduction);

    // the full decode is shared by all rows
    static cv::Mat full;
    static qint64 fullMs = 0;
    QElapsedTimer t;
    if (full.empty()) {
        t.start();
        const auto d = pqtest::decodeTestImage(file);
        fullMs = t.elapsed();
        QVERIFY(!d.error);
        full = d.image;
    }
    t.start();
    const auto reduced = pqtest::decodeTestImage(file, allowed);
    const qint64 reducedMs = t.elapsed();
    QVERIFY(!reduced.error);
    QCOMPARE(reduced.reduction, reduction);

    QElapsedTimer opTimer;
    opTimer.start();
    const OpResult a = pqtest::run(QStringLiteral("thumbnail"), full, given);
    const qint64 fullOpMs = opTimer.restart();
    const OpResult b = pqtest::run(QStringLiteral("thumbnail"), reduced.image, given);
    const qint64 reducedOpMs = opTimer.elapsed();
    QVERIFY(!a.error && !b.error);
    QCOMPARE(pqtest::sizeText(a.image), size);
    QCOMPARE(pqtest::sizeText(b.image), size);
    if (reduction > 1) {
        const double db = pqtest::psnr(a.image, b.image);
        qInfo("thumbnail %s: full decode %lld ms + op %lld ms, 1/%d decode %lld ms + op %lld ms, "
              "PSNR %.2f dB",
              qPrintable(size), fullMs, fullOpMs, reduction, reducedMs, reducedOpMs, db);
        QVERIFY2(db > 35, qPrintable(QString::number(db)));
    }
}

void TestThumbnail::exifRotatedPhotoWithReduction()
{
    const QString file = QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg");
    const auto header = imageio::readHeader(pqtest::dataPath(file));
    QVERIFY(header);
    QCOMPARE(header->uprightSize(), cv::Size(533, 800));
    const Params p = pqtest::params(QStringLiteral("thumbnail"), {});
    const int allowed =
        pqtest::op(QStringLiteral("thumbnail")).allowedDecodeReduction(p, header->uprightSize());
    QCOMPARE(allowed, 2);
    const auto d = pqtest::decodeTestImage(file, allowed);
    QVERIFY(!d.error);
    const OpResult r = pqtest::run(QStringLiteral("thumbnail"), d.image, {});
    QVERIFY(!r.error);
    QCOMPARE(pqtest::sizeText(r.image), QStringLiteral("171x256")); // portrait

    cv::Mat upright;
    cv::rotate(m_face, upright, cv::ROTATE_90_CLOCKWISE);
    const OpResult ref = pqtest::run(QStringLiteral("thumbnail"), upright, {});
    QVERIFY(pqtest::psnr(r.image, ref.image) > 35);
}

QTEST_GUILESS_MAIN(TestThumbnail)
#include "test_thumbnail.moc"
