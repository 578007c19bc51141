// auto-levels: on the low-contrast lake photo the output spans the range (1st/99th percentiles
// at 0/255 after a 1 % clip), per channel and on luminance; luminance mode keeps hues; flat
// images and transparent pixels; every layout; rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>
#include <cmath>

using namespace pq;

namespace {
const QString opId = QStringLiteral("auto-levels");

// 1st and 99th percentile of an 8-bit one-channel plane.
std::pair<int, int> percentile1and99(const cv::Mat &plane8)
{
    cv::Mat sorted = plane8.reshape(1, 1).clone();
    cv::sort(sorted, sorted, cv::SORT_EVERY_ROW | cv::SORT_ASCENDING);
    const int n = sorted.cols;
    return {sorted.at<uchar>(n / 100), sorted.at<uchar>(n - 1 - n / 100)};
}

cv::Mat gray8(const cv::Mat &m)
{
    cv::Mat g;
    cv::cvtColor(tonetest::to8(tonetest::bgrOf(m)), g, cv::COLOR_BGR2GRAY);
    return g;
}

// Mean hue angle (degrees) of the pixels with noticeable chroma.
double meanHue(const cv::Mat &bgr)
{
    std::vector<cv::Mat> p;
    cv::split(tonetest::labOf(bgr), p);
    const cv::Mat chromatic = tonetest::chromaOf(bgr) > 5;
    return std::atan2(cv::mean(p[2], chromatic)[0], cv::mean(p[1], chromatic)[0]) * 180 / CV_PI;
}
} // namespace

class TestAutoLevels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void luminanceStretchSpansTheRange();
    void perChannelStretchSpansTheRange();
    void clipPercentControlsTheStretch();
    void flatImageIsLeftAlone();
    void transparentPixelsDoNotCount();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_lake;
    cv::Mat m_lakeSmall; // 640x400, for the checks that run the op several times
};

void TestAutoLevels::initTestCase()
{
    m_lake = tonetest::photo(QStringLiteral("lowcontrast_darkest_hour_lake.jpg"), 2);
    m_lakeSmall = tonetest::photo(QStringLiteral("lowcontrast_darkest_hour_lake.jpg"), 4);
    QVERIFY(!m_lake.empty() && !m_lakeSmall.empty());
}

void TestAutoLevels::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"clip-percent", 11}}, QStringLiteral("clip-percent"));
    tonetest::checkRejected(opId, {{"clip-percent", -1}}, QStringLiteral("0..10"));
    tonetest::checkRejected(opId, {{"mode", "rgb"}}, QStringLiteral("luminance, per-channel"));
}

void TestAutoLevels::luminanceStretchSpansTheRange()
{
    const auto [lo0, hi0] = percentile1and99(gray8(m_lake));
    const OpResult r = pqtest::run(opId, m_lake, {{"clip-percent", 1.0}, {"mode", "luminance"}});
    QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
    const auto [lo, hi] = percentile1and99(gray8(r.image));
    qInfo("lake, luminance, clip 1%%: gray 1st/99th percentile %d/%d -> %d/%d", lo0, hi0, lo, hi);
    QVERIFY2(lo <= 3 && hi >= 250, qPrintable(QStringLiteral("%1 %2").arg(lo).arg(hi)));
    const double h0 = meanHue(m_lake);
    const double h1 = meanHue(r.image);
    qInfo("lake, luminance: mean hue %.1f -> %.1f degrees", h0, h1);
    QVERIFY(std::abs(h1 - h0) < 5);
}

void TestAutoLevels::perChannelStretchSpansTheRange()
{
    const OpResult r = pqtest::run(opId, m_lake, {{"clip-percent", 1.0}, {"mode", "per-channel"}});
    QVERIFY(!r.error);
    std::vector<cv::Mat> in, out;
    cv::split(m_lake, in);
    cv::split(r.image, out);
    for (int c = 0; c < 3; ++c) {
        const auto [lo0, hi0] = percentile1and99(in[c]);
        const auto [lo, hi] = percentile1and99(out[c]);
        qInfo("lake, per-channel, clip 1%%: channel %c 1st/99th percentile %d/%d -> %d/%d",
              "BGR"[c], lo0, hi0, lo, hi);
        QVERIFY2(lo <= 3 && hi >= 252, qPrintable(QStringLiteral("%1 %2").arg(lo).arg(hi)));
    }
}

void TestAutoLevels::clipPercentControlsTheStretch()
{
    // No clipping: the darkest pixel becomes 0 and the lightest 255 exactly (per channel).
    const OpResult none =
        pqtest::run(opId, m_lakeSmall, {{"clip-percent", 0}, {"mode", "per-channel"}});
    QVERIFY(!none.error);
    std::vector<cv::Mat> out;
    cv::split(none.image, out);
    for (const cv::Mat &c : out) {
        double mn, mx;
        cv::minMaxLoc(c, &mn, &mx);
        QCOMPARE(mn, 0.0);
        QCOMPARE(mx, 255.0);
    }
    // More clipping, more contrast.
    double previous = 0;
    for (double clip : {0.0, 1.0, 5.0}) {
        const OpResult r = pqtest::run(opId, m_lakeSmall, {{"clip-percent", clip}});
        QVERIFY(!r.error);
        const double sd = tonetest::stddevL(r.image);
        qInfo("lake (640x400), luminance, clip %.0f%%: stddev L* %.2f (input %.2f)", clip, sd,
              tonetest::stddevL(m_lakeSmall));
        QVERIFY(sd > previous);
        previous = sd;
    }
}

void TestAutoLevels::flatImageIsLeftAlone()
{
    const cv::Mat flat(50, 50, CV_8UC3, cv::Scalar(90, 100, 110));
    for (const char *mode : {"luminance", "per-channel"}) {
        const OpResult r = pqtest::run(opId, flat, {{"mode", mode}});
        QVERIFY(!r.error);
        QVERIFY2(cv::norm(r.image, flat, cv::NORM_INF) <= 1, mode);
    }
}

void TestAutoLevels::transparentPixelsDoNotCount()
{
    // Left half: visible mid grays 100..150; right half: transparent black and white, which
    // must not stop the visible half from being stretched.
    cv::Mat img(64, 64, CV_8UC4);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            const uchar v = x < 32 ? uchar(100 + (y * 50) / 63) : uchar(y % 2 ? 255 : 0);
            img.at<cv::Vec4b>(y, x) = {v, v, v, uchar(x < 32 ? 255 : 0)};
        }
    const OpResult r = pqtest::run(opId, img, {{"clip-percent", 0}, {"mode", "per-channel"}});
    QVERIFY(!r.error);
    double mn, mx;
    cv::Mat visible;
    cv::extractChannel(r.image(cv::Rect(0, 0, 32, 64)), visible, 1);
    cv::minMaxLoc(visible, &mn, &mx);
    QCOMPARE(mn, 0.0);
    QCOMPARE(mx, 255.0);
}

void TestAutoLevels::channelsAndDepths()
{
    const cv::Mat crop = tonetest::centre(m_lake, 320, 240);
    tonetest::checkChannelsAndDepths(opId, {{"mode", "luminance"}}, crop, 40.0);
    tonetest::checkChannelsAndDepths(opId, {{"mode", "per-channel"}}, crop, 40.0);
}

void TestAutoLevels::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_lake);
}

QTEST_GUILESS_MAIN(TestAutoLevels)
#include "test_auto_levels.moc"
