#include "GeometrySupport.h"

#include "OpSupport.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace pq::ops::geometry {

double fullScale(int depth)
{
    return depth == CV_16U ? 65535.0 : 255.0;
}

cv::Mat withLayoutFor(const cv::Mat &src, const cv::Scalar &bgra)
{
    const int channels = src.channels();
    if (channels == 4)
        return src;
    cv::Mat out;
    if (bgra[3] < 255) {
        // cvtColor fills the new alpha channel with the depth's full scale: opaque.
        cv::cvtColor(src, out, channels == 1 ? cv::COLOR_GRAY2BGRA : cv::COLOR_BGR2BGRA);
        return out;
    }
    const bool grayColour = bgra[0] == bgra[1] && bgra[1] == bgra[2];
    if (channels == 1 && !grayColour) {
        cv::cvtColor(src, out, cv::COLOR_GRAY2BGR);
        return out;
    }
    return src;
}

cv::Scalar pixelValue(const cv::Scalar &bgra, int type)
{
    const double s = fullScale(CV_MAT_DEPTH(type)) / 255.0;
    switch (CV_MAT_CN(type)) {
    case 1:
        return cv::Scalar(bgra[0] * s);
    case 3:
        return cv::Scalar(bgra[0] * s, bgra[1] * s, bgra[2] * s);
    default:
        return bgra * s;
    }
}

cv::Mat pad(const cv::Mat &src, cv::Size size, cv::Point at, const cv::Scalar &bgra)
{
    const cv::Mat laid = withLayoutFor(src, bgra);
    cv::Mat canvas(size, laid.type(), pixelValue(bgra, laid.type()));
    laid.copyTo(canvas(cv::Rect(at, laid.size())));
    return canvas;
}

QStringList gravityChoices()
{
    return {QStringLiteral("center"),    QStringLiteral("north"),     QStringLiteral("south"),
            QStringLiteral("east"),      QStringLiteral("west"),      QStringLiteral("northeast"),
            QStringLiteral("northwest"), QStringLiteral("southeast"), QStringLiteral("southwest")};
}

cv::Point gravityOffset(const QString &gravity, cv::Size slack)
{
    const int x = gravity.endsWith(QLatin1String("west"))   ? 0
                  : gravity.endsWith(QLatin1String("east")) ? slack.width
                                                            : slack.width / 2;
    const int y = gravity.startsWith(QLatin1String("north"))   ? 0
                  : gravity.startsWith(QLatin1String("south")) ? slack.height
                                                               : slack.height / 2;
    return {x, y};
}

std::optional<double> parseAspect(const QString &text)
{
    static const QRegularExpression pair(
        QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*[:/xX]\s*(\d+(?:\.\d+)?)\s*$)"));
    static const QRegularExpression single(QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*$)"));
    double ratio = 0;
    if (const auto m = pair.match(text); m.hasMatch()) {
        const double d = m.captured(2).toDouble();
        ratio = d > 0 ? m.captured(1).toDouble() / d : 0;
    } else if (const auto m1 = single.match(text); m1.hasMatch()) {
        ratio = m1.captured(1).toDouble();
    }
    if (!(ratio >= 1e-4 && ratio <= 1e4))
        return std::nullopt;
    return ratio;
}

std::optional<QString> sizeLimitError(cv::Size size)
{
    constexpr int kMaxSide = 65535;
    constexpr double kMaxPixels = double(1 << 28);
    if (size.width <= kMaxSide && size.height <= kMaxSide &&
        double(size.width) * size.height <= kMaxPixels)
        return std::nullopt;
    return QCoreApplication::translate("pq::ops::geometry",
                                       "the result would be %1x%2 pixels, more than PixQueue "
                                       "handles (65535 pixels a side, 268 megapixels)")
        .arg(size.width)
        .arg(size.height);
}

