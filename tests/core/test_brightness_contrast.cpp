// brightness-contrast: contrast raises the spread of L* on the low-contrast lake photo while
// a* and b* stay, brightness moves the mid-tones and not black or white, the extremes of the
// ranges, every channel layout and depth, rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>

using namespace pq;

namespace {
const QString opId = QStringLiteral("brightness-contrast");
}

class TestBrightnessContrast : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void zeroIsIdentity();
    void contrastRaisesSpreadOfLightnessOnLowContrastPhoto();
    void contrastKeepsColours();
    void contrastExtremes();
    void brightnessMovesMidTonesOnly();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_lake; // decoded at 1/4 (640x400): the same picture, a sixteenth of the work
    cv::Mat m_face;
};

void TestBrightnessContrast::initTestCase()
{
    m_lake = tonetest::photo(QStringLiteral("lowcontrast_darkest_hour_lake.jpg"), 4);
    m_face = tonetest::photo(QStringLiteral("faces_flash_bar_couple.jpg"));
    QVERIFY(!m_lake.empty() && !m_face.empty());
}

void TestBrightnessContrast::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"brightness", 101}}, QStringLiteral("brightness"));
    tonetest::checkRejected(opId, {{"contrast", -101}}, QStringLiteral("contrast"));
    tonetest::checkRejected(opId, {{"contrast", "strong"}}, QStringLiteral("contrast"));
    tonetest::checkRejected(opId, {{"contrast", 1.5}}, QStringLiteral("whole number"));
    tonetest::checkRejected(opId, {{"exposure", 1}}, QStringLiteral("exposure"));
}

void TestBrightnessContrast::zeroIsIdentity()
{
    const OpResult r = pqtest::run(opId, m_face, {});
    QVERIFY(!r.error);
    QCOMPARE(cv::norm(r.image, m_face, cv::NORM_INF), 0.0);
}

void TestBrightnessContrast::contrastRaisesSpreadOfLightnessOnLowContrastPhoto()
{
    const double before = tonetest::stddevL(m_lake);
    const double meanBefore = tonetest::meanL(m_lake);
    double previous = before;
    for (int contrast : {20, 40, 60}) {
        const OpResult r = pqtest::run(opId, m_lake, {{"contrast", contrast}});
        QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
        const double after = tonetest::stddevL(r.image);
        const double meanAfter = tonetest::meanL(r.image);
        qInfo("lake (640x400), contrast %d: stddev L* %.2f -> %.2f, mean L* %.2f -> %.2f", contrast,
              before, after, meanBefore, meanAfter);
        QVERIFY2(after > previous * 1.1, qPrintable(QString::number(after)));
        previous = after;
    }
    const OpResult lower = pqtest::run(opId, m_lake, {{"contrast", -50}});
    QVERIFY(!lower.error);
    QVERIFY(tonetest::stddevL(lower.image) < before * 0.6);
}

void TestBrightnessContrast::contrastKeepsColours()
{
    // On pixels that do not clip, a* and b* are what they were.
    const OpResult r = pqtest::run(opId, m_face, {{"contrast", 30}, {"brightness", 10}});
    QVERIFY(!r.error);
    std::vector<cv::Mat> in, out;
    cv::split(tonetest::labOf(m_face), in);
    cv::split(tonetest::labOf(r.image), out);
    const cv::Mat unclipped = (out[0] > 5) & (out[0] < 95) & (in[0] > 5) & (in[0] < 95);
    const double da = cv::mean(cv::abs(in[1] - out[1]), unclipped)[0];
    const double db = cv::mean(cv::abs(in[2] - out[2]), unclipped)[0];
    qInfo("faces, contrast 30 brightness 10: mean |delta a*| %.2f, |delta b*| %.2f over %d "
          "unclipped pixels",
          da, db, cv::countNonZero(unclipped));
    QVERIFY2(da < 1.5 && db < 1.5, qPrintable(QStringLiteral("%1 %2").arg(da).arg(db)));
}

void TestBrightnessContrast::contrastExtremes()
{
    const OpResult flat = pqtest::run(opId, m_face, {{"contrast", -100}});
    QVERIFY(!flat.error);
    QVERIFY2(tonetest::stddevL(flat.image) < 0.5,
             qPrintable(QString::number(tonetest::stddevL(flat.image))));

    const OpResult threshold = pqtest::run(opId, m_face, {{"contrast", 100}});
    QVERIFY(!threshold.error);
    cv::Mat L = tonetest::lightnessOf(threshold.image);
    const double extreme = cv::countNonZero((L < 2) | (L > 98)) / double(L.total());
    qInfo("faces, contrast 100: %.1f%% of pixels black or white", extreme * 100);
    QVERIFY(extreme > 0.97);
}

void TestBrightnessContrast::brightnessMovesMidTonesOnly()
{
    // A gray ramp: black stays black, white stays white, the middle moves.
    cv::Mat ramp(1, 256, CV_8UC1);
    for (int i = 0; i < 256; ++i)
        ramp.at<uchar>(i) = uchar(i);
    const OpResult up = pqtest::run(opId, ramp, {{"brightness", 50}});
    const OpResult down = pqtest::run(opId, ramp, {{"brightness", -50}});
    QVERIFY(!up.error && !down.error);
    QCOMPARE(int(up.image.at<uchar>(0)), 0);
    QCOMPARE(int(up.image.at<uchar>(255)), 255);
    QCOMPARE(int(down.image.at<uchar>(0)), 0);
    QCOMPARE(int(down.image.at<uchar>(255)), 255);
    QVERIFY(up.image.at<uchar>(128) > 160);
    QVERIFY(down.image.at<uchar>(128) < 100);
    for (int i = 1; i < 256; ++i) // monotonic: no tone reversal
        QVERIFY(up.image.at<uchar>(i) >= up.image.at<uchar>(i - 1));

    const OpResult lake = pqtest::run(opId, m_lake, {{"brightness", 40}});
    QVERIFY(!lake.error);
    qInfo("lake (640x400), brightness 40: mean L* %.2f -> %.2f", tonetest::meanL(m_lake),
          tonetest::meanL(lake.image));
    QVERIFY(tonetest::meanL(lake.image) > tonetest::meanL(m_lake) + 8);
}

void TestBrightnessContrast::channelsAndDepths()
{
    tonetest::checkChannelsAndDepths(opId, {{"brightness", 20}, {"contrast", 30}},
                                     tonetest::centre(m_face, 320, 240), 40.0);
}

void TestBrightnessContrast::honoursCancellation()
{
    tonetest::checkCancellation(opId, {{"contrast", 10}}, m_face);
}

QTEST_GUILESS_MAIN(TestBrightnessContrast)
#include "test_brightness_contrast.moc"
