// Metadata carried from an input file to its output with exiv2: readMetadata and applyMetadata
// (see ImageIO.h for the contract).
//
// Thread-safety: exiv2 0.27 keeps no shared state per Image object, so every call here opens its
// own Image. Its XMP toolkit is the exception: it must be initialised once before any thread uses
// it, and namespace registration needs a lock, which XmpParser::initialize accepts (exiv2's
// xmp_exiv2.hpp documents this).

#include "ImageIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QtEndian>
#include <array>
#include <cmath>
#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp>
#include <mutex>

namespace pq::imageio {

struct MetadataContent
{
    Exiv2::ExifData exif; // without the TIFF structure tags and without the ICC profile tag
    Exiv2::XmpData xmp;
    Exiv2::IptcData iptc;
    QByteArray icc; // the ICC profile, whichever way the file stored it
};

bool Metadata::isEmpty() const
{
    return !content || (content->exif.empty() && content->xmp.empty() && content->iptc.empty() &&
                        content->icc.isEmpty());
}

bool Metadata::hasExif() const
{
    return content && !content->exif.empty();
}

bool Metadata::hasIccProfile() const
{
    return content && !content->icc.isEmpty();
}

MetadataPolicy metadataPolicy(const Params &output)
{
    const QString v = output.value(QStringLiteral("metadata")).toString();
    if (v == QLatin1String("strip"))
        return MetadataPolicy::Strip;
    if (v == QLatin1String("keep-but-strip-gps"))
        return MetadataPolicy::KeepButStripGps;
    return MetadataPolicy::Keep;
}

namespace {

std::recursive_mutex xmpToolkitMutex;

void lockXmpToolkit(void *mutex, bool lock)
{
    auto *m = static_cast<std::recursive_mutex *>(mutex);
    if (lock)
        m->lock();
    else
        m->unlock();
}

void initialiseExiv2()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::XmpParser::initialize(&lockXmpToolkit, &xmpToolkitMutex);
        // exiv2 logs every oddity of a maker note to stderr; what matters reaches us as an
        // exception.
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    });
}

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::imageio", text);
}

// Tags that describe how the pixels of a TIFF are stored. A TIFF input carries them in its EXIF;
// they describe the input's pixels, never the output's (exiv2 takes a TIFF output's own). Also
// the tags that hold other metadata blocks.
const char *const structureTags[] = {
    "Exif.Image.NewSubfileType",
    "Exif.Image.SubfileType",
    "Exif.Image.ImageWidth",
    "Exif.Image.ImageLength",
    "Exif.Image.BitsPerSample",
    "Exif.Image.Compression",
    "Exif.Image.PhotometricInterpretation",
    "Exif.Image.FillOrder",
    "Exif.Image.StripOffsets",
    "Exif.Image.SamplesPerPixel",
    "Exif.Image.RowsPerStrip",
    "Exif.Image.StripByteCounts",
    "Exif.Image.PlanarConfiguration",
    "Exif.Image.Predictor",
    "Exif.Image.TileWidth",
    "Exif.Image.TileLength",
    "Exif.Image.TileOffsets",
    "Exif.Image.TileByteCounts",
    "Exif.Image.SubIFDs",
    "Exif.Image.ExtraSamples",
    "Exif.Image.SampleFormat",
    "Exif.Image.JPEGTables",
    "Exif.Image.JPEGInterchangeFormat",
    "Exif.Image.JPEGInterchangeFormatLength",
    "Exif.Image.YCbCrSubSampling",
    "Exif.Image.YCbCrCoefficients",
    "Exif.Image.InterColorProfile",
    // A TIFF input's XMP, IPTC and Photoshop resources as raw tags: they travel as XMP and IPTC
    // (where GPS stripping and the orientation reset apply), never as stale raw copies.
    "Exif.Image.XMLPacket",
    "Exif.Image.IPTCNAA",
    "Exif.Image.ImageResources",
};

void eraseKey(Exiv2::ExifData &exif, const char *key)
{
    auto it = exif.findKey(Exiv2::ExifKey(key));
    while (it != exif.end()) {
        exif.erase(it);
        it = exif.findKey(Exiv2::ExifKey(key));
    }
}

template <typename Data, typename Pred> void eraseIf(Data &data, Pred pred)
{
    for (auto it = data.begin(); it != data.end();)
        it = pred(*it) ? data.erase(it) : std::next(it);
}

bool isGpsXmpKey(const Exiv2::Xmpdatum &d)
{
    // Xmp.exif.GPSLatitude, and GPS members of structures such as
    // Xmp.iptcExt.LocationCreated[1]/Iptc4xmpExt:GPSLatitude
    return QByteArray::fromStdString(d.key()).contains("GPS");
}

