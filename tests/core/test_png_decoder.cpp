// The PNG fast path (imageio/PngDecoder) must give exactly what OpenCV's libpng decoder gives, or
// step aside. Golden check: every case is decoded both ways and compared pixel for pixel. The
// PNGs are real photos from tests/data, photos re-encoded by OpenCV in every layout the fast path
// takes, and PNGs written here by hand with one chosen row filter each (so Sub, Up, Average and
// Paeth are each proven for every pixel size), plus the cases it must refuse.

#include "ImageTestUtil.h"
#include "imageio/ImageIO.h"
#include "imageio/PngDecoder.h"

#include <QFile>
#include <QTest>
#include <QtEndian>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#ifdef PIXQUEUE_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

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

QByteArray cvEncodePng(const cv::Mat &img)
{
    std::vector<uchar> buf;
    if (!cv::imencode(".png", img, buf))
        qFatal("imencode failed");
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

cv::Mat cvDecode(const QByteArray &bytes)
{
    const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    return cv::imdecode(raw, cv::IMREAD_UNCHANGED);
}

// Same type, same size, no pixel different.
bool identical(const cv::Mat &a, const cv::Mat &b)
{
    if (a.type() != b.type() || a.size() != b.size())
        return false;
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    return cv::countNonZero(diff.reshape(1)) == 0;
}

#ifdef PIXQUEUE_HAVE_LIBDEFLATE
void appendChunk(QByteArray &png, const char *type, const QByteArray &body)
{
    uchar len[4];
    qToBigEndian<quint32>(quint32(body.size()), len);
    png.append(reinterpret_cast<const char *>(len), 4);
    const QByteArray typed = QByteArray(type, 4) + body;
    png.append(typed);
    uchar crc[4];
    qToBigEndian<quint32>(quint32(libdeflate_crc32(0, typed.constData(), size_t(typed.size()))),
                          crc);
    png.append(reinterpret_cast<const char *>(crc), 4);
}

int paeth(int a, int b, int c)
{
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
}

// A PNG of `samples` (big-endian bytes per row already laid out as PNG wants them) where every row
// uses `filter`; `colorType`/`depth` as in IHDR.
QByteArray handWrittenPng(int width, int height, int colorType, int depth, int channels,
                          const std::vector<uchar> &raw, int filter, bool interlaced = false)
{
    const size_t bpp = size_t(std::max(1, channels * depth / 8));
    const size_t rowBytes = (size_t(width) * size_t(channels * depth) + 7) / 8;
    std::vector<uchar> filtered;
    for (int y = 0; y < height; ++y) {
        const uchar *cur = raw.data() + size_t(y) * rowBytes;
        const uchar *prev = y > 0 ? cur - rowBytes : nullptr;
        filtered.push_back(uchar(filter));
        for (size_t i = 0; i < rowBytes; ++i) {
            const int a = i >= bpp ? cur[i - bpp] : 0, b = prev ? prev[i] : 0,
                      c = (prev && i >= bpp) ? prev[i - bpp] : 0;
            const int pred = filter == 1   ? a
                             : filter == 2 ? b
                             : filter == 3 ? (a + b) / 2
                             : filter == 4 ? paeth(a, b, c)
                                           : 0;
            filtered.push_back(uchar(cur[i] - pred));
        }
    }
    libdeflate_compressor *c = libdeflate_alloc_compressor(6);
    QByteArray z(int(libdeflate_zlib_compress_bound(c, filtered.size())), '\0');
    z.resize(int(
        libdeflate_zlib_compress(c, filtered.data(), filtered.size(), z.data(), size_t(z.size()))));
    libdeflate_free_compressor(c);

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(quint32(width), ihdr.data());
    qToBigEndian<quint32>(quint32(height), ihdr.data() + 4);
    ihdr[8] = char(depth);
    ihdr[9] = char(colorType);
    ihdr[12] = char(interlaced ? 1 : 0);
    appendChunk(png, "IHDR", ihdr);
    // Two IDAT chunks: the stream may be split anywhere.
    appendChunk(png, "IDAT", z.left(z.size() / 2));
    appendChunk(png, "IDAT", z.mid(z.size() / 2));
    appendChunk(png, "IEND", {});
    return png;
}
#endif

} // namespace

class TestPngDecoder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
#ifndef PIXQUEUE_HAVE_LIBDEFLATE
        QSKIP("built without libdeflate: the PNG fast path is off");
#endif
    }

    void realPhotos_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("gray") << QStringLiteral("gray_cameraman_cc0.png");
        QTest::newRow("rgb") << QStringLiteral("teeth_astronaut_eileen_collins.png");
        QTest::newRow("redeye") << QStringLiteral("redeye_boldredeye.png");
    }
    void realPhotos()
    {
        QFETCH(QString, file);
        const QByteArray bytes = readAll(dataPath(file));
        const std::optional<cv::Mat> fast = imageio::detail::decodePngFast(bytes);
        QVERIFY2(fast, "the fast path should take this PNG");
        QVERIFY(identical(*fast, cvDecode(bytes)));
    }

    // A real photo re-encoded by libpng (through OpenCV) in each layout the fast path takes.
    void reencodedLayouts_data()
    {
        QTest::addColumn<int>("layout");
        for (int i = 0; i < 8; ++i)
            QTest::newRow(qPrintable(QString::number(i))) << i;
    }
    void reencodedLayouts()
    {
        QFETCH(int, layout);
        cv::Mat photo =
            cv::imread(dataPath(QStringLiteral("face_filippo_giunchedi.jpg")).toStdString());
        QVERIFY(!photo.empty());
        cv::Mat img;
        const bool sixteen = layout >= 4;
        const int kind = layout % 4;
        if (kind == 0)
            cv::cvtColor(photo, img, cv::COLOR_BGR2GRAY);
        else if (kind == 1)
            img = photo;
        else if (kind == 2) { // BGRA with a real gradient alpha
            cv::cvtColor(photo, img, cv::COLOR_BGR2BGRA);
            for (int y = 0; y < img.rows; ++y)
                for (int x = 0; x < img.cols; ++x)
                    img.at<cv::Vec4b>(y, x)[3] = uchar((x * 255) / img.cols);
        } else { // odd width: row padding and unaligned rows
            img = photo(cv::Rect(0, 0, 333, 201)).clone();
        }
        if (sixteen)
            img.convertTo(img, CV_16U, 257.0, 3);
        const QByteArray bytes = cvEncodePng(img);
        const std::optional<cv::Mat> fast = imageio::detail::decodePngFast(bytes);
        QVERIFY(fast);
        QVERIFY(identical(*fast, cvDecode(bytes)));
        QVERIFY(identical(*fast, img));
    }

