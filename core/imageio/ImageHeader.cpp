// Header parsing: size and EXIF orientation from the first bytes of a file, without decoding.
//
// Every read goes through ByteSource::read, which checks the range, so a truncated or hostile file
// can make a parser give up (nullopt) but never read out of bounds. Loops are bounded too, so a
// file of nothing but tiny chunks cannot keep a worker busy.

#include "HeaderParser.h"

#include <QFile>
#include <cstdint>

namespace pq::imageio {

cv::Size ImageHeader::uprightSize() const
{
    return orientation >= 5 && orientation <= 8 ? cv::Size(height, width) : cv::Size(width, height);
}

namespace detail {

bool BufferSource::read(qint64 offset, qint64 length, QByteArray *out) const
{
    if (offset < 0 || length < 0 || offset > m_bytes.size() || length > m_bytes.size() - offset)
        return false;
    *out = m_bytes.mid(offset, length);
    return true;
}

namespace {

constexpr qint64 kHeadBytes = 256 * 1024;   // what readHeader reads up front
constexpr qint64 kMaxExtraReads = 512;      // seeks past the head a file may cost us
constexpr qint64 kMaxSegment = 1024 * 1024; // no header structure we parse is larger

// A file: the first kHeadBytes are read once; later ranges (a JPEG whose SOF sits behind a big
// ICC profile, a TIFF whose IFD is at the end) are read on demand, a bounded number of times.
class FileSource final : public ByteSource
{
public:
    explicit FileSource(const QString &path)
        : m_file(path)
    {
        if (m_file.open(QIODevice::ReadOnly))
            m_head = m_file.read(kHeadBytes);
    }
    const QByteArray &head() const { return m_head; }

    bool read(qint64 offset, qint64 length, QByteArray *out) const override
    {
        if (offset < 0 || length < 0 || length > kMaxSegment)
            return false;
        if (offset <= m_head.size() && length <= m_head.size() - offset) {
            *out = m_head.mid(offset, length);
            return true;
        }
        if (!m_file.isOpen() || ++m_extraReads > kMaxExtraReads || !m_file.seek(offset))
            return false;
        *out = m_file.read(length);
        return out->size() == length;
    }

private:
    mutable QFile m_file;
    mutable qint64 m_extraReads = 0;
    QByteArray m_head;
};

quint16 u16(const QByteArray &b, qsizetype i, bool bigEndian)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData()) + i;
    return bigEndian ? quint16(p[0] << 8 | p[1]) : quint16(p[1] << 8 | p[0]);
}

quint32 u32(const QByteArray &b, qsizetype i, bool bigEndian)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData()) + i;
    return bigEndian ? quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3]
                     : quint32(p[3]) << 24 | quint32(p[2]) << 16 | quint32(p[1]) << 8 | p[0];
}

quint32 u24le(const QByteArray &b, qsizetype i)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData()) + i;
    return quint32(p[2]) << 16 | quint32(p[1]) << 8 | p[0];
}

uchar byteAt(const QByteArray &b, qsizetype i)
{
    return static_cast<uchar>(b.at(i));
}

// A view of `source` shifted by `base`: TIFF offsets inside a JPEG APP1 or a WebP EXIF chunk are
// relative to the start of the embedded TIFF header.
class OffsetSource final : public ByteSource
{
public:
    OffsetSource(const ByteSource &inner, qint64 base, qint64 limit)
        : m_inner(inner)
        , m_base(base)
        , m_limit(limit)
    {}
    bool read(qint64 offset, qint64 length, QByteArray *out) const override
    {
        if (offset < 0 || length < 0 || offset > m_limit || length > m_limit - offset)
            return false;
        return m_inner.read(m_base + offset, length, out);
    }

private:
    const ByteSource &m_inner;
    qint64 m_base;
    qint64 m_limit;
};

