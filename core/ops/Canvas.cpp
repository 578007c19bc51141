// canvas: pad the image with a colour to a size and/or an aspect ratio, placed by gravity. Never
// crops and never scales: the photo's pixels come out exactly as they went in.

#include "AllOperations.h"
#include "GeometrySupport.h"
#include "OpSupport.h"
#include "ParamValues.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace pq::ops {

namespace {

struct CanvasParams
{
    int width = 0;
    int height = 0;
    QString aspect;
    QString gravity;
    cv::Scalar colour;

    static CanvasParams from(const Params &p)
    {
        CanvasParams c;
        c.width = p.value(QStringLiteral("width")).toInt();
        c.height = p.value(QStringLiteral("height")).toInt();
        c.aspect = p.value(QStringLiteral("aspect")).toString().trimmed();
        c.gravity = p.value(QStringLiteral("gravity"), QStringLiteral("center")).toString();
        c.colour = parseColor(p.value(QStringLiteral("color")).toString())
                       .value_or(cv::Scalar(255, 255, 255, 255));
        return c;
    }
};

// The canvas for an `in`-sized image: at least the requested size (a side of the image that is
// already larger is kept), then widened or heightened, never both, to the aspect ratio.
cv::Size canvasSize(const CanvasParams &p, cv::Size in)
{
    // 64-bit while computing: an extreme ratio must reach the size check, not overflow.
    double w = std::max(in.width, p.width);
    double h = std::max(in.height, p.height);
    if (const auto ratio = geometry::parseAspect(p.aspect)) {
        if (w / h < *ratio)
            w = std::max(w, std::round(h * *ratio));
        else
            h = std::max(h, std::round(w / *ratio));
    }
    constexpr double kBeyond = 1 << 30; // anything above is refused by sizeLimitError anyway
    return {int(std::min(w, kBeyond)), int(std::min(h, kBeyond))};
}

class Canvas final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Canvas)

public:
    QString id() const override { return QStringLiteral("canvas"); }
    QString title() const override { return tr("Canvas"); }
    QString description() const override
    {
        return tr("Pads the image with a colour to a size and/or an aspect ratio, without "
                  "cropping or scaling it.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::integer(QStringLiteral("width"), 0, 0, 65535, QStringLiteral("px"),
                               tr("Width"),
                               tr("Canvas width; 0 keeps the image's. An image already wider "
                                  "keeps its width: canvas never crops.")),
            ParamSpec::integer(QStringLiteral("height"), 0, 0, 65535, QStringLiteral("px"),
                               tr("Height"),
                               tr("Canvas height; 0 keeps the image's. An image already taller "
                                  "keeps its height: canvas never crops.")),
            ParamSpec::text(QStringLiteral("aspect"), QString(), tr("Aspect ratio"),
                            tr("Such as 1:1 or 16:9: pad the shorter direction until the canvas "
                               "has this shape (after width and height).")),
            ParamSpec::enumeration(QStringLiteral("gravity"), geometry::gravityChoices(),
                                   QStringLiteral("center"), tr("Gravity"),
                                   tr("Where the image sits on the canvas.")),
            ParamSpec::color(QStringLiteral("color"), QStringLiteral("white"), tr("Colour"),
                             tr("Colour of the added area; transparent adds an alpha channel.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        const CanvasParams p = CanvasParams::from(params);
        if (!p.aspect.isEmpty() && !geometry::parseAspect(p.aspect))
            return tr("parameter 'aspect': '%1' is not an aspect ratio (examples: 16:9, 1:1, 1.5)")
                .arg(p.aspect);
        if (p.width == 0 && p.height == 0 && p.aspect.isEmpty())
            return tr("no canvas size given: set width and/or height, or aspect");
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] {
            const CanvasParams p = CanvasParams::from(params);
            const cv::Size size = canvasSize(p, input.size());
            if (auto err = geometry::sizeLimitError(size))
                return OpResult::fail(ErrorKind::Permanent, *err);
            const cv::Point at = geometry::gravityOffset(
                p.gravity, {size.width - input.cols, size.height - input.rows});
            cv::Mat out = geometry::pad(input, size, at, p.colour);
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeCanvas()
{
    return std::make_unique<Canvas>();
}
PQ_REGISTER_OPERATION(makeCanvas);

} // namespace pq::ops
