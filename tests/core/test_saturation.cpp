// saturation: -100 removes all chroma at the same L*, positive amounts raise chroma and keep L*
// and hue, gray images pass through, every layout, rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>

using namespace pq;

namespace {
const QString opId = QStringLiteral("saturation");
}

class TestSaturation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void minusHundredIsGray();
    void amountScalesChroma();
    void keepsLightnessAndHue();
    void grayImagePassesThrough();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_teeth;
};

void TestSaturation::initTestCase()
{
    m_teeth = tonetest::photo(QStringLiteral("teeth_astronaut_eileen_collins.png"));
    QVERIFY(!m_teeth.empty());
}

void TestSaturation::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"amount", -101}}, QStringLiteral("amount"));
    tonetest::checkRejected(opId, {{"amount", 150}}, QStringLiteral("-100..100"));
    tonetest::checkRejected(opId, {{"amount", "vivid"}}, QStringLiteral("not a number"));
}

void TestSaturation::minusHundredIsGray()
{
    const OpResult r = pqtest::run(opId, m_teeth, {{"amount", -100}});
    QVERIFY(!r.error);
    const double chroma = tonetest::meanChroma(r.image);
    std::vector<cv::Mat> ch;
    cv::split(r.image, ch);
    const double spread =
        std::max(cv::norm(ch[0], ch[1], cv::NORM_INF), cv::norm(ch[1], ch[2], cv::NORM_INF));
    qInfo("astronaut, saturation -100: mean chroma %.2f -> %.3f, largest channel difference %.0f",
          tonetest::meanChroma(m_teeth), chroma, spread);
    QVERIFY(chroma < 0.5);
    QVERIFY(spread <= 1);
}

void TestSaturation::amountScalesChroma()
{
    const double c0 = tonetest::meanChroma(m_teeth);
    for (int amount : {-50, 30, 60}) {
        const OpResult r = pqtest::run(opId, m_teeth, {{"amount", amount}});
        QVERIFY(!r.error);
        const double c = tonetest::meanChroma(r.image);
        qInfo("astronaut, saturation %d: mean chroma %.2f -> %.2f (x%.2f)", amount, c0, c, c / c0);
        // Out-of-gamut colours are held at the gamut edge, so raising falls a little short.
        const double expected = 1 + amount / 100.0;
        QVERIFY2(c / c0 > (amount > 0 ? 1 + 0.6 * amount / 100.0 : expected - 0.05) &&
                     c / c0 < expected + 0.05,
                 qPrintable(QString::number(c / c0)));
    }
}

void TestSaturation::keepsLightnessAndHue()
{
    const OpResult r = pqtest::run(opId, m_teeth, {{"amount", 40}});
    QVERIFY(!r.error);
    std::vector<cv::Mat> in, out;
    cv::split(tonetest::labOf(m_teeth), in);
    cv::split(tonetest::labOf(r.image), out);
    const double dL = cv::mean(cv::abs(in[0] - out[0]))[0];
    // hue: the direction of (a*, b*) on clearly coloured pixels
    cv::Mat h0, h1;
    cv::phase(in[1], in[2], h0, true);
    cv::phase(out[1], out[2], h1, true);
    cv::Mat dh = cv::abs(h0 - h1);
    dh = cv::min(dh, 360 - dh);
    const double hueShift = cv::mean(dh, tonetest::chromaOf(m_teeth) > 10)[0];
    qInfo("astronaut, saturation 40: mean |delta L*| %.2f, mean hue shift %.2f degrees", dL,
          hueShift);
    QVERIFY(dL < 0.6);
    QVERIFY(hueShift < 2.0);
}

void TestSaturation::grayImagePassesThrough()
{
    cv::Mat gray;
    cv::cvtColor(m_teeth, gray, cv::COLOR_BGR2GRAY);
    const OpResult r = pqtest::run(opId, gray, {{"amount", 80}});
    QVERIFY(!r.error);
    QCOMPARE(cv::norm(r.image, gray, cv::NORM_INF), 0.0);
}

void TestSaturation::channelsAndDepths()
{
    tonetest::checkChannelsAndDepths(opId, {{"amount", 50}}, tonetest::centre(m_teeth, 320, 240),
                                     40.0);
}

void TestSaturation::honoursCancellation()
{
    tonetest::checkCancellation(opId, {{"amount", 10}}, m_teeth);
}

QTEST_GUILESS_MAIN(TestSaturation)
#include "test_saturation.moc"
