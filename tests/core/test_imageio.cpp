// Image I/O: header parsing (sizes, EXIF orientation in every container we read), decode errors,
// orientation and colour on real photos, lossless round trips, alpha flattening, atomic writes.

#include "ImageTestUtil.h"
#include "imageio/ImageIO.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace pq;
using pqtest::dataPath;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray cvEncode(const cv::Mat &img, const char *ext, std::vector<int> params = {})
{
    std::vector<uchar> buf;
    if (!cv::imencode(ext, img, buf, params))
        qFatal("imencode %s failed", ext);
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

void put16(QByteArray &b, quint16 v, bool be)
{
    if (be)
        b.append(char(v >> 8)).append(char(v & 0xFF));
    else
        b.append(char(v & 0xFF)).append(char(v >> 8));
}

void put32(QByteArray &b, quint32 v, bool be)
{
    if (be) {
        put16(b, quint16(v >> 16), true);
        put16(b, quint16(v & 0xFFFF), true);
    } else {
        put16(b, quint16(v & 0xFFFF), false);
        put16(b, quint16(v >> 16), false);
    }
}

// A minimal Exif TIFF block with just IFD0/Orientation, in either byte order.
QByteArray exifTiff(int orientation, bool bigEndian)
{
    QByteArray b = bigEndian ? QByteArray("MM\0*", 4) : QByteArray("II*\0", 4);
    put32(b, 8, bigEndian);
    put16(b, 1, bigEndian);      // one entry
    put16(b, 0x0112, bigEndian); // Orientation
    put16(b, 3, bigEndian);      // SHORT
    put32(b, 1, bigEndian);      // count
    put16(b, quint16(orientation), bigEndian);
    put16(b, 0, bigEndian); // value padding
    put32(b, 0, bigEndian); // no next IFD
    return b;
}

QByteArray withJpegExif(const QByteArray &jpeg, const QByteArray &tiff)
{
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray seg("\xFF\xE1");
    put16(seg, quint16(payload.size() + 2), true);
    return jpeg.left(2) + seg + payload + jpeg.mid(2);
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// Inserts a chunk right after IHDR (signature 8 bytes + IHDR 25 bytes).
QByteArray withPngChunk(const QByteArray &png, const QByteArray &type, const QByteArray &data)
{
    QByteArray chunk;
    put32(chunk, quint32(data.size()), true);
    chunk += type + data;
    put32(chunk, crc32(type + data), true);
    return png.left(33) + chunk + png.mid(33);
}

// An uncompressed 8-bit RGB TIFF written by hand, with an Orientation tag; optionally with IFD0
// after the pixel data, as many writers do.
QByteArray makeTiff(const cv::Mat &bgr, int orientation, bool ifdAtEnd)
{
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const QByteArray pixels(reinterpret_cast<const char *>(rgb.data),
                            qsizetype(rgb.total() * rgb.elemSize()));
    const quint32 w = quint32(bgr.cols);
    const quint32 h = quint32(bgr.rows);
    const int entries = 11;
    const quint32 ifdSize = 2 + entries * 12 + 4;
    const quint32 ifdOffset = ifdAtEnd ? 8 + quint32(pixels.size()) : 8;
    const quint32 bpsOffset = ifdOffset + ifdSize;
    const quint32 dataOffset = ifdAtEnd ? 8 : bpsOffset + 6;

    QByteArray ifd;
    put16(ifd, entries, false);
    auto entry = [&](quint16 tag, quint16 type, quint32 count, quint32 value) {
        put16(ifd, tag, false);
        put16(ifd, type, false);
        put32(ifd, count, false);
        if (type == 3 && count == 1) {
            put16(ifd, quint16(value), false);
            put16(ifd, 0, false);
        } else {
            put32(ifd, value, false);
        }
    };
    entry(256, 3, 1, w);
    entry(257, 3, 1, h);
    entry(258, 3, 3, bpsOffset);
    entry(259, 3, 1, 1); // no compression
    entry(262, 3, 1, 2); // RGB
    entry(273, 4, 1, dataOffset);
    entry(274, 3, 1, quint32(orientation));
    entry(277, 3, 1, 3);
    entry(278, 3, 1, h);
    entry(279, 4, 1, quint32(pixels.size()));
    entry(284, 3, 1, 1);
    put32(ifd, 0, false);
    QByteArray bps;
    put16(bps, 8, false);
    put16(bps, 8, false);
    put16(bps, 8, false);

    QByteArray out("II*\0", 4);
    put32(out, ifdOffset, false);
    if (ifdAtEnd)
        out += pixels + ifd + bps;
    else
        out += ifd + bps + pixels;
    return out;
}

// A small asymmetric test picture: every orientation of it is different. Smooth, so that JPEG
// keeps it well.
cv::Mat asymmetric(int w = 40, int h = 24)
{
    cv::Mat m(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 200 / w), uchar(y * 200 / h), 100);
    m(cv::Rect(0, 0, w / 4, h / 4)).setTo(cv::Scalar(255, 255, 255));
    return m;
}

// What a viewer shows for stored pixels with EXIF orientation `o` (the reference transform).
cv::Mat oriented(const cv::Mat &stored, int o)
{
    cv::Mat m = stored.clone();
    switch (o) {
    case 2:
        cv::flip(m, m, 1);
        break;
    case 3:
        cv::rotate(m, m, cv::ROTATE_180);
        break;
    case 4:
        cv::flip(m, m, 0);
        break;
    case 5:
        cv::transpose(m, m);
        break;
    case 6:
        cv::rotate(m, m, cv::ROTATE_90_CLOCKWISE);
        break;
    case 7: // transverse: mirror about the anti-diagonal
        cv::transpose(m, m);
        cv::rotate(m, m, cv::ROTATE_180);
        break;
    case 8:
        cv::rotate(m, m, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    default:
        break;
    }
    return m;
}

} // namespace

class TestImageIO : public QObject
{
    Q_OBJECT

private slots:
    void headerOfRealPhotos_data();
    void headerOfRealPhotos();
    void headerReadsOnlyTheStartButSeeksPastBigSegments();
    void headerOfGeneratedFormats();
    void headerExifBothByteOrders_data();
    void headerExifBothByteOrders();
    void headerSurvivesTruncationAndGarbage();

    void decodeErrors();
    void decodePermissionDenied();
    void decodeLimitsRefuseBombsBeforeReading();
    void decodeRefusesAnimationsAndPages();
    void decodeJpegWithTrailingBytesAfterEndMarker();
    void decodeCmykExifRotatedPhotoIsUprightAndCorrect();
    void decodeReducedJpeg();
    void decodeKeepsGrayscale();
    void decodeAppliesPngAndWebpExifOrientation_data();
    void decodeAppliesPngAndWebpExifOrientation();
    void decodeTiffOrientation_data();
    void decodeTiffOrientation();

    void roundTrip16BitPng();
    void roundTripAlphaPngAndTiff();
    void encodeFlattensAlphaOntoWhite();
    void encodeConverts16BitForJpeg();
    void encodeRejectsUnknownSuffix();
    void encodeJpegOfAPartOfAnImage();

    void writeAtomicallyCreatesFoldersAndReplaces();
    void staleTemporariesOfAnInterruptedWriteAreRemoved();
    void writeAtomicallyIntoUnwritableFolderIsPermanent();

    void suffixes();
};

void TestImageIO::headerOfRealPhotos_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("orientation");
    QTest::newRow("jpeg") << "face_filippo_giunchedi.jpg"
                          << "jpeg" << 800 << 533 << 1;
    QTest::newRow("cmyk jpeg, exif 6") << "face_filippo_giunchedi_cmyk_exif_rot90.jpg"
                                       << "jpeg" << 800 << 533 << 6;
    QTest::newRow("progressive jpeg") << "large_cc0_dandelions_5312x2988.jpg"
                                      << "jpeg" << 5312 << 2988 << 1;
    QTest::newRow("gray png") << "gray_cameraman_cc0.png"
                              << "png" << 512 << 512 << 1;
    QTest::newRow("rgb png") << "teeth_astronaut_eileen_collins.png"
                             << "png" << 512 << 512 << 1;
}

