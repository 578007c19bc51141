// format: the output encoder's parameters, and what the encoder does with them on a real photo:
// JPEG/WebP quality trades size for fidelity, chroma subsampling trades colour detail for size,
// PNG/TIFF/BMP and lossless WebP are lossless, 16 bits and alpha are kept where the format can
// hold them and flattened onto the background colour where not, max-bytes finds the highest
// quality that fits, and encoding is deterministic.

#include "ImageTestUtil.h"
#include "ops/Recipe.h"

#include <QTest>
#include <QtEndian>
#include <opencv2/imgcodecs.hpp>

using namespace pq;

namespace {

cv::Mat decodeBytes(const QByteArray &bytes)
{
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    return cv::imdecode(raw, cv::IMREAD_UNCHANGED);
}

// The JPEG start-of-frame marker: C0 baseline, C2 progressive.
int jpegSofMarker(const QByteArray &b)
{
    qsizetype pos = 2;
    while (pos + 4 <= b.size() && uchar(b[pos]) == 0xFF) {
        const uchar m = uchar(b[pos + 1]);
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC)
            return m;
        pos += 2 + (uchar(b[pos + 2]) << 8 | uchar(b[pos + 3]));
    }
    return -1;
}

// The sampling factors (H, V) of each component of a baseline or progressive JPEG.
QList<std::pair<int, int>> jpegSampling(const QByteArray &b)
{
    qsizetype pos = 2;
    while (pos + 4 <= b.size() && uchar(b[pos]) == 0xFF) {
        const uchar m = uchar(b[pos + 1]);
        if (m == 0xC0 || m == 0xC1 || m == 0xC2) {
            QList<std::pair<int, int>> out;
            const int components = uchar(b[pos + 9]);
            for (int c = 0; c < components; ++c) {
                const uchar f = uchar(b[pos + 11 + 3 * c]);
                out.append({f >> 4, f & 0xF});
            }
            return out;
        }
        pos += 2 + (uchar(b[pos + 2]) << 8 | uchar(b[pos + 3]));
    }
    return {};
}

// The value of tag `tag` (SHORT) in IFD0 of a little-endian TIFF, -1 when absent.
int tiffTag(const QByteArray &b, quint16 tag)
{
    if (!b.startsWith(QByteArray("II*\0", 4)))
        return -1;
    const quint32 ifd = qFromLittleEndian<quint32>(b.constData() + 4);
    const quint16 count = qFromLittleEndian<quint16>(b.constData() + ifd);
    for (quint16 i = 0; i < count; ++i) {
        const char *e = b.constData() + ifd + 2 + 12 * i;
        if (qFromLittleEndian<quint16>(e) == tag)
            return qFromLittleEndian<quint16>(e + 8);
    }
    return -1;
}

// PSNR of one YCrCb channel (1 = Cr, 2 = Cb): how well colour detail survived.
double chromaPsnr(const cv::Mat &a, const cv::Mat &b, int channel)
{
    cv::Mat ya;
    cv::Mat yb;
    cv::cvtColor(a, ya, cv::COLOR_BGR2YCrCb);
    cv::cvtColor(b, yb, cv::COLOR_BGR2YCrCb);
    cv::Mat ca;
    cv::Mat cb;
    cv::extractChannel(ya, ca, channel);
    cv::extractChannel(yb, cb, channel);
    return cv::PSNR(ca, cb);
}

Params formatParams(const QVariantMap &given)
{
    return pqtest::params(QStringLiteral("format"), given);
}

} // namespace

class TestFormat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paramsAndDefaults();
    void invalidParams_data();
    void invalidParams();
    void runPassesTheImageThrough();
    void jpegQualityTradesSizeForFidelity_data();
    void jpegQualityTradesSizeForFidelity();
    void progressiveJpeg();
    void webpQuality();
    void losslessFormats_data();
    void losslessFormats();
    void pngCompressionLevel();
    void encodingIsDeterministic();
    void recipeOutputDrivesTheEncoder();
    void chromaSubsampling();
    void webpLosslessRoundTripsExactly();
    void tiffCompression_data();
    void tiffCompression();
    void sixteenBitKeptForPngAndTiff_data();
    void sixteenBitKeptForPngAndTiff();
    void backgroundColourFlattensAlpha();
    void maxBytesChoosesTheHighestQualityThatFits_data();
    void maxBytesChoosesTheHighestQualityThatFits();
    void maxBytesAlreadyMet();
    void maxBytesUnreachableIsPermanent();
    void maxBytesNeedsJpegOrLossyWebp();

