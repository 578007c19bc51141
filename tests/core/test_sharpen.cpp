// sharpen: Laplacian variance rises on the real photos and with the amount; the threshold leaves
// small differences (noise) exactly alone while edges are still sharpened; colours stay; no halo
// from transparent pixels; every layout; rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>

using namespace pq;

namespace {
const QString opId = QStringLiteral("sharpen");
}

class TestSharpen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void amountZeroIsIdentity();
    void laplacianVarianceRises_data();
    void laplacianVarianceRises();
    void thresholdStopsSmallDifferences();
    void keepsColours();
    void noHaloFromTransparentPixels();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_face;
    cv::Mat m_old;
};

void TestSharpen::initTestCase()
{
    m_face = tonetest::photo(QStringLiteral("face_filippo_giunchedi.jpg"));
    // The 2089x3000 gray portrait at 1/4 size: soft, with film grain.
    m_old = tonetest::photo(QStringLiteral("gray_old_frederick_douglass_c1879.jpg"), 4);
    QVERIFY(!m_face.empty() && !m_old.empty());
}

void TestSharpen::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"amount", 6}}, QStringLiteral("amount"));
    tonetest::checkRejected(opId, {{"radius", 0.05}}, QStringLiteral("0.1..50"));
    tonetest::checkRejected(opId, {{"radius", 51}}, QStringLiteral("radius"));
    tonetest::checkRejected(opId, {{"threshold", 256}}, QStringLiteral("0..255"));
    tonetest::checkRejected(opId, {{"threshold", -1}}, QStringLiteral("threshold"));
}

void TestSharpen::amountZeroIsIdentity()
{
    const OpResult r = pqtest::run(opId, m_face, {{"amount", 0}});
    QVERIFY(!r.error);
    QCOMPARE(cv::norm(r.image, m_face, cv::NORM_INF), 0.0);
}

void TestSharpen::laplacianVarianceRises_data()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("face (colour)") << "face";
    QTest::newRow("Douglass (gray, 1/4)") << "old";
}

void TestSharpen::laplacianVarianceRises()
{
    QFETCH(QString, which);
    const cv::Mat &img = which == QLatin1String("face") ? m_face : m_old;
    const double before = tonetest::laplacianVariance(img);
    double previous = before;
    for (double amount : {0.5, 1.0, 2.0}) {
        const OpResult r = pqtest::run(opId, img, {{"amount", amount}, {"radius", 1.5}});
        QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
        const double after = tonetest::laplacianVariance(r.image);
        qInfo("%s, amount %.1f radius 1.5: Laplacian variance %.1f -> %.1f (x%.2f)",
              QTest::currentDataTag(), amount, before, after, after / before);
        QVERIFY(after > previous * 1.2);
        previous = after;
    }
}

void TestSharpen::thresholdStopsSmallDifferences()
{
    // Flat gray with faint noise (+-3 levels) on the left, a strong edge in the middle.
    cv::Mat img(64, 128, CV_8UC1, cv::Scalar(60));
    img.colRange(64, 128).setTo(190);
    cv::Mat noise(img.size(), CV_8SC1);
    cv::RNG rng(12345);
    rng.fill(noise, cv::RNG::UNIFORM, -3, 4);
    cv::add(img, noise, img, cv::noArray(), CV_8U);

    const QVariantMap sharp{{"amount", 2.0}, {"radius", 2.0}};
    const OpResult plain = pqtest::run(opId, img, sharp);
    QVariantMap withThreshold = sharp;
    withThreshold.insert(QStringLiteral("threshold"), 12);
    const OpResult thresholded = pqtest::run(opId, img, withThreshold);
    QVERIFY(!plain.error && !thresholded.error);

    const cv::Rect flat(0, 0, 48, 64); // far from the edge
    cv::Scalar m, sd0, sdPlain;
    cv::meanStdDev(img(flat), m, sd0);
    cv::meanStdDev(plain.image(flat), m, sdPlain);
    const double changed = cv::norm(thresholded.image(flat), img(flat), cv::NORM_INF);
    double lo, hi;
    cv::minMaxLoc(thresholded.image.colRange(56, 72), &lo, &hi);
    qInfo("noise std in the flat area: %.2f, sharpened %.2f, with threshold 12 largest change "
          "%.0f; edge 60|190 with threshold: range %.0f..%.0f",
          sd0[0], sdPlain[0], changed, lo, hi);
    QVERIFY(sdPlain[0] > sd0[0] * 1.5); // without threshold the noise is sharpened too
    QCOMPARE(changed, 0.0);             // with it, not a single noisy pixel changes
    QVERIFY(lo < 50 && hi > 200);       // ...while the edge still gets its overshoot

    // On the real photo a threshold of 255 leaves nothing to sharpen.
    const OpResult none = pqtest::run(opId, m_face, {{"amount", 2.0}, {"threshold", 255}});
    QVERIFY(!none.error);
    QVERIFY(cv::norm(none.image, m_face, cv::NORM_INF) <= 1);
}

void TestSharpen::keepsColours()
{
    const OpResult r = pqtest::run(opId, m_face, {{"amount", 1.5}, {"radius", 1.0}});
    QVERIFY(!r.error);
    std::vector<cv::Mat> in, out;
    cv::split(tonetest::labOf(m_face), in);
    cv::split(tonetest::labOf(r.image), out);
    const cv::Mat unclipped = (out[0] > 5) & (out[0] < 95);
    const double da = cv::mean(cv::abs(in[1] - out[1]), unclipped)[0];
    const double db = cv::mean(cv::abs(in[2] - out[2]), unclipped)[0];
    const double dL = cv::mean(cv::abs(in[0] - out[0]))[0];
    qInfo("face, sharpen 1.5: mean |delta L*| %.2f, |delta a*| %.2f, |delta b*| %.2f", dL, da, db);
    QVERIFY(da < 0.5 * dL && db < 0.5 * dL);
}

void TestSharpen::noHaloFromTransparentPixels()
{
    // Opaque mid gray next to fully transparent white: the visible side must stay flat.
    cv::Mat img(32, 64, CV_8UC4, cv::Scalar(120, 120, 120, 255));
    img.colRange(32, 64).setTo(cv::Scalar(255, 255, 255, 0));
    const OpResult r = pqtest::run(opId, img, {{"amount", 3.0}, {"radius", 3.0}});
    QVERIFY(!r.error);
    const double change =
        cv::norm(r.image(cv::Rect(0, 0, 32, 32)), img(cv::Rect(0, 0, 32, 32)), cv::NORM_INF);
    QVERIFY2(change <= 1, qPrintable(QString::number(change)));
}

void TestSharpen::channelsAndDepths()
{
    tonetest::checkChannelsAndDepths(opId, {{"amount", 1.0}, {"radius", 1.0}, {"threshold", 2}},
                                     tonetest::centre(m_face, 320, 240), 38.0);
}

void TestSharpen::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_face);
}

QTEST_GUILESS_MAIN(TestSharpen)
#include "test_sharpen.moc"