struct TiffInfo
{
    quint32 width = 0;
    quint32 height = 0;
    int orientation = 1;
    bool morePages = false; // a next IFD follows IFD0 (in a TIFF file: another page)
};

// Parses IFD0 of a TIFF structure (a TIFF file or an Exif block) starting at offset 0 of `src`.
std::optional<TiffInfo> parseTiffIfd0(const ByteSource &src)
{
    QByteArray head;
    if (!src.read(0, 8, &head))
        return std::nullopt;
    bool be = false;
    if (head.startsWith("MM"))
        be = true;
    else if (!head.startsWith("II"))
        return std::nullopt;
    if (u16(head, 2, be) != 42) // 43 is BigTIFF: not worth a parser of its own here
        return std::nullopt;
    const quint32 ifd = u32(head, 4, be);
    QByteArray countBytes;
    if (ifd < 8 || !src.read(ifd, 2, &countBytes))
        return std::nullopt;
    const quint16 count = u16(countBytes, 0, be);
    QByteArray entries;
    if (count == 0 || !src.read(ifd + 2, qint64(count) * 12, &entries))
        return std::nullopt;
    TiffInfo info;
    QByteArray next;
    if (src.read(ifd + 2 + qint64(count) * 12, 4, &next))
        info.morePages = u32(next, 0, be) != 0;
    for (int i = 0; i < count; ++i) {
        const qsizetype e = qsizetype(i) * 12;
        const quint16 tag = u16(entries, e, be);
        const quint16 type = u16(entries, e + 2, be);
        const quint32 n = u32(entries, e + 4, be);
        if (n != 1)
            continue;
        // A single SHORT sits in the first two bytes of the value field in either byte order.
        quint32 value = 0;
        if (type == 3) // SHORT
            value = u16(entries, e + 8, be);
        else if (type == 4) // LONG
            value = u32(entries, e + 8, be);
        else
            continue;
        switch (tag) {
        case 0x0100:
            info.width = value;
            break;
        case 0x0101:
            info.height = value;
            break;
        case 0x0112:
            info.orientation = value >= 1 && value <= 8 ? int(value) : 1;
            break;
        default:
            break;
        }
    }
    return info;
}

} // namespace

int exifOrientation(const ByteSource &source, qint64 offset, qint64 length)
{
    QByteArray prefix;
    if (length >= 6 && source.read(offset, 6, &prefix) && prefix == QByteArray("Exif\0\0", 6)) {
        offset += 6;
        length -= 6;
    }
    const OffsetSource tiff(source, offset, length);
    const auto info = parseTiffIfd0(tiff);
    return info ? info->orientation : 1;
}

namespace {

std::optional<HeaderDetails> finish(const QString &format, quint64 w, quint64 h, int orientation)
{
    // Both OpenCV and the formats themselves cap sides well below this; anything larger is junk.
    constexpr quint64 kMaxSide = 1u << 30;
    if (w == 0 || h == 0 || w > kMaxSide || h > kMaxSide)
        return std::nullopt;
    HeaderDetails d;
    d.header.format = format;
    d.header.width = int(w);
    d.header.height = int(h);
    d.header.orientation = orientation;
    return d;
}

std::optional<HeaderDetails> parseJpeg(const ByteSource &src)
{
    qint64 pos = 2; // after SOI
    int orientation = 1;
    bool haveExif = false;
    std::optional<HeaderDetails> result;
    for (int guard = 0; guard < 4096; ++guard) {
        QByteArray m;
        if (!src.read(pos, 2, &m))
            return result; // truncated: whatever we have (the size, if SOF was seen)
        if (byteAt(m, 0) != 0xFF)
            return result; // garbage between segments
        const uchar marker = byteAt(m, 1);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { // no length field
            pos += 2;
            continue;
        }
        if (marker == 0xD9) // EOI before any scan
            return result;
        QByteArray lenBytes;
        if (!src.read(pos + 2, 2, &lenBytes))
            return result;
        const quint16 len = u16(lenBytes, 0, true);
        if (len < 2)
            return result;
        const qint64 payload = pos + 4;
        const qint64 payloadLen = len - 2;
        if (marker == 0xDA) { // SOS: the header part is over
            if (result)
                result->jpegScanOffset = pos;
            return result;
        }
        if (marker == 0xE1 && !haveExif && payloadLen > 14) {
            QByteArray sig;
            if (src.read(payload, 6, &sig) && sig == QByteArray("Exif\0\0", 6)) {
                haveExif = true;
                orientation = exifOrientation(src, payload, payloadLen);
                if (result)
                    result->header.orientation = orientation;
            }
        }
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
        const bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && !result) {
            QByteArray sofBytes;
            if (payloadLen < 6 || !src.read(payload, 6, &sofBytes))
                return std::nullopt;
            result = finish(QStringLiteral("jpeg"), u16(sofBytes, 3, true), u16(sofBytes, 1, true),
                            orientation);
            if (!result)
                return std::nullopt;
        }
        pos += 2 + len;
    }
    return result;
}

