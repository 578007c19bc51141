#pragma once
// Internal to core/imageio: the container parsers behind readHeader/parseHeader, shared with
// decodeFile, which needs a little more than ImageHeader carries (where the JPEG scan starts, the
// format even when the header is broken). Not part of the public interface.

#include "ImageIO.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace pq::imageio::detail {

// Random access to the bytes of an image: an in-memory buffer, or a file read piecewise so that
// readHeader can skip over large segments (ICC profiles, image data) without reading them.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Copies `length` bytes at `offset` into `out`. Returns false when the range is not entirely
    // available (past the end, or an I/O error); `out` is then unspecified.
    virtual bool read(qint64 offset, qint64 length, QByteArray *out) const = 0;
};

class BufferSource final : public ByteSource
{
public:
    explicit BufferSource(const QByteArray &bytes)
        : m_bytes(bytes)
    {}
    bool read(qint64 offset, qint64 length, QByteArray *out) const override;

private:
    const QByteArray &m_bytes;
};

// The format named by the leading signature bytes ("jpeg", "png", "webp", "tiff", "bmp", "gif"),
// or an empty string. Needs at most 12 bytes.
QString sniffFormat(const QByteArray &leadingBytes);

// EXIF orientation 1..8 (1 when absent or broken) from an Exif payload (a TIFF structure) at
// [offset, offset + length) of `source`; tolerates the "Exif\0\0" prefix that JPEG requires and
// some WebP writers copy. Only IFD0 is read.
int exifOrientation(const ByteSource &source, qint64 offset, qint64 length);

struct HeaderDetails
{
    ImageHeader header;
    // JPEG only: offset of the first SOS marker when it was reached, else -1. Everything after it
    // is entropy-coded data, where the end-of-image marker FFD9 cannot occur by accident.
    qint64 jpegScanOffset = -1;
    // Several images in one file: an animated WebP (VP8X animation flag), a TIFF with more than
    // one IFD (pages). PixQueue processes still, single images and refuses these by name.
    bool animated = false;
    bool multiPage = false;
};

std::optional<HeaderDetails> parseDetails(const ByteSource &source);

} // namespace pq::imageio::detail
