// sepia: the look of a sepia-toned print. Lightness is the image's own L* (so the tonal
// rendering is that of the `grayscale` luminance method), and the colour is a warm brown whose
// chroma peaks in the mid-tones and fades to neutral in the deepest shadows and the paper-white
// highlights, as toner does. `strength` blends the chroma from the original colours (0) to the
// full tone (1) in Lab, so lightness never changes with it.
//
// The classic 3x3 "sepia matrix" is not used: its rows sum to 1.35, so it brightens and clips
// every highlight. A gray image becomes a 3-channel one (the tone is a colour).

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

// The tone at full chroma, in Lab: hue angle about 69 degrees, the brown of selenium/sulphide
// toned prints (a photo of such a print measures roughly L* 60, a* 9, b* 23).
constexpr float toneA = 9.0f;
constexpr float toneB = 23.0f;

class Sepia final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Sepia)

public:
    QString id() const override { return QStringLiteral("sepia"); }
    QString title() const override { return tr("Sepia"); }
    QString description() const override
    {
        return tr("Gives the image the warm brown tone of an old sepia print.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::real(QStringLiteral("strength"), 1.0, 0.0, 1.0, QString(), tr("Strength"),
                            tr("0 keeps the original colours, 1 is a full sepia tone.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const float strength = params.value(QStringLiteral("strength")).toFloat();
        return support::guarded([&] {
            if (strength == 0.0f && input.channels() != 1)
                return OpResult::ok(input.clone());
            cv::Mat src = input;
            if (src.channels() == 1)
                cv::cvtColor(input, src, cv::COLOR_GRAY2BGR);
            cv::Mat out = tone::mapLab(src, [strength](cv::Mat &lab) {
                cv::parallel_for_(cv::Range(0, lab.rows), [&lab, strength](const cv::Range &rows) {
                    for (int y = rows.start; y < rows.end; ++y) {
                        cv::Vec3f *p = lab.ptr<cv::Vec3f>(y);
                        for (int x = 0; x < lab.cols; ++x) {
                            const float t = std::clamp(p[x][0] / 100.0f, 0.0f, 1.0f);
                            // 1 at L* = 50, 0 at black and white, broad in between.
                            const float w = std::pow(4.0f * t * (1.0f - t), 0.7f);
                            p[x][1] += strength * (w * toneA - p[x][1]);
                            p[x][2] += strength * (w * toneB - p[x][2]);
                        }
                    }
                });
            });
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeSepia()
{
    return std::make_unique<Sepia>();
}
PQ_REGISTER_OPERATION(makeSepia);

} // namespace pq::ops