void prepareExif(Exiv2::ExifData &exif, MetadataPolicy policy, cv::Size size)
{
    // The thumbnail shows the input as it was (unrotated, uncropped, unretouched).
    Exiv2::ExifThumb(exif).erase();
    eraseIf(exif, [](const Exiv2::Exifdatum &d) {
        // Exif.SubImage1.* are further images of a TIFF input; Exif.Thumbnail.* is IFD1.
        const std::string g = d.groupName();
        return g.rfind("SubImage", 0) == 0 || g == "Thumbnail";
    });
    for (const char *key : structureTags)
        eraseKey(exif, key);
    if (policy == MetadataPolicy::KeepButStripGps) {
        eraseIf(exif, [](const Exiv2::Exifdatum &d) { return d.groupName() == "GPSInfo"; });
        eraseKey(exif, "Exif.Image.GPSTag");
    }
    // Decoding applied the orientation: the output's pixels are upright, and a viewer that still
    // saw 6 (rotate 90) would turn them again.
    const Exiv2::ExifKey orientation("Exif.Image.Orientation");
    if (exif.findKey(orientation) != exif.end())
        exif[orientation.key()] = uint16_t(1);
    const Exiv2::ExifKey pixelX("Exif.Photo.PixelXDimension");
    const Exiv2::ExifKey pixelY("Exif.Photo.PixelYDimension");
    if (exif.findKey(pixelX) != exif.end() || exif.findKey(pixelY) != exif.end()) {
        exif[pixelX.key()] = uint32_t(size.width);
        exif[pixelY.key()] = uint32_t(size.height);
    }
}

void prepareXmp(Exiv2::XmpData &xmp, MetadataPolicy policy, cv::Size size)
{
    if (policy == MetadataPolicy::KeepButStripGps)
        eraseIf(xmp, isGpsXmpKey);
    // xmp:Thumbnails is as stale as the EXIF thumbnail.
    eraseIf(xmp,
            [](const Exiv2::Xmpdatum &d) { return d.key().rfind("Xmp.xmp.Thumbnails", 0) == 0; });
    auto setIfPresent = [&](const char *key, long value) {
        const Exiv2::XmpKey k(key);
        if (xmp.findKey(k) != xmp.end())
            xmp[key] = std::to_string(value);
    };
    setIfPresent("Xmp.tiff.Orientation", 1);
    setIfPresent("Xmp.exif.PixelXDimension", size.width);
    setIfPresent("Xmp.exif.PixelYDimension", size.height);
    setIfPresent("Xmp.tiff.ImageWidth", size.width);
    setIfPresent("Xmp.tiff.ImageLength", size.height);
}

// ICC profile header (ICC.1:2010 section 7.2): the data colour space at byte 16, 'acsp' at 36.
QByteArray iccColourSpace(const QByteArray &icc)
{
    if (icc.size() < 132 || icc.mid(36, 4) != "acsp")
        return {};
    return icc.mid(16, 4);
}

bool iccFitsOutput(const QByteArray &icc, int channels)
{
    const QByteArray space = iccColourSpace(icc);
    return channels == 1 ? space == "GRAY" : space == "RGB ";
}

// True when the profile's colourants are sRGB's (the D50-adapted primaries of IEC 61966-2-1 as
// every sRGB profile, the big HP one and the compact ones alike, stores them). A profile without
// colourant tags (a LUT-based one) is not taken for sRGB.
bool isSrgbProfile(const QByteArray &icc)
{
    if (iccColourSpace(icc) != "RGB ")
        return false;
    auto be32 = [&](qsizetype at) { return qFromBigEndian<quint32>(icc.constData() + at); };
    const quint32 count = be32(128);
    if (count > 1000 || 132 + qsizetype(count) * 12 > icc.size())
        return false;
    struct Colourant
    {
        const char *tag;
        double xyz[3];
    };
    static const Colourant srgb[] = {{"rXYZ", {0.4361, 0.2225, 0.0139}},
                                     {"gXYZ", {0.3851, 0.7169, 0.0971}},
                                     {"bXYZ", {0.1431, 0.0606, 0.7141}}};
    int matched = 0;
    for (quint32 i = 0; i < count; ++i) {
        const qsizetype entry = 132 + qsizetype(i) * 12;
        const QByteArray sig = icc.mid(entry, 4);
        const quint32 offset = be32(entry + 4);
        for (const Colourant &c : srgb) {
            if (sig != c.tag)
                continue;
            // XYZType: 'XYZ ', 4 reserved bytes, then X, Y, Z as s15Fixed16Number
            if (qint64(offset) + 20 > icc.size() || icc.mid(offset, 4) != "XYZ ")
                return false;
            for (int k = 0; k < 3; ++k) {
                const double v = qint32(be32(offset + 8 + 4 * k)) / 65536.0;
                if (std::abs(v - c.xyz[k]) > 0.003)
                    return false;
            }
            ++matched;
        }
    }
    return matched == 3;
}

