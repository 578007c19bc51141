// brightness-contrast: both act on CIE L* alone, so hue and chroma (a*, b*) stay as they were and
// colours do not drift the way per-channel curves make them (chroma shrinks only where the new
// lightness cannot carry it, at constant hue: see tone::fitToGamut).
//
//   contrast c:   a two-piece power curve through the pivot m, the mean L* of the visible pixels,
//                 with slope k = tan(pi/4 * (1 + c/100)) there (GIMP's slope: c = -100 gives a
//                 flat image at m, c = 100 a threshold at m):
//                     L <= m:  L' = m * (L/m)^k
//                     L >  m:  L' = 100 - (100 - m) * ((100 - L)/(100 - m))^k
//                 Black stays black and white stays white, so raising contrast compresses the
//                 deepest shadows and brightest highlights instead of clipping them; pivoting on
//                 the image's own mean rather than on L* = 50 keeps a dark photo dark.
//   brightness b: L'' = 100 * (L'/100)^(2^(-b/50)), a mid-tone curve applied after contrast:
//                 black and white stay put, nothing clips, b = 100 lifts the middle grey
//                 L* = 50 to 84, b = -100 lowers it to 6.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

void contrastCurve(cv::Mat &L, float m, float k)
{
    // A pivot at the very end of the range leaves one piece empty; keep both well defined.
    m = std::clamp(m, 0.5f, 99.5f);
    for (int y = 0; y < L.rows; ++y) {
        float *l = L.ptr<float>(y);
        for (int x = 0; x < L.cols; ++x) {
            const float v = std::clamp(l[x], 0.0f, 100.0f);
            l[x] = v <= m ? m * std::pow(v / m, k)
                          : 100.0f - (100.0f - m) * std::pow((100.0f - v) / (100.0f - m), k);
        }
    }
}

class BrightnessContrast final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::BrightnessContrast)

public:
    QString id() const override { return QStringLiteral("brightness-contrast"); }
    QString title() const override { return tr("Brightness and contrast"); }
    QString description() const override
    {
        return tr("Changes lightness and contrast on the L* channel of Lab, keeping colours as "
                  "they are.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::integer(QStringLiteral("brightness"), 0, -100, 100, QString(),
                               tr("Brightness"),
                               tr("Lightens (positive) or darkens (negative) the mid-tones; "
                                  "black and white stay as they are.")),
            ParamSpec::integer(QStringLiteral("contrast"), 0, -100, 100, QString(), tr("Contrast"),
                               tr("Spreads (positive) or narrows (negative) the tones around the "
                                  "image's mean lightness; -100 is flat, 100 is black and "
                                  "white.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const int brightness = params.value(QStringLiteral("brightness")).toInt();
        const int contrast = params.value(QStringLiteral("contrast")).toInt();
        return support::guarded([&] {
            if (brightness == 0 && contrast == 0)
                return OpResult::ok(input.clone());
            // At c = 100 tan() is (nearly) infinite; an exponent of 1000 is already a threshold.
            const double slope =
                std::min(std::tan(std::numbers::pi / 4 * (1.0 + contrast / 100.0)), 1000.0);
            const double exponent = std::pow(2.0, -brightness / 50.0);
            cv::Mat out = tone::mapLightness(input, [&](cv::Mat &L, const cv::Mat &alpha) {
                if (contrast != 0) {
                    const double mean = alpha.empty() ? cv::mean(L)[0] : cv::mean(L, alpha > 0)[0];
                    contrastCurve(L, float(mean), float(slope));
                }
                if (brightness != 0) {
                    cv::Mat n = L * (1.0 / 100.0);
                    cv::pow(n, exponent, n);
                    L = n * 100.0;
                }
            });
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeBrightnessContrast()
{
    return std::make_unique<BrightnessContrast>();
}
PQ_REGISTER_OPERATION(makeBrightnessContrast);

} // namespace pq::ops
