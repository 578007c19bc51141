// canvas: exact output sizes for sizes and aspect ratios, the photo placed by gravity and
// unchanged pixel for pixel, the added area exactly the requested colour in every layout and
// depth (transparent adds alpha, gray stays gray for gray colours); errors and limits.

#include "GeometryTestUtil.h"

#include <QTest>

using namespace pq;
using namespace pqtest::geometry;

Q_DECLARE_METATYPE(cv::Rect)

class TestCanvas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sizesAndGravity_data();
    void sizesAndGravity();
    void largePhotoAspect();
    void colourLayouts();
    void keepsAlphaAndDepth();
    void validation_data();
    void validation();
    void tooLargeIsAPermanentError();
    void cancelled();

private:
    cv::Mat m_face; // 800x533
};

void TestCanvas::initTestCase()
{
    m_face = photoBgr(QStringLiteral("face_filippo_giunchedi.jpg"));
    QCOMPARE(m_face.size(), cv::Size(800, 533));
}

void TestCanvas::sizesAndGravity_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<cv::Rect>("photo"); // where the 800x533 photo lands; the canvas size is
    QTest::addColumn<cv::Size>("size");  // given separately
    QTest::newRow("1000x1000 center") << QVariantMap{{"width", 1000}, {"height", 1000}}
                                      << cv::Rect(100, 233, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("1000x1000 northwest")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"gravity", "northwest"}}
        << cv::Rect(0, 0, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("1000x1000 southeast")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"gravity", "southeast"}}
        << cv::Rect(200, 467, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("1000x1000 north")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"gravity", "north"}}
        << cv::Rect(100, 0, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("1000x1000 south")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"gravity", "south"}}
        << cv::Rect(100, 467, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("1000x1000 east")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"gravity", "east"}}
        << cv::Rect(200, 233, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("1000x1000 west")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"gravity", "west"}}
        << cv::Rect(0, 233, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("1000x1000 northeast")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"gravity", "northeast"}}
        << cv::Rect(200, 0, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("1000x1000 southwest")
        << QVariantMap{{"width", 1000}, {"height", 1000}, {"gravity", "southwest"}}
        << cv::Rect(0, 467, 800, 533) << cv::Size(1000, 1000);
    QTest::newRow("width only") << QVariantMap{{"width", 1200}} << cv::Rect(200, 0, 800, 533)
                                << cv::Size(1200, 533);
    QTest::newRow("height only") << QVariantMap{{"height", 600}} << cv::Rect(0, 33, 800, 533)
                                 << cv::Size(800, 600);
    QTest::newRow("smaller than the photo: never crops")
        << QVariantMap{{"width", 500}, {"height", 600}} << cv::Rect(0, 33, 800, 533)
        << cv::Size(800, 600);
    QTest::newRow("1:1") << QVariantMap{{"aspect", "1:1"}} << cv::Rect(0, 133, 800, 533)
                         << cv::Size(800, 800);
    QTest::newRow("16:9") << QVariantMap{{"aspect", "16:9"}} << cv::Rect(74, 0, 800, 533)
                          << cv::Size(948, 533); // 533 * 16 / 9 = 947.6
    QTest::newRow("9:16 north") << QVariantMap{{"aspect", "9:16"}, {"gravity", "north"}}
                                << cv::Rect(0, 0, 800, 533) << cv::Size(800, 1422);
    QTest::newRow("3:2 already wider")
        << QVariantMap{{"aspect", "3:2"}} << cv::Rect(0, 0, 800, 533) << cv::Size(800, 533);
    QTest::newRow("size then aspect")
        << QVariantMap{{"width", 900}, {"height", 600}, {"aspect", "1:1"}}
        << cv::Rect(50, 183, 800, 533) << cv::Size(900, 900);
    QTest::newRow("aspect as a number") << QVariantMap{{"aspect", "2"}, {"gravity", "west"}}
                                        << cv::Rect(0, 0, 800, 533) << cv::Size(1066, 533);
}

void TestCanvas::sizesAndGravity()
{
    QFETCH(QVariantMap, given);
    QFETCH(cv::Rect, photo);
    QFETCH(cv::Size, size);
    given.insert("color", "#ff8000");
    const cv::Mat before = m_face.clone();
    const cv::Mat out = runOk(QStringLiteral("canvas"), m_face, given);
    QCOMPARE(pqtest::sizeText(out), QStringLiteral("%1x%2").arg(size.width).arg(size.height));
    QCOMPARE(out.type(), CV_8UC3);
    QCOMPARE(cv::norm(out(photo), m_face, cv::NORM_INF), 0.0);
    QVERIFY(uniformOutside(out, photo, cv::Scalar(0, 128, 255)));
    QCOMPARE(cv::norm(m_face, before, cv::NORM_INF), 0.0);
}

void TestCanvas::largePhotoAspect()
{
    const auto large =
        pqtest::decodeTestImage(QStringLiteral("large_cc0_dandelions_5312x2988.jpg"));
    QVERIFY(!large.error);
    const cv::Mat out =
        runOk(QStringLiteral("canvas"), large.image, {{"aspect", "1:1"}, {"color", "black"}});
    QCOMPARE(out.size(), cv::Size(5312, 5312));
    const cv::Rect photo(0, 1162, 5312, 2988);
    QCOMPARE(cv::norm(out(photo), large.image, cv::NORM_INF), 0.0);
    QVERIFY(uniformOutside(out, photo, cv::Scalar(0, 0, 0)));
}

