// auto-levels: a histogram stretch. The darkest and the lightest `clip-percent` of the pixels are
// let go to black and white, and the range between is stretched linearly to the full scale.
//
//   luminance:   the stretch is computed on and applied to L* of Lab; a* and b* are kept, so the
//                hue of every pixel stays (a colour cast stays too).
//   per-channel: each of B, G, R is stretched on its own (Photoshop's "Auto Tone"), which also
//                neutralises a colour cast, at the cost of changing hues.
//
// A gray image is stretched on L* in luminance mode too, so it ends up exactly like the same
// picture stored as BGR. Transparent pixels (alpha 0) do not count in the statistics; alpha is
// untouched.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace pq::ops {

namespace {

// A span narrower than this (1/1000 of the range) is a flat image: stretching it would only
// magnify noise, so it is left alone.
constexpr double minimumSpan = 1e-3;

class AutoLevels final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::AutoLevels)

public:
    QString id() const override { return QStringLiteral("auto-levels"); }
    QString title() const override { return tr("Auto levels"); }
    QString description() const override
    {
        return tr("Stretches the tones to the full range, letting a small share of the darkest "
                  "and lightest pixels clip.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::real(QStringLiteral("clip-percent"), 0.5, 0, 10, QStringLiteral("%"),
                            tr("Clip"),
                            tr("Share of the pixels allowed to become pure black, and likewise "
                               "pure white, so that a few outliers do not stop the stretch.")),
            ParamSpec::enumeration(
                QStringLiteral("mode"),
                {QStringLiteral("luminance"), QStringLiteral("per-channel")},
                QStringLiteral("luminance"), tr("Mode"),
                tr("Stretch lightness only, keeping hues, or each colour channel on its own, "
                   "which also removes a colour cast.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const double clip = params.value(QStringLiteral("clip-percent")).toDouble() / 100.0;
        const bool perChannel =
            params.value(QStringLiteral("mode")).toString() == QLatin1String("per-channel");
        return support::guarded([&] {
            const tone::Layers l = tone::splitAlpha(input);
            const cv::Mat mask = tone::visibleMask(l.alpha);
            cv::Mat out;
            if (perChannel) {
                // Per channel on the stored values: exact histograms, one linear map each.
                const double maxV = tone::maxValue(input.depth());
                std::vector<cv::Mat> planes;
                cv::split(l.colour, planes);
                for (cv::Mat &p : planes) {
                    if (ctx.isCancelled())
                        return support::cancelledResult();
                    const auto [lo, hi] = tone::percentiles(p, mask, clip, clip);
                    if (hi - lo < minimumSpan * maxV)
                        continue;
                    const double scale = maxV / (hi - lo);
                    p.convertTo(p, p.depth(), scale, -lo * scale);
                }
                cv::merge(planes, out);
                out = tone::withAlpha(out, l.alpha);
            } else {
                out = tone::mapLightness(input, [&](cv::Mat &L, const cv::Mat &) {
                    const auto [lo, hi] = tone::percentiles(L, mask, clip, clip, 0.0, 100.0);
                    if (hi - lo < minimumSpan * 100.0)
                        return;
                    const double scale = 100.0 / (hi - lo);
                    L.convertTo(L, CV_32F, scale, -lo * scale);
                    cv::min(cv::max(L, 0.0), 100.0, L);
                });
            }
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeAutoLevels()
{
    return std::make_unique<AutoLevels>();
}
PQ_REGISTER_OPERATION(makeAutoLevels);

} // namespace pq::ops
