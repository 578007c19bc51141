// watermark-text: writes a line (or lines) of text over the photo, in a corner or tiled over the
// whole of it, with FreeType (OpenCV's freetype module, HarfBuzz shaping) in any installed font.

#include "AllOperations.h"
#include "FontFinder.h"
#include "OpSupport.h"
#include "ParamValues.h"
#include "WatermarkSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <algorithm>
#include <cmath>
#include <map>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

namespace pq::ops {

namespace {

using watermark::Gravity;

// One FreeType face per thread and font file: FreeType2 objects are not thread-safe, and loading
// a face costs more than drawing a line of text.
cv::freetype::FreeType2 &fontFor(const QString &file)
{
    thread_local std::map<QString, cv::Ptr<cv::freetype::FreeType2>> faces;
    if (auto it = faces.find(file); it != faces.end())
        return *it->second;
    if (faces.size() >= 8)
        faces.clear();
    cv::Ptr<cv::freetype::FreeType2> face = cv::freetype::createFreeType2();
    face->loadFontData(QFile::encodeName(file).toStdString(), 0); // throws when it cannot
    return *faces.emplace(file, face).first->second;
}

enum class Align
{
    Left,
    Centre,
    Right
};

// Coverage (CV_32F, 0..1) of `lines` drawn at `fontHeight` pixels, cropped to the ink. Lines are
// 1.25 font heights apart and aligned within the block. Empty when nothing is inked.
cv::Mat renderCoverage(cv::freetype::FreeType2 &face, const QStringList &lines, int fontHeight,
                       Align align)
{
    std::vector<std::string> utf8;
    std::vector<int> widths;
    int widest = 0;
    for (const QString &line : lines) {
        utf8.push_back(line.toStdString());
        int baseline = 0;
        const cv::Size s = face.getTextSize(utf8.back(), fontHeight, -1, &baseline);
        widths.push_back(s.width);
        widest = std::max(widest, s.width);
    }
    const int lineStep = int(std::lround(fontHeight * 1.25));
    // Room for ascenders, descenders and glyphs that overhang their advance; cropped below.
    const int pad = fontHeight;
    cv::Mat canvas(2 * pad + fontHeight + lineStep * int(lines.size() - 1) + fontHeight,
                   widest + 2 * pad, CV_8UC3, cv::Scalar::all(0));
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const int spare = widest - widths[i];
        const int x = pad + (align == Align::Left ? 0 : align == Align::Right ? spare : spare / 2);
        const int baselineY = pad + fontHeight + lineStep * int(i);
        face.putText(canvas, utf8[i], cv::Point(x, baselineY), fontHeight, cv::Scalar::all(255), -1,
                     cv::LINE_AA, false);
    }
    cv::Mat ink;
    cv::extractChannel(canvas, ink, 0);
    const cv::Rect box = cv::boundingRect(ink);
    if (box.empty())
        return {};
    cv::Mat coverage;
    ink(box).convertTo(coverage, CV_32F, 1.0 / 255.0);
    return coverage;
}

// The text's premultiplied BGRA overlay (CV_32FC4): `colour` at `alpha` times the coverage, over
// a soft black shadow (offset down-right, blurred, `shadowAlpha` strong) that keeps light text
// readable on light parts of the photo. Without a shadow, the overlay is the coverage's size.
cv::Mat textOverlay(const cv::Mat &coverage, const cv::Scalar &colour, double alpha,
                    double shadowAlpha, int fontHeight)
{
    cv::Mat textA = coverage * alpha;
    cv::Mat shadowA;
    if (shadowAlpha > 0) {
        const int offset = std::max(1, int(std::lround(fontHeight / 20.0)));
        const double sigma = std::max(0.5, fontHeight / 25.0);
        const int pad = offset + int(std::ceil(3 * sigma));
        cv::copyMakeBorder(textA, textA, pad, pad, pad, pad, cv::BORDER_CONSTANT, 0);
        shadowA = cv::Mat::zeros(textA.size(), CV_32F);
        coverage.copyTo(shadowA(cv::Rect(cv::Point(pad + offset, pad + offset), coverage.size())));
        cv::GaussianBlur(shadowA, shadowA, cv::Size(), sigma);
        shadowA *= shadowAlpha;
    }
    // "over": alpha = t + s (1 - t); colour = c t + black s (1 - t) = c t
    cv::Mat a = shadowA.empty() ? textA : textA + shadowA.mul(1.0 - textA);
    cv::Mat overlay;
    cv::merge(std::vector<cv::Mat>{textA * (colour[0] / 255.0), textA * (colour[1] / 255.0),
                                   textA * (colour[2] / 255.0), a},
              overlay);
    return overlay;
}

class WatermarkText final : public Operation
{
    Q_DECLARE_TR_FUNCTIONS(pq::ops::WatermarkText)

public:
    QString id() const override { return QStringLiteral("watermark-text"); }
    QString title() const override { return tr("Text watermark"); }
    QString description() const override
    {
        return tr("Writes text such as a copyright notice over the photo, in a corner or tiled "
                  "over all of it.");
    }

