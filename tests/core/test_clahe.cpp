// clahe: on the low-contrast lake photo the spread of L* rises, more with a higher clip limit;
// a*, b* stay; a lower clip limit is gentler; close to OpenCV's cv::CLAHE on 8-bit L*; 16-bit
// gives the 8-bit result at full precision; every layout; rejected parameters.

#include "ToneTestUtil.h"

#include <QTest>
#include <limits>
#include <opencv2/imgproc.hpp>
#include <set>

using namespace pq;

namespace {
const QString opId = QStringLiteral("clahe");

// Mean over the image of the standard deviation of L* in a 33x33 window: local contrast.
double localStddevL(const cv::Mat &m)
{
    const cv::Mat L = tonetest::lightnessOf(m);
    cv::Mat mean, meanSq;
    cv::blur(L, mean, cv::Size(33, 33));
    cv::blur(L.mul(L), meanSq, cv::Size(33, 33));
    cv::Mat var = cv::max(meanSq - mean.mul(mean), 0.0);
    cv::Mat sd;
    cv::sqrt(var, sd);
    return cv::mean(sd)[0];
}
} // namespace

class TestClahe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void raisesLocalContrastOnLowContrastPhoto();
    void keepsColours();
    void lowerClipLimitIsGentler();
    void agreesWithOpenCvClahe();
    void sixteenBitKeepsPrecision();
    void channelsAndDepths();
    void tinyImages();
    void honoursCancellation();

private:
    cv::Mat m_lake;
    cv::Mat m_lakeSmall; // 640x400, for the checks that run the op several times
    cv::Mat m_gray;
};

void TestClahe::initTestCase()
{
    m_lake = tonetest::photo(QStringLiteral("lowcontrast_darkest_hour_lake.jpg"), 2);
    m_lakeSmall = tonetest::photo(QStringLiteral("lowcontrast_darkest_hour_lake.jpg"), 4);
    m_gray = tonetest::photo(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!m_lake.empty() && !m_gray.empty());
    QCOMPARE(m_gray.channels(), 1);
}

void TestClahe::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"clip-limit", 0.5}}, QStringLiteral("clip-limit"));
    tonetest::checkRejected(opId, {{"clip-limit", 101}}, QStringLiteral("1..100"));
    tonetest::checkRejected(opId, {{"tile-size", 0}}, QStringLiteral("tile-size"));
    tonetest::checkRejected(opId, {{"tile-size", 65}}, QStringLiteral("1..64"));
    tonetest::checkRejected(opId, {{"tile-size", 2.5}}, QStringLiteral("whole number"));
}

void TestClahe::raisesLocalContrastOnLowContrastPhoto()
{
    // CLAHE raises contrast within regions; how much the global spread of L* changes depends on
    // the grid: with coarse tiles it rises, with fine ones (8x8 here) it stays about level while
    // the local spread and the detail rise strongly.
    const cv::Mat &lake = m_lakeSmall;
    const double globalBefore = tonetest::stddevL(lake);
    const double localBefore = localStddevL(lake);
    const double lapBefore = tonetest::laplacianVariance(lake);
    for (int tiles : {4, 8}) {
        double previousGlobal = globalBefore;
        double previousLocal = localBefore;
        for (double clip : {2.0, 3.0}) {
            const OpResult r =
                pqtest::run(opId, lake, {{"clip-limit", clip}, {"tile-size", tiles}});
            QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
            const double global = tonetest::stddevL(r.image);
            const double local = localStddevL(r.image);
            const double lap = tonetest::laplacianVariance(r.image);
            qInfo("lake (640x400), clahe clip %.0f tiles %dx%d: stddev L* %.2f -> %.2f, local (33 "
                  "px) "
                  "stddev L* %.2f -> %.2f, Laplacian variance %.1f -> %.1f, mean L* %.2f -> "
                  "%.2f",
                  clip, tiles, tiles, globalBefore, global, localBefore, local, lapBefore, lap,
                  tonetest::meanL(lake), tonetest::meanL(r.image));
            QVERIFY2(local > previousLocal * 1.1, qPrintable(QString::number(local)));
            QVERIFY(lap > lapBefore * 2);
            if (tiles == 4)
                QVERIFY2(global > previousGlobal * 1.02, qPrintable(QString::number(global)));
            else
                QVERIFY2(global > globalBefore * 0.9, qPrintable(QString::number(global)));
            previousGlobal = global;
            previousLocal = local;
        }
    }
}

