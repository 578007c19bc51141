// watermark-image: a logo PNG with transparency (written by the test) lands where gravity,
// margin and scale put it, with nothing else changed; transparent parts of the logo hide their
// colour even when the logo is scaled (premultiplied resampling); opacity, tiling, grey, BGRA and
// 16-bit photos, a changed logo file, and missing or broken files.

#include "ImageTestUtil.h"
#include "OutputTestUtil.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>

using namespace pq;
using outtest::changedBox;
using outtest::rectText;

namespace {

const QString wm = QStringLiteral("watermark-image");

} // namespace

class TestWatermarkImage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paramsAndDefaults();
    void invalidParams_data();
    void invalidParams();
    void missingOrBrokenFileIsPermanent();
    void placementAndScaleAreExact_data();
    void placementAndScaleAreExact();
    void transparentColourDoesNotBleed();
    void opacity();
    void tiledCoversAllQuadrants();
    void tallLogoFitsTheHeight();
    void greyBgraAnd16Bit();
    void changedFileIsReloaded();

private:
    QString writeLogo(const QString &name, const cv::Mat &bgra);
    OpResult runLogo(const cv::Mat &input, const QString &logo, QVariantMap given)
    {
        given.insert(QStringLiteral("image"), logo);
        return pqtest::run(wm, input, given);
    }

    QTemporaryDir m_dir;
    cv::Mat m_photo;      // face_filippo_giunchedi.jpg, 800x533
    QString m_opaque;     // 200x100 opaque blue
    QString m_halfHidden; // 120x60: left half opaque red, right half transparent bright green
};

QString TestWatermarkImage::writeLogo(const QString &name, const cv::Mat &bgra)
{
    const QString path = m_dir.filePath(name);
    if (!cv::imwrite(path.toStdString(), bgra))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestWatermarkImage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto d = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
    QVERIFY(!d.error);
    m_photo = d.image;
    m_opaque = writeLogo(QStringLiteral("opaque.png"),
                         cv::Mat(100, 200, CV_8UC4, cv::Scalar(255, 0, 0, 255)));
    cv::Mat half(60, 120, CV_8UC4, cv::Scalar(0, 255, 0, 0)); // transparent, but green inside
    half(cv::Rect(0, 0, 60, 60)).setTo(cv::Scalar(0, 0, 255, 255));
    m_halfHidden = writeLogo(QStringLiteral("half.png"), half);
}

void TestWatermarkImage::paramsAndDefaults()
{
    const Params p = pqtest::params(wm, {{"image", m_opaque}});
    QCOMPARE(p.value("scale").toDouble(), 20.0);
    QCOMPARE(p.value("opacity").toDouble(), 0.5);
    QCOMPARE(p.value("gravity").toString(), QStringLiteral("southeast"));
    QCOMPARE(p.value("margin").toDouble(), 2.0);
    QCOMPARE(p.value("tiled").toBool(), false);
    for (const ParamSpec &s : pqtest::op(wm).params())
        QVERIFY2(!s.label.isEmpty() && !s.help.isEmpty(), qPrintable(s.name));
}

void TestWatermarkImage::invalidParams_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("named");
    QTest::newRow("no image") << QVariantMap{} << "image";
    QTest::newRow("scale 0") << QVariantMap{{"image", "a.png"}, {"scale", 0}} << "scale";
    QTest::newRow("scale 150") << QVariantMap{{"image", "a.png"}, {"scale", 150}} << "scale";
    QTest::newRow("opacity -0.1") << QVariantMap{{"image", "a.png"}, {"opacity", -0.1}}
                                  << "opacity";
    QTest::newRow("gravity top") << QVariantMap{{"image", "a.png"}, {"gravity", "top"}}
                                 << "gravity";
}

void TestWatermarkImage::invalidParams()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, named);
    Params p;
    const auto err = pqtest::complete(wm, given, &p);
    QVERIFY(err);
    QVERIFY2(err->contains(named), qPrintable(*err));
}