private:
    cv::Mat m_photo; // 1328x747, the large photo decoded at 1/4
};

void TestFormat::initTestCase()
{
    const auto d = pqtest::decodeTestImage(QStringLiteral("large_cc0_dandelions_5312x2988.jpg"), 4);
    QVERIFY(!d.error);
    m_photo = d.image;
}

void TestFormat::paramsAndDefaults()
{
    const Params p = pqtest::params(QStringLiteral("format"), {});
    QCOMPARE(p.value(QStringLiteral("type")).toString(), QStringLiteral("auto"));
    QCOMPARE(p.value(QStringLiteral("quality")).toInt(), 90);
    QCOMPARE(p.value(QStringLiteral("png-compression")).toInt(), 6);
    QCOMPARE(p.value(QStringLiteral("progressive")).toBool(), false);
    QCOMPARE(p.value(QStringLiteral("chroma-subsampling")).toString(), QStringLiteral("420"));
    QCOMPARE(p.value(QStringLiteral("lossless")).toBool(), false);
    QCOMPARE(p.value(QStringLiteral("tiff-compression")).toString(), QStringLiteral("lzw"));
    QCOMPARE(p.value(QStringLiteral("background")).toString(), QStringLiteral("white"));
    QCOMPARE(p.value(QStringLiteral("metadata")).toString(), QStringLiteral("keep"));
    QCOMPARE(p.value(QStringLiteral("max-bytes")).toInt(), 0);
    const QList<ParamSpec> specs = pqtest::op(QStringLiteral("format")).params();
    QCOMPARE(specs.first().choices, QStringList({"auto", "jpeg", "png", "webp", "tiff", "bmp"}));
    for (const ParamSpec &s : specs)
        QVERIFY2(!s.label.isEmpty(), qPrintable(s.name));
}

void TestFormat::invalidParams_data()
{
    QTest::addColumn<QVariantMap>("given");
    QTest::newRow("quality 0") << QVariantMap{{"quality", 0}};
    QTest::newRow("quality 101") << QVariantMap{{"quality", 101}};
    QTest::newRow("type gif") << QVariantMap{{"type", "gif"}};
    QTest::newRow("png-compression 10") << QVariantMap{{"png-compression", 10}};
    QTest::newRow("progressive maybe") << QVariantMap{{"progressive", "maybe"}};
    QTest::newRow("chroma-subsampling 411") << QVariantMap{{"chroma-subsampling", "411"}};
    QTest::newRow("tiff-compression jpeg") << QVariantMap{{"tiff-compression", "jpeg"}};
    QTest::newRow("metadata remove") << QVariantMap{{"metadata", "remove"}};
    QTest::newRow("background mauve-ish") << QVariantMap{{"background", "mauve-ish"}};
    QTest::newRow("max-bytes -1") << QVariantMap{{"max-bytes", -1}};
    QTest::newRow("max-bytes for png") << QVariantMap{{"max-bytes", 50000}, {"type", "png"}};
    QTest::newRow("max-bytes lossless")
        << QVariantMap{{"lossless", true}, {"max-bytes", 50000}, {"type", "webp"}};
}

void TestFormat::invalidParams()
{
    QFETCH(QVariantMap, given);
    Params p;
    const auto err = pqtest::complete(QStringLiteral("format"), given, &p);
    QVERIFY(err);
    QVERIFY2(err->contains(given.firstKey()), qPrintable(*err));
}

void TestFormat::runPassesTheImageThrough()
{
    const OpResult r = pqtest::run(QStringLiteral("format"), m_photo, {{"type", "png"}});
    QVERIFY(!r.error);
    QCOMPARE(r.image.data, m_photo.data);
}

void TestFormat::jpegQualityTradesSizeForFidelity_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("reduction");
    QTest::newRow("dandelions 1/4") << "large_cc0_dandelions_5312x2988.jpg" << 4;
    QTest::newRow("face") << "face_filippo_giunchedi.jpg" << 1;
    QTest::newRow("astronaut png") << "teeth_astronaut_eileen_collins.png" << 1;
}

