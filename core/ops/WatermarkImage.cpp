// watermark-image: lays a picture (typically a logo PNG with transparency) over the photo, in a
// corner or tiled over the whole of it.

#include "AllOperations.h"
#include "OpSupport.h"
#include "WatermarkSupport.h"
#include "imageio/ImageIO.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <map>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

using watermark::Gravity;

struct LoadedWatermark
{
    cv::Mat image; // as decoded: 8/16-bit, 1/3/4 channels
    std::optional<Error> error;
};

// The watermark file, decoded once per thread and file version: a batch lays the same logo on
// thousands of photos. The file's modification time and size tell when it changed.
LoadedWatermark loadWatermark(const QString &path)
{
    struct Cached
    {
        QDateTime modified;
        qint64 size = 0;
        cv::Mat image;
    };
    thread_local std::map<QString, Cached> cache;

    const QFileInfo info(path);
    if (!info.isFile())
        return {{},
                Error{ErrorKind::Permanent,
                      QCoreApplication::translate("pq::ops::WatermarkImage",
                                                  "image: the watermark file %1 does not exist")
                          .arg(QDir::toNativeSeparators(path))}};
    const QDateTime modified = info.lastModified();
    if (auto it = cache.find(path);
        it != cache.end() && it->second.modified == modified && it->second.size == info.size())
        return {it->second.image, std::nullopt};

    imageio::Decoded decoded = imageio::decodeFile(path);
    if (decoded.error)
        // Whatever the reason, the same recipe will fail the same way on every photo until the
        // user gives another file: not worth retrying.
        return {{},
                Error{ErrorKind::Permanent,
                      QCoreApplication::translate("pq::ops::WatermarkImage",
                                                  "image: cannot use the watermark: %1")
                          .arg(decoded.error->message)}};
    if (cache.size() >= 4)
        cache.clear();
    cache[path] = Cached{modified, info.size(), decoded.image};
    return {decoded.image, std::nullopt};
}

// Premultiplied BGRA float (0..1) of any 8/16-bit, 1/3/4-channel picture; no alpha means opaque.
cv::Mat premultiplied(const cv::Mat &picture)
{
    const double maxValue = picture.depth() == CV_16U ? 65535.0 : 255.0;
    cv::Mat f;
    picture.convertTo(f, CV_32F, 1.0 / maxValue);
    std::vector<cv::Mat> ch;
    cv::split(f, ch);
    if (ch.size() == 1)
        ch = {ch[0], ch[0], ch[0]};
    if (ch.size() == 3)
        ch.push_back(cv::Mat(f.size(), CV_32F, cv::Scalar(1.0)));
    for (int c = 0; c < 3; ++c)
        ch[c] = ch[c].mul(ch[3]);
    cv::Mat out;
    cv::merge(ch, out);
    return out;
}

class WatermarkImage final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::WatermarkImage)

public:
    QString id() const override { return QStringLiteral("watermark-image"); }
    QString title() const override { return tr("Image watermark"); }
    QString description() const override
    {
        return tr("Lays a logo (a PNG with transparency) over the photo, in a corner or tiled "
                  "over all of it.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::file(QStringLiteral("image"), tr("Watermark image"),
                            tr("The logo to lay over the photo: a PNG with transparency, or any "
                               "image.")),
            ParamSpec::real(QStringLiteral("scale"), 20, 0.5, 100, QStringLiteral("%"), tr("Scale"),
                            tr("Width of the watermark as a percentage of the "
                               "photo's width.")),
            ParamSpec::real(QStringLiteral("opacity"), 0.5, 0, 1, QString(), tr("Opacity"),
                            tr("0 is invisible, 1 as opaque as the logo itself.")),
            ParamSpec::enumeration(QStringLiteral("gravity"), watermark::gravityNames(),
                                   QStringLiteral("southeast"), tr("Position"),
                                   tr("Where the watermark goes: a corner, an edge or the "
                                      "centre.")),
            ParamSpec::real(QStringLiteral("margin"), 2, 0, 50, QStringLiteral("%"), tr("Margin"),
                            tr("Distance from the edges as a percentage of the photo's shorter "
                               "side; with tiled, the gap between copies (at least half the "
                               "watermark's height).")),
            ParamSpec::boolean(QStringLiteral("tiled"), false, tr("Tiled"),
                               tr("Repeat the watermark over the whole photo in staggered "
                                  "rows.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        if (params.value(QStringLiteral("image")).toString().trimmed().isEmpty())
            return tr("image: no watermark file given");
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const double opacity = params.value(QStringLiteral("opacity")).toDouble();
        // The file is checked even when invisible: a wrong path should not go unnoticed.
        const LoadedWatermark logo =
            loadWatermark(params.value(QStringLiteral("image")).toString());
        if (logo.error)
            return OpResult::fail(logo.error->kind, logo.error->message);
        if (opacity <= 0)
            return OpResult::ok(input);

        return support::guarded([&]() -> OpResult {
            const Gravity gravity =
                watermark::gravityFrom(params.value(QStringLiteral("gravity")).toString());
            const bool tiled = params.value(QStringLiteral("tiled")).toBool();
            const int margin = watermark::marginPixels(
                input.size(), params.value(QStringLiteral("margin")).toDouble());
            const double scale = params.value(QStringLiteral("scale")).toDouble() / 100.0;

            double width = input.cols * scale;
            double height = width * logo.image.rows / logo.image.cols;
            // A single copy taller than the photo (a tall logo on a panorama) is made to fit.
            const double roomY = input.rows - 2.0 * margin;
            if (!tiled && height > roomY && roomY > 0) {
                width *= roomY / height;
                height = roomY;
            }
            const cv::Size size(std::max(1, int(std::lround(width))),
                                std::max(1, int(std::lround(height))));

            // Resample premultiplied, so the colour of transparent pixels cannot bleed into the
            // logo's edge (the dark fringe of naive alpha resizing).
            cv::Mat overlay = premultiplied(logo.image);
            if (overlay.size() != size) {
                const bool shrinks = size.width <= overlay.cols && size.height <= overlay.rows;
                cv::resize(overlay, overlay, size, 0, 0,
                           shrinks ? cv::INTER_AREA : cv::INTER_CUBIC);
                // Cubic overshoots: keep alpha in [0, 1] and colour within alpha.
                std::vector<cv::Mat> ch;
                cv::split(overlay, ch);
                cv::min(cv::max(ch[3], 0.0), 1.0, ch[3]);
                for (int c = 0; c < 3; ++c)
                    cv::min(cv::max(ch[c], 0.0), ch[3], ch[c]);
                cv::merge(ch, overlay);
            }
            overlay *= opacity;
            if (ctx.isCancelled())
                return support::cancelledResult();
            const std::vector<cv::Point> positions =
                tiled ? watermark::tiledPlacements(input.size(), overlay.size(), overlay.size(), 0,
                                                   std::max(margin, overlay.rows / 2))
                      : std::vector<cv::Point>{
                            watermark::placement(input.size(), overlay.size(), gravity, margin)};
            return watermark::composite(input, overlay, positions, ctx);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeWatermarkImage()
{
    return std::make_unique<WatermarkImage>();
}
PQ_REGISTER_OPERATION(makeWatermarkImage);

} // namespace pq::ops