#ifdef PIXQUEUE_HAVE_LIBDEFLATE
    // Every filter type with every pixel size: gray, gray+alpha, RGB, RGBA at 8 and 16 bits.
    void everyFilter_data()
    {
        QTest::addColumn<int>("colorType");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("filter");
        const std::pair<int, const char *> types[] = {
            {0, "gray"}, {4, "graya"}, {2, "rgb"}, {6, "rgba"}};
        for (const auto &[type, name] : types)
            for (int depth : {8, 16})
                for (int filter = 0; filter <= 4; ++filter)
                    QTest::newRow(qPrintable(QStringLiteral("%1-%2-f%3")
                                                 .arg(QLatin1String(name))
                                                 .arg(depth)
                                                 .arg(filter)))
                        << type << depth << filter;
    }
    void everyFilter()
    {
        QFETCH(int, colorType);
        QFETCH(int, depth);
        QFETCH(int, filter);
        const int channels = colorType == 0 ? 1 : colorType == 4 ? 2 : colorType == 2 ? 3 : 4;
        // Real photo content, so predictions are neither trivially right nor wrong.
        cv::Mat photo =
            cv::imread(dataPath(QStringLiteral("teeth_katherine_maher.jpg")).toStdString());
        QVERIFY(!photo.empty());
        const int w = 97, h = 61;
        std::vector<uchar> raw;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < channels; ++c) {
                    const uchar v = photo.at<cv::Vec3b>(y * 3, x * 3)[c % 3];
                    raw.push_back(v);
                    if (depth == 16)
                        raw.push_back(uchar(v ^ (x * 7 + c)));
                }
        const QByteArray bytes = handWrittenPng(w, h, colorType, depth, channels, raw, filter);
        const cv::Mat reference = cvDecode(bytes);
        QVERIFY(!reference.empty());
        const std::optional<cv::Mat> fast = imageio::detail::decodePngFast(bytes);
        QVERIFY(fast);
        QVERIFY(identical(*fast, reference));
    }

    // What the fast path must leave to libpng: it returns nothing and decodeFile still decides.
    void refusals()
    {
        cv::Mat photo =
            cv::imread(dataPath(QStringLiteral("face_filippo_giunchedi.jpg")).toStdString());
        const QByteArray good = cvEncodePng(photo(cv::Rect(0, 0, 64, 48)).clone());
        QVERIFY(imageio::detail::decodePngFast(good));

        QByteArray badCrc = good;
        badCrc[badCrc.size() - 20] = char(badCrc[badCrc.size() - 20] ^ 0x55); // inside IDAT
        QVERIFY(!imageio::detail::decodePngFast(badCrc));

        QVERIFY(!imageio::detail::decodePngFast(good.left(good.size() - 30))); // truncated
        QVERIFY(!imageio::detail::decodePngFast(good.left(good.size() - 12))); // no IEND
        QVERIFY(!imageio::detail::decodePngFast(QByteArray("\x89PNG\r\n\x1a\n", 8)));
        QVERIFY(!imageio::detail::decodePngFast(QByteArray()));

        std::vector<uchar> raw(16 * 8 * 3, 100);
        QVERIFY(imageio::detail::decodePngFast(handWrittenPng(16, 8, 2, 8, 3, raw, 1)));
        QVERIFY(!imageio::detail::decodePngFast(handWrittenPng(16, 8, 2, 8, 3, raw, 1, true)));
        QVERIFY(!imageio::detail::decodePngFast(
            handWrittenPng(16, 8, 2, 8, 3, raw, 5))); // no such filter

        // Fewer than 8 bits per sample (libpng expands them) goes to OpenCV.
        std::vector<uchar> pal(8 * 8 / 2, 0x12);
        QVERIFY(!imageio::detail::decodePngFast(handWrittenPng(8, 8, 0, 4, 1, pal, 0)));
    }
#endif

    // Through decodeFile: the fast path and the fallback give the same image, and a corrupt PNG
    // still fails with OpenCV's verdict.
    void throughDecodeFile()
    {
        const QString path = dataPath(QStringLiteral("teeth_astronaut_eileen_collins.png"));
        const imageio::Decoded decoded = imageio::decodeFile(path);
        QVERIFY(!decoded.error);
        QVERIFY(identical(decoded.image, cv::imread(path.toStdString(), cv::IMREAD_UNCHANGED)));
    }
};

QTEST_GUILESS_MAIN(TestPngDecoder)
#include "test_png_decoder.moc"