namespace {

// Premultiplied alpha in a type that resamples without losing the source's precision: 8-bit
// sources become 16-bit integers colour*alpha and alpha*255 (exact, at most 65025), 16-bit
// sources become float in 0..1.
cv::Mat premultiply(const cv::Mat &bgra)
{
    std::vector<cv::Mat> ch;
    cv::split(bgra, ch);
    const bool eight = bgra.depth() == CV_8U;
    const int work = eight ? CV_16U : CV_32F;
    const double s = eight ? 1.0 : 1.0 / 65535.0;
    cv::Mat alpha;
    ch[3].convertTo(alpha, work, s);
    for (int i = 0; i < 3; ++i) {
        ch[i].convertTo(ch[i], work, s);
        cv::multiply(ch[i], alpha, ch[i]);
    }
    ch[3] = eight ? cv::Mat(alpha * 255) : alpha;
    cv::Mat out;
    cv::merge(ch, out);
    return out;
}

cv::Scalar premultipliedValue(const cv::Scalar &bgra, int sourceDepth)
{
    if (sourceDepth == CV_8U)
        return {bgra[0] * bgra[3], bgra[1] * bgra[3], bgra[2] * bgra[3], bgra[3] * 255};
    const double a = bgra[3] / 255.0;
    return {bgra[0] / 255.0 * a, bgra[1] / 255.0 * a, bgra[2] / 255.0 * a, a};
}

cv::Mat unpremultiply(const cv::Mat &work, int depth)
{
    std::vector<cv::Mat> ch;
    cv::split(work, ch);
    const bool eight = depth == CV_8U;
    // In the premultiplied 8-bit form, alpha*255 is the full scale of colour*alpha.
    const double alphaScale = eight ? 255.0 * 255.0 : 1.0;
    cv::Mat alpha;
    ch[3].convertTo(alpha, CV_32F, 1.0 / alphaScale);
    // Interpolation kernels overshoot; keep alpha in [0, 1] before dividing by it.
    cv::min(cv::max(alpha, 0.0), 1.0, alpha);
    const cv::Mat transparent = alpha <= 1e-6;
    const cv::Mat safeAlpha = cv::max(alpha, 1e-6);
    const double colourScale = fullScale(depth) / alphaScale;
    for (int i = 0; i < 3; ++i) {
        cv::Mat c;
        ch[i].convertTo(c, CV_32F);
        cv::divide(c, safeAlpha, c, colourScale);
        c.setTo(0, transparent);   // fully transparent: colour is meaningless, use black
        c.convertTo(ch[i], depth); // rounds and saturates
    }
    alpha.convertTo(ch[3], depth, fullScale(depth));
    cv::Mat out;
    cv::merge(ch, out);
    return out;
}

} // namespace

std::optional<cv::Mat> warpImage(const cv::Mat &src, const Warp &warp, OpContext &ctx)
{
    const bool constant = warp.borderMode == cv::BORDER_CONSTANT;
    const cv::Mat laid = constant ? withLayoutFor(src, warp.background) : src;
    const bool premultiplied = laid.channels() == 4;
    const cv::Mat work = premultiplied ? premultiply(laid) : laid;
    const cv::Scalar border = premultiplied ? premultipliedValue(warp.background, laid.depth())
                                            : pixelValue(warp.background, laid.type());

    cv::Mat out(warp.size, work.type());
    // Strips of about a megapixel: short enough to notice a cancel within a fraction of a
    // second, long enough for warpAffine's own threads to have work.
    const int step = std::max(16, (1 << 20) / std::max(1, warp.size.width));
    for (int y0 = 0; y0 < warp.size.height; y0 += step) {
        if (ctx.isCancelled())
            return std::nullopt;
        const int y1 = std::min(warp.size.height, y0 + step);
        cv::Mat strip = out.rowRange(y0, y1);
        // The strip's row r is the output's row y0 + r.
        cv::Matx23d m = warp.inverse;
        m(0, 2) += m(0, 1) * y0;
        m(1, 2) += m(1, 1) * y0;
        cv::warpAffine(work, strip, m, strip.size(), warp.interpolation | cv::WARP_INVERSE_MAP,
                       warp.borderMode, border);
        if (ctx.progress)
            ctx.progress(0.95 * y1 / warp.size.height);
    }
    if (premultiplied)
        out = unpremultiply(out, laid.depth());
    return out;
}

} // namespace pq::ops::geometry
