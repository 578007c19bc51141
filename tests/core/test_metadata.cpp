// Metadata through the pipeline (decode, steps, encode with the input's EXIF/XMP/IPTC/ICC, atomic
// write): the camera EXIF of the Olympus photo survives `keep` and is gone after `strip`, GPS is
// removed by keep-but-strip-gps and nothing else is, a rotated CMYK photo comes out upright with
// orientation 1, the ICC profile is kept where it fits, and every writable format carries it.

#include "ImageTestUtil.h"
#include "imageio/ImageIO.h"
#include "jobs/JobRunner.h"
#include "ops/Recipe.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>
#include <QtEndian>
#include <exiv2/exiv2.hpp>
#include <numeric>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace pq;
using pqtest::dataPath;

namespace {

const QString lake = QStringLiteral("lowcontrast_darkest_hour_lake.jpg"); // Olympus E-M1 EXIF
const QString cmykRot90 = QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg");
const QString face = QStringLiteral("face_filippo_giunchedi.jpg"); // EXIF, XMP, IPTC, sRGB ICC
const QString astronaut = QStringLiteral("teeth_astronaut_eileen_collins.png"); // iCCP, sRGB

struct Tags
{
    Exiv2::ExifData exif;
    Exiv2::XmpData xmp;
    Exiv2::IptcData iptc;
    QByteArray icc;
    bool ok = false;

    bool has(const char *key) const
    {
        const QByteArray k(key);
        if (k.startsWith("Exif."))
            return exif.findKey(Exiv2::ExifKey(key)) != exif.end();
        if (k.startsWith("Xmp."))
            return xmp.findKey(Exiv2::XmpKey(key)) != xmp.end();
        return iptc.findKey(Exiv2::IptcKey(key)) != iptc.end();
    }
    QString value(const char *key) const
    {
        const auto it = exif.findKey(Exiv2::ExifKey(key));
        return it == exif.end() ? QString() : QString::fromStdString(it->toString());
    }
    int count(const char *groupPrefix) const
    {
        int n = 0;
        for (const auto &d : exif)
            n += d.key().rfind(groupPrefix, 0) == 0;
        for (const auto &d : xmp)
            n += d.key().rfind(groupPrefix, 0) == 0;
        return n;
    }
};

Tags readTags(const QByteArray &bytes)
{
    Tags t;
    try {
        auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(bytes.data()),
                                               long(bytes.size()));
        image->readMetadata();
        t.exif = image->exifData();
        t.xmp = image->xmpData();
        t.iptc = image->iptcData();
        if (image->iccProfileDefined())
            t.icc = QByteArray(reinterpret_cast<const char *>(image->iccProfile()->pData_),
                               image->iccProfile()->size_);
        t.ok = true;
    } catch (const std::exception &e) {
        qWarning("exiv2: %s", e.what());
    }
    return t;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

cv::Mat decodeBytes(const QByteArray &bytes, int flags = cv::IMREAD_UNCHANGED)
{
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    return cv::imdecode(raw, flags);
}

// Offset of the data of ICC tag `sig` (ICC.1 section 7.3: count at 128, 12-byte entries).
qsizetype iccTagData(const QByteArray &icc, const char *sig)
{
    const quint32 count = qFromBigEndian<quint32>(icc.constData() + 128);
    for (quint32 i = 0; i < count; ++i) {
        const qsizetype entry = 132 + qsizetype(i) * 12;
        if (icc.mid(entry, 4) == sig)
            return qFromBigEndian<quint32>(icc.constData() + entry + 4);
    }
    return -1;
}

// A writable copy of a test photo in `dir`.
QString copyOfPhoto(const QTemporaryDir &dir, const QString &photo, const QString &name)
{
    const QString path = dir.filePath(name);
    QFile::remove(path);
    if (!QFile::copy(dataPath(photo), path))
        qFatal("cannot copy %s", qPrintable(photo));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

// The ICC profile of the astronaut PNG, read straight from its iCCP chunk by exiv2.
QByteArray astronautProfile()
{
    return readTags(readAll(dataPath(astronaut))).icc;
}

} // namespace

class TestMetadata : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readMetadataOfPhotos();
    void keepCopiesTheCameraExif();
    void stripRemovesEverything();
    void keepButStripGpsRemovesOnlyTheGpsPosition();
    void rotatedCmykPhotoComesOutUprightWithOrientation1();
    void iccProfileKept_data();
    void iccProfileKept();
    void iccProfileOnlyWhereItFits();
    void stripKeepsANonSrgbProfile();
    void everyWritableFormatCarriesIt_data();
    void everyWritableFormatCarriesIt();
    void alphaAnd16BitSurviveTheMetadata_data();
    void alphaAnd16BitSurviveTheMetadata();
    void tiffInputCarriesItsMetadata();
    void bmpSkipsMetadata();
    void unreadableMetadataDoesNotStopTheJob();
    void parallelEncodesAgree();

private:
    // Runs the real pipeline (JobRunner: decode, steps, encode, atomic write) on a test photo.
    QByteArray runPipeline(const QString &input, const QStringList &specs, const QString &suffix,
                           std::optional<Error> *error = nullptr);

