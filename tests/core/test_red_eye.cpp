// red-eye: measured on real photos. The close-up with flash-red pupils (no detectable face, so the
// red-blob fallback has to find them) loses its redness and nothing outside the pupils changes;
// photos without red eyes (flash portraits, red lips, warm skin) are left as they are; manual mode
// works without detection; 1-, 4-channel and 16-bit input; the cascade file resolver.

#include "ImageTestUtil.h"
#include "RetouchTestUtil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgproc.hpp>
#include <thread>

using namespace pq;
namespace rt = pq::ops::retouch;

namespace {

// Flash-red pupils measure about 0.5 on this scale (r - (g+b)/2 in [0, 1]); a dark natural pupil
// measures below 0.02. The threshold leaves room for the reddish fringe at the iris.
constexpr double kMaxRednessAfter = 0.05;

// Pupil centres in redeye_boldredeye.png, read off the photo.
const cv::Point kLeftPupil(160, 193);
const cv::Point kRightPupil(432, 193);

std::vector<cv::Rect> rectsOf(const std::vector<rt::MaskPatch> &patches)
{
    std::vector<cv::Rect> rects;
    for (const auto &p : patches)
        rects.push_back(p.rect);
    return rects;
}

double pupilRedness(const cv::Mat &image, const std::vector<rt::MaskPatch> &pupils)
{
    return pqtest::retouch::meanInMasks(image, pupils, &pqtest::retouch::rednessOf)[0];
}

cv::Mat to16(const cv::Mat &m)
{
    cv::Mat out;
    m.convertTo(out, CV_16U, 257.0);
    return out;
}

} // namespace

class TestRedEye : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validation_data();
    void validation();
    void cascadeFilesAreFoundOrNamed();
    void closeUpWithoutFaceIsCorrected();
    void correctionLooksLikeAPupil();
    void redPupilsInADetectedFace();
    void photosWithoutRedEyeAreLeftAlone_data();
    void photosWithoutRedEyeAreLeftAlone();
    void manualRectanglesNeedNoDetection();
    void manualPointsWithRadius();
    void manualRectangleWithoutRedChangesNothing();
    void grayscaleIsReturnedUnchanged();
    void bgraKeepsAlpha();
    void sixteenBit();
    void sharedBetweenThreads();
    void honoursCancellation();

private:
    cv::Mat m_redEye; // 576x433 close-up, both pupils flash-red
    rt::RedEyeFinding m_found;
    cv::Mat m_corrected;
};

void TestRedEye::initTestCase()
{
    const auto d = pqtest::decodeTestImage(QStringLiteral("redeye_boldredeye.png"));
    QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
    m_redEye = d.image;
    QCOMPARE(m_redEye.type(), CV_8UC3);
    auto err = rt::findRedEyes(m_redEye, nullptr, {}, &m_found);
    QVERIFY2(!err, qPrintable(err ? err->message : QString()));
    const cv::Mat before = m_redEye.clone();
    const OpResult r = pqtest::run(QStringLiteral("red-eye"), m_redEye, {});
    QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
    QVERIFY(pqtest::retouch::changedPixels(before, m_redEye) == 0); // input untouched
    m_corrected = r.image;
}

void TestRedEye::validation_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown mode") << QVariantMap{{"mode", "magic"}} << "mode";
    QTest::newRow("manual without eyes") << QVariantMap{{"mode", "manual"}} << "eyes";
    QTest::newRow("eyes in auto mode")
        << QVariantMap{{"eyes", "40x40+10+10"}} << "only with mode=manual";
    QTest::newRow("not rectangles") << QVariantMap{{"mode", "manual"}, {"eyes", "40x40"}} << "eyes";
    QTest::newRow("not points") << QVariantMap{{"mode", "manual"}, {"points", "12,40"}} << "points";
    QTest::newRow("radius 0") << QVariantMap{{"mode", "manual"}, {"points", "12:40"}, {"radius", 0}}
                              << "radius";
}

