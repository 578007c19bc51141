#include "WatermarkSupport.h"

#include "OpSupport.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace pq::ops::watermark {

QStringList gravityNames()
{
    return {QStringLiteral("center"),    QStringLiteral("north"),     QStringLiteral("south"),
            QStringLiteral("east"),      QStringLiteral("west"),      QStringLiteral("northeast"),
            QStringLiteral("northwest"), QStringLiteral("southeast"), QStringLiteral("southwest")};
}

Gravity gravityFrom(const QString &name)
{
    static const Gravity order[] = {Gravity::Center,    Gravity::North,     Gravity::South,
                                    Gravity::East,      Gravity::West,      Gravity::NorthEast,
                                    Gravity::NorthWest, Gravity::SouthEast, Gravity::SouthWest};
    const qsizetype i = gravityNames().indexOf(name);
    return i < 0 ? Gravity::SouthEast : order[i];
}

int marginPixels(cv::Size image, double percent)
{
    return int(std::lround(std::min(image.width, image.height) * percent / 100.0));
}

cv::Point placement(cv::Size image, cv::Size overlay, Gravity gravity, int margin)
{
    const bool west =
        gravity == Gravity::West || gravity == Gravity::NorthWest || gravity == Gravity::SouthWest;
    const bool east =
        gravity == Gravity::East || gravity == Gravity::NorthEast || gravity == Gravity::SouthEast;
    const bool north =
        gravity == Gravity::North || gravity == Gravity::NorthEast || gravity == Gravity::NorthWest;
    const bool south =
        gravity == Gravity::South || gravity == Gravity::SouthEast || gravity == Gravity::SouthWest;
    const int x = west   ? margin
                  : east ? image.width - overlay.width - margin
                         : (image.width - overlay.width) / 2;
    const int y = north   ? margin
                  : south ? image.height - overlay.height - margin
                          : (image.height - overlay.height) / 2;
    return {x, y};
}

std::vector<cv::Point> tiledPlacements(cv::Size image, cv::Size overlay, cv::Size unrotated,
                                       double angle, int gap)
{
    std::vector<cv::Point> out;
    const double stepX = std::max(1, unrotated.width + gap);
    const double stepY = std::max(1, unrotated.height + gap);
    const cv::Point2d centre(image.width / 2.0, image.height / 2.0);
    // Every copy whose centre is within this distance of the photo's centre may show.
    const double reach = std::hypot(image.width, image.height) / 2.0 +
                         std::hypot(overlay.width, overlay.height) / 2.0;
    const int rows = int(std::ceil(reach / stepY)) + 1;
    const int columns = int(std::ceil(reach / stepX)) + 1;
    const double c = std::cos(angle * CV_PI / 180.0);
    const double s = std::sin(angle * CV_PI / 180.0);
    const cv::Rect bounds(0, 0, image.width, image.height);
    for (int k = -rows; k <= rows; ++k) {
        const double shift = (k % 2 != 0) ? stepX / 2.0 : 0.0;
        for (int j = -columns; j <= columns; ++j) {
            // (u, v): along and across the rows, in the watermark's own frame; turned
            // counter-clockwise on screen (y grows downwards).
            const double u = j * stepX + shift;
            const double v = k * stepY;
            const double x = centre.x + u * c + v * s;
            const double y = centre.y - u * s + v * c;
            const cv::Point topLeft(int(std::lround(x - overlay.width / 2.0)),
                                    int(std::lround(y - overlay.height / 2.0)));
            if ((cv::Rect(topLeft, overlay) & bounds).empty())
                continue;
            out.push_back(topLeft);
        }
    }
    return out;
}

