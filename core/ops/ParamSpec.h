#pragma once
// One parameter of an operation, declared once. The CLI's `--op name:key=value` parser, JSON
// (de)serialisation, validation messages, `pixqueue-cli ops` and (later) the recipe editor's form
// are all generated from these declarations.
//
// Thread-safety: plain values, immutable after the operation is constructed; safe to read from any
// thread.

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace pq {

enum class ParamType { Int, Double, Bool, Enum, Color, Rect, String, File };

QString paramTypeName(ParamType type);

struct ParamSpec
{
    QString name;          // key used in recipes and on the command line, e.g. "width"
    ParamType type = ParamType::Int;
    QVariant defaultValue; // always of the type's canonical QVariant type
    double minimum = 0;    // Int/Double only
    double maximum = 0;    // Int/Double only
    QStringList choices;   // Enum only
    QString unit;          // "px", "%", ... (not translated: a symbol)
    QString label;         // translated, for forms
    QString help;          // translated, one sentence

    static ParamSpec integer(QString name, int def, int min, int max, QString unit, QString label,
                             QString help = {});
    static ParamSpec real(QString name, double def, double min, double max, QString unit,
                          QString label, QString help = {});
    static ParamSpec boolean(QString name, bool def, QString label, QString help = {});
    static ParamSpec enumeration(QString name, QStringList choices, QString def, QString label,
                                 QString help = {});
    static ParamSpec text(QString name, QString def, QString label, QString help = {});
    // Colour: see ParamValues.h for the accepted forms; the value stays text, parse with
    // parseColor().
    static ParamSpec color(QString name, QString def, QString label, QString help = {});
    // A list of rectangles "WxH+X+Y ..." (default: empty); parse with parseRects().
    static ParamSpec rects(QString name, QString label, QString help = {});
    // A file path (default: empty = not set).
    static ParamSpec file(QString name, QString label, QString help = {});

    // Converts `value` (a QString from the command line, a JSON value, or an already typed
    // QVariant) to the canonical type and checks the range. Returns the error message on failure;
    // the message names the parameter and the allowed values.
    std::optional<QString> coerce(const QVariant &value, QVariant *out) const;

    QJsonObject toJson() const;
    QString describeRange() const; // "0..65535 px", "one of inside, cover, exact" (translated)
    // The translated display name of an Enum choice (the choice itself when there is none).
    QString choiceLabel(const QString &choice) const;
};

// Parameters of one step: always complete (every spec present) and already validated once they
// come out of OperationRegistry / Recipe.
using Params = QVariantMap;

} // namespace pq
