// border: a frame of one colour around the image, in pixels and/or percent of the shorter side.
// The photo itself is not touched; the output grows by twice the border in each direction.

#include "AllOperations.h"
#include "GeometrySupport.h"
#include "OpSupport.h"
#include "ParamValues.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace pq::ops {

namespace {

// The frame width for an `in`-sized image: pixels plus percent of the shorter side; a non-zero
// percentage gives at least one pixel, so a tiny thumbnail still gets its frame.
int borderWidth(const Params &p, cv::Size in)
{
    const int px = p.value(QStringLiteral("size-px")).toInt();
    const double percent = p.value(QStringLiteral("size-percent")).toDouble();
    int fromPercent = 0;
    if (percent > 0)
        fromPercent =
            std::max(1, int(std::lround(percent / 100.0 * std::min(in.width, in.height))));
    return px + fromPercent;
}

class Border final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Border)

public:
    QString id() const override { return QStringLiteral("border"); }
    QString title() const override { return tr("Border"); }
    QString description() const override
    {
        return tr("Frames the image with a border of one colour.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::integer(QStringLiteral("size-px"), 0, 0, 10000, QStringLiteral("px"),
                               tr("Width in pixels"),
                               tr("Border width in pixels; added to size-percent when both are "
                                  "set.")),
            ParamSpec::real(QStringLiteral("size-percent"), 0, 0, 50, QStringLiteral("%"),
                            tr("Width in percent"),
                            tr("Border width in percent of the image's shorter side, so that "
                               "images of any size get the same look.")),
            ParamSpec::color(QStringLiteral("color"), QStringLiteral("white"), tr("Colour"),
                             tr("Colour of the border; transparent adds an alpha channel.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        if (params.value(QStringLiteral("size-px")).toInt() == 0 &&
            params.value(QStringLiteral("size-percent")).toDouble() == 0)
            return tr("no border width given: set size-px and/or size-percent");
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] {
            const int b = borderWidth(params, input.size());
            const cv::Size size(input.cols + 2 * b, input.rows + 2 * b);
            if (auto err = geometry::sizeLimitError(size))
                return OpResult::fail(ErrorKind::Permanent, *err);
            const cv::Scalar colour = parseColor(params.value(QStringLiteral("color")).toString())
                                          .value_or(cv::Scalar(255, 255, 255, 255));
            cv::Mat out = geometry::pad(input, size, {b, b}, colour);
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeBorder()
{
    return std::make_unique<Border>();
}
PQ_REGISTER_OPERATION(makeBorder);

} // namespace pq::ops
