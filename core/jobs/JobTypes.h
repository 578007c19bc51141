#pragma once
// Value types shared by JobStore, WorkerPool and their users. Plain values; any thread.

#include "ops/Operation.h"
#include "ops/Recipe.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace pq {

// Job states as stored in the `jobs.state` column.
enum class JobState
{
    Queued,
    Leased,
    Done,
    Failed,
    Cancelled,
    Paused,
    Offloaded
};

QString jobStateName(JobState state); // "queued", ...: the stored and printed form
std::optional<JobState> jobStateFromName(const QString &name);
QList<JobState> allJobStates();

// Who works a job: the local WorkerPool, or remote workers fed by the OffloadBridge. Chosen per
// batch at enqueue; each lane is leased separately.
enum class Lane
{
    Local,
    Offload
};

// What to do when an output file already exists, chosen at enqueue. Whatever the policy, an output
// never overwrites an input file, and two jobs never write the same path.
enum class OverwritePolicy
{
    Skip,
    Replace,
    Rename
};

QString overwritePolicyName(OverwritePolicy policy);
std::optional<OverwritePolicy> overwritePolicyFromName(const QString &name);

struct EnqueueInput
{
    QString path;        // an image file
    QString relativeDir; // its folder relative to the folder the user added ("" for single files);
                         // outputs keep this sub-folder structure
};

struct EnqueueRequest
{
    QList<EnqueueInput> inputs;
    QList<Recipe> recipes; // one job per (input, recipe)
    QString outputDir;
    QString naming; // empty: "{name}" for one recipe, "{name}-{preset}" for several
    OverwritePolicy overwrite = OverwritePolicy::Rename;
    int maxAttempts = 5;
    bool offload = false; // sent to remote workers (OffloadBridge) instead of worked here
};

struct EnqueueResult
{
    qint64 batchId = 0;
    int queued = 0;  // jobs that will run
    int skipped = 0; // jobs recorded as done at once because the output existed (policy skip)
};

// A job as handed to the worker that leased it.
struct LeasedJob
{
    qint64 id = 0;
    qint64 batchId = 0;
    QString inputPath;
    QString outputPath;
    QByteArray recipeJson;
    int attempts = 0; // including this one
    int maxAttempts = 5;
    QString owner;
    qint64 leaseUntilMs = 0;
};

// A row of the job table, for listing and the GUI's model.
struct JobRecord
{
    qint64 id = 0;
    qint64 batchId = 0;
    QString inputPath;
    QString outputPath;
    QString preset;
    JobState state = JobState::Queued;
    int attempts = 0;
    int maxAttempts = 5;
    qint64 availableAtMs = 0;
    QString leaseOwner;
    qint64 leaseUntilMs = 0;
    double progress = 0;
    QString errorKind; // "transient", "permanent" or empty
    QString errorMessage;
    QString outcome; // "written", "reused", "skipped" or empty
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 revision = 0;   // increases on every change; see JobStore::changesSince
    qint64 reusedFrom = 0; // outcome "reused": the job whose output was copied
    bool offload = false;  // in the offload lane (see Lane)
};

// What changed in the job table after a revision (JobStore::changes): the rows changed or added,
// in revision order, and the ids of the jobs removed. Removed ids never come back (ids are not
// reused), so the two lists can be applied in either order.
struct JobChanges
{
    QList<JobRecord> changed;
    QList<qint64> removed;
    qint64 newest = 0; // the newest revision seen; ask again from here
    // False: removals after the asked revision may be missing (their tombstones were pruned, the
    // reader was away too long). The reader drops what it has and starts again from revision 0.
    bool complete = true;
};

// What JobStore::removeJobs did.
struct RemoveResult
{
    int removed = 0;
    int skipped = 0; // being worked (leased or offloaded): cancel them first
};

// How a job ended well, for JobStore::complete.
struct Completion
{
    QString outcome = QStringLiteral("written"); // "written", "reused" or "skipped"
    QString inputHash;                           // content hash of the input, when known
    QString workKey;                             // see JobStore::findReusableOutput
    qint64 reusedFrom = 0;
};

struct ReusableOutput
{
    qint64 jobId = 0;
    QString outputPath;
};

// What `JobStore::fail` did with the job.
struct FailResult
{
    bool applied = false; // false: the caller no longer held the lease
    JobState newState = JobState::Failed;
    qint64 retryAtMs = 0; // when newState is Queued
};

} // namespace pq

Q_DECLARE_METATYPE(pq::JobState)
