#include "JobRunner.h"

#include "OutputNaming.h"
#include "WorkKey.h"
#include "imageio/ImageIO.h"
#include "ops/OperationRegistry.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <mutex>
#include <opencv2/imgproc.hpp>

namespace pq {

namespace {

// OpenCV 4.6 builds its Lab conversion tables lazily and without a lock: two worker threads that
// convert to Lab for the first time at once both build them, and one set leaks (LeakSanitizer
// sees it). Building them once before any recipe runs, with the other threads waiting, avoids it.
void buildOpenCvTablesOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        for (int type : {CV_8UC3, CV_32FC3}) {
            cv::Mat pixel(1, 1, type, cv::Scalar::all(0.5)), lab, back;
            cv::cvtColor(pixel, lab, cv::COLOR_BGR2Lab);
            cv::cvtColor(lab, back, cv::COLOR_Lab2BGR);
        }
    });
}
// The context lupdate gives tr() in a free function of namespace pq (translations/README.md).
QString tr(const char *text)
{
    return QCoreApplication::translate("pq", text);
}

JobOutcome failure(std::optional<Error> error)
{
    JobOutcome outcome;
    outcome.error = std::move(error);
    outcome.outcome.clear();
    return outcome;
}

JobOutcome failure(ErrorKind kind, QString message)
{
    return failure(Error{kind, std::move(message)});
}

// Copies an earlier job's output when it is still there and readable. False: compute instead.
bool copyEarlierOutput(const LeasedJob &job, const ReusableOutput &earlier)
{
    const QString from = OutputNaming::comparablePath(earlier.outputPath);
    if (from == OutputNaming::comparablePath(job.outputPath) ||
        from == OutputNaming::comparablePath(job.inputPath))
        return false;
    QFile file(earlier.outputPath);
    if (!file.open(QIODevice::ReadOnly))
        return false; // deleted or moved since: recompute
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError || bytes.isEmpty())
        return false;
    return !imageio::writeAtomically(job.outputPath, bytes);
}
} // namespace

JobOutcome runJob(const LeasedJob &job, OpContext &ctx, const ReuseLookup &reuse)
{
    // A run after an interrupted one (a crash, a kill, a power cut) first clears what the earlier
    // write may have left next to the output on systems without unnamed temporary files.
    if (job.attempts > 1) {
        if (const int n = imageio::removeStaleTemporaries(job.outputPath))
            qInfo("removed %d temporary file(s) left next to %s by an interrupted attempt", n,
                  qPrintable(job.outputPath));
    }
    std::optional<WorkKey> key;
    if (reuse) {
        key = workKeyFor(job.inputPath, job.recipeJson, QFileInfo(job.outputPath).suffix());
        if (key) {
            if (const auto earlier = reuse(key->key); earlier && copyEarlierOutput(job, *earlier)) {
                JobOutcome reused;
                reused.outcome = QStringLiteral("reused");
                reused.workKey = key->key;
                reused.inputHash = key->inputHash;
                reused.reusedFrom = earlier->jobId;
                if (ctx.progress)
                    ctx.progress(1.0);
                return reused;
            }
        }
    }
    JobOutcome outcome = runRecipe(job, ctx);
    if (!outcome.error && key) {
        outcome.workKey = key->key;
        outcome.inputHash = key->inputHash;
    }
    return outcome;
}

JobOutcome runRecipe(const LeasedJob &job, OpContext &ctx)
{
    buildOpenCvTablesOnce();
    Recipe recipe;
    if (auto err = Recipe::fromJsonBytes(job.recipeJson, &recipe))
        return failure(ErrorKind::Permanent, tr("the job's recipe is invalid: %1").arg(*err));
    const auto &registry = OperationRegistry::instance();

    QList<std::pair<const Operation *, const RecipeStep *>> steps;
    for (const RecipeStep &step : std::as_const(recipe.steps)) {
        if (!step.enabled)
            continue;
        const Operation *op = registry.find(step.op);
        if (!op)
            return failure(ErrorKind::Permanent, tr("unknown operation '%1'").arg(step.op));
        steps.append({op, &step});
    }

    const QFileInfo input(job.inputPath);
    if (input.isDir())
        return failure(ErrorKind::Permanent,
                       input.isReadable() && input.isExecutable()
                           ? tr("%1 is a folder, not an image").arg(job.inputPath)
                           : tr("cannot read the folder %1: permission denied").arg(job.inputPath));

    // Shrink-on-load: only the first step knows how small the image may arrive.
    int reduction = 1;
    if (!steps.isEmpty())
        if (auto header = imageio::readHeader(job.inputPath))
            reduction = steps.first().first->allowedDecodeReduction(steps.first().second->params,
                                                                    header->uprightSize());

    // Progress: decoding is counted as one step, encoding and writing as another.
    const double total = steps.size() + 2;
    auto report = [&](double done) {
        if (ctx.progress)
            ctx.progress(done / total);
    };

    imageio::Decoded decoded = imageio::decodeFile(job.inputPath, reduction);
    if (decoded.error)
        return failure(decoded.error);
    cv::Mat image = std::move(decoded.image);
    report(1);

    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (ctx.isCancelled())
            return failure(ErrorKind::Transient, tr("cancelled"));
        const auto [op, step] = steps.at(i);
        OpContext stepCtx;
        stepCtx.cancelled = ctx.cancelled;
        stepCtx.progress = [&, i](double p) { report(1 + i + qBound(0.0, p, 1.0)); };
        OpResult result = op->run(image, step->params, stepCtx);
        if (result.error)
            return failure(result.error->kind, tr("%1: %2").arg(op->id(), result.error->message));
        image = std::move(result.image);
        report(2 + i);
    }

    // The input's EXIF, XMP, IPTC and colour profile go into the output as the recipe's
    // `metadata` says. Even `strip` needs the input's profile: a non-sRGB one is kept. Metadata
    // that cannot be read does not stop the job (the pixels are fine), but it is logged. BMP
    // cannot carry any.
    const QString suffix = QFileInfo(job.outputPath).suffix();
    imageio::Metadata metadata;
    if (suffix.compare(QLatin1String("bmp"), Qt::CaseInsensitive) != 0) {
        QString warning;
        metadata = imageio::readMetadata(job.inputPath, &warning);
        if (!warning.isEmpty())
            qWarning("%s", qPrintable(warning));
    }

    imageio::Encoded encoded = imageio::encode(image, recipe.output, suffix, metadata);
    if (encoded.error)
        return failure(encoded.error);

    // Last guard before touching the disk: whatever the database says, never replace an input.
    if (OutputNaming::comparablePath(job.outputPath) == OutputNaming::comparablePath(job.inputPath))
        return failure(
            ErrorKind::Permanent,
            tr("refusing to write the output over the input file %1").arg(job.inputPath));
    if (ctx.isCancelled())
        return failure(ErrorKind::Transient, tr("cancelled"));
    if (auto err = imageio::writeAtomically(job.outputPath, encoded.bytes))
        return failure(err);
    report(total);
    return {};
}

} // namespace pq
