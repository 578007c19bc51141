#pragma once
// Reading and writing image files. Any thread; no shared state.
//
// Files are read into memory with QFile and decoded with cv::imdecode (not cv::imread) so that
// non-ASCII paths work on every platform. EXIF orientation is applied on decode, so every image an
// operation sees is upright.

#include "ops/Operation.h"
#include "ops/ParamSpec.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>

namespace pq::imageio {

struct ImageHeader
{
    QString format;               // "jpeg", "png", "webp", "tiff", "bmp", "gif"; empty if unknown
    int width = 0;                // as stored
    int height = 0;               // as stored
    int orientation = 1;          // EXIF orientation 1..8 (1 when absent)
    cv::Size uprightSize() const; // width/height swapped for orientations 5..8
};

// Reads only the first bytes of the file (never the whole file) and parses the size and EXIF
// orientation for JPEG and PNG (and WebP, BMP, TIFF, GIF where cheap). Returns nullopt when the
// signature is unknown or the header is broken.
std::optional<ImageHeader> readHeader(const QString &path);
std::optional<ImageHeader> parseHeader(const QByteArray &leadingBytes);

// What decodeFile refuses before reading a whole file: decompression bombs (a small file that
// declares a huge image) and files too big to hold. Process-wide; set once at start (the CLI's
// --max-megapixels/--max-file-mb, the window's settings) before any decode, because OpenCV reads
// its own matching limit (OPENCV_IO_MAX_IMAGE_PIXELS) once, at its first decode.
struct DecodeLimits
{
    qint64 maxPixels = 100'000'000;     // 100 MP; a 16-bit RGBA image of that size is 800 MB
    qint64 maxFileBytes = 1024LL << 20; // 1 GiB
};
void setDecodeLimits(const DecodeLimits &limits);
DecodeLimits decodeLimits();

struct Decoded
{
    cv::Mat image;     // upright; 8/16-bit, 1/3/4 channels (alpha kept where present)
    int reduction = 1; // 1, 2, 4 or 8: the shrink-on-load factor actually applied
    QString format;    // detected from the content, not from the extension
    std::optional<Error> error;
};

// Decodes `path`. The file's size and the header's pixel count are checked against decodeLimits()
// first, from the first bytes only; animated WebP and multi-page TIFF are refused by name.
// `maxReduction` (1, 2, 4, 8) lets a JPEG be decoded at 1/2, 1/4 or 1/8 scale
// (IMREAD_REDUCED_*) in the DCT, which is much faster for thumbnails. Errors are permanent and
// human readable ("not an image: the file is empty", "the JPEG data is truncated or corrupt"),
// except read errors that may go away (transient).
Decoded decodeFile(const QString &path, int maxReduction = 1);

// The metadata of an input file that an output may carry on: EXIF, XMP, IPTC and the ICC colour
// profile. Read with exiv2; immutable once read and cheap to copy (the data is shared), so one
// value may be used by any thread.
struct MetadataContent;
struct Metadata
{
    std::shared_ptr<const MetadataContent> content; // null: nothing read
    bool isEmpty() const;
    bool hasExif() const;
    bool hasIccProfile() const;
};

// What the `format` operation's `metadata` parameter asks for.
//   keep:               EXIF, XMP, IPTC and the ICC profile are copied.
//   strip:              EXIF, XMP and IPTC are dropped. The ICC profile is dropped too when it is
//                       sRGB (untagged means sRGB), but kept otherwise: without it an Adobe RGB or
//                       Display P3 photo would show with wrong colours, and colour is not
//                       metadata about the photo.
//   keep-but-strip-gps: as keep, without the GPS position (Exif.GPSInfo.*, Xmp.exif.GPS*).
enum class MetadataPolicy
{
    Keep,
    Strip,
    KeepButStripGps
};
MetadataPolicy metadataPolicy(const Params &output); // from the `metadata` param, Keep if absent

// Reads the metadata of the file at `path` (any format exiv2 knows; BMP has none). Never fails:
// a file whose metadata cannot be parsed gives what could be read, and `warning` (if given) says
// why the rest is missing.
Metadata readMetadata(const QString &path, QString *warning = nullptr);

struct Encoded
{
    QByteArray bytes;
    std::optional<Error> error;
    int quality = 0; // JPEG/WebP: the quality used (lower than asked when max-bytes made it so)
};

// Encodes with the `format` operation's params (complete). `suffix` is the output extension
// decided at enqueue ("jpg", "png", "webp", "tif", "bmp"). Converts what the format cannot hold:
// alpha is flattened onto the `background` colour for JPEG/BMP, 16-bit becomes 8-bit for
// JPEG/WebP/BMP (PNG and TIFF keep 16 bits and alpha). `source` is the input's metadata, copied
// according to the `metadata` param (BMP cannot carry any). With `max-bytes` > 0 (JPEG and lossy
// WebP) the quality is lowered, by binary search between 10 and `quality`, to the highest one
// whose output (metadata included) fits; a permanent error says how small the output got when
// even quality 10 does not fit.
Encoded encode(const cv::Mat &image, const Params &output, const QString &suffix,
               const Metadata &source = {});

// Writes `source`'s metadata into the already encoded JPEG, PNG, WebP or TIFF `encoded`, whose
// pixels are `pixelSize` with `channels` channels, following `policy`. Because the pixels are
// always upright after decoding, the EXIF/XMP orientation becomes 1; the EXIF pixel dimensions
// are set to the output's and the EXIF thumbnail (a stale picture of the input) is removed. An
// ICC profile whose colour space does not match the output (a CMYK profile after the CMYK to
// RGB conversion of decoding, an RGB one on a grey output) is not copied. Returns `encoded`
// unchanged when there is nothing to write.
Encoded applyMetadata(const QByteArray &encoded, const Metadata &source, MetadataPolicy policy,
                      cv::Size pixelSize, int channels);

// Writes through a temporary file in the same folder and renames it into place (QSaveFile), so an
// interrupted write never leaves a half-written output. Creates missing folders. Errors say what
// failed and where: permission problems are permanent, a full disk is transient.
std::optional<Error> writeAtomically(const QString &path, const QByteArray &bytes);

// Removes what an interrupted writeAtomically(path) may have left next to `path`: QSaveFile's
// temporary "<name>.XXXXXX" (six letters or digits) where the system has no unnamed temporary
// files (Windows, macOS; Linux uses O_TMPFILE and leaves nothing). For jobs that run again after
// a crash; returns how many files were removed.
int removeStaleTemporaries(const QString &path);

// Lower-case extensions we can decode, without dots.
QStringList readableSuffixes();

} // namespace pq::imageio