    QTemporaryDir m_dir;
    int m_jobs = 0;
};

void TestMetadata::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QByteArray TestMetadata::runPipeline(const QString &input, const QStringList &specs,
                                     const QString &suffix, std::optional<Error> *error)
{
    Recipe recipe;
    if (auto err = Recipe::fromSpecs(specs, &recipe))
        qFatal("bad recipe: %s", qPrintable(*err));
    LeasedJob job;
    job.id = ++m_jobs;
    job.inputPath = input.contains(QLatin1Char('/')) ? input : dataPath(input);
    job.outputPath = m_dir.filePath(QStringLiteral("out%1.%2").arg(m_jobs).arg(suffix));
    job.recipeJson = recipe.toJsonBytes();
    OpContext ctx;
    const JobOutcome outcome = runJob(job, ctx);
    if (error)
        *error = outcome.error;
    if (outcome.error) {
        if (!error)
            qWarning("job failed: %s", qPrintable(outcome.error->message));
        return {};
    }
    return readAll(job.outputPath);
}

void TestMetadata::readMetadataOfPhotos()
{
    QString warning;
    const imageio::Metadata olympus = imageio::readMetadata(dataPath(lake), &warning);
    QVERIFY(olympus.hasExif());
    QVERIFY(!olympus.hasIccProfile());
    // GIMP 2.8 wrote this photo's XMP with duplicate properties: not valid, so not copied, and
    // the warning says so.
    QVERIFY2(warning.contains(QLatin1String("XMP")), qPrintable(warning));

    QVERIFY(imageio::readMetadata(dataPath(astronaut)).hasIccProfile());
    QCOMPARE(astronautProfile().size(), 3144);

    warning.clear();
    const imageio::Metadata none =
        imageio::readMetadata(m_dir.filePath(QStringLiteral("missing.jpg")), &warning);
    QVERIFY(none.isEmpty());
    QVERIFY(warning.contains(QLatin1String("missing.jpg")));
}

