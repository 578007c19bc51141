// gamma: out = in^(1/gamma) on each colour channel, values taken in [0, 1]. As in ImageMagick's
// -gamma, values above 1 brighten the mid-tones and values below 1 darken them; black and white
// stay put. Done through an exact lookup table for 8- and 16-bit, alpha untouched.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <cmath>

namespace pq::ops {

namespace {

class Gamma final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Gamma)

public:
    QString id() const override { return QStringLiteral("gamma"); }
    QString title() const override { return tr("Gamma"); }
    QString description() const override
    {
        return tr("Brightens (gamma above 1) or darkens (below 1) the mid-tones with a power "
                  "curve.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::real(QStringLiteral("gamma"), 1.0, 0.1, 10.0, QString(), tr("Gamma"),
                            tr("Output = input^(1/gamma): 1 changes nothing, 2.2 brightens the "
                               "mid-tones strongly, 0.5 darkens them.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const double gamma = params.value(QStringLiteral("gamma")).toDouble();
        return support::guarded([&] {
            if (gamma == 1.0)
                return OpResult::ok(input.clone());
            const double exponent = 1.0 / gamma;
            cv::Mat out =
                tone::applyCurve(input, [exponent](double v) { return std::pow(v, exponent); });
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeGamma()
{
    return std::make_unique<Gamma>();
}
PQ_REGISTER_OPERATION(makeGamma);

} // namespace pq::ops
