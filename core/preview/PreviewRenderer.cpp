#include "PreviewRenderer.h"

#include "imageio/ImageIO.h"
#include "ops/OperationRegistry.h"
#include "ops/ParamValues.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace pq::preview {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::preview", text);
}

const QString kFormatOp = QStringLiteral("format");

// A rectangle [x, x + w) scaled outward to whole pixels, at least 1 x 1.
cv::Rect scaledRect(const cv::Rect &r, double s)
{
    const int x0 = int(std::floor(r.x * s));
    const int y0 = int(std::floor(r.y * s));
    const int x1 = int(std::ceil((r.x + r.width) * s));
    const int y1 = int(std::ceil((r.y + r.height) * s));
    return {x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)};
}

// red-eye's `points`: "X:Y" separated by spaces or ';'. Anything else is left as it is (the
// operation's validation reports it).
QString scaledPoints(const QString &text, double s)
{
    static const QRegularExpression point(QStringLiteral("^(\\d+):(\\d+)$"));
    static const QRegularExpression separators(QStringLiteral("[\\s;]+"));
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const auto m = point.match(part);
        if (!m.hasMatch())
            return text;
        out << QStringLiteral("%1:%2")
                   .arg(qRound(m.captured(1).toDouble() * s))
                   .arg(qRound(m.captured(2).toDouble() * s));
    }
    return out.join(QLatin1Char(' '));
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 4);
}

} // namespace

double PreviewSource::scale() const
{
    const int fullLong = std::max(fullSize.width, fullSize.height);
    if (image.empty() || fullLong <= 0)
        return 1.0;
    return double(std::max(image.cols, image.rows)) / fullLong;
}

PreviewSource loadPreviewSource(const QString &path, int maxSide)
{
    PreviewSource source;
    source.path = path;
    source.maxSide = std::max(16, maxSide);

    // Shrink on load: the largest JPEG DCT reduction that still leaves at least maxSide pixels
    // on the long side (other formats decode at full size and are resized below).
    const std::optional<imageio::ImageHeader> header = imageio::readHeader(path);
    int reduction = 1;
    if (header) {
        const cv::Size upright = header->uprightSize();
        const int longSide = std::max(upright.width, upright.height);
        while (reduction < 8 && longSide / (reduction * 2) >= source.maxSide)
            reduction *= 2;
    }
    imageio::Decoded decoded = imageio::decodeFile(path, reduction);
    if (decoded.error) {
        source.error = decoded.error;
        return source;
    }
    cv::Mat image = std::move(decoded.image);

    // The full size the jobs see: the header's upright size when it agrees with what was decoded
    // (up to the rounding of the DCT reduction), otherwise what was decoded, scaled back up.
    const int r = decoded.reduction;
    source.fullSize = cv::Size(image.cols * r, image.rows * r);
    if (header) {
        const cv::Size upright = header->uprightSize();
        if (std::abs(upright.width - image.cols * r) < r &&
            std::abs(upright.height - image.rows * r) < r)
            source.fullSize = upright;
    }

    const int longSide = std::max(image.cols, image.rows);
    if (longSide > source.maxSide) {
        const double f = double(source.maxSide) / longSide;
        const cv::Size size(std::max(1, int(std::lround(image.cols * f))),
                            std::max(1, int(std::lround(image.rows * f))));
        try {
            cv::Mat small;
            cv::resize(image, small, size, 0, 0, cv::INTER_AREA);
            image = std::move(small);
        } catch (const cv::Exception &e) {
            source.error =
                Error{ErrorKind::Permanent, tr("cannot scale %1 down for the preview: %2")
                                                .arg(path, QString::fromStdString(e.msg))};
            return source;
        }
    }
    source.image = std::move(image);
    return source;
}

Params scaleStepParams(const Operation &op, const Params &params, double scale, QStringList *notes)
{
    Params out = params;
    if (std::abs(scale - 1.0) < 1e-9)
        return out;
    const QString opId = op.id();
    const bool cropInPixels =
        opId == QLatin1String("crop") &&
        params.value(QStringLiteral("unit")).toString() == QLatin1String("px");
    static const QStringList cropFields{QStringLiteral("x"), QStringLiteral("y"),
                                        QStringLiteral("width"), QStringLiteral("height")};

    for (const ParamSpec &spec : op.params()) {
        if (!params.contains(spec.name))
            continue;
        const QVariant value = params.value(spec.name);
        if (spec.type == ParamType::Rect) {
            const auto rects = parseRects(value.toString());
            if (!rects || rects->empty())
                continue;
            std::vector<cv::Rect> scaled;
            for (const cv::Rect &r : *rects)
                scaled.push_back(scaledRect(r, scale));
            out.insert(spec.name, formatRects(scaled));
            continue;
        }
        if (opId == QLatin1String("red-eye") && spec.name == QLatin1String("points")) {
            out.insert(spec.name, scaledPoints(value.toString(), scale));
            continue;
        }
        const bool pixels =
            spec.unit == QLatin1String("px") || (cropInPixels && cropFields.contains(spec.name));
        if (!pixels || (spec.type != ParamType::Int && spec.type != ParamType::Double))
            continue;
        const double v = value.toDouble();
        if (v == 0)
            continue; // 0 means "not set" (auto width, no border, ...)
        double scaled = v * scale;
        if (spec.type == ParamType::Int) {
            scaled = std::max(1.0, std::round(scaled));
            // Odd windows stay odd (denoise's search and template windows must be).
            if (int(v) % 2 == 1 && int(scaled) % 2 == 0)
                scaled += 1;
        }
        double clamped = std::clamp(scaled, spec.minimum, spec.maximum);
        if (spec.type == ParamType::Int && int(clamped) % 2 == 0 && int(v) % 2 == 1)
            clamped = std::min(spec.maximum, clamped + 1);
        if (clamped != scaled && notes)
            *notes << tr("%1: '%2' is %3 px, which is %4 px at the preview's scale; the preview "
                         "uses %5 px, so this step is only approximate.")
                          .arg(op.title(), spec.label, formatNumber(v), formatNumber(v * scale),
                               formatNumber(clamped));
        if (spec.type == ParamType::Int)
            out.insert(spec.name, int(clamped));
        else
            out.insert(spec.name, clamped);
    }
    return out;
}

