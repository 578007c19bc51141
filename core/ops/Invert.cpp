// invert: the negative, max - value on each colour channel; alpha untouched. Exact, so inverting
// twice gives back the original bit for bit.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>

namespace pq::ops {

namespace {

class Invert final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Invert)

public:
    QString id() const override { return QStringLiteral("invert"); }
    QString title() const override { return tr("Invert"); }
    QString description() const override
    {
        return tr("Turns the image into its negative; transparency is kept.");
    }

    QList<ParamSpec> params() const override { return {}; }

    OpResult run(const cv::Mat &input, const Params &, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] {
            const tone::Layers l = tone::splitAlpha(input);
            cv::Mat inverted;
            cv::subtract(cv::Scalar::all(tone::maxValue(input.depth())), l.colour, inverted);
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(tone::withAlpha(inverted, l.alpha));
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeInvert()
{
    return std::make_unique<Invert>();
}
PQ_REGISTER_OPERATION(makeInvert);

} // namespace pq::ops
