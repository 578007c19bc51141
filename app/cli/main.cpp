// pixqueue-cli: the command-line face of the same core the window uses. Thin: parse, wire, run.
// Exit codes: 0 all done, 1 some job failed (summary on stderr), 2 usage error.

#include "CliSupport.h"
#include "OffloadCommands.h"
#include "imageio/ImageIO.h"
#include "jobs/InputScanner.h"
#include "jobs/JobStore.h"
#include "jobs/WorkerPool.h"
#include "ops/OperationRegistry.h"
#include "ops/Recipe.h"
#include "platform/Platform.h"
#include "settings/AppIdentity.h"
#include "settings/Catalogues.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <optional>

namespace pq::cli {

namespace {

QString usageText()
{
    return tr(R"(Usage: pixqueue-cli [--db FILE] COMMAND [OPTIONS]

Commands:
  add (--preset NAME | --recipe FILE.json | --op SPEC ...) --out DIR
      [--naming TPL] [--overwrite skip|replace|rename] [--max-attempts N]
      [--offload] INPUT...
      Queue one job per input image and recipe. INPUT may be files or folders
      (recursive). --op may repeat; SPEC is name:key=value,key=value, e.g.
      thumbnail:size=256 or resize:width=800,fit=inside. --preset may repeat
      (one output per preset). With --offload the batch goes to remote workers
      (run --offload). Prints the batch id.
  run [--workers N] [--until-idle] [--lease-seconds S]
      Work the queue here. With --until-idle, exit when no job is queued or
      leased (batches added with --offload are left to run --offload).
  process ...   add (same options) then run --until-idle, like mogrify.
  status [--json]                 Counts per state.
  list [--state S] [--json]       One entry per job.
  retry (--all-failed | ID...)    Failed or cancelled jobs run again.
  cancel (--all-failed | ID...)   Jobs are cancelled.
  ops [--json]                    The operations and their parameters.
  presets [--json]                The built-in and user presets (user presets: %2).
%3
Options:
  --db FILE     Job database (default: %1)
  --max-megapixels N   Refuse images of more than N megapixels (default 100), read
                from the header before decoding: decompression bombs fail at once.
  --max-file-mb N      Refuse input files larger than N MB (default 1024).
  --lang CODE   Language of the messages: de, zh_CN or en (default: PIXQUEUE_LANG,
                else the system's).
  --version     Print the version.
  --help        Print this help.

Exit codes: 0 all done, 1 some job failed, 2 usage error.
)")
        .arg(JobStore::defaultPath(), PresetLibrary::userPresetDir(), cli::offloadUsage());
}

// A tiny argument reader: options may come in any order before or between inputs; "--" ends
// options.
class Args
{
    // The context lupdate gives the messages of the member functions. Ends in "private:".
    Q_DECLARE_TR_FUNCTIONS(pq::cli::Args)

public:
    explicit Args(QStringList args)
        : m_args(std::move(args))
    {}
    bool atEnd() const { return m_pos >= m_args.size(); }
    QString peek() const { return m_args.value(m_pos); }
    QString take() { return m_args.value(m_pos++); }
    QString value(const QString &option)
    {
        if (atEnd())
            throw UsageError{tr("%1 needs a value").arg(option)};
        return take();
    }

private:
    QStringList m_args;
    qsizetype m_pos = 0;
};

std::unique_ptr<JobStore> openStore(const QString &dbPath)
{
    auto store = std::make_unique<JobStore>(dbPath);
    if (auto e = store->open()) {
        err() << tr("error: %1").arg(*e) << Qt::endl;
        return nullptr;
    }
    return store;
}

// ---- add -----------------------------------------------------------------------------------

struct AddResult
{
    qint64 batchId = 0;
    int jobs = 0;
};

std::optional<AddResult> addJobs(JobStore &store, Args &args, bool quiet, bool allowOffload = true)
{
    QStringList presets, recipeFiles, opSpecs, inputs;
    EnqueueRequest request;
    bool onlyInputs = false;
    while (!args.atEnd()) {
        const QString a = args.take();
        if (onlyInputs) {
            inputs << a;
        } else if (a == QLatin1String("--")) {
            onlyInputs = true;
        } else if (a == QLatin1String("--preset")) {
            presets << args.value(a);
        } else if (a == QLatin1String("--recipe")) {
            recipeFiles << args.value(a);
        } else if (a == QLatin1String("--op")) {
            opSpecs << args.value(a);
        } else if (a == QLatin1String("--out")) {
            request.outputDir = args.value(a);
        } else if (a == QLatin1String("--naming")) {
            request.naming = args.value(a);
        } else if (a == QLatin1String("--overwrite")) {
            const QString v = args.value(a);
            auto p = overwritePolicyFromName(v);
            if (!p)
                throw UsageError{
                    tr("--overwrite: '%1' is not one of skip, replace, rename").arg(v)};
            request.overwrite = *p;
        } else if (a == QLatin1String("--offload") && allowOffload) {
            request.offload = true;
        } else if (a == QLatin1String("--max-attempts")) {
            request.maxAttempts = intValue(a, args.value(a), 1, 100);
        } else if (a.startsWith(QLatin1String("--"))) {
            throw UsageError{tr("unknown option %1").arg(a)};
        } else {
            inputs << a;
        }
    }
    if (presets.isEmpty() && recipeFiles.isEmpty() && opSpecs.isEmpty())
        throw UsageError{tr("say what to do: --preset NAME, --recipe FILE.json or --op SPEC")};
    if (request.outputDir.isEmpty())
        throw UsageError{tr("--out DIR is required")};
    if (inputs.isEmpty())
        throw UsageError{tr("no input files or folders given")};

    for (const QString &name : std::as_const(presets)) {
        Recipe r;
        if (auto e = PresetLibrary::load(name, &r))
            throw UsageError{*e};
        request.recipes << r;
    }
    for (const QString &file : std::as_const(recipeFiles)) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            throw UsageError{tr("cannot read recipe %1: %2").arg(file, f.errorString())};
        Recipe r;
        if (auto e = Recipe::fromJsonBytes(f.readAll(), &r))
            throw UsageError{tr("recipe %1: %2").arg(file, *e)};
        if (r.name == QLatin1String("custom"))
            r.name = QFileInfo(file).completeBaseName();
        request.recipes << r;
    }
    if (!opSpecs.isEmpty()) {
        Recipe r;
        if (auto e = Recipe::fromSpecs(opSpecs, &r))
            throw UsageError{*e};
        request.recipes << r;
    }

    const ScanResult scan = scanInputs(inputs);
    for (auto it = scan.skipped.cbegin(); it != scan.skipped.cend(); ++it)
        err() << tr("skipped %1 file(s): %2").arg(it.value()).arg(it.key()) << Qt::endl;
    if (scan.inputs.isEmpty()) {
        err() << tr("error: no images found in the given inputs") << Qt::endl;
        return std::nullopt;
    }
    request.inputs = scan.inputs;
    EnqueueResult result;
    if (auto e = store.enqueue(request, &result)) {
        err() << tr("error: %1").arg(*e) << Qt::endl;
        return std::nullopt;
    }
    if (result.skipped)
        err() << tr("%1 job(s) skipped: their output already exists").arg(result.skipped)
              << Qt::endl;
    if (!quiet)
        out() << result.batchId << Qt::endl;
    return AddResult{result.batchId, result.queued + result.skipped};
}

// ---- run -----------------------------------------------------------------------------------

struct RunOptions
{
    int workers = QThread::idealThreadCount();
    bool untilIdle = false;
    int leaseSeconds = 60;
};

void parseRunOption(const QString &a, Args &args, RunOptions &o)
{
    if (a == QLatin1String("--workers"))
        o.workers = intValue(a, args.value(a), 1, 256);
    else if (a == QLatin1String("--until-idle"))
        o.untilIdle = true;
    else if (a == QLatin1String("--lease-seconds"))
        o.leaseSeconds = intValue(a, args.value(a), 1, 86400);
    else
        throw UsageError{tr("unknown option %1").arg(a)};
}

QString formatDuration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// Prints why jobs failed; returns the number of failed jobs.
int reportFailures(JobStore &store, std::optional<qint64> batch)
{
    const QList<JobRecord> failed = store.list(JobState::Failed, batch);
    if (failed.isEmpty())
        return 0;
    err() << tr("%1 job(s) failed:").arg(failed.size()) << Qt::endl;
    int shown = 0;
    for (const JobRecord &j : failed) {
        if (++shown > 20) {
            err() << tr("  ... and %1 more (pixqueue-cli list --state failed)")
                         .arg(failed.size() - 20)
                  << Qt::endl;
            break;
        }
        err() << QStringLiteral("  #%1 %2: %3").arg(j.id).arg(j.inputPath, j.errorMessage)
              << Qt::endl;
    }
    return int(failed.size());
}

int runQueue(JobStore &store, const RunOptions &options, std::optional<qint64> batch)
{
    WorkerPool pool(&store);
    pool.setWorkerCount(options.workers);
    pool.setLeaseTime(std::chrono::seconds(options.leaseSeconds));

    const bool tty = platform::stdoutIsTerminal();
    QElapsedTimer clock;
    clock.start();
    int finishedThisRun = 0;
    QObject::connect(&pool, &WorkerPool::jobFinished, &pool,
                     [&](qint64 id, JobState state, const QString &message) {
                         if (state == JobState::Done || state == JobState::Failed)
                             ++finishedThisRun;
                         if (state == JobState::Failed) {
                             if (tty)
                                 out() << '\r' << QString(79, QLatin1Char(' ')) << '\r';
                             err() << tr("job %1 failed: %2").arg(id).arg(message) << Qt::endl;
                         }
                     });

    qint64 lastPlainLine = -1000000;
    auto progress = [&](bool final) {
        const auto c = store.counts(batch);
        const int done = c.value(JobState::Done), failed = c.value(JobState::Failed);
        const int remaining = c.value(JobState::Queued) + c.value(JobState::Leased);
        const int total = done + failed + remaining + c.value(JobState::Paused);
        const double secs = clock.elapsed() / 1000.0;
        const double rate = secs > 0 ? finishedThisRun / secs : 0;
        const QString eta = rate > 0 ? formatDuration(remaining / rate) : QStringLiteral("--:--");
        const QString line = tr("%1/%2 done, %3 failed, %4 img/s, ETA %5")
                                 .arg(done + failed)
                                 .arg(total)
                                 .arg(failed)
                                 .arg(rate, 0, 'f', 1)
                                 .arg(eta);
        if (tty) {
            out() << '\r' << line.leftJustified(79) << (final ? "\n" : "") << Qt::flush;
        } else if (final || clock.elapsed() - lastPlainLine >= 2000) {
            out() << line << Qt::endl;
            lastPlainLine = clock.elapsed();
        }
        return remaining;
    };

    QEventLoop loop;
    bool stopping = false;
    auto finish = [&] {
        if (stopping)
            return;
        stopping = true;
        pool.stop();
    };
    QObject::connect(&pool, &WorkerPool::stopped, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    platform::onTerminationRequest([&] {
        err() << tr("stopping: running jobs are handed back to the queue") << Qt::endl;
        finish();
    });
    QTimer tick;
    tick.setInterval(200);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        progress(false);
        // Idle means nothing queued or leased in the whole database (another process may be
        // working on it too), not only in our batch.
        if (options.untilIdle && store.activeCount() == 0)
            finish();
    });
    pool.start();
    tick.start();
    loop.exec();
    pool.waitForStopped();
    progress(true);
    return reportFailures(store, batch) > 0 ? kExitJobsFailed : kExitOk;
}

// ---- reading commands --------------------------------------------------------------------

QJsonObject jobJson(const JobRecord &j)
{
    return QJsonObject{
        {QStringLiteral("id"), j.id},
        {QStringLiteral("batch"), j.batchId},
        {QStringLiteral("input"), j.inputPath},
        {QStringLiteral("output"), j.outputPath},
        {QStringLiteral("preset"), j.preset},
        {QStringLiteral("state"), jobStateName(j.state)},
        {QStringLiteral("attempts"), j.attempts},
        {QStringLiteral("max_attempts"), j.maxAttempts},
        {QStringLiteral("error"), j.errorMessage},
        {QStringLiteral("error_kind"), j.errorKind},
        {QStringLiteral("outcome"), j.outcome},
        {QStringLiteral("reused_from"), j.reusedFrom ? QJsonValue(j.reusedFrom) : QJsonValue()}};
}

int cmdStatus(JobStore &store, Args &args)
{
    bool json = false;
    while (!args.atEnd()) {
        const QString a = args.take();
        if (a == QLatin1String("--json"))
            json = true;
        else
            throw UsageError{tr("unknown option %1").arg(a)};
    }
    const auto c = store.counts();
    int total = 0;
    QJsonObject o;
    for (auto it = c.cbegin(); it != c.cend(); ++it) {
        o.insert(jobStateName(it.key()), it.value());
        total += it.value();
    }
    o.insert(QStringLiteral("total"), total);
    if (json) {
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        for (auto it = c.cbegin(); it != c.cend(); ++it)
            out() << QStringLiteral("%1 %2").arg(jobStateName(it.key()), -10).arg(it.value())
                  << Qt::endl;
        out() << QStringLiteral("%1 %2").arg(QStringLiteral("total"), -10).arg(total) << Qt::endl;
    }
    return kExitOk;
}

int cmdList(JobStore &store, Args &args)
{
    bool json = false;
    std::optional<JobState> state;
    while (!args.atEnd()) {
        const QString a = args.take();
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--state")) {
            const QString v = args.value(a);
            state = jobStateFromName(v);
            if (!state)
                throw UsageError{tr("--state: '%1' is not a job state").arg(v)};
        } else {
            throw UsageError{tr("unknown option %1").arg(a)};
        }
    }
    const QList<JobRecord> jobs = store.list(state);
    if (json) {
        QJsonArray a;
        for (const JobRecord &j : jobs)
            a.append(jobJson(j));
        out() << QJsonDocument(a).toJson(QJsonDocument::Indented) << Qt::flush;
        return kExitOk;
    }
    for (const JobRecord &j : jobs) {
        out() << QStringLiteral("%1\t%2\t%3\t%4 -> %5")
                     .arg(j.id)
                     .arg(jobStateName(j.state))
                     .arg(j.attempts)
                     .arg(j.inputPath, j.outputPath);
        if (!j.errorMessage.isEmpty())
            out() << QStringLiteral("\t") << j.errorMessage;
        else if (j.reusedFrom)
            out() << QStringLiteral("\t")
                  << tr("(copied from job %1: same input and recipe)").arg(j.reusedFrom);
        out() << Qt::endl;
    }
    return kExitOk;
}

