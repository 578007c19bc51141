// blur: Gaussian (radius = standard deviation in px; above 12 px a three-box approximation that
// costs the same at any radius, see ToneSupport.h) or box (the mean over a square of side
// 2 * round(radius) + 1). Every channel of gray and BGR images is blurred on the stored values;
// on BGRA the colour is blurred weighted by alpha, so transparent pixels do not bleed into
// visible ones, and alpha itself is kept.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

class Blur final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Blur)

public:
    QString id() const override { return QStringLiteral("blur"); }
    QString title() const override { return tr("Blur"); }
    QString description() const override { return tr("Softens the image."); }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::enumeration(QStringLiteral("type"),
                                   {QStringLiteral("gaussian"), QStringLiteral("box")},
                                   QStringLiteral("gaussian"), tr("Type"),
                                   tr("gaussian is smooth and natural; box averages a square "
                                      "and is harsher.")),
            ParamSpec::real(QStringLiteral("radius"), 2.0, 0.1, 200.0, QStringLiteral("px"),
                            tr("Radius"),
                            tr("gaussian: the standard deviation; box: half the side of the "
                               "square (rounded, at least 1).")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const bool box = params.value(QStringLiteral("type")).toString() == QLatin1String("box");
        const double radius = params.value(QStringLiteral("radius")).toDouble();
        return support::guarded([&] {
            const int r = std::max(1, int(std::lround(radius)));
            auto blur = [&](const cv::Mat &s, cv::Mat &d) {
                if (box)
                    cv::blur(s, d, cv::Size(2 * r + 1, 2 * r + 1), cv::Point(-1, -1),
                             cv::BORDER_REFLECT_101);
                else
                    tone::gaussianBlur(s, d, radius);
            };
            cv::Mat out;
            if (input.channels() != 4) {
                blur(input, out);
            } else {
                const tone::Layers l = tone::splitAlpha(input);
                const cv::Mat colour =
                    tone::alphaWeightedBlur(tone::toUnit(l.colour), tone::toUnit(l.alpha), blur);
                out = tone::withAlpha(tone::fromUnit(colour, input.depth()), l.alpha);
            }
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeBlur()
{
    return std::make_unique<Blur>();
}
PQ_REGISTER_OPERATION(makeBlur);

} // namespace pq::ops
