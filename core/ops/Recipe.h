#pragma once
// A recipe: an ordered list of operation steps plus the output spec (the `format` operation's
// parameters). Serialised as versioned JSON; this JSON is what a job stores as its snapshot.
//
// {"version": 1, "name": "web", "steps": [{"op": "resize", "params": {...}}],
//  "output": {"type": "jpeg", "quality": 85}, "naming": "{name}-web"}
//
// Plain value type; any thread.

#include "ParamSpec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace pq {

class Operation;

struct RecipeStep
{
    QString op;
    Params params; // complete and validated
    bool enabled = true;
};

struct Recipe
{
    static constexpr int CurrentVersion = 1;

    QString name; // preset name, "custom" for ad-hoc recipes
    QList<RecipeStep> steps;
    Params output; // complete params of the `format` operation
    QString naming; // output naming template; empty: the batch's or the default

    // Builds a recipe from CLI specs ("resize:width=800", "format:type=webp"). A `format` spec
    // sets the output; without one the output is `format` with its defaults.
    static std::optional<QString> fromSpecs(const QStringList &specs, Recipe *out);
    // Parses and validates JSON (a preset file or a job's snapshot).
    static std::optional<QString> fromJson(const QJsonObject &json, Recipe *out);
    static std::optional<QString> fromJsonBytes(const QByteArray &bytes, Recipe *out);
    QJsonObject toJson() const;
    QByteArray toJsonBytes() const; // compact

    // Output file extension without the dot for an input with extension `inputSuffix`
    // ("jpg" when type is jpeg, the input's own when type is auto and it is writable).
    QString outputSuffix(const QString &inputSuffix) const;
};

// Built-in presets (resources/presets/*.json) plus the user's (AppDataLocation/presets/*.json).
class PresetLibrary
{
    Q_DECLARE_TR_FUNCTIONS(pq::PresetLibrary)

public:
    static QStringList names();
    static std::optional<QString> load(const QString &name, Recipe *out);
    static QString userPresetDir();
};

} // namespace pq