void TestFormat::jpegQualityTradesSizeForFidelity()
{
    QFETCH(QString, file);
    QFETCH(int, reduction);
    const auto source = pqtest::decodeTestImage(file, reduction);
    QVERIFY(!source.error);
    qint64 lastSize = 0;
    double lastDb = 0;
    for (int q : {50, 75, 90, 95}) {
        const auto enc = imageio::encode(source.image,
                                         pqtest::params(QStringLiteral("format"), {{"quality", q}}),
                                         QStringLiteral("jpg"));
        QVERIFY(!enc.error);
        const cv::Mat back = decodeBytes(enc.bytes);
        QCOMPARE(back.size(), source.image.size());
        const double db = pqtest::psnr(back, source.image);
        qInfo("%s: JPEG quality %d: %lld bytes, PSNR %.2f dB", qPrintable(file), q,
              qint64(enc.bytes.size()), db);
        QVERIFY(enc.bytes.size() > lastSize);
        QVERIFY(db > lastDb);
        lastSize = enc.bytes.size();
        lastDb = db;
    }
    QVERIFY2(lastDb > 38, qPrintable(QString::number(lastDb))); // quality 95
}

void TestFormat::progressiveJpeg()
{
    const auto base = imageio::encode(m_photo, pqtest::params(QStringLiteral("format"), {}),
                                      QStringLiteral("jpg"));
    const auto prog =
        imageio::encode(m_photo, pqtest::params(QStringLiteral("format"), {{"progressive", true}}),
                        QStringLiteral("jpeg"));
    QVERIFY(!base.error && !prog.error);
    QCOMPARE(jpegSofMarker(base.bytes), 0xC0);
    QCOMPARE(jpegSofMarker(prog.bytes), 0xC2);
    // Progressive only changes the entropy coding: the same coefficients, the same pixels.
    QCOMPARE(cv::norm(decodeBytes(base.bytes), decodeBytes(prog.bytes), cv::NORM_INF), 0.0);
}

void TestFormat::webpQuality()
{
    const auto low =
        imageio::encode(m_photo, pqtest::params(QStringLiteral("format"), {{"quality", 50}}),
                        QStringLiteral("webp"));
    const auto high =
        imageio::encode(m_photo, pqtest::params(QStringLiteral("format"), {{"quality", 95}}),
                        QStringLiteral("webp"));
    QVERIFY(!low.error && !high.error);
    QVERIFY(high.bytes.startsWith("RIFF"));
    const double lowDb = pqtest::psnr(decodeBytes(low.bytes), m_photo);
    const double highDb = pqtest::psnr(decodeBytes(high.bytes), m_photo);
    qInfo("WebP quality 50: %lld bytes, PSNR %.2f dB; quality 95: %lld bytes, PSNR %.2f dB",
          qint64(low.bytes.size()), lowDb, qint64(high.bytes.size()), highDb);
    QVERIFY(high.bytes.size() > low.bytes.size());
    QVERIFY(highDb > lowDb);
    QVERIFY(highDb > 35);
}

void TestFormat::losslessFormats_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("png") << "png" << QByteArray("\x89PNG");
    QTest::newRow("tif") << "tif" << QByteArray("II*\0", 4);
    QTest::newRow("tiff") << "tiff" << QByteArray("II*\0", 4);
    QTest::newRow("bmp") << "bmp" << QByteArray("BM");
}

void TestFormat::losslessFormats()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, signature);
    const cv::Mat crop = m_photo(cv::Rect(100, 100, 300, 200)).clone();
    const auto enc = imageio::encode(crop, pqtest::params(QStringLiteral("format"), {}), suffix);
    QVERIFY(!enc.error);
    QVERIFY(enc.bytes.startsWith(signature));
    QCOMPARE(cv::norm(decodeBytes(enc.bytes), crop, cv::NORM_INF), 0.0);
}

