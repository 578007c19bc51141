// flip: each direction equals cv::flip pixel for pixel, twice gives back the original exactly,
// "both" equals a half turn; every layout and depth; errors and cancellation.

#include "GeometryTestUtil.h"

#include <QTest>

using namespace pq;
using namespace pqtest::geometry;

class TestFlip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void directions_data();
    void directions();
    void twiceGivesBackTheOriginal_data();
    void twiceGivesBackTheOriginal();
    void bothIsAHalfTurn();
    void validation_data();
    void validation();
    void cancelled();

private:
    cv::Mat m_face; // 800x533
};

void TestFlip::initTestCase()
{
    m_face = photoBgr(QStringLiteral("face_filippo_giunchedi.jpg"));
    QCOMPARE(m_face.size(), cv::Size(800, 533));
}

void TestFlip::directions_data()
{
    QTest::addColumn<QString>("direction");
    QTest::addColumn<int>("code");
    QTest::addColumn<cv::Point>("from"); // where the output's top-left pixel comes from
    QTest::newRow("horizontal") << "horizontal" << 1 << cv::Point(799, 0);
    QTest::newRow("vertical") << "vertical" << 0 << cv::Point(0, 532);
    QTest::newRow("both") << "both" << -1 << cv::Point(799, 532);
}

void TestFlip::directions()
{
    QFETCH(QString, direction);
    QFETCH(int, code);
    QFETCH(cv::Point, from);
    const cv::Mat before = m_face.clone();
    const cv::Mat out = runOk(QStringLiteral("flip"), m_face, {{"direction", direction}});
    QCOMPARE(out.size(), m_face.size());
    cv::Mat expected;
    cv::flip(m_face, expected, code);
    QCOMPARE(cv::norm(out, expected, cv::NORM_INF), 0.0);
    QCOMPARE(out.at<cv::Vec3b>(0, 0), m_face.at<cv::Vec3b>(from));
    QVERIFY(cv::norm(out, m_face, cv::NORM_INF) > 0); // a real photo is not symmetric
    QCOMPARE(cv::norm(m_face, before, cv::NORM_INF), 0.0);
}

void TestFlip::twiceGivesBackTheOriginal_data()
{
    QTest::addColumn<cv::Mat>("image");
    for (const Variant &v : variants(m_face))
        QTest::newRow(qPrintable(QStringLiteral("face ") + v.name)) << v.image;
    const auto gray = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!gray.error);
    QTest::newRow("cameraman") << gray.image;
    const auto large =
        pqtest::decodeTestImage(QStringLiteral("large_cc0_dandelions_5312x2988.jpg"), 2);
    QVERIFY(!large.error);
    QTest::newRow("dandelions 2656x1494") << large.image;
}

void TestFlip::twiceGivesBackTheOriginal()
{
    QFETCH(cv::Mat, image);
    for (const QString direction : {"horizontal", "vertical", "both"}) {
        const cv::Mat once = runOk(QStringLiteral("flip"), image, {{"direction", direction}});
        QCOMPARE(once.type(), image.type());
        QCOMPARE(once.size(), image.size());
        QVERIFY(cv::norm(once, image, cv::NORM_INF) > 0);
        const cv::Mat twice = runOk(QStringLiteral("flip"), once, {{"direction", direction}});
        QCOMPARE(cv::norm(twice, image, cv::NORM_INF), 0.0);
    }
    // Horizontal then vertical is both.
    const cv::Mat hv = runOk(QStringLiteral("flip"),
                             runOk(QStringLiteral("flip"), image, {{"direction", "horizontal"}}),
                             {{"direction", "vertical"}});
    QCOMPARE(
        cv::norm(hv, runOk(QStringLiteral("flip"), image, {{"direction", "both"}}), cv::NORM_INF),
        0.0);
}

void TestFlip::bothIsAHalfTurn()
{
    for (const Variant &v : variants(m_face)) {
        const cv::Mat both = runOk(QStringLiteral("flip"), v.image, {{"direction", "both"}});
        const cv::Mat half = runOk(QStringLiteral("rotate"), v.image, {{"angle", 180}});
        QVERIFY2(cv::norm(both, half, cv::NORM_INF) == 0, qPrintable(v.name));
    }
}

void TestFlip::validation_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("default") << QVariantMap{} << QString();
    QTest::newRow("upper case") << QVariantMap{{"direction", "Vertical"}} << QString();
    QTest::newRow("h") << QVariantMap{{"direction", "h"}}
                       << "parameter 'direction': 'h' is not a known value (allowed: one of "
                          "horizontal, vertical, both)";
    QTest::newRow("diagonal") << QVariantMap{{"direction", "diagonal"}} << "'direction'";
    QTest::newRow("unknown parameter") << QVariantMap{{"axis", "x"}} << "no parameter 'axis'";
}

void TestFlip::validation()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, error);
    Params p;
    const auto err = pqtest::complete(QStringLiteral("flip"), given, &p);
    if (error.isEmpty()) {
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
    } else {
        QVERIFY(err);
        QVERIFY2(err->startsWith(QLatin1String("operation 'flip'")), qPrintable(*err));
        QVERIFY2(err->contains(error), qPrintable(*err));
    }
}

void TestFlip::cancelled()
{
    Cancelled c;
    const OpResult r = pqtest::op(QStringLiteral("flip"))
                           .run(m_face, pqtest::params(QStringLiteral("flip"), {}), c.ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestFlip)
#include "test_flip.moc"
