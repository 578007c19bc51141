#pragma once
// Helpers shared by the tone, colour and filter operations (brightness-contrast, gamma,
// auto-levels, clahe, saturation, white-balance, grayscale, sepia, invert, sharpen, blur, denoise).
// Internal to core/ops. Pure functions of their arguments: any thread.
//
// Conventions: images are 8- or 16-bit with 1 (gray), 3 (BGR) or 4 (BGRA) channels. The colour
// channels are processed, alpha is passed through untouched. Work that must not lose 16-bit
// precision is done in float, with values in [0, 1] ("unit" range) or as CIE L*a*b* (L* 0..100,
// OpenCV's float Lab with the sRGB transfer curve and D65 white).

#include <functional>
#include <opencv2/core.hpp>
#include <utility>
#include <vector>

namespace pq::ops::tone {

// 255 for 8-bit, 65535 for 16-bit.
double maxValue(int depth);

// The sRGB transfer curve (IEC 61966-2-1), values in [0, 1].
double srgbToLinear(double v);
double linearToSrgb(double v);

// Lookup tables for the curve at a given depth: linear light of every stored code, and the
// encoder back (linearToCode, with linear light in [0, 1], accurate to a fraction of a code at
// 16 bits).
std::vector<float> codeToLinearTable(int depth);
class LinearEncoder
{
public:
    explicit LinearEncoder(int depth);
    float operator()(float linear) const; // the code, unrounded
private:
    std::vector<float> m_table;
};

// The colour channels (1 or 3) of an image and its alpha channel (empty unless the image has 4).
// Without alpha, `colour` shares the input's data.
struct Layers
{
    cv::Mat colour;
    cv::Mat alpha;
};
Layers splitAlpha(const cv::Mat &in);
// Inverse of splitAlpha: appends `alpha` as the fourth channel when it is not empty.
cv::Mat withAlpha(const cv::Mat &colour, const cv::Mat &alpha);

// 8/16-bit to CV_32F in [0, 1] and back (rounding, saturating to the depth's range).
cv::Mat toUnit(const cv::Mat &m);
cv::Mat fromUnit(const cv::Mat &f, int depth);

// Colour channels (1 or 3, 8/16-bit) to float Lab (CV_32FC3). Gray is neutral: a* = b* = 0.
cv::Mat toLab(const cv::Mat &colour);
// Float Lab back to `channels` (1 or 3) of `depth`; for one channel the colour's luma is kept.
cv::Mat fromLab(const cv::Mat &lab, int channels, int depth);

// Brings every Lab colour (CV_32FC3) into the sRGB gamut the way a colour-managed editor does:
// L* is clamped to 0..100 and, where the colour still cannot be shown, its chroma is reduced at
// constant L* and hue until it can. Clipping R, G and B one by one instead would shift hues (a
// bright saturated red turning orange, a blue turning purple) and lightness.
void fitToGamut(cv::Mat &lab);

// Runs `fn` on the Lab form of the colour channels (CV_32FC3) and converts back (through
// fitToGamut); alpha, depth and channel count are kept. For gray input `fn` sees a* = b* = 0 and
// only its L* result counts.
cv::Mat mapLab(const cv::Mat &in, const std::function<void(cv::Mat &lab)> &fn);

// Runs `fn` on L* alone (CV_32FC1, 0..100); a*, b* and alpha are kept, so hue and chroma do not
// change (chroma only shrinks where the new lightness cannot carry it, see fitToGamut). `alpha`
// given to `fn` is the alpha channel in [0, 1] (CV_32FC1), or empty.
cv::Mat mapLightness(const cv::Mat &in,
                     const std::function<void(cv::Mat &lightness, const cv::Mat &alpha)> &fn);

// Applies `curve` ([0, 1] -> [0, 1]) to every colour channel through an exact lookup table (256
// entries for 8-bit, 65536 for 16-bit); alpha is untouched.
cv::Mat applyCurve(const cv::Mat &in, const std::function<double(double)> &curve);

// Gaussian blur with standard deviation `sigma` (px) for any sigma: the exact kernel up to
// 12 px, above that three successive box filters (Kovesi, "Fast almost-Gaussian filtering",
// DICTA 2010), which is visually the same and costs O(1) per pixel whatever the radius. Any
// depth and channel count; src and dst may not alias.
void gaussianBlur(const cv::Mat &src, cv::Mat &dst, double sigma);

// Blurs `values` (CV_32F, any channels) with `blur`, weighted by `alpha` (CV_32FC1 in [0, 1], or
// empty for a plain blur): normalised convolution, so the colour of transparent pixels does not
// bleed into visible ones.
cv::Mat alphaWeightedBlur(const cv::Mat &values, const cv::Mat &alpha,
                          const std::function<void(const cv::Mat &, cv::Mat &)> &blur);

// Low and high percentiles (`lowFraction`, `highFraction` of the pixels, from each end; 0 gives
// the minimum and maximum) of a one-channel plane. 8/16-bit planes are counted exactly; float
// planes in `floatBins` bins over [lo, hi]. Pixels where `mask` is 0 are ignored (mask may be
// empty). Returns {lo, hi} of an empty histogram if no pixel counts.
std::pair<double, double> percentiles(const cv::Mat &plane, const cv::Mat &mask, double lowFraction,
                                      double highFraction, double lo = 0, double hi = 0,
                                      int floatBins = 4096);

// The mask of pixels that count for image statistics: alpha > 0, or empty (all) without alpha.
cv::Mat visibleMask(const cv::Mat &alpha);

} // namespace pq::ops::tone
