#include "ParamSpec.h"

#include "ParamValues.h"

#include <QJsonArray>

#include <cmath>

namespace pq {

QString paramTypeName(ParamType type)
{
    switch (type) {
    case ParamType::Int: return QStringLiteral("int");
    case ParamType::Double: return QStringLiteral("double");
    case ParamType::Bool: return QStringLiteral("bool");
    case ParamType::Enum: return QStringLiteral("enum");
    case ParamType::Color: return QStringLiteral("color");
    case ParamType::Rect: return QStringLiteral("rect");
    case ParamType::String: return QStringLiteral("string");
    case ParamType::File: return QStringLiteral("file");
    }
    return QStringLiteral("unknown");
}

ParamSpec ParamSpec::integer(QString name, int def, int min, int max, QString unit, QString label,
                             QString help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = ParamType::Int;
    s.defaultValue = def;
    s.minimum = min;
    s.maximum = max;
    s.unit = std::move(unit);
    s.label = std::move(label);
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::real(QString name, double def, double min, double max, QString unit,
                          QString label, QString help)
{
    ParamSpec s = integer(std::move(name), 0, 0, 0, std::move(unit), std::move(label),
                          std::move(help));
    s.type = ParamType::Double;
    s.defaultValue = def;
    s.minimum = min;
    s.maximum = max;
    return s;
}

ParamSpec ParamSpec::boolean(QString name, bool def, QString label, QString help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = ParamType::Bool;
    s.defaultValue = def;
    s.label = std::move(label);
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::enumeration(QString name, QStringList choices, QString def, QString label,
                                 QString help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = ParamType::Enum;
    s.choices = std::move(choices);
    s.defaultValue = std::move(def);
    s.label = std::move(label);
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::color(QString name, QString def, QString label, QString help)
{
    ParamSpec s = text(std::move(name), std::move(def), std::move(label), std::move(help));
    s.type = ParamType::Color;
    return s;
}

ParamSpec ParamSpec::rects(QString name, QString label, QString help)
{
    ParamSpec s = text(std::move(name), QString(), std::move(label), std::move(help));
    s.type = ParamType::Rect;
    return s;
}

ParamSpec ParamSpec::file(QString name, QString label, QString help)
{
    ParamSpec s = text(std::move(name), QString(), std::move(label), std::move(help));
    s.type = ParamType::File;
    return s;
}

ParamSpec ParamSpec::text(QString name, QString def, QString label, QString help)
{
    ParamSpec s;
    s.name = std::move(name);
    s.type = ParamType::String;
    s.defaultValue = std::move(def);
    s.label = std::move(label);
    s.help = std::move(help);
    return s;
}

static QString tr(const char *text)
{
    return QCoreApplication::translate("pq::ParamSpec", text);
}

QString ParamSpec::describeRange() const
{
    switch (type) {
    case ParamType::Int:
    case ParamType::Double: {
        QString r = QStringLiteral("%1..%2").arg(minimum).arg(maximum);
        if (!unit.isEmpty())
            r += QLatin1Char(' ') + unit;
        return r;
    }
    case ParamType::Bool:
        return tr("true or false");
    case ParamType::Enum:
        return tr("one of %1").arg(choices.join(QStringLiteral(", ")));
    case ParamType::Color:
        return tr("#rrggbb, #rrggbbaa or a colour name");
    case ParamType::Rect:
        return tr("WxH+X+Y rectangles separated by spaces");
    case ParamType::File:
        return tr("a file path");
    default:
        return paramTypeName(type);
    }
}

// The display names of every enum choice of the built-in operations (the values themselves are
// what recipes and the command line use, and stay as they are). One context for all operations:
// a choice means the same wherever it appears.
[[maybe_unused]] static const char *const kChoiceLabels[] = {
    QT_TRANSLATE_NOOP("pq::ParamChoice", "luminance"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "per-channel"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "gaussian"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "box"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "center"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "north"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "south"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "east"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "west"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "northeast"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "northwest"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "southeast"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "southwest"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "model"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "reference"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "welsh"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "reinhard"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "px"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "percent"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "horizontal"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "vertical"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "both"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "auto"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "jpeg"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "png"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "webp"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "tiff"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "bmp"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "444"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "422"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "420"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "none"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "lzw"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "deflate"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "packbits"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "keep"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "strip"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "keep-but-strip-gps"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "average"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "manual"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "inside"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "cover"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "exact"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "expand"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "crop"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "autocrop"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "bicubic"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "lanczos"),
    QT_TRANSLATE_NOOP("pq::ParamChoice", "gray-world"),
};

QString ParamSpec::choiceLabel(const QString &choice) const
{
    const QByteArray key = choice.toUtf8();
    return QCoreApplication::translate("pq::ParamChoice", key.constData());
}

std::optional<QString> ParamSpec::coerce(const QVariant &value, QVariant *out) const
{
    const QString shown = value.toString();
    auto bad = [&](const QString &why) {
        return std::optional<QString>(
            tr("parameter '%1': %2 (allowed: %3)").arg(name, why, describeRange()));
    };
    switch (type) {
    case ParamType::Int: {
        bool ok = false;
        double d = value.typeId() == QMetaType::QString ? value.toString().trimmed().toDouble(&ok)
                                                        : value.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return bad(tr("'%1' is not a number").arg(shown));
        if (d != std::floor(d))
            return bad(tr("'%1' is not a whole number").arg(shown));
        if (d < minimum || d > maximum)
            return bad(tr("%1 is out of range").arg(shown));
        *out = static_cast<int>(d);
        return std::nullopt;
    }
    case ParamType::Double: {
        bool ok = false;
        double d = value.typeId() == QMetaType::QString ? value.toString().trimmed().toDouble(&ok)
                                                        : value.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return bad(tr("'%1' is not a number").arg(shown));
        if (d < minimum || d > maximum)
            return bad(tr("%1 is out of range").arg(shown));
        *out = d;
        return std::nullopt;
    }
    case ParamType::Bool: {
        if (value.typeId() == QMetaType::Bool) {
            *out = value.toBool();
            return std::nullopt;
        }
        const QString s = shown.trimmed().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("1") || s == QLatin1String("yes")
            || s == QLatin1String("on")) {
            *out = true;
            return std::nullopt;
        }
        if (s == QLatin1String("false") || s == QLatin1String("0") || s == QLatin1String("no")
            || s == QLatin1String("off")) {
            *out = false;
            return std::nullopt;
        }
        return bad(tr("'%1' is not a boolean").arg(shown));
    }
    case ParamType::Enum: {
        const QString s = shown.trimmed().toLower();
        if (!choices.contains(s))
            return bad(tr("'%1' is not a known value").arg(shown));
        *out = s;
        return std::nullopt;
    }
    case ParamType::Color:
        if (!parseColor(shown))
            return bad(tr("'%1' is not a colour").arg(shown));
        *out = shown.trimmed().toLower();
        return std::nullopt;
    case ParamType::Rect:
        if (!parseRects(shown))
            return bad(tr("'%1' is not a list of rectangles").arg(shown));
        *out = shown.trimmed();
        return std::nullopt;
    case ParamType::String:
    case ParamType::File:
        if (value.typeId() != QMetaType::QString && !value.canConvert<QString>())
            return bad(tr("expected text"));
        *out = shown;
        return std::nullopt;
    }
    return bad(tr("unsupported type"));
}

QJsonObject ParamSpec::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("type"), paramTypeName(type)},
                  {QStringLiteral("default"), QJsonValue::fromVariant(defaultValue)},
                  {QStringLiteral("label"), label}};
    if (type == ParamType::Int || type == ParamType::Double) {
        o.insert(QStringLiteral("min"), minimum);
        o.insert(QStringLiteral("max"), maximum);
    }
    if (type == ParamType::Enum)
        o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(choices));
    if (!unit.isEmpty())
        o.insert(QStringLiteral("unit"), unit);
    if (!help.isEmpty())
        o.insert(QStringLiteral("help"), help);
    return o;
}

} // namespace pq