int cmdRetryOrCancel(JobStore &store, Args &args, bool retry)
{
    bool allFailed = false;
    QList<qint64> ids;
    while (!args.atEnd()) {
        const QString a = args.take();
        if (a == QLatin1String("--all-failed")) {
            allFailed = true;
            continue;
        }
        bool ok = false;
        const qint64 id = a.toLongLong(&ok);
        if (!ok || id <= 0)
            throw UsageError{tr("'%1' is not a job id").arg(a)};
        ids << id;
    }
    if (!allFailed && ids.isEmpty())
        throw UsageError{tr("give --all-failed or job ids")};
    if (allFailed) {
        const QList<JobRecord> failed = store.list(JobState::Failed);
        for (const JobRecord &j : failed)
            ids << j.id;
    }
    const int n = retry ? store.retry(ids) : store.cancel(ids);
    out() << (retry ? tr("%1 job(s) queued again") : tr("%1 job(s) cancelled")).arg(n) << Qt::endl;
    return kExitOk;
}

int cmdOps(Args &args)
{
    bool json = false;
    while (!args.atEnd()) {
        const QString a = args.take();
        if (a == QLatin1String("--json"))
            json = true;
        else
            throw UsageError{tr("unknown option %1").arg(a)};
    }
    const auto &registry = OperationRegistry::instance();
    if (json) {
        out() << QJsonDocument(registry.describe()).toJson(QJsonDocument::Indented) << Qt::flush;
        return kExitOk;
    }
    for (const Operation *op : registry.all()) {
        out() << op->id() << QStringLiteral(" - ") << op->title() << QStringLiteral(": ")
              << op->description() << Qt::endl;
        for (const ParamSpec &p : op->params())
            out() << tr("    %1 (%2, default %3): %4")
                         .arg(p.name, p.describeRange(), p.defaultValue.toString(), p.label)
                  << Qt::endl;
    }
    return kExitOk;
}