QByteArray readBack(Exiv2::Image &image)
{
    Exiv2::BasicIo &io = image.io();
    if (io.open() != 0)
        throw Exiv2::Error(Exiv2::kerDataSourceOpenFailed, io.path(), Exiv2::strError());
    const long size = long(io.size());
    Exiv2::DataBuf buf = io.read(size);
    io.close();
    if (buf.size_ != size)
        throw Exiv2::Error(Exiv2::kerInputDataReadFailed);
    return QByteArray(reinterpret_cast<const char *>(buf.pData_), buf.size_);
}

QByteArray writeInto(const QByteArray &encoded, const Exiv2::ExifData *exif,
                     const Exiv2::XmpData *xmp, const Exiv2::IptcData *iptc, const QByteArray &icc)
{
    Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(
        reinterpret_cast<const Exiv2::byte *>(encoded.constData()), long(encoded.size()));
    if (exif)
        image->setExifData(*exif);
    if (xmp)
        image->setXmpData(*xmp);
    if (iptc && image->imageType() != Exiv2::ImageType::webp) // WebP has no place for IPTC
        image->setIptcData(*iptc);
    if (!icc.isEmpty()) {
        Exiv2::DataBuf profile(reinterpret_cast<const Exiv2::byte *>(icc.constData()),
                               long(icc.size()));
        image->setIccProfile(profile, true);
    }
    image->writeMetadata();
    return readBack(*image);
}

// exiv2 0.27 writes ICC profiles into JPEG and TIFF well, but not into PNG (an iCCP chunk with an
// empty name, which libpng rejects) nor WebP (the chunk is tagged VP8X instead of ICCP, so no
// reader finds it). Those two we write ourselves.

void appendBE32(QByteArray &b, quint32 v)
{
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    b.append(bytes, 4);
}

