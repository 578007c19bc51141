// crop: a rectangle in pixels or percent, optionally the largest rectangle of an aspect ratio
// placed by gravity inside it.

#include "AllOperations.h"
#include "OpSupport.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace pq::ops {

namespace {

// "16:9", "16/9", "16x9" or a plain ratio such as "1.5". Returns the width/height ratio.
std::optional<double> parseAspect(const QString &text)
{
    static const QRegularExpression pair(
        QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*[:/xX]\s*(\d+(?:\.\d+)?)\s*$)"));
    static const QRegularExpression single(QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*$)"));
    double ratio = 0;
    if (const auto m = pair.match(text); m.hasMatch()) {
        const double d = m.captured(2).toDouble();
        ratio = d > 0 ? m.captured(1).toDouble() / d : 0;
    } else if (const auto m1 = single.match(text); m1.hasMatch()) {
        ratio = m1.captured(1).toDouble();
    }
    // Ratios beyond 1:10000 cannot give a rectangle of at least one pixel in any real image.
    if (!(ratio >= 1e-4 && ratio <= 1e4))
        return std::nullopt;
    return ratio;
}

struct CropParams
{
    double x = 0, y = 0, width = 0, height = 0;
    bool percent = false;
    QString aspect;
    QString gravity;

    static CropParams from(const Params &p)
    {
        CropParams c;
        c.x = p.value(QStringLiteral("x")).toDouble();
        c.y = p.value(QStringLiteral("y")).toDouble();
        c.width = p.value(QStringLiteral("width")).toDouble();
        c.height = p.value(QStringLiteral("height")).toDouble();
        c.percent = p.value(QStringLiteral("unit")).toString() == QLatin1String("percent");
        c.aspect = p.value(QStringLiteral("aspect")).toString().trimmed();
        c.gravity = p.value(QStringLiteral("gravity"), QStringLiteral("center")).toString();
        return c;
    }
};

// The rectangle to keep, clamped to the image; may be empty.
cv::Rect cropRect(const CropParams &p, cv::Size in)
{
    auto px = [&](double v, int full) { return p.percent ? v * full / 100.0 : v; };
    const double x0 = px(p.x, in.width);
    const double y0 = px(p.y, in.height);
    // A width or height of 0 means "up to the right/bottom edge".
    const double x1 = p.width > 0 ? x0 + px(p.width, in.width) : in.width;
    const double y1 = p.height > 0 ? y0 + px(p.height, in.height) : in.height;
    auto clampRound = [](double v, int hi) { return std::clamp(int(std::lround(v)), 0, hi); };
    const int left = clampRound(x0, in.width);
    const int top = clampRound(y0, in.height);
    const int right = clampRound(x1, in.width);
    const int bottom = clampRound(y1, in.height);
    cv::Rect region(left, top, std::max(0, right - left), std::max(0, bottom - top));
    if (region.empty() || p.aspect.isEmpty())
        return region;

    const auto ratio = parseAspect(p.aspect);
    if (!ratio)
        return region; // validate() rejects this before run()
    int w = region.width;
    int h = region.height;
    if (double(w) / h > *ratio)
        w = std::clamp(int(std::lround(h * *ratio)), 1, region.width);
    else
        h = std::clamp(int(std::lround(w / *ratio)), 1, region.height);

    const int dx = region.width - w;
    const int dy = region.height - h;
    const QString &g = p.gravity;
    const int ox = g.endsWith(QLatin1String("west"))   ? 0
                   : g.endsWith(QLatin1String("east")) ? dx
                                                       : dx / 2;
    const int oy = g.startsWith(QLatin1String("north"))   ? 0
                   : g.startsWith(QLatin1String("south")) ? dy
                                                          : dy / 2;
    return {region.x + ox, region.y + oy, w, h};
}

class Crop final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Crop)

public:
    QString id() const override { return QStringLiteral("crop"); }
    QString title() const override { return tr("Crop"); }
    QString description() const override
    {
        return tr("Keeps a rectangle of the image, or the largest part with a given aspect ratio.");
    }

    QList<ParamSpec> params() const override
    {
        const QString unit; // px or % depending on `unit`
        return {
            ParamSpec::real(QStringLiteral("x"), 0, 0, 100000, unit, tr("Left"),
                            tr("Left edge of the rectangle.")),
            ParamSpec::real(QStringLiteral("y"), 0, 0, 100000, unit, tr("Top"),
                            tr("Top edge of the rectangle.")),
            ParamSpec::real(QStringLiteral("width"), 0, 0, 100000, unit, tr("Width"),
                            tr("Width of the rectangle; 0 reaches the right edge.")),
            ParamSpec::real(QStringLiteral("height"), 0, 0, 100000, unit, tr("Height"),
                            tr("Height of the rectangle; 0 reaches the bottom edge.")),
            ParamSpec::enumeration(QStringLiteral("unit"),
                                   {QStringLiteral("px"), QStringLiteral("percent")},
                                   QStringLiteral("px"), tr("Unit"),
                                   tr("Whether x, y, width and height are pixels or percent of "
                                      "the image size.")),
            ParamSpec::text(QStringLiteral("aspect"), QString(), tr("Aspect ratio"),
                            tr("Such as 16:9 or 1:1: keep the largest rectangle of this shape "
                               "inside the one given.")),
            ParamSpec::enumeration(
                QStringLiteral("gravity"),
                {QStringLiteral("center"), QStringLiteral("north"), QStringLiteral("south"),
                 QStringLiteral("east"), QStringLiteral("west"), QStringLiteral("northeast"),
                 QStringLiteral("northwest"), QStringLiteral("southeast"),
                 QStringLiteral("southwest")},
                QStringLiteral("center"), tr("Gravity"),
                tr("Where the aspect-ratio rectangle sits when it is smaller than the space.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        const CropParams p = CropParams::from(params);
        if (!p.aspect.isEmpty() && !parseAspect(p.aspect))
            return tr("parameter 'aspect': '%1' is not an aspect ratio (examples: 16:9, 1:1, 1.5)")
                .arg(p.aspect);
        if (p.percent) {
            for (const char *name : {"x", "y", "width", "height"})
                if (params.value(QLatin1String(name)).toDouble() > 100)
                    return tr("parameter '%1': %2 is more than 100 percent")
                        .arg(QLatin1String(name))
                        .arg(params.value(QLatin1String(name)).toDouble());
        }
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] {
            const CropParams p = CropParams::from(params);
            const cv::Rect r = cropRect(p, input.size());
            if (r.empty()) {
                const QString unit = p.percent ? QStringLiteral("%") : QStringLiteral("px");
                return OpResult::fail(
                    ErrorKind::Permanent,
                    tr("the rectangle at (%1, %2) %3 is outside the %4x%5 image, nothing "
                       "would be left")
                        .arg(p.x)
                        .arg(p.y)
                        .arg(unit)
                        .arg(input.cols)
                        .arg(input.rows));
            }
            // A copy, so the output does not keep the whole input alive through the next steps.
            cv::Mat out = input(r).clone();
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeCrop()
{
    return std::make_unique<Crop>();
}
PQ_REGISTER_OPERATION(makeCrop);

} // namespace pq::ops