void TestFormat::pngCompressionLevel()
{
    const cv::Mat crop = m_photo(cv::Rect(0, 0, 400, 300)).clone();
    const auto fast =
        imageio::encode(crop, pqtest::params(QStringLiteral("format"), {{"png-compression", 0}}),
                        QStringLiteral("png"));
    const auto small =
        imageio::encode(crop, pqtest::params(QStringLiteral("format"), {{"png-compression", 9}}),
                        QStringLiteral("png"));
    QVERIFY(!fast.error && !small.error);
    QVERIFY(small.bytes.size() < fast.bytes.size());
    QCOMPARE(cv::norm(decodeBytes(small.bytes), decodeBytes(fast.bytes), cv::NORM_INF), 0.0);
}

void TestFormat::encodingIsDeterministic()
{
    const cv::Mat crop = m_photo(cv::Rect(200, 100, 256, 256)).clone();
    cv::Mat withAlpha;
    cv::cvtColor(crop, withAlpha, cv::COLOR_BGR2BGRA);
    const Params p =
        pqtest::params(QStringLiteral("format"), {{"quality", 80}, {"progressive", true}});
    for (const char *suffix : {"jpg", "png", "webp", "tif", "bmp"}) {
        for (const cv::Mat &img : {crop, withAlpha}) {
            const auto a = imageio::encode(img, p, QLatin1String(suffix));
            const auto b = imageio::encode(img.clone(), p, QLatin1String(suffix));
            QVERIFY2(!a.error && !b.error, suffix);
            QVERIFY2(a.bytes == b.bytes, suffix);
        }
    }
}

void TestFormat::recipeOutputDrivesTheEncoder()
{
    Recipe r;
    QVERIFY(!Recipe::fromSpecs(
        {QStringLiteral("resize:width=320"), QStringLiteral("format:type=webp,quality=70")}, &r));
    QCOMPARE(r.outputSuffix(QStringLiteral("JPG")), QStringLiteral("webp"));
    QCOMPARE(r.output.value(QStringLiteral("quality")).toInt(), 70);

    OpContext ctx;
    const OpResult resized = pqtest::op(r.steps.at(0).op).run(m_photo, r.steps.at(0).params, ctx);
    QVERIFY(!resized.error);
    const auto enc =
        imageio::encode(resized.image, r.output, r.outputSuffix(QStringLiteral("jpg")));
    QVERIFY(!enc.error);
    QVERIFY(enc.bytes.startsWith("RIFF"));
    const auto header = imageio::parseHeader(enc.bytes);
    QVERIFY(header);
    QCOMPARE(header->format, QStringLiteral("webp"));
    QCOMPARE(header->width, 320);
    QCOMPARE(header->height, 180);

    Recipe autoType;
    QVERIFY(!Recipe::fromSpecs({}, &autoType));
    QCOMPARE(autoType.outputSuffix(QStringLiteral("PNG")), QStringLiteral("png"));
    QCOMPARE(autoType.outputSuffix(QStringLiteral("tiff")), QStringLiteral("tif"));
    QCOMPARE(autoType.outputSuffix(QStringLiteral("gif")), QStringLiteral("jpg"));
}

void TestFormat::chromaSubsampling()
{
    // 4:4:4 keeps a colour sample per pixel, 4:2:2 one per two, 4:2:0 one per four: bigger files
    // with finer colour. Luma is never subsampled.
    QMap<QString, qint64> size;
    QMap<QString, double> crPsnr;
    const QMap<QString, std::pair<int, int>> lumaFactors{
        {"444", {1, 1}}, {"422", {2, 1}}, {"420", {2, 2}}};
    for (const QString &s : {QStringLiteral("444"), QStringLiteral("422"), QStringLiteral("420")}) {
        for (bool progressive : {false, true}) {
            const auto enc = imageio::encode(
                m_photo, formatParams({{"chroma-subsampling", s}, {"progressive", progressive}}),
                QStringLiteral("jpg"));
            QVERIFY(!enc.error);
            const auto factors = jpegSampling(enc.bytes);
            QCOMPARE(factors.size(), 3);
            QCOMPARE(factors[0], lumaFactors.value(s));
            QCOMPARE(factors[1], std::make_pair(1, 1));
            QCOMPARE(factors[2], std::make_pair(1, 1));
            if (!progressive) {
                size[s] = enc.bytes.size();
                crPsnr[s] = chromaPsnr(decodeBytes(enc.bytes), m_photo, 1);
            }
        }
        qInfo("JPEG quality 90, %s: %lld bytes, Cr PSNR %.2f dB", qPrintable(s), size[s],
              crPsnr[s]);
    }
    QVERIFY(size["444"] > size["422"]);
    QVERIFY(size["422"] > size["420"]);
    QVERIFY(crPsnr["444"] > crPsnr["422"]);
    QVERIFY(crPsnr["422"] > crPsnr["420"]);

    // A grey JPEG has one component; the setting does not apply.
    cv::Mat grey;
    cv::cvtColor(m_photo, grey, cv::COLOR_BGR2GRAY);
    const auto g =
        imageio::encode(grey, formatParams({{"chroma-subsampling", "444"}}), QStringLiteral("jpg"));
    QVERIFY(!g.error);
    QCOMPARE(jpegSampling(g.bytes).size(), 1);
    QCOMPARE(decodeBytes(g.bytes).channels(), 1);
}