int cmdPresets(Args &args)
{
    bool json = false;
    while (!args.atEnd()) {
        const QString a = args.take();
        if (a == QLatin1String("--json"))
            json = true;
        else
            throw UsageError{tr("unknown option %1").arg(a)};
    }
    QJsonArray all;
    for (const QString &name : PresetLibrary::names()) {
        Recipe r;
        if (auto e = PresetLibrary::load(name, &r)) {
            err() << tr("warning: %1").arg(*e) << Qt::endl;
            continue;
        }
        if (json) {
            all.append(r.toJson());
            continue;
        }
        QStringList steps;
        for (const RecipeStep &s : std::as_const(r.steps))
            steps << s.op;
        out() << QStringLiteral("%1: %2 -> %3")
                     .arg(name,
                          steps.isEmpty() ? tr("(no steps)") : steps.join(QStringLiteral(", ")),
                          r.output.value(QStringLiteral("type")).toString())
              << Qt::endl;
    }
    if (json)
        out() << QJsonDocument(all).toJson(QJsonDocument::Indented) << Qt::flush;
    return kExitOk;
}

int dispatch(const QStringList &arguments)
{
    Args args(arguments);
    QString dbPath;
    QString command;
    while (!args.atEnd() && command.isEmpty()) {
        const QString a = args.take();
        if (a == QLatin1String("--db")) {
            dbPath = args.value(a);
        } else if (a == QLatin1String("--max-megapixels")) {
            imageio::DecodeLimits limits = imageio::decodeLimits();
            limits.maxPixels = qint64(intValue(a, args.value(a), 1, 1000000)) * 1000000;
            imageio::setDecodeLimits(limits);
        } else if (a == QLatin1String("--max-file-mb")) {
            imageio::DecodeLimits limits = imageio::decodeLimits();
            limits.maxFileBytes = qint64(intValue(a, args.value(a), 1, 1000000)) << 20;
            imageio::setDecodeLimits(limits);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out() << usageText() << Qt::flush;
            return kExitOk;
        } else if (a == QLatin1String("--version") || a == QLatin1String("-v")) {
            out() << QStringLiteral("pixqueue-cli %1").arg(QCoreApplication::applicationVersion())
                  << Qt::endl;
            return kExitOk;
        } else if (a.startsWith(QLatin1Char('-'))) {
            throw UsageError{tr("unknown option %1").arg(a)};
        } else {
            command = a;
        }
    }
    if (command.isEmpty())
        throw UsageError{tr("no command given")};
    if (command == QLatin1String("ops"))
        return cmdOps(args);
    if (command == QLatin1String("presets"))
        return cmdPresets(args);
    if (command == QLatin1String("worker") || command == QLatin1String("setup-offload") ||
        command == QLatin1String("test-offload")) {
        QStringList rest;
        while (!args.atEnd())
            rest << args.take();
        if (command == QLatin1String("worker"))
            return cli::runWorkerCommand(rest);
        return command == QLatin1String("setup-offload") ? cli::runSetupOffloadCommand(rest)
                                                         : cli::runTestOffloadCommand(rest);
    }
    static const QStringList known{QStringLiteral("add"),     QStringLiteral("run"),
                                   QStringLiteral("process"), QStringLiteral("status"),
                                   QStringLiteral("list"),    QStringLiteral("retry"),
                                   QStringLiteral("cancel")};
    if (!known.contains(command))
        throw UsageError{tr("unknown command '%1'").arg(command)};

    // Split `process` arguments: run options go to run, the rest to add. Parse before opening the
    // database so that usage errors never touch it.
    RunOptions runOptions;
    QStringList rest;
    std::unique_ptr<OffloadRun> offloadRun;
    if (command == QLatin1String("run") || command == QLatin1String("process")) {
        QStringList runArgs;
        bool offload = false;
        while (!args.atEnd()) {
            const QString a = args.take();
            if (a == QLatin1String("--until-idle"))
                runOptions.untilIdle = true;
            else if (a == QLatin1String("--offload") && command == QLatin1String("run"))
                offload = true;
            else if (a == QLatin1String("--db"))
                dbPath = args.value(a);
            else if (command == QLatin1String("run"))
                runArgs << a;
            else if (a == QLatin1String("--workers") || a == QLatin1String("--lease-seconds"))
                parseRunOption(a, args, runOptions);
            else
                rest << a;
        }
        if (offload) {
            offloadRun = std::make_unique<OffloadRun>(runArgs); // connection flags
        } else {
            Args runRest(runArgs);
            while (!runRest.atEnd())
                parseRunOption(runRest.take(), runRest, runOptions);
        }
        args = Args(rest);
    }

    auto store = openStore(dbPath);
    if (!store)
        return kExitJobsFailed;
    if (command == QLatin1String("add"))
        return addJobs(*store, args, false) ? kExitOk : kExitJobsFailed;
    if (command == QLatin1String("run"))
        return offloadRun ? offloadRun->exec(*store, runOptions.untilIdle)
                          : runQueue(*store, runOptions, std::nullopt);
    if (command == QLatin1String("process")) {
        const auto added = addJobs(*store, args, true, false);
        if (!added)
            return kExitJobsFailed;
        runOptions.untilIdle = true;
        return runQueue(*store, runOptions, added->batchId);
    }
    if (command == QLatin1String("status"))
        return cmdStatus(*store, args);
    if (command == QLatin1String("list"))
        return cmdList(*store, args);
    return cmdRetryOrCancel(*store, args, command == QLatin1String("retry"));
}

