#pragma once
// What watermark-text and watermark-image share: where the watermark goes (gravity, margin,
// tiling) and how it is laid over the photo. Internal to core/ops; pure functions, any thread.

#include "Operation.h"

#include <QStringList>
#include <opencv2/core.hpp>
#include <vector>

namespace pq::ops::watermark {

enum class Gravity
{
    Center,
    North,
    South,
    East,
    West,
    NorthEast,
    NorthWest,
    SouthEast,
    SouthWest
};

// "center", "north", ..., "southwest": the gravity parameter's choices (ImageMagick's names).
QStringList gravityNames();
Gravity gravityFrom(const QString &name);

// The margin in pixels for `percent` of the image's shorter side.
int marginPixels(cv::Size image, double percent);

// Top-left corner of a single `overlay`-sized watermark on an `image`-sized photo at `gravity`,
// `margin` pixels from the edges it is pushed against.
cv::Point placement(cv::Size image, cv::Size overlay, Gravity gravity, int margin);

// Top-left corners of the copies of a tiled watermark: staggered rows over the whole photo, every
// other row shifted by half a step so that copies also line up diagonally. `unrotated` is the
// watermark's size before it was rotated by `angle` degrees (counter-clockwise) into an
// `overlay`-sized box: the rows run along the text, `gap` pixels apart, and copies in a row are
// `gap` apart too. The pattern is centred on the photo (one copy sits in the middle), so it looks
// the same whatever the photo's size. Copies wholly outside the photo are left out.
std::vector<cv::Point> tiledPlacements(cv::Size image, cv::Size overlay, cv::Size unrotated,
                                       double angle, int gap);

// Rotates a premultiplied overlay by `degrees` counter-clockwise, growing it to hold the result.
cv::Mat rotated(const cv::Mat &overlay, double degrees);

// Lays `overlay` (CV_32FC4, premultiplied BGRA in 0..1, opacity already applied) over a copy of
// `image` (8/16-bit, 1/3/4 channels) at each position, clipped to the image, with the "over"
// operator: a grey image gets the overlay's luma; a BGRA image keeps its alpha channel, which
// rises where the watermark covers transparent parts (so it stays visible). Pixels under fully
// transparent overlay pixels keep their exact values. Polls ctx for cancellation between rows.
OpResult composite(const cv::Mat &image, const cv::Mat &overlay,
                   const std::vector<cv::Point> &positions, OpContext &ctx);

} // namespace pq::ops::watermark
