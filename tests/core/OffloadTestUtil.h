#pragma once
// Helpers shared by the offload tests (remote worker, bridge, CLI worker, translations): test
// photos, recipes from CLI specs, the reference output of a recipe run locally, which remote
// results must equal byte for byte, and an endpoint where nothing listens.
#include "jobs/JobRunner.h"
#include "ops/Recipe.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>

namespace pq::test {

inline QString dataPath(const QString &name)
{
    return QStringLiteral(PIXQUEUE_TEST_DATA "/") + name;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline Recipe recipeFromSpecs(const QStringList &specs)
{
    Recipe recipe;
    if (auto err = Recipe::fromSpecs(specs, &recipe))
        qFatal("bad test recipe: %s", qPrintable(*err));
    return recipe;
}

inline QByteArray recipeJsonFromSpecs(const QStringList &specs)
{
    return recipeFromSpecs(specs).toJsonBytes();
}

// The same recipe run locally, as a local job would.
inline QByteArray localOutput(const QString &input, const QByteArray &recipeJson,
                              const QString &suffix)
{
    QTemporaryDir dir;
    LeasedJob job;
    job.id = 1;
    job.inputPath = input;
    job.outputPath = dir.filePath(QStringLiteral("local.") + suffix);
    job.recipeJson = recipeJson;
    OpContext ctx;
    const JobOutcome outcome = runRecipe(job, ctx);
    if (outcome.error)
        qWarning("local run failed: %s", qPrintable(outcome.error->message));
    return readAll(job.outputPath);
}

// http://127.0.0.1:PORT where nothing listens (a port bound once, then closed): connections are
// refused at once. Invalid if no port could be bound.
inline QUrl closedLocalEndpoint()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
}

} // namespace pq::test
