// trim: a photo padded by canvas (any colour, gravity, layout, depth) comes back exactly; the
// tolerance absorbs noisy and JPEG-compressed borders; margin keeps a ring; an image that is all
// border is returned unchanged; transparent borders; errors and cancellation.

#include "GeometryTestUtil.h"
#include "ops/Recipe.h"

#include <QTest>
#include <opencv2/imgcodecs.hpp>

using namespace pq;
using namespace pqtest::geometry;

class TestTrim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paddedPhotoComesBackExactly_data();
    void paddedPhotoComesBackExactly();
    void everyLayoutAndDepth();
    void givenColour();
    void toleranceAbsorbsNoise();
    void jpegCompressedBorder();
    void unframedPhotosAreLeftAlone();
    void marginKeepsARing();
    void allBorderIsLeftUnchanged();
    void transparentBorder();
    void validation_data();
    void validation();
    void geometryRecipeRoundTrips();
    void cancelled();

private:
    cv::Mat m_face;  // 800x533
    cv::Mat m_gray;  // 512x512, 1 channel
    cv::Mat m_teeth; // 512x512 PNG
};

void TestTrim::initTestCase()
{
    m_face = photoBgr(QStringLiteral("face_filippo_giunchedi.jpg"));
    const auto gray = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!gray.error);
    m_gray = gray.image;
    m_teeth = photoBgr(QStringLiteral("teeth_astronaut_eileen_collins.png"));
}

void TestTrim::paddedPhotoComesBackExactly_data()
{
    QTest::addColumn<cv::Mat>("photo");
    QTest::addColumn<QVariantMap>("canvas");
    QTest::newRow("face, white, centre")
        << m_face << QVariantMap{{"width", 1000}, {"height", 1000}};
    QTest::newRow("face, black, northwest")
        << m_face
        << QVariantMap{
               {"width", 900}, {"height", 600}, {"gravity", "northwest"}, {"color", "black"}};
    QTest::newRow("face, 1:1 magenta, south")
        << m_face << QVariantMap{{"aspect", "1:1"}, {"gravity", "south"}, {"color", "#ff00ff"}};
    QTest::newRow("face, 9:16 gray, east")
        << m_face << QVariantMap{{"aspect", "9:16"}, {"gravity", "east"}, {"color", "gray"}};
    QTest::newRow("cameraman, black")
        << m_gray << QVariantMap{{"width", 700}, {"height", 600}, {"color", "black"}};
    QTest::newRow("cameraman, 16:9 white, west")
        << m_gray << QVariantMap{{"aspect", "16:9"}, {"gravity", "west"}};
    QTest::newRow("face, right side only, black")
        << m_face << QVariantMap{{"width", 950}, {"gravity", "west"}, {"color", "black"}};
    QTest::newRow("face, bottom only, white")
        << m_face << QVariantMap{{"height", 700}, {"gravity", "north"}};
    QTest::newRow("astronaut, green, southeast")
        << m_teeth
        << QVariantMap{
               {"width", 640}, {"height", 530}, {"gravity", "southeast"}, {"color", "#00ff00"}};
}