cv::Mat toDisplay8Bit(const cv::Mat &image)
{
    if (image.empty() || image.depth() == CV_8U)
        return image;
    cv::Mat out;
    if (image.depth() == CV_16U)
        image.convertTo(out, CV_8U, 1.0 / 257.0);
    else if (image.depth() == CV_32F || image.depth() == CV_64F)
        image.convertTo(out, CV_8U, 255.0);
    else
        image.convertTo(out, CV_8U);
    return out;
}

PreviewResult renderPreview(const PreviewSource &source, const Recipe &recipe, int focusStep,
                            const std::atomic_bool *cancelled)
{
    PreviewResult result;
    if (!source.isValid()) {
        result.error =
            source.error ? source.error->message : tr("%1 could not be read").arg(source.path);
        return result;
    }
    const auto &registry = OperationRegistry::instance();
    auto isCancelled = [cancelled] {
        return cancelled && cancelled->load(std::memory_order_relaxed);
    };

    // A focus step is honoured only when it will run.
    if (focusStep >= 0 && (focusStep >= recipe.steps.size() || !recipe.steps.at(focusStep).enabled))
        focusStep = -1;

    cv::Mat image = source.image;
    double scale = source.scale();
    // The full size of what `image` shows; exact for the source, estimated after a step.
    cv::Size fullSize = source.fullSize;
    result.before = toDisplay8Bit(image);
    result.beforeFullSize = fullSize;

    try {
        for (int i = 0; i < recipe.steps.size(); ++i) {
            const RecipeStep &step = recipe.steps.at(i);
            if (!step.enabled)
                continue;
            if (isCancelled()) {
                result.cancelled = true;
                return result;
            }
            if (i == focusStep) {
                result.before = toDisplay8Bit(image);
                result.beforeFullSize = fullSize;
            }
            const Operation *op = registry.find(step.op);
            if (!op) {
                result.notes
                    << tr("Step %1: unknown operation '%2', skipped.").arg(i + 1).arg(step.op);
                continue;
            }
            if (step.op == kFormatOp)
                continue; // encoding only: nothing to see on the pixels
            if (step.op.startsWith(QLatin1String("debug-"))) {
                result.notes
                    << tr("Step %1 (%2) is not run in the preview.").arg(i + 1).arg(op->title());
                continue;
            }
            if (auto problem = op->validate(step.params)) {
                result.notes
                    << tr("Step %1 (%2) is skipped: %3").arg(i + 1).arg(op->title(), *problem);
                if (i == focusStep)
                    break;
                continue;
            }
            const Params params = scaleStepParams(*op, step.params, scale, &result.notes);
            OpContext ctx;
            ctx.cancelled = cancelled;
            OpResult r = op->run(image, params, ctx);
            if (isCancelled()) {
                result.cancelled = true;
                return result;
            }
            if (r.error) {
                result.after.release();
                result.afterFullSize = {};
                result.error =
                    tr("Step %1 (%2) failed: %3").arg(i + 1).arg(op->title(), r.error->message);
                return result;
            }
            // A step that keeps the size keeps the exact full size; otherwise whatever it did
            // to the size happened at `scale`.
            if (r.image.size() != image.size())
                fullSize = cv::Size(std::max(1, int(std::lround(r.image.cols / scale))),
                                    std::max(1, int(std::lround(r.image.rows / scale))));
            image = std::move(r.image);
            const int longSide = std::max(image.cols, image.rows);
            if (longSide > source.maxSide) {
                // Grown beyond the preview size (resize with enlarge, canvas, rotate): scale it
                // back down, and go on at the smaller scale.
                const double f = double(source.maxSide) / longSide;
                cv::Mat small;
                cv::resize(image, small,
                           cv::Size(std::max(1, int(std::lround(image.cols * f))),
                                    std::max(1, int(std::lround(image.rows * f)))),
                           0, 0, cv::INTER_AREA);
                image = std::move(small);
                scale *= f;
            }
            if (i == focusStep)
                break;
        }
    } catch (const cv::Exception &e) {
        result.error = tr("The preview failed: %1").arg(QString::fromStdString(e.msg));
        return result;
    } catch (const std::bad_alloc &) {
        result.error = tr("The preview failed: out of memory");
        return result;
    }
    result.after = toDisplay8Bit(image);
    result.afterFullSize = fullSize;
    return result;
}

PreviewResult renderPreviewFile(const QString &path, const Recipe &recipe, int maxSide,
                                int focusStep)
{
    return renderPreview(loadPreviewSource(path, maxSide), recipe, focusStep);
}

} // namespace pq::preview
