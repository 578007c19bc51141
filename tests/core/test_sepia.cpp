// sepia: at strength 1 every pixel has the sepia hue and its own L*, black and white stay
// neutral, strength blends the chroma, 0 is the identity, gray images become toned BGR; every
// layout; rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>
#include <cmath>

using namespace pq;

namespace {
const QString opId = QStringLiteral("sepia");
const double sepiaHue = std::atan2(23.0, 9.0) * 180 / CV_PI; // the op's tone: a* 9, b* 23
} // namespace

class TestSepia : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void fullStrengthIsSepiaWithTheSameLightness();
    void blackAndWhiteStayNeutral();
    void strengthBlends();
    void grayBecomesToned();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_face;
};

void TestSepia::initTestCase()
{
    m_face = tonetest::photo(QStringLiteral("teeth_katherine_maher.jpg"));
    QVERIFY(!m_face.empty());
}

void TestSepia::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"strength", 1.5}}, QStringLiteral("strength"));
    tonetest::checkRejected(opId, {{"strength", -0.1}}, QStringLiteral("0..1"));
}

void TestSepia::fullStrengthIsSepiaWithTheSameLightness()
{
    const OpResult r = pqtest::run(opId, m_face, {{"strength", 1.0}});
    QVERIFY(!r.error);
    std::vector<cv::Mat> in, out;
    cv::split(tonetest::labOf(m_face), in);
    cv::split(tonetest::labOf(r.image), out);
    const double dL = cv::mean(cv::abs(in[0] - out[0]))[0];
    cv::Mat hue;
    cv::phase(out[1], out[2], hue, true);
    const cv::Mat toned = tonetest::chromaOf(r.image) > 5;
    cv::Scalar hueMean, hueSd;
    cv::meanStdDev(hue, hueMean, hueSd, toned);
    const cv::Mat mid = (out[0] > 40) & (out[0] < 60);
    qInfo("maher, sepia 1: mean |delta L*| %.2f; hue %.1f +- %.1f degrees (tone %.1f) on %.0f%% "
          "of pixels; mid-tone chroma %.1f",
          dL, hueMean[0], hueSd[0], sepiaHue, 100.0 * cv::countNonZero(toned) / toned.total(),
          cv::mean(tonetest::chromaOf(r.image), mid)[0]);
    QVERIFY(dL < 0.6);
    QVERIFY(std::abs(hueMean[0] - sepiaHue) < 3);
    QVERIFY(hueSd[0] < 4);
    QVERIFY(cv::mean(tonetest::chromaOf(r.image), mid)[0] > 20);
}

void TestSepia::blackAndWhiteStayNeutral()
{
    cv::Mat img(2, 2, CV_8UC3, cv::Scalar::all(0));
    img.row(1).setTo(cv::Scalar::all(255));
    const OpResult r = pqtest::run(opId, img, {});
    QVERIFY(!r.error);
    QCOMPARE(cv::norm(r.image, img, cv::NORM_INF), 0.0);
}

void TestSepia::strengthBlends()
{
    const OpResult full = pqtest::run(opId, m_face, {{"strength", 1.0}});
    const OpResult half = pqtest::run(opId, m_face, {{"strength", 0.5}});
    const OpResult none = pqtest::run(opId, m_face, {{"strength", 0.0}});
    QVERIFY(!full.error && !half.error && !none.error);
    QCOMPARE(cv::norm(none.image, m_face, cv::NORM_INF), 0.0);
    std::vector<cv::Mat> o, f, h;
    cv::split(tonetest::labOf(m_face), o);
    cv::split(tonetest::labOf(full.image), f);
    cv::split(tonetest::labOf(half.image), h);
    for (int c : {1, 2}) {
        const double err = cv::mean(cv::abs(h[c] - (o[c] + f[c]) * 0.5))[0];
        qInfo("maher, sepia 0.5: mean distance of %s from halfway %.2f", c == 1 ? "a*" : "b*", err);
        QVERIFY(err < 1.0);
    }
}

void TestSepia::grayBecomesToned()
{
    const cv::Mat gray = tonetest::photo(QStringLiteral("gray_cameraman_cc0.png"));
    QCOMPARE(gray.channels(), 1);
    const OpResult r = pqtest::run(opId, gray, {});
    QVERIFY(!r.error);
    QCOMPARE(r.image.type(), CV_8UC3);
    const double dL =
        cv::mean(cv::abs(tonetest::lightnessOf(gray) - tonetest::lightnessOf(r.image)))[0];
    qInfo("cameraman, sepia: mean chroma %.1f, mean |delta L*| %.2f", tonetest::meanChroma(r.image),
          dL);
    QVERIFY(tonetest::meanChroma(r.image) > 10);
    QVERIFY(dL < 0.6);
}

void TestSepia::channelsAndDepths()
{
    tonetest::checkChannelsAndDepths(opId, {{"strength", 0.8}}, tonetest::centre(m_face, 320, 240),
                                     40.0, [](int c) { return c == 1 ? 3 : c; });
}

void TestSepia::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_face);
}

QTEST_GUILESS_MAIN(TestSepia)
#include "test_sepia.moc"
