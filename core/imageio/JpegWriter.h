#pragma once
// JPEG encoding with libjpeg(-turbo) directly. OpenCV 4.6's encoder has no chroma subsampling
// setting (IMWRITE_JPEG_SAMPLING_FACTOR arrived in 4.7) and always writes 4:2:0, which smears
// fine red and blue detail (text, fabric, sunset edges); photographers ask for 4:4:4 at high
// quality. Internal to core/imageio. Any thread; no shared state.

#include <QByteArray>
#include <QString>
#include <opencv2/core.hpp>
#include <optional>

namespace pq::imageio::detail {

enum class ChromaSubsampling
{
    S444,
    S422,
    S420
};

struct JpegSettings
{
    int quality = 90; // 1..100, libjpeg's scale (the same as OpenCV's IMWRITE_JPEG_QUALITY)
    bool progressive = false;
    ChromaSubsampling subsampling = ChromaSubsampling::S420;
};

// `image`: 8-bit, 1 channel (written as grey) or 3 channels BGR. Optimal Huffman tables are always
// used (a few percent smaller at no cost in quality). Returns the message on failure.
std::optional<QString> encodeJpeg(const cv::Mat &image, const JpegSettings &settings,
                                  QByteArray *out);

} // namespace pq::imageio::detail
