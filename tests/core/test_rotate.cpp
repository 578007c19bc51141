// rotate: right angles are exact transposes (four quarter turns give back the original bit for
// bit, and 90 equals cv::rotate clockwise); other angles land on the requested background with the
// right size and direction; autocrop leaves no background at all and is the largest rectangle
// there is; every layout and depth; errors and cancellation.

#include "GeometryTestUtil.h"

#include <QElapsedTimer>
#include <QTest>
#include <cmath>
#include <numbers>

using namespace pq;
using namespace pqtest::geometry;

class TestRotate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fourQuarterTurnsGiveBackTheOriginal_data();
    void fourQuarterTurnsGiveBackTheOriginal();
    void rightAnglesEqualCvRotate_data();
    void rightAnglesEqualCvRotate();
    void expandHoldsTheWholeImageOnTheBackground_data();
    void expandHoldsTheWholeImageOnTheBackground();
    void turnsClockwise();
    void rotatingBackRestoresThePhoto();
    void cropKeepsTheSize();
    void autocropHasNoBackground_data();
    void autocropHasNoBackground();
    void autocropIsTheLargestRectangle_data();
    void autocropIsTheLargestRectangle();
    void transparentBackgroundAddsAlpha();
    void layoutsAndDepths();
    void largePhoto();
    void validation_data();
    void validation();
    void cancelled();

private:
    cv::Mat m_face;  // 800x533 BGR
    cv::Mat m_gray;  // 512x512, 1 channel
    cv::Mat m_teeth; // 512x512 BGR, lossless PNG
};

void TestRotate::initTestCase()
{
    m_face = photoBgr(QStringLiteral("face_filippo_giunchedi.jpg"));
    QCOMPARE(m_face.size(), cv::Size(800, 533));
    const auto gray = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!gray.error);
    m_gray = gray.image;
    QCOMPARE(m_gray.channels(), 1);
    m_teeth = photoBgr(QStringLiteral("teeth_astronaut_eileen_collins.png"));
}

void TestRotate::fourQuarterTurnsGiveBackTheOriginal_data()
{
    QTest::addColumn<cv::Mat>("image");
    for (const Variant &v : variants(m_face))
        QTest::newRow(qPrintable(QStringLiteral("face ") + v.name)) << v.image;
    QTest::newRow("cameraman gray") << m_gray;
    QTest::newRow("astronaut png") << m_teeth;
}

