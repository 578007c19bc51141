// white-balance: removes a colour cast with one gain per channel, estimated by OpenCV xphoto.
//
//   gray-world: cv::xphoto::GrayworldWB. Assumes the scene averages to gray: scales B, G and R
//               so that their means become equal, counting only pixels less saturated than
//               `saturation-threshold` (strong colours would otherwise pull the estimate).
//   auto:       cv::xphoto::LearningBasedWB with OpenCV's built-in model (Cheng et al., "Effective
//               learning-based illuminant estimation using simple features", CVPR 2015): the
//               illuminant is predicted from the chromaticities of the average, brightest and
//               dominant colours; clipped pixels are ignored. The model was trained on linear
//               camera data (the Gehler-Shi set), so it is given the photo in linear light (the
//               sRGB curve undone, at 16 bits), and its channel gains are applied in linear
//               light too, which is where a change of illuminant acts. Fed gamma-encoded values
//               directly it over-corrects: on our tests it turned a blue cast into a stronger
//               orange one.
//
// Both work on 8- and 16-bit BGR; alpha is kept (transparent pixels still count in the
// estimate: the xphoto balancers take no mask). A gray image has no cast and is returned as is.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <opencv2/xphoto/white_balance.hpp>
#include <type_traits>
#include <vector>

namespace pq::ops {

namespace {

// The learning-based estimate's gains (B, G, R) for linear light.
cv::Vec3d learnedLinearGains(const cv::Mat &bgr, const std::vector<float> &toLinear)
{
    cv::Mat linear(bgr.size(), CV_16UC3);
    auto fill = [&](auto *src, ushort *dst, int n) {
        for (int i = 0; i < n; ++i)
            dst[i] = cv::saturate_cast<ushort>(65535.0f * toLinear[src[i]]);
    };
    for (int y = 0; y < bgr.rows; ++y) {
        if (bgr.depth() == CV_8U)
            fill(bgr.ptr<uchar>(y), linear.ptr<ushort>(y), bgr.cols * 3);
        else
            fill(bgr.ptr<ushort>(y), linear.ptr<ushort>(y), bgr.cols * 3);
    }
    cv::Ptr<cv::xphoto::LearningBasedWB> wb = cv::xphoto::createLearningBasedWB();
    wb->setRangeMaxVal(65535);
    cv::Mat balanced;
    wb->balanceWhite(linear, balanced);
    // balanceWhite applies one gain per channel; read them back as ratios of channel sums over
    // the pixels that are neither near black (rounding) nor clipped by the gain.
    cv::Mat planesIn[3], planesOut[3];
    cv::split(linear, planesIn);
    cv::split(balanced, planesOut);
    cv::Mat usable = cv::min(cv::min(planesIn[0], planesIn[1]), planesIn[2]) > 256;
    usable &= cv::max(cv::max(planesOut[0], planesOut[1]), planesOut[2]) < 65535;
    usable &= cv::max(cv::max(planesIn[0], planesIn[1]), planesIn[2]) < 65535;
    cv::Vec3d gains(1, 1, 1);
    for (int c = 0; c < 3; ++c) {
        const double in = cv::mean(planesIn[c], usable)[0];
        const double out = cv::mean(planesOut[c], usable)[0];
        if (in > 0 && out > 0)
            gains[c] = out / in;
    }
    return gains;
}

cv::Mat applyLinearGains(const cv::Mat &bgr, const cv::Vec3d &gains,
                         const std::vector<float> &toLinear)
{
    const tone::LinearEncoder encode(bgr.depth());
    cv::Mat out(bgr.size(), bgr.type());
    const float g[3] = {float(gains[0]), float(gains[1]), float(gains[2])};
    auto row = [&](auto *src, auto *dst, int cols) {
        using T = std::remove_pointer_t<decltype(dst)>;
        for (int x = 0; x < cols; ++x)
            for (int c = 0; c < 3; ++c)
                dst[3 * x + c] = cv::saturate_cast<T>(encode(g[c] * toLinear[src[3 * x + c]]));
    };
    for (int y = 0; y < bgr.rows; ++y) {
        if (bgr.depth() == CV_8U)
            row(bgr.ptr<uchar>(y), out.ptr<uchar>(y), bgr.cols);
        else
            row(bgr.ptr<ushort>(y), out.ptr<ushort>(y), bgr.cols);
    }
    return out;
}

class WhiteBalance final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::WhiteBalance)

public:
    QString id() const override { return QStringLiteral("white-balance"); }
    QString title() const override { return tr("White balance"); }
    QString description() const override
    {
        return tr("Removes a colour cast so that neutral tones look neutral.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::enumeration(
                QStringLiteral("method"), {QStringLiteral("gray-world"), QStringLiteral("auto")},
                QStringLiteral("gray-world"), tr("Method"),
                tr("gray-world makes the average colour neutral; auto estimates the light "
                   "source with OpenCV's learning-based model.")),
            ParamSpec::real(QStringLiteral("saturation-threshold"), 0.9, 0.01, 1.0, QString(),
                            tr("Saturation threshold"),
                            tr("gray-world only: pixels more saturated than this (0..1) are "
                               "left out of the average.")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const bool grayWorld =
            params.value(QStringLiteral("method")).toString() == QLatin1String("gray-world");
        const float threshold = params.value(QStringLiteral("saturation-threshold")).toFloat();
        return support::guarded([&] {
            if (input.channels() == 1)
                return OpResult::ok(input.clone());
            const tone::Layers l = tone::splitAlpha(input);
            cv::Mat balanced;
            if (grayWorld) {
                cv::Ptr<cv::xphoto::GrayworldWB> wb = cv::xphoto::createGrayworldWB();
                wb->setSaturationThreshold(threshold);
                wb->balanceWhite(l.colour, balanced);
            } else {
                const std::vector<float> toLinear = tone::codeToLinearTable(input.depth());
                const cv::Vec3d gains = learnedLinearGains(l.colour, toLinear);
                if (ctx.isCancelled())
                    return support::cancelledResult();
                balanced = applyLinearGains(l.colour, gains, toLinear);
            }
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(tone::withAlpha(balanced, l.alpha));
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeWhiteBalance()
{
    return std::make_unique<WhiteBalance>();
}
PQ_REGISTER_OPERATION(makeWhiteBalance);

} // namespace pq::ops