    QList<ParamSpec> params() const override
    {
        return {
            ParamSpec::text(QStringLiteral("text"), QString(), tr("Text"),
                            tr("What to write; \\n starts a new line.")),
            ParamSpec::text(QStringLiteral("font"), QStringLiteral("DejaVu Sans"), tr("Font"),
                            tr("Font family, optionally with a style (\"DejaVu Sans Bold\"), or "
                               "the path of a .ttf/.otf file.")),
            ParamSpec::real(QStringLiteral("size"), 5, 0.5, 100, QStringLiteral("%"), tr("Size"),
                            tr("Height of the letters as a percentage of the photo's shorter "
                               "side.")),
            ParamSpec::color(QStringLiteral("color"), QStringLiteral("white"), tr("Colour"),
                             tr("Colour of the text.")),
            ParamSpec::real(QStringLiteral("opacity"), 0.5, 0, 1, QString(), tr("Opacity"),
                            tr("0 is invisible, 1 fully opaque.")),
            ParamSpec::enumeration(QStringLiteral("gravity"), watermark::gravityNames(),
                                   QStringLiteral("southeast"), tr("Position"),
                                   tr("Where the text goes: a corner, an edge or the centre.")),
            ParamSpec::real(QStringLiteral("margin"), 2, 0, 50, QStringLiteral("%"), tr("Margin"),
                            tr("Distance from the edges as a percentage of the photo's shorter "
                               "side; with tiled, the gap between copies (at least the text's "
                               "height).")),
            ParamSpec::boolean(QStringLiteral("tiled"), false, tr("Tiled"),
                               tr("Repeat the text over the whole photo in staggered rows, "
                                  "which follow the angle.")),
            ParamSpec::real(QStringLiteral("shadow"), 0, 0, 1, QString(), tr("Shadow"),
                            tr("Strength of a soft dark shadow under the text, which keeps light "
                               "text readable on light parts of the photo; 0 for none.")),
            ParamSpec::real(QStringLiteral("angle"), 0, -180, 180, QStringLiteral("°"), tr("Angle"),
                            tr("Counter-clockwise rotation of the text; 30 to 45 suits tiled "
                               "watermarks.")),
        };
    }

    std::optional<QString> validate(const Params &params) const override
    {
        if (params.value(QStringLiteral("text")).toString().trimmed().isEmpty())
            return tr("text: nothing to write; give the watermark text");
        if (params.value(QStringLiteral("font")).toString().trimmed().isEmpty())
            return tr("font: give a font family (for example DejaVu Sans) or a font file");
        return std::nullopt;
    }

