// grayscale: drops colour.
//
//   luminance: BT.709 luminance in linear light, Y = 0.2126 R + 0.7152 G + 0.0722 B on
//              linearised sRGB, encoded back with the sRGB curve: the gray has the same L* as
//              the colour it replaces (it is L* of Lab), so perceived lightness is kept. (The
//              common 0.299/0.587/0.114 on gamma-encoded values is BT.601 luma and renders
//              saturated reds and blues too dark or light.)
//   average:   (B + G + R) / 3 on the stored values.
//
// keep-channels chooses a 1-channel result or 3 equal channels. An image with alpha always keeps
// its 4 channels (gray B = G = R, alpha untouched): one channel could not carry the alpha.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <type_traits>
#include <vector>

namespace pq::ops {

namespace {

// BT.709 / sRGB luminance of a BGR image, as an sRGB-encoded gray of the same depth.
cv::Mat luminance(const cv::Mat &bgr)
{
    const std::vector<float> linear = tone::codeToLinearTable(bgr.depth());
    const tone::LinearEncoder encode(bgr.depth());
    cv::Mat gray(bgr.size(), CV_MAKETYPE(bgr.depth(), 1));
    auto row = [&](auto *src, auto *dst, int cols) {
        for (int x = 0; x < cols; ++x) {
            const float y = 0.0722f * linear[src[3 * x]] + 0.7152f * linear[src[3 * x + 1]] +
                            0.2126f * linear[src[3 * x + 2]];
            dst[x] = cv::saturate_cast<std::remove_pointer_t<decltype(dst)>>(encode(y));
        }
    };
    for (int y = 0; y < bgr.rows; ++y) {
        if (bgr.depth() == CV_8U)
            row(bgr.ptr<uchar>(y), gray.ptr<uchar>(y), bgr.cols);
        else
            row(bgr.ptr<ushort>(y), gray.ptr<ushort>(y), bgr.cols);
    }
    return gray;
}

cv::Mat average(const cv::Mat &bgr)
{
    cv::Mat sum;
    cv::transform(bgr, sum, cv::Matx13f(1.0f / 3, 1.0f / 3, 1.0f / 3));
    return sum;
}

class Grayscale final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Grayscale)

public:
    QString id() const override { return QStringLiteral("grayscale"); }
    QString title() const override { return tr("Grayscale"); }
    QString description() const override { return tr("Converts the image to shades of gray."); }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::enumeration(
                QStringLiteral("method"), {QStringLiteral("luminance"), QStringLiteral("average")},
                QStringLiteral("luminance"), tr("Method"),
                tr("luminance keeps the perceived lightness of every colour (BT.709, the L* of "
                   "Lab); average is the plain mean of red, green and blue.")),
            ParamSpec::boolean(QStringLiteral("keep-channels"), false, tr("Keep channels"),
                               tr("Write three equal colour channels instead of one gray "
                                  "channel (images with transparency always keep theirs).")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const bool useAverage =
            params.value(QStringLiteral("method")).toString() == QLatin1String("average");
        const bool keepChannels = params.value(QStringLiteral("keep-channels")).toBool();
        return support::guarded([&] {
            const tone::Layers l = tone::splitAlpha(input);
            cv::Mat gray;
            if (l.colour.channels() == 1)
                gray = l.colour.clone();
            else
                gray = useAverage ? average(l.colour) : luminance(l.colour);
            cv::Mat out;
            if (!l.alpha.empty())
                out = tone::withAlpha(gray, l.alpha);
            else if (keepChannels)
                cv::cvtColor(gray, out, cv::COLOR_GRAY2BGR);
            else
                out = gray;
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeGrayscale()
{
    return std::make_unique<Grayscale>();
}
PQ_REGISTER_OPERATION(makeGrayscale);

} // namespace pq::ops
