// crop: exact rectangles (pixels and percent), aspect ratio + gravity on real photos, clamping,
// errors and validation. Every crop must be the source ROI, pixel for pixel.

#include "ImageTestUtil.h"

#include <QTest>

using namespace pq;

Q_DECLARE_METATYPE(cv::Rect)

class TestCrop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rectangles_data();
    void rectangles();
    void aspectOnLargePhoto_data();
    void aspectOnLargePhoto();
    void outsideTheImageIsAPermanentError();
    void validation_data();
    void validation();
    void keepsDepthAndAlpha();

private:
    cv::Mat m_face;  // 800x533
    cv::Mat m_large; // 5312x2988 decoded at 1/4: 1328x747
};

void TestCrop::initTestCase()
{
    const auto face = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
    QVERIFY(!face.error);
    m_face = face.image;
    const auto large =
        pqtest::decodeTestImage(QStringLiteral("large_cc0_dandelions_5312x2988.jpg"), 4);
    QVERIFY(!large.error);
    m_large = large.image;
    QCOMPARE(m_large.size(), cv::Size(1328, 747));
}

void TestCrop::rectangles_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<cv::Rect>("expected");
    // 800x533 source
    QTest::newRow("defaults: everything") << QVariantMap{} << cv::Rect(0, 0, 800, 533);
    QTest::newRow("pixels") << QVariantMap{{"x", 100}, {"y", 50}, {"width", 200}, {"height", 100}}
                            << cv::Rect(100, 50, 200, 100);
    QTest::newRow("0 size reaches the edges")
        << QVariantMap{{"x", 600}, {"y", 400}} << cv::Rect(600, 400, 200, 133);
    QTest::newRow("clamped to the image")
        << QVariantMap{{"x", 700}, {"y", 500}, {"width", 500}, {"height", 500}}
        << cv::Rect(700, 500, 100, 33);
    QTest::newRow("percent") << QVariantMap{{"unit", "percent"},
                                            {"x", 25},
                                            {"y", 10},
                                            {"width", 50}}
                             << cv::Rect(200, 53, 400, 480);
    QTest::newRow("16:9 south") << QVariantMap{{"aspect", "16:9"}, {"gravity", "south"}}
                                << cv::Rect(0, 83, 800, 450);
    QTest::newRow("16:9 north") << QVariantMap{{"aspect", "16:9"}, {"gravity", "north"}}
                                << cv::Rect(0, 0, 800, 450);
    QTest::newRow("16:9 center") << QVariantMap{{"aspect", "16:9"}} << cv::Rect(0, 41, 800, 450);
    QTest::newRow("1:1 northeast")
        << QVariantMap{{"aspect", "1:1"}, {"gravity", "northeast"}} << cv::Rect(267, 0, 533, 533);
    QTest::newRow("1:1 southwest")
        << QVariantMap{{"aspect", "1:1"}, {"gravity", "southwest"}} << cv::Rect(0, 0, 533, 533);
    QTest::newRow("aspect inside a given rectangle")
        << QVariantMap{{"x", 100}, {"y", 100}, {"width", 400}, {"height", 300}, {"aspect", "1:1"}}
        << cv::Rect(150, 100, 300, 300);
    QTest::newRow("aspect as a number")
        << QVariantMap{{"aspect", "0.5"}, {"gravity", "west"}} << cv::Rect(0, 0, 267, 533);
}

void TestCrop::rectangles()
{
    QFETCH(QVariantMap, given);
    QFETCH(cv::Rect, expected);
    const OpResult r = pqtest::run(QStringLiteral("crop"), m_face, given);
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QCOMPARE(r.image.size(), expected.size());
    QCOMPARE(cv::norm(r.image, m_face(expected), cv::NORM_INF), 0.0);
    QVERIFY(r.image.isContinuous()); // a copy, not a view into the input
}