void TestTrim::paddedPhotoComesBackExactly()
{
    QFETCH(cv::Mat, photo);
    QFETCH(QVariantMap, canvas);
    const cv::Mat padded = runOk(QStringLiteral("canvas"), photo, canvas);
    QVERIFY(padded.size() != photo.size());
    for (const QVariantMap &given :
         {QVariantMap{}, QVariantMap{{"tolerance", 0}}, QVariantMap{{"tolerance", 10}}}) {
        const cv::Mat before = padded.clone();
        const cv::Mat out = runOk(QStringLiteral("trim"), padded, given);
        QCOMPARE(pqtest::sizeText(out), pqtest::sizeText(photo));
        QCOMPARE(out.type(), photo.type());
        QCOMPARE(cv::norm(out, photo, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(padded, before, cv::NORM_INF), 0.0);
    }
}

void TestTrim::everyLayoutAndDepth()
{
    for (const Variant &v : variants(m_face)) {
        // A BGRA photo padded with an opaque colour, the rest as they are.
        const cv::Mat padded = runOk(
            QStringLiteral("canvas"), v.image,
            {{"width", 880}, {"height", 600}, {"color", "#19e6c8"}, {"gravity", "northeast"}});
        QCOMPARE(padded.type(),
                 v.image.channels() == 1 ? CV_MAKETYPE(v.image.depth(), 3) : v.image.type());
        const cv::Mat out = runOk(QStringLiteral("trim"), padded, {});
        QVERIFY2(out.size() == v.image.size(), qPrintable(v.name + pqtest::sizeText(out)));
        cv::Mat expected = v.image;
        if (v.image.channels() == 1)
            cv::cvtColor(v.image, expected, cv::COLOR_GRAY2BGR);
        QVERIFY2(cv::norm(out, expected, cv::NORM_INF) == 0, qPrintable(v.name));
    }
    // A gray image with a gray border stays gray all the way.
    const cv::Mat gray16 = to16(m_gray);
    const cv::Mat padded =
        runOk(QStringLiteral("canvas"), gray16, {{"width", 600}, {"height", 560}});
    QCOMPARE(padded.type(), CV_16UC1);
    const cv::Mat out = runOk(QStringLiteral("trim"), padded, {{"color", "white"}});
    QCOMPARE(out.type(), CV_16UC1);
    QCOMPARE(cv::norm(out, gray16, cv::NORM_INF), 0.0);
}

void TestTrim::givenColour()
{
    // Magenta inside, white outside: auto takes the white corner and stops at magenta; asking
    // for magenta finds nothing to cut at the white edge.
    const cv::Mat inner = runOk(QStringLiteral("canvas"), m_face,
                                {{"width", 840}, {"height", 573}, {"color", "#ff00ff"}});
    const cv::Mat outer = runOk(QStringLiteral("canvas"), inner, {{"width", 900}, {"height", 650}});
    QCOMPARE(cv::norm(runOk(QStringLiteral("trim"), outer, {}), inner, cv::NORM_INF), 0.0);
    QCOMPARE(
        cv::norm(runOk(QStringLiteral("trim"), outer, {{"color", "auto"}}), inner, cv::NORM_INF),
        0.0);
    QCOMPARE(runOk(QStringLiteral("trim"), outer, {{"color", "#ff00ff"}}).size(), outer.size());
    QCOMPARE(cv::norm(runOk(QStringLiteral("trim"), inner, {{"color", "#FF00FF"}}), m_face,
                      cv::NORM_INF),
             0.0);
    // The photo's own dark background is not cut by a white trim.
    QCOMPARE(runOk(QStringLiteral("trim"), m_face, {{"color", "white"}}).size(), m_face.size());
}

void TestTrim::toleranceAbsorbsNoise()
{
    // A scanner-like border: light gray 235 with +-6 of noise around a photo.
    cv::Mat padded(653, 920, CV_8UC3);
    cv::RNG rng(7);
    rng.fill(padded, cv::RNG::UNIFORM, cv::Scalar::all(229), cv::Scalar::all(242));
    padded.at<cv::Vec3b>(0, 0) = cv::Vec3b(235, 235, 235);
    m_face.copyTo(padded(cv::Rect(60, 60, 800, 533)));
    const cv::Mat exact = runOk(QStringLiteral("trim"), padded, {{"tolerance", 0}});
    QVERIFY(exact.cols > 800 + 100); // noise keeps almost everything
    const cv::Mat loose = runOk(QStringLiteral("trim"), padded, {{"tolerance", 8}});
    QCOMPARE(loose.size(), m_face.size());
    QCOMPARE(cv::norm(loose, m_face, cv::NORM_INF), 0.0);
    // A 16-bit copy: the tolerance is on the 0..255 scale for every depth.
    cv::Mat padded16;
    padded.convertTo(padded16, CV_16U, 257.0);
    const cv::Mat loose16 = runOk(QStringLiteral("trim"), padded16, {{"tolerance", 8}});
    QCOMPARE(loose16.size(), m_face.size());
    QCOMPARE(runOk(QStringLiteral("trim"), padded16, {{"tolerance", 5}}).size(), padded.size());
}

void TestTrim::jpegCompressedBorder()
{
    // A photo exported with a frame and saved as JPEG: compression rings along the edge between
    // frame and photo. The default tolerance never cuts into the photo but leaves some ringing;
    // tolerance 25 cuts the frame to within a pixel of the photo, and still not into it, even on
    // the dark, low-contrast lake against black.
    struct Case
    {
        const char *photo;
        const char *colour;
    };
    for (const Case c :
         {Case{"face_filippo_giunchedi.jpg", "white"}, Case{"face_filippo_giunchedi.jpg", "black"},
          Case{"teeth_katherine_maher.jpg", "white"},
          Case{"lowcontrast_darkest_hour_lake.jpg", "black"}}) {
        const cv::Mat photo = photoBgr(QLatin1String(c.photo));
        const cv::Mat padded = runOk(
            QStringLiteral("canvas"), photo,
            {{"width", photo.cols + 2 * 50}, {"height", photo.rows + 2 * 43}, {"color", c.colour}});
        std::vector<uchar> jpeg;
        cv::imencode(".jpg", padded, jpeg, {cv::IMWRITE_JPEG_QUALITY, 85});
        const cv::Mat decoded = cv::imdecode(jpeg, cv::IMREAD_COLOR);
        const cv::Mat byDefault = runOk(QStringLiteral("trim"), decoded, {});
        const cv::Mat loose = runOk(QStringLiteral("trim"), decoded, {{"tolerance", 25}});
        qInfo("%s in a %s frame, JPEG q85: trimmed to %dx%d by default, %dx%d at tolerance 25 "
              "(photo %dx%d)",
              c.photo, c.colour, byDefault.cols, byDefault.rows, loose.cols, loose.rows, photo.cols,
              photo.rows);
        QVERIFY(byDefault.cols >= photo.cols && byDefault.rows >= photo.rows);
        QVERIFY(byDefault.cols <= photo.cols + 32 && byDefault.rows <= photo.rows + 32);
        QVERIFY(loose.cols >= photo.cols && loose.rows >= photo.rows); // never into the photo
        QVERIFY(loose.cols <= photo.cols + 1 && loose.rows <= photo.rows + 1);
    }
}

void TestTrim::unframedPhotosAreLeftAlone()
{
    // Nothing to cut on real photos without a frame: the default tolerance must not mistake a
    // flat sky or a dark edge for a border.
    for (const char *name :
         {"face_filippo_giunchedi.jpg", "face_filippo_giunchedi_cmyk_exif_rot90.jpg",
          "face_guido_van_rossum_glasses.jpg", "faces_flash_bar_couple.jpg",
          "gray_old_frederick_douglass_c1879.jpg", "large_cc0_dandelions_5312x2988.jpg",
          "lowcontrast_darkest_hour_lake.jpg", "teeth_katherine_maher.jpg",
          "teeth_three_men_smiling.jpg", "gray_cameraman_cc0.png", "redeye_boldredeye.png",
          "teeth_astronaut_eileen_collins.png"}) {
        const auto d = pqtest::decodeTestImage(QLatin1String(name), 2);
        QVERIFY(!d.error);
        const cv::Mat out = runOk(QStringLiteral("trim"), d.image, {});
        QVERIFY2(out.size() == d.image.size(),
                 qPrintable(QLatin1String(name) + QLatin1Char(' ') + pqtest::sizeText(out)));
    }
}

void TestTrim::marginKeepsARing()
{
    const cv::Mat padded = runOk(QStringLiteral("canvas"), m_teeth,
                                 {{"width", 612}, {"height", 612}, {"color", "#00ff00"}});
    const cv::Mat out = runOk(QStringLiteral("trim"), padded, {{"margin", 12}});
    QCOMPARE(out.size(), cv::Size(536, 536));
    QCOMPARE(cv::norm(out(cv::Rect(12, 12, 512, 512)), m_teeth, cv::NORM_INF), 0.0);
    QVERIFY(uniformOutside(out, cv::Rect(12, 12, 512, 512), cv::Scalar(0, 255, 0)));
    // A margin larger than the border keeps everything there is.
    QCOMPARE(runOk(QStringLiteral("trim"), padded, {{"margin", 80}}).size(), padded.size());
}

void TestTrim::allBorderIsLeftUnchanged()
{
    for (const int type : {CV_8UC1, CV_8UC3, CV_16UC4}) {
        const cv::Mat blank(300, 400, type, cv::Scalar(200, 200, 200, 255));
        const OpResult r = pqtest::run(QStringLiteral("trim"), blank, {});
        QVERIFY(!r.error);
        QCOMPARE(r.image.size(), blank.size());
        QCOMPARE(cv::norm(r.image, blank, cv::NORM_INF), 0.0);
    }
}

void TestTrim::transparentBorder()
{
    // Transparent padding whose invisible colour is random junk (as editors leave it): only
    // alpha decides.
    const cv::Mat bgra = withAlpha(m_face);
    cv::Mat padded(700, 1000, CV_8UC4);
    cv::RNG rng(11);
    rng.fill(padded, cv::RNG::UNIFORM, cv::Scalar::all(0), cv::Scalar::all(256));
    std::vector<cv::Mat> ch;
    cv::split(padded, ch);
    ch[3].setTo(0);
    cv::merge(ch, padded);
    // The photo's own top-left block is transparent too, but it is inside the photo's rows and
    // columns that hold visible pixels, so the photo keeps its full size.
    bgra.copyTo(padded(cv::Rect(100, 80, 800, 533)));
    const cv::Mat out = runOk(QStringLiteral("trim"), padded, {});
    QCOMPARE(out.size(), m_face.size());
    QCOMPARE(cv::norm(out, bgra, cv::NORM_INF), 0.0);
    QCOMPARE(runOk(QStringLiteral("trim"), padded, {{"color", "transparent"}}).size(),
             m_face.size());
    // On an image without alpha nothing is transparent: nothing to cut.
    QCOMPARE(runOk(QStringLiteral("trim"), m_face, {{"color", "transparent"}}).size(),
             m_face.size());
}

void TestTrim::validation_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("defaults") << QVariantMap{} << QString();
    QTest::newRow("auto") << QVariantMap{{"color", "auto"}} << QString();
    QTest::newRow("hex") << QVariantMap{{"color", "#fafafa"}, {"tolerance", 255}} << QString();
    QTest::newRow("tolerance over 255")
        << QVariantMap{{"tolerance", 300}} << "'tolerance': 300 is out of range (allowed: 0..255)";
    QTest::newRow("negative tolerance") << QVariantMap{{"tolerance", -1}} << "'tolerance'";
    QTest::newRow("fractional tolerance") << QVariantMap{{"tolerance", 2.5}} << "'tolerance'";
    QTest::newRow("bad colour") << QVariantMap{{"color", "offwhite"}}
                                << "parameter 'color': 'offwhite' is not a colour";
    QTest::newRow("negative margin") << QVariantMap{{"margin", -4}} << "'margin'";
}

