#pragma once
// Helpers shared by the geometry operations that add or remove pixels around an image (rotate,
// trim, canvas, border). Internal to core/ops. Pure functions; any thread.
//
// Colours come from parseColor() as BGRA in 0..255. An image receives a background colour in the
// channel layout that can hold it: a gray image stays gray for an opaque gray colour, becomes BGR
// for any other opaque colour, and every image becomes BGRA (opaque alpha added) for a colour that
// is not fully opaque, such as "transparent". 16-bit images get the colour scaled by 257.

#include "Operation.h"

#include <QString>
#include <QStringList>
#include <opencv2/core.hpp>
#include <optional>

namespace pq::ops::geometry {

// 255 for 8-bit images, 65535 for 16-bit ones.
double fullScale(int depth);

// `src` converted (or shared, when it already fits) to the layout that can hold `bgra` as a
// background next to its pixels. Depth is kept.
cv::Mat withLayoutFor(const cv::Mat &src, const cv::Scalar &bgra);

// `bgra` as a pixel value of an image of `type` (channel order, depth scale; gray images take the
// blue channel, since withLayoutFor keeps gray only for gray colours).
cv::Scalar pixelValue(const cv::Scalar &bgra, int type);

// `src` on a new canvas of `size` filled with `bgra`, its top-left corner at `at` (the canvas is
// at least as large as src placed there). The layout follows withLayoutFor.
cv::Mat pad(const cv::Mat &src, cv::Size size, cv::Point at, const cv::Scalar &bgra);

// Gravity names shared with crop: center, north, south, east, west and the four corners.
QStringList gravityChoices();
// Where a rectangle sits inside a space `slack` larger than it (slack = space - rectangle).
cv::Point gravityOffset(const QString &gravity, cv::Size slack);

// "16:9", "16/9", "16x9" or a plain ratio such as "1.5"; nullopt if it is none of these or lies
// beyond 1:10000. Returns width / height.
std::optional<double> parseAspect(const QString &text);

// The message for a result too large to make, or nullopt. Sides above 65535 cannot be encoded by
// most formats, and 2^28 pixels (268 MP) is far beyond any photo while still fitting in memory.
std::optional<QString> sizeLimitError(cv::Size size);

// How a rotation fills the space outside the source image.
struct Warp
{
    cv::Matx23d inverse;   // output pixel centre -> source pixel centre
    cv::Size size;         // output size
    int interpolation = 0; // cv::INTER_CUBIC or cv::INTER_LANCZOS4
    int borderMode = 0;    // cv::BORDER_CONSTANT or cv::BORDER_REPLICATE
    cv::Scalar background; // BGRA 0..255, for BORDER_CONSTANT
};

// Resamples `src` through `warp`, in strips of rows so that a cancelled job stops quickly and
// progress is reported. Four-channel images (and any image whose background is not opaque) are
// resampled with premultiplied alpha, so that the colour of transparent pixels cannot bleed into
// the visible edge. Returns nullopt when cancelled.
std::optional<cv::Mat> warpImage(const cv::Mat &src, const Warp &warp, OpContext &ctx);

} // namespace pq::ops::geometry