void TestMetadata::keepCopiesTheCameraExif()
{
    const Tags in = readTags(readAll(dataPath(lake)));
    QVERIFY(in.has("Exif.Thumbnail.JPEGInterchangeFormat"));
    const QByteArray out =
        runPipeline(lake, {QStringLiteral("resize:width=640"), QStringLiteral("format:type=jpeg")},
                    QStringLiteral("jpg"));
    QVERIFY(!out.isEmpty());
    const Tags t = readTags(out);
    QVERIFY(t.ok);
    QCOMPARE(t.value("Exif.Image.Make"), QStringLiteral("OLYMPUS IMAGING CORP."));
    QCOMPARE(t.value("Exif.Image.Model"), QStringLiteral("E-M1"));
    for (const char *key :
         {"Exif.Photo.ExposureTime", "Exif.Photo.FNumber", "Exif.Photo.ISOSpeedRatings",
          "Exif.Photo.DateTimeOriginal", "Exif.Photo.FocalLength", "Exif.Photo.ExposureProgram"}) {
        QVERIFY2(t.has(key), key);
        QCOMPARE(t.value(key), in.value(key));
    }
    QCOMPARE(t.value("Exif.Photo.ExposureTime"), QStringLiteral("10/13"));
    // Describes the output, not the input: its size, and no thumbnail of the old pixels.
    QCOMPARE(t.value("Exif.Photo.PixelXDimension"), QStringLiteral("640"));
    QCOMPARE(t.value("Exif.Photo.PixelYDimension"), QStringLiteral("400"));
    QCOMPARE(t.count("Exif.Thumbnail."), 0);
    const Tags face = readTags(runPipeline(cmykRot90, {}, QStringLiteral("jpg")));
    QCOMPARE(face.value("Exif.Image.Orientation"), QStringLiteral("1"));
    QCOMPARE(face.value("Exif.Photo.LensModel"), QStringLiteral("EF85mm f/1.2L II USM"));
    QVERIFY(face.has("Iptc.Application2.Byline"));
    QVERIFY(face.xmp.count() > 100);
}

void TestMetadata::stripRemovesEverything()
{
    for (const QString &photo : {lake, cmykRot90, face}) {
        const QByteArray out =
            runPipeline(photo, {QStringLiteral("format:metadata=strip")}, QStringLiteral("jpg"));
        QVERIFY(!out.isEmpty());
        const Tags t = readTags(out);
        QVERIFY(t.ok);
        QVERIFY2(t.exif.empty(), qPrintable(photo));
        QVERIFY2(t.xmp.empty(), qPrintable(photo));
        QVERIFY2(t.iptc.empty(), qPrintable(photo));
        // face_filippo_giunchedi.jpg's profile is sRGB, which untagged means anyway.
        QVERIFY2(t.icc.isEmpty(), qPrintable(photo));
    }
}

void TestMetadata::keepButStripGpsRemovesOnlyTheGpsPosition()
{
    // A copy of the photo with a GPS position in EXIF and XMP, written with exiv2.
    const QString tagged = copyOfPhoto(m_dir, face, QStringLiteral("with_gps.jpg"));
    {
        auto image = Exiv2::ImageFactory::open(tagged.toStdString());
        image->readMetadata();
        Exiv2::ExifData &exif = image->exifData();
        exif["Exif.GPSInfo.GPSVersionID"] = "2 3 0 0";
        exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
        Exiv2::URationalValue lat;
        lat.read("48/1 51/1 2436/100");
        exif.add(Exiv2::ExifKey("Exif.GPSInfo.GPSLatitude"), &lat);
        exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
        Exiv2::URationalValue lon;
        lon.read("2/1 17/1 4000/100");
        exif.add(Exiv2::ExifKey("Exif.GPSInfo.GPSLongitude"), &lon);
        image->xmpData()["Xmp.exif.GPSLatitude"] = "48,51.406N";
        image->xmpData()["Xmp.exif.GPSLongitude"] = "2,17.667E";
        image->writeMetadata();
    }
    const Tags in = readTags(readAll(tagged));
    QCOMPARE(in.count("Exif.GPSInfo."), 5);
    QCOMPARE(in.count("Xmp.exif.GPS"), 2);

    const Tags kept = readTags(runPipeline(tagged, {}, QStringLiteral("jpg")));
    QCOMPARE(kept.count("Exif.GPSInfo."), 5);
    QCOMPARE(kept.count("Xmp.exif.GPS"), 2);

    const Tags noGps = readTags(runPipeline(
        tagged, {QStringLiteral("format:metadata=keep-but-strip-gps")}, QStringLiteral("jpg")));
    QVERIFY(noGps.ok);
    QCOMPARE(noGps.count("Exif.GPSInfo."), 0);
    QCOMPARE(noGps.count("Xmp.exif.GPS"), 0);
    QVERIFY(!noGps.has("Exif.Image.GPSTag"));
    // Everything else is still there.
    QCOMPARE(noGps.value("Exif.Image.Make"), QStringLiteral("Canon"));
    QCOMPARE(noGps.value("Exif.Image.Model"), QStringLiteral("Canon EOS 5D Mark III"));
    QCOMPARE(noGps.value("Exif.Photo.ExposureTime"), QStringLiteral("1/800"));
    QVERIFY(noGps.has("Iptc.Application2.Copyright"));
    QCOMPARE(noGps.xmp.count(), in.xmp.count() - 2);
    QCOMPARE(noGps.icc, in.icc);
}

