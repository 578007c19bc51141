// blur: Laplacian variance falls on the real photos, more with a larger radius; box is the
// mean of its square; the fast large-radius Gaussian matches the exact one; transparent colour
// does not bleed; every layout; rejected parameters.

#include "ToneTestUtil.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pq;

namespace {
const QString opId = QStringLiteral("blur");
}

class TestBlur : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsBadParameters();
    void laplacianVarianceFalls_data();
    void laplacianVarianceFalls();
    void boxIsTheMeanOfItsSquare();
    void largeGaussianMatchesExactKernel();
    void transparentColourDoesNotBleed();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_face;
};

void TestBlur::initTestCase()
{
    m_face = tonetest::photo(QStringLiteral("face_guido_van_rossum_glasses.jpg"));
    QVERIFY(!m_face.empty());
}

void TestBlur::rejectsBadParameters()
{
    tonetest::checkRejected(opId, {{"type", "motion"}}, QStringLiteral("gaussian, box"));
    tonetest::checkRejected(opId, {{"radius", 0}}, QStringLiteral("radius"));
    tonetest::checkRejected(opId, {{"radius", 201}}, QStringLiteral("0.1..200"));
}

void TestBlur::laplacianVarianceFalls_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("gaussian") << "gaussian";
    QTest::newRow("box") << "box";
}

void TestBlur::laplacianVarianceFalls()
{
    QFETCH(QString, type);
    const double before = tonetest::laplacianVariance(m_face);
    double previous = before;
    for (double radius : {1.0, 3.0, 20.0}) {
        const OpResult r = pqtest::run(opId, m_face, {{"type", type}, {"radius", radius}});
        QVERIFY2(!r.error, qPrintable(tonetest::errorText(r)));
        const double after = tonetest::laplacianVariance(r.image);
        qInfo("guido, %s radius %.0f: Laplacian variance %.1f -> %.2f", qPrintable(type), radius,
              before, after);
        QVERIFY(after < previous * 0.7);
        // blurring moves no tones: the mean stays
        QVERIFY(std::abs(cv::mean(r.image)[1] - cv::mean(m_face)[1]) < 1.0);
        previous = after;
    }
}

void TestBlur::boxIsTheMeanOfItsSquare()
{
    cv::Mat gray;
    cv::cvtColor(m_face, gray, cv::COLOR_BGR2GRAY);
    const OpResult r = pqtest::run(opId, gray, {{"type", "box"}, {"radius", 2}});
    QVERIFY(!r.error);
    const cv::Point p(300, 200);
    const double mean = cv::mean(gray(cv::Rect(p.x - 2, p.y - 2, 5, 5)))[0];
    QVERIFY(std::abs(r.image.at<uchar>(p) - mean) <= 0.5);
}

void TestBlur::largeGaussianMatchesExactKernel()
{
    // Above 12 px three box filters stand in for the kernel.
    const cv::Mat small = tonetest::centre(m_face, 300, 200);
    for (double sigma : {13.0, 25.0}) {
        QElapsedTimer t;
        t.start();
        const OpResult r = pqtest::run(opId, small, {{"radius", sigma}});
        const qint64 ms = t.elapsed();
        QVERIFY(!r.error);
        cv::Mat exact;
        cv::GaussianBlur(small, exact, cv::Size(), sigma, sigma, cv::BORDER_REFLECT_101);
        const double db = pqtest::psnr(r.image, exact);
        qInfo("gaussian sigma %.0f: three-box approximation vs exact kernel PSNR %.1f dB "
              "(%lld ms)",
              sigma, db, ms);
        QVERIFY2(db > 38, qPrintable(QString::number(db)));
    }
}

void TestBlur::transparentColourDoesNotBleed()
{
    // Left: opaque red; right: fully transparent green.
    cv::Mat img(40, 40, CV_8UC4, cv::Scalar(0, 0, 255, 255));
    img(cv::Rect(20, 0, 20, 40)).setTo(cv::Scalar(0, 255, 0, 0));
    for (const char *type : {"gaussian", "box"}) {
        const OpResult r = pqtest::run(opId, img, {{"type", type}, {"radius", 4}});
        QVERIFY(!r.error);
        cv::Mat visible = r.image(cv::Rect(0, 0, 20, 40));
        const cv::Scalar m = cv::mean(visible);
        QVERIFY2(m[1] < 1 && m[2] > 254, type);
    }
}

void TestBlur::channelsAndDepths()
{
    const cv::Mat crop = tonetest::centre(m_face, 320, 240);
    tonetest::checkChannelsAndDepths(opId, {{"radius", 3}}, crop, 45.0);
    tonetest::checkChannelsAndDepths(opId, {{"radius", 30}, {"type", "gaussian"}}, crop, 45.0);
    tonetest::checkChannelsAndDepths(opId, {{"radius", 3}, {"type", "box"}}, crop, 45.0);
}

void TestBlur::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_face);
}

QTEST_GUILESS_MAIN(TestBlur)
#include "test_blur.moc"