void TestRedEye::validation()
{
    QFETCH(QVariantMap, given);
    QFETCH(QString, expected);
    Params p;
    const auto err = pqtest::complete(QStringLiteral("red-eye"), given, &p);
    QVERIFY(err);
    QVERIFY2(err->startsWith(QLatin1String("operation 'red-eye':")), qPrintable(*err));
    QVERIFY2(err->contains(expected), qPrintable(*err));

    QVERIFY(!pqtest::complete(QStringLiteral("red-eye"),
                              {{"mode", "manual"}, {"eyes", "40x40+10+10 30x30+100+12"}}, &p));
    QVERIFY(!pqtest::complete(QStringLiteral("red-eye"),
                              {{"mode", "manual"}, {"points", "12:40;100:42"}}, &p));
    QVERIFY(!pqtest::complete(QStringLiteral("red-eye"), {}, &p));
    QCOMPARE(p.value(QStringLiteral("mode")).toString(), QStringLiteral("auto"));
}

void TestRedEye::cascadeFilesAreFoundOrNamed()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    QString error;
    QVERIFY(!rt::findCascadeFile(QLatin1String(rt::kEyeCascade), {empty.path()}, &error));
    QVERIFY2(error.contains(QLatin1String(rt::kEyeCascade)), qPrintable(error));
    QVERIFY2(error.contains(empty.path()), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("opencv-data")), qPrintable(error));

    // Every folder in the default list is named in the message.
    const QStringList dirs = rt::cascadeSearchDirs();
    QVERIFY(!rt::findCascadeFile(QStringLiteral("no_such_cascade.xml"), dirs, &error));
    for (const QString &dir : dirs)
        QVERIFY2(error.contains(dir), qPrintable(error));
    QVERIFY(dirs.contains(QStringLiteral("/usr/share/opencv4/haarcascades")));
    QVERIFY(dirs.contains(QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                          QStringLiteral("/../share/pixqueue/haarcascades"))));

    // PIXQUEUE_CASCADE_DIR comes first.
    const QString system = *rt::findCascadeFile(QLatin1String(rt::kEyeCascade), dirs, &error);
    QTemporaryDir own;
    QVERIFY(QFile::copy(system, own.filePath(QLatin1String(rt::kEyeCascade))));
    const QByteArray saved = qgetenv("PIXQUEUE_CASCADE_DIR");
    qputenv("PIXQUEUE_CASCADE_DIR", QFile::encodeName(own.path()));
    const QStringList withEnv = rt::cascadeSearchDirs();
    const auto found = rt::findCascadeFile(QLatin1String(rt::kEyeCascade), withEnv, &error);
    QVERIFY(rt::cascade(QLatin1String(rt::kEyeCascade), &error) != nullptr);
    if (saved.isEmpty())
        qunsetenv("PIXQUEUE_CASCADE_DIR");
    else
        qputenv("PIXQUEUE_CASCADE_DIR", saved);
    QCOMPARE(withEnv.first(), own.path());
    QVERIFY(found);
    QCOMPARE(*found, own.filePath(QLatin1String(rt::kEyeCascade)));
}

void TestRedEye::closeUpWithoutFaceIsCorrected()
{
    const rt::RedEyeFinding &f = m_found;
    QCOMPARE(f.faces, 0);
    QVERIFY(f.fallback);
    QCOMPARE(int(f.pupils.size()), 2);
    // one pupil per eye, each where the photo has it
    int nearLeft = 0, nearRight = 0;
    for (const auto &p : f.pupils) {
        const cv::Point c(p.rect.x + p.rect.width / 2, p.rect.y + p.rect.height / 2);
        nearLeft += cv::norm(c - kLeftPupil) < 15;
        nearRight += cv::norm(c - kRightPupil) < 15;
    }
    QCOMPARE(nearLeft, 1);
    QCOMPARE(nearRight, 1);

    int pupilPixels = 0;
    const double before = pqtest::retouch::meanInMasks(
        m_redEye, f.pupils, &pqtest::retouch::rednessOf, &pupilPixels)[0];
    const double after = pupilRedness(m_corrected, f.pupils);
    qInfo("redeye_boldredeye: faces %d, eye regions %d (red-blob fallback), pupils %d (%d px); "
          "mean redness in pupils %.3f -> %.3f",
          f.faces, f.eyes, int(f.pupils.size()), pupilPixels, before, after);
    QVERIFY2(before > 0.4, qPrintable(QString::number(before)));
    QVERIFY2(after < kMaxRednessAfter, qPrintable(QString::number(after)));
    // Pupils of about 33 px across: about 850 px each.
    QVERIFY2(pupilPixels > 1200 && pupilPixels < 2400, qPrintable(QString::number(pupilPixels)));

    // Outside the eye regions nothing changed at all (PSNR infinite), and not even inside them
    // outside the pupil masks.
    QCOMPARE(pqtest::retouch::changedOutside(m_redEye, m_corrected, f.eyeRegions), 0);
    QCOMPARE(pqtest::retouch::changedOutside(m_redEye, m_corrected, rectsOf(f.pupils)), 0);
    for (const auto &p : f.pupils) {
        const cv::Mat untouched = p.alpha == 0;
        cv::Mat diff;
        cv::absdiff(m_redEye(p.rect), m_corrected(p.rect), diff);
        cv::cvtColor(diff, diff, cv::COLOR_BGR2GRAY);
        QCOMPARE(cv::countNonZero(diff & untouched), 0);
    }
}