std::optional<HeaderDetails> parsePng(const ByteSource &src)
{
    QByteArray ihdr;
    if (!src.read(8, 25, &ihdr) || u32(ihdr, 0, true) != 13 || !ihdr.mid(4, 4).startsWith("IHDR"))
        return std::nullopt;
    const quint32 w = u32(ihdr, 8, true);
    const quint32 h = u32(ihdr, 12, true);
    if (w > 0x7FFFFFFF || h > 0x7FFFFFFF)
        return std::nullopt;
    // eXIf must precede the image data; stop there so a big PNG costs no more than a few reads.
    int orientation = 1;
    qint64 pos = 8 + 25;
    for (int guard = 0; guard < 1024; ++guard) {
        QByteArray chunk;
        if (!src.read(pos, 8, &chunk))
            break;
        const quint32 len = u32(chunk, 0, true);
        const QByteArray type = chunk.mid(4, 4);
        if (type == "IDAT" || type == "IEND" || len > 0x7FFFFFFF)
            break;
        if (type == "eXIf") {
            orientation = exifOrientation(src, pos + 8, len);
            break;
        }
        pos += 12 + qint64(len);
    }
    return finish(QStringLiteral("png"), w, h, orientation);
}

std::optional<HeaderDetails> parseWebp(const ByteSource &src)
{
    quint64 w = 0;
    quint64 h = 0;
    bool wantExif = false;
    bool animated = false;
    int orientation = 1;
    qint64 pos = 12;
    for (int guard = 0; guard < 1024; ++guard) {
        QByteArray chunk;
        if (!src.read(pos, 8, &chunk))
            break;
        const QByteArray fourcc = chunk.left(4);
        const quint32 len = u32(chunk, 4, false);
        const qint64 payload = pos + 8;
        QByteArray p;
        if (w == 0 && fourcc == "VP8X") {
            if (!src.read(payload, 10, &p))
                return std::nullopt;
            wantExif = byteAt(p, 0) & 0x08;
            animated = byteAt(p, 0) & 0x02;
            w = u24le(p, 4) + 1ull;
            h = u24le(p, 7) + 1ull;
            if (!wantExif)
                break;
        } else if (w == 0 && fourcc == "VP8 ") {
            // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height
            if (!src.read(payload, 10, &p) || byteAt(p, 3) != 0x9D || byteAt(p, 4) != 0x01 ||
                byteAt(p, 5) != 0x2A)
                return std::nullopt;
            w = u16(p, 6, false) & 0x3FFF;
            h = u16(p, 8, false) & 0x3FFF;
            break;
        } else if (w == 0 && fourcc == "VP8L") {
            if (!src.read(payload, 5, &p) || byteAt(p, 0) != 0x2F)
                return std::nullopt;
            const quint32 bits = u32(p, 1, false);
            w = (bits & 0x3FFF) + 1;
            h = ((bits >> 14) & 0x3FFF) + 1;
            break;
        } else if (fourcc == "EXIF" && wantExif) {
            orientation = exifOrientation(src, payload, len);
            break;
        }
        pos = payload + len + (len & 1); // chunks are padded to an even size
    }
    auto details = finish(QStringLiteral("webp"), w, h, orientation);
    if (details)
        details->animated = animated;
    return details;
}

