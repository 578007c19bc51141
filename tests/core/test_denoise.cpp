// denoise: on crops of real photos with added Gaussian noise (fixed seed) the residual noise
// falls and PSNR against the clean photo rises, for 8- and 16-bit colour and gray; the strip-wise
// processing gives exactly OpenCV's one-call result; window rules; alpha kept.

#include "ToneTestUtil.h"

#include <QElapsedTimer>
#include <QTest>
#include <opencv2/photo.hpp>

using namespace pq;

namespace {
const QString opId = QStringLiteral("denoise");

// The clean image plus zero-mean Gaussian noise of `sigma` levels, same seed every run.
cv::Mat noisy(const cv::Mat &clean, double sigma)
{
    cv::Mat n(clean.size(), CV_MAKETYPE(CV_32F, clean.channels()));
    cv::RNG rng(20240601);
    rng.fill(n, cv::RNG::NORMAL, 0, sigma);
    cv::Mat f;
    clean.convertTo(f, CV_32F);
    cv::Mat out;
    cv::Mat(f + n).convertTo(out, clean.depth());
    return out;
}

// Standard deviation of (image - clean), in 8-bit levels.
double noiseStd(const cv::Mat &image, const cv::Mat &clean)
{
    cv::Mat a, b;
    tonetest::to8(image).convertTo(a, CV_32F);
    tonetest::to8(clean).convertTo(b, CV_32F);
    cv::Scalar m, sd;
    cv::meanStdDev(cv::Mat(a - b).reshape(1), m, sd);
    return sd[0];
}
} // namespace

class TestDenoise : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void removesNoise_data();
    void removesNoise();
    void stripsGiveTheOneCallResult();
    void alphaIsKept();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_lake; // 1280x800 (half size)
    cv::Mat m_crop; // 200x160 colour crop of a face photo
    cv::Mat m_gray; // 200x160 crop of the cameraman
};

void TestDenoise::initTestCase()
{
    m_lake = tonetest::photo(QStringLiteral("lowcontrast_darkest_hour_lake.jpg"), 2);
    const cv::Mat face = tonetest::photo(QStringLiteral("teeth_katherine_maher.jpg"));
    const cv::Mat gray = tonetest::photo(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!m_lake.empty() && !face.empty() && !gray.empty());
    m_crop = tonetest::centre(face, 200, 160);
    m_gray = tonetest::centre(gray, 200, 160);
}

void TestDenoise::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"luma-strength", 0}}, QStringLiteral("luma-strength"));
    tonetest::checkRejected(opId, {{"color-strength", 51}}, QStringLiteral("0.5..50"));
    tonetest::checkRejected(opId, {{"search-window", 20}}, QStringLiteral("odd"));
    tonetest::checkRejected(opId, {{"template-window", 4}}, QStringLiteral("template-window"));
    tonetest::checkRejected(opId, {{"search-window", 9}, {"template-window", 11}},
                            QStringLiteral("smaller than search-window"));
    tonetest::checkRejected(opId, {{"search-window", 41}}, QStringLiteral("7..35"));
}

void TestDenoise::removesNoise_data()
{
    QTest::addColumn<bool>("gray");
    QTest::addColumn<bool>("sixteen");
    QTest::newRow("8-bit colour") << false << false;
    QTest::newRow("16-bit colour") << false << true;
    QTest::newRow("8-bit gray") << true << false;
    QTest::newRow("16-bit gray") << true << true;
}

void TestDenoise::removesNoise()
{
    QFETCH(bool, gray);
    QFETCH(bool, sixteen);
    const cv::Mat clean8 = gray ? m_gray : m_crop;
    const cv::Mat clean = sixteen ? tonetest::to16(clean8) : clean8;
    const cv::Mat input = noisy(clean, sixteen ? 15.0 * 257 : 15.0);
    QElapsedTimer t;
    t.start();
    const OpResult r = pqtest::run(opId, input, {{"luma-strength", 12}, {"color-strength", 12}});
    const qint64 ms = t.elapsed();
    QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
    QCOMPARE(r.image.type(), input.type());
    const double stdBefore = noiseStd(input, clean);
    const double stdAfter = noiseStd(r.image, clean);
    const double psnrBefore = pqtest::psnr(input, clean);
    const double psnrAfter = pqtest::psnr(r.image, clean);
    qInfo("%s %dx%d, noise sigma 15: noise std %.2f -> %.2f, PSNR vs clean %.2f -> %.2f dB "
          "(%lld ms)",
          QTest::currentDataTag(), clean.cols, clean.rows, stdBefore, stdAfter, psnrBefore,
          psnrAfter, ms);
    QVERIFY(stdAfter < stdBefore * 0.65);
    QVERIFY(psnrAfter > psnrBefore + 3.5);
    QVERIFY(cv::norm(input, noisy(clean, sixteen ? 15.0 * 257 : 15.0), cv::NORM_INF) == 0);
}

void TestDenoise::stripsGiveTheOneCallResult()
{
    // 1280 px wide: the op works in strips of 204 rows, so a 1280x260 band crosses a boundary.
    const cv::Mat clean = tonetest::centre(m_lake, 1280, 260);
    const cv::Mat input = noisy(clean, 10.0);
    const QVariantMap given{{"luma-strength", 8},
                            {"color-strength", 10},
                            {"search-window", 11},
                            {"template-window", 5}};
    QElapsedTimer t;
    t.start();
    const OpResult r = pqtest::run(opId, input, given);
    const qint64 ms = t.elapsed();
    QVERIFY(!r.error);
    cv::Mat reference;
    cv::fastNlMeansDenoisingColored(input, reference, 8, 10, 5, 11);
    qInfo("lake band 1280x260, noise sigma 10, search 11: noise std %.2f -> %.2f, PSNR %.2f -> "
          "%.2f dB (%lld ms)",
          noiseStd(input, clean), noiseStd(r.image, clean), pqtest::psnr(input, clean),
          pqtest::psnr(r.image, clean), ms);
    QCOMPARE(cv::norm(r.image, reference, cv::NORM_INF), 0.0);
}

void TestDenoise::alphaIsKept()
{
    for (bool sixteen : {false, true}) {
        const cv::Mat bgr =
            noisy(sixteen ? tonetest::to16(m_crop) : m_crop, sixteen ? 10.0 * 257 : 10.0);
        const cv::Mat bgra = tonetest::withAlphaRamp(bgr);
        const OpResult r = pqtest::run(opId, bgra, {{"luma-strength", 10}});
        QVERIFY(!r.error);
        QCOMPARE(r.image.type(), bgra.type());
        cv::Mat a0, a1;
        cv::extractChannel(bgra, a0, 3);
        cv::extractChannel(r.image, a1, 3);
        QCOMPARE(cv::norm(a0, a1, cv::NORM_INF), 0.0);
        QVERIFY(noiseStd(tonetest::bgrOf(r.image), bgr) > 1); // the colour was denoised
    }
}

void TestDenoise::channelsAndDepths()
{
    // 16-bit goes its own way (L1 patch distance), so it matches 8-bit less closely.
    tonetest::checkChannelsAndDepths(opId, {{"luma-strength", 10}, {"color-strength", 10}},
                                     noisy(tonetest::centre(m_crop, 120, 100), 10.0), 33.0);
}

void TestDenoise::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_crop);
}

QTEST_GUILESS_MAIN(TestDenoise)
#include "test_denoise.moc"
