#pragma once
// Parsing of the text forms of colour, rectangle-list and file parameters. The forms contain no
// commas, so they fit in a CLI spec (`red-eye:mode=manual,eyes=40x30+100+120 40x30+220+118`).
//
//   colour: "#rrggbb", "#rrggbbaa", "#rgb" or a name (white, black, gray, red, green, blue,
//           yellow, transparent); operations get BGRA in cv::Scalar order (b, g, r, a) 0..255.
//   rects:  "WxH+X+Y" (ImageMagick geometry), several separated by spaces or ';'. Empty = none.
//
// Pure functions; any thread.

#include <QString>
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

namespace pq {

std::optional<cv::Scalar> parseColor(const QString &text); // BGRA
QString formatColor(const cv::Scalar &bgra);
std::optional<std::vector<cv::Rect>> parseRects(const QString &text);
QString formatRects(const std::vector<cv::Rect> &rects);

} // namespace pq
