// thumbnail: fit into a small box (or a centred square), never enlarging by default. Designed for
// shrink-on-load: as the first step of a recipe it lets a JPEG be decoded at 1/2..1/8 scale.

#include "AllOperations.h"
#include "OpSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace pq::ops {

namespace {

using support::ScalePlan;

struct ThumbnailParams
{
    cv::Size box;
    bool square = false;
    bool enlarge = false;

    static ThumbnailParams from(const Params &p)
    {
        const int size = p.value(QStringLiteral("size"), 256).toInt();
        const int w = p.value(QStringLiteral("width")).toInt();
        const int h = p.value(QStringLiteral("height")).toInt();
        ThumbnailParams t;
        t.box = cv::Size(w > 0 ? w : size, h > 0 ? h : size);
        t.square = p.value(QStringLiteral("square")).toBool();
        t.enlarge = p.value(QStringLiteral("enlarge")).toBool();
        return t;
    }
};

ScalePlan planFor(const ThumbnailParams &p, cv::Size in)
{
    if (p.square) {
        // `scaled` is the whole image at the thumbnail's scale: what the shrink-on-load check
        // compares the reduced decode against.
        const int shortSide = std::min(in.width, in.height);
        int side = std::min(p.box.width, p.box.height);
        if (!p.enlarge)
            side = std::min(side, shortSide);
        const double s = double(side) / shortSide;
        const cv::Size sc(std::max(side, int(std::lround(in.width * s))),
                          std::max(side, int(std::lround(in.height * s))));
        return {sc, cv::Size(side, side)};
    }
    double s = std::min(double(p.box.width) / in.width, double(p.box.height) / in.height);
    if (!p.enlarge)
        s = std::min(s, 1.0);
    cv::Size out = support::scaled(in, s);
    out.width = std::min(out.width, p.box.width);
    out.height = std::min(out.height, p.box.height);
    return {out, out};
}

class Thumbnail final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Thumbnail)

public:
    QString id() const override { return QStringLiteral("thumbnail"); }
    QString title() const override { return tr("Thumbnail"); }
    QString description() const override
    {
        return tr("Makes a small preview that fits a box, optionally cropped to a square.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::integer(QStringLiteral("size"), 256, 1, 65535, QStringLiteral("px"),
                               tr("Size"), tr("Width and height of the box the thumbnail fits.")),
            ParamSpec::integer(QStringLiteral("width"), 0, 0, 65535, QStringLiteral("px"),
                               tr("Width"), tr("Box width; 0 uses size.")),
            ParamSpec::integer(QStringLiteral("height"), 0, 0, 65535, QStringLiteral("px"),
                               tr("Height"), tr("Box height; 0 uses size.")),
            ParamSpec::boolean(QStringLiteral("square"), false, tr("Square"),
                               tr("Crop the centre to a square before scaling.")),
            ParamSpec::boolean(QStringLiteral("enlarge"), false, tr("Enlarge"),
                               tr("Allow making images smaller than the box larger.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] {
            const ThumbnailParams p = ThumbnailParams::from(params);
            const ScalePlan plan = planFor(p, input.size());
            cv::Mat out;
            if (p.square) {
                // Crop first: resampling only the square is cheaper than the whole image.
                const int shortSide = std::min(input.cols, input.rows);
                out = support::resample(support::centreCrop(input, cv::Size(shortSide, shortSide)),
                                        plan.output);
                if (out.datastart == input.datastart && out.size() != input.size())
                    out = out.clone(); // not a view that keeps the whole input alive
            } else {
                out = support::resample(input, plan.output);
            }
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }

    int allowedDecodeReduction(const Params &params, cv::Size fullSize) const override
    {
        const ThumbnailParams p = ThumbnailParams::from(params);
        return support::reductionFor(fullSize, [&](cv::Size in) { return planFor(p, in); });
    }
};

} // namespace

std::unique_ptr<Operation> makeThumbnail()
{
    return std::make_unique<Thumbnail>();
}
PQ_REGISTER_OPERATION(makeThumbnail);

} // namespace pq::ops
