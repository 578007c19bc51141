// red-eye: finds flash-red pupils (automatically, or inside eye rectangles the user gives) and
// turns them into neutral dark pupils, keeping the specular highlight. Pixels outside the pupils
// found are never written.

#include "AllOperations.h"
#include "OpSupport.h"
#include "ParamValues.h"
#include "RetouchSupport.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace pq::ops {

namespace {

// "X:Y" points separated by spaces or ';' (no commas, so the list fits in a CLI spec).
std::optional<std::vector<cv::Point>> parsePoints(const QString &text)
{
    static const QRegularExpression point(QStringLiteral("^(\\d+):(\\d+)$"));
    static const QRegularExpression separators(QStringLiteral("[\\s;]+"));
    std::vector<cv::Point> points;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const auto m = point.match(part);
        if (!m.hasMatch())
            return std::nullopt;
        points.emplace_back(m.captured(1).toInt(), m.captured(2).toInt());
    }
    return points;
}

// The neutral pupil under a red one: red takes the level of green and blue, so the pupil turns as
// dark as those channels say it is, and near-white pixels (the highlight) stay as they are.
cv::Mat neutralPupil(const cv::Mat &bgr)
{
    cv::Mat out(bgr.size(), CV_32FC3);
    for (int y = 0; y < bgr.rows; ++y) {
        const cv::Vec3f *p = bgr.ptr<cv::Vec3f>(y);
        cv::Vec3f *o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < bgr.cols; ++x) {
            const float v = std::min(p[x][2], 0.5f * (p[x][0] + p[x][1]));
            o[x] = cv::Vec3f(v, v, v);
        }
    }
    return out;
}

class RedEyeRemoval final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::RedEyeRemoval)

public:
    QString id() const override { return QStringLiteral("red-eye"); }
    QString title() const override { return tr("Red-eye removal"); }
    QString description() const override
    {
        return tr("Turns flash-red pupils into natural dark ones, found automatically or inside "
                  "eye rectangles you give.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::enumeration(
                QStringLiteral("mode"), {QStringLiteral("auto"), QStringLiteral("manual")},
                QStringLiteral("auto"), tr("Mode"),
                tr("auto finds faces and eyes (or, in close-ups, round red pupils) by itself; "
                   "manual corrects only inside the eyes you give.")),
            ParamSpec::rects(QStringLiteral("eyes"), tr("Eyes"),
                             tr("Manual mode: one rectangle WxH+X+Y around each eye, in pixels "
                                "of the upright image.")),
            ParamSpec::text(QStringLiteral("points"), QString(), tr("Eye centres"),
                            tr("Manual mode, instead of or besides rectangles: pupil centres "
                               "X:Y separated by spaces, each searched within 'radius'.")),
            ParamSpec::integer(QStringLiteral("radius"), 20, 1, 5000, QStringLiteral("px"),
                               tr("Radius"),
                               tr("Manual mode: how far from each centre in 'points' to look "
                                  "for the red pupil.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        const bool manual =
            params.value(QStringLiteral("mode")).toString() == QLatin1String("manual");
        const QString eyes = params.value(QStringLiteral("eyes")).toString().trimmed();
        const QString points = params.value(QStringLiteral("points")).toString().trimmed();
        if (!points.isEmpty() && !parsePoints(points))
            return tr("parameter 'points': '%1' is not a list of X:Y points (example: 120:85 "
                      "240:88)")
                .arg(points);
        if (manual && eyes.isEmpty() && points.isEmpty())
            return tr("mode=manual needs the eyes: set 'eyes' (WxH+X+Y rectangles) or 'points' "
                      "(X:Y centres)");
        if (!manual && (!eyes.isEmpty() || !points.isEmpty()))
            return tr("'eyes' and 'points' are used only with mode=manual; set mode=manual or "
                      "leave them out");
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        // No colour, no red eyes.
        if (input.channels() < 3)
            return OpResult::ok(input);
        return support::guarded([&] {
            const bool manual =
                params.value(QStringLiteral("mode")).toString() == QLatin1String("manual");
            std::vector<cv::Rect> eyes;
            if (manual) {
                eyes = parseRects(params.value(QStringLiteral("eyes")).toString())
                           .value_or(std::vector<cv::Rect>{});
                const int r = params.value(QStringLiteral("radius")).toInt();
                for (const cv::Point &p :
                     parsePoints(params.value(QStringLiteral("points")).toString())
                         .value_or(std::vector<cv::Point>{}))
                    eyes.emplace_back(p.x - r, p.y - r, 2 * r + 1, 2 * r + 1);
            }
            retouch::RedEyeFinding found;
            if (auto err = retouch::findRedEyes(
                    input, manual ? &eyes : nullptr, [&] { return ctx.isCancelled(); }, &found))
                return OpResult{cv::Mat(), *err};
            if (ctx.progress)
                ctx.progress(0.8);
            if (found.pupils.empty())
                return OpResult::ok(input);
            cv::Mat out = input.clone();
            for (const retouch::MaskPatch &pupil : found.pupils)
                retouch::blendInto(out, pupil.rect,
                                   neutralPupil(retouch::bgrFloat(input, pupil.rect)), pupil.alpha);
            if (ctx.progress)
                ctx.progress(1.0);
            return OpResult::ok(out);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeRedEyeRemoval()
{
    return std::make_unique<RedEyeRemoval>();
}
PQ_REGISTER_OPERATION(makeRedEyeRemoval);

} // namespace pq::ops
