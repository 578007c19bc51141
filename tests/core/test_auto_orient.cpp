// auto-orient: the decoder already turns every image upright by its EXIF orientation, so this
// operation is the identity on pixels. Checked end to end: photos stored sideways, mirrored or
// upside down with each of the eight EXIF orientations come out of decode + auto-orient equal
// to the upright photo, and the written output is tagged upright, so no viewer turns it again.

#include "GeometryTestUtil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <opencv2/imgcodecs.hpp>

using namespace pq;
using namespace pqtest::geometry;

namespace {

// The stored pixels whose EXIF orientation `o` makes `upright`: the inverse of what the decoder
// does (see imageio's applyOrientation; 2, 3, 4 and 5 are their own inverses).
cv::Mat storedFor(const cv::Mat &upright, int o)
{
    cv::Mat m;
    switch (o) {
    case 2:
        cv::flip(upright, m, 1);
        break;
    case 3:
        cv::flip(upright, m, -1);
        break;
    case 4:
        cv::flip(upright, m, 0);
        break;
    case 5:
        cv::transpose(upright, m);
        break;
    case 6:
        cv::rotate(upright, m, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    case 7:
        cv::flip(upright, m, -1);
        cv::transpose(m, m);
        break;
    case 8:
        cv::flip(upright, m, 0);
        cv::transpose(m, m);
        break;
    default:
        m = upright.clone();
        break;
    }
    return m;
}

// A JPEG of `pixels` carrying a minimal EXIF block (APP1: one IFD0 entry, Orientation = o),
// placed right after the JFIF APP0 segment as cameras do.
QByteArray jpegWithOrientation(const cv::Mat &pixels, int o)
{
    std::vector<uchar> buf;
    cv::imencode(".jpg", pixels, buf, {cv::IMWRITE_JPEG_QUALITY, 100});
    const QByteArray jpeg(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
    // TIFF header (little endian), IFD0 at offset 8 with one entry: tag 0x0112 SHORT 1 = o.
    const char tiff[] = {'I',  'I',  0x2a, 0, 8, 0, 0, 0,                   // header
                         1,    0,                                           // one entry
                         0x12, 0x01, 3,    0, 1, 0, 0, 0, char(o), 0, 0, 0, // Orientation
                         0,    0,    0,    0};                              // no next IFD
    QByteArray payload = QByteArray("Exif\0\0", 6) + QByteArray(tiff, sizeof tiff);
    const int length = int(payload.size()) + 2;
    QByteArray app1("\xff\xe1", 2);
    app1 += char(length >> 8);
    app1 += char(length & 0xff);
    app1 += payload;
    // SOI, then APP0 (JFIF) whose length follows its marker.
    Q_ASSERT(uchar(jpeg[2]) == 0xff && uchar(jpeg[3]) == 0xe0);
    const int app0End = 4 + (uchar(jpeg[4]) << 8 | uchar(jpeg[5]));
    return jpeg.left(app0End) + app1 + jpeg.mid(app0End);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestAutoOrient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void identityOnPixels_data();
    void identityOnPixels();
    void everyExifOrientationComesOutUpright_data();
    void everyExifOrientationComesOutUpright();
    void cmykExifRotatedPhoto();
    void outputIsTaggedUpright();
    void describesItselfHonestly();
    void validation();
    void cancelled();

private:
    QTemporaryDir m_dir;
    cv::Mat m_upright; // face_filippo_giunchedi.jpg, 800x533
};

void TestAutoOrient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_upright = photoBgr(QStringLiteral("face_filippo_giunchedi.jpg"));
    QCOMPARE(m_upright.size(), cv::Size(800, 533));
}

void TestAutoOrient::identityOnPixels_data()
{
    QTest::addColumn<cv::Mat>("image");
    for (const Variant &v : variants(m_upright))
        QTest::newRow(qPrintable(v.name)) << v.image;
}

void TestAutoOrient::identityOnPixels()
{
    QFETCH(cv::Mat, image);
    const cv::Mat before = image.clone();
    const cv::Mat out = runOk(QStringLiteral("auto-orient"), image, {});
    QCOMPARE(out.type(), image.type());
    QCOMPARE(out.size(), image.size());
    QCOMPARE(cv::norm(out, before, cv::NORM_INF), 0.0);
}

void TestAutoOrient::everyExifOrientationComesOutUpright_data()
{
    QTest::addColumn<int>("orientation");
    for (int o = 1; o <= 8; ++o)
        QTest::newRow(qPrintable(QStringLiteral("orientation %1").arg(o))) << o;
}

void TestAutoOrient::everyExifOrientationComesOutUpright()
{
    QFETCH(int, orientation);
    const cv::Mat stored = storedFor(m_upright, orientation);
    const QString path = m_dir.filePath(QStringLiteral("o%1.jpg").arg(orientation));
    QVERIFY(writeFile(path, jpegWithOrientation(stored, orientation)));
    const auto header = imageio::readHeader(path);
    QVERIFY(header);
    QCOMPARE(header->orientation, orientation);

    const auto decoded = imageio::decodeFile(path);
    QVERIFY2(!decoded.error, qPrintable(decoded.error ? decoded.error->message : QString()));
    const cv::Mat out = runOk(QStringLiteral("auto-orient"), decoded.image, {});
    QCOMPARE(pqtest::sizeText(out), QStringLiteral("800x533"));
    const double db = pqtest::psnr(out, m_upright);
    qInfo("EXIF orientation %d: decode + auto-orient vs upright photo %.1f dB", orientation, db);
    QVERIFY(db > 40);
    // The check has teeth: the stored pixels themselves (when they fit) are far off.
    if (orientation >= 2 && orientation <= 4)
        QVERIFY(pqtest::psnr(stored, m_upright) < 20);
}

void TestAutoOrient::cmykExifRotatedPhoto()
{
    // The catalogue's own edge case: CMYK pixels, EXIF orientation 6 ("turn 90 degrees clockwise
    // to show"). Its stored pixels are those of the upright photo, so shown as the tag says, the
    // man lies on his side: the expected picture is the upright photo turned clockwise.
    const auto decoded =
        pqtest::decodeTestImage(QStringLiteral("face_filippo_giunchedi_cmyk_exif_rot90.jpg"));
    QVERIFY(!decoded.error);
    const cv::Mat out = runOk(QStringLiteral("auto-orient"), decoded.image, {});
    QCOMPARE(pqtest::sizeText(out), QStringLiteral("533x800"));
    cv::Mat expected;
    cv::rotate(m_upright, expected, cv::ROTATE_90_CLOCKWISE);
    const double db = pqtest::psnr(out, expected);
    // The CMYK file is a separate JPEG encoding of the photo, converted back to RGB by libjpeg:
    // it cannot match the RGB JPEG bit for bit; in luminance it is much closer.
    cv::Mat grayOut, grayExpected;
    cv::cvtColor(out, grayOut, cv::COLOR_BGR2GRAY);
    cv::cvtColor(expected, grayExpected, cv::COLOR_BGR2GRAY);
    const double dbLuma = pqtest::psnr(grayOut, grayExpected);
    qInfo("CMYK EXIF-6 photo, decode + auto-orient vs upright photo turned as tagged: %.1f dB "
          "(luminance %.1f dB)",
          db, dbLuma);
    QVERIFY(db > 30);
    cv::Mat wrongWay;
    cv::rotate(m_upright, wrongWay, cv::ROTATE_90_COUNTERCLOCKWISE);
    QVERIFY(pqtest::psnr(out, wrongWay) < 20);
}

void TestAutoOrient::outputIsTaggedUpright()
{
    // Through the whole path a job takes: decode, auto-orient, encode keeping the metadata. The
    // output keeps the camera's EXIF but its orientation tag says "upright", so a viewer shows
    // the pixels as they are instead of turning them a second time.
    for (const int o : {6, 3, 8}) {
        const QString path = m_dir.filePath(QStringLiteral("pipeline%1.jpg").arg(o));
        QVERIFY(writeFile(path, jpegWithOrientation(storedFor(m_upright, o), o)));
        const auto decoded = imageio::decodeFile(path);
        QVERIFY(!decoded.error);
        const cv::Mat out = runOk(QStringLiteral("auto-orient"), decoded.image, {});
        Params output;
        QVERIFY(!pqtest::complete(QStringLiteral("format"),
                                  {{"type", "jpeg"}, {"quality", 95}, {"metadata", "keep"}},
                                  &output));
        const auto encoded =
            imageio::encode(out, output, QStringLiteral("jpg"), imageio::readMetadata(path));
        QVERIFY2(!encoded.error, qPrintable(encoded.error ? encoded.error->message : QString()));
        const auto header = imageio::parseHeader(encoded.bytes.left(65536));
        QVERIFY(header);
        QCOMPARE(header->orientation, 1);
        QCOMPARE(header->width, 800);
        QCOMPARE(header->height, 533);
        const QString written = m_dir.filePath(QStringLiteral("written%1.jpg").arg(o));
        QVERIFY(writeFile(written, encoded.bytes));
        const auto again = imageio::decodeFile(written);
        QVERIFY(!again.error);
        const double db = pqtest::psnr(again.image, m_upright);
        qInfo("EXIF orientation %d through decode, auto-orient, encode (q95), decode: %.1f dB", o,
              db);
        QVERIFY(db > 35);
    }
}

void TestAutoOrient::describesItselfHonestly()
{
    const Operation &op = pqtest::op(QStringLiteral("auto-orient"));
    QVERIFY(op.params().isEmpty());
    QVERIFY2(op.description().contains(QLatin1String("Leaves the pixels as they are")),
             qPrintable(op.description()));
    QVERIFY(op.description().contains(QLatin1String("EXIF")));
}

void TestAutoOrient::validation()
{
    Params p;
    const auto err = pqtest::complete(QStringLiteral("auto-orient"), {{"orientation", 6}}, &p);
    QVERIFY(err);
    QVERIFY2(err->contains(QLatin1String("has no parameter 'orientation' (parameters: none)")),
             qPrintable(*err));
    QVERIFY(!pqtest::complete(QStringLiteral("auto-orient"), {}, &p));
}

void TestAutoOrient::cancelled()
{
    Cancelled c;
    const OpResult r = pqtest::op(QStringLiteral("auto-orient")).run(m_upright, {}, c.ctx);
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ErrorKind::Transient);
}

QTEST_GUILESS_MAIN(TestAutoOrient)
#include "test_auto_orient.moc"