void TestMetadata::rotatedCmykPhotoComesOutUprightWithOrientation1()
{
    const QByteArray out =
        runPipeline(cmykRot90, {QStringLiteral("format:type=jpeg")}, QStringLiteral("jpg"));
    QVERIFY(!out.isEmpty());
    const Tags t = readTags(out);
    QCOMPARE(t.value("Exif.Image.Orientation"), QStringLiteral("1"));
    QVERIFY(!t.xmp.empty());
    const auto xmpOrientation = t.xmp.findKey(Exiv2::XmpKey("Xmp.tiff.Orientation"));
    QVERIFY(xmpOrientation == t.xmp.end() || xmpOrientation->toString() == "1");

    // Stored pixels are the rotated ones, so an EXIF-aware viewer (OpenCV's imread here) and a
    // naive one show the same: 533x800, like the reference photo turned 90 degrees clockwise.
    const cv::Mat asViewerSees = decodeBytes(out, cv::IMREAD_COLOR);
    const cv::Mat rawPixels = decodeBytes(out, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    QCOMPARE(asViewerSees.cols, 533);
    QCOMPARE(asViewerSees.rows, 800);
    QCOMPARE(cv::norm(asViewerSees, rawPixels, cv::NORM_INF), 0.0);
    const auto reference = pqtest::decodeTestImage(face);
    QVERIFY(!reference.error);
    cv::Mat turned;
    cv::rotate(reference.image, turned, cv::ROTATE_90_CLOCKWISE);
    const double db = pqtest::psnr(asViewerSees, turned);
    qInfo("CMYK+EXIF-rot90 through the pipeline: %dx%d, orientation 1, PSNR %.1f dB against the "
          "RGB original turned 90 degrees",
          asViewerSees.cols, asViewerSees.rows, db);
    QVERIFY(db > 25);
}

void TestMetadata::iccProfileKept_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("jpg") << "jpg";
    QTest::newRow("png") << "png";
    QTest::newRow("webp") << "webp";
    QTest::newRow("tif") << "tif";
}

void TestMetadata::iccProfileKept()
{
    QFETCH(QString, suffix);
    const QByteArray profile = astronautProfile();
    QCOMPARE(profile.size(), 3144);
    const QByteArray out = runPipeline(astronaut, {}, suffix);
    QVERIFY(!out.isEmpty());
    const Tags t = readTags(out);
    QVERIFY(t.ok);
    QCOMPARE(t.icc, profile);
    // The pixels are the same as without metadata.
    const auto source = pqtest::decodeTestImage(astronaut);
    const cv::Mat back = decodeBytes(out);
    QCOMPARE(back.size(), source.image.size());
    if (suffix == QLatin1String("png") || suffix == QLatin1String("tif"))
        QCOMPARE(cv::norm(back, source.image, cv::NORM_INF), 0.0);
    else
        QVERIFY(pqtest::psnr(back, source.image) > 35);
}