// Takes --lang CODE (or --lang=CODE) out of the arguments wherever it is, before anything else is
// read, so that usage errors are translated too. Returns CODE, or empty.
QString takeLanguageArgument(QStringList &arguments)
{
    QString language;
    for (qsizetype i = 0; i < arguments.size();) {
        if (arguments[i] == QLatin1String("--"))
            break;
        if (arguments[i] == QLatin1String("--lang") && i + 1 < arguments.size()) {
            language = arguments.takeAt(i + 1);
            arguments.removeAt(i);
        } else if (arguments[i].startsWith(QLatin1String("--lang="))) {
            language = arguments.takeAt(i).mid(7);
        } else {
            ++i;
        }
    }
    return language;
}

int runCli(QStringList arguments)
{
    // --lang, else PIXQUEUE_LANG, else the system's language (LANGUAGE, LC_ALL, LC_MESSAGES,
    // LANG). Machine-readable output (--json, ids, states) is never translated.
    QString language = takeLanguageArgument(arguments);
    if (language.isEmpty())
        language = qEnvironmentVariable("PIXQUEUE_LANG");
    installCatalogues(language, {{QStringLiteral("pixqueue_cli"), QStringLiteral(":/i18n")},
                                 {QStringLiteral("pixqueue_core"), QStringLiteral(":/i18n")}});
    try {
        return dispatch(arguments);
    } catch (const UsageError &e) {
        err() << tr("pixqueue-cli: %1").arg(e.message) << Qt::endl
              << tr("Try 'pixqueue-cli --help'.") << Qt::endl;
        return kExitUsage;
    }
}

} // namespace

} // namespace pq::cli

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    pq::setApplicationIdentity();
    return pq::cli::runCli(app.arguments().mid(1));
}
