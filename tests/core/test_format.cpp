// format: the output encoder's parameters, and what the encoder does with them on a real photo:
// JPEG/WebP quality trades size for fidelity, PNG/TIFF/BMP are lossless, encoding is
// deterministic.

#include "ImageTestUtil.h"
#include "ops/Recipe.h"

#include <QTest>
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

QTEST_GUILESS_MAIN(TestFormat)
#include "test_format.moc"