void TestMetadata::iccProfileOnlyWhereItFits()
{
    const imageio::Metadata rgb = imageio::readMetadata(dataPath(astronaut));
    const Params p = pqtest::params(QStringLiteral("format"), {});
    // A grey output cannot use an RGB profile: dropped, not copied into a broken file.
    const cv::Mat grey(64, 64, CV_8UC1, cv::Scalar(100));
    const auto greyOut = imageio::encode(grey, p, QStringLiteral("png"), rgb);
    QVERIFY(!greyOut.error);
    QVERIFY(readTags(greyOut.bytes).icc.isEmpty());
    const cv::Mat colour(64, 64, CV_8UC3, cv::Scalar(10, 100, 200));
    QCOMPARE(readTags(imageio::encode(colour, p, QStringLiteral("png"), rgb).bytes).icc.size(),
             3144);

    // A CMYK profile describes the input's ink values, which decoding turned into RGB.
    const QString cmykTagged = copyOfPhoto(m_dir, face, QStringLiteral("cmyk_profile.jpg"));
    {
        QByteArray cmyk = astronautProfile();
        cmyk.replace(16, 4, "CMYK");
        Exiv2::DataBuf buf(reinterpret_cast<const Exiv2::byte *>(cmyk.constData()),
                           long(cmyk.size()));
        auto image = Exiv2::ImageFactory::open(cmykTagged.toStdString());
        image->readMetadata();
        image->setIccProfile(buf);
        image->writeMetadata();
    }
    QCOMPARE(readTags(readAll(cmykTagged)).icc.mid(16, 4), QByteArray("CMYK"));
    const Tags t = readTags(runPipeline(cmykTagged, {}, QStringLiteral("jpg")));
    QVERIFY(t.icc.isEmpty());
    QCOMPARE(t.value("Exif.Image.Make"), QStringLiteral("Canon")); // the rest is kept
}

void TestMetadata::stripKeepsANonSrgbProfile()
{
    // The astronaut's sRGB profile with other primaries (as Adobe RGB or Display P3 would have):
    // without it the colours would display wrongly, so even `strip` keeps it.
    QByteArray wide = astronautProfile();
    const qsizetype rXYZ = iccTagData(wide, "rXYZ");
    QVERIFY(rXYZ > 0);
    QCOMPARE(wide.mid(rXYZ, 4), QByteArray("XYZ "));
    wide[rXYZ + 9] = char(wide[rXYZ + 9] + 0x10); // red's X += 0.0625
    const QString tagged = copyOfPhoto(m_dir, astronaut, QStringLiteral("wide.png"));
    {
        Exiv2::DataBuf buf(reinterpret_cast<const Exiv2::byte *>(wide.constData()),
                           long(wide.size()));
        auto image = Exiv2::ImageFactory::open(tagged.toStdString());
        image->readMetadata();
        image->setIccProfile(buf);
        image->writeMetadata();
    }
    QCOMPARE(readTags(readAll(tagged)).icc, wide);
    const Tags stripped = readTags(
        runPipeline(tagged, {QStringLiteral("format:metadata=strip")}, QStringLiteral("jpg")));
    QCOMPARE(stripped.icc, wide);
    QVERIFY(stripped.exif.empty() && stripped.xmp.empty());
    const Tags srgbStripped = readTags(
        runPipeline(astronaut, {QStringLiteral("format:metadata=strip")}, QStringLiteral("jpg")));
    QVERIFY(srgbStripped.icc.isEmpty());
}

void TestMetadata::everyWritableFormatCarriesIt_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("jpg") << "jpg";
    QTest::newRow("png") << "png";
    QTest::newRow("webp") << "webp";
    QTest::newRow("tif") << "tif";
}

