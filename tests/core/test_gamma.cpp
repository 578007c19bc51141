// gamma: 1 is the identity on every layout, the curve's values (ImageMagick convention: above 1
// brightens), black and white fixed, 16-bit precision kept, rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>
#include <cmath>
#include <set>

using namespace pq;

namespace {
const QString opId = QStringLiteral("gamma");
}

class TestGamma : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void oneIsIdentity();
    void curveValues();
    void brightensTheLowContrastPhoto();
    void keepsSixteenBitPrecision();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_lake;
    cv::Mat m_face;
};

void TestGamma::initTestCase()
{
    m_lake = tonetest::photo(QStringLiteral("lowcontrast_darkest_hour_lake.jpg"), 2);
    m_face = tonetest::photo(QStringLiteral("face_filippo_giunchedi.jpg"));
    QVERIFY(!m_lake.empty() && !m_face.empty());
}

void TestGamma::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"gamma", 0}}, QStringLiteral("gamma"));
    tonetest::checkRejected(opId, {{"gamma", 0.05}}, QStringLiteral("0.1..10"));
    tonetest::checkRejected(opId, {{"gamma", 10.5}}, QStringLiteral("0.1..10"));
    tonetest::checkRejected(opId, {{"gamma", "bright"}}, QStringLiteral("not a number"));
}

void TestGamma::oneIsIdentity()
{
    for (const tonetest::Variant &v : tonetest::variantsOf(tonetest::centre(m_face, 300, 200))) {
        const OpResult r = pqtest::run(opId, v.image, {{"gamma", 1.0}});
        QVERIFY(!r.error);
        QCOMPARE(r.image.type(), v.image.type());
        QVERIFY2(cv::norm(r.image, v.image, cv::NORM_INF) == 0, v.name);
    }
}

void TestGamma::curveValues()
{
    cv::Mat ramp(1, 256, CV_8UC1);
    for (int i = 0; i < 256; ++i)
        ramp.at<uchar>(i) = uchar(i);
    for (double g : {0.5, 2.2, 10.0}) {
        const OpResult r = pqtest::run(opId, ramp, {{"gamma", g}});
        QVERIFY(!r.error);
        for (int i = 0; i < 256; ++i) {
            const int expected = int(std::lround(255.0 * std::pow(i / 255.0, 1.0 / g)));
            QCOMPARE(int(r.image.at<uchar>(i)), expected);
        }
        QCOMPARE(int(r.image.at<uchar>(0)), 0);
        QCOMPARE(int(r.image.at<uchar>(255)), 255);
    }
    const OpResult bright = pqtest::run(opId, ramp, {{"gamma", 2.2}});
    QCOMPARE(int(bright.image.at<uchar>(128)), 186); // mid gray brightens
}

void TestGamma::brightensTheLowContrastPhoto()
{
    const OpResult r = pqtest::run(opId, m_lake, {{"gamma", 1.8}});
    QVERIFY(!r.error);
    const double before = tonetest::meanL(m_lake);
    const double after = tonetest::meanL(r.image);
    qInfo("lake, gamma 1.8: mean L* %.2f -> %.2f", before, after);
    QVERIFY(after > before + 10);
}

void TestGamma::keepsSixteenBitPrecision()
{
    // A smooth 16-bit ramp stays smooth: many more than 256 distinct output levels.
    cv::Mat ramp(1, 65536, CV_16UC1);
    for (int i = 0; i < 65536; ++i)
        ramp.at<ushort>(i) = ushort(i);
    const OpResult r = pqtest::run(opId, ramp, {{"gamma", 2.2}});
    QVERIFY(!r.error);
    std::set<ushort> levels(r.image.ptr<ushort>(0), r.image.ptr<ushort>(0) + 65536);
    qInfo("16-bit ramp through gamma 2.2: %zu distinct levels", levels.size());
    QVERIFY(levels.size() > 30000);
    QCOMPARE(int(r.image.at<ushort>(32768)),
             int(std::lround(65535 * std::pow(32768 / 65535.0, 1 / 2.2))));
}

void TestGamma::channelsAndDepths()
{
    tonetest::checkChannelsAndDepths(opId, {{"gamma", 0.6}}, tonetest::centre(m_face, 320, 240),
                                     45.0);
}

void TestGamma::honoursCancellation()
{
    tonetest::checkCancellation(opId, {{"gamma", 2}}, m_face);
}

QTEST_GUILESS_MAIN(TestGamma)
#include "test_gamma.moc"
