#include "ParamValues.h"

#include <QRegularExpression>
#include <QStringList>

namespace pq {

std::optional<cv::Scalar> parseColor(const QString &text)
{
    const QString t = text.trimmed().toLower();
    static const QList<std::pair<QString, cv::Scalar>> names{
        {QStringLiteral("white"), {255, 255, 255, 255}},
        {QStringLiteral("black"), {0, 0, 0, 255}},
        {QStringLiteral("gray"), {128, 128, 128, 255}},
        {QStringLiteral("grey"), {128, 128, 128, 255}},
        {QStringLiteral("red"), {0, 0, 255, 255}},
        {QStringLiteral("green"), {0, 128, 0, 255}},
        {QStringLiteral("blue"), {255, 0, 0, 255}},
        {QStringLiteral("yellow"), {0, 255, 255, 255}},
        {QStringLiteral("transparent"), {0, 0, 0, 0}}};
    for (const auto &[name, value] : names)
        if (t == name)
            return value;
    if (!t.startsWith(QLatin1Char('#')))
        return std::nullopt;
    QString hex = t.mid(1);
    if (hex.size() == 3)
        hex = QString(hex[0]) + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
    if (hex.size() != 6 && hex.size() != 8)
        return std::nullopt;
    bool ok = false;
    const uint v = hex.toUInt(&ok, 16);
    if (!ok)
        return std::nullopt;
    const uint rgba = hex.size() == 6 ? (v << 8) | 0xff : v;
    return cv::Scalar((rgba >> 8) & 0xff, (rgba >> 16) & 0xff, (rgba >> 24) & 0xff, rgba & 0xff);
}

QString formatColor(const cv::Scalar &bgra)
{
    auto c = [](double v) { return QStringLiteral("%1").arg(int(v) & 0xff, 2, 16, QLatin1Char('0')); };
    QString s = QLatin1Char('#') + c(bgra[2]) + c(bgra[1]) + c(bgra[0]);
    if (int(bgra[3]) != 255)
        s += c(bgra[3]);
    return s;
}

std::optional<std::vector<cv::Rect>> parseRects(const QString &text)
{
    static const QRegularExpression geometry(QStringLiteral("^(\\d+)x(\\d+)\\+(\\d+)\\+(\\d+)$"));
    std::vector<cv::Rect> rects;
    static const QRegularExpression separators(QStringLiteral("[\\s;]+"));
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const auto m = geometry.match(part);
        if (!m.hasMatch())
            return std::nullopt;
        const cv::Rect r(m.captured(3).toInt(), m.captured(4).toInt(), m.captured(1).toInt(),
                         m.captured(2).toInt());
        if (r.width <= 0 || r.height <= 0)
            return std::nullopt;
        rects.push_back(r);
    }
    return rects;
}

QString formatRects(const std::vector<cv::Rect> &rects)
{
    QStringList parts;
    for (const cv::Rect &r : rects)
        parts << QStringLiteral("%1x%2+%3+%4").arg(r.width).arg(r.height).arg(r.x).arg(r.y);
    return parts.join(QLatin1Char(' '));
}

} // namespace pq
