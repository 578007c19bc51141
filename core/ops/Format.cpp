// format: the output encoder's parameters. It is not a processing step: Recipe keeps its params as
// the recipe's output spec, Recipe::outputSuffix turns `type` into the file extension, and
// imageio::encode reads the rest (quality, subsampling, compression, background, metadata,
// max-bytes) from them.

#include "AllOperations.h"

#include <QCoreApplication>
#include <limits>

namespace pq::ops {

namespace {

class FormatOutput final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::FormatOutput)

public:
    QString id() const override { return QStringLiteral("format"); }
    QString title() const override { return tr("Output format"); }
    QString description() const override
    {
        return tr("Chooses the output file type and the encoder settings.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::enumeration(
                QStringLiteral("type"),
                {QStringLiteral("auto"), QStringLiteral("jpeg"), QStringLiteral("png"),
                 QStringLiteral("webp"), QStringLiteral("tiff"), QStringLiteral("bmp")},
                QStringLiteral("auto"), tr("Type"),
                tr("File type to write; auto keeps the input's type where it can be written.")),
            ParamSpec::integer(QStringLiteral("quality"), 90, 1, 100, QString(), tr("Quality"),
                               tr("JPEG and WebP quality: higher is better and larger.")),
            ParamSpec::integer(QStringLiteral("png-compression"), 6, 0, 9, QString(),
                               tr("PNG compression"),
                               tr("zlib level: higher is smaller and slower; all are lossless.")),
            ParamSpec::boolean(QStringLiteral("progressive"), false, tr("Progressive JPEG"),
                               tr("Write JPEGs that load coarse-to-fine.")),
            ParamSpec::enumeration(
                QStringLiteral("chroma-subsampling"),
                {QStringLiteral("444"), QStringLiteral("422"), QStringLiteral("420")},
                QStringLiteral("420"), tr("Chroma subsampling"),
                tr("JPEG colour resolution: 444 keeps fine colour detail (red text, fabric), "
                   "420 is smallest and what most cameras write.")),
            ParamSpec::boolean(QStringLiteral("lossless"), false, tr("Lossless WebP"),
                               tr("Write WebP without any loss; quality is then ignored.")),
            ParamSpec::enumeration(QStringLiteral("tiff-compression"),
                                   {QStringLiteral("none"), QStringLiteral("lzw"),
                                    QStringLiteral("deflate"), QStringLiteral("packbits")},
                                   QStringLiteral("lzw"), tr("TIFF compression"),
                                   tr("All are lossless; deflate is usually smallest, none is "
                                      "read by every program.")),
            ParamSpec::color(QStringLiteral("background"), QStringLiteral("white"),
                             tr("Background"),
                             tr("Colour that transparent parts are laid on for JPEG and BMP, "
                                "which cannot store transparency.")),
            ParamSpec::enumeration(
                QStringLiteral("metadata"),
                {QStringLiteral("keep"), QStringLiteral("strip"),
                 QStringLiteral("keep-but-strip-gps")},
                QStringLiteral("keep"), tr("Metadata"),
                tr("EXIF, XMP, IPTC and colour profile of the input: keep them, strip them (a "
                   "non-sRGB colour profile stays, or the colours would change), or keep all but "
                   "the GPS position.")),
            ParamSpec::integer(QStringLiteral("max-bytes"), 0, 0, std::numeric_limits<int>::max(),
                               QStringLiteral("B"), tr("Maximum file size"),
                               tr("JPEG and WebP: lower the quality as little as needed for the "
                                  "file to fit; 0 for no limit.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        const QString type = params.value(QStringLiteral("type")).toString();
        const int maxBytes = params.value(QStringLiteral("max-bytes")).toInt();
        if (maxBytes > 0 && type != QLatin1String("auto") && type != QLatin1String("jpeg") &&
            type != QLatin1String("webp"))
            return tr("max-bytes %1: a size limit works only for jpeg and webp output, not %2")
                .arg(maxBytes)
                .arg(type);
        if (maxBytes > 0 && params.value(QStringLiteral("lossless")).toBool())
            return tr("max-bytes %1: a size limit needs lossy output; remove lossless=true")
                .arg(maxBytes);
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &, OpContext &) const override
    {
        return OpResult::ok(input);
    }
};

} // namespace

std::unique_ptr<Operation> makeFormat()
{
    return std::make_unique<FormatOutput>();
}
PQ_REGISTER_OPERATION(makeFormat);

} // namespace pq::ops
