#pragma once
// Reading and writing image files. Any thread; no shared state.
//
// Files are read into memory with QFile and decoded with cv::imdecode (not cv::imread) so that
// non-ASCII paths work on every platform. EXIF orientation is applied on decode, so every image an
// operation sees is upright.

#include "ops/Operation.h"
#include "ops/ParamSpec.h"

#include <opencv2/core.hpp>

#include <QByteArray>
#include <QString>

#include <optional>

namespace pq::imageio {

struct ImageHeader
{
    QString format;      // "jpeg", "png", "webp", "tiff", "bmp", "gif"; empty if unknown
    int width = 0;       // as stored
    int height = 0;      // as stored
    int orientation = 1; // EXIF orientation 1..8 (1 when absent)
    cv::Size uprightSize() const; // width/height swapped for orientations 5..8
};

// Reads only the first bytes of the file (never the whole file) and parses the size and EXIF
// orientation for JPEG and PNG (and WebP, BMP, TIFF, GIF where cheap). Returns nullopt when the
// signature is unknown or the header is broken.
std::optional<ImageHeader> readHeader(const QString &path);
std::optional<ImageHeader> parseHeader(const QByteArray &leadingBytes);

struct Decoded
{
    cv::Mat image;    // upright; 8/16-bit, 1/3/4 channels (alpha kept where present)
    int reduction = 1; // 1, 2, 4 or 8: the shrink-on-load factor actually applied
    QString format;   // detected from the content, not from the extension
    std::optional<Error> error;
};

// Decodes `path`. `maxReduction` (1, 2, 4, 8) lets a JPEG be decoded at 1/2, 1/4 or 1/8 scale
// (IMREAD_REDUCED_*) in the DCT, which is much faster for thumbnails. Errors are permanent and
// human readable ("not an image: the file is empty", "the JPEG data is truncated or corrupt"),
// except read errors that may go away (transient).
Decoded decodeFile(const QString &path, int maxReduction = 1);

struct Encoded
{
    QByteArray bytes;
    std::optional<Error> error;
};

// Encodes with the `format` operation's params (complete). `suffix` is the output extension
// decided at enqueue ("jpg", "png", "webp", "tif", "bmp"). Converts what the format cannot hold:
// alpha is flattened onto white for JPEG/BMP, 16-bit becomes 8-bit for JPEG/WebP/BMP.
Encoded encode(const cv::Mat &image, const Params &output, const QString &suffix);

// Writes through a temporary file in the same folder and renames it into place (QSaveFile), so an
// interrupted write never leaves a half-written output. Creates missing folders. Errors say what
// failed and where: permission problems are permanent, a full disk is transient.
std::optional<Error> writeAtomically(const QString &path, const QByteArray &bytes);

// Lower-case extensions we can decode, without dots.
QStringList readableSuffixes();

} // namespace pq::imageio