    OpResult run(const cv::Mat &input, const Params &params, OpContext &ctx) const override
    {
        if (ctx.isCancelled())
            return support::cancelledResult();
        const double opacity = params.value(QStringLiteral("opacity")).toDouble();
        const cv::Scalar colour = parseColor(params.value(QStringLiteral("color")).toString())
                                      .value_or(cv::Scalar::all(255));
        const double alpha = opacity * colour[3] / 255.0;
        if (alpha <= 0)
            return OpResult::ok(input); // invisible: the photo as it is

        const QString fontName = params.value(QStringLiteral("font")).toString().trimmed();
        const std::optional<QString> fontFile = fonts::findFontFile(fontName);
        if (!fontFile)
            return OpResult::fail(
                ErrorKind::Permanent,
                tr("font '%1' not found (looked for a font file of that name or family in %2)")
                    .arg(fontName,
                         QDir::toNativeSeparators(fonts::fontFolders().join(QLatin1String(", ")))));

        return support::guarded([&]() -> OpResult {
            cv::freetype::FreeType2 *face = nullptr;
            try {
                face = &fontFor(*fontFile);
            } catch (const cv::Exception &) {
                return OpResult::fail(ErrorKind::Permanent,
                                      tr("font '%1': cannot load the font file %2")
                                          .arg(fontName, QDir::toNativeSeparators(*fontFile)));
            }
            QString text = params.value(QStringLiteral("text")).toString();
            text.replace(QLatin1String("\\n"), QLatin1String("\n"));
            const QStringList lines = text.split(QLatin1Char('\n'));
            const Gravity gravity =
                watermark::gravityFrom(params.value(QStringLiteral("gravity")).toString());
            const Align align = gravity == Gravity::West || gravity == Gravity::NorthWest ||
                                        gravity == Gravity::SouthWest
                                    ? Align::Left
                                : gravity == Gravity::East || gravity == Gravity::NorthEast ||
                                        gravity == Gravity::SouthEast
                                    ? Align::Right
                                    : Align::Centre;
            const bool tiled = params.value(QStringLiteral("tiled")).toBool();
            const double angle = params.value(QStringLiteral("angle")).toDouble();
            const int margin = watermark::marginPixels(
                input.size(), params.value(QStringLiteral("margin")).toDouble());
            const double shorter = std::min(input.cols, input.rows);
            int fontHeight = std::max(
                1,
                int(std::lround(shorter * params.value(QStringLiteral("size")).toDouble() / 100)));

            cv::Mat coverage = renderCoverage(*face, lines, fontHeight, align);
            if (coverage.empty())
                return OpResult::ok(input); // only spaces
            // A single copy that would run off the photo is made smaller to fit: a cut-off
            // copyright line looks like a mistake. (Tiled copies may run off; that is the look.)
            const double rad = angle * CV_PI / 180.0;
            const double turnedW =
                std::abs(coverage.cols * std::cos(rad)) + std::abs(coverage.rows * std::sin(rad));
            const double turnedH =
                std::abs(coverage.cols * std::sin(rad)) + std::abs(coverage.rows * std::cos(rad));
            const double room = std::min((input.cols - 2.0 * margin) / turnedW,
                                         (input.rows - 2.0 * margin) / turnedH);
            if (!tiled && room < 1.0 && room > 0) {
                fontHeight = std::max(1, int(std::floor(fontHeight * room * 0.98)));
                coverage = renderCoverage(*face, lines, fontHeight, align);
                if (coverage.empty())
                    return OpResult::ok(input);
            }
            if (ctx.isCancelled())
                return support::cancelledResult();

            // Premultiplied BGRA overlay: colour times coverage times opacity, over the shadow.
            const double shadow = params.value(QStringLiteral("shadow")).toDouble();
            cv::Mat overlay = textOverlay(coverage, colour, alpha, shadow * opacity, fontHeight);
            const cv::Size unrotated = overlay.size();
            overlay = watermark::rotated(overlay, angle);
            // Tiled copies are at least a text height apart, or they merge into a carpet.
            const std::vector<cv::Point> positions =
                tiled ? watermark::tiledPlacements(input.size(), overlay.size(), unrotated, angle,
                                                   std::max(margin, unrotated.height))
                      : std::vector<cv::Point>{
                            watermark::placement(input.size(), overlay.size(), gravity, margin)};
            return watermark::composite(input, overlay, positions, ctx);
        });
    }
};

} // namespace

std::unique_ptr<Operation> makeWatermarkText()
{
    return std::make_unique<WatermarkText>();
}
PQ_REGISTER_OPERATION(makeWatermarkText);

} // namespace pq::ops
