// rotate: right angles as exact pixel transposes; any other angle resampled onto a background
// colour (whole image on a larger canvas, or the original size), or auto-cropped to the largest
// rectangle that holds no background at all.

#include "AllOperations.h"
#include "GeometrySupport.h"
#include "OpSupport.h"
#include "ParamValues.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

enum class Fit
{
    Expand,
    Crop,
    AutoCrop
};

struct RotateParams
{
    double angle = 0; // degrees, clockwise
    cv::Scalar background;
    Fit fit = Fit::Expand;
    int interpolation = cv::INTER_CUBIC;

    static RotateParams from(const Params &p)
    {
        RotateParams r;
        r.angle = p.value(QStringLiteral("angle")).toDouble();
        r.background = parseColor(p.value(QStringLiteral("color")).toString())
                           .value_or(cv::Scalar(255, 255, 255, 255));
        const QString fit = p.value(QStringLiteral("fit")).toString();
        r.fit = fit == QLatin1String("crop")       ? Fit::Crop
                : fit == QLatin1String("autocrop") ? Fit::AutoCrop
                                                   : Fit::Expand;
        r.interpolation =
            p.value(QStringLiteral("interpolation")).toString() == QLatin1String("lanczos")
                ? cv::INTER_LANCZOS4
                : cv::INTER_CUBIC;
        return r;
    }
};

// The angle as a number of clockwise quarter turns (0..3) when it is a multiple of 90 degrees.
std::optional<int> quarterTurns(double angle)
{
    const double turns = angle / 90.0;
    const double whole = std::round(turns);
    // Anything closer than this to a right angle moves no pixel centre by 1/1000 of a pixel in a
    // 65535-pixel image: treat it as the exact transpose it was meant to be.
    if (std::abs(turns - whole) > 1e-9)
        return std::nullopt;
    return ((int(whole) % 4) + 4) % 4;
}

// The largest axis-aligned rectangle inside a w x h rectangle rotated by `radians` (maximum
// area; the classic closed form: when the short side is small against the long one the
// rectangle touches two opposite corners' sides ("half-constrained"), otherwise all four sides).
cv::Size2d largestInnerRectangle(double w, double h, double radians)
{
    const double sinA = std::abs(std::sin(radians));
    const double cosA = std::abs(std::cos(radians));
    const bool widthIsLonger = w >= h;
    const double longSide = widthIsLonger ? w : h;
    const double shortSide = widthIsLonger ? h : w;
    if (shortSide <= 2.0 * sinA * cosA * longSide || std::abs(sinA - cosA) < 1e-10) {
        const double x = 0.5 * shortSide;
        return widthIsLonger ? cv::Size2d(x / sinA, x / cosA) : cv::Size2d(x / cosA, x / sinA);
    }
    const double cos2A = cosA * cosA - sinA * sinA;
    return {(w * cosA - h * sinA) / cos2A, (h * cosA - w * sinA) / cos2A};
}

// Output size for a rotation of `in` by `radians` with `fit`.
cv::Size outputSize(cv::Size in, double radians, Fit fit)
{
    const double w = in.width;
    const double h = in.height;
    const double sinA = std::abs(std::sin(radians));
    const double cosA = std::abs(std::cos(radians));
    // A hair of tolerance so that floating-point noise does not add a row of pure background.
    auto up = [](double v) { return std::max(1, int(std::ceil(v - 1e-6))); };
    auto down = [](double v) { return std::max(1, int(std::floor(v + 1e-6))); };
    const cv::Size expanded(up(w * cosA + h * sinA), up(w * sinA + h * cosA));
    switch (fit) {
    case Fit::Crop:
        return in;
    case Fit::AutoCrop: {
        const cv::Size2d r = largestInnerRectangle(w, h, radians);
        return {std::min(down(r.width), expanded.width), std::min(down(r.height), expanded.height)};
    }
    case Fit::Expand:
    default:
        return expanded;
    }
}