void TestImageIO::headerOfRealPhotos()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, orientation);
    const auto h = imageio::readHeader(dataPath(file));
    QVERIFY(h);
    QCOMPARE(h->format, format);
    QCOMPARE(h->width, width);
    QCOMPARE(h->height, height);
    QCOMPARE(h->orientation, orientation);
    const cv::Size upright = orientation >= 5 ? cv::Size(height, width) : cv::Size(width, height);
    QCOMPARE(h->uprightSize(), upright);

    // parseHeader on the leading bytes agrees
    const auto p = imageio::parseHeader(readAll(dataPath(file)).left(64 * 1024));
    QVERIFY(p);
    QCOMPARE(p->width, width);
    QCOMPARE(p->orientation, orientation);
}

void TestImageIO::headerReadsOnlyTheStartButSeeksPastBigSegments()
{
    // A JPEG whose SOF sits behind 320 KB of APP2 segments (as with big CMYK ICC profiles):
    // parseHeader on the first 256 KB cannot see it, readHeader skips ahead in the file.
    const QByteArray jpeg = readAll(dataPath(QStringLiteral("face_filippo_giunchedi.jpg")));
    QByteArray padded = jpeg.left(2);
    for (int i = 0; i < 5; ++i) {
        padded += "\xFF\xE2";
        put16(padded, 65535, true);
        padded += QByteArray(65533, char('a' + i));
    }
    padded += jpeg.mid(2);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("padded.jpg"));
    writeFile(path, padded);

    QVERIFY(!imageio::parseHeader(padded.left(256 * 1024)));
    const auto h = imageio::readHeader(path);
    QVERIFY(h);
    QCOMPARE(h->width, 800);
    QCOMPARE(h->height, 533);
    const auto decoded = imageio::decodeFile(path);
    QVERIFY2(!decoded.error, qPrintable(decoded.error ? decoded.error->message : QString()));
    QCOMPARE(decoded.image.cols, 800);

    // TIFF with IFD0 after 360 KB of pixel data
    const QByteArray tiff = makeTiff(cv::Mat(300, 400, CV_8UC3, cv::Scalar(10, 20, 30)), 6, true);
    QVERIFY(tiff.size() > 256 * 1024);
    const QString tiffPath = dir.filePath(QStringLiteral("ifd-at-end.tif"));
    writeFile(tiffPath, tiff);
    const auto t = imageio::readHeader(tiffPath);
    QVERIFY(t);
    QCOMPARE(t->format, QStringLiteral("tiff"));
    QCOMPARE(t->width, 400);
    QCOMPARE(t->height, 300);
    QCOMPARE(t->orientation, 6);
}

