#include "WorkKey.h"

#include "ops/OperationRegistry.h"
#include "ops/Recipe.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <memory>
#include <xxhash.h>

namespace pq {

namespace {

QString hex128(XXH128_hash_t h)
{
    return QStringLiteral("%1%2")
        .arg(quint64(h.high64), 16, 16, QLatin1Char('0'))
        .arg(quint64(h.low64), 16, 16, QLatin1Char('0'));
}

// What a file parameter's output depends on, without reading the file: its path, size and time
// of last change. A folder (the colorize model folder) is described by its files.
QJsonValue fileFingerprint(const QString &path)
{
    if (path.isEmpty())
        return QString();
    const QFileInfo info(path);
    auto describe = [](const QFileInfo &f) {
        return QStringLiteral("%1|%2|%3")
            .arg(f.absoluteFilePath())
            .arg(f.size())
            .arg(f.lastModified().toMSecsSinceEpoch());
    };
    if (!info.isDir())
        return describe(info);
    QJsonArray files;
    const QFileInfoList entries =
        QDir(path).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &f : entries)
        files.append(describe(f));
    return files;
}

} // namespace

std::optional<QString> fileContentHash(const QString &path, qint64 *size)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                   &XXH3_freeState);
    if (!state || XXH3_128bits_reset(state.get()) != XXH_OK)
        return std::nullopt;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            break;
        XXH3_128bits_update(state.get(), buffer.constData(), size_t(n));
        total += n;
    }
    if (size)
        *size = total;
    return QStringLiteral("xxh3-128:") + hex128(XXH3_128bits_digest(state.get()));
}

std::optional<WorkKey> workKeyFor(const QString &inputPath, const QByteArray &recipeJson,
                                  const QString &outputSuffix)
{
    Recipe recipe;
    if (Recipe::fromJsonBytes(recipeJson, &recipe))
        return std::nullopt;

    // Canonical recipe: only what changes the output bytes. QJsonObject keeps keys sorted, so the
    // same recipe always serialises the same way.
    QJsonArray steps;
    QJsonObject files;
    const auto &registry = OperationRegistry::instance();
    for (const RecipeStep &step : std::as_const(recipe.steps)) {
        if (!step.enabled)
            continue;
        steps.append(
            QJsonObject{{QStringLiteral("op"), step.op},
                        {QStringLiteral("params"), QJsonObject::fromVariantMap(step.params)}});
        const Operation *op = registry.find(step.op);
        if (op && !op->reusable())
            return std::nullopt;
        if (op) {
            const QList<ParamSpec> specs = op->params();
            for (const ParamSpec &spec : specs) {
                const bool fileLike =
                    spec.type == ParamType::File || spec.name == QLatin1String("model-dir");
                if (fileLike)
                    files.insert(
                        QStringLiteral("%1.%2.%3").arg(steps.size()).arg(step.op, spec.name),
                        fileFingerprint(step.params.value(spec.name).toString()));
            }
        }
    }
    const QJsonObject canonical{
        {QStringLiteral("pixqueue"), QStringLiteral(PIXQUEUE_VERSION)},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("output"), QJsonObject::fromVariantMap(recipe.output)},
        {QStringLiteral("suffix"), outputSuffix.toLower()},
        {QStringLiteral("files"), files}};
    const QByteArray canonicalBytes = QJsonDocument(canonical).toJson(QJsonDocument::Compact);

    qint64 size = 0;
    const std::optional<QString> content = fileContentHash(inputPath, &size);
    if (!content)
        return std::nullopt;
    const QString recipeHash =
        hex128(XXH3_128bits(canonicalBytes.constData(), size_t(canonicalBytes.size())));
    return WorkKey{QStringLiteral("w1:%1:%2:%3").arg(recipeHash).arg(size).arg(*content), *content};
}

} // namespace pq
