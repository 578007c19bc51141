#include "ToneSupport.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace pq::ops::tone {

double maxValue(int depth)
{
    return depth == CV_16U ? 65535.0 : 255.0;
}

double srgbToLinear(double v)
{
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double linearToSrgb(double v)
{
    return v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}

std::vector<float> codeToLinearTable(int depth)
{
    const int levels = int(maxValue(depth)) + 1;
    std::vector<float> t(levels);
    for (int i = 0; i < levels; ++i)
        t[i] = float(srgbToLinear(double(i) / (levels - 1)));
    return t;
}

namespace {
// 2^16 steps of linear light, interpolated: within a small fraction of a 16-bit code.
constexpr int encoderSteps = 65536;
} // namespace

LinearEncoder::LinearEncoder(int depth)
    : m_table(encoderSteps + 1)
{
    const double maxV = maxValue(depth);
    for (int i = 0; i <= encoderSteps; ++i)
        m_table[i] = float(linearToSrgb(double(i) / encoderSteps) * maxV);
}

float LinearEncoder::operator()(float linear) const
{
    const float pos = std::clamp(linear, 0.0f, 1.0f) * encoderSteps;
    const int i = std::min(int(pos), encoderSteps - 1);
    return m_table[i] + (pos - i) * (m_table[i + 1] - m_table[i]);
}

Layers splitAlpha(const cv::Mat &in)
{
    if (in.channels() != 4)
        return {in, cv::Mat()};
    Layers l;
    cv::cvtColor(in, l.colour, cv::COLOR_BGRA2BGR);
    cv::extractChannel(in, l.alpha, 3);
    return l;
}

cv::Mat withAlpha(const cv::Mat &colour, const cv::Mat &alpha)
{
    if (alpha.empty())
        return colour;
    cv::Mat bgr = colour;
    if (bgr.channels() == 1)
        cv::cvtColor(colour, bgr, cv::COLOR_GRAY2BGR);
    cv::Mat out;
    const cv::Mat parts[] = {bgr, alpha};
    cv::merge(parts, 2, out);
    return out;
}

cv::Mat toUnit(const cv::Mat &m)
{
    cv::Mat f;
    m.convertTo(f, CV_32F, 1.0 / maxValue(m.depth()));
    return f;
}

cv::Mat fromUnit(const cv::Mat &f, int depth)
{
    cv::Mat out;
    f.convertTo(out, depth, maxValue(depth)); // rounds and saturates
    return out;
}

cv::Mat toLab(const cv::Mat &colour)
{
    cv::Mat f = toUnit(colour);
    if (f.channels() == 1)
        cv::cvtColor(f, f, cv::COLOR_GRAY2BGR);
    cv::Mat lab;
    cv::cvtColor(f, lab, cv::COLOR_BGR2Lab);
    return lab;
}

cv::Mat fromLab(const cv::Mat &lab, int channels, int depth)
{
    cv::Mat bgr;
    cv::cvtColor(lab, bgr, cv::COLOR_Lab2BGR);
    if (channels == 1)
        cv::cvtColor(bgr, bgr, cv::COLOR_BGR2GRAY);
    return fromUnit(bgr, depth);
}

namespace {

// CIE Lab (D65) to linear sRGB, with OpenCV's constants so that the gamut test agrees with the
// cv::cvtColor conversion that follows it.
struct LabToLinear
{
    static float finv(float t)
    {
        constexpr float d = 6.0f / 29.0f;
        return t > d ? t * t * t : 3.0f * d * d * (t - 4.0f / 29.0f);
    }
    static cv::Vec3f rgb(float L, float a, float b)
    {
        const float fy = (L + 16.0f) / 116.0f;
        const float X = 0.950456f * finv(fy + a / 500.0f);
        const float Y = finv(fy);
        const float Z = 1.088754f * finv(fy - b / 200.0f);
        return {3.240479f * X - 1.53715f * Y - 0.498535f * Z,
                -0.969256f * X + 1.875991f * Y + 0.041556f * Z,
                0.055648f * X - 0.204043f * Y + 1.057311f * Z};
    }
    static bool inGamut(float L, float a, float b)
    {
        constexpr float eps = 1e-4f;
        const cv::Vec3f c = rgb(L, a, b);
        return c[0] >= -eps && c[1] >= -eps && c[2] >= -eps && c[0] <= 1 + eps && c[1] <= 1 + eps &&
               c[2] <= 1 + eps;
    }
};

} // namespace

void fitToGamut(cv::Mat &lab)
{
    CV_Assert(lab.type() == CV_32FC3);
    // Photos hold many colours on the gamut's edge (a saturated yellow has blue 0), which the Lab
    // round trip puts a hair outside, so the bisection below runs for many pixels: rows are
    // independent, so they are spread over OpenCV's threads (one job's latency; the pool's other
    // workers keep the cores busy anyway).
    cv::parallel_for_(cv::Range(0, lab.rows), [&lab](const cv::Range &rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            cv::Vec3f *p = lab.ptr<cv::Vec3f>(y);
            for (int x = 0; x < lab.cols; ++x) {
                float &L = p[x][0];
                L = std::clamp(L, 0.0f, 100.0f);
                if (LabToLinear::inGamut(L, p[x][1], p[x][2]))
                    continue;
                // Neutral (scale 0) is always inside; bisect the largest chroma scale that is.
                float inside = 0.0f, outside = 1.0f;
                for (int i = 0; i < 12; ++i) {
                    const float mid = 0.5f * (inside + outside);
                    if (LabToLinear::inGamut(L, p[x][1] * mid, p[x][2] * mid))
                        inside = mid;
                    else
                        outside = mid;
                }
                p[x][1] *= inside;
                p[x][2] *= inside;
            }
        }
    });
}

