// teeth-whiten: finds the teeth in each smiling face (or inside mouth rectangles the user gives)
// and makes them whiter in Lab: less yellow (b* toward 0) and brighter (L* up), by `strength`.
// Pixels outside the teeth found are never written.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ParamValues.h"
#include "RetouchSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

// At full strength b* keeps a fifth of its yellow (teeth are never blue-white in life) and L*
// closes a third of its gap to white; lower strengths scale both.
constexpr float kYellowRemoved = 0.8f;
constexpr float kLightGained = 0.35f;

cv::Mat whitened(const cv::Mat &bgr, double strength)
{
    cv::Mat lab;
    cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
    const float s = float(strength);
    for (int y = 0; y < lab.rows; ++y) {
        cv::Vec3f *p = lab.ptr<cv::Vec3f>(y);
        for (int x = 0; x < lab.cols; ++x) {
            p[x][0] += s * kLightGained * std::max(0.f, 100.f - p[x][0]);
            p[x][2] -= s * kYellowRemoved * std::max(0.f, p[x][2]);
        }
    }
    cv::Mat out;
    cv::cvtColor(lab, out, cv::COLOR_Lab2BGR);
    return out;
}

class TeethWhitening final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::TeethWhitening)

public:
    QString id() const override { return QStringLiteral("teeth-whiten"); }
    QString title() const override { return tr("Teeth whitening"); }
    QString description() const override
    {
        return tr("Makes teeth whiter and brighter in smiling faces, found automatically or "
                  "inside mouth rectangles you give.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::real(QStringLiteral("strength"), 0.5, 0, 1, QString(), tr("Strength"),
                            tr("0 changes nothing; 1 removes most of the yellow and brightens "
                               "the teeth by a third of their distance to white.")),
            ParamSpec::rects(QStringLiteral("mouth"), tr("Mouths"),
                             tr("Optional: rectangles WxH+X+Y around the mouths, in pixels of "
                                "the upright image; without them faces and smiles are found "
                                "automatically.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const double strength = params.value(QStringLiteral("strength")).toDouble();
        // No colour, no yellow to take out; strength 0 is the identity.
        if (input.channels() < 3 || strength <= 0)
            return OpResult::ok(input);
        return support::guarded([&] {
            const std::vector<cv::Rect> mouths =
                parseRects(params.value(QStringLiteral("mouth")).toString())
                    .value_or(std::vector<cv::Rect>{});
            retouch::TeethFinding found;
            if (auto err = retouch::findTeeth(
                    input, &mouths, [&] { return ctx.isCancelled(); }, &found))
                return OpResult{cv::Mat(), *err};
            if (ctx.progress)
                ctx.progress(0.8);
            if (found.teeth.empty())
                return OpResult::ok(input);
            cv::Mat out = input.clone();
            for (const retouch::MaskPatch &teeth : found.teeth)
                retouch::blendInto(out, teeth.rect,
                                   whitened(retouch::bgrFloat(input, teeth.rect), strength),
                                   teeth.alpha);
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeTeethWhitening()
{
    return std::make_unique<TeethWhitening>();
}
PQ_REGISTER_OPERATION(makeTeethWhitening);

} // namespace pq::ops