void TestRotate::fourQuarterTurnsGiveBackTheOriginal()
{
    QFETCH(cv::Mat, image);
    const cv::Mat before = image.clone();
    for (const double angle : {90.0, -90.0, 270.0}) {
        cv::Mat m = image;
        for (int i = 0; i < 4; ++i) {
            m = runOk(QStringLiteral("rotate"), m, {{"angle", angle}});
            QCOMPARE(m.type(), image.type());
            QCOMPARE(m.size(), i % 2 == 0 ? cv::Size(image.rows, image.cols) : image.size());
        }
        QCOMPARE(cv::norm(m, image, cv::NORM_INF), 0.0);
    }
    cv::Mat half = runOk(QStringLiteral("rotate"), image, {{"angle", 180}});
    half = runOk(QStringLiteral("rotate"), half, {{"angle", -180}});
    QCOMPARE(cv::norm(half, image, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(image, before, cv::NORM_INF), 0.0); // the input is never written
}

void TestRotate::rightAnglesEqualCvRotate_data()
{
    QTest::addColumn<double>("angle");
    QTest::addColumn<int>("code"); // cv::RotateFlags, -1 for none
    QTest::newRow("90") << 90.0 << int(cv::ROTATE_90_CLOCKWISE);
    QTest::newRow("-270") << -270.0 << int(cv::ROTATE_90_CLOCKWISE);
    QTest::newRow("270") << 270.0 << int(cv::ROTATE_90_COUNTERCLOCKWISE);
    QTest::newRow("-90") << -90.0 << int(cv::ROTATE_90_COUNTERCLOCKWISE);
    QTest::newRow("180") << 180.0 << int(cv::ROTATE_180);
    QTest::newRow("-180") << -180.0 << int(cv::ROTATE_180);
    QTest::newRow("0") << 0.0 << -1;
    QTest::newRow("360") << 360.0 << -1;
    QTest::newRow("-360") << -360.0 << -1;
}

void TestRotate::rightAnglesEqualCvRotate()
{
    QFETCH(double, angle);
    QFETCH(int, code);
    // Fit and colour do not matter for right angles: the pixels are only moved.
    for (const QString fit : {"expand", "crop", "autocrop"}) {
        const cv::Mat out = runOk(QStringLiteral("rotate"), m_face,
                                  {{"angle", angle}, {"fit", fit}, {"color", "red"}});
        cv::Mat expected = m_face;
        if (code >= 0)
            cv::rotate(m_face, expected, code);
        QCOMPARE(pqtest::sizeText(out), pqtest::sizeText(expected));
        QCOMPARE(cv::norm(out, expected, cv::NORM_INF), 0.0);
    }
}

void TestRotate::expandHoldsTheWholeImageOnTheBackground_data()
{
    QTest::addColumn<double>("angle");
    QTest::addColumn<cv::Size>("size");
    // ceil(w|cos| + h|sin|) x ceil(w|sin| + h|cos|) for 800x533
    QTest::newRow("30") << 30.0 << cv::Size(960, 862);
    QTest::newRow("-30") << -30.0 << cv::Size(960, 862);
    QTest::newRow("45") << 45.0 << cv::Size(943, 943);
    QTest::newRow("10") << 10.0 << cv::Size(881, 664);
    QTest::newRow("135") << 135.0 << cv::Size(943, 943);
    QTest::newRow("-100.5") << -100.5 << cv::Size(670, 884);
}

void TestRotate::expandHoldsTheWholeImageOnTheBackground()
{
    QFETCH(double, angle);
    QFETCH(cv::Size, size);
    const double a = angle * std::numbers::pi / 180;
    QCOMPARE(size.width,
             int(std::ceil(800 * std::abs(std::cos(a)) + 533 * std::abs(std::sin(a)) - 1e-6)));
    const cv::Mat out = runOk(QStringLiteral("rotate"), m_face,
                              {{"angle", angle}, {"color", "#ff00ff"}, {"fit", "expand"}});
    QCOMPARE(out.type(), CV_8UC3);
    QCOMPARE(pqtest::sizeText(out), pqtest::sizeText(cv::Mat(size, CV_8U)));
    const cv::Vec3b magenta(255, 0, 255);
    for (const cv::Point corner :
         {cv::Point(0, 0), cv::Point(out.cols - 1, 0), cv::Point(0, out.rows - 1),
          cv::Point(out.cols - 1, out.rows - 1)})
        QCOMPARE(out.at<cv::Vec3b>(corner), magenta);
    // The photo fills the middle: no background there.
    const cv::Vec3b centre = out.at<cv::Vec3b>(out.rows / 2, out.cols / 2);
    QVERIFY(centre != magenta);
    // The whole rotated photo is on the canvas: exact background covers the canvas area minus
    // the photo's area, but for the anti-aliased band along the photo's edge.
    cv::Mat isBackground;
    cv::inRange(out, cv::Scalar(255, 0, 255), cv::Scalar(255, 0, 255), isBackground);
    const double background = cv::countNonZero(isBackground);
    const double expected = double(size.area()) - 800.0 * 533.0;
    const double perimeter = 2 * (800 + 533);
    qInfo("angle %.1f: background %.0f px, expected %.0f +- %.0f", angle, background, expected,
          perimeter);
    QVERIFY(background < expected && background > expected - 2.5 * perimeter);
}

void TestRotate::turnsClockwise()
{
    // 89.9 degrees is resampled; it must look like cv::rotate's clockwise quarter turn, not the
    // counter-clockwise one. A square image keeps its centre pixel for pixel in crop mode.
    const cv::Mat out = runOk(QStringLiteral("rotate"), m_gray, {{"angle", 89.9}, {"fit", "crop"}});
    QCOMPARE(out.size(), m_gray.size());
    cv::Mat cw, ccw;
    cv::rotate(m_gray, cw, cv::ROTATE_90_CLOCKWISE);
    cv::rotate(m_gray, ccw, cv::ROTATE_90_COUNTERCLOCKWISE);
    const cv::Rect middle(156, 156, 200, 200); // where 0.1 degree moves a pixel by < 0.25 px
    const double dbCw = pqtest::psnr(out(middle), cw(middle));
    const double dbCcw = pqtest::psnr(out(middle), ccw(middle));
    qInfo("89.9 degrees vs cv::rotate clockwise: %.1f dB, counter-clockwise: %.1f dB", dbCw, dbCcw);
    QVERIFY(dbCw > 30);
    QVERIFY(dbCcw < 15);
    // And the expanded canvas has the size of a near quarter turn.
    const cv::Mat expanded = runOk(QStringLiteral("rotate"), m_face, {{"angle", 89.9}});
    QCOMPARE(expanded.size(), cv::Size(535, 801));
}

void TestRotate::rotatingBackRestoresThePhoto()
{
    // Two resamplings of a lossless photo; the middle (which never left the canvas) comes back
    // close to the original.
    for (const QString interpolation : {"bicubic", "lanczos"}) {
        const QVariantMap there{{"angle", 17.5}, {"fit", "crop"}, {"interpolation", interpolation}};
        QVariantMap back = there;
        back.insert("angle", -17.5);
        const cv::Mat out =
            runOk(QStringLiteral("rotate"), runOk(QStringLiteral("rotate"), m_teeth, there), back);
        const cv::Rect middle(100, 100, 312, 312);
        const double db = pqtest::psnr(out(middle), m_teeth(middle));
        qInfo("astronaut +17.5 then -17.5 degrees (%s): %.1f dB", qPrintable(interpolation), db);
        QVERIFY(db > 32);
    }
}

void TestRotate::cropKeepsTheSize()
{
    const cv::Mat out = runOk(QStringLiteral("rotate"), m_face,
                              {{"angle", 20}, {"fit", "crop"}, {"color", "blue"}});
    QCOMPARE(out.size(), m_face.size());
    QCOMPARE(out.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 0, 0));
    QCOMPARE(out.at<cv::Vec3b>(532, 799), cv::Vec3b(255, 0, 0));
    // Rotated about the centre: turning back with crop restores the middle of the photo.
    const cv::Mat back = runOk(QStringLiteral("rotate"), out, {{"angle", -20}, {"fit", "crop"}});
    const cv::Rect middle(250, 120, 300, 293);
    const double db = pqtest::psnr(back(middle), m_face(middle));
    qInfo("face +20 then -20 degrees, crop: middle %.1f dB", db);
    QVERIFY(db > 30);
}