void TestFormat::webpLosslessRoundTripsExactly()
{
    const cv::Mat crop = m_photo(cv::Rect(300, 200, 200, 150)).clone();
    cv::Mat bgra;
    cv::cvtColor(crop, bgra, cv::COLOR_BGR2BGRA);
    for (int y = 0; y < bgra.rows; ++y)
        for (int x = 0; x < bgra.cols; ++x)
            bgra.at<cv::Vec4b>(y, x)[3] = uchar(1 + (x + y) % 255);
    for (const cv::Mat &img : {crop, bgra}) {
        // quality does not matter when lossless
        const auto enc = imageio::encode(img, formatParams({{"lossless", true}, {"quality", 10}}),
                                         QStringLiteral("webp"));
        QVERIFY(!enc.error);
        QVERIFY(enc.bytes.startsWith("RIFF"));
        const cv::Mat back = decodeBytes(enc.bytes);
        QCOMPARE(back.channels(), img.channels());
        QCOMPARE(cv::norm(back, img, cv::NORM_INF), 0.0);
        const auto lossy =
            imageio::encode(img, formatParams({{"quality", 100}}), QStringLiteral("webp"));
        QVERIFY(cv::norm(decodeBytes(lossy.bytes), img, cv::NORM_INF) > 0);
    }
}

void TestFormat::tiffCompression_data()
{
    QTest::addColumn<QString>("compression");
    QTest::addColumn<int>("tagValue"); // TIFF tag 259, libtiff's COMPRESSION_*
    QTest::newRow("none") << "none" << 1;
    QTest::newRow("lzw") << "lzw" << 5;
    QTest::newRow("deflate") << "deflate" << 8;
    QTest::newRow("packbits") << "packbits" << 32773;
}

void TestFormat::tiffCompression()
{
    QFETCH(QString, compression);
    QFETCH(int, tagValue);
    const cv::Mat crop = m_photo(cv::Rect(0, 0, 640, 480)).clone();
    cv::Mat wide;
    crop.convertTo(wide, CV_16U, 257.0);
    const qint64 raw = qint64(crop.total()) * 3;
    for (const cv::Mat &img : {crop, wide}) {
        const auto enc = imageio::encode(img, formatParams({{"tiff-compression", compression}}),
                                         QStringLiteral("tif"));
        QVERIFY(!enc.error);
        QCOMPARE(tiffTag(enc.bytes, 259), tagValue);
        const cv::Mat back = decodeBytes(enc.bytes);
        QCOMPARE(back.depth(), img.depth());
        QCOMPARE(cv::norm(back, img, cv::NORM_INF), 0.0);
        if (img.depth() == CV_8U) {
            qInfo("TIFF %s: %lld bytes (%.0f%% of the raw pixels)", qPrintable(compression),
                  qint64(enc.bytes.size()), 100.0 * enc.bytes.size() / raw);
            if (compression == QLatin1String("none"))
                QVERIFY(enc.bytes.size() >= raw);
            if (compression == QLatin1String("lzw") || compression == QLatin1String("deflate"))
                QVERIFY(enc.bytes.size() < raw * 0.8);
        }
    }
}

void TestFormat::sixteenBitKeptForPngAndTiff_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("channels");
    for (const char *suffix : {"png", "tif"})
        for (int ch : {1, 3, 4})
            QTest::addRow("%s %d channels", suffix, ch) << QString::fromLatin1(suffix) << ch;
}

