// flip: mirror the image left-right, top-bottom or both (the last equals a 180-degree rotation).
// Pixels are only moved, never resampled.

#include "AllOperations.h"
#include "OpSupport.h"

#include <QCoreApplication>

namespace pq::ops {

namespace {

class Flip final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Flip)

public:
    QString id() const override { return QStringLiteral("flip"); }
    QString title() const override { return tr("Flip"); }
    QString description() const override
    {
        return tr("Mirrors the image horizontally, vertically or both, pixel for pixel.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::enumeration(
                QStringLiteral("direction"),
                {QStringLiteral("horizontal"), QStringLiteral("vertical"), QStringLiteral("both")},
                QStringLiteral("horizontal"), tr("Direction"),
                tr("Horizontal swaps left and right, vertical swaps top and bottom; both does "
                   "the two, which is a half turn.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] {
            const QString direction = params.value(QStringLiteral("direction")).toString();
            // cv::flip codes: 1 around the vertical axis, 0 around the horizontal one, -1 both.
            const int code = direction == QLatin1String("vertical") ? 0
                             : direction == QLatin1String("both")   ? -1
                                                                    : 1;
            cv::Mat out;
            cv::flip(input, out, code);
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeFlip()
{
    return std::make_unique<Flip>();
}
PQ_REGISTER_OPERATION(makeFlip);

} // namespace pq::ops