void TestRotate::autocropHasNoBackground_data()
{
    QTest::addColumn<cv::Mat>("image");
    QTest::addColumn<double>("angle");
    QTest::newRow("face 10") << m_face << 10.0;
    QTest::newRow("face -33.3") << m_face << -33.3;
    QTest::newRow("face 45 lanczos") << m_face << 45.0;
    QTest::newRow("cameraman gray 5") << m_gray << 5.0;
    const QList<Variant> all = variants(m_teeth);
    QTest::newRow("astronaut bgra8 12") << all.at(2).image << 12.0;
    QTest::newRow("astronaut bgr16 -7") << all.at(4).image << -7.0;
}

void TestRotate::autocropHasNoBackground()
{
    QFETCH(cv::Mat, image);
    QFETCH(double, angle);
    // If any background reached the output, different backgrounds would give different pixels
    // somewhere, most of all in the corners.
    const QString interpolation = angle == 45.0 ? "lanczos" : "bicubic";
    QList<cv::Mat> outs;
    for (const QString colour : {"black", "white", "#ff00ff", "transparent"})
        outs << runOk(QStringLiteral("rotate"), image,
                      {{"angle", angle},
                       {"fit", "autocrop"},
                       {"color", colour},
                       {"interpolation", interpolation}});
    const cv::Mat &o = outs.first();
    QCOMPARE(o.type(), image.type()); // not even an alpha channel for "transparent"
    for (const cv::Mat &other : outs)
        QCOMPARE(cv::norm(o, other, cv::NORM_INF), 0.0);
    QVERIFY(o.cols < image.cols || o.rows < image.rows);
    if (image.type() == CV_8UC3) {
        for (const cv::Point c : {cv::Point(0, 0), cv::Point(o.cols - 1, 0),
                                  cv::Point(0, o.rows - 1), cv::Point(o.cols - 1, o.rows - 1)}) {
            const cv::Vec3b px = o.at<cv::Vec3b>(c);
            QVERIFY2(!(px[0] > 200 && px[1] < 60 && px[2] > 200), "magenta corner");
        }
    }
    // A uniform image stays exactly uniform: no edge, no background, no ringing.
    const cv::Scalar value = cv::Scalar(40, 90, 200, 255) * (image.depth() == CV_16U ? 257.0 : 1.0);
    const cv::Mat flat(image.size(), image.type(), value);
    const cv::Mat flatOut = runOk(QStringLiteral("rotate"), flat,
                                  {{"angle", angle},
                                   {"fit", "autocrop"},
                                   {"color", "red"},
                                   {"interpolation", interpolation}});
    QCOMPARE(cv::norm(flatOut, cv::Mat(flatOut.size(), flat.type(), value), cv::NORM_INF), 0.0);
}