void TestImageIO::headerOfGeneratedFormats()
{
    const cv::Mat bgr = asymmetric(123, 45);
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    struct Case
    {
        const char *name;
        QByteArray bytes;
        QString format;
    };
    const Case cases[] = {
        {"webp lossy (VP8)", cvEncode(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 80}), "webp"},
        {"webp lossless (VP8L)", cvEncode(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}), "webp"},
        {"webp with alpha", cvEncode(bgra, ".webp", {cv::IMWRITE_WEBP_QUALITY, 80}), "webp"},
        {"bmp", cvEncode(bgr, ".bmp"), "bmp"},
        {"tiff", cvEncode(bgr, ".tif"), "tiff"},
        {"png rgba", cvEncode(bgra, ".png"), "png"},
        {"jpeg", cvEncode(bgr, ".jpg"), "jpeg"},
        {"gif", QByteArray("GIF89a\x7B\x00\x2D\x00\x00\x00\x00", 13), "gif"},
    };
    for (const Case &c : cases) {
        const auto h = imageio::parseHeader(c.bytes);
        QVERIFY2(h, c.name);
        QCOMPARE(h->format, c.format);
        QCOMPARE(h->width, 123);
        QCOMPARE(h->height, 45);
        QCOMPARE(h->orientation, 1);
    }
    QVERIFY(!imageio::parseHeader("just some text, not an image"));
    QVERIFY(!imageio::parseHeader(QByteArray()));
}

void TestImageIO::headerExifBothByteOrders_data()
{
    QTest::addColumn<bool>("bigEndian");
    QTest::addColumn<int>("orientation");
    for (int o = 1; o <= 8; ++o) {
        QTest::addRow("Motorola %d", o) << true << o;
        QTest::addRow("Intel %d", o) << false << o;
    }
}

void TestImageIO::headerExifBothByteOrders()
{
    QFETCH(bool, bigEndian);
    QFETCH(int, orientation);
    const cv::Mat stored = asymmetric();
    const QByteArray jpeg = withJpegExif(cvEncode(stored, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 100}),
                                         exifTiff(orientation, bigEndian));
    const auto h = imageio::parseHeader(jpeg);
    QVERIFY(h);
    QCOMPARE(h->orientation, orientation);
    QCOMPARE(h->width, 40);

    // ...and the decoder honours the same tag, pixel for pixel (within JPEG error).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("o.jpg"));
    writeFile(path, jpeg);
    const auto d = imageio::decodeFile(path);
    QVERIFY(!d.error);
    const cv::Mat expected = oriented(stored, orientation);
    QCOMPARE(d.image.size(), expected.size());
    QVERIFY2(pqtest::psnr(d.image, expected) > 30,
             qPrintable(QString::number(pqtest::psnr(d.image, expected))));
}

