#include "Recipe.h"

#include "Operation.h"
#include "OperationRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace pq {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("pq::Recipe", text);
}

const QString kFormat = QStringLiteral("format");

std::optional<QString> defaultOutput(Params *out)
{
    const auto &reg = OperationRegistry::instance();
    return reg.completeParams(*reg.find(kFormat), {}, out);
}
} // namespace

std::optional<QString> Recipe::fromSpecs(const QStringList &specs, Recipe *out)
{
    const auto &reg = OperationRegistry::instance();
    Recipe r;
    r.name = QStringLiteral("custom");
    bool haveOutput = false;
    for (const QString &spec : specs) {
        const Operation *op = nullptr;
        QVariantMap given;
        if (auto err = reg.parseSpec(spec, &op, &given))
            return err;
        Params params;
        if (auto err = reg.completeParams(*op, given, &params))
            return err;
        // Files named on a command line are relative to the folder it was typed in, but the job
        // may run later from another one (`add` now, `run` elsewhere): store absolute paths.
        const QList<ParamSpec> specList = op->params();
        for (const ParamSpec &p : specList) {
            const bool fileLike = p.type == ParamType::File || p.name == QLatin1String("model-dir");
            const QString value = params.value(p.name).toString();
            if (fileLike && !value.isEmpty() && QFileInfo(value).isRelative())
                params.insert(p.name, QFileInfo(value).absoluteFilePath());
        }
        if (op->id() == kFormat) {
            if (haveOutput)
                return tr("only one 'format' step is allowed");
            r.output = params;
            haveOutput = true;
        } else {
            r.steps.append({op->id(), params, true});
        }
    }
    if (!haveOutput)
        if (auto err = defaultOutput(&r.output))
            return err;
    *out = r;
    return std::nullopt;
}

std::optional<QString> Recipe::fromJson(const QJsonObject &json, Recipe *out)
{
    const auto &reg = OperationRegistry::instance();
    const int version = json.value(QStringLiteral("version")).toInt(CurrentVersion);
    if (version > CurrentVersion)
        return tr("recipe version %1 is newer than this PixQueue understands (%2)")
            .arg(version)
            .arg(CurrentVersion);
    Recipe r;
    r.name = json.value(QStringLiteral("name")).toString(QStringLiteral("custom"));
    const QJsonValue stepsValue = json.value(QStringLiteral("steps"));
    if (!stepsValue.isUndefined() && !stepsValue.isArray())
        return tr("recipe: 'steps' must be a list");
    const QJsonArray steps = stepsValue.toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject step = steps.at(i).toObject();
        const QString id = step.value(QStringLiteral("op")).toString();
        const Operation *op = reg.find(id);
        if (!op || id == kFormat)
            return tr("recipe step %1: unknown operation '%2'").arg(i + 1).arg(id);
        Params params;
        if (auto err = reg.completeParams(
                *op, step.value(QStringLiteral("params")).toObject().toVariantMap(), &params))
            return tr("recipe step %1: %2").arg(i + 1).arg(*err);
        r.steps.append({id, params, step.value(QStringLiteral("enabled")).toBool(true)});
    }
    r.naming = json.value(QStringLiteral("naming")).toString();
    const QJsonValue output = json.value(QStringLiteral("output"));
    if (output.isObject()) {
        if (auto err =
                reg.completeParams(*reg.find(kFormat), output.toObject().toVariantMap(), &r.output))
            return tr("recipe output: %1").arg(*err);
    } else if (auto err = defaultOutput(&r.output)) {
        return err;
    }
    *out = r;
    return std::nullopt;
}

std::optional<QString> Recipe::fromJsonBytes(const QByteArray &bytes, Recipe *out)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError)
        return tr("recipe is not valid JSON: %1 at offset %2")
            .arg(perr.errorString())
            .arg(perr.offset);
    if (!doc.isObject())
        return tr("recipe must be a JSON object");
    return fromJson(doc.object(), out);
}

QJsonObject Recipe::toJson() const
{
    QJsonArray steps;
    for (const RecipeStep &s : this->steps) {
        QJsonObject o{{QStringLiteral("op"), s.op},
                      {QStringLiteral("params"), QJsonObject::fromVariantMap(s.params)}};
        if (!s.enabled)
            o.insert(QStringLiteral("enabled"), false);
        steps.append(o);
    }
    QJsonObject o{{QStringLiteral("version"), CurrentVersion},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("steps"), steps},
                  {QStringLiteral("output"), QJsonObject::fromVariantMap(output)}};
    if (!naming.isEmpty())
        o.insert(QStringLiteral("naming"), naming);
    return o;
}

QByteArray Recipe::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QString Recipe::outputSuffix(const QString &inputSuffix) const
{
    const QString type = output.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("jpeg"))
        return QStringLiteral("jpg");
    if (type == QLatin1String("tiff"))
        return QStringLiteral("tif");
    if (type != QLatin1String("auto") && !type.isEmpty())
        return type;
    // auto: keep the input's format when we can write it, else JPEG
    const QString in = inputSuffix.toLower();
    static const QStringList writable{QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                      QStringLiteral("png"), QStringLiteral("webp"),
                                      QStringLiteral("tif"), QStringLiteral("tiff"),
                                      QStringLiteral("bmp")};
    if (writable.contains(in))
        return in == QLatin1String("jpeg")   ? QStringLiteral("jpg")
               : in == QLatin1String("tiff") ? QStringLiteral("tif")
                                             : in;
    return QStringLiteral("jpg");
}

QString PresetLibrary::userPresetDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/presets");
}

QStringList PresetLibrary::names()
{
    QStringList result;
    const QStringList dirs{QStringLiteral(":/presets"), userPresetDir()};
    for (const QString &dir : dirs)
        for (const QString &file : QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files))
            result << QFileInfo(file).completeBaseName();
    result.removeDuplicates();
    result.sort();
    return result;
}

std::optional<QString> PresetLibrary::load(const QString &name, Recipe *out)
{
    // The user's presets win over built-in ones of the same name.
    for (const QString &dir : {userPresetDir(), QStringLiteral(":/presets")}) {
        QFile f(dir + QLatin1Char('/') + name + QStringLiteral(".json"));
        if (!f.exists())
            continue;
        if (!f.open(QIODevice::ReadOnly))
            return tr("cannot read preset '%1': %2").arg(name, f.errorString());
        Recipe r;
        if (auto err = Recipe::fromJsonBytes(f.readAll(), &r))
            return tr("preset '%1': %2").arg(name, *err);
        r.name = name;
        *out = r;
        return std::nullopt;
    }
    return tr("unknown preset '%1' (known: %2)").arg(name, names().join(QLatin1String(", ")));
}

} // namespace pq