void TestRotate::autocropIsTheLargestRectangle_data()
{
    QTest::addColumn<cv::Size>("in");
    QTest::addColumn<double>("angle");
    QTest::newRow("800x533 10") << cv::Size(800, 533) << 10.0;
    QTest::newRow("800x533 30") << cv::Size(800, 533) << 30.0;
    QTest::newRow("800x533 45") << cv::Size(800, 533) << 45.0;
    QTest::newRow("800x533 -20") << cv::Size(800, 533) << -20.0;
    QTest::newRow("533x800 60") << cv::Size(533, 800) << 60.0;
    QTest::newRow("512x512 45") << cv::Size(512, 512) << 45.0;
    QTest::newRow("1328x747 3") << cv::Size(1328, 747) << 3.0;
    QTest::newRow("800x533 91") << cv::Size(800, 533) << 91.0;
    QTest::newRow("800x533 179.5") << cv::Size(800, 533) << 179.5;
}

void TestRotate::autocropIsTheLargestRectangle()
{
    QFETCH(cv::Size, in);
    QFETCH(double, angle);
    const cv::Mat image(in, CV_8UC1, cv::Scalar(77));
    const cv::Size out =
        runOk(QStringLiteral("rotate"), image, {{"angle", angle}, {"fit", "autocrop"}}).size();

    // Brute force, independent of the operation's closed form: for each half-width a, the
    // largest half-height b whose corners (+-a, +-b), turned back by the angle, stay inside the
    // source rectangle.
    const double t = angle * std::numbers::pi / 180;
    const double c = std::abs(std::cos(t));
    const double s = std::abs(std::sin(t));
    const double hw = in.width / 2.0;
    const double hh = in.height / 2.0;
    double bestArea = 0;
    for (int i = 1; i < 20000; ++i) {
        const double a = i / 20000.0 * (hw + hh);
        double b = 1e9;
        if (s > 1e-12)
            b = std::min(b, (hw - c * a) / s);
        else if (c * a > hw)
            continue;
        if (c > 1e-12)
            b = std::min(b, (hh - s * a) / c);
        else if (s * a > hh)
            continue;
        if (b > 0)
            bestArea = std::max(bestArea, 4 * a * b);
    }
    // It fits...
    const double a = out.width / 2.0;
    const double b = out.height / 2.0;
    QVERIFY2(c * a + s * b <= hw + 1e-6 && s * a + c * b <= hh + 1e-6,
             qPrintable(QStringLiteral("%1x%2 does not fit").arg(out.width).arg(out.height)));
    // ...and is as large as any rectangle that fits, but for rounding down to whole pixels.
    const double ratio = out.area() / bestArea;
    qInfo("%dx%d at %.1f degrees: autocrop %dx%d, %.2f%% of the largest possible area", in.width,
          in.height, angle, out.width, out.height, 100 * ratio);
    QVERIFY(ratio > 0.99 && ratio <= 1.0 + 1e-9);
}

