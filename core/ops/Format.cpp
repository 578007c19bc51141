// format: the output encoder's parameters. It is not a processing step: Recipe keeps its params as
// the recipe's output spec, Recipe::outputSuffix turns `type` into the file extension, and
// imageio::encode reads quality, png-compression and progressive from them.

#include "AllOperations.h"

#include <QCoreApplication>

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
        };
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