void TestImageIO::headerSurvivesTruncationAndGarbage()
{
    // Every prefix of real and generated headers, and random bytes behind every signature: the
    // parser may give up but must not crash or read out of bounds (run under ASan in CI).
    QList<QByteArray> samples{
        readAll(dataPath(QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"))).left(32000),
        readAll(dataPath(QStringLiteral("teeth_astronaut_eileen_collins.png"))).left(2000),
        withPngChunk(cvEncode(asymmetric(), ".png"), "eXIf", exifTiff(6, true)),
        cvEncode(asymmetric(), ".webp"),
        cvEncode(asymmetric(), ".bmp"),
        makeTiff(asymmetric(), 3, false),
        makeTiff(asymmetric(), 3, true),
    };
    int parsed = 0;
    for (const QByteArray &s : samples) {
        const int step = s.size() > 4000 ? 7 : 1;
        for (qsizetype n = 0; n <= s.size(); n += step)
            parsed += imageio::parseHeader(s.left(n)) ? 1 : 0;
    }
    QVERIFY(parsed > 0);
    QVERIFY(!imageio::parseHeader(samples[0].left(1000))); // SOF not reached yet

    QRandomGenerator rng(42);
    const QByteArray signatures[] = {QByteArray("\xFF\xD8\xFF"),
                                     QByteArray("\x89PNG\r\n\x1A\n"),
                                     QByteArray("RIFF\0\0\0\0WEBP", 12),
                                     QByteArray("II*\0", 4),
                                     QByteArray("MM\0*", 4),
                                     QByteArray("BM"),
                                     QByteArray("GIF89a")};
    for (int i = 0; i < 3000; ++i) {
        QByteArray b = signatures[i % std::size(signatures)];
        const int n = int(rng.bounded(400));
        for (int k = 0; k < n; ++k) {
            // bias towards bytes that look like markers and small lengths
            const quint32 r = rng.bounded(8);
            b.append(r == 0 ? char(0xFF) : r == 1 ? char(0) : char(rng.bounded(256)));
        }
        const auto h = imageio::parseHeader(b);
        if (h) {
            QVERIFY(h->width > 0 && h->height > 0);
            QVERIFY(h->orientation >= 1 && h->orientation <= 8);
        }
    }
}

void TestImageIO::decodeErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray jpeg = readAll(dataPath(QStringLiteral("face_filippo_giunchedi.jpg")));
    const QByteArray png = readAll(dataPath(QStringLiteral("teeth_astronaut_eileen_collins.png")));
    struct Case
    {
        const char *file;
        std::optional<QByteArray> content; // nullopt: do not create
        const char *expected;
    };
    const Case cases[] = {
        {"missing.jpg", std::nullopt, "file not found"},
        {"empty.jpg", QByteArray(), "the file is empty (0 bytes)"},
        {"text.jpg", QByteArray("this is a text file, not a photo\n"),
         "not a supported image (content is not JPEG/PNG/WebP/TIFF/BMP/GIF)"},
        {"truncated.jpg", jpeg.left(jpeg.size() * 6 / 10), "the JPEG data is truncated"},
        {"header-only.jpg", jpeg.left(40000), "the JPEG data is truncated"},
        {"truncated.png", png.left(png.size() / 2), "the PNG data is truncated or corrupt"},
        {"anim.gif", QByteArray("GIF89a\x10\x00\x10\x00\x00\x00\x00;", 14), "GIF is not supported"},
        {"jpeg-signature-only.jpg", QByteArray("\xFF\xD8\xFF\xE0"), "truncated"},
    };
    for (const Case &c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.file));
        if (c.content)
            writeFile(path, *c.content);
        const auto d = imageio::decodeFile(path);
        QVERIFY2(d.error, c.file);
        QCOMPARE(d.error->kind, ErrorKind::Permanent);
        QVERIFY2(d.error->message.contains(QLatin1String(c.expected)),
                 qPrintable(d.error->message));
        QVERIFY2(d.error->message.contains(QLatin1String(c.file)), qPrintable(d.error->message));
        QVERIFY(d.image.empty());
    }

    const auto folder = imageio::decodeFile(dir.path());
    QVERIFY(folder.error);
    QCOMPARE(folder.error->kind, ErrorKind::Permanent);
    QVERIFY2(folder.error->message.contains(QLatin1String("folder")),
             qPrintable(folder.error->message));
}

// A small file that declares a huge image, and files over the size limit, fail from their first
// bytes with a message that names the numbers; within the limits the same files decode.
void TestImageIO::decodeLimitsRefuseBombsBeforeReading()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const imageio::DecodeLimits defaults = imageio::decodeLimits();
    QCOMPARE(defaults.maxPixels, qint64(100'000'000));

    // A PNG whose IHDR says 60000 x 60000 (3.6 gigapixels) in a 100-byte file.
    QByteArray png = cvEncode(cv::Mat(8, 8, CV_8UC3, cv::Scalar(1, 2, 3)), ".png");
    QVERIFY(png.mid(12, 4) == "IHDR");
    QByteArray bomb = png;
    bomb.replace(16, 8, QByteArray("\x00\x00\xEA\x60\x00\x00\xEA\x60", 8));
    writeFile(dir.filePath(QStringLiteral("bomb.png")), bomb);
    auto d = imageio::decodeFile(dir.filePath(QStringLiteral("bomb.png")));
    QVERIFY(d.error);
    QCOMPARE(d.error->kind, ErrorKind::Permanent);
    QVERIFY2(d.error->message.contains(QStringLiteral("3600 megapixels (60000 x 60000)")) &&
                 d.error->message.contains(QStringLiteral("limit of 100 megapixels")),
             qPrintable(d.error->message));

    // The 16 MP photo against a 10 MP limit, then a 1 MB file limit; then it decodes again.
    const QString large = dataPath(QStringLiteral("large_cc0_dandelions_5312x2988.jpg"));
    imageio::setDecodeLimits({10'000'000, defaults.maxFileBytes});
    d = imageio::decodeFile(large, 8);
    QVERIFY(d.error);
    QVERIFY2(d.error->message.contains(QStringLiteral("15.9 megapixels (5312 x 2988)")) ||
                 d.error->message.contains(QStringLiteral("16 megapixels (5312 x 2988)")),
             qPrintable(d.error->message));
    imageio::setDecodeLimits({defaults.maxPixels, 1 << 20});
    d = imageio::decodeFile(large, 8);
    QVERIFY(d.error);
    QVERIFY2(d.error->message.contains(QStringLiteral("more than the limit of 1 MB")),
             qPrintable(d.error->message));
    imageio::setDecodeLimits(defaults);
    d = imageio::decodeFile(large, 8);
    QVERIFY2(!d.error, d.error ? qPrintable(d.error->message) : "");
    QCOMPARE(d.image.cols, 5312 / 8);
    // OpenCV's own decoder cap follows ours.
    QCOMPARE(qgetenv("OPENCV_IO_MAX_IMAGE_PIXELS"), QByteArray("100000000"));
}