void TestFormat::sixteenBitKeptForPngAndTiff()
{
    QFETCH(QString, suffix);
    QFETCH(int, channels);
    // A 16-bit image with values that 8 bits cannot hold (odd ones, not multiples of 257).
    cv::Mat img(120, 160, CV_16UC(channels));
    cv::randu(img, cv::Scalar::all(0), cv::Scalar::all(65536));
    const auto enc = imageio::encode(img, formatParams({}), suffix);
    QVERIFY(!enc.error);
    const cv::Mat back = decodeBytes(enc.bytes);
    QCOMPARE(back.depth(), CV_16U);
    QCOMPARE(back.channels(), channels);
    QCOMPARE(cv::norm(back, img, cv::NORM_INF), 0.0);
}

void TestFormat::backgroundColourFlattensAlpha()
{
    // left: opaque blue; middle: half-transparent red; right: fully transparent green
    cv::Mat bgra(30, 90, CV_8UC4, cv::Scalar(255, 0, 0, 255));
    bgra(cv::Rect(30, 0, 30, 30)).setTo(cv::Scalar(0, 0, 255, 128));
    bgra(cv::Rect(60, 0, 30, 30)).setTo(cv::Scalar(0, 255, 0, 0));
    cv::Mat bgra16;
    bgra.convertTo(bgra16, CV_16U, 257.0);
    const cv::Vec3d bg(0x99, 0x66, 0x33); // #336699 in BGR
    const double a = 128.0 / 255.0;
    const cv::Vec3d half = cv::Vec3d(0, 0, 255) * a + bg * (1 - a);
    for (const QString &suffix : {QStringLiteral("jpg"), QStringLiteral("bmp")}) {
        for (const cv::Mat &img : {bgra, bgra16}) {
            const auto enc = imageio::encode(
                img,
                formatParams(
                    {{"quality", 100}, {"background", "#336699"}, {"chroma-subsampling", "444"}}),
                suffix);
            QVERIFY(!enc.error);
            const cv::Mat d = decodeBytes(enc.bytes);
            QCOMPARE(d.channels(), 3);
            QCOMPARE(d.depth(), CV_8U);
            const double tol = suffix == QLatin1String("jpg") ? 3 : 0.5;
            auto near = [&](cv::Point p, cv::Vec3d want) {
                const cv::Vec3b got = d.at<cv::Vec3b>(p);
                for (int c = 0; c < 3; ++c)
                    if (std::abs(got[c] - want[c]) > tol)
                        return false;
                return true;
            };
            QVERIFY(near({15, 15}, {255, 0, 0}));
            QVERIFY(near({45, 15}, half));
            QVERIFY(near({75, 15}, bg)); // the background, not the hidden green
        }
    }
    // PNG keeps the alpha channel: no background involved.
    const auto png =
        imageio::encode(bgra, formatParams({{"background", "#336699"}}), QStringLiteral("png"));
    QCOMPARE(cv::norm(decodeBytes(png.bytes), bgra, cv::NORM_INF), 0.0);
}

void TestFormat::maxBytesChoosesTheHighestQualityThatFits_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<bool>("withMetadata");
    QTest::newRow("jpg") << "jpg" << false;
    QTest::newRow("jpg with EXIF") << "jpg" << true;
    QTest::newRow("webp") << "webp" << false;
}