cv::Mat mapLab(const cv::Mat &in, const std::function<void(cv::Mat &lab)> &fn)
{
    const Layers l = splitAlpha(in);
    cv::Mat lab = toLab(l.colour);
    fn(lab);
    fitToGamut(lab);
    return withAlpha(fromLab(lab, l.colour.channels(), in.depth()), l.alpha);
}

cv::Mat mapLightness(const cv::Mat &in,
                     const std::function<void(cv::Mat &lightness, const cv::Mat &alpha)> &fn)
{
    const Layers l = splitAlpha(in);
    cv::Mat lab = toLab(l.colour);
    std::vector<cv::Mat> planes;
    cv::split(lab, planes);
    const cv::Mat alpha = l.alpha.empty() ? cv::Mat() : toUnit(l.alpha);
    fn(planes[0], alpha);
    if (l.colour.channels() == 1) {
        // Gray: L* alone decides the result; drop the rounding noise of a*, b*.
        planes[1].setTo(0);
        planes[2].setTo(0);
    }
    cv::merge(planes, lab);
    fitToGamut(lab);
    return withAlpha(fromLab(lab, l.colour.channels(), in.depth()), l.alpha);
}

cv::Mat applyCurve(const cv::Mat &in, const std::function<double(double)> &curve)
{
    const Layers l = splitAlpha(in);
    cv::Mat out;
    if (in.depth() == CV_8U) {
        cv::Mat lut(1, 256, CV_8U);
        for (int i = 0; i < 256; ++i)
            lut.at<uchar>(i) = cv::saturate_cast<uchar>(255.0 * curve(i / 255.0));
        cv::LUT(l.colour, lut, out);
    } else {
        std::vector<ushort> lut(65536);
        for (int i = 0; i < 65536; ++i)
            lut[i] = cv::saturate_cast<ushort>(65535.0 * curve(i / 65535.0));
        out.create(l.colour.size(), l.colour.type());
        const int n = l.colour.cols * l.colour.channels();
        for (int y = 0; y < l.colour.rows; ++y) {
            const ushort *s = l.colour.ptr<ushort>(y);
            ushort *d = out.ptr<ushort>(y);
            for (int x = 0; x < n; ++x)
                d[x] = lut[s[x]];
        }
    }
    return withAlpha(out, l.alpha);
}