void TestRedEye::correctionLooksLikeAPupil()
{
    for (const auto &p : m_found.pupils) {
        const cv::Mat before = m_redEye(p.rect);
        const cv::Mat after = m_corrected(p.rect);
        const cv::Mat inside = p.alpha > 0.5f;
        // dark and neutral
        cv::Mat gray;
        cv::cvtColor(after, gray, cv::COLOR_BGR2GRAY);
        const double meanGray = cv::mean(gray, inside)[0];
        const cv::Scalar meanBgr = cv::mean(after, inside);
        const double cast =
            std::max({std::abs(meanBgr[2] - meanBgr[1]), std::abs(meanBgr[2] - meanBgr[0]),
                      std::abs(meanBgr[1] - meanBgr[0])});
        // The specular highlight stays: the brightest pupil pixel keeps its brightness.
        cv::Mat grayBefore;
        cv::cvtColor(before, grayBefore, cv::COLOR_BGR2GRAY);
        double hiBefore = 0, hiAfter = 0;
        cv::minMaxLoc(grayBefore, nullptr, &hiBefore, nullptr, nullptr, inside);
        cv::minMaxLoc(gray, nullptr, &hiAfter, nullptr, nullptr, inside);
        // A soft edge: the corrected area's border is feathered, not cut.
        int partial = 0;
        for (int y = 0; y < p.alpha.rows; ++y)
            for (int x = 0; x < p.alpha.cols; ++x) {
                const float a = p.alpha.at<float>(y, x);
                partial += a > 0.05f && a < 0.95f;
            }
        qInfo("pupil at %d,%d: mean grey %.1f, colour cast %.1f, highlight %.0f -> %.0f, "
              "feathered edge %d px",
              p.rect.x + p.rect.width / 2, p.rect.y + p.rect.height / 2, meanGray, cast, hiBefore,
              hiAfter, partial);
        QVERIFY2(meanGray < 45, qPrintable(QString::number(meanGray)));
        QVERIFY2(cast < 8, qPrintable(QString::number(cast)));
        QVERIFY2(hiAfter >= 0.9 * hiBefore && hiAfter > 180, qPrintable(QString::number(hiAfter)));
        QVERIFY(partial >= 10);
    }
}

void TestRedEye::redPupilsInADetectedFace()
{
    // The face path (face, then eyes in it): flash-red pupils painted into a real portrait, with a
    // soft edge as a flash gives them. The eyelids' own pink rims must stay as they are.
    const auto d = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
    QVERIFY(!d.error);
    cv::Mat painted = d.image.clone();
    const cv::Point2f centres[] = {{365.5f, 167.5f}, {438.f, 171.f}};
    const float radius = 4.f;
    for (const cv::Point2f &c : centres)
        for (int y = int(c.y - radius - 2); y <= int(c.y + radius + 2); ++y)
            for (int x = int(c.x - radius - 2); x <= int(c.x + radius + 2); ++x) {
                const float dist = float(cv::norm(cv::Point2f(float(x), float(y)) - c));
                const float a = std::clamp(radius + 0.5f - dist, 0.f, 1.f);
                cv::Vec3b &px = painted.at<cv::Vec3b>(y, x);
                const cv::Vec3f red(35, 30, 185);
                for (int k = 0; k < 3; ++k)
                    px[k] = cv::saturate_cast<uchar>(px[k] * (1 - a) + red[k] * a);
            }
    rt::RedEyeFinding f;
    QVERIFY(!rt::findRedEyes(painted, nullptr, {}, &f));
    QCOMPARE(f.faces, 1);
    QVERIFY(!f.fallback);
    QCOMPARE(int(f.pupils.size()), 2);
    const OpResult r = pqtest::run(QStringLiteral("red-eye"), painted, {});
    QVERIFY(!r.error);
    const double before = pupilRedness(painted, f.pupils);
    const double after = pupilRedness(r.image, f.pupils);
    qInfo("face_filippo_giunchedi with painted red pupils: faces %d, eye regions %d, pupils %d; "
          "mean redness in pupils %.3f -> %.3f",
          f.faces, f.eyes, int(f.pupils.size()), before, after);
    QVERIFY(before > 0.3);
    QVERIFY(after < kMaxRednessAfter);
    QCOMPARE(pqtest::retouch::changedOutside(painted, r.image, f.eyeRegions), 0);
    QCOMPARE(pqtest::retouch::changedOutside(painted, r.image, rectsOf(f.pupils)), 0);
}

