// sharpen: unsharp mask on L* of Lab, the way photographers sharpen: only lightness gets the
// added edge contrast, so edges do not grow coloured fringes.
//
//   d  = L - gaussian(L, radius)          (radius = the blur's standard deviation in px)
//   L' = L + amount * d   where |d| >= threshold, else L unchanged
//
// As in ImageMagick's -unsharp and Photoshop's Unsharp Mask, the threshold is a hard one and is
// given in 0..255 levels (of L* scaled to 0..255): it leaves fine noise and skin texture alone
// while real edges are sharpened. On images with alpha the blur is weighted by alpha, so the
// colour of transparent pixels does not make halos along the visible edge.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

class Sharpen final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Sharpen)

public:
    QString id() const override { return QStringLiteral("sharpen"); }
    QString title() const override { return tr("Sharpen"); }
    QString description() const override
    {
        return tr("Makes edges crisper with an unsharp mask applied to lightness.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::real(QStringLiteral("amount"), 1.0, 0.0, 5.0, QString(), tr("Amount"),
                            tr("How much of the edge contrast is added: 0.5 is subtle, 1 "
                               "clear, above 2 strong.")),
            ParamSpec::real(QStringLiteral("radius"), 1.0, 0.1, 50.0, QStringLiteral("px"),
                            tr("Radius"),
                            tr("Size of the details sharpened (the blur's standard deviation): "
                               "0.5 to 2 px for fine detail, larger for local contrast.")),
            ParamSpec::integer(QStringLiteral("threshold"), 0, 0, 255, QString(), tr("Threshold"),
                               tr("Differences smaller than this (0..255 levels) are left "
                                  "alone, to keep noise and skin texture from being "
                                  "sharpened.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const double amount = params.value(QStringLiteral("amount")).toDouble();
        const double radius = params.value(QStringLiteral("radius")).toDouble();
        const float threshold =
            float(params.value(QStringLiteral("threshold")).toInt() * 100.0 / 255.0); // in L* units
        return support::guarded([&] {
            if (amount == 0.0)
                return OpResult::ok(input.clone());
            cv::Mat out = tone::mapLightness(input, [&](cv::Mat &L, const cv::Mat &alpha) {
                const cv::Mat blurred =
                    tone::alphaWeightedBlur(L, alpha, [radius](const cv::Mat &s, cv::Mat &d) {
                        tone::gaussianBlur(s, d, radius);
                    });
                cv::Mat detail = L - blurred;
                if (threshold > 0)
                    detail.setTo(0, cv::abs(detail) < threshold);
                cv::scaleAdd(detail, amount, L, L);
                cv::min(cv::max(L, 0.0), 100.0, L);
            });
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeSharpen()
{
    return std::make_unique<Sharpen>();
}
PQ_REGISTER_OPERATION(makeSharpen);

} // namespace pq::ops
