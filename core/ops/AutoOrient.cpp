// auto-orient: kept for recipes written for tools where orientation is a step of its own.
//
// PixQueue's decoder already applies the EXIF orientation to every image (imageio::decodeFile),
// so the pixels reaching any operation are upright and there is nothing left to turn: on pixels
// this operation is the identity, and its description says so. The output writer must reset the
// orientation tag of copied metadata to 1 ("upright") for every output, with or without this
// step, because the pixels it writes are always upright; a step here changes nothing about that.

#include "AllOperations.h"
#include "OpSupport.h"

#include <QCoreApplication>

namespace pq::ops {

namespace {

class AutoOrient final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::AutoOrient)

public:
    QString id() const override { return QStringLiteral("auto-orient"); }
    QString title() const override { return tr("Auto-orient"); }
    QString description() const override
    {
        return tr("Leaves the pixels as they are: every image is already turned upright by its "
                  "EXIF orientation when it is read, and outputs are never tagged as rotated. "
                  "Kept so that recipes from other tools load.");
    }

    QList<ParamSpec> params() const override { return {}; }

    OpResult run(const cv::Mat &input, const Params &, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        if (ctx.progress)
            ctx.progress(1.0);
        // Shares the input's pixels: operations never write into their input, so no copy is
        // needed for the identity.
        return OpResult::ok(input);
    }
};

} // namespace

std::unique_ptr<Operation> makeAutoOrient()
{
    return std::make_unique<AutoOrient>();
}
PQ_REGISTER_OPERATION(makeAutoOrient);

} // namespace pq::ops