cv::Mat rotated(const cv::Mat &overlay, double degrees)
{
    if (std::fmod(std::abs(degrees), 360.0) < 1e-9)
        return overlay;
    const cv::Point2f centre(overlay.cols / 2.0f, overlay.rows / 2.0f);
    cv::Mat m = cv::getRotationMatrix2D(centre, degrees, 1.0);
    const cv::Rect2f box = cv::RotatedRect(centre, overlay.size(), float(degrees)).boundingRect2f();
    const cv::Size size(int(std::ceil(box.width)) + 2, int(std::ceil(box.height)) + 2);
    m.at<double>(0, 2) += size.width / 2.0 - centre.x;
    m.at<double>(1, 2) += size.height / 2.0 - centre.y;
    cv::Mat out;
    // Premultiplied, so bilinear interpolation cannot pull colour out of transparent pixels.
    cv::warpAffine(overlay, out, m, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar::all(0));
    return out;
}

namespace {

template <typename T, int CN>
void blend(cv::Mat &dst, const cv::Mat &overlay, cv::Point at, const OpContext &ctx)
{
    const cv::Rect target = cv::Rect(at, overlay.size()) & cv::Rect(0, 0, dst.cols, dst.rows);
    if (target.empty())
        return;
    const float maxValue = dst.depth() == CV_16U ? 65535.0f : 255.0f;
    const float inv = 1.0f / maxValue;
    for (int y = target.y; y < target.y + target.height; ++y) {
        if ((y & 63) == 0 && ctx.isCancelled())
            return;
        const cv::Vec4f *o = overlay.ptr<cv::Vec4f>(y - at.y) + (target.x - at.x);
        T *p = dst.ptr<T>(y) + target.x * CN;
        for (int x = 0; x < target.width; ++x, ++o, p += CN) {
            const float a = (*o)[3];
            if (a <= 0.0f)
                continue;
            const float keep = 1.0f - a;
            if constexpr (CN == 1) {
                // Rec. 601 luma, as cv::cvtColor's BGR2GRAY: the watermark as a grey photo shows it
                const float luma = 0.114f * (*o)[0] + 0.587f * (*o)[1] + 0.299f * (*o)[2];
                p[0] = cv::saturate_cast<T>((luma + p[0] * inv * keep) * maxValue);
            } else if constexpr (CN == 3) {
                for (int c = 0; c < 3; ++c)
                    p[c] = cv::saturate_cast<T>(((*o)[c] + p[c] * inv * keep) * maxValue);
            } else {
                const float da = p[3] * inv;
                const float outA = a + da * keep;
                for (int c = 0; c < 3; ++c)
                    p[c] =
                        cv::saturate_cast<T>(((*o)[c] + p[c] * inv * da * keep) / outA * maxValue);
                p[3] = cv::saturate_cast<T>(outA * maxValue);
            }
        }
    }
}

template <typename T>
void blendAny(cv::Mat &dst, const cv::Mat &overlay, cv::Point at, const OpContext &ctx)
{
    switch (dst.channels()) {
    case 1:
        blend<T, 1>(dst, overlay, at, ctx);
        break;
    case 3:
        blend<T, 3>(dst, overlay, at, ctx);
        break;
    default:
        blend<T, 4>(dst, overlay, at, ctx);
        break;
    }
}

} // namespace

OpResult composite(const cv::Mat &image, const cv::Mat &overlay,
                   const std::vector<cv::Point> &positions, OpContext &ctx)
{
    CV_Assert(overlay.type() == CV_32FC4);
    CV_Assert(image.depth() == CV_8U || image.depth() == CV_16U);
    CV_Assert(image.channels() == 1 || image.channels() == 3 || image.channels() == 4);
    cv::Mat out = image.clone();
    for (std::size_t i = 0; i < positions.size(); ++i) {
        if (ctx.isCancelled())
            return support::cancelledResult();
        if (out.depth() == CV_16U)
            blendAny<ushort>(out, overlay, positions[i], ctx);
        else
            blendAny<uchar>(out, overlay, positions[i], ctx);
        if (ctx.progress)
            ctx.progress(double(i + 1) / double(positions.size()));
    }
    if (ctx.isCancelled())
        return support::cancelledResult();
    return OpResult::ok(out);
}

} // namespace pq::ops::watermark
