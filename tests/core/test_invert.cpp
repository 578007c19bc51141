// invert: values, inverting twice gives the original bit for bit on every layout, alpha kept.

#include "ToneTestUtil.h"

#include <QTest>

using namespace pq;

namespace {
const QString opId = QStringLiteral("invert");
}

class TestInvert : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectsParameters();
    void values();
    void twiceIsTheOriginal();
    void channelsAndDepths();
    void honoursCancellation();

private:
    cv::Mat m_face;
};

void TestInvert::initTestCase()
{
    m_face = tonetest::photo(QStringLiteral("teeth_katherine_maher.jpg"));
    QVERIFY(!m_face.empty());
}

void TestInvert::rejectsParameters()
{
    tonetest::checkRejected(opId, {{"strength", 1}}, QStringLiteral("strength"));
}

void TestInvert::values()
{
    const cv::Mat bgra(1, 1, CV_8UC4, cv::Scalar(0, 100, 255, 77));
    const OpResult r = pqtest::run(opId, bgra, {});
    QVERIFY(!r.error);
    QCOMPARE(r.image.at<cv::Vec4b>(0, 0), cv::Vec4b(255, 155, 0, 77));
    const cv::Mat gray16(1, 1, CV_16UC1, cv::Scalar(1000));
    QCOMPARE(int(pqtest::run(opId, gray16, {}).image.at<ushort>(0, 0)), 64535);
}

void TestInvert::twiceIsTheOriginal()
{
    for (const tonetest::Variant &v : tonetest::variantsOf(m_face)) {
        const OpResult once = pqtest::run(opId, v.image, {});
        QVERIFY(!once.error);
        QVERIFY2(cv::norm(once.image, v.image, cv::NORM_INF) > 0, v.name);
        const OpResult twice = pqtest::run(opId, once.image, {});
        QVERIFY(!twice.error);
        QCOMPARE(twice.image.type(), v.image.type());
        QVERIFY2(cv::norm(twice.image, v.image, cv::NORM_INF) == 0, v.name);
    }
}

void TestInvert::channelsAndDepths()
{
    tonetest::checkChannelsAndDepths(opId, {}, tonetest::centre(m_face, 320, 240), 50.0);
}

void TestInvert::honoursCancellation()
{
    tonetest::checkCancellation(opId, {}, m_face);
}

QTEST_GUILESS_MAIN(TestInvert)
#include "test_invert.moc"