void TestRotate::transparentBackgroundAddsAlpha()
{
    const cv::Mat out =
        runOk(QStringLiteral("rotate"), m_face, {{"angle", 30}, {"color", "transparent"}});
    QCOMPARE(out.type(), CV_8UC4);
    QCOMPARE(out.size(), cv::Size(960, 862));
    QCOMPARE(out.at<cv::Vec4b>(0, 0), cv::Vec4b(0, 0, 0, 0));
    QCOMPARE(out.at<cv::Vec4b>(861, 959)[3], uchar(0));
    // Inside, opaque and the same colours as on a white background.
    const cv::Mat white = runOk(QStringLiteral("rotate"), m_face, {{"angle", 30}});
    cv::Mat alpha;
    cv::extractChannel(out, alpha, 3);
    cv::Mat opaque = alpha == 255;
    cv::erode(opaque, opaque, cv::Mat(), cv::Point(-1, -1), 3);
    const double opaqueShare = cv::countNonZero(opaque) / (800.0 * 533.0);
    QVERIFY2(opaqueShare > 0.97, qPrintable(QString::number(opaqueShare)));
    cv::Mat bgr;
    cv::cvtColor(out, bgr, cv::COLOR_BGRA2BGR);
    cv::Mat diff;
    cv::absdiff(bgr, white, diff);
    diff.setTo(0, ~opaque);
    QVERIFY2(cv::norm(diff, cv::NORM_INF) <= 1,
             qPrintable(QString::number(cv::norm(diff, cv::NORM_INF))));
    // Where the edge is anti-aliased, alpha falls off gradually instead of a hard cut.
    cv::Mat partial = (alpha > 0) & (alpha < 255);
    QVERIFY(cv::countNonZero(partial) > 2000);
}

void TestRotate::layoutsAndDepths()
{
    const QList<Variant> all = variants(m_face);
    const cv::Mat reference = runOk(QStringLiteral("rotate"), all.at(1).image, {{"angle", 25}});
    for (const Variant &v : all) {
        const cv::Mat before = v.image.clone();
        const cv::Mat out = runOk(QStringLiteral("rotate"), v.image, {{"angle", 25}});
        QVERIFY2(out.depth() == v.image.depth(), qPrintable(v.name));
        QCOMPARE(out.size(), reference.size());
        QCOMPARE(cv::norm(v.image, before, cv::NORM_INF), 0.0);
        if (v.image.channels() == 4) {
            QCOMPARE(out.channels(), 4);
            // The fully transparent top-left block of the source stays transparent, the opaque
            // right-bottom stays (nearly) opaque; the background is opaque white.
            const double full = v.image.depth() == CV_16U ? 65535 : 255;
            const auto alphaAt = [&](int x, int y) {
                return v.image.depth() == CV_16U ? double(out.at<cv::Vec4w>(y, x)[3])
                                                 : double(out.at<cv::Vec4b>(y, x)[3]);
            };
            QCOMPARE(alphaAt(0, 0), full);
            // Source pixel (40, 30) is in the transparent block; where does it land?
            const double t = 25 * std::numbers::pi / 180;
            const cv::Point2d cs(399.5, 266), cd((out.cols - 1) / 2.0, (out.rows - 1) / 2.0);
            const cv::Point2d p(40 - cs.x, 30 - cs.y);
            const cv::Point2d q(std::cos(t) * p.x - std::sin(t) * p.y + cd.x,
                                std::sin(t) * p.x + std::cos(t) * p.y + cd.y);
            QCOMPARE(alphaAt(int(std::lround(q.x)), int(std::lround(q.y))), 0.0);
            // Colours where alpha is high match the opaque version.
            cv::Mat bgr, out8 = out;
            if (out.depth() == CV_16U)
                out.convertTo(out8, CV_8U, 1 / 257.0);
            cv::cvtColor(out8, bgr, cv::COLOR_BGRA2BGR);
            cv::Mat alpha;
            cv::extractChannel(out8, alpha, 3);
            cv::Mat solid = alpha > 200;
            cv::erode(solid, solid, cv::Mat(), cv::Point(-1, -1), 3);
            cv::Mat a = bgr.clone(), b = reference.clone();
            a.setTo(0, ~solid);
            b.setTo(0, ~solid);
            const double db = pqtest::psnr(a, b);
            qInfo("%s: colours under alpha > 200 vs opaque: %.1f dB", qPrintable(v.name), db);
            QVERIFY(db > 40);
        } else if (v.image.channels() == 1) {
            QCOMPARE(out.channels(), 1); // white is gray: no need for colour
            cv::Mat refGray;
            cv::cvtColor(reference, refGray, cv::COLOR_BGR2GRAY);
            const double db = pqtest::psnr(out, refGray);
            qInfo("%s vs rotated BGR made gray: %.1f dB", qPrintable(v.name), db);
            QVERIFY(db > 40);
            const cv::Mat red =
                runOk(QStringLiteral("rotate"), v.image, {{"angle", 25}, {"color", "red"}});
            QCOMPARE(red.channels(), 3); // a colour background needs colour channels
            cv::Mat red8 = red;
            if (red.depth() == CV_16U)
                red.convertTo(red8, CV_8U, 1 / 257.0);
            QCOMPARE(red8.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 255));
        } else {
            QCOMPARE(out.channels(), 3);
            const double db = pqtest::psnr(out, reference);
            qInfo("%s vs 8-bit: %.1f dB", qPrintable(v.name), db);
            QVERIFY(db > 40);
        }
        if (v.image.depth() == CV_16U) {
            // Really 16-bit: not just 257 times 8-bit values.
            cv::Mat as8, back;
            out.convertTo(as8, CV_8U, 1 / 257.0);
            as8.convertTo(back, CV_16U, 257.0);
            QVERIFY(cv::norm(back, out, cv::NORM_INF) > 0);
        }
    }
}