std::optional<HeaderDetails> parseBmp(const ByteSource &src)
{
    QByteArray b;
    if (!src.read(14, 12, &b))
        return std::nullopt;
    const quint32 dibSize = u32(b, 0, false);
    if (dibSize == 12) // BITMAPCOREHEADER: 16-bit sides
        return finish(QStringLiteral("bmp"), u16(b, 4, false), u16(b, 6, false), 1);
    if (dibSize < 16)
        return std::nullopt;
    const auto w = qint32(u32(b, 4, false));
    const auto h = qint32(u32(b, 8, false)); // negative: rows stored top-down
    if (w <= 0 || h == 0 || h == INT32_MIN)
        return std::nullopt;
    return finish(QStringLiteral("bmp"), quint64(w), quint64(h < 0 ? -qint64(h) : h), 1);
}

std::optional<HeaderDetails> parseGif(const ByteSource &src)
{
    QByteArray b;
    if (!src.read(6, 4, &b))
        return std::nullopt;
    return finish(QStringLiteral("gif"), u16(b, 0, false), u16(b, 2, false), 1);
}

std::optional<HeaderDetails> parseTiff(const ByteSource &src)
{
    const auto info = parseTiffIfd0(src);
    if (!info)
        return std::nullopt;
    auto details = finish(QStringLiteral("tiff"), info->width, info->height, info->orientation);
    if (details)
        details->multiPage = info->morePages;
    return details;
}

} // namespace

QString sniffFormat(const QByteArray &b)
{
    if (b.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("jpeg");
    if (b.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("png");
    if (b.size() >= 12 && b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return QStringLiteral("webp");
    if (b.startsWith(QByteArray("II*\0", 4)) || b.startsWith(QByteArray("MM\0*", 4)) ||
        b.startsWith(QByteArray("II+\0", 4)) || b.startsWith(QByteArray("MM\0+", 4)))
        return QStringLiteral("tiff");
    if (b.startsWith("BM"))
        return QStringLiteral("bmp");
    if (b.startsWith("GIF87a") || b.startsWith("GIF89a"))
        return QStringLiteral("gif");
    return {};
}

std::optional<HeaderDetails> parseDetails(const ByteSource &source)
{
    QByteArray lead;
    if (!source.read(0, 12, &lead) && !source.read(0, 6, &lead) && !source.read(0, 4, &lead))
        return std::nullopt;
    const QString format = sniffFormat(lead);
    if (format == QLatin1String("jpeg"))
        return parseJpeg(source);
    if (format == QLatin1String("png"))
        return parsePng(source);
    if (format == QLatin1String("webp"))
        return parseWebp(source);
    if (format == QLatin1String("tiff"))
        return parseTiff(source);
    if (format == QLatin1String("bmp"))
        return parseBmp(source);
    if (format == QLatin1String("gif"))
        return parseGif(source);
    return std::nullopt;
}

} // namespace detail

std::optional<ImageHeader> parseHeader(const QByteArray &leadingBytes)
{
    const detail::BufferSource source(leadingBytes);
    if (auto d = detail::parseDetails(source))
        return d->header;
    return std::nullopt;
}

std::optional<ImageHeader> readHeader(const QString &path)
{
    const detail::FileSource source(path);
    if (source.head().isEmpty())
        return std::nullopt;
    if (auto d = detail::parseDetails(source))
        return d->header;
    return std::nullopt;
}

} // namespace pq::imageio