// Several images in one file are refused by name, not decoded as their first frame silently.
void TestImageIO::decodeRefusesAnimationsAndPages()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // An extended WebP header with the animation flag (VP8X, flags 0x02), 64 x 48.
    QByteArray webp("RIFF");
    put32(webp, 4 + 18, false);
    webp += "WEBPVP8X";
    put32(webp, 10, false);
    webp += QByteArray("\x02\x00\x00\x00\x3F\x00\x00\x2F\x00\x00", 10);
    writeFile(dir.filePath(QStringLiteral("anim.webp")), webp);
    auto d = imageio::decodeFile(dir.filePath(QStringLiteral("anim.webp")));
    QVERIFY(d.error);
    QVERIFY2(d.error->message.contains(QStringLiteral("animated WebP is not supported")),
             qPrintable(d.error->message));

    // A two-page TIFF.
    const std::vector<cv::Mat> pages{cv::Mat(16, 16, CV_8UC3, cv::Scalar(10, 20, 30)),
                                     cv::Mat(16, 16, CV_8UC3, cv::Scalar(40, 50, 60))};
    const QString tiff = dir.filePath(QStringLiteral("pages.tif"));
    QVERIFY(cv::imwritemulti(tiff.toStdString(), pages));
    d = imageio::decodeFile(tiff);
    QVERIFY(d.error);
    QVERIFY2(d.error->message.contains(QStringLiteral("several pages")),
             qPrintable(d.error->message));
    // One page decodes.
    const QString single = dir.filePath(QStringLiteral("single.tif"));
    QVERIFY(cv::imwrite(single.toStdString(), pages.front()));
    d = imageio::decodeFile(single);
    QVERIFY2(!d.error, d.error ? qPrintable(d.error->message) : "");
    QCOMPARE(d.image.at<cv::Vec3b>(0, 0), cv::Vec3b(10, 20, 30));
}

void TestImageIO::decodePermissionDenied()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secret.jpg"));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("face_filippo_giunchedi.jpg")), path));
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    QFile probe(path);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("permissions do not apply to this user (root?)");
    const auto d = imageio::decodeFile(path);
    QVERIFY(d.error);
    QCOMPARE(d.error->kind, ErrorKind::Permanent);
    QVERIFY2(d.error->message.contains(QLatin1String("permission denied")),
             qPrintable(d.error->message));
}

void TestImageIO::decodeJpegWithTrailingBytesAfterEndMarker()
{
    // Cameras and editors append trailers; one test photo even ends in a newline.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trailer.jpg"));
    writeFile(path, readAll(dataPath(QStringLiteral("face_filippo_giunchedi.jpg"))) +
                        QByteArray("\nTRAILER").repeated(50));
    const auto d = imageio::decodeFile(path);
    QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
    QCOMPARE(d.image.size(), cv::Size(800, 533));
}

void TestImageIO::decodeCmykExifRotatedPhotoIsUprightAndCorrect()
{
    const auto rotated =
        pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"));
    QVERIFY2(!rotated.error, qPrintable(rotated.error ? rotated.error->message : QString()));
    QCOMPARE(rotated.format, QStringLiteral("jpeg"));
    QCOMPARE(rotated.image.cols, 533);
    QCOMPARE(rotated.image.rows, 800);
    QCOMPARE(rotated.image.channels(), 3);
    QCOMPARE(rotated.image.depth(), CV_8U);

    const auto upright = pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi.jpg"));
    QVERIFY(!upright.error);
    cv::Mat expected;
    cv::rotate(upright.image, expected, cv::ROTATE_90_CLOCKWISE);
    const double db = pqtest::psnr(rotated.image, expected);
    qInfo("CMYK EXIF-6 photo vs upright photo rotated 90 CW: PSNR %.2f dB", db);
    QVERIFY2(db > 30, qPrintable(QString::number(db)));
    // Rotating the wrong way round must be clearly worse, so the check has teeth.
    cv::rotate(upright.image, expected, cv::ROTATE_90_COUNTERCLOCKWISE);
    QVERIFY(pqtest::psnr(rotated.image, expected) < 20);
}