class Rotate final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Rotate)

public:
    QString id() const override { return QStringLiteral("rotate"); }
    QString title() const override { return tr("Rotate"); }
    QString description() const override
    {
        return tr("Rotates clockwise: right angles exactly, pixel for pixel; other angles onto a "
                  "background colour or cropped to the largest rectangle without background.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::real(QStringLiteral("angle"), 90, -360, 360, QStringLiteral("°"),
                            tr("Angle"),
                            tr("Clockwise rotation in degrees; negative turns counter-clockwise. "
                               "90, 180 and 270 move pixels without resampling.")),
            ParamSpec::color(QStringLiteral("color"), QStringLiteral("white"), tr("Background"),
                             tr("Colour of the corners uncovered by an angle that is not a right "
                                "angle; transparent adds an alpha channel.")),
            ParamSpec::enumeration(
                QStringLiteral("fit"),
                {QStringLiteral("expand"), QStringLiteral("crop"), QStringLiteral("autocrop")},
                QStringLiteral("expand"), tr("Fit"),
                tr("For angles that are not right angles: enlarge the canvas to hold the whole "
                   "rotated image, keep the original size, or crop to the largest rectangle "
                   "without background.")),
            ParamSpec::enumeration(QStringLiteral("interpolation"),
                                   {QStringLiteral("bicubic"), QStringLiteral("lanczos")},
                                   QStringLiteral("bicubic"), tr("Interpolation"),
                                   tr("Resampling for angles that are not right angles: bicubic, "
                                      "or Lanczos (sharper, more ringing at hard edges).")),
        };
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&] {
            const RotateParams p = RotateParams::from(params);
            if (const auto turns = quarterTurns(p.angle)) {
                // Transposes and flips: lossless, and four quarter turns give back the input.
                cv::Mat out;
                switch (*turns) {
                case 1:
                    cv::rotate(input, out, cv::ROTATE_90_CLOCKWISE);
                    break;
                case 2:
                    cv::rotate(input, out, cv::ROTATE_180);
                    break;
                case 3:
                    cv::rotate(input, out, cv::ROTATE_90_COUNTERCLOCKWISE);
                    break;
                default:
                    out = input.clone();
                    break;
                }
                if (ctx.progress)
                    ctx.progress(1.0);
                return OpResult::ok(out);
            }

            const double radians = p.angle * std::numbers::pi / 180.0;
            geometry::Warp warp;
            warp.size = outputSize(input.size(), radians, p.fit);
            if (auto err = geometry::sizeLimitError(warp.size))
                return OpResult::fail(ErrorKind::Permanent, *err);
            warp.interpolation = p.interpolation;
            // Auto-crop keeps only points inside the rotated source, so replicating the edge
            // (instead of blending in a colour) leaves no trace of any background near the edge,
            // where the interpolation kernel reaches past the last pixel.
            warp.borderMode = p.fit == Fit::AutoCrop ? cv::BORDER_REPLICATE : cv::BORDER_CONSTANT;
            warp.background = p.background;

            // Clockwise on screen (y points down): output = R(a) (source - cs) + cd, inverted.
            const double c = std::cos(radians);
            const double s = std::sin(radians);
            const cv::Point2d cs((input.cols - 1) / 2.0, (input.rows - 1) / 2.0);
            const cv::Point2d cd((warp.size.width - 1) / 2.0, (warp.size.height - 1) / 2.0);
            warp.inverse = cv::Matx23d(c, s, cs.x - c * cd.x - s * cd.y, //
                                       -s, c, cs.y + s * cd.x - c * cd.y);

            auto out = geometry::warpImage(input, warp, ctx);
            if (!out)
                return support::cancelledResult();
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(*out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeRotate()
{
    return std::make_unique<Rotate>();
}
PQ_REGISTER_OPERATION(makeRotate);

} // namespace pq::ops
