// Decoding, encoding and atomic writing. See ImageIO.h for the contract; the comments here say
// why things are done the way they are.

#include "ImageIO.h"

#include "HeaderParser.h"
#include "JpegWriter.h"
#include "PngDecoder.h"
#include "ops/ParamValues.h"
#include "platform/Platform.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <atomic>
#include <new>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace pq::imageio {

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Decoded decodeError(ErrorKind kind, QString message)
{
    Decoded d;
    d.error = Error{kind, std::move(message)};
    return d;
}

QString cannotDecode(const QString &path, const QString &why)
{
    return QCoreApplication::translate("pq::imageio", "cannot decode %1: %2").arg(shown(path), why);
}

QString formatTitle(const QString &format)
{
    if (format == QLatin1String("jpeg"))
        return QStringLiteral("JPEG");
    if (format == QLatin1String("webp"))
        return QStringLiteral("WebP");
    return format.toUpper();
}

// EXIF orientation n means "the stored pixels must be transformed like this to be upright".
// Same mapping as OpenCV's own ApplyExifOrientation, so all formats agree.
void applyOrientation(cv::Mat &img, int orientation)
{
    switch (orientation) {
    case 2:
        cv::flip(img, img, 1);
        break;
    case 3:
        cv::flip(img, img, -1);
        break;
    case 4:
        cv::flip(img, img, 0);
        break;
    case 5:
        cv::transpose(img, img);
        break;
    case 6:
        cv::transpose(img, img);
        cv::flip(img, img, 1);
        break;
    case 7:
        cv::transpose(img, img);
        cv::flip(img, img, -1);
        break;
    case 8:
        cv::transpose(img, img);
        cv::flip(img, img, 0);
        break;
    default:
        break;
    }
}

// Operations accept 8/16-bit with 1, 3 or 4 channels; TIFF in particular can hold more.
std::optional<QString> normalise(cv::Mat &img)
{
    switch (img.depth()) {
    case CV_8U:
    case CV_16U:
        break;
    case CV_8S:
        img.convertTo(img, CV_8U, 1, 128);
        break;
    case CV_16S:
        img.convertTo(img, CV_16U, 1, 32768);
        break;
    case CV_32S:
        img.convertTo(img, CV_16U, 1.0 / 65536.0, 32768);
        break;
    case CV_32F:
    case CV_64F: // floating-point images are 0..1 by convention
        img.convertTo(img, CV_16U, 65535.0);
        break;
    default:
        return QCoreApplication::translate("pq::imageio", "unsupported sample type %1")
            .arg(img.depth());
    }
    switch (img.channels()) {
    case 1:
    case 3:
    case 4:
        break;
    case 2: { // gray + alpha
        std::vector<cv::Mat> planes;
        cv::split(img, planes);
        cv::merge(std::vector<cv::Mat>{planes[0], planes[0], planes[0], planes[1]}, img);
        break;
    }
    default:
        return QCoreApplication::translate("pq::imageio", "unsupported channel count %1")
            .arg(img.channels());
    }
    return std::nullopt;
}

int jpegReductionFlags(int reduction)
{
    // IMREAD_ANYCOLOR keeps a grayscale JPEG at one channel (colour and CMYK ones become BGR);
    // the REDUCED_GRAYSCALE_n bits only select the DCT scale. Unlike IMREAD_UNCHANGED this still
    // makes OpenCV apply the EXIF orientation.
    switch (reduction) {
    case 2:
        return cv::IMREAD_ANYCOLOR | cv::IMREAD_REDUCED_GRAYSCALE_2;
    case 4:
        return cv::IMREAD_ANYCOLOR | cv::IMREAD_REDUCED_GRAYSCALE_4;
    case 8:
        return cv::IMREAD_ANYCOLOR | cv::IMREAD_REDUCED_GRAYSCALE_8;
    default:
        return cv::IMREAD_ANYCOLOR;
    }
}

int reductionAtMost(int maxReduction)
{
    return maxReduction >= 8 ? 8 : maxReduction >= 4 ? 4 : maxReduction >= 2 ? 2 : 1;
}

