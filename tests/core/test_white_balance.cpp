// white-balance: on colour-cast versions of the face photos (channels scaled like a tungsten or
// a daylight-blue cast) gray-world brings the channel means together and undoes the cast; auto
// (learning-based) reduces it too; gray images pass through; every layout; rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>

using namespace pq;

namespace {
const QString opId = QStringLiteral("white-balance");

cv::Mat withCast(const cv::Mat &bgr, cv::Scalar gains)
{
    cv::Mat out;
    cv::multiply(bgr, gains, out);
    return out;
}

// Channel gains (B, G, R) of a tungsten-like and a daylight-blue cast. None is above 1, so the
// cast loses no highlight to clipping and a perfect balancer could undo it completely.
const cv::Scalar warmCast(0.6, 0.8, 1.0);
const cv::Scalar coolCast(1.0, 0.85, 0.6);

// How far apart the B, G, R means are, relative to their average.
double castOf(const cv::Mat &bgr)
{
    const cv::Scalar m = cv::mean(bgr);
    const double avg = (m[0] + m[1] + m[2]) / 3;
    return (std::max({m[0], m[1], m[2]}) - std::min({m[0], m[1], m[2]})) / avg;
}
// Mean chromaticity (B, G, R shares of the channel sums): colour balance without brightness.
cv::Vec3d chromaticity(const cv::Mat &bgr)
{
    const cv::Scalar m = cv::mean(bgr);
    const double sum = m[0] + m[1] + m[2];
    return {m[0] / sum, m[1] / sum, m[2] / sum};
}

double chromaticityDistance(const cv::Mat &a, const cv::Mat &b)
{
    return cv::norm(chromaticity(a) - chromaticity(b));
}
} // namespace

class TestWhiteBalance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void grayWorldRemovesCast_data();
    void grayWorldRemovesCast();
    void autoReducesCast();
    void grayImagePassesThrough();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_couple;
    cv::Mat m_maher;
};

void TestWhiteBalance::initTestCase()
{
    m_couple = tonetest::photo(QStringLiteral("faces_flash_bar_couple.jpg"));
    m_maher = tonetest::photo(QStringLiteral("teeth_katherine_maher.jpg"));
    QVERIFY(!m_couple.empty() && !m_maher.empty());
}

void TestWhiteBalance::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"method", "retinex"}}, QStringLiteral("gray-world, auto"));
    tonetest::checkRejected(opId, {{"saturation-threshold", 1.5}},
                            QStringLiteral("saturation-threshold"));
    tonetest::checkRejected(opId, {{"saturation-threshold", 0}}, QStringLiteral("0.01..1"));
}

void TestWhiteBalance::grayWorldRemovesCast_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("warm");
    QTest::newRow("couple, warm cast") << "faces_flash_bar_couple.jpg" << true;
    QTest::newRow("couple, cool cast") << "faces_flash_bar_couple.jpg" << false;
    QTest::newRow("maher, warm cast") << "teeth_katherine_maher.jpg" << true;
    QTest::newRow("maher, cool cast") << "teeth_katherine_maher.jpg" << false;
}

void TestWhiteBalance::grayWorldRemovesCast()
{
    QFETCH(QString, file);
    QFETCH(bool, warm);
    const cv::Scalar gains = warm ? warmCast : coolCast;
    const cv::Mat original = file.startsWith(QLatin1String("faces")) ? m_couple : m_maher;
    const cv::Mat cast = withCast(original, gains);
    const OpResult r = pqtest::run(opId, cast, {{"method", "gray-world"}});
    QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
    const OpResult ref = pqtest::run(opId, original, {{"method", "gray-world"}});
    QVERIFY(!ref.error);
    const double before = castOf(cast);
    const double after = castOf(r.image);
    // The cast is a per-channel gain, which is what gray-world undoes: the balanced cast photo
    // has the colour balance of the balanced original.
    const double distBefore = chromaticityDistance(cast, original);
    const double distAfter = chromaticityDistance(r.image, ref.image);
    qInfo("%s: channel-mean spread %.3f (original %.3f) -> %.3f; chromaticity distance to the "
          "(balanced) original %.4f -> %.4f",
          QTest::currentDataTag(), before, castOf(original), after, distBefore, distAfter);
    QVERIFY2(after < before * 0.35, qPrintable(QString::number(after)));
    QVERIFY2(distAfter < distBefore * 0.3, qPrintable(QString::number(distAfter)));
}

void TestWhiteBalance::autoReducesCast()
{
    // The learning-based estimate is not gray-world: it keeps some of a scene's own colour (the
    // warm bar light of the couple photo), so it is tested on casts laid over neutralised
    // versions of the photos. The correction must go against the cast and remove most of it.
    for (const cv::Mat *original : {&m_couple, &m_maher}) {
        const OpResult neutral = pqtest::run(opId, *original, {{"method", "gray-world"}});
        QVERIFY(!neutral.error);
        for (const cv::Scalar &gains : {warmCast, coolCast}) {
            const cv::Mat cast = withCast(neutral.image, gains);
            const OpResult r = pqtest::run(opId, cast, {{"method", "auto"}});
            QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
            const cv::Scalar in = cv::mean(cast);
            const cv::Scalar out = cv::mean(r.image);
            const double redBlueIn = in[2] / in[0];
            const double redBlueOut = out[2] / out[0];
            const double distBefore = chromaticityDistance(cast, neutral.image);
            const double distAfter = chromaticityDistance(r.image, neutral.image);
            qInfo("%s (neutralised), gains B %.2f G %.2f R %.2f, auto: channel-mean spread %.3f "
                  "-> %.3f, R/B %.2f -> %.2f; chromaticity distance to neutral %.4f -> %.4f",
                  original == &m_couple ? "couple" : "maher", gains[0], gains[1], gains[2],
                  castOf(cast), castOf(r.image), redBlueIn, redBlueOut, distBefore, distAfter);
            if (gains[2] > gains[0])
                QVERIFY(redBlueOut < redBlueIn);
            else
                QVERIFY(redBlueOut > redBlueIn);
            QVERIFY(distAfter < distBefore * 0.6);
        }
        const OpResult own = pqtest::run(opId, *original, {{"method", "auto"}});
        QVERIFY(!own.error);
        qInfo("%s as taken, auto: channel-mean spread %.3f -> %.3f",
              original == &m_couple ? "couple" : "maher", castOf(*original), castOf(own.image));
    }
}

void TestWhiteBalance::grayImagePassesThrough()
{
    cv::Mat gray;
    cv::cvtColor(m_couple, gray, cv::COLOR_BGR2GRAY);
    for (const char *method : {"gray-world", "auto"}) {
        const OpResult r = pqtest::run(opId, gray, {{"method", method}});
        QVERIFY(!r.error);
        QCOMPARE(cv::norm(r.image, gray, cv::NORM_INF), 0.0);
    }
}

void TestWhiteBalance::channelsAndDepths()
{
    const cv::Mat crop = withCast(tonetest::centre(m_couple, 320, 240), cv::Scalar(0.8, 1, 1.2));
    tonetest::checkChannelsAndDepths(opId, {{"method", "gray-world"}}, crop, 35.0);
    tonetest::checkChannelsAndDepths(opId, {{"method", "auto"}}, crop, 30.0);
}

void TestWhiteBalance::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_couple);
}

QTEST_GUILESS_MAIN(TestWhiteBalance)
#include "test_white_balance.moc"