void gaussianBlur(const cv::Mat &src, cv::Mat &dst, double sigma)
{
    if (sigma <= 12.0) {
        cv::GaussianBlur(src, dst, cv::Size(), sigma, sigma, cv::BORDER_REFLECT_101);
        return;
    }
    // Three box passes whose widths (odd, wl or wl + 2) give exactly the variance sigma^2.
    constexpr int passes = 3;
    const double wIdeal = std::sqrt(12.0 * sigma * sigma / passes + 1.0);
    int wl = int(std::floor(wIdeal));
    if (wl % 2 == 0)
        --wl;
    const int wu = wl + 2;
    const double mIdeal =
        (12.0 * sigma * sigma - passes * wl * wl - 4.0 * passes * wl - 3.0 * passes) /
        (-4.0 * wl - 4.0);
    const int m = int(std::lround(mIdeal));
    cv::Mat f;
    src.convertTo(f, CV_32F);
    for (int i = 0; i < passes; ++i) {
        const int w = i < m ? wl : wu;
        cv::boxFilter(f, f, -1, cv::Size(w, w), cv::Point(-1, -1), true, cv::BORDER_REFLECT_101);
    }
    f.convertTo(dst, src.depth());
}

cv::Mat alphaWeightedBlur(const cv::Mat &values, const cv::Mat &alpha,
                          const std::function<void(const cv::Mat &, cv::Mat &)> &blur)
{
    cv::Mat out;
    if (alpha.empty()) {
        blur(values, out);
        return out;
    }
    std::vector<cv::Mat> planes;
    cv::split(values, planes);
    cv::Mat weight;
    blur(alpha, weight);
    // Where the neighbourhood is (almost) fully transparent there is no visible colour to
    // average: keep the pixel as it is. It is invisible anyway.
    const cv::Mat empty = weight < 1e-4f;
    cv::Mat safeWeight = cv::max(weight, 1e-4f);
    for (cv::Mat &p : planes) {
        cv::Mat blurred;
        blur(p.mul(alpha), blurred);
        cv::divide(blurred, safeWeight, blurred);
        p.copyTo(blurred, empty);
        p = blurred;
    }
    cv::merge(planes, out);
    return out;
}

std::pair<double, double> percentiles(const cv::Mat &plane, const cv::Mat &mask, double lowFraction,
                                      double highFraction, double lo, double hi, int floatBins)
{
    CV_Assert(plane.channels() == 1);
    const bool integral = plane.depth() == CV_8U || plane.depth() == CV_16U;
    const int bins = integral ? int(maxValue(plane.depth())) + 1 : floatBins;
    if (integral) {
        lo = 0;
        hi = bins - 1;
    }
    std::vector<double> hist(bins, 0.0);
    const double scale = integral ? 1.0 : (bins - 1) / std::max(hi - lo, 1e-12);
    for (int y = 0; y < plane.rows; ++y) {
        const uchar *m = mask.empty() ? nullptr : mask.ptr<uchar>(y);
        for (int x = 0; x < plane.cols; ++x) {
            if (m && !m[x])
                continue;
            int b = 0;
            switch (plane.depth()) {
            case CV_8U:
                b = plane.ptr<uchar>(y)[x];
                break;
            case CV_16U:
                b = plane.ptr<ushort>(y)[x];
                break;
            default:
                b = std::clamp(int(std::lround((plane.ptr<float>(y)[x] - lo) * scale)), 0,
                               bins - 1);
            }
            hist[b] += 1.0;
        }
    }
    double total = 0;
    for (double c : hist)
        total += c;
    if (total == 0)
        return {lo, hi};
    auto valueOf = [&](int b) { return integral ? double(b) : lo + b / scale; };
    // The smallest bin whose cumulative count from below exceeds the clipped share, and likewise
    // from above; with a fraction of 0 these are the minimum and the maximum present.
    const double lowCount = lowFraction * total;
    const double highCount = highFraction * total;
    int low = 0;
    for (double cum = 0; low < bins; ++low) {
        cum += hist[low];
        if (cum > lowCount)
            break;
    }
    int high = bins - 1;
    for (double cum = 0; high >= 0; --high) {
        cum += hist[high];
        if (cum > highCount)
            break;
    }
    low = std::min(low, bins - 1);
    high = std::max(high, 0);
    return {valueOf(low), valueOf(high)};
}

cv::Mat visibleMask(const cv::Mat &alpha)
{
    if (alpha.empty())
        return cv::Mat();
    return alpha > 0;
}

} // namespace pq::ops::tone
