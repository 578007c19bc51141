// denoise: non-local means (Buades, Coll, Morel, CVPR 2005) through OpenCV's photo module.
//
//   8-bit colour:  cv::fastNlMeansDenoisingColored, which works in Lab: `luma-strength` is h for
//                  L, `color-strength` is hColor for a* and b* (chroma noise can be removed
//                  harder than luma noise without losing detail).
//   8-bit gray:    cv::fastNlMeansDenoising with h = luma-strength.
//   16-bit:        the same in 16 bits, never through 8: gray directly, colour as OpenCV's
//                  Lab split (L and a*b* denoised separately) scaled to 16-bit codes. OpenCV's
//                  16-bit NLM only compares patches with the L1 norm, so h is scaled by 257
//                  (8- to 16-bit codes) and by sqrt(2 cn / pi), which gives the same weight as the
//                  8-bit L2 version for Gaussian noise (E|d| = 2 sigma / sqrt(pi) versus
//                  E d^2 = 2 sigma^2 for the difference of two noisy samples).
//
// The image is processed in horizontal strips, each with a margin of half the search window plus
// half the patch: every output pixel sees exactly the neighbourhood it would in one call, so the
// result is identical, while cancellation and progress work on large photos. Alpha is kept.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ToneSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>
#include <vector>

namespace pq::ops {

namespace {

struct DenoiseParams
{
    float luma = 0;
    float colour = 0;
    int search = 0;
    int patch = 0;

    static DenoiseParams from(const Params &p)
    {
        DenoiseParams d;
        d.luma = p.value(QStringLiteral("luma-strength")).toFloat();
        d.colour = p.value(QStringLiteral("color-strength")).toFloat();
        d.search = p.value(QStringLiteral("search-window")).toInt();
        d.patch = p.value(QStringLiteral("template-window")).toInt();
        return d;
    }
};

float l1Strength(float h8, int channels, double codeScale)
{
    return float(h8 * codeScale * std::sqrt(2.0 * channels / std::numbers::pi));
}

// One block of rows, 1 or 3 colour channels, 8 or 16 bit.
cv::Mat denoiseBlock(const cv::Mat &block, const DenoiseParams &p)
{
    cv::Mat out;
    if (block.depth() == CV_8U) {
        if (block.channels() == 1)
            cv::fastNlMeansDenoising(block, out, p.luma, p.patch, p.search);
        else
            cv::fastNlMeansDenoisingColored(block, out, p.luma, p.colour, p.patch, p.search);
        return out;
    }
    if (block.channels() == 1) {
        cv::fastNlMeansDenoising(block, out, std::vector<float>{l1Strength(p.luma, 1, 257.0)},
                                 p.patch, p.search, cv::NORM_L1);
        return out;
    }
    // OpenCV's colour split (cvtColor LBGR2Lab on 8-bit codes), at 16-bit resolution:
    // L 0..100 -> 0..65535, a*, b* -> (v + 128) * 256.
    cv::Mat lab;
    cv::cvtColor(tone::toUnit(block), lab, cv::COLOR_LBGR2Lab);
    std::vector<cv::Mat> planes;
    cv::split(lab, planes);
    cv::Mat L16, ab16;
    planes[0].convertTo(L16, CV_16U, 65535.0 / 100.0);
    cv::Mat ab;
    cv::merge(std::vector<cv::Mat>{planes[1], planes[2]}, ab);
    ab.convertTo(ab16, CV_16U, 256.0, 128.0 * 256.0);
    cv::fastNlMeansDenoising(L16, L16, std::vector<float>{l1Strength(p.luma, 1, 257.0)}, p.patch,
                             p.search, cv::NORM_L1);
    cv::fastNlMeansDenoising(ab16, ab16, std::vector<float>{l1Strength(p.colour, 2, 256.0)},
                             p.patch, p.search, cv::NORM_L1);
    L16.convertTo(planes[0], CV_32F, 100.0 / 65535.0);
    ab16.convertTo(ab, CV_32F, 1.0 / 256.0, -128.0);
    std::vector<cv::Mat> abPlanes;
    cv::split(ab, abPlanes);
    cv::merge(std::vector<cv::Mat>{planes[0], abPlanes[0], abPlanes[1]}, lab);
    cv::Mat bgr;
    cv::cvtColor(lab, bgr, cv::COLOR_Lab2LBGR);
    return tone::fromUnit(bgr, CV_16U);
}

class Denoise final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Denoise)

public:
    QString id() const override { return QStringLiteral("denoise"); }
    QString title() const override { return tr("Denoise"); }
    QString description() const override
    {
        return tr("Removes noise and film grain with non-local means, separately for lightness "
                  "and colour.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::real(QStringLiteral("luma-strength"), 5.0, 0.5, 50.0, QString(),
                            tr("Luma strength"),
                            tr("Filter strength h for lightness noise: about the noise's "
                               "standard deviation in 0..255 levels; 3 to 10 is usual, higher "
                               "also removes fine detail.")),
            ParamSpec::real(QStringLiteral("color-strength"), 10.0, 0.5, 50.0, QString(),
                            tr("Colour strength"),
                            tr("Filter strength for colour noise (blotches); 10 removes most "
                               "without washing out colours. Unused for gray images.")),
            ParamSpec::integer(QStringLiteral("search-window"), 21, 7, 35, QStringLiteral("px"),
                               tr("Search window"),
                               tr("Side of the area searched for similar patches (odd); larger "
                                  "is stronger and slower.")),
            ParamSpec::integer(QStringLiteral("template-window"), 7, 3, 15, QStringLiteral("px"),
                               tr("Patch size"),
                               tr("Side of the patches compared (odd), smaller than the search "
                                  "window.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        const DenoiseParams p = DenoiseParams::from(params);
        if (p.search % 2 == 0)
            return tr("parameter 'search-window': %1 is even; it must be odd (7, 9, ..., 35)")
                .arg(p.search);
        if (p.patch % 2 == 0)
            return tr("parameter 'template-window': %1 is even; it must be odd (3, 5, ..., 15)")
                .arg(p.patch);
        if (p.patch >= p.search)
            return tr("parameter 'template-window': %1 must be smaller than search-window (%2)")
                .arg(p.patch)
                .arg(p.search);
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const DenoiseParams p = DenoiseParams::from(params);
        return support::guarded([&] {
            const tone::Layers l = tone::splitAlpha(input);
            const cv::Mat &src = l.colour;
            cv::Mat colour(src.size(), src.type());
            const int margin = p.search / 2 + p.patch / 2;
            // Strips of about a quarter megapixel: short enough to cancel promptly, tall enough
            // that the margins cost little.
            const int strip = std::max(64, 262144 / std::max(1, src.cols));
            for (int y0 = 0; y0 < src.rows; y0 += strip) {
                if (ctx.isCancelled())
                    return support::cancelledResult();
                const int y1 = std::min(src.rows, y0 + strip);
                const int top = std::max(0, y0 - margin);
                const int bottom = std::min(src.rows, y1 + margin);
                // A copy, so OpenCV's border handling cannot read outside the block.
                const cv::Mat block = src.rowRange(top, bottom).clone();
                const cv::Mat done = denoiseBlock(block, p);
                done.rowRange(y0 - top, y1 - top).copyTo(colour.rowRange(y0, y1));
                if (ctx.progress)
                    ctx.progress(double(y1) / src.rows);
            }
            return OpResult::ok(tone::withAlpha(colour, l.alpha));
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeDenoise()
{
    return std::make_unique<Denoise>();
}
PQ_REGISTER_OPERATION(makeDenoise);

} // namespace pq::ops
