// colorize: gives a grey (or colour) photo new chroma while keeping its luminance, either from the
// Zhang et al. 2016 network (engine=model) or from a reference colour photo (engine=reference:
// Welsh et al. 2002 matching, or Reinhard et al. 2001 mean/deviation transfer).

#include "AllOperations.h"
#include "ColorizeSupport.h"
#include "OpSupport.h"

#include <QCoreApplication>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

struct ColorizeParams
{
    bool model = true;
    QString reference;
    QString modelDir;
    bool reinhard = false;
    int samples = 200;
    double strength = 1.0;
    double saturation = 1.0;

    static ColorizeParams from(const Params &p)
    {
        ColorizeParams c;
        c.model = p.value(QStringLiteral("engine")).toString() != QLatin1String("reference");
        c.reference = p.value(QStringLiteral("reference")).toString().trimmed();
        c.modelDir = p.value(QStringLiteral("model-dir")).toString().trimmed();
        c.reinhard = p.value(QStringLiteral("method")).toString() == QLatin1String("reinhard");
        c.samples = p.value(QStringLiteral("samples"), 200).toInt();
        c.strength = p.value(QStringLiteral("strength"), 1.0).toDouble();
        c.saturation = p.value(QStringLiteral("saturation"), 100.0).toDouble() / 100.0;
        return c;
    }
};

class Colorize final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Colorize)

public:
    QString id() const override { return QStringLiteral("colorize"); }
    QString title() const override { return tr("Colorize"); }
    QString description() const override
    {
        return tr("Gives a black-and-white photo colour, from a neural network or from a reference "
                  "colour photo, keeping its luminance.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::enumeration(
                QStringLiteral("engine"), {QStringLiteral("model"), QStringLiteral("reference")},
                QStringLiteral("model"), tr("Engine"),
                tr("model: the Zhang et al. 2016 colorization network (needs its model files); "
                   "reference: colours taken from a reference colour photo.")),
            ParamSpec::file(QStringLiteral("reference"), tr("Reference photo"),
                            tr("A colour photo of a similar scene whose colours are transferred "
                               "(engine reference).")),
            ParamSpec::text(QStringLiteral("model-dir"), QString(), tr("Model folder"),
                            tr("Folder holding colorization_deploy_v2.prototxt, "
                               "colorization_release_v2.caffemodel and pts_in_hull.npy; empty "
                               "uses $PIXQUEUE_COLORIZE_MODEL_DIR, else the application data "
                               "folder's models/colorization.")),
            ParamSpec::enumeration(
                QStringLiteral("method"), {QStringLiteral("welsh"), QStringLiteral("reinhard")},
                QStringLiteral("welsh"), tr("Transfer method"),
                tr("welsh: each pixel takes the colour of the reference pixel most like it in "
                   "brightness and texture; reinhard: faster, matches the mean and spread of "
                   "colour only (a grey photo gets one overall tone).")),
            ParamSpec::integer(QStringLiteral("samples"), 200, 16, 1024, QString(), tr("Samples"),
                               tr("How many reference pixels the welsh method chooses from.")),
            ParamSpec::real(QStringLiteral("strength"), 1.0, 0.0, 1.0, QString(), tr("Strength"),
                            tr("How much of the new colour replaces the photo's own (1 = all).")),
            ParamSpec::real(QStringLiteral("saturation"), 100, 0, 400, QStringLiteral("%"),
                            tr("Saturation"), tr("Scales the chroma of the result.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        const ColorizeParams p = ColorizeParams::from(params);
        if (!p.model && p.reference.isEmpty())
            return tr("engine 'reference' needs a colour photo: set reference=FILE");
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] { return colorize(input, ColorizeParams::from(params), ctx); });
    }

private:
    static OpResult colorize(const cv::Mat &input, const ColorizeParams &p, OpContext &ctx)
    {
        auto progress = [&](double v) {
            if (ctx.progress)
                ctx.progress(v);
        };
        const std::function<bool()> cancelled = [&] { return ctx.isCancelled(); };

        cv::Mat colour = input;
        cv::Mat alpha;
        if (input.channels() == 4) {
            cv::extractChannel(input, alpha, 3);
            cv::cvtColor(input, colour, cv::COLOR_BGRA2BGR);
        }
        // A grey photo has no chroma of its own: no a*, b* planes to carry around.
        const bool grey = colour.channels() == 1;
        cv::Mat lightness, ab;
        colorize::toLab(colour, lightness, grey ? nullptr : &ab);
        progress(0.1);

        cv::Mat newAb;
        Error error;
        if (p.model) {
            const QString dir = p.modelDir.isEmpty() ? colorize::defaultModelDir() : p.modelDir;
            cv::dnn::Net *net = colorize::networkFor(dir, &error);
            if (!net)
                return OpResult::fail(error.kind, error.message);
            if (ctx.isCancelled())
                return support::cancelledResult();
            newAb = colorize::predictChroma(*net, lightness);
        } else {
            const colorize::ReferenceStats *ref =
                colorize::referenceFor(p.reference, p.samples, &error);
            if (!ref)
                return OpResult::fail(error.kind, error.message);
            if (ctx.isCancelled())
                return support::cancelledResult();
            if (p.reinhard) {
                newAb = colorize::reinhardChroma(ab, *ref);
            } else {
                newAb = colorize::welshChroma(
                    colorize::shrinkTo(lightness, colorize::kWorkingLongEdge), *ref, cancelled);
                if (newAb.empty())
                    return support::cancelledResult();
            }
        }
        if (ctx.isCancelled())
            return support::cancelledResult();
        progress(0.6);

        // Chroma predicted at a lower resolution is scaled up; the detail comes from the photo's
        // own full-resolution L*.
        if (newAb.size() != lightness.size())
            cv::resize(newAb, newAb, lightness.size(), 0, 0, cv::INTER_LINEAR);
        if (grey)
            newAb.convertTo(newAb, CV_32F, p.strength * p.saturation);
        else
            cv::addWeighted(ab, (1.0 - p.strength) * p.saturation, newAb, p.strength * p.saturation,
                            0.0, newAb);
        if (ctx.isCancelled())
            return support::cancelledResult();
        progress(0.8);
        cv::Mat out = colorize::fromLab(lightness, newAb, input.depth());
        progress(1.0);
        if (alpha.empty())
            return OpResult::ok(out);
        const cv::Mat channels[] = {out, alpha};
        cv::Mat withAlpha;
        cv::merge(channels, 2, withAlpha);
        return OpResult::ok(withAlpha);
    }
};

} // namespace

std::unique_ptr<Operation> makeColorize()
{
    return std::make_unique<Colorize>();
}
PQ_REGISTER_OPERATION(makeColorize);

} // namespace pq::ops