void TestMetadata::everyWritableFormatCarriesIt()
{
    QFETCH(QString, suffix);
    const QByteArray out = runPipeline(cmykRot90, {QStringLiteral("resize:width=300")}, suffix);
    QVERIFY(!out.isEmpty());
    const Tags t = readTags(out);
    QVERIFY(t.ok);
    QCOMPARE(t.value("Exif.Image.Make"), QStringLiteral("Canon"));
    QCOMPARE(t.value("Exif.Image.Orientation"), QStringLiteral("1"));
    QCOMPARE(t.value("Exif.Photo.ExposureTime"), QStringLiteral("1/800"));
    QVERIFY(t.xmp.count() > 100);
    QCOMPARE(t.count("Exif.Thumbnail."), 0);
    // The file still decodes, upright, at the size the pipeline made.
    const auto decoded =
        imageio::decodeFile(m_dir.filePath(QStringLiteral("out%1.%2").arg(m_jobs).arg(suffix)));
    QVERIFY2(!decoded.error, decoded.error ? qPrintable(decoded.error->message) : "");
    QCOMPARE(decoded.image.cols, 300);
    QCOMPARE(decoded.image.rows, 450);
}

void TestMetadata::alphaAnd16BitSurviveTheMetadata_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("lossless");
    QTest::newRow("png 16-bit") << "png" << CV_16U << true;
    QTest::newRow("tif 16-bit") << "tif" << CV_16U << true;
    QTest::newRow("webp lossless") << "webp" << CV_8U << true;
    QTest::newRow("webp lossy") << "webp" << CV_8U << false;
}

void TestMetadata::alphaAnd16BitSurviveTheMetadata()
{
    // Metadata goes in after encoding, into the container: it must not disturb the pixels, the
    // alpha channel or the bit depth. The WebP case also checks the container flags: a WebP whose
    // extended header forgot the alpha flag shows opaque in browsers.
    QFETCH(QString, suffix);
    QFETCH(int, depth);
    QFETCH(bool, lossless);
    const auto photo = pqtest::decodeTestImage(face, 4);
    QVERIFY(!photo.error);
    cv::Mat bgra;
    cv::cvtColor(photo.image, bgra, cv::COLOR_BGR2BGRA);
    for (int y = 0; y < bgra.rows; ++y)
        for (int x = 0; x < bgra.cols; ++x)
            bgra.at<cv::Vec4b>(y, x)[3] = uchar(1 + (x * 254) / (bgra.cols - 1));
    if (depth == CV_16U)
        bgra.convertTo(bgra, CV_16U, 257.0);
    const imageio::Metadata meta = imageio::readMetadata(dataPath(face));
    QVERIFY(meta.hasExif() && meta.hasIccProfile());
    const Params p = pqtest::params(QStringLiteral("format"), {{"lossless", lossless}});
    const auto plain = imageio::encode(bgra, p, suffix);
    const auto tagged = imageio::encode(bgra, p, suffix, meta);
    QVERIFY(!plain.error && !tagged.error);
    QVERIFY(tagged.bytes.size() > plain.bytes.size() + 3000);
    const Tags t = readTags(tagged.bytes);
    QCOMPARE(t.value("Exif.Image.Make"), QStringLiteral("Canon"));
    QCOMPARE(t.icc.size(), 3144);
    const cv::Mat a = decodeBytes(plain.bytes);
    const cv::Mat b = decodeBytes(tagged.bytes);
    QCOMPARE(b.channels(), 4);
    QCOMPARE(b.depth(), depth);
    QCOMPARE(cv::norm(a, b, cv::NORM_INF), 0.0);
    if (lossless)
        QCOMPARE(cv::norm(b, bgra, cv::NORM_INF), 0.0);
    // Our own decoder (header parsing, orientation) reads the file too.
    const QString path = m_dir.filePath(QStringLiteral("alpha.") + suffix);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(tagged.bytes);
    f.close();
    const auto decoded = imageio::decodeFile(path);
    QVERIFY(!decoded.error);
    QCOMPARE(decoded.image.size(), bgra.size());
}

