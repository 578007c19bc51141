#include "OpSupport.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <new>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace pq::ops::support {

cv::Size scaled(cv::Size size, double s)
{
    return {std::max(1, int(std::lround(size.width * s))),
            std::max(1, int(std::lround(size.height * s)))};
}

cv::Mat resample(const cv::Mat &src, cv::Size size)
{
    if (src.size() == size)
        return src;
    const bool grows = size.width > src.cols || size.height > src.rows;
    const int interpolation = grows ? cv::INTER_LANCZOS4 : cv::INTER_AREA;
    cv::Mat out;
    if (src.channels() != 4) {
        cv::resize(src, out, size, 0, 0, interpolation);
        return out;
    }
    // Premultiply, resample, unpremultiply, in float so 16-bit and 8-bit share one path.
    const double maxValue = src.depth() == CV_16U ? 65535.0 : 255.0;
    cv::Mat f;
    src.convertTo(f, CV_32F, 1.0 / maxValue);
    std::vector<cv::Mat> ch;
    cv::split(f, ch);
    for (int i = 0; i < 3; ++i)
        ch[i] = ch[i].mul(ch[3]);
    cv::merge(ch, f);
    cv::resize(f, f, size, 0, 0, interpolation);
    cv::split(f, ch);
    // Lanczos overshoots; keep alpha in [0, 1] before dividing by it.
    cv::min(cv::max(ch[3], 0.0), 1.0, ch[3]);
    cv::Mat safeAlpha = cv::max(ch[3], 1e-6);
    for (int i = 0; i < 3; ++i) {
        cv::divide(ch[i], safeAlpha, ch[i]);
        ch[i].setTo(0, ch[3] <= 1e-6); // fully transparent: colour is meaningless, use black
    }
    cv::merge(ch, f);
    f.convertTo(out, src.depth(), maxValue); // rounds and saturates
    return out;
}

cv::Mat centreCrop(const cv::Mat &src, cv::Size size)
{
    const int w = std::min(size.width, src.cols);
    const int h = std::min(size.height, src.rows);
    return src(cv::Rect((src.cols - w) / 2, (src.rows - h) / 2, w, h));
}

int reductionFor(cv::Size fullSize, const std::function<ScalePlan(cv::Size)> &plan)
{
    if (fullSize.width <= 0 || fullSize.height <= 0)
        return 1;
    const ScalePlan full = plan(fullSize);
    for (int d : {8, 4, 2}) {
        // libjpeg's scaled decode rounds up
        const cv::Size reduced((fullSize.width + d - 1) / d, (fullSize.height + d - 1) / d);
        if (reduced.width < full.scaled.width || reduced.height < full.scaled.height)
            continue;
        if (plan(reduced).output == full.output)
            return d;
    }
    return 1;
}

OpResult guarded(const std::function<OpResult()> &body)
{
    try {
        return body();
    } catch (const cv::Exception &e) {
        return OpResult::fail(ErrorKind::Permanent,
                              QCoreApplication::translate("pq::ops", "image processing failed: %1")
                                  .arg(QString::fromStdString(e.msg)));
    } catch (const std::bad_alloc &) {
        return OpResult::fail(ErrorKind::Transient,
                              QCoreApplication::translate("pq::ops", "out of memory"));
    }
}

OpResult cancelledResult()
{
    return OpResult::fail(ErrorKind::Transient,
                          QCoreApplication::translate("pq::ops", "cancelled"));
}

} // namespace pq::ops::support
