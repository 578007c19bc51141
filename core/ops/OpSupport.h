#pragma once
// Helpers shared by the geometry operations (resize, thumbnail, crop). Internal to core/ops.

#include "Operation.h"

#include <functional>
#include <opencv2/core.hpp>

namespace pq::ops::support {

// Resamples to `size`: INTER_AREA when no side grows (no aliasing), INTER_LANCZOS4 otherwise.
// Four-channel images are resampled with premultiplied alpha so that the colour of fully
// transparent pixels cannot bleed into the visible edge. Returns `src` itself for equal sizes.
cv::Mat resample(const cv::Mat &src, cv::Size size);

// Centre-crops `src` to `size` (at most src's size); shares src's data.
cv::Mat centreCrop(const cv::Mat &src, cv::Size size);

// What a scaling operation does to an input of a given size: scale it to `scaled`, then (for
// cover-style fits) crop to `output`.
struct ScalePlan
{
    cv::Size scaled;
    cv::Size output;
};

// Shrink-on-load for an operation whose plan is `plan`: the largest of 8, 4, 2 such that the
// JPEG decoded at 1/d is still no smaller than what the full image would have been scaled to, and
// the plan for the reduced image produces exactly the same output size. So the reduced decode is
// only ever scaled down, and the result has the dimensions a full decode would give. 1 otherwise.
int reductionFor(cv::Size fullSize, const std::function<ScalePlan(cv::Size)> &plan);

// Scales a size by `s`, rounding, never below 1x1.
cv::Size scaled(cv::Size size, double s);

// Runs `body`, turning exceptions into errors: OpenCV failures are permanent (the same input
// fails the same way), running out of memory is transient (a retry with fewer jobs may pass).
// Messages do not name the operation: the job runner prefixes its id.
OpResult guarded(const std::function<OpResult()> &body);

// The result of noticing ctx.isCancelled(): the worker pool discards it.
OpResult cancelledResult();

} // namespace pq::ops::support