void TestImageIO::decodeReducedJpeg()
{
    const QString face = QStringLiteral("face_filippo_giunchedi.jpg");
    const auto half = pqtest::decodeTestImage(face, 2);
    QVERIFY(!half.error);
    QCOMPARE(half.reduction, 2);
    QCOMPARE(half.image.size(), cv::Size(400, 267)); // libjpeg rounds up

    const auto three = pqtest::decodeTestImage(face, 3); // rounds down to a supported factor
    QCOMPARE(three.reduction, 2);
    const auto big = pqtest::decodeTestImage(face, 100);
    QCOMPARE(big.reduction, 8);
    QCOMPARE(big.image.size(), cv::Size(100, 67));

    const auto rotated =
        pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"), 4);
    QVERIFY(!rotated.error);
    QCOMPARE(rotated.reduction, 4);
    QCOMPARE(rotated.image.size(), cv::Size(134, 200)); // still upright

    const auto png = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"), 8);
    QVERIFY(!png.error);
    QCOMPARE(png.reduction, 1); // only JPEG can shrink on load
    QCOMPARE(png.image.size(), cv::Size(512, 512));
}

void TestImageIO::decodeKeepsGrayscale()
{
    const auto png = pqtest::decodeTestImage(QStringLiteral("gray_cameraman_cc0.png"));
    QVERIFY(!png.error);
    QCOMPARE(png.image.channels(), 1);

    // a grayscale JPEG stays one channel, also when reduced
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gray.jpg"));
    writeFile(path, cvEncode(png.image, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95}));
    for (int r : {1, 2}) {
        const auto d = imageio::decodeFile(path, r);
        QVERIFY(!d.error);
        QCOMPARE(d.image.channels(), 1);
        QCOMPARE(d.image.cols, 512 / r);
    }
}

void TestImageIO::decodeAppliesPngAndWebpExifOrientation_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("orientation");
    for (const char *format : {"png", "webp"})
        for (int o : {3, 6, 8})
            QTest::addRow("%s %d", format, o) << QString::fromLatin1(format) << o;
}

void TestImageIO::decodeAppliesPngAndWebpExifOrientation()
{
    // OpenCV ignores EXIF in these containers (we decode them with IMREAD_UNCHANGED to keep alpha
    // and 16 bits), so decodeFile applies it.
    QFETCH(QString, format);
    QFETCH(int, orientation);
    const cv::Mat stored = asymmetric();
    const QByteArray exif = exifTiff(orientation, orientation != 6);
    QByteArray bytes;
    if (format == QLatin1String("png")) {
        bytes = withPngChunk(cvEncode(stored, ".png"), "eXIf", exif);
    } else {
        // Extended WebP: VP8X (EXIF flag, canvas size), the lossless image chunk, then EXIF.
        const QByteArray simple = cvEncode(stored, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101});
        QByteArray vp8x("VP8X");
        put32(vp8x, 10, false);
        vp8x += QByteArray("\x08\0\0\0", 4);
        const quint32 w1 = quint32(stored.cols - 1);
        const quint32 h1 = quint32(stored.rows - 1);
        vp8x += QByteArray(1, char(w1 & 0xFF)) + char((w1 >> 8) & 0xFF) + char(w1 >> 16);
        vp8x += QByteArray(1, char(h1 & 0xFF)) + char((h1 >> 8) & 0xFF) + char(h1 >> 16);
        QByteArray exifChunk("EXIF");
        put32(exifChunk, quint32(exif.size()), false);
        exifChunk += exif; // 26 bytes: even, no padding
        const QByteArray body = QByteArray("WEBP") + vp8x + simple.mid(12) + exifChunk;
        bytes = QByteArray("RIFF");
        put32(bytes, quint32(body.size()), false);
        bytes += body;
    }
    const auto h = imageio::parseHeader(bytes);
    QVERIFY(h);
    QCOMPARE(h->format, format);
    QCOMPARE(h->orientation, orientation);
    QCOMPARE(h->width, stored.cols);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("oriented.") + format);
    writeFile(path, bytes);
    const auto d = imageio::decodeFile(path);
    QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
    const cv::Mat expected = oriented(stored, orientation);
    QCOMPARE(d.image.size(), expected.size());
    QCOMPARE(cv::norm(d.image, expected, cv::NORM_INF), 0.0);
}

void TestImageIO::decodeTiffOrientation_data()
{
    QTest::addColumn<int>("orientation");
    for (int o = 1; o <= 8; ++o)
        QTest::addRow("%d", o) << o;
}

void TestImageIO::decodeTiffOrientation()
{
    QFETCH(int, orientation);
    const cv::Mat stored = asymmetric();
    const QByteArray tiff = makeTiff(stored, orientation, false);
    const auto h = imageio::parseHeader(tiff);
    QVERIFY(h);
    QCOMPARE(h->orientation, orientation);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("o.tif"));
    writeFile(path, tiff);
    const auto d = imageio::decodeFile(path);
    QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
    const cv::Mat expected = oriented(stored, orientation);
    QCOMPARE(d.image.size(), expected.size());
    QCOMPARE(cv::norm(d.image, expected, cv::NORM_INF), 0.0);
}