void TestFormat::maxBytesChoosesTheHighestQualityThatFits()
{
    QFETCH(QString, suffix);
    QFETCH(bool, withMetadata);
    // The Olympus photo's EXIF: the limit is on the whole file, metadata included.
    const imageio::Metadata meta =
        withMetadata ? imageio::readMetadata(pqtest::dataPath("lowcontrast_darkest_hour_lake.jpg"))
                     : imageio::Metadata{};
    const cv::Mat photo = m_photo(cv::Rect(300, 150, 640, 400)); // small enough to search fast
    auto sizeAt = [&](int q) {
        const auto e = imageio::encode(photo, formatParams({{"quality", q}}), suffix, meta);
        return qint64(e.bytes.size());
    };
    // A limit halfway between what quality 40 and 85 give lands somewhere in between.
    const qint64 limit = (sizeAt(40) + sizeAt(85)) / 2;
    const auto fitted = imageio::encode(
        photo, formatParams({{"quality", 85}, {"max-bytes", int(limit)}}), suffix, meta);
    QVERIFY2(!fitted.error, fitted.error ? qPrintable(fitted.error->message) : "");
    qInfo("%s%s: max-bytes %lld -> quality %d, %lld bytes (quality %d would be %lld)",
          qPrintable(suffix), withMetadata ? " with EXIF" : "", limit, fitted.quality,
          qint64(fitted.bytes.size()), fitted.quality + 1, sizeAt(fitted.quality + 1));
    QVERIFY(fitted.bytes.size() <= limit);
    QVERIFY(fitted.quality > 40 && fitted.quality < 85);
    QCOMPARE(qint64(fitted.bytes.size()), sizeAt(fitted.quality));
    QVERIFY(sizeAt(fitted.quality + 1) > limit); // the next quality up would not fit
    QCOMPARE(decodeBytes(fitted.bytes).size(), photo.size());
    if (withMetadata) {
        const imageio::Encoded plain =
            imageio::encode(photo, formatParams({{"quality", fitted.quality}}), suffix);
        QVERIFY(fitted.bytes.size() > plain.bytes.size() + 500); // the EXIF is in there
    }
}

void TestFormat::maxBytesAlreadyMet()
{
    const auto plain =
        imageio::encode(m_photo, formatParams({{"quality", 80}}), QStringLiteral("jpg"));
    const auto limited = imageio::encode(
        m_photo, formatParams({{"quality", 80}, {"max-bytes", int(plain.bytes.size())}}),
        QStringLiteral("jpg"));
    QVERIFY(!limited.error);
    QCOMPARE(limited.quality, 80);
    QCOMPARE(limited.bytes, plain.bytes);
}

void TestFormat::maxBytesUnreachableIsPermanent()
{
    const cv::Mat photo = m_photo(cv::Rect(300, 150, 640, 400));
    for (const QString &suffix : {QStringLiteral("jpg"), QStringLiteral("webp")}) {
        const auto enc = imageio::encode(photo, formatParams({{"max-bytes", 1000}}), suffix);
        QVERIFY(enc.error);
        QCOMPARE(enc.error->kind, ErrorKind::Permanent);
        const QString &msg = enc.error->message;
        QVERIFY2(msg.contains(QLatin1String("1000")) && msg.contains(QLatin1String("quality 10")),
                 qPrintable(msg));
        // It says how small the output got, so the user knows how far off the limit is.
        const auto q10 = imageio::encode(photo, formatParams({{"quality", 10}}), suffix);
        QVERIFY2(msg.contains(QString::number(q10.bytes.size())), qPrintable(msg));
        QVERIFY(!msg.contains(QLatin1String("metadata")));
    }
    // With metadata, it says how much of the file that is (here the Canon EXIF, XMP, IPTC and
    // ICC profile of the face photo, about 14 kB).
    const imageio::Metadata meta =
        imageio::readMetadata(pqtest::dataPath("face_filippo_giunchedi.jpg"));
    const auto enc =
        imageio::encode(photo, formatParams({{"max-bytes", 1000}}), QStringLiteral("jpg"), meta);
    QVERIFY(enc.error);
    const auto withMeta =
        imageio::encode(photo, formatParams({{"quality", 10}}), QStringLiteral("jpg"), meta);
    const auto without =
        imageio::encode(photo, formatParams({{"quality", 10}}), QStringLiteral("jpg"));
    const QString share = QString::number(withMeta.bytes.size() - without.bytes.size());
    QVERIFY2(enc.error->message.contains(share + QLatin1String(" of them metadata")) &&
                 enc.error->message.contains(QLatin1String("metadata=strip")),
             qPrintable(enc.error->message));
}

void TestFormat::maxBytesNeedsJpegOrLossyWebp()
{
    // type=auto passes validation; the output type is only known per input.
    const auto enc =
        imageio::encode(m_photo, formatParams({{"max-bytes", 100000}}), QStringLiteral("png"));
    QVERIFY(enc.error);
    QCOMPARE(enc.error->kind, ErrorKind::Permanent);
    QVERIFY2(enc.error->message.contains(QLatin1String("max-bytes")) &&
                 enc.error->message.contains(QLatin1String("PNG")),
             qPrintable(enc.error->message));
}

QTEST_GUILESS_MAIN(TestFormat)
#include "test_format.moc"
