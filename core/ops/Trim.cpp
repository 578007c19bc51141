// trim: cut away uniform borders, the way scanned prints and padded exports need it. A row or
// column goes when every pixel in it is within `tolerance` of the border colour; unless one is
// given, the border colour is the one most corners share (the top-left pixel's when no two
// corners agree), so a photo padded on one or two sides only is trimmed too.

#include "AllOperations.h"
#include "GeometrySupport.h"
#include "OpSupport.h"
#include "ParamValues.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace pq::ops {

namespace {

// An empty colour (or "auto") means: detect it from the corners.
bool isAutoColour(const QString &text)
{
    const QString t = text.trimmed();
    return t.isEmpty() || t.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0;
}

// The border colour as a pixel value of the image's type, and whether it is fully transparent
// (then only alpha decides: the colour of invisible pixels does not matter).
struct BorderColour
{
    cv::Scalar value;
    bool transparent = false;
    bool matchesNothing = false; // a see-through colour on an image without alpha
};

// Whether two pixel values are the same border colour: every channel within `tolerance`, or,
// with alpha, both fully transparent.
bool sameBorder(const cv::Scalar &a, const cv::Scalar &b, int channels, double tolerance)
{
    if (channels == 4 && a[3] == 0 && b[3] == 0)
        return true;
    for (int i = 0; i < channels; ++i)
        if (std::abs(a[i] - b[i]) > tolerance)
            return false;
    return true;
}

// Non-zero where `pixels` differ from the border colour by more than `tolerance` in any channel
// (full scale of the image's depth).
cv::Mat contentMask(const cv::Mat &pixels, const BorderColour &border, double tolerance)
{
    if (border.transparent) {
        cv::Mat alpha;
        cv::extractChannel(pixels, alpha, 3);
        return alpha > tolerance;
    }
    cv::Mat diff;
    cv::absdiff(pixels, border.value, diff);
    std::vector<cv::Mat> ch;
    cv::split(diff, ch);
    cv::Mat largest = ch[0];
    for (size_t i = 1; i < ch.size(); ++i)
        largest = cv::max(largest, ch[i]);
    return largest > tolerance;
}

BorderColour fromPixel(const cv::Scalar &value, int channels)
{
    BorderColour b;
    b.value = value;
    b.transparent = channels == 4 && value[3] == 0;
    return b;
}

// The border colour when none is given. Trimming can only start at an edge (a whole outer row
// or column) that is all border, so of the four corner colours the one that makes the most
// edges all border wins; then the one most corners share; then the first in the order
// top-left, top-right, bottom-left, bottom-right. So a photo padded on one side only, or on two
// sides with the photo's own corners alike, still finds its padding.
BorderColour detectBorder(const cv::Mat &image, double tolerance)
{
    const int right = image.cols - 1;
    const int bottom = image.rows - 1;
    const cv::Point corners[] = {{0, 0}, {right, 0}, {0, bottom}, {right, bottom}};
    const cv::Mat edges[] = {image.row(0), image.row(bottom), image.col(0), image.col(right)};
    BorderColour best;
    int bestScore = -1;
    for (const cv::Point &corner : corners) {
        const BorderColour candidate =
            fromPixel(cv::mean(image(cv::Rect(corner, cv::Size(1, 1)))), image.channels());
        int fullEdges = 0;
        for (const cv::Mat &edge : edges)
            fullEdges += cv::countNonZero(contentMask(edge, candidate, tolerance)) == 0 ? 1 : 0;
        int votes = 0;
        for (const cv::Point &other : corners)
            votes += sameBorder(candidate.value, cv::mean(image(cv::Rect(other, cv::Size(1, 1)))),
                                image.channels(), tolerance)
                         ? 1
                         : 0;
        const int score = fullEdges * 8 + votes;
        if (score > bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}

BorderColour borderColour(const cv::Mat &image, const QString &text, double tolerance)
{
    if (isAutoColour(text))
        return detectBorder(image, tolerance);
    BorderColour b;
    const int cn = image.channels();
    const cv::Scalar bgra = *parseColor(text); // validate() has checked it
    const double s = geometry::fullScale(image.depth()) / 255.0;
    if (bgra[3] < 255 && cn != 4) {
        b.matchesNothing = true;
        return b;
    }
    if (cn == 1) {
        // The gray value cvtColor would give this colour (ITU-R BT.601 weights).
        b.value = cv::Scalar((0.114 * bgra[0] + 0.587 * bgra[1] + 0.299 * bgra[2]) * s);
    } else {
        b.value = bgra * s;
    }
    b.transparent = cn == 4 && bgra[3] == 0;
    return b;
}

class Trim final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::Trim)

public:
    QString id() const override { return QStringLiteral("trim"); }
    QString title() const override { return tr("Trim"); }
    QString description() const override
    {
        return tr("Cuts away uniform borders around the picture; an image that is all border is "
                  "left as it is.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            // Measured on the test photos: at 8 none of the twelve unframed photos loses a line
            // (at 10 the cameraman's flat sky loses 6 rows, at 25 the dark lake 72), while JPEG
            // ringing along a frame can leave up to ~13 px of it; 25 cuts those to a pixel or two.
            ParamSpec::integer(QStringLiteral("tolerance"), 8, 0, 255, QString(), tr("Tolerance"),
                               tr("How far (0..255, in any channel) a pixel may be from the "
                                  "border colour and still count as border. Raise it to about "
                                  "25 for frames saved as JPEG; high values cut into flat skies "
                                  "and dark edges.")),
            ParamSpec::text(QStringLiteral("color"), QString(), tr("Border colour"),
                            tr("The colour to cut away (#rrggbb, a name, or transparent); empty "
                               "or auto takes the colour most corners share (the top-left "
                               "pixel's when no two agree).")),
            ParamSpec::integer(QStringLiteral("margin"), 0, 0, 10000, QStringLiteral("px"),
                               tr("Margin"), tr("Pixels of border to keep around the picture.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        const QString colour = params.value(QStringLiteral("color")).toString();
        if (!isAutoColour(colour) && !parseColor(colour))
            return tr("parameter 'color': '%1' is not a colour (allowed: empty or auto to detect "
                      "it from the corners, #rrggbb, #rrggbbaa or a colour name)")
                .arg(colour);
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        return support::guarded([&]() -> OpResult {
            const double tolerance = params.value(QStringLiteral("tolerance")).toInt() *
                                     geometry::fullScale(input.depth()) / 255.0;
            const BorderColour border =
                borderColour(input, params.value(QStringLiteral("color")).toString(), tolerance);
            if (border.matchesNothing)
                return OpResult::ok(input);

            // The bounding box of everything that is not border, a strip of rows at a time.
            cv::Rect content;
            const int step = std::max(16, (1 << 21) / std::max(1, input.cols));
            for (int y0 = 0; y0 < input.rows; y0 += step) {
                if (ctx.isCancelled())
                    return support::cancelledResult();
                const int y1 = std::min(input.rows, y0 + step);
                cv::Rect r =
                    cv::boundingRect(contentMask(input.rowRange(y0, y1), border, tolerance));
                if (!r.empty()) {
                    r.y += y0;
                    content = content.empty() ? r : (content | r);
                }
                if (ctx.progress)
                    ctx.progress(double(y1) / input.rows);
            }
            // Nothing but border: keeping the image beats failing a whole batch over a blank
            // page.
            if (content.empty())
                return OpResult::ok(input);

            const int margin = params.value(QStringLiteral("margin")).toInt();
            const cv::Rect keep =
                cv::Rect(content.x - margin, content.y - margin, content.width + 2 * margin,
                         content.height + 2 * margin) &
                cv::Rect(0, 0, input.cols, input.rows);
            if (keep.size() == input.size())
                return OpResult::ok(input);
            return OpResult::ok(input(keep).clone());
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeTrim()
{
    return std::make_unique<Trim>();
}
PQ_REGISTER_OPERATION(makeTrim);

} // namespace pq::ops