void TestRotate::largePhoto()
{
    const auto large =
        pqtest::decodeTestImage(QStringLiteral("large_cc0_dandelions_5312x2988.jpg"), 2);
    QVERIFY(!large.error);
    QCOMPARE(large.image.size(), cv::Size(2656, 1494));
    QElapsedTimer timer;
    timer.start();
    const cv::Mat out = runOk(QStringLiteral("rotate"), large.image,
                              {{"angle", -3.5}, {"fit", "autocrop"}, {"interpolation", "lanczos"}});
    const qint64 ms = timer.elapsed();
    qInfo("2656x1494 -3.5 degrees Lanczos autocrop: %dx%d in %lld ms", out.cols, out.rows, ms);
    QCOMPARE(out.size(), cv::Size(2579, 1339));
}

void TestRotate::validation_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("defaults") << QVariantMap{} << QString();
    QTest::newRow("text angle") << QVariantMap{{"angle", "12.5"}} << QString();
    QTest::newRow("angle too large")
        << QVariantMap{{"angle", 400}} << "'angle': 400 is out of range";
    QTest::newRow("angle not a number") << QVariantMap{{"angle", "left"}} << "'angle'";
    QTest::newRow("bad fit") << QVariantMap{{"fit", "stretch"}} << "'fit'";
    QTest::newRow("bad colour") << QVariantMap{{"color", "mauve-ish"}} << "'color'";
    QTest::newRow("bad interpolation")
        << QVariantMap{{"interpolation", "nearest"}} << "'interpolation'";
    QTest::newRow("unknown parameter") << QVariantMap{{"degrees", 90}} << "no parameter 'degrees'";
}

void TestRotate::validation()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, error);
    Params p;
    const auto err = pqtest::complete(QStringLiteral("rotate"), given, &p);
    if (error.isEmpty()) {
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
    } else {
        QVERIFY(err);
        QVERIFY2(err->startsWith(QLatin1String("operation 'rotate'")), qPrintable(*err));
        QVERIFY2(err->contains(error), qPrintable(*err));
    }
}

void TestRotate::cancelled()
{
    Cancelled c;
    for (const double angle : {90.0, 33.0}) {
        const OpResult r =
            pqtest::op(QStringLiteral("rotate"))
                .run(m_face, pqtest::params(QStringLiteral("rotate"), {{"angle", angle}}), c.ctx);
        QVERIFY(r.error);
        QCOMPARE(r.error->kind, ErrorKind::Transient);
    }
}

QTEST_GUILESS_MAIN(TestRotate)
#include "test_rotate.moc"
