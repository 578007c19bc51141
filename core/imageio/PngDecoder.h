#pragma once
// A fast path for the common PNG: non-interlaced, 8 or 16 bits per sample, gray, gray+alpha, RGB
// or RGBA, no palette and no transparency chunk. The whole IDAT stream is inflated in one call
// with libdeflate (about twice as fast as zlib's streaming inflate, which is what libpng and so
// OpenCV use), then unfiltered in place. PNG decoding was a quarter of the thumbnail benchmark's
// time; see docs/performance.md.
//
// The result is pixel-identical to cv::imdecode(bytes, cv::IMREAD_UNCHANGED): BGR(A) order, 16-bit
// samples in host order, gray+alpha as BGRA. Every chunk's CRC and the zlib Adler-32 are checked.
// Anything else (a palette, tRNS, Adam7, a bad CRC, truncation, trailing garbage in IDAT) returns
// nullopt and the caller uses OpenCV's decoder, which then gives its own verdict: this path may
// only ever be faster, never disagree.
//
// Without libdeflate at build time (PIXQUEUE_HAVE_LIBDEFLATE undefined) it always returns nullopt.

#include <QByteArray>
#include <opencv2/core.hpp>
#include <optional>

namespace pq::imageio::detail {

std::optional<cv::Mat> decodePngFast(const QByteArray &bytes);

} // namespace pq::imageio::detail
