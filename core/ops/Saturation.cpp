// saturation: scales chroma in CIE Lab, a* and b* multiplied by 1 + amount/100, L* untouched. So
// lightness does not move (an HSV saturation change darkens yellows and lightens blues) and
// -100 gives exactly the neutral gray of the same L*. Colours pushed beyond what the output can
// hold are clipped per channel. Gray images have no chroma and pass through unchanged.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>

namespace pq::ops {

namespace {

class Saturation final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Saturation)

public:
    QString id() const override { return QStringLiteral("saturation"); }
    QString title() const override { return tr("Saturation"); }
    QString description() const override
    {
        return tr("Makes colours more vivid or more muted without changing lightness.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::integer(QStringLiteral("amount"), 0, -100, 100, QStringLiteral("%"),
                               tr("Amount"),
                               tr("Change of chroma in percent: -100 removes all colour, 100 "
                                  "doubles it.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const int amount = params.value(QStringLiteral("amount")).toInt();
        return support::guarded([&] {
            if (amount == 0 || input.channels() == 1)
                return OpResult::ok(input.clone());
            const double factor = 1.0 + amount / 100.0;
            cv::Mat out = tone::mapLab(input, [factor](cv::Mat &lab) {
                cv::multiply(lab, cv::Scalar(1.0, factor, factor), lab);
            });
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeSaturation()
{
    return std::make_unique<Saturation>();
}
PQ_REGISTER_OPERATION(makeSaturation);

} // namespace pq::ops
