#include "PngDecoder.h"

#ifdef PIXQUEUE_HAVE_LIBDEFLATE

#include <QtEndian>
#include <cstdint>
#include <cstring>
#include <libdeflate.h>
#include <limits>
#include <memory>
#include <opencv2/core.hpp>
#include <vector>

namespace pq::imageio::detail {

namespace {

quint32 be32(const uchar *p)
{
    return qFromBigEndian<quint32>(p);
}

struct Header
{
    quint32 width = 0;
    quint32 height = 0;
    int bitDepth = 0;
    int colorType = 0;
    int channels = 0;
};

// Samples per pixel for the colour types this path takes; 0 for the others.
int channelsOf(int colorType)
{
    switch (colorType) {
    case 0: // gray
        return 1;
    case 2: // RGB
        return 3;
    case 4: // gray + alpha
        return 2;
    case 6: // RGBA
        return 4;
    default: // 3 = palette: OpenCV's path
        return 0;
    }
}

struct DecompressorDeleter
{
    void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

// RGB(A) to OpenCV's BGR(A) and big-endian samples to host order, for one row of pixels.
void toOpenCvOrder(uchar *row, size_t width, int channels, int bitDepth)
{
    const size_t cn = size_t(channels);
    if (bitDepth == 16) {
        auto *s = reinterpret_cast<quint16 *>(row);
        if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN)
            for (size_t i = 0; i < width * cn; ++i)
                s[i] = qFromBigEndian(s[i]);
        if (cn >= 3)
            for (size_t p = 0; p < width; ++p)
                std::swap(s[p * cn], s[p * cn + 2]);
    } else if (cn >= 3) {
        for (size_t p = 0; p < width; ++p)
            std::swap(row[p * cn], row[p * cn + 2]);
    }
}

// Reverses the PNG row filters and packs the rows together, in one pass over `rows`: `height`
// rows of 1 filter byte + `rowBytes` become `height` rows of `rowBytes` at the start of the
// buffer. Row y is written y + 1 bytes before where it was read, so every byte is read before it
// is overwritten; the previous row, already unfiltered, sits just before it. Each row is put in
// OpenCV's order once the next row no longer needs its PNG values.
bool unfilterAndPack(uchar *rows, size_t height, size_t rowBytes, size_t bpp, size_t width,
                     int channels, int bitDepth)
{
    const size_t stride = rowBytes + 1;
    std::vector<uchar> zeros(rowBytes, 0);
    const uchar *prev = zeros.data();
    for (size_t y = 0; y < height; ++y) {
        const uchar *in = rows + y * stride + 1;
        const uchar filter = in[-1];
        uchar *out = rows + y * rowBytes;
        switch (filter) {
        case 0:
            std::memmove(out, in, rowBytes);
            break;
        case 1: // Sub
            for (size_t i = 0; i < bpp; ++i)
                out[i] = in[i];
            for (size_t i = bpp; i < rowBytes; ++i)
                out[i] = uchar(in[i] + out[i - bpp]);
            break;
        case 2: // Up
            for (size_t i = 0; i < rowBytes; ++i)
                out[i] = uchar(in[i] + prev[i]);
            break;
        case 3: // Average
            for (size_t i = 0; i < bpp; ++i)
                out[i] = uchar(in[i] + (prev[i] >> 1));
            for (size_t i = bpp; i < rowBytes; ++i)
                out[i] = uchar(in[i] + ((unsigned(out[i - bpp]) + prev[i]) >> 1));
            break;
        case 4: // Paeth
            for (size_t i = 0; i < bpp; ++i)
                out[i] = uchar(in[i] + prev[i]);
            for (size_t i = bpp; i < rowBytes; ++i) {
                const int a = out[i - bpp], b = prev[i], c = prev[i - bpp];
                const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
                const int pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
                out[i] = uchar(in[i] + pred);
            }
            break;
        default:
            return false; // not a PNG filter: corrupt
        }
        if (y > 0)
            toOpenCvOrder(out - rowBytes, width, channels, bitDepth);
        prev = out;
    }
    toOpenCvOrder(rows + (height - 1) * rowBytes, width, channels, bitDepth);
    return true;
}

} // namespace

std::optional<cv::Mat> decodePngFast(const QByteArray &bytes)
{
    static constexpr uchar kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const size_t size = size_t(bytes.size());
    if (size < 8 + 25 || std::memcmp(data, kSignature, 8) != 0)
        return std::nullopt;

    Header h;
    std::vector<uchar> idat;
    idat.reserve(size); // one allocation: the IDAT data is never larger than the file
    bool sawHeader = false, sawEnd = false;
    for (size_t pos = 8; pos + 12 <= size;) {
        const quint32 length = be32(data + pos);
        if (length > size - pos - 12)
            return std::nullopt; // truncated
        const uchar *type = data + pos + 4;
        const uchar *body = type + 4;
        const quint32 crc = be32(body + length);
        if (quint32(libdeflate_crc32(0, type, length + 4)) != crc)
            return std::nullopt; // OpenCV reports the corruption
        pos += 12 + size_t(length);

        if (std::memcmp(type, "IHDR", 4) == 0) {
            if (sawHeader || length != 13)
                return std::nullopt;
            sawHeader = true;
            h.width = be32(body);
            h.height = be32(body + 4);
            h.bitDepth = body[8];
            h.colorType = body[9];
            h.channels = channelsOf(h.colorType);
            const bool plain = body[10] == 0 && body[11] == 0 && body[12] == 0; // no Adam7
            if (!plain || h.channels == 0 || (h.bitDepth != 8 && h.bitDepth != 16) ||
                h.width == 0 || h.height == 0)
                return std::nullopt;
        } else if (!sawHeader) {
            return std::nullopt;
        } else if (std::memcmp(type, "IDAT", 4) == 0) {
            idat.insert(idat.end(), body, body + length);
        } else if (std::memcmp(type, "IEND", 4) == 0) {
            sawEnd = true;
            break;
        } else if (std::memcmp(type, "tRNS", 4) == 0 || std::memcmp(type, "PLTE", 4) == 0 ||
                   (type[0] & 0x20) == 0) {
            // Transparency and palettes change the output channels; an unknown critical chunk
            // (upper-case first letter) is for libpng to judge.
            return std::nullopt;
        }
        // Other ancillary chunks (gAMA, iCCP, eXIf, text...) do not change the pixels OpenCV
        // returns; metadata is read separately.
    }
    if (!sawHeader || !sawEnd || idat.empty())
        return std::nullopt;

    const size_t bytesPerSample = size_t(h.bitDepth / 8);
    const size_t bpp = size_t(h.channels) * bytesPerSample;
    const size_t rowBytes = size_t(h.width) * bpp;
    const size_t stride = rowBytes + 1;
    if (h.width > size_t(std::numeric_limits<int>::max()) / bpp ||
        h.height > std::numeric_limits<size_t>::max() / stride)
        return std::nullopt;
    const size_t inflatedSize = stride * h.height;
    const size_t elements = (inflatedSize + bytesPerSample - 1) / bytesPerSample;
    if (elements > size_t(std::numeric_limits<int>::max()))
        return std::nullopt;

    // One buffer serves as inflate target, unfilter workspace and, after the rows are moved
    // together, the image itself: no second full-size copy.
    cv::Mat storage(1, int(elements), h.bitDepth == 16 ? CV_16UC1 : CV_8UC1);
    uchar *rows = storage.data;

    static thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> inflater(
        libdeflate_alloc_decompressor());
    if (!inflater)
        return std::nullopt;
    size_t consumed = 0;
    if (libdeflate_zlib_decompress_ex(inflater.get(), idat.data(), idat.size(), rows, inflatedSize,
                                      &consumed, nullptr) != LIBDEFLATE_SUCCESS ||
        consumed != idat.size())
        return std::nullopt; // short, long or corrupt stream: libpng decides
    std::vector<uchar>().swap(idat);

    if (!unfilterAndPack(rows, h.height, rowBytes, bpp, h.width, h.channels, h.bitDepth))
        return std::nullopt;

    const size_t samples = size_t(h.width) * h.height * size_t(h.channels);
    cv::Mat image = storage.colRange(0, int(samples)).reshape(h.channels, int(h.height));
    if (h.channels == 2) { // gray + alpha: OpenCV returns gray, gray, gray, alpha
        cv::Mat bgra(image.rows, image.cols, CV_MAKETYPE(image.depth(), 4));
        const int fromTo[] = {0, 0, 0, 1, 0, 2, 1, 3};
        cv::mixChannels(&image, 1, &bgra, 1, fromTo, 4);
        return bgra;
    }
    return image;
}

} // namespace pq::imageio::detail

#else

namespace pq::imageio::detail {
std::optional<cv::Mat> decodePngFast(const QByteArray &)
{
    return std::nullopt;
}
} // namespace pq::imageio::detail

#endif
