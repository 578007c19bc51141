// resize: scale to a box (inside / cover / exact), a long edge, or a percentage.

#include "AllOperations.h"
#include "OpSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace pq::ops {

namespace {

using support::ScalePlan;

enum class Fit
{
    Inside,
    Cover,
    Exact
};

struct ResizeParams
{
    int width = 0;
    int height = 0;
    int longEdge = 0;
    double percent = 0;
    Fit fit = Fit::Inside;
    bool enlarge = true;

    static ResizeParams from(const Params &p)
    {
        ResizeParams r;
        r.width = p.value(QStringLiteral("width")).toInt();
        r.height = p.value(QStringLiteral("height")).toInt();
        r.longEdge = p.value(QStringLiteral("long-edge")).toInt();
        r.percent = p.value(QStringLiteral("percent")).toDouble();
        const QString fit = p.value(QStringLiteral("fit")).toString();
        r.fit = fit == QLatin1String("cover")   ? Fit::Cover
                : fit == QLatin1String("exact") ? Fit::Exact
                                                : Fit::Inside;
        r.enlarge = p.value(QStringLiteral("enlarge"), true).toBool();
        return r;
    }
};

// What resizing an `in`-sized image produces. Sizes are computed from the input the operation
// actually gets, so the same function serves run() and the shrink-on-load check.
ScalePlan planFor(const ResizeParams &p, cv::Size in)
{
    const double W = in.width;
    const double H = in.height;
    auto uniform = [&](double s) {
        if (!p.enlarge)
            s = std::min(s, 1.0);
        const cv::Size out = support::scaled(in, s);
        return ScalePlan{out, out};
    };

    if (p.percent > 0)
        return uniform(p.percent / 100.0);
    if (p.longEdge > 0)
        return uniform(p.longEdge / std::max(W, H));
    if (p.width > 0 && p.height <= 0) {
        if (!p.enlarge && p.width >= in.width)
            return {in, in};
        const cv::Size out(p.width, std::max(1, int(std::lround(H * p.width / W))));
        return {out, out};
    }
    if (p.height > 0 && p.width <= 0) {
        if (!p.enlarge && p.height >= in.height)
            return {in, in};
        const cv::Size out(std::max(1, int(std::lround(W * p.height / H))), p.height);
        return {out, out};
    }

    const cv::Size box(p.width, p.height);
    switch (p.fit) {
    case Fit::Exact: {
        const cv::Size out =
            p.enlarge ? box
                      : cv::Size(std::min(box.width, in.width), std::min(box.height, in.height));
        return {out, out};
    }
    case Fit::Cover: {
        const double s = std::max(box.width / W, box.height / H);
        if (s <= 1.0 || p.enlarge) {
            // Rounding must never leave the scaled image smaller than the box it has to cover.
            const cv::Size sc(std::max(box.width, int(std::lround(W * s))),
                              std::max(box.height, int(std::lround(H * s))));
            return {sc, box};
        }
        // Covering would need enlarging: crop the largest box-shaped part at full size instead.
        const cv::Size out(std::clamp(int(std::lround(box.width / s)), 1, in.width),
                           std::clamp(int(std::lround(box.height / s)), 1, in.height));
        return {in, out};
    }
    case Fit::Inside:
    default: {
        double s = std::min(box.width / W, box.height / H);
        if (!p.enlarge)
            s = std::min(s, 1.0);
        cv::Size out = support::scaled(in, s);
        out.width = std::min(out.width, std::max(box.width, 1));
        out.height = std::min(out.height, std::max(box.height, 1));
        return {out, out};
    }
    }
}

class Resize final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Resize)

public:
    QString id() const override { return QStringLiteral("resize"); }
    QString title() const override { return tr("Resize"); }
    QString description() const override
    {
        return tr("Scales the image to a box, a long edge or a percentage of its size.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::integer(QStringLiteral("width"), 0, 0, 65535, QStringLiteral("px"),
                               tr("Width"), tr("Target width; 0 keeps the aspect ratio.")),
            ParamSpec::integer(QStringLiteral("height"), 0, 0, 65535, QStringLiteral("px"),
                               tr("Height"), tr("Target height; 0 keeps the aspect ratio.")),
            ParamSpec::integer(QStringLiteral("long-edge"), 0, 0, 65535, QStringLiteral("px"),
                               tr("Long edge"),
                               tr("Length of the longer side, whichever it is; 0 for unused.")),
            ParamSpec::real(QStringLiteral("percent"), 0, 0, 10000, QStringLiteral("%"),
                            tr("Percent"), tr("Scale factor in percent; 0 for unused.")),
            ParamSpec::enumeration(
                QStringLiteral("fit"),
                {QStringLiteral("inside"), QStringLiteral("cover"), QStringLiteral("exact")},
                QStringLiteral("inside"), tr("Fit"),
                tr("With width and height: fit inside the box, cover it and crop the overflow "
                   "at the centre, or stretch to it exactly.")),
            ParamSpec::boolean(QStringLiteral("enlarge"), true, tr("Enlarge"),
                               tr("Allow making images larger than they are.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        const ResizeParams p = ResizeParams::from(params);
        const int ways =
            int(p.width > 0 || p.height > 0) + int(p.longEdge > 0) + int(p.percent > 0);
        if (ways == 1)
            return std::nullopt;
        return ways == 0 ? tr("no size given: set width and/or height, or long-edge, or percent")
                         : tr("give only one way of sizing: width and/or height, or long-edge, or "
                              "percent");
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] {
            const ScalePlan plan = planFor(ResizeParams::from(params), input.size());
            cv::Mat out = support::resample(input, plan.scaled);
            if (plan.output != plan.scaled)
                out = support::centreCrop(out, plan.output).clone();
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }

    int allowedDecodeReduction(const Params &params, cv::Size fullSize) const override
    {
        const ResizeParams p = ResizeParams::from(params);
        return support::reductionFor(fullSize, [&](cv::Size in) { return planFor(p, in); });
    }
};

} // namespace

std::unique_ptr<Operation> makeResize()
{
    return std::make_unique<Resize>();
}
PQ_REGISTER_OPERATION(makeResize);

} // namespace pq::ops