void TestCanvas::colourLayouts()
{
    const auto grayDecoded = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!grayDecoded.error);
    const cv::Mat gray = grayDecoded.image;
    const cv::Rect at(44, 44, 512, 512);
    const QVariantMap size{{"width", 600}, {"height", 600}};
    auto with = [&](const char *colour) {
        QVariantMap g = size;
        g.insert("color", colour);
        return g;
    };

    // Gray photo, gray colour: stays one channel.
    cv::Mat out = runOk(QStringLiteral("canvas"), gray, with("gray"));
    QCOMPARE(out.type(), CV_8UC1);
    QCOMPARE(cv::norm(out(at), gray, cv::NORM_INF), 0.0);
    QVERIFY(uniformOutside(out, at, cv::Scalar(128)));

    // Gray photo, red colour: becomes BGR with a gray photo inside.
    out = runOk(QStringLiteral("canvas"), gray, with("red"));
    QCOMPARE(out.type(), CV_8UC3);
    cv::Mat grayAsBgr;
    cv::cvtColor(gray, grayAsBgr, cv::COLOR_GRAY2BGR);
    QCOMPARE(cv::norm(out(at), grayAsBgr, cv::NORM_INF), 0.0);
    QVERIFY(uniformOutside(out, at, cv::Scalar(0, 0, 255)));

    // Transparent: BGRA, the photo opaque, the rest fully transparent.
    out = runOk(QStringLiteral("canvas"), gray, with("transparent"));
    QCOMPARE(out.type(), CV_8UC4);
    cv::Mat grayAsBgra;
    cv::cvtColor(gray, grayAsBgra, cv::COLOR_GRAY2BGRA);
    QCOMPARE(cv::norm(out(at), grayAsBgra, cv::NORM_INF), 0.0);
    QVERIFY(uniformOutside(out, at, cv::Scalar(0, 0, 0, 0)));

    // Half-transparent colour on a BGR photo.
    out = runOk(QStringLiteral("canvas"), m_face, {{"width", 900}, {"color", "#0000ff80"}});
    QCOMPARE(out.type(), CV_8UC4);
    QCOMPARE(out.at<cv::Vec4b>(0, 0), cv::Vec4b(255, 0, 0, 128));
    QCOMPARE(out.at<cv::Vec4b>(200, 450),
             cv::Vec4b(m_face.at<cv::Vec3b>(200, 400)[0], m_face.at<cv::Vec3b>(200, 400)[1],
                       m_face.at<cv::Vec3b>(200, 400)[2], 255));

    // 16-bit: the colour is scaled to the depth.
    out = runOk(QStringLiteral("canvas"), to16(m_face), {{"height", 600}, {"color", "#ff8000"}});
    QCOMPARE(out.type(), CV_16UC3);
    QCOMPARE(out.at<cv::Vec3w>(0, 0), cv::Vec3w(0, 128 * 257, 65535));
    QCOMPARE(cv::norm(out(cv::Rect(0, 33, 800, 533)), to16(m_face), cv::NORM_INF), 0.0);
}

void TestCanvas::keepsAlphaAndDepth()
{
    for (const Variant &v : variants(m_face)) {
        const cv::Mat out =
            runOk(QStringLiteral("canvas"), v.image, {{"aspect", "1:1"}, {"color", "white"}});
        QCOMPARE(out.size(), cv::Size(800, 800));
        QVERIFY2(out.type() == v.image.type(), qPrintable(v.name)); // white fits every layout
        QCOMPARE(cv::norm(out(cv::Rect(0, 133, 800, 533)), v.image, cv::NORM_INF), 0.0);
        const double full = v.image.depth() == CV_16U ? 65535 : 255;
        QVERIFY(uniformOutside(out, cv::Rect(0, 133, 800, 533), cv::Scalar::all(full)));
    }
}

void TestCanvas::validation_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("size") << QVariantMap{{"width", 100}} << QString();
    QTest::newRow("aspect 4/5") << QVariantMap{{"aspect", "4/5"}} << QString();
    QTest::newRow("nothing") << QVariantMap{}
                             << "no canvas size given: set width and/or height, or aspect";
    QTest::newRow("only a colour") << QVariantMap{{"color", "black"}} << "no canvas size given";
    QTest::newRow("bad aspect") << QVariantMap{{"aspect", "square"}}
                                << "parameter 'aspect': 'square' is not an aspect ratio";
    QTest::newRow("zero aspect") << QVariantMap{{"aspect", "0:1"}} << "'aspect'";
    QTest::newRow("negative width") << QVariantMap{{"width", -5}} << "'width'";
    QTest::newRow("huge height") << QVariantMap{{"height", 70000}}
                                 << "'height': 70000 is out of range (allowed: 0..65535 px)";
    QTest::newRow("bad gravity") << QVariantMap{{"width", 10}, {"gravity", "middle"}}
                                 << "'gravity'";
    QTest::newRow("bad colour") << QVariantMap{{"width", 10}, {"color", "#12345"}} << "'color'";
}

void TestCanvas::validation()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, error);
    Params p;
    const auto err = pqtest::complete(QStringLiteral("canvas"), given, &p);
    if (error.isEmpty()) {
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
    } else {
        QVERIFY(err);
        QVERIFY2(err->startsWith(QLatin1String("operation 'canvas'")), qPrintable(*err));
        QVERIFY2(err->contains(error), qPrintable(*err));
    }
}

void TestCanvas::tooLargeIsAPermanentError()
{
    const OpResult r = pqtest::run(QStringLiteral("canvas"), m_face, {{"aspect", "1:5000"}});
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Permanent);
    QVERIFY2(r.error->message.contains(QLatin1String("800x4000000 pixels, more than PixQueue "
                                                     "handles")),
             qPrintable(r.error->message));
}

void TestCanvas::cancelled()
{
    Cancelled c;
    const OpResult r =
        pqtest::op(QStringLiteral("canvas"))
            .run(m_face, pqtest::params(QStringLiteral("canvas"), {{"width", 900}}), c.ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestCanvas)
#include "test_canvas.moc"