std::atomic<qint64> g_maxPixels{DecodeLimits{}.maxPixels};
std::atomic<qint64> g_maxFileBytes{DecodeLimits{}.maxFileBytes};

// OpenCV's decoders have their own pixel cap (default 2^30), read once from the environment at
// their first use. Match it to ours, unless the user set it explicitly.
void matchOpenCvLimit(qint64 maxPixels)
{
    static const bool userSet = qEnvironmentVariableIsSet("OPENCV_IO_MAX_IMAGE_PIXELS");
    if (!userSet)
        qputenv("OPENCV_IO_MAX_IMAGE_PIXELS", QByteArray::number(maxPixels));
}

[[maybe_unused]] const bool g_openCvLimitMatched = [] {
    matchOpenCvLimit(DecodeLimits{}.maxPixels);
    return true;
}();

QString megapixels(qint64 pixels)
{
    return QString::number(double(pixels) / 1e6, 'f', pixels < 10'000'000 ? 1 : 0);
}

} // namespace

void setDecodeLimits(const DecodeLimits &limits)
{
    g_maxPixels = std::max<qint64>(1, limits.maxPixels);
    g_maxFileBytes = std::max<qint64>(1, limits.maxFileBytes);
    matchOpenCvLimit(g_maxPixels);
}

DecodeLimits decodeLimits()
{
    return {g_maxPixels.load(), g_maxFileBytes.load()};
}