void TestRedEye::photosWithoutRedEyeAreLeftAlone_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minFaces");
    // flash portrait in a bar: warm skin, red lamps, lips
    QTest::newRow("bar couple") << "faces_flash_bar_couple.jpg" << 2;
    QTest::newRow("filippo") << "face_filippo_giunchedi.jpg" << 1;
    // red lips, a red shirt, flushed skin, and two false faces (a chest and an arm)
    QTest::newRow("three men") << "teeth_three_men_smiling.jpg" << 3;
}

void TestRedEye::photosWithoutRedEyeAreLeftAlone()
{
    QFETCH(QString, file);
    QFETCH(int, minFaces);
    const auto d = pqtest::decodeTestImage(file);
    QVERIFY(!d.error);
    rt::RedEyeFinding f;
    QVERIFY(!rt::findRedEyes(d.image, nullptr, {}, &f));
    const OpResult r = pqtest::run(QStringLiteral("red-eye"), d.image, {});
    QVERIFY(!r.error);
    const int changed = pqtest::retouch::changedPixels(d.image, r.image);
    qInfo("%s: faces %d, eye regions %d, red pupils %d; changed pixels %d", qPrintable(file),
          f.faces, f.eyes, int(f.pupils.size()), changed);
    QVERIFY(f.faces >= minFaces);
    QVERIFY(f.eyes >= 2);
    QCOMPARE(int(f.pupils.size()), 0);
    QCOMPARE(changed, 0);
}

void TestRedEye::manualRectanglesNeedNoDetection()
{
    const std::vector<cv::Rect> eyes{cv::Rect(120, 153, 80, 80), cv::Rect(392, 153, 80, 80)};
    rt::RedEyeFinding f;
    QVERIFY(!rt::findRedEyes(m_redEye, &eyes, {}, &f));
    QCOMPARE(f.faces, 0);
    QCOMPARE(int(f.pupils.size()), 2);

    const OpResult r = pqtest::run(QStringLiteral("red-eye"), m_redEye,
                                   {{"mode", "manual"}, {"eyes", formatRects(eyes)}});
    QVERIFY(!r.error);
    const double before = pupilRedness(m_redEye, f.pupils);
    const double after = pupilRedness(r.image, f.pupils);
    qInfo("redeye_boldredeye, manual rectangles: mean redness in pupils %.3f -> %.3f", before,
          after);
    QVERIFY(after < kMaxRednessAfter);
    QCOMPARE(pqtest::retouch::changedOutside(m_redEye, r.image, eyes), 0);
    // the same pupils as the automatic mode found, corrected the same way
    QVERIFY(pqtest::psnr(r.image, m_corrected) > 45);
}

void TestRedEye::manualPointsWithRadius()
{
    const OpResult r =
        pqtest::run(QStringLiteral("red-eye"), m_redEye,
                    {{"mode", "manual"}, {"points", "160:193 432:193"}, {"radius", 40}});
    QVERIFY(!r.error);
    const std::vector<cv::Rect> areas{cv::Rect(120, 153, 81, 81), cv::Rect(392, 153, 81, 81)};
    QCOMPARE(pqtest::retouch::changedOutside(m_redEye, r.image, areas), 0);
    QVERIFY(pupilRedness(r.image, m_found.pupils) < kMaxRednessAfter);
}