void TestCrop::aspectOnLargePhoto_data()
{
    QTest::addColumn<QString>("aspect");
    QTest::addColumn<QString>("gravity");
    QTest::addColumn<cv::Rect>("expected");
    // 1328x747
    QTest::newRow("1:1 east") << "1:1"
                              << "east" << cv::Rect(581, 0, 747, 747);
    QTest::newRow("1:1 west") << "1:1"
                              << "west" << cv::Rect(0, 0, 747, 747);
    QTest::newRow("1:1 center") << "1:1"
                                << "center" << cv::Rect(290, 0, 747, 747);
    QTest::newRow("4:5 north") << "4:5"
                               << "north" << cv::Rect(365, 0, 598, 747);
    QTest::newRow("21:9 south") << "21:9"
                                << "south" << cv::Rect(0, 178, 1328, 569);
    QTest::newRow("21:9 southeast") << "21:9"
                                    << "southeast" << cv::Rect(0, 178, 1328, 569);
}

void TestCrop::aspectOnLargePhoto()
{
    QFETCH(QString, aspect);
    QFETCH(QString, gravity);
    QFETCH(cv::Rect, expected);
    const OpResult r =
        pqtest::run(QStringLiteral("crop"), m_large, {{"aspect", aspect}, {"gravity", gravity}});
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QCOMPARE(pqtest::sizeText(r.image),
             QStringLiteral("%1x%2").arg(expected.width).arg(expected.height));
    QCOMPARE(cv::norm(r.image, m_large(expected), cv::NORM_INF), 0.0);
}

void TestCrop::outsideTheImageIsAPermanentError()
{
    for (const QVariantMap &given : {QVariantMap{{"x", 900}}, QVariantMap{{"y", 533}},
                                     QVariantMap{{"x", 100}, {"width", 0.2}}}) {
        const OpResult r = pqtest::run(QStringLiteral("crop"), m_face, given);
        QVERIFY(r.error);
        QCOMPARE(r.error->kind, ErrorKind::Permanent);
        QVERIFY2(r.error->message.contains(QLatin1String("outside the 800x533 image")),
                 qPrintable(r.error->message));
        QVERIFY(r.image.empty());
    }
}

void TestCrop::validation_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("16:9") << QVariantMap{{"aspect", "16:9"}} << QString();
    QTest::newRow("4/3 with spaces") << QVariantMap{{"aspect", " 4 / 3 "}} << QString();
    QTest::newRow("1.5") << QVariantMap{{"aspect", "1.5"}} << QString();
    QTest::newRow("words") << QVariantMap{{"aspect", "wide"}} << "'aspect'";
    QTest::newRow("zero height") << QVariantMap{{"aspect", "16:0"}} << "'aspect'";
    QTest::newRow("zero width") << QVariantMap{{"aspect", "0:1"}} << "'aspect'";
    QTest::newRow("negative") << QVariantMap{{"aspect", "-1:1"}} << "'aspect'";
    QTest::newRow("percent over 100")
        << QVariantMap{{"unit", "percent"}, {"width", 150}} << "'width'";
    QTest::newRow("bad gravity") << QVariantMap{{"gravity", "up"}} << "'gravity'";
    QTest::newRow("bad unit") << QVariantMap{{"unit", "cm"}} << "'unit'";
}

void TestCrop::validation()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, error);
    Params p;
    const auto err = pqtest::complete(QStringLiteral("crop"), given, &p);
    if (error.isEmpty()) {
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
    } else {
        QVERIFY(err);
        QVERIFY2(err->startsWith(QLatin1String("operation 'crop':")), qPrintable(*err));
        QVERIFY2(err->contains(error), qPrintable(*err));
    }
}

void TestCrop::keepsDepthAndAlpha()
{
    cv::Mat img(50, 60, CV_16UC4);
    cv::randu(img, cv::Scalar::all(0), cv::Scalar::all(65535));
    const OpResult r = pqtest::run(QStringLiteral("crop"), img,
                                   {{"x", 10}, {"y", 5}, {"width", 30}, {"height", 20}});
    QVERIFY(!r.error);
    QCOMPARE(r.image.type(), CV_16UC4);
    QCOMPARE(cv::norm(r.image, img(cv::Rect(10, 5, 30, 20)), cv::NORM_INF), 0.0);
}

QTEST_GUILESS_MAIN(TestCrop)
#include "test_crop.moc"
