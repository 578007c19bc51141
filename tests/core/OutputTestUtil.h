#pragma once
// Helpers for the watermark tests (header-only: every test_*.cpp is its own executable).

#include <QString>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace outtest {

// 255 where `a` and `b` differ in any channel (including alpha), 0 where they are identical.
inline cv::Mat changedMask(const cv::Mat &a, const cv::Mat &b)
{
    CV_Assert(a.size() == b.size() && a.type() == b.type());
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    if (diff.channels() > 1) {
        cv::Mat flat = diff.reshape(1, int(diff.total()));
        cv::reduce(flat, flat, 1, cv::REDUCE_MAX);
        diff = flat.reshape(1, a.rows);
    }
    cv::Mat mask;
    cv::compare(diff, 0, mask, cv::CMP_GT);
    return mask;
}

// The smallest rectangle holding every changed pixel; empty when nothing changed.
inline cv::Rect changedBox(const cv::Mat &a, const cv::Mat &b)
{
    return cv::boundingRect(changedMask(a, b));
}

// Changed pixels in each quadrant: top-left, top-right, bottom-left, bottom-right.
inline std::array<int, 4> changedPerQuadrant(const cv::Mat &a, const cv::Mat &b)
{
    const cv::Mat mask = changedMask(a, b);
    const int w = mask.cols / 2;
    const int h = mask.rows / 2;
    return {cv::countNonZero(mask(cv::Rect(0, 0, w, h))),
            cv::countNonZero(mask(cv::Rect(w, 0, mask.cols - w, h))),
            cv::countNonZero(mask(cv::Rect(0, h, w, mask.rows - h))),
            cv::countNonZero(mask(cv::Rect(w, h, mask.cols - w, mask.rows - h)))};
}

// Which third of the image (0, 1, 2 across; 0, 1, 2 down) a point falls in.
inline cv::Point thirdOf(cv::Size image, cv::Point p)
{
    return {std::min(2, 3 * p.x / image.width), std::min(2, 3 * p.y / image.height)};
}

inline QString rectText(const cv::Rect &r)
{
    return QStringLiteral("%1x%2+%3+%4").arg(r.width).arg(r.height).arg(r.x).arg(r.y);
}

} // namespace outtest