void TestImageIO::roundTrip16BitPng()
{
    cv::Mat img(64, 96, CV_16UC3);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x)
            img.at<cv::Vec3w>(y, x) =
                cv::Vec3w(ushort(x * 683), ushort(y * 1021), ushort(x * y * 7 + 1));
    QTemporaryDir dir;
    for (const QString &suffix : {QStringLiteral("png"), QStringLiteral("tif")}) {
        const auto enc = imageio::encode(img, pqtest::params(QStringLiteral("format"), {}), suffix);
        QVERIFY(!enc.error);
        const QString path = dir.filePath(QStringLiteral("deep.") + suffix);
        QVERIFY(!imageio::writeAtomically(path, enc.bytes));
        const auto d = imageio::decodeFile(path);
        QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
        QCOMPARE(d.image.type(), CV_16UC3);
        QCOMPARE(cv::norm(d.image, img, cv::NORM_INF), 0.0);
    }
}

void TestImageIO::roundTripAlphaPngAndTiff()
{
    const auto astro =
        pqtest::decodeTestImage(QStringLiteral("teeth_astronaut_eileen_collins.png"));
    QVERIFY(!astro.error);
    cv::Mat bgra;
    cv::cvtColor(astro.image, bgra, cv::COLOR_BGR2BGRA);
    for (int y = 0; y < bgra.rows; ++y)
        for (int x = 0; x < bgra.cols; ++x)
            bgra.at<cv::Vec4b>(y, x)[3] = uchar((x + y) / 4);
    QTemporaryDir dir;
    for (const QString &suffix :
         {QStringLiteral("png"), QStringLiteral("tif"), QStringLiteral("webp")}) {
        const auto enc =
            imageio::encode(bgra, pqtest::params(QStringLiteral("format"), {}), suffix);
        QVERIFY(!enc.error);
        const QString path = dir.filePath(QStringLiteral("alpha.") + suffix);
        QVERIFY(!imageio::writeAtomically(path, enc.bytes));
        const auto d = imageio::decodeFile(path);
        QVERIFY2(!d.error, qPrintable(d.error ? d.error->message : QString()));
        QCOMPARE(d.image.channels(), 4);
        if (suffix != QLatin1String("webp")) // lossless ones
            QCOMPARE(cv::norm(d.image, bgra, cv::NORM_INF), 0.0);
        else
            QVERIFY(pqtest::psnr(d.image, bgra) > 30);
    }
}

void TestImageIO::encodeFlattensAlphaOntoWhite()
{
    // left: opaque blue; middle: half-transparent red; right: fully transparent green
    cv::Mat bgra(30, 90, CV_8UC4, cv::Scalar(255, 0, 0, 255));
    bgra(cv::Rect(30, 0, 30, 30)).setTo(cv::Scalar(0, 0, 255, 128));
    bgra(cv::Rect(60, 0, 30, 30)).setTo(cv::Scalar(0, 255, 0, 0));
    for (const QString &suffix : {QStringLiteral("jpg"), QStringLiteral("bmp")}) {
        const auto enc = imageio::encode(
            bgra, pqtest::params(QStringLiteral("format"), {{"quality", 100}}), suffix);
        QVERIFY(!enc.error);
        const cv::Mat raw(1, int(enc.bytes.size()), CV_8UC1, const_cast<char *>(enc.bytes.data()));
        const cv::Mat d = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
        QCOMPARE(d.channels(), 3);
        const int tol = suffix == QLatin1String("jpg") ? 6 : 0;
        auto near = [&](cv::Point p, cv::Vec3b want) {
            const cv::Vec3b got = d.at<cv::Vec3b>(p);
            for (int c = 0; c < 3; ++c)
                if (std::abs(int(got[c]) - int(want[c])) > tol)
                    return false;
            return true;
        };
        QVERIFY(near({15, 15}, {255, 0, 0}));
        QVERIFY(near({45, 15}, {127, 127, 255})); // red at 50% over white
        QVERIFY(near({75, 15}, {255, 255, 255})); // transparent -> white, not green
    }
}

void TestImageIO::encodeConverts16BitForJpeg()
{
    cv::Mat img(16, 16, CV_16UC3, cv::Scalar(257 * 10, 257 * 128, 65535));
    for (const QString &suffix :
         {QStringLiteral("jpg"), QStringLiteral("webp"), QStringLiteral("bmp")}) {
        const auto enc = imageio::encode(img, pqtest::params(QStringLiteral("format"), {}), suffix);
        QVERIFY2(!enc.error, qPrintable(suffix));
        const cv::Mat raw(1, int(enc.bytes.size()), CV_8UC1, const_cast<char *>(enc.bytes.data()));
        const cv::Mat d = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
        QCOMPARE(d.depth(), CV_8U);
        const cv::Scalar mean = cv::mean(d);
        QVERIFY(std::abs(mean[0] - 10) < 3 && std::abs(mean[1] - 128) < 3 && mean[2] > 252);
    }
}

void TestImageIO::encodeRejectsUnknownSuffix()
{
    const auto enc = imageio::encode(asymmetric(), pqtest::params(QStringLiteral("format"), {}),
                                     QStringLiteral("gif"));
    QVERIFY(enc.error);
    QCOMPARE(enc.error->kind, ErrorKind::Permanent);
    QVERIFY(enc.error->message.contains(QLatin1String("gif")));
}