void TestRedEye::manualRectangleWithoutRedChangesNothing()
{
    // the nose and a cheek: skin, not red pupils
    const OpResult r = pqtest::run(QStringLiteral("red-eye"), m_redEye,
                                   {{"mode", "manual"}, {"eyes", "120x120+230+240 90x90+40+300"}});
    QVERIFY(!r.error);
    QCOMPARE(pqtest::retouch::changedPixels(m_redEye, r.image), 0);
}

void TestRedEye::grayscaleIsReturnedUnchanged()
{
    cv::Mat gray;
    cv::cvtColor(m_redEye, gray, cv::COLOR_BGR2GRAY);
    for (const cv::Mat &in : {gray, to16(gray)}) {
        const OpResult r = pqtest::run(QStringLiteral("red-eye"), in, {});
        QVERIFY(!r.error);
        QCOMPARE(r.image.type(), in.type());
        QCOMPARE(pqtest::retouch::changedPixels(in, r.image), 0);
    }
}

void TestRedEye::bgraKeepsAlpha()
{
    cv::Mat bgra;
    cv::cvtColor(m_redEye, bgra, cv::COLOR_BGR2BGRA);
    // an alpha ramp, so any change to it shows
    for (int y = 0; y < bgra.rows; ++y)
        for (int x = 0; x < bgra.cols; ++x)
            bgra.at<cv::Vec4b>(y, x)[3] = uchar(55 + (x * 200) / bgra.cols);
    const OpResult r = pqtest::run(QStringLiteral("red-eye"), bgra, {});
    QVERIFY(!r.error);
    QCOMPARE(r.image.type(), CV_8UC4);
    cv::Mat alphaIn, alphaOut, colour;
    cv::extractChannel(bgra, alphaIn, 3);
    cv::extractChannel(r.image, alphaOut, 3);
    QCOMPARE(cv::norm(alphaIn, alphaOut, cv::NORM_INF), 0.0);
    cv::cvtColor(r.image, colour, cv::COLOR_BGRA2BGR);
    QCOMPARE(cv::norm(colour, m_corrected, cv::NORM_INF), 0.0);
}

void TestRedEye::sixteenBit()
{
    const cv::Mat in16 = to16(m_redEye);
    const OpResult r = pqtest::run(QStringLiteral("red-eye"), in16, {});
    QVERIFY(!r.error);
    QCOMPARE(r.image.type(), CV_16UC3);
    rt::RedEyeFinding f;
    QVERIFY(!rt::findRedEyes(in16, nullptr, {}, &f));
    QCOMPARE(int(f.pupils.size()), 2);
    const double before = pupilRedness(in16, f.pupils);
    const double after = pupilRedness(r.image, f.pupils);
    qInfo("redeye_boldredeye 16-bit: mean redness in pupils %.3f -> %.3f", before, after);
    QVERIFY(after < kMaxRednessAfter);
    QCOMPARE(pqtest::retouch::changedOutside(in16, r.image, f.eyeRegions), 0);
    // the same correction as in 8 bits, at 16-bit precision
    QVERIFY2(pqtest::psnr(r.image, m_corrected) > 45,
             qPrintable(QString::number(pqtest::psnr(r.image, m_corrected))));
}

void TestRedEye::sharedBetweenThreads()
{
    // One operation object, several workers at once: each thread has its own classifiers.
    const Operation &op = pqtest::op(QStringLiteral("red-eye"));
    const Params p = pqtest::params(QStringLiteral("red-eye"), {});
    std::vector<cv::Mat> results(2);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&, i] {
            OpContext ctx;
            results[i] = op.run(m_redEye, p, ctx).image;
        });
    for (auto &t : threads)
        t.join();
    for (const cv::Mat &m : results) {
        QVERIFY(!m.empty());
        QCOMPARE(cv::norm(m, m_corrected, cv::NORM_INF), 0.0);
    }
}

void TestRedEye::honoursCancellation()
{
    std::atomic_bool cancelled{true};
    OpContext ctx;
    ctx.cancelled = &cancelled;
    const OpResult r = pqtest::op(QStringLiteral("red-eye"))
                           .run(m_redEye, pqtest::params(QStringLiteral("red-eye"), {}), ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestRedEye)
#include "test_red_eye.moc"
