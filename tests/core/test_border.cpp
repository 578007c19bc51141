// border: exact output sizes from pixels and/or percent of the shorter side, the frame exactly
// the requested colour, the photo unchanged inside, every layout and depth; errors and limits.

#include "GeometryTestUtil.h"

#include <QTest>

using namespace pq;
using namespace pqtest::geometry;

class TestBorder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void widths_data();
    void widths();
    void layoutsAndDepths();
    void tinyImageStillGetsAFrame();
    void validation_data();
    void validation();
    void tooLargeIsAPermanentError();
    void cancelled();

private:
    cv::Mat m_face; // 800x533
};

void TestBorder::initTestCase()
{
    m_face = photoBgr(QStringLiteral("face_filippo_giunchedi.jpg"));
    QCOMPARE(m_face.size(), cv::Size(800, 533));
}

void TestBorder::widths_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<int>("width");
    QTest::addColumn<cv::Scalar>("colour"); // BGR
    QTest::newRow("20 px white") << QVariantMap{{"size-px", 20}} << 20 << cv::Scalar(255, 255, 255);
    QTest::newRow("1 px black") << QVariantMap{{"size-px", 1}, {"color", "black"}} << 1
                                << cv::Scalar(0, 0, 0);
    // 5% of 533 = 26.65
    QTest::newRow("5 percent") << QVariantMap{{"size-percent", 5}, {"color", "#336699"}} << 27
                               << cv::Scalar(0x99, 0x66, 0x33);
    QTest::newRow("10 px + 2.5 percent")
        << QVariantMap{{"size-px", 10}, {"size-percent", 2.5}, {"color", "#abc"}} << 23
        << cv::Scalar(0xcc, 0xbb, 0xaa); // 10 + round(13.3)
    QTest::newRow("percent given as text")
        << QVariantMap{{"size-percent", "0.4"}} << 2 << cv::Scalar(255, 255, 255);
}

void TestBorder::widths()
{
    QFETCH(QVariantMap, given);
    QFETCH(int, width);
    QFETCH(cv::Scalar, colour);
    const cv::Mat before = m_face.clone();
    const cv::Mat out = runOk(QStringLiteral("border"), m_face, given);
    QCOMPARE(pqtest::sizeText(out),
             QStringLiteral("%1x%2").arg(800 + 2 * width).arg(533 + 2 * width));
    QCOMPARE(out.type(), CV_8UC3);
    const cv::Rect inside(width, width, 800, 533);
    QCOMPARE(cv::norm(out(inside), m_face, cv::NORM_INF), 0.0);
    QVERIFY(uniformOutside(out, inside, colour));
    QCOMPARE(cv::norm(m_face, before, cv::NORM_INF), 0.0);
}

void TestBorder::layoutsAndDepths()
{
    const QList<std::pair<QString, cv::Scalar>> colours{
        {QStringLiteral("white"), cv::Scalar(255, 255, 255, 255)},
        {QStringLiteral("#ff0000"), cv::Scalar(0, 0, 255, 255)},
        {QStringLiteral("transparent"), cv::Scalar(0, 0, 0, 0)}};
    for (const Variant &v : variants(m_face)) {
        for (const auto &[name, bgra] : colours) {
            const cv::Mat out =
                runOk(QStringLiteral("border"), v.image, {{"size-px", 15}, {"color", name}});
            const QString what = v.name + QLatin1Char(' ') + name;
            QCOMPARE(out.size(), cv::Size(830, 563));
            QVERIFY2(out.depth() == v.image.depth(), qPrintable(what));
            // The layout that holds the colour: gray stays gray for white only, alpha appears
            // for transparent, BGRA stays BGRA.
            const int channels = v.image.channels() == 4 || bgra[3] < 255                    ? 4
                                 : v.image.channels() == 1 && name == QLatin1String("white") ? 1
                                                                                             : 3;
            QVERIFY2(out.channels() == channels, qPrintable(what));
            const double scale = v.image.depth() == CV_16U ? 257 : 1;
            const cv::Scalar value = channels == 1 ? cv::Scalar(255 * scale) : bgra * scale;
            const cv::Rect inside(15, 15, 800, 533);
            QVERIFY2(uniformOutside(out, inside, value), qPrintable(what));
            cv::Mat expected = v.image;
            if (v.image.channels() == 1 && channels == 3)
                cv::cvtColor(v.image, expected, cv::COLOR_GRAY2BGR);
            else if (v.image.channels() == 1 && channels == 4)
                cv::cvtColor(v.image, expected, cv::COLOR_GRAY2BGRA);
            else if (v.image.channels() == 3 && channels == 4)
                cv::cvtColor(v.image, expected, cv::COLOR_BGR2BGRA);
            QVERIFY2(cv::norm(out(inside), expected, cv::NORM_INF) == 0, qPrintable(what));
        }
    }
}

void TestBorder::tinyImageStillGetsAFrame()
{
    const cv::Mat tiny(10, 12, CV_8UC3, cv::Scalar(1, 2, 3));
    const cv::Mat out = runOk(QStringLiteral("border"), tiny, {{"size-percent", 1}});
    QCOMPARE(out.size(), cv::Size(14, 12)); // 1% of 10 px rounds to 0, but a frame was asked for
    QVERIFY(uniformOutside(out, cv::Rect(1, 1, 12, 10), cv::Scalar(255, 255, 255)));
}

void TestBorder::validation_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("px") << QVariantMap{{"size-px", 3}} << QString();
    QTest::newRow("percent") << QVariantMap{{"size-percent", 50}} << QString();
    QTest::newRow("nothing") << QVariantMap{}
                             << "no border width given: set size-px and/or size-percent";
    QTest::newRow("zeros") << QVariantMap{{"size-px", 0}, {"size-percent", 0}}
                           << "no border width given";
    QTest::newRow("negative px") << QVariantMap{{"size-px", -2}} << "'size-px'";
    QTest::newRow("fractional px")
        << QVariantMap{{"size-px", 2.5}} << "'size-px': '2.5' is not a whole number";
    QTest::newRow("percent over 50") << QVariantMap{{"size-percent", 60}}
                                     << "'size-percent': 60 is out of range (allowed: 0..50 %)";
    QTest::newRow("bad colour") << QVariantMap{{"size-px", 3}, {"color", "rainbow"}} << "'color'";
    QTest::newRow("old name") << QVariantMap{{"width", 3}} << "no parameter 'width'";
}

void TestBorder::validation()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, error);
    Params p;
    const auto err = pqtest::complete(QStringLiteral("border"), given, &p);
    if (error.isEmpty()) {
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
    } else {
        QVERIFY(err);
        QVERIFY2(err->startsWith(QLatin1String("operation 'border'")), qPrintable(*err));
        QVERIFY2(err->contains(error), qPrintable(*err));
    }
}

void TestBorder::tooLargeIsAPermanentError()
{
    const cv::Mat wide(2, 60000, CV_8UC1, cv::Scalar(9));
    const OpResult r = pqtest::run(QStringLiteral("border"), wide, {{"size-px", 3000}});
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Permanent);
    QVERIFY2(r.error->message.contains(QLatin1String("66000x6002 pixels")),
             qPrintable(r.error->message));
}

void TestBorder::cancelled()
{
    Cancelled c;
    const OpResult r =
        pqtest::op(QStringLiteral("border"))
            .run(m_face, pqtest::params(QStringLiteral("border"), {{"size-px", 5}}), c.ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestBorder)
#include "test_border.moc"