void TestClahe::keepsColours()
{
    const OpResult r = pqtest::run(opId, m_lake, {{"clip-limit", 3.0}});
    QVERIFY(!r.error);
    std::vector<cv::Mat> in, out;
    cv::split(tonetest::labOf(m_lake), in);
    cv::split(tonetest::labOf(r.image), out);
    const cv::Mat unclipped = (out[0] > 5) & (out[0] < 95);
    const double da = cv::mean(cv::abs(in[1] - out[1]), unclipped)[0];
    const double db = cv::mean(cv::abs(in[2] - out[2]), unclipped)[0];
    qInfo("lake, clahe 3: mean |delta a*| %.2f, |delta b*| %.2f", da, db);
    QVERIFY2(da < 1.5 && db < 1.5, qPrintable(QStringLiteral("%1 %2").arg(da).arg(db)));
}

void TestClahe::lowerClipLimitIsGentler()
{
    // The clip limit bounds the slope of every tile's mapping: the lower, the closer to the input.
    double previous = std::numeric_limits<double>::infinity();
    for (double clip : {1.0, 2.0, 4.0, 16.0}) {
        const OpResult r = pqtest::run(opId, m_gray, {{"clip-limit", clip}});
        QVERIFY(!r.error);
        const double db = pqtest::psnr(r.image, m_gray);
        qInfo("cameraman, clahe clip %.0f: PSNR vs input %.1f dB", clip, db);
        QVERIFY(db < previous);
        previous = db;
    }
}

void TestClahe::agreesWithOpenCvClahe()
{
    // Same algorithm as cv::CLAHE on 8-bit L*; ours maps continuous L* (half a bin apart at
    // most) and hands out the clipped excess exactly, so small differences remain.
    const cv::Mat L = tonetest::lightnessOf(m_lake);
    cv::Mat L8;
    L.convertTo(L8, CV_8U, 255.0 / 100.0);
    cv::Mat reference;
    cv::createCLAHE(2.0, cv::Size(8, 8))->apply(L8, reference);
    const OpResult r = pqtest::run(opId, m_lake, {{"clip-limit", 2.0}, {"tile-size", 8}});
    QVERIFY(!r.error);
    cv::Mat ours;
    tonetest::lightnessOf(r.image).convertTo(ours, CV_8U, 255.0 / 100.0);
    const double db = cv::PSNR(ours, reference);
    qInfo("lake, clahe 2 / 8x8: L* vs cv::CLAHE on 8-bit L*: PSNR %.1f dB", db);
    QVERIFY2(db > 30, qPrintable(QString::number(db)));
}

void TestClahe::sixteenBitKeepsPrecision()
{
    // A 16-bit gradient comes out with far more than 256 levels: no 8-bit detour.
    cv::Mat grad(256, 1024, CV_16UC1);
    for (int y = 0; y < grad.rows; ++y)
        for (int x = 0; x < grad.cols; ++x)
            grad.at<ushort>(y, x) = ushort(20000 + x * 10 + y);
    const OpResult r = pqtest::run(opId, grad, {{"clip-limit", 3.0}});
    QVERIFY(!r.error);
    std::set<ushort> levels(r.image.begin<ushort>(), r.image.end<ushort>());
    qInfo("16-bit gradient with %d input levels: %zu output levels", 10 * 1023 + 256,
          levels.size());
    QVERIFY(levels.size() > 4000);
}

void TestClahe::channelsAndDepths()
{
    tonetest::checkChannelsAndDepths(opId, {{"clip-limit", 3.0}, {"tile-size", 4}},
                                     tonetest::centre(m_lake, 320, 240), 40.0);
}

void TestClahe::tinyImages()
{
    for (const cv::Size s : {cv::Size(1, 1), cv::Size(3, 50), cv::Size(7, 5)}) {
        cv::Mat img(s, CV_8UC3);
        cv::randu(img, 0, 255);
        const OpResult r = pqtest::run(opId, img, {{"tile-size", 8}});
        QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
        QCOMPARE(r.image.size(), s);
    }
}

void TestClahe::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_lake);
}

QTEST_GUILESS_MAIN(TestClahe)
#include "test_clahe.moc"