void TestMetadata::tiffInputCarriesItsMetadata()
{
    // A TIFF keeps its EXIF next to the tags that describe its pixels (strip offsets, bits per
    // sample...) and its XMP and IPTC as raw tags; only the photo's own metadata may go on.
    const QByteArray tiff =
        runPipeline(face, {QStringLiteral("resize:width=400")}, QStringLiteral("tif"));
    const QString tiffPath = m_dir.filePath(QStringLiteral("face_as_input.tif"));
    QFile f(tiffPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(tiff);
    f.close();
    QVERIFY(readTags(tiff).has("Exif.Image.StripOffsets"));
    for (const QString &suffix :
         {QStringLiteral("jpg"), QStringLiteral("tif"), QStringLiteral("png")}) {
        const QByteArray out = runPipeline(tiffPath, {QStringLiteral("resize:width=200")}, suffix);
        QVERIFY2(!out.isEmpty(), qPrintable(suffix));
        const Tags t = readTags(out);
        QCOMPARE(t.value("Exif.Image.Model"), QStringLiteral("Canon EOS 5D Mark III"));
        QCOMPARE(t.value("Exif.Photo.LensModel"), QStringLiteral("EF85mm f/1.2L II USM"));
        QVERIFY(t.xmp.count() > 100);
        QVERIFY(t.has("Iptc.Application2.Byline"));
        QCOMPARE(t.icc.size(), 3144);
        if (suffix != QLatin1String("tif")) {
            QVERIFY(!t.has("Exif.Image.StripOffsets"));
            QVERIFY(!t.has("Exif.Image.XMLPacket"));
        }
        const cv::Mat back = decodeBytes(out);
        QCOMPARE(back.cols, 200);
        QCOMPARE(back.rows, 134); // 800x533 -> 400x267 -> 200x134
    }
}

void TestMetadata::bmpSkipsMetadata()
{
    std::optional<Error> error;
    const QByteArray out =
        runPipeline(lake, {QStringLiteral("resize:width=100")}, QStringLiteral("bmp"), &error);
    QVERIFY(!error);
    QVERIFY(out.startsWith("BM"));
}

void TestMetadata::unreadableMetadataDoesNotStopTheJob()
{
    // The lake photo's XMP is broken (see readMetadataOfPhotos): the job still succeeds with the
    // EXIF that could be read.
    std::optional<Error> error;
    const QByteArray out = runPipeline(lake, {}, QStringLiteral("jpg"), &error);
    QVERIFY(!error);
    QVERIFY(readTags(out).has("Exif.Image.Model"));
}

void TestMetadata::parallelEncodesAgree()
{
    // exiv2's XMP toolkit is shared by all threads: many jobs at once must neither crash nor
    // mix up their metadata.
    const imageio::Metadata meta = imageio::readMetadata(dataPath(cmykRot90));
    const auto source = pqtest::decodeTestImage(cmykRot90, 4);
    QVERIFY(!source.error);
    const Params p = pqtest::params(QStringLiteral("format"), {{"quality", 80}});
    const QByteArray expected = imageio::encode(source.image, p, QStringLiteral("jpg"), meta).bytes;
    QVERIFY(!expected.isEmpty());
    QList<int> runs(16);
    std::iota(runs.begin(), runs.end(), 0);
    const QList<QByteArray> results = QtConcurrent::blockingMapped(runs, [&](int i) {
        const QString suffix = i % 2 ? QStringLiteral("jpg") : QStringLiteral("webp");
        const imageio::Metadata own = imageio::readMetadata(dataPath(cmykRot90));
        return imageio::encode(source.image, p, suffix, i % 4 < 2 ? meta : own).bytes;
    });
    for (int i = 0; i < results.size(); ++i) {
        const Tags t = readTags(results[i]);
        QVERIFY(t.ok);
        QCOMPARE(t.value("Exif.Image.Model"), QStringLiteral("Canon EOS 5D Mark III"));
        if (i % 2)
            QCOMPARE(results[i], expected);
    }
}

QTEST_GUILESS_MAIN(TestMetadata)
#include "test_metadata.moc"