Decoded decodeFile(const QString &path, int maxReduction)
{
    const QFileInfo info(path);
    if (!info.exists())
        return decodeError(
            ErrorKind::Permanent,
            QCoreApplication::translate("pq::imageio", "cannot read %1: file not found")
                .arg(shown(path)));
    if (info.isDir())
        return decodeError(
            ErrorKind::Permanent,
            QCoreApplication::translate("pq::imageio", "cannot read %1: it is a folder, not a file")
                .arg(shown(path)));

    // Limits first, from the size and the first bytes, so that a bomb or a huge file is never
    // read into memory.
    const DecodeLimits limits = decodeLimits();
    if (info.size() > limits.maxFileBytes)
        return decodeError(
            ErrorKind::Permanent,
            cannotDecode(path, QCoreApplication::translate(
                                   "pq::imageio", "the file has %1 MB, more than the limit of %2 "
                                                  "MB")
                                   .arg(info.size() >> 20)
                                   .arg(limits.maxFileBytes >> 20)));
    if (const auto header = readHeader(path)) {
        const qint64 pixels = qint64(header->width) * header->height;
        if (pixels > limits.maxPixels)
            return decodeError(
                ErrorKind::Permanent,
                cannotDecode(path, QCoreApplication::translate(
                                       "pq::imageio", "the image has %1 megapixels (%2 x %3), "
                                                      "more than the limit of %4 megapixels")
                                       .arg(megapixels(pixels))
                                       .arg(header->width)
                                       .arg(header->height)
                                       .arg(megapixels(limits.maxPixels))));
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        // QFile reports no errno; a file that exists but is not readable for us is a permission
        // problem that retrying will not fix. Anything else (a share that went away, too many
        // open files) may.
        if (!QFileInfo::exists(path)) // removed since we looked
            return decodeError(
                ErrorKind::Permanent,
                QCoreApplication::translate("pq::imageio", "cannot read %1: file not found")
                    .arg(shown(path)));
        if (!QFileInfo(path).isReadable())
            return decodeError(
                ErrorKind::Permanent,
                QCoreApplication::translate("pq::imageio", "cannot read %1: permission denied")
                    .arg(shown(path)));
        return decodeError(ErrorKind::Transient,
                           QCoreApplication::translate("pq::imageio", "cannot read %1: %2")
                               .arg(shown(path), file.errorString()));
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return decodeError(ErrorKind::Transient,
                           QCoreApplication::translate("pq::imageio", "cannot read %1: %2")
                               .arg(shown(path), file.errorString()));
    file.close();

    if (bytes.isEmpty())
        return decodeError(ErrorKind::Permanent,
                           cannotDecode(path, QCoreApplication::translate(
                                                  "pq::imageio", "the file is empty (0 bytes)")));
    // Only the formats we mean to support reach OpenCV: its other decoders (GDAL, DICOM, EXR...)
    // are a needless attack surface for files that merely claim to be photos.
    const QString format = detail::sniffFormat(bytes.left(16));
    if (format.isEmpty())
        return decodeError(
            ErrorKind::Permanent,
            cannotDecode(path, QCoreApplication::translate("pq::imageio",
                                                           "not a supported image (content is not "
                                                           "JPEG/PNG/WebP/TIFF/BMP/GIF)")));
    if (format == QLatin1String("gif"))
        return decodeError(
            ErrorKind::Permanent,
            cannotDecode(path, QCoreApplication::translate("pq::imageio",
                                                           "GIF is not supported (often animated); "
                                                           "convert it to PNG first")));

    const detail::BufferSource source(bytes);
    const std::optional<detail::HeaderDetails> details = detail::parseDetails(source);
    const bool isJpeg = format == QLatin1String("jpeg");

    if (details) {
        // The header read above may have needed more than the first bytes; check again with the
        // whole file (OpenCV would refuse anyway; saying so is kinder than "corrupt").
        const qint64 pixels = qint64(details->header.width) * details->header.height;
        if (pixels > limits.maxPixels)
            return decodeError(
                ErrorKind::Permanent,
                cannotDecode(path, QCoreApplication::translate(
                                       "pq::imageio", "the image has %1 megapixels (%2 x %3), "
                                                      "more than the limit of %4 megapixels")
                                       .arg(megapixels(pixels))
                                       .arg(details->header.width)
                                       .arg(details->header.height)
                                       .arg(megapixels(limits.maxPixels))));
        if (details->animated)
            return decodeError(
                ErrorKind::Permanent,
                cannotDecode(path, QCoreApplication::translate(
                                       "pq::imageio", "animated WebP is not supported (PixQueue "
                                                      "processes still images)")));
        if (details->multiPage)
            return decodeError(
                ErrorKind::Permanent,
                cannotDecode(path, QCoreApplication::translate(
                                       "pq::imageio", "the TIFF has several pages; PixQueue "
                                                      "processes single-page images (split it "
                                                      "first, e.g. with tiffsplit)")));
    }

    if (isJpeg) {
        // libjpeg pads a truncated file with grey and only warns, so OpenCV would hand us a
        // half-grey photo. The end-of-image marker cannot occur inside entropy-coded data (FF is
        // stuffed there), so its absence after the first scan means the file was cut short.
        // Search from the back: trailing junk after EOI (a newline, a maker trailer) is common.
        const qint64 scanStart =
            details && details->jpegScanOffset > 0 ? details->jpegScanOffset : 2;
        if (bytes.lastIndexOf("\xFF\xD9") < scanStart)
            return decodeError(
                ErrorKind::Permanent,
                cannotDecode(path, QCoreApplication::translate(
                                       "pq::imageio", "the JPEG data is truncated (no end-of-image "
                                                      "marker)")));
    }

    const int reduction = isJpeg ? reductionAtMost(maxReduction) : 1;
    const int flags = isJpeg ? jpegReductionFlags(reduction) : cv::IMREAD_UNCHANGED;

    Decoded result;
    result.format = format;
    result.reduction = reduction;
    try {
        if (format == QLatin1String("png"))
            if (std::optional<cv::Mat> fast = detail::decodePngFast(bytes))
                result.image = std::move(*fast);
        if (result.image.empty()) {
            const cv::Mat raw(1, int(bytes.size()), CV_8UC1,
                              const_cast<char *>(bytes.constData())); // read-only use
            result.image = cv::imdecode(raw, flags);
        }
        if (result.image.empty())
            return decodeError(
                ErrorKind::Permanent,
                cannotDecode(path, QCoreApplication::translate(
                                       "pq::imageio", "the %1 data is truncated or corrupt")
                                       .arg(formatTitle(format))));
        if (auto err = normalise(result.image))
            return decodeError(ErrorKind::Permanent, cannotDecode(path, *err));

        if (details && details->header.orientation != 1) {
            const ImageHeader &h = details->header;
            const int o = h.orientation;
            // OpenCV 4.6 orients JPEG (flags other than UNCHANGED) and TIFF (libtiff does it)
            // itself; PNG eXIf and WebP EXIF are ours. Should an OpenCV build disagree, a
            // rotation it skipped shows in the size, so catch that case instead of trusting it.
            const cv::Size stored((h.width + reduction - 1) / reduction,
                                  (h.height + reduction - 1) / reduction);
            const bool decoderOrients = isJpeg || format == QLatin1String("tiff");
            const bool rotationMissed =
                o >= 5 && stored.width != stored.height && result.image.size() == stored;
            if (!decoderOrients || rotationMissed)
                applyOrientation(result.image, o);
        }
    } catch (const cv::Exception &e) {
        return decodeError(
            ErrorKind::Permanent,
            cannotDecode(path, QCoreApplication::translate("pq::imageio", "the decoder failed: %1")
                                   .arg(QString::fromStdString(e.msg))));
    } catch (const std::bad_alloc &) {
        return decodeError(
            ErrorKind::Transient,
            cannotDecode(path, QCoreApplication::translate("pq::imageio", "out of memory")));
    }
    return result;
}

namespace {

Encoded encodeError(QString message, ErrorKind kind = ErrorKind::Permanent)
{
    Encoded e;
    e.error = Error{kind, std::move(message)};
    return e;
}

enum class OutputFormat
{
    Unknown,
    Jpeg,
    Png,
    Webp,
    Tiff,
    Bmp
};

OutputFormat formatForSuffix(const QString &suffix)
{
    const QString s = suffix.toLower();
    if (s == QLatin1String("jpg") || s == QLatin1String("jpeg") || s == QLatin1String("jpe"))
        return OutputFormat::Jpeg;
    if (s == QLatin1String("png"))
        return OutputFormat::Png;
    if (s == QLatin1String("webp"))
        return OutputFormat::Webp;
    if (s == QLatin1String("tif") || s == QLatin1String("tiff"))
        return OutputFormat::Tiff;
    if (s == QLatin1String("bmp"))
        return OutputFormat::Bmp;
    return OutputFormat::Unknown;
}

QString formatName(OutputFormat f)
{
    switch (f) {
    case OutputFormat::Jpeg:
        return QStringLiteral("JPEG");
    case OutputFormat::Png:
        return QStringLiteral("PNG");
    case OutputFormat::Webp:
        return QStringLiteral("WebP");
    case OutputFormat::Tiff:
        return QStringLiteral("TIFF");
    case OutputFormat::Bmp:
        return QStringLiteral("BMP");
    case OutputFormat::Unknown:
        break;
    }
    return {};
}

// Composites onto an opaque background colour (BGRA 0..255; its alpha is ignored): JPEG and BMP
// have no alpha. Works at the image's own depth, so a 16-bit image is flattened before it loses
// precision. Like every viewer and browser, blends the stored (gamma-encoded) values.
cv::Mat flattenOnto(const cv::Mat &bgra, const cv::Scalar &background)
{
    const double maxValue = bgra.depth() == CV_16U ? 65535.0 : 255.0;
    cv::Mat f;
    bgra.convertTo(f, CV_32F, 1.0 / maxValue);
    std::vector<cv::Mat> ch;
    cv::split(f, ch);
    for (int c = 0; c < 3; ++c) {
        const double bg = background[c] / 255.0;
        // c * a + bg * (1 - a)
        ch[c] = ch[c].mul(ch[3]) + (1.0 - ch[3]) * bg;
    }
    ch.pop_back();
    cv::merge(ch, f);
    cv::Mat out;
    f.convertTo(out, bgra.depth(), maxValue); // rounds and saturates
    return out;
}

int tiffCompressionCode(const QString &name)
{
    // libtiff's COMPRESSION_* values (tiff.h), which IMWRITE_TIFF_COMPRESSION takes as they are.
    if (name == QLatin1String("none"))
        return 1; // COMPRESSION_NONE
    if (name == QLatin1String("deflate"))
        return 8; // COMPRESSION_ADOBE_DEFLATE
    if (name == QLatin1String("packbits"))
        return 32773; // COMPRESSION_PACKBITS
    return 5;         // COMPRESSION_LZW, also OpenCV's default
}

detail::ChromaSubsampling subsamplingFrom(const QString &name)
{
    if (name == QLatin1String("444"))
        return detail::ChromaSubsampling::S444;
    if (name == QLatin1String("422"))
        return detail::ChromaSubsampling::S422;
    return detail::ChromaSubsampling::S420;
}

} // namespace

Encoded encode(const cv::Mat &image, const Params &output, const QString &suffix,
               const Metadata &source)
{
    const OutputFormat format = formatForSuffix(suffix);
    if (format == OutputFormat::Unknown)
        return encodeError(
            QCoreApplication::translate("pq::imageio",
                                        "cannot encode: unsupported output type '%1' (supported: "
                                        "jpg, png, webp, tif, bmp)")
                .arg(suffix));
    if (image.empty())
        return encodeError(
            QCoreApplication::translate("pq::imageio", "cannot encode: the image is empty"));

    const int quality = output.value(QStringLiteral("quality"), 90).toInt();
    const bool lossless = output.value(QStringLiteral("lossless"), false).toBool();
    const int maxBytes = output.value(QStringLiteral("max-bytes"), 0).toInt();
    const bool searchable =
        format == OutputFormat::Jpeg || (format == OutputFormat::Webp && !lossless);
    if (maxBytes > 0 && !searchable)
        return encodeError(
            QCoreApplication::translate("pq::imageio",
                                        "cannot encode: max-bytes works only for JPEG and lossy "
                                        "WebP output, and this output is %1%2")
                .arg(formatName(format),
                     format == OutputFormat::Webp
                         ? QCoreApplication::translate("pq::imageio", " (lossless)")
                         : QString()));
    const cv::Scalar background =
        parseColor(output.value(QStringLiteral("background"), QStringLiteral("white")).toString())
            .value_or(cv::Scalar(255, 255, 255, 255));
    const MetadataPolicy policy = metadataPolicy(output);
    const bool carriesMetadata = format != OutputFormat::Bmp && !source.isEmpty();

    try {
        cv::Mat img = image;
        const bool noAlpha = format == OutputFormat::Jpeg || format == OutputFormat::Bmp;
        const bool only8bit = noAlpha || format == OutputFormat::Webp;
        if (noAlpha && img.channels() == 4)
            img = flattenOnto(img, background);
        if (only8bit && img.depth() == CV_16U)
            img.convertTo(img, CV_8U, 1.0 / 257.0); // 65535 -> 255 exactly
        if (format == OutputFormat::Webp && img.channels() == 1)
            cv::cvtColor(img, img, cv::COLOR_GRAY2BGR);

        // One encoding at `q` (JPEG/WebP), metadata included: max-bytes counts the whole file.
        auto encodeAt = [&](int q) -> Encoded {
            Encoded e;
            e.quality = q;
            if (format == OutputFormat::Jpeg) {
                detail::JpegSettings js;
                js.quality = q;
                js.progressive = output.value(QStringLiteral("progressive"), false).toBool();
                js.subsampling =
                    subsamplingFrom(output.value(QStringLiteral("chroma-subsampling")).toString());
                if (auto err = detail::encodeJpeg(img, js, &e.bytes))
                    return encodeError(QCoreApplication::translate(
                                           "pq::imageio", "cannot encode the image as JPEG: %1")
                                           .arg(*err));
            } else {
                std::vector<int> params;
                QString ext;
                switch (format) {
                case OutputFormat::Png:
                    ext = QStringLiteral(".png");
                    params = {cv::IMWRITE_PNG_COMPRESSION,
                              output.value(QStringLiteral("png-compression"), 6).toInt()};
                    break;
                case OutputFormat::Webp:
                    ext = QStringLiteral(".webp");
                    // OpenCV's WebP encoder is lossless above quality 100.
                    params = {cv::IMWRITE_WEBP_QUALITY, lossless ? 101 : q};
                    break;
                case OutputFormat::Tiff:
                    ext = QStringLiteral(".tif");
                    params = {cv::IMWRITE_TIFF_COMPRESSION,
                              tiffCompressionCode(
                                  output.value(QStringLiteral("tiff-compression")).toString())};
                    break;
                default:
                    ext = QStringLiteral(".bmp");
                    break;
                }
                std::vector<uchar> buffer;
                if (!cv::imencode(ext.toStdString(), img, buffer, params))
                    return encodeError(
                        QCoreApplication::translate("pq::imageio", "cannot encode the image as %1")
                            .arg(formatName(format)));
                e.bytes = QByteArray(reinterpret_cast<const char *>(buffer.data()),
                                     qsizetype(buffer.size()));
            }
            if (!carriesMetadata)
                return e;
            Encoded withMetadata =
                applyMetadata(e.bytes, source, policy, img.size(), img.channels());
            withMetadata.quality = q;
            return withMetadata;
        };

        if (maxBytes <= 0)
            return encodeAt(quality);

        // Size falls as quality falls (not strictly at every step, which is why the answer is
        // checked at both ends): keep `fits` fitting and `tooBig` not, and close the gap.
        Encoded best = encodeAt(quality);
        if (best.error || best.bytes.size() <= maxBytes)
            return best;
        int tooBig = quality;
        const int floor = std::min(10, quality);
        Encoded smallest = encodeAt(floor);
        if (smallest.error)
            return smallest;
        if (smallest.bytes.size() > maxBytes) {
            QString message =
                QCoreApplication::translate(
                    "pq::imageio",
                    "cannot fit the %1 into max-bytes %2: at quality %3 it still takes %4 bytes")
                    .arg(formatName(format))
                    .arg(maxBytes)
                    .arg(floor)
                    .arg(smallest.bytes.size());
            Params bare = output;
            bare.insert(QStringLiteral("max-bytes"), 0);
            bare.insert(QStringLiteral("quality"), floor);
            const Encoded pixelsOnly = encode(image, bare, suffix);
            const qint64 metadataBytes =
                pixelsOnly.error ? 0 : smallest.bytes.size() - pixelsOnly.bytes.size();
            // Say what the metadata costs: on a small image it is often most of the file.
            if (metadataBytes > 0)
                message += QCoreApplication::translate(
                               "pq::imageio", ", %1 of them metadata (make the image smaller, use "
                                              "metadata=strip or allow more bytes)")
                               .arg(metadataBytes);
            else
                message += QCoreApplication::translate(
                    "pq::imageio", " (make the image smaller or allow more bytes)");
            return encodeError(message);
        }
        best = std::move(smallest);
        int fits = floor;
        while (tooBig - fits > 1) {
            const int mid = (fits + tooBig) / 2;
            Encoded e = encodeAt(mid);
            if (e.error)
                return e;
            if (e.bytes.size() <= maxBytes) {
                fits = mid;
                best = std::move(e);
            } else {
                tooBig = mid;
            }
        }
        return best;
    } catch (const cv::Exception &e) {
        return encodeError(
            QCoreApplication::translate("pq::imageio", "cannot encode the image as %1: %2")
                .arg(formatName(format), QString::fromStdString(e.msg)));
    } catch (const std::bad_alloc &) {
        return encodeError(
            QCoreApplication::translate("pq::imageio", "cannot encode: out of memory"),
            ErrorKind::Transient);
    }
}

namespace {

Error folderError(const QString &dir, const QString &why)
{
    return Error{ErrorKind::Permanent,
                 QCoreApplication::translate("pq::imageio", "cannot write output folder %1: %2")
                     .arg(shown(dir), why)};
}

// Why a folder could not be created: the first ancestor that exists tells.
QString whyNoFolder(const QString &dir)
{
    QFileInfo probe(dir);
    while (!probe.exists()) {
        const QString parent = probe.absolutePath();
        if (parent == probe.absoluteFilePath())
            break;
        probe.setFile(parent);
    }
    if (probe.exists() && !probe.isDir())
        return QCoreApplication::translate("pq::imageio", "%1 is a file, not a folder")
            .arg(shown(probe.absoluteFilePath()));
    if (probe.exists() && !probe.isWritable())
        return QCoreApplication::translate("pq::imageio", "permission denied");
    return QCoreApplication::translate("pq::imageio", "the folder could not be created");
}

// A full disk (or quota) is the one write failure that fixes itself; Qt reports it as
// ResourceError, or as a write error carrying the system's message.
bool looksLikeNoSpace(const QFileDevice &f)
{
    if (f.error() == QFileDevice::ResourceError)
        return true;
    const QString msg = f.errorString();
    return msg.contains(QLatin1String("space"), Qt::CaseInsensitive) ||
           msg.contains(QLatin1String("quota"), Qt::CaseInsensitive);
}

} // namespace

std::optional<Error> writeAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo target(path);
    const QString dir = target.absolutePath();
    if (!QDir().mkpath(dir))
        return folderError(dir, whyNoFolder(dir));
    if (target.isDir())
        return Error{ErrorKind::Permanent,
                     QCoreApplication::translate("pq::imageio",
                                                 "cannot write %1: a folder of that name exists")
                         .arg(shown(path))};

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (!QFileInfo(dir).isWritable())
            return folderError(dir,
                               QCoreApplication::translate("pq::imageio", "permission denied"));
        return Error{looksLikeNoSpace(file) || file.error() != QFileDevice::PermissionsError
                         ? ErrorKind::Transient
                         : ErrorKind::Permanent,
                     QCoreApplication::translate("pq::imageio", "cannot write %1: %2")
                         .arg(shown(path), file.errorString())};
    }
    // A full disk first shows as a short write without an error; only writing the rest makes the
    // system say "No space left on device". So loop until done or failed.
    qint64 written = 0;
    while (written < bytes.size()) {
        const qint64 n = file.write(bytes.constData() + written, bytes.size() - written);
        if (n <= 0)
            break;
        written += n;
    }
    if (written != bytes.size()) {
        // Disk full, quota, an I/O hiccup on a network share: all worth retrying later.
        const QString why = file.error() != QFileDevice::NoError
                                ? file.errorString()
                                : QCoreApplication::translate("pq::imageio", "short write");
        file.cancelWriting();
        return Error{ErrorKind::Transient,
                     QCoreApplication::translate("pq::imageio", "cannot write %1: %2")
                         .arg(shown(path), why)};
    }
    platform::crashPoint(platform::CrashPoint::BeforeRename);
    if (!file.commit()) {
        // A failed rename into a folder we may not write is permanent; a failed flush is the
        // disk filling up between write() and close().
        const bool permission =
            !QFileInfo(dir).isWritable() || file.error() == QFileDevice::PermissionsError;
        return Error{permission && !looksLikeNoSpace(file) ? ErrorKind::Permanent
                                                           : ErrorKind::Transient,
                     QCoreApplication::translate("pq::imageio", "cannot write %1: %2")
                         .arg(shown(path), file.errorString())};
    }
    platform::crashPoint(platform::CrashPoint::AfterRename);
    return std::nullopt;
}

int removeStaleTemporaries(const QString &path)
{
    const QFileInfo target(path);
    QDir dir = target.absoluteDir();
    if (!dir.exists())
        return 0;
    const QString prefix = target.fileName() + QLatin1Char('.');
    int removed = 0;
    const QStringList candidates = dir.entryList({prefix + QStringLiteral("??????")},
                                                 QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : candidates) {
        const QStringView tail = QStringView(name).mid(prefix.size());
        const bool temporary =
            tail.size() == 6 && std::all_of(tail.begin(), tail.end(), [](QChar c) {
                return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                       (c >= u'0' && c <= u'9');
            });
        if (temporary && dir.remove(name))
            ++removed;
    }
    return removed;
}

QStringList readableSuffixes()
{
    // No GIF: OpenCV 4.6 has no GIF decoder (decodeFile says so when it meets one).
    return {QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("jpe"),
            QStringLiteral("png"),  QStringLiteral("webp"), QStringLiteral("tif"),
            QStringLiteral("tiff"), QStringLiteral("bmp")};
}

} // namespace pq::imageio