void TestWatermarkImage::missingOrBrokenFileIsPermanent()
{
    const QString missing = m_dir.filePath(QStringLiteral("nope/logo.png"));
    const OpResult a = runLogo(m_photo, missing, {});
    QVERIFY(a.error);
    QCOMPARE(a.error->kind, ErrorKind::Permanent);
    QVERIFY2(a.error->message.contains(QLatin1String("nope/logo.png")),
             qPrintable(a.error->message));

    const QString text = m_dir.filePath(QStringLiteral("not_a_picture.png"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a PNG");
    f.close();
    const OpResult b = runLogo(m_photo, text, {{"opacity", 0}}); // checked even when invisible
    QVERIFY(b.error);
    QCOMPARE(b.error->kind, ErrorKind::Permanent);
    QVERIFY2(b.error->message.contains(QLatin1String("not_a_picture.png")),
             qPrintable(b.error->message));
}

void TestWatermarkImage::placementAndScaleAreExact_data()
{
    QTest::addColumn<QString>("gravity");
    QTest::addColumn<QRect>("expected");
    // 25% of 800 = 200 x 100; margin 2% of 533 = 11
    QTest::newRow("southeast") << "southeast" << QRect(800 - 200 - 11, 533 - 100 - 11, 200, 100);
    QTest::newRow("northwest") << "northwest" << QRect(11, 11, 200, 100);
    QTest::newRow("north") << "north" << QRect(300, 11, 200, 100);
    QTest::newRow("east") << "east" << QRect(800 - 200 - 11, (533 - 100) / 2, 200, 100);
    QTest::newRow("center") << "center" << QRect(300, (533 - 100) / 2, 200, 100);
    QTest::newRow("southwest") << "southwest" << QRect(11, 533 - 100 - 11, 200, 100);
}

void TestWatermarkImage::placementAndScaleAreExact()
{
    QFETCH(QString, gravity);
    QFETCH(QRect, expected);
    const OpResult r =
        runLogo(m_photo, m_opaque, {{"scale", 25}, {"opacity", 1}, {"gravity", gravity}});
    QVERIFY(!r.error);
    const cv::Rect box = changedBox(m_photo, r.image);
    QCOMPARE(QRect(box.x, box.y, box.width, box.height), expected);
    // An opaque logo at opacity 1 replaces the pixels with its own colour, exactly.
    cv::Mat blue;
    cv::inRange(r.image(box), cv::Scalar(255, 0, 0), cv::Scalar(255, 0, 0), blue);
    QCOMPARE(cv::countNonZero(blue), box.area());
    cv::Mat outside = r.image.clone();
    m_photo(box).copyTo(outside(box));
    QCOMPARE(cv::norm(outside, m_photo, cv::NORM_INF), 0.0);
}

void TestWatermarkImage::transparentColourDoesNotBleed()
{
    // The logo's transparent half is bright green inside. Scaled down (120 -> 80 px) naively, the
    // green would average into the red edge and tint the photo; premultiplied it cannot.
    const cv::Mat grey(300, 400, CV_8UC3, cv::Scalar(128, 128, 128));
    const OpResult r = runLogo(grey, m_halfHidden, {{"scale", 20}, {"opacity", 1}});
    QVERIFY(!r.error);
    const cv::Rect box = changedBox(grey, r.image);
    qInfo("logo box %s", qPrintable(rectText(box)));
    QVERIFY(box.width >= 39 && box.width <= 42); // the opaque half of 80 px, plus the soft edge
    std::vector<cv::Mat> ch;
    cv::split(r.image, ch);
    double maxGreen = 0;
    cv::minMaxLoc(ch[1], nullptr, &maxGreen);
    QVERIFY2(maxGreen <= 128, qPrintable(QString::number(maxGreen)));
    // Every changed pixel is a mix of red and grey only: blue and green stay equal.
    QCOMPARE(cv::norm(ch[0], ch[1], cv::NORM_INF), 0.0);
}

void TestWatermarkImage::opacity()
{
    const OpResult none = runLogo(m_photo, m_opaque, {{"opacity", 0}});
    QVERIFY(!none.error);
    QCOMPARE(cv::norm(none.image, m_photo, cv::NORM_INF), 0.0);

    const OpResult half = runLogo(m_photo, m_opaque, {{"opacity", 0.5}});
    QVERIFY(!half.error);
    const cv::Rect box = changedBox(m_photo, half.image);
    cv::Mat expected;
    cv::addWeighted(m_photo(box), 0.5, cv::Mat(box.size(), CV_8UC3, cv::Scalar(255, 0, 0)), 0.5, 0,
                    expected);
    QVERIFY(cv::norm(half.image(box), expected, cv::NORM_INF) <= 1);
}

void TestWatermarkImage::tiledCoversAllQuadrants()
{
    const OpResult r = runLogo(m_photo, m_halfHidden, {{"tiled", true}, {"scale", 10}});
    QVERIFY(!r.error);
    const auto q = outtest::changedPerQuadrant(m_photo, r.image);
    for (int n : q)
        QVERIFY2(n > 400 * 266 / 20, qPrintable(QString::number(n)));
    const OpResult single =
        runLogo(m_photo, m_halfHidden, {{"scale", 10}, {"gravity", "northwest"}});
    const auto one = outtest::changedPerQuadrant(m_photo, single.image);
    QVERIFY(one[0] > 0);
    QCOMPARE(one[1] + one[2] + one[3], 0);
}

void TestWatermarkImage::tallLogoFitsTheHeight()
{
    const QString tall = writeLogo(QStringLiteral("tall.png"),
                                   cv::Mat(400, 40, CV_8UC4, cv::Scalar(0, 200, 0, 255)));
    // 50% of 800 is 400 px wide, 4000 tall: made to fit between the margins instead.
    const OpResult r = runLogo(m_photo, tall, {{"scale", 50}, {"opacity", 1}});
    QVERIFY(!r.error);
    const cv::Rect box = changedBox(m_photo, r.image);
    QCOMPARE(box.height, 533 - 2 * 11);
    QCOMPARE(box.y, 11);
    QVERIFY(qAbs(box.width - 51) <= 1);
}

void TestWatermarkImage::greyBgraAnd16Bit()
{
    const auto grey = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!grey.error);
    const OpResult g = runLogo(grey.image, m_opaque, {{"opacity", 1}});
    QVERIFY(!g.error);
    QCOMPARE(g.image.channels(), 1);
    const cv::Rect gbox = changedBox(grey.image, g.image);
    // blue's luma: 0.114 * 255 = 29
    QCOMPARE(cv::mean(g.image(gbox))[0], 29.0);

    cv::Mat bgra;
    cv::cvtColor(m_photo, bgra, cv::COLOR_BGR2BGRA);
    bgra(cv::Rect(0, 0, 800, 266)).setTo(cv::Scalar(0, 0, 0, 0)); // top half transparent
    const OpResult b = runLogo(bgra, m_halfHidden, {{"tiled", true}, {"opacity", 1}});
    QVERIFY(!b.error);
    QCOMPARE(b.image.channels(), 4);
    std::vector<cv::Mat> before;
    std::vector<cv::Mat> after;
    cv::split(bgra, before);
    cv::split(b.image, after);
    // alpha rises only under the logo's opaque red; elsewhere it is as it was
    const cv::Mat raised = after[3] != before[3];
    QVERIFY(cv::countNonZero(raised) > 0);
    QCOMPARE(cv::countNonZero(raised & (after[2] != 255)), 0);

    cv::Mat wide;
    m_photo.convertTo(wide, CV_16U, 257.0);
    const OpResult w = runLogo(wide, m_halfHidden, {{"scale", 33}});
    const OpResult n = runLogo(m_photo, m_halfHidden, {{"scale", 33}});
    QVERIFY(!w.error && !n.error);
    QCOMPARE(w.image.depth(), CV_16U);
    cv::Mat back;
    w.image.convertTo(back, CV_8U, 1.0 / 257.0);
    QVERIFY(cv::norm(back, n.image, cv::NORM_INF) <= 1);

    // A 16-bit logo works as well as an 8-bit one.
    cv::Mat logo16;
    cv::imread(m_halfHidden.toStdString(), cv::IMREAD_UNCHANGED).convertTo(logo16, CV_16U, 257.0);
    const QString path16 = writeLogo(QStringLiteral("half16.png"), logo16);
    const OpResult from16 = runLogo(m_photo, path16, {{"scale", 33}});
    QVERIFY(!from16.error);
    QVERIFY(cv::norm(from16.image, n.image, cv::NORM_INF) <= 1);
}

void TestWatermarkImage::changedFileIsReloaded()
{
    const QString path = writeLogo(QStringLiteral("changing.png"),
                                   cv::Mat(50, 100, CV_8UC4, cv::Scalar(255, 0, 0, 255)));
    const OpResult first = runLogo(m_photo, path, {{"opacity", 1}});
    QVERIFY(!first.error);
    const cv::Rect box = changedBox(m_photo, first.image);
    QCOMPARE(first.image.at<cv::Vec3b>(box.y + 5, box.x + 5), cv::Vec3b(255, 0, 0));
    // The same file replaced by a red logo (a minute later, as an editor would save it).
    writeLogo(QStringLiteral("changing.png"),
              cv::Mat(50, 100, CV_8UC4, cv::Scalar(0, 0, 255, 255)));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(
        f.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
    f.close();
    const OpResult second = runLogo(m_photo, path, {{"opacity", 1}});
    QVERIFY(!second.error);
    QCOMPARE(second.image.at<cv::Vec3b>(box.y + 5, box.x + 5), cv::Vec3b(0, 0, 255));
}

QTEST_GUILESS_MAIN(TestWatermarkImage)
#include "test_watermark_image.moc"