void TestTrim::validation()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, error);
    Params p;
    const auto err = pqtest::complete(QStringLiteral("trim"), given, &p);
    if (error.isEmpty()) {
        QVERIFY2(!err, qPrintable(err.value_or(QString())));
    } else {
        QVERIFY(err);
        QVERIFY2(err->startsWith(QLatin1String("operation 'trim'")), qPrintable(*err));
        QVERIFY2(err->contains(error), qPrintable(*err));
    }
}

void TestTrim::geometryRecipeRoundTrips()
{
    // Trim's automatic colour is an empty text; a recipe saved with it (and the other geometry
    // steps with their defaults) must load again unchanged.
    Recipe r;
    const auto err = Recipe::fromSpecs({QStringLiteral("rotate:angle=-12.5,fit=autocrop"),
                                        QStringLiteral("flip"), QStringLiteral("auto-orient"),
                                        QStringLiteral("trim"),
                                        QStringLiteral("trim:color=#fafafa,tolerance=30,margin=4"),
                                        QStringLiteral("canvas:aspect=1:1,color=transparent"),
                                        QStringLiteral("border:size-percent=2.5")},
                                       &r);
    QVERIFY2(!err, qPrintable(err.value_or(QString())));
    QCOMPARE(r.steps.at(3).params.value(QStringLiteral("color")).toString(), QString());
    Recipe back;
    const auto backErr = Recipe::fromJsonBytes(r.toJsonBytes(), &back);
    QVERIFY2(!backErr, qPrintable(backErr.value_or(QString())));
    QCOMPARE(back.toJsonBytes(), r.toJsonBytes());
}

void TestTrim::cancelled()
{
    Cancelled c;
    const OpResult r = pqtest::op(QStringLiteral("trim"))
                           .run(m_face, pqtest::params(QStringLiteral("trim"), {}), c.ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestTrim)
#include "test_trim.moc"
