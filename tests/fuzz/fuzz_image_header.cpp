// Image headers (core/imageio: parseHeader / detail::parseDetails): JPEG markers, PNG chunks, WebP
// RIFF chunks, TIFF IFD0, BMP and GIF headers, read before any decode to refuse decompression
// bombs and to find the orientation.
//
// Invariants: no crash, leak or UB, no read outside the input, bounded work; an accepted header
// has a known format equal to the sniffed one, sides 1..2^30, orientation 1..8; a JPEG scan
// offset lies inside the input.

#include "FuzzSupport.h"
#include "imageio/HeaderParser.h"

using namespace pq;
using namespace pq::imageio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytes(data, size);
    const detail::BufferSource source(bytes);
    const auto details = detail::parseDetails(source);
    const auto header = parseHeader(bytes);
    if (details.has_value() != header.has_value())
        fuzz::fail("parseHeader and parseDetails disagree");
    if (!details)
        return 0;
    const ImageHeader &h = details->header;
    if (h.format.isEmpty() || h.format != detail::sniffFormat(bytes.left(12)))
        fuzz::fail("an accepted header's format is not the sniffed one", h.format);
    if (h.width < 1 || h.height < 1 || h.width > (1 << 30) || h.height > (1 << 30))
        fuzz::fail("an accepted header has impossible sides",
                   QStringLiteral("%1x%2").arg(h.width).arg(h.height));
    if (h.orientation < 1 || h.orientation > 8)
        fuzz::fail("orientation out of 1..8", QString::number(h.orientation));
    if (details->jpegScanOffset != -1 &&
        (h.format != QLatin1String("jpeg") || details->jpegScanOffset < 2 ||
         details->jpegScanOffset + 2 > bytes.size()))
        fuzz::fail("a JPEG scan offset outside the input",
                   QString::number(details->jpegScanOffset));
    if (header->width != h.width || header->height != h.height ||
        header->orientation != h.orientation)
        fuzz::fail("parseHeader and parseDetails read different headers");
    return 0;
}
