#pragma once
// Helpers for the geometry operation tests (rotate, flip, auto-orient, trim, canvas, border):
// the layouts every operation must handle, generated from the real test photos.

#include "ImageTestUtil.h"

#include <QList>
#include <QString>
#include <opencv2/imgproc.hpp>
#include <utility>

namespace pqtest::geometry {

struct Variant
{
    QString name;
    cv::Mat image;
};

// A 16-bit copy that uses the low bits too (x257 alone would only be 8-bit data in disguise), so
// that an operation dropping to 8 bits on the way shows up as a difference.
inline cv::Mat to16(const cv::Mat &m8)
{
    cv::Mat m16;
    m8.convertTo(m16, CV_16U, 257.0);
    cv::Mat noise(m16.size(), m16.type());
    cv::RNG rng(0x5eed);
    rng.fill(noise, cv::RNG::UNIFORM, cv::Scalar::all(0), cv::Scalar::all(200));
    cv::subtract(m16, noise, m16); // saturates at 0
    return m16;
}

// BGRA with an alpha that varies (a diagonal ramp from 30 to 255 and a fully transparent
// top-left block) so that alpha handling is really exercised.
inline cv::Mat withAlpha(const cv::Mat &bgr8)
{
    cv::Mat alpha(bgr8.size(), CV_8U);
    for (int y = 0; y < alpha.rows; ++y)
        for (int x = 0; x < alpha.cols; ++x)
            alpha.at<uchar>(y, x) =
                cv::saturate_cast<uchar>(30 + 225.0 * (x + y) / (alpha.cols + alpha.rows));
    alpha(cv::Rect(0, 0, alpha.cols / 8, alpha.rows / 8)).setTo(0);
    cv::Mat bgra;
    cv::cvtColor(bgr8, bgra, cv::COLOR_BGR2BGRA);
    cv::insertChannel(alpha, bgra, 3);
    return bgra;
}

// gray, BGR and BGRA at 8 and 16 bits, all from one BGR photo.
inline QList<Variant> variants(const cv::Mat &bgr8)
{
    cv::Mat gray;
    cv::cvtColor(bgr8, gray, cv::COLOR_BGR2GRAY);
    const cv::Mat bgra = withAlpha(bgr8);
    return {{QStringLiteral("gray8"), gray},       {QStringLiteral("bgr8"), bgr8},
            {QStringLiteral("bgra8"), bgra},       {QStringLiteral("gray16"), to16(gray)},
            {QStringLiteral("bgr16"), to16(bgr8)}, {QStringLiteral("bgra16"), to16(bgra)}};
}

// Decodes a test photo as 3-channel BGR (gray photos are expanded).
inline cv::Mat photoBgr(const QString &name, int reduction = 1)
{
    const auto d = pqtest::decodeTestImage(name, reduction);
    if (d.error)
        qFatal("cannot decode %s: %s", qPrintable(name), qPrintable(d.error->message));
    cv::Mat bgr = d.image;
    if (bgr.channels() == 1)
        cv::cvtColor(bgr, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
}

// The result of a run that must succeed; fails the test (qFatal) with the message otherwise.
inline cv::Mat runOk(const QString &id, const cv::Mat &input, const QVariantMap &given)
{
    const pq::OpResult r = pqtest::run(id, input, given);
    if (r.error)
        qFatal("%s failed: %s", qPrintable(id), qPrintable(r.error->message));
    return r.image;
}

// True when every pixel of `m` outside `inside` (may be empty) equals `value` exactly.
inline bool uniformOutside(const cv::Mat &m, const cv::Rect &inside, const cv::Scalar &value)
{
    cv::Mat copy = m.clone();
    if (!inside.empty())
        copy(inside).setTo(value);
    const cv::Mat expected(m.size(), m.type(), value);
    return cv::norm(copy, expected, cv::NORM_INF) == 0;
}

// A cancelled context: operations must stop and say so.
struct Cancelled
{
    std::atomic_bool flag{true};
    pq::OpContext ctx;
    Cancelled() { ctx.cancelled = &flag; }
};

} // namespace pqtest::geometry
