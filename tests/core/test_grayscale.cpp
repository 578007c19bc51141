// grayscale: one channel or three equal ones, alpha images keep alpha; the luminance method keeps
// L* of every pixel (BT.709 in linear light), the average method is the plain mean; every layout;
// rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>
#include <cmath>

using namespace pq;

namespace {
const QString opId = QStringLiteral("grayscale");

double srgbEncode(double v)
{
    return v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}
} // namespace

class TestGrayscale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void outputChannels();
    void luminanceKeepsLightness();
    void luminanceOfPrimaries();
    void averageIsTheMean();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_teeth;
};

void TestGrayscale::initTestCase()
{
    m_teeth = tonetest::photo(QStringLiteral("teeth_three_men_smiling.jpg"));
    QVERIFY(!m_teeth.empty());
}

void TestGrayscale::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"method", "bt601"}}, QStringLiteral("luminance, average"));
    tonetest::checkRejected(opId, {{"keep-channels", "maybe"}}, QStringLiteral("keep-channels"));
}

void TestGrayscale::outputChannels()
{
    const OpResult one = pqtest::run(opId, m_teeth, {});
    QVERIFY(!one.error);
    QCOMPARE(one.image.type(), CV_8UC1);

    const OpResult three = pqtest::run(opId, m_teeth, {{"keep-channels", true}});
    QVERIFY(!three.error);
    QCOMPARE(three.image.type(), CV_8UC3);
    std::vector<cv::Mat> ch;
    cv::split(three.image, ch);
    QCOMPARE(cv::norm(ch[0], ch[1], cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(ch[1], ch[2], cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(ch[0], one.image, cv::NORM_INF), 0.0);

    const cv::Mat bgra = tonetest::withAlphaRamp(m_teeth);
    const OpResult four = pqtest::run(opId, bgra, {});
    QVERIFY(!four.error);
    QCOMPARE(four.image.type(), CV_8UC4);
    cv::split(four.image, ch);
    QCOMPARE(cv::norm(ch[0], ch[1], cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(ch[1], ch[2], cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(ch[0], one.image, cv::NORM_INF), 0.0);

    // gray in, gray out (or three channels when asked)
    const OpResult again = pqtest::run(opId, one.image, {});
    QCOMPARE(cv::norm(again.image, one.image, cv::NORM_INF), 0.0);
    QCOMPARE(pqtest::run(opId, one.image, {{"keep-channels", true}}).image.type(), CV_8UC3);
}

void TestGrayscale::luminanceKeepsLightness()
{
    const OpResult r = pqtest::run(opId, m_teeth, {{"method", "luminance"}});
    QVERIFY(!r.error);
    const cv::Mat L0 = tonetest::lightnessOf(m_teeth);
    const cv::Mat L1 = tonetest::lightnessOf(r.image);
    const double meanErr = cv::mean(cv::abs(L0 - L1))[0];
    double maxErr;
    cv::minMaxLoc(cv::abs(L0 - L1), nullptr, &maxErr);
    // BT.601 luma on encoded values, for comparison
    cv::Mat luma;
    cv::cvtColor(m_teeth, luma, cv::COLOR_BGR2GRAY);
    const double lumaErr = cv::mean(cv::abs(L0 - tonetest::lightnessOf(luma)))[0];
    qInfo("three men, luminance: |L*(gray) - L*(colour)| mean %.2f, max %.2f (BT.601 luma: mean "
          "%.2f)",
          meanErr, maxErr, lumaErr);
    QVERIFY(meanErr < 0.3);
    QVERIFY(maxErr < 1.0);
}

void TestGrayscale::luminanceOfPrimaries()
{
    // BGR pure blue, green, red, and a mid gray.
    cv::Mat colours(1, 4, CV_8UC3);
    const cv::Vec3b px[] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {128, 128, 128}};
    const double weight[] = {0.0722, 0.7152, 0.2126};
    for (int i = 0; i < 4; ++i)
        colours.at<cv::Vec3b>(0, i) = px[i];
    const OpResult r = pqtest::run(opId, colours, {});
    QVERIFY(!r.error);
    for (int i = 0; i < 3; ++i) {
        const int expected = int(std::lround(255 * srgbEncode(weight[i])));
        QVERIFY2(
            std::abs(int(r.image.at<uchar>(0, i)) - expected) <= 1,
            qPrintable(
                QStringLiteral("%1: %2 vs %3").arg(i).arg(r.image.at<uchar>(0, i)).arg(expected)));
    }
    QCOMPARE(int(r.image.at<uchar>(0, 3)), 128); // neutral stays where it is
}

void TestGrayscale::averageIsTheMean()
{
    const OpResult r = pqtest::run(opId, m_teeth, {{"method", "average"}});
    QVERIFY(!r.error);
    cv::Mat expected;
    cv::transform(m_teeth, expected, cv::Matx13f(1.0f / 3, 1.0f / 3, 1.0f / 3));
    QVERIFY(cv::norm(r.image, expected, cv::NORM_INF) <= 1);
    const cv::Vec3b px = m_teeth.at<cv::Vec3b>(100, 100);
    QVERIFY(std::abs(r.image.at<uchar>(100, 100) - (px[0] + px[1] + px[2]) / 3.0) <= 0.5);
}

void TestGrayscale::channelsAndDepths()
{
    const cv::Mat crop = tonetest::centre(m_teeth, 320, 240);
    tonetest::checkChannelsAndDepths(opId, {}, crop, 45.0, [](int c) { return c == 4 ? 4 : 1; });
    tonetest::checkChannelsAndDepths(opId, {{"keep-channels", true}, {"method", "average"}}, crop,
                                     45.0, [](int c) { return c == 4 ? 4 : 3; });
}

void TestGrayscale::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_teeth);
}

QTEST_GUILESS_MAIN(TestGrayscale)
#include "test_grayscale.moc"