void appendLE32(QByteArray &b, quint32 v)
{
    const char bytes[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    b.append(bytes, 4);
}

quint32 crc32(const QByteArray &data) // PNG spec, annex D
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data)
        c = table[(c ^ uchar(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// Inserts an iCCP chunk (PNG spec 11.3.3.3: name, NUL, compression method 0, zlib stream) right
// after IHDR, where it must precede PLTE and IDAT.
QByteArray pngWithIccProfile(const QByteArray &png, const QByteArray &icc)
{
    if (png.mid(12, 4) != "IHDR")
        throw Exiv2::Error(Exiv2::kerNotAnImage, "PNG");
    QByteArray body("iCCP");
    body.append("ICC profile");
    body.append('\0');
    body.append('\0');
    body.append(qCompress(icc, 9).mid(4)); // qCompress prefixes the length to the zlib stream
    QByteArray chunk;
    appendBE32(chunk, quint32(body.size() - 4));
    chunk.append(body);
    appendBE32(chunk, crc32(body));
    const qsizetype afterIhdr = 8 + 12 + 13;
    QByteArray out = png;
    out.insert(afterIhdr, chunk);
    return out;
}

// Adds an ICCP chunk to a WebP (RIFF container spec: VP8X first, then ICCP), turning a simple
// one (a lone VP8 or VP8L chunk) into the extended format first.
QByteArray webpWithIccProfile(const QByteArray &webp, const QByteArray &icc, cv::Size size,
                              bool alpha)
{
    if (!webp.startsWith("RIFF") || webp.mid(8, 4) != "WEBP")
        throw Exiv2::Error(Exiv2::kerNotAnImage, "WebP");
    QByteArray out = webp;
    if (out.mid(12, 4) != "VP8X") {
        QByteArray vp8x("VP8X");
        appendLE32(vp8x, 10);
        vp8x.append(char(alpha ? 0x10 : 0)).append(3, '\0');
        const quint32 w = quint32(size.width - 1);
        const quint32 h = quint32(size.height - 1);
        const char dims[6] = {char(w), char(w >> 8), char(w >> 16),
                              char(h), char(h >> 8), char(h >> 16)};
        vp8x.append(dims, 6);
        out.insert(12, vp8x);
    }
    out[20] = char(out[20] | 0x20); // the ICC flag
    QByteArray chunk("ICCP");
    appendLE32(chunk, quint32(icc.size()));
    chunk.append(icc);
    if (icc.size() % 2)
        chunk.append('\0');
    out.insert(12 + 8 + 10, chunk);
    const quint32 riffSize = quint32(out.size() - 8);
    for (int i = 0; i < 4; ++i)
        out[4 + i] = char(riffSize >> (8 * i));
    return out;
}

} // namespace

Metadata readMetadata(const QString &path, QString *warning)
{
    auto fail = [&](const QString &why) {
        if (warning)
            *warning =
                tr("cannot read the metadata of %1: %2").arg(QDir::toNativeSeparators(path), why);
        return Metadata{};
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        return fail(tr("the file is empty"));

    initialiseExiv2();
    auto content = std::make_shared<MetadataContent>();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte *>(bytes.constData()), long(bytes.size()));
        image->readMetadata();
        content->exif = image->exifData();
        content->xmp = image->xmpData();
        content->iptc = image->iptcData();
        if (image->iccProfileDefined()) {
            const Exiv2::DataBuf *icc = image->iccProfile();
            content->icc = QByteArray(reinterpret_cast<const char *>(icc->pData_), icc->size_);
        }
        // exiv2 drops an XMP packet it cannot parse (GIMP 2.8 wrote some with duplicate
        // properties); copying it blindly could carry a stale orientation or a GPS position.
        if (content->xmp.empty() && !image->xmpPacket().empty() && warning)
            *warning = tr("the XMP metadata of %1 is not valid XMP and is not copied")
                           .arg(QDir::toNativeSeparators(path));
    } catch (const std::exception &e) { // Exiv2::AnyError is a std::exception
        return fail(QString::fromLocal8Bit(e.what()));
    }
    // A TIFF keeps its profile as a tag; exiv2 reads it into both places in some versions.
    const auto tag = content->exif.findKey(Exiv2::ExifKey("Exif.Image.InterColorProfile"));
    if (tag != content->exif.end()) {
        if (content->icc.isEmpty()) {
            QByteArray profile(qsizetype(tag->size()), '\0');
            tag->copy(reinterpret_cast<Exiv2::byte *>(profile.data()), Exiv2::invalidByteOrder);
            content->icc = profile;
        }
        content->exif.erase(tag);
    }
    Metadata m;
    m.content = std::move(content);
    return m;
}

Encoded applyMetadata(const QByteArray &encoded, const Metadata &source, MetadataPolicy policy,
                      cv::Size pixelSize, int channels)
{
    Encoded result;
    result.bytes = encoded;
    if (source.isEmpty())
        return result;
    const MetadataContent &in = *source.content;
    QByteArray icc;
    if (!in.icc.isEmpty() && iccFitsOutput(in.icc, channels) &&
        (policy != MetadataPolicy::Strip || !isSrgbProfile(in.icc)))
        icc = in.icc;
    const bool descriptive =
        policy != MetadataPolicy::Strip && !(in.exif.empty() && in.xmp.empty() && in.iptc.empty());
    if (!descriptive && icc.isEmpty())
        return result;

    initialiseExiv2();
    try {
        const bool ownIcc = encoded.startsWith("\x89PNG") || encoded.startsWith("RIFF");
        const QByteArray exivIcc = ownIcc ? QByteArray() : icc;
        if (descriptive) {
            Exiv2::ExifData exif = in.exif;
            prepareExif(exif, policy, pixelSize);
            Exiv2::XmpData xmp = in.xmp;
            prepareXmp(xmp, policy, pixelSize);
            try {
                result.bytes = writeInto(encoded, &exif, &xmp, &in.iptc, exivIcc);
            } catch (const Exiv2::AnyError &e) {
                // A JPEG's EXIF must fit one 64 KiB segment; the maker note is what makes it
                // too big, and the one part a viewer can do without.
                if (e.code() != Exiv2::kerTooLargeJpegSegment)
                    throw;
                eraseIf(exif, [](const Exiv2::Exifdatum &d) {
                    return Exiv2::ExifTags::isMakerGroup(d.groupName()) ||
                           d.key() == "Exif.Photo.MakerNote";
                });
                result.bytes = writeInto(encoded, &exif, &xmp, &in.iptc, exivIcc);
            }
        } else if (!exivIcc.isEmpty()) {
            result.bytes = writeInto(encoded, nullptr, nullptr, nullptr, exivIcc);
        }
        if (ownIcc && !icc.isEmpty())
            result.bytes = result.bytes.startsWith("RIFF")
                               ? webpWithIccProfile(result.bytes, icc, pixelSize, channels == 4)
                               : pngWithIccProfile(result.bytes, icc);
    } catch (const std::exception &e) {
        result.bytes.clear();
        result.error = Error{ErrorKind::Permanent,
                             tr("cannot copy the metadata into the output: %1 (metadata=strip "
                                "writes the image without it)")
                                 .arg(QString::fromLocal8Bit(e.what()))};
    }
    return result;
}

} // namespace pq::imageio
