// EXIF orientation on raw bytes (core/imageio/HeaderParser.h: exifOrientation, the TIFF IFD0
// reader behind every format's orientation), alone and wrapped the way each container carries it:
// a JPEG APP1 segment, a PNG eXIf chunk and a WebP EXIF chunk, read by parseHeader. Decoding
// rotates by this value, and it decides whether width and height swap.
//
// Input: an Exif payload, with or without the "Exif\0\0" prefix.
//
// Invariants: no crash, leak or UB, no read outside the input; the orientation is always 1..8;
// every container gives the orientation the payload has; uprightSize swaps exactly for 5..8.

#include "FuzzSupport.h"
#include "imageio/HeaderParser.h"

#include <QtEndian>

using namespace pq;
using namespace pq::imageio;

namespace {

QByteArray be16(quint16 v)
{
    QByteArray b(2, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

void checkHeader(const char *container, const QByteArray &file, int expected)
{
    const auto header = parseHeader(file);
    if (!header)
        fuzz::fail("a well-formed container around an Exif payload is refused", container);
    if (header->orientation != expected)
        fuzz::fail("a container reads another orientation than its Exif payload",
                   QStringLiteral("%1: %2 instead of %3")
                       .arg(QLatin1String(container))
                       .arg(header->orientation)
                       .arg(expected));
    const cv::Size upright = header->uprightSize();
    const bool swapped = expected >= 5;
    if (upright != (swapped ? cv::Size(header->height, header->width)
                            : cv::Size(header->width, header->height)))
        fuzz::fail("uprightSize does not follow the orientation", container);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray payload = fuzz::bytes(data, size);
    const int orientation =
        detail::exifOrientation(detail::BufferSource(payload), 0, payload.size());
    if (orientation < 1 || orientation > 8)
        fuzz::fail("EXIF orientation out of 1..8", QString::number(orientation));

    const bool prefixed = payload.startsWith(QByteArray("Exif\0\0", 6));
    const QByteArray exif = prefixed ? payload : QByteArray("Exif\0\0", 6) + payload;
    // A JPEG segment holds at most 65533 payload bytes, and the JPEG parser looks at an APP1 only
    // when it is longer than 14 bytes.
    if (exif.size() > 14 && exif.size() <= 65533) {
        QByteArray jpeg("\xFF\xD8", 2);
        jpeg += QByteArray("\xFF\xE1", 2) + be16(quint16(exif.size() + 2)) + exif;
        // SOF0: precision 8, 480 rows, 640 columns, 3 components
        jpeg += QByteArray("\xFF\xC0\x00\x11\x08\x01\xE0\x02\x80\x03", 10) + QByteArray(9, '\x01');
        jpeg += QByteArray("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10);
        checkHeader("jpeg", jpeg, orientation);
    }

    QByteArray png("\x89PNG\r\n\x1A\n", 8);
    png +=
        be32(13) + "IHDR" + be32(640) + be32(480) + QByteArray("\x08\x02\x00\x00\x00", 5) + be32(0);
    png += be32(quint32(payload.size())) + "eXIf" + payload + be32(0);
    png += be32(0) + "IDAT" + be32(0);
    checkHeader("png", png, orientation);

    QByteArray webp;
    webp += "VP8X" + le32(10) + QByteArray("\x08\0\0\0", 4) + QByteArray("\x7F\x02\0\xDF\x01\0", 6);
    webp += "EXIF" + le32(quint32(payload.size())) + payload;
    if (payload.size() % 2)
        webp += '\0';
    webp = "RIFF" + le32(quint32(webp.size() + 4)) + "WEBP" + webp;
    checkHeader("webp", webp, orientation);
    return 0;
}