void TestImageIO::encodeJpegOfAPartOfAnImage()
{
    // Our libjpeg writer reads rows through the Mat's step: a crop that shares its parent's
    // memory encodes exactly like a compact copy, in colour and in grey.
    const cv::Mat big = asymmetric(300, 200);
    cv::Mat grey;
    cv::cvtColor(big, grey, cv::COLOR_BGR2GRAY);
    for (const cv::Mat &img : {big, grey}) {
        const cv::Mat part = img(cv::Rect(37, 21, 150, 101));
        QVERIFY(!part.isContinuous());
        const Params p = pqtest::params(QStringLiteral("format"), {{"quality", 95}});
        const auto a = imageio::encode(part, p, QStringLiteral("jpg"));
        const auto b = imageio::encode(part.clone(), p, QStringLiteral("jpeg"));
        QVERIFY(!a.error && !b.error);
        QCOMPARE(a.bytes, b.bytes);
        const cv::Mat raw(1, int(a.bytes.size()), CV_8UC1, const_cast<char *>(a.bytes.data()));
        const cv::Mat d = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
        QCOMPARE(d.channels(), img.channels());
        QVERIFY(pqtest::psnr(d, part) > 35);
    }
}

void TestImageIO::writeAtomicallyCreatesFoldersAndReplaces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/out.jpg"));
    QVERIFY(!imageio::writeAtomically(path, "first"));
    QCOMPARE(readAll(path), QByteArray("first"));
    QVERIFY(!imageio::writeAtomically(path, "second, longer"));
    QCOMPARE(readAll(path), QByteArray("second, longer"));
    // nothing but the output is left behind (no temporary files)
    QCOMPARE(QDir(dir.filePath(QStringLiteral("a/b/c"))).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("out.jpg")});

    const auto onFolder = imageio::writeAtomically(dir.filePath(QStringLiteral("a")), "x");
    QVERIFY(onFolder);
    QCOMPARE(onFolder->kind, ErrorKind::Permanent);
}

void TestImageIO::staleTemporariesOfAnInterruptedWriteAreRemoved()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("photo.jpg"));
    // What QSaveFile leaves when killed before its rename (on systems without O_TMPFILE), and
    // names that only look similar.
    const QStringList stale = {QStringLiteral("photo.jpg.Ab12Cd"),
                               QStringLiteral("photo.jpg.zzzzzz")};
    const QStringList kept = {
        QStringLiteral("photo.jpg"),        QStringLiteral("photo.jpg.backup1"),
        QStringLiteral("photo.jpg.ab-12c"), QStringLiteral("other.jpg.Ab12Cd"),
        QStringLiteral("photo.jpgxAb12Cd"), QStringLiteral("photo.jpg.abc")};
    for (const QString &name : stale + kept) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
    }
    QCOMPARE(imageio::removeStaleTemporaries(out), 2);
    QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    QStringList expected = kept;
    left.sort();
    expected.sort();
    QCOMPARE(left, expected);
    QCOMPARE(imageio::removeStaleTemporaries(out), 0);
    QCOMPARE(imageio::removeStaleTemporaries(dir.filePath(QStringLiteral("missing/x.jpg"))), 0);
}

void TestImageIO::writeAtomicallyIntoUnwritableFolderIsPermanent()
{
    // A parent that is a regular file cannot become a folder, whoever we are (root included).
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    writeFile(blocker, "I am a file");
    const auto err = imageio::writeAtomically(blocker + QStringLiteral("/sub/out.png"), "data");
    QVERIFY(err);
    QCOMPARE(err->kind, ErrorKind::Permanent);
    QVERIFY2(err->message.startsWith(QLatin1String("cannot write output folder")),
             qPrintable(err->message));
    QVERIFY2(err->message.contains(QLatin1String("is a file, not a folder")),
             qPrintable(err->message));
    QCOMPARE(readAll(blocker), QByteArray("I am a file"));

    // A read-only folder, where permissions apply (not for root).
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(locked));
    QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QFile probe(locked + QStringLiteral("/probe"));
    const bool enforced = !probe.open(QIODevice::WriteOnly);
    if (enforced) {
        const auto denied = imageio::writeAtomically(locked + QStringLiteral("/out.png"), "data");
        QVERIFY(denied);
        QCOMPARE(denied->kind, ErrorKind::Permanent);
        QVERIFY2(denied->message.contains(QLatin1String("permission denied")),
                 qPrintable(denied->message));
    }
    QFile::setPermissions(locked,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!enforced)
        QSKIP(
            "folder permissions do not apply to this user (root?); the file-as-parent case passed");
}

void TestImageIO::suffixes()
{
    const QStringList s = imageio::readableSuffixes();
    for (const char *ext : {"jpg", "jpeg", "png", "webp", "tif", "tiff", "bmp"})
        QVERIFY2(s.contains(QLatin1String(ext)), ext);
    QVERIFY(!s.contains(QLatin1String("gif")));
}

QTEST_GUILESS_MAIN(TestImageIO)
#include "test_imageio.moc"
