#pragma once
// Measures shared by the red-eye and teeth-whiten tests (header-only): means over the soft masks
// the operations work with, and "nothing changed outside these rectangles" checks.

#include "ops/ParamValues.h"
#include "ops/RetouchSupport.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace pqtest::retouch {

// Mean of `values` (CV_32FC1 or CV_32FC3, patch-sized) where the patch's alpha is above one half,
// over all patches. Returns the mean per channel and the pixel count.
inline cv::Scalar meanInMasks(const cv::Mat &image,
                              const std::vector<pq::ops::retouch::MaskPatch> &patches,
                              cv::Mat (*measure)(const cv::Mat &bgrFloat), int *count = nullptr)
{
    cv::Scalar sum = cv::Scalar::all(0);
    int n = 0;
    for (const auto &patch : patches) {
        const cv::Mat values = measure(pq::ops::retouch::bgrFloat(image, patch.rect));
        const cv::Mat inside = patch.alpha > 0.5f;
        const int k = cv::countNonZero(inside);
        sum += cv::mean(values, inside) * k;
        n += k;
    }
    if (count)
        *count = n;
    return n ? sum / n : cv::Scalar::all(0);
}

inline cv::Mat labOf(const cv::Mat &bgr)
{
    cv::Mat lab;
    cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
    return lab;
}

inline cv::Mat rednessOf(const cv::Mat &bgr)
{
    return pq::ops::retouch::rednessMap(bgr);
}

// Number of pixels (over all channels) that differ between `a` and `b` outside `regions`.
inline int changedOutside(const cv::Mat &a, const cv::Mat &b, const std::vector<cv::Rect> &regions)
{
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    diff = diff.reshape(1, diff.rows); // one channel, channels side by side
    const int ch = a.channels();
    for (const cv::Rect &r : regions)
        diff(cv::Rect(r.x * ch, r.y, r.width * ch, r.height)).setTo(0);
    return cv::countNonZero(diff);
}

inline int changedPixels(const cv::Mat &a, const cv::Mat &b)
{
    return changedOutside(a, b, {});
}

} // namespace pqtest::retouch
