#pragma once
// The window's before/after preview, computed on a downscaled copy of the input (no widgets: the
// window runs these functions in a worker thread and shows the result).
//
// 1. loadPreviewSource() decodes the input the way the jobs do (EXIF orientation applied, so the
//    pixels are upright) but shrunk on load (JPEG DCT scaling) and then resized to fit
//    `maxSide`. Cache it: recipe changes re-run the steps on it without decoding again.
// 2. renderPreview() runs the recipe's enabled steps on that copy. The format step (and the
//    recipe's output spec) is not run: it only changes how the output is encoded. debug-*
//    operations (test helpers that sleep, fail or crash) are skipped.
//
// Scale. Parameters in pixels mean pixels of the full-size image, so each step gets its pixel
// parameters multiplied by the preview scale (preview pixels per full-size pixel at that step):
// every parameter whose unit is "px" (sizes, margins, radii, filter windows), every rectangle
// list (red-eye `eyes`, teeth-whiten `mouth`), crop's x/y/width/height with unit=px and red-eye's
// `points`. Percentages and relative sizes (watermark size and scale, border size-percent) need
// nothing. A scaled value that falls outside its parameter's range (a 21 px denoise window at
// 1/5 scale) is clamped and the result says so in `notes`: the preview still renders, but that
// step is only approximate. A step that makes the image larger than `maxSide` (resize with
// enlarge, canvas, rotate) is followed by a downscale, and the scale is updated.
//
// Any thread; no shared state. Operations are shared and reentrant (see Operation.h).

#include "ops/Operation.h"
#include "ops/Recipe.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <opencv2/core.hpp>
#include <optional>

namespace pq::preview {

inline constexpr int kDefaultMaxSide = 1024;

// The decoded, upright, downscaled input. Immutable once loaded; share it between threads.
struct PreviewSource
{
    QString path;
    cv::Mat image;     // upright; long side <= maxSide; depth and channels as decoded
    cv::Size fullSize; // the upright full-resolution size (what a job's first step sees)
    int maxSide = kDefaultMaxSide;
    std::optional<Error> error; // the file could not be decoded: image is empty

    bool isValid() const { return !image.empty() && !error; }
    // Preview pixels per full-resolution pixel (1 when the input is not larger than maxSide).
    double scale() const;
};

PreviewSource loadPreviewSource(const QString &path, int maxSide = kDefaultMaxSide);

struct PreviewResult
{
    // For display: 8-bit, 1 (grey), 3 (BGR) or 4 (BGRA) channels; 16-bit inputs are scaled down.
    cv::Mat before;
    cv::Mat after;
    // The full-resolution size of what `before` / `after` show: the coordinate system of the
    // pixels an operation sees. A rectangle drawn on `before` at (x, y) in preview pixels is at
    // (x * beforeFullSize.width / before.cols, ...) in the operation's pixels.
    cv::Size beforeFullSize;
    cv::Size afterFullSize;
    QStringList notes; // steps skipped or only approximate at the preview scale, translated
    QString error;     // the input could not be read, or a step failed; translated
    bool cancelled = false;
};

// `focusStep` (an index into recipe.steps, -1 for none): when it names an enabled step, `before`
// is the image entering that step and `after` the image it makes, and later steps are not run.
// That is the view for drawing a step's regions: `before` is in the coordinates that step sees.
// Otherwise `before` is the source and `after` the output of all enabled steps.
// `cancelled` is polled between steps and passed to the operations.
PreviewResult renderPreview(const PreviewSource &source, const Recipe &recipe, int focusStep = -1,
                            const std::atomic_bool *cancelled = nullptr);

// loadPreviewSource + renderPreview, for one-off previews and tests.
PreviewResult renderPreviewFile(const QString &path, const Recipe &recipe,
                                int maxSide = kDefaultMaxSide, int focusStep = -1);

// The parameters of one step for an image shown at `scale` preview pixels per full-size pixel
// (see the header comment). Values that had to be clamped are described in `notes` (if given).
Params scaleStepParams(const Operation &op, const Params &params, double scale,
                       QStringList *notes = nullptr);

// 8-bit copy for display (16-bit scaled by 1/257); 8-bit images are returned as they are.
cv::Mat toDisplay8Bit(const cv::Mat &image);

} // namespace pq::preview
