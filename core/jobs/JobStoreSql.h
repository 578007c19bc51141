#pragma once
// Every SQL statement of the job queue, in one place, readable top to bottom (after goqite).
//
// Times are milliseconds since the epoch, passed in as :now so that tests can move the clock.
// `rev` is a table-wide change counter: every statement that changes a job sets its rev to
// max(rev) + 1, so readers can ask "what changed since revision R" through an index instead of
// rereading the table (JobStore::changesSince). Writers run inside BEGIN IMMEDIATE, so the
// max(rev) + 1 of two writers can never collide.

namespace pq::sql {

// ---- schema ----------------------------------------------------------------------------------
// Migrations, applied in order to bring PRAGMA user_version from i to i + 1. Never edit a
// released step: add a new one.
inline constexpr const char *kMigrations[][16] = {
    // version 1
    {
        R"(CREATE TABLE batches (
             id          INTEGER PRIMARY KEY,
             created_at  INTEGER NOT NULL,
             output_dir  TEXT NOT NULL,
             naming      TEXT NOT NULL,
             overwrite   TEXT NOT NULL CHECK (overwrite IN ('skip', 'replace', 'rename')),
             paused      INTEGER NOT NULL DEFAULT 0
           ))",
        R"(CREATE TABLE jobs (
             id                 INTEGER PRIMARY KEY,
             batch_id           INTEGER NOT NULL REFERENCES batches(id),
             input_path         TEXT NOT NULL,
             input_hash         TEXT,
             preset             TEXT NOT NULL,
             recipe             TEXT NOT NULL,
             output_path        TEXT NOT NULL,
             state              TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'failed',
                                                              'cancelled', 'paused', 'offloaded')),
             attempts           INTEGER NOT NULL DEFAULT 0,
             max_attempts       INTEGER NOT NULL DEFAULT 5,
             available_at       INTEGER NOT NULL,
             lease_owner        TEXT,
             lease_process      TEXT,
             lease_until        INTEGER,
             progress           REAL NOT NULL DEFAULT 0,
             error_kind         TEXT,
             error_msg          TEXT,
             outcome            TEXT,
             remote_message_id  TEXT,
             created_at         INTEGER NOT NULL,
             updated_at         INTEGER NOT NULL,
             finished_at        INTEGER,
             rev                INTEGER NOT NULL
           ))",
        // The two partial indexes hold only the rows a lease can pick, so "next ready job" is one
        // index seek however much finished history the table holds. The hot statements name them
        // with INDEXED BY: without statistics the planner prefers jobs_by_state and sorts every
        // queued row, which is O(n) per lease.
        "CREATE INDEX jobs_ready ON jobs (available_at, id) WHERE state = 'queued'",
        "CREATE INDEX jobs_leases ON jobs (lease_until) WHERE state = 'leased'",
        "CREATE INDEX jobs_by_state ON jobs (state)",
        "CREATE INDEX jobs_by_batch ON jobs (batch_id, state)",
        "CREATE INDEX jobs_by_rev ON jobs (rev)",
        // Enqueue checks that an output never lands on an input or on another job's output.
        "CREATE INDEX jobs_by_input ON jobs (input_path)",
        "CREATE INDEX jobs_by_output ON jobs (output_path)",
        nullptr,
    },
    // version 2: identical work is not done twice. work_key identifies (input content, recipe
    // without its name); a job whose key already produced an output copies it.
    {
        "ALTER TABLE jobs ADD COLUMN work_key TEXT",
        "ALTER TABLE jobs ADD COLUMN reused_from INTEGER",
        "CREATE INDEX jobs_by_work_key ON jobs (work_key) WHERE state = 'done'",
        nullptr,
    },
    // version 3: cloud offload. A batch (and each of its jobs) is either worked here or sent to
    // remote workers; the two lanes are leased separately, so the ready index leads with the lane.
    // An offloaded job keeps the deadline for its answer in lease_until.
    {
        "ALTER TABLE batches ADD COLUMN offload INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE jobs ADD COLUMN offload INTEGER NOT NULL DEFAULT 0",
        "DROP INDEX jobs_ready",
        "CREATE INDEX jobs_ready ON jobs (offload, available_at, id) WHERE state = 'queued'",
        "CREATE INDEX jobs_offloaded ON jobs (lease_until) WHERE state = 'offloaded'",
        // A random id for this database: the offload's messages name it as their origin, so that
        // producers sharing a response queue never take each other's answers.
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))))",
        nullptr,
    },
    // version 4: jobs can be removed. A removed job leaves a tombstone with the revision of its
    // removal, so readers of the change feed (the window's queue model, in any process) learn
    // deletions incrementally like changes. Job ids are never reused (a new job's id is above every
    // removed one), so a tombstone always names one job.
    {
        R"(CREATE TABLE removed_jobs (
             job_id      INTEGER PRIMARY KEY,
             rev         INTEGER NOT NULL,
             removed_at  INTEGER NOT NULL
           ))",
        "CREATE INDEX removed_jobs_by_rev ON removed_jobs (rev)",
        nullptr,
    },
};

// The revision counter continues across removals: the newest revision may be a tombstone's (the
// removed row took its revision with it). Both maxima are index lookups.
#define PQ_LATEST_REV                                                                              \
    "max((SELECT coalesce(max(rev), 0) FROM jobs), "                                               \
    "(SELECT coalesce(max(rev), 0) FROM removed_jobs))"
#define PQ_NEXT_REV "(SELECT " PQ_LATEST_REV " + 1)"
// SQLite would give a new row max(id) + 1, which reuses the id of a removed job that had the
// largest id: the new id is above the removed ones too (pruning keeps the largest tombstone id).
#define PQ_NEXT_JOB_ID                                                                             \
    "(SELECT max((SELECT coalesce(max(id), 0) FROM jobs), "                                        \
    "(SELECT coalesce(max(job_id), 0) FROM removed_jobs)) + 1)"

// ---- producing ---------------------------------------------------------------------------------
inline constexpr const char *kInsertBatch = R"(
    INSERT INTO batches (created_at, output_dir, naming, overwrite, offload)
    VALUES (:now, :output_dir, :naming, :overwrite, :offload))";

// :id and :rev are counted up by the caller from kNextJobIdAndRevision, read once in the same
// write transaction: one batch's rows need no per-row lookups of the maxima.
inline constexpr const char *kNextJobIdAndRevision = "SELECT " PQ_NEXT_JOB_ID ", " PQ_NEXT_REV;
// Bound by position (JobStore::enqueue's InsertRow, in this order): each placeholder once.
inline constexpr const char *kInsertJob = R"(
    INSERT INTO jobs (id, batch_id, input_path, preset, recipe, output_path, state, outcome,
                      error_msg, progress, max_attempts, available_at, created_at, updated_at,
                      finished_at, offload, rev)
    VALUES (:id, :batch_id, :input_path, :preset, :recipe, :output_path, :state, :outcome,
            :error_msg, :progress, :max_attempts, :available_at, :created_at, :updated_at,
            :finished_at, :offload, :rev))";

inline constexpr const char *kOutputClaimedByActiveJob = R"(
    SELECT 1 FROM jobs
    WHERE output_path = :path AND state IN ('queued', 'leased', 'paused', 'offloaded')
    LIMIT 1)";

inline constexpr const char *kPathIsAnInput = R"(
    SELECT 1 FROM jobs WHERE input_path = :path LIMIT 1)";

// Whether any job's input, or any active job's output, lies in the folder whose paths start with
// :prefix (the folder and "/"); :end is the prefix with the "/" replaced by "0", the next
// character. When neither does, enqueue skips the two probes above for that folder's rows.
inline constexpr const char *kAnyInputInFolder = R"(
    SELECT 1 FROM jobs WHERE input_path >= :prefix AND input_path < :end LIMIT 1)";
inline constexpr const char *kAnyActiveOutputInFolder = R"(
    SELECT 1 FROM jobs
    WHERE output_path >= :prefix AND output_path < :end
      AND state IN ('queued', 'leased', 'paused', 'offloaded')
    LIMIT 1)";

// ---- the lease protocol ---------------------------------------------------------------------
// Expired leases whose attempts are used up can never be leased again: fail them first, with a
// message that says why (the process died or hung during every attempt).
inline constexpr const char *kFailExhaustedLeases = R"(
    UPDATE jobs INDEXED BY jobs_leases
    SET state = 'failed', error_kind = 'permanent', error_msg = replace(:message, '%1', attempts),
        lease_owner = NULL, lease_process = NULL, lease_until = NULL,
        updated_at = :now, finished_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE state = 'leased' AND lease_until <= :now AND attempts >= max_attempts)";

// The lease: the earliest ready job of the lane (:offload 0 = worked here, 1 = sent to remote
// workers by the offload bridge) among "queued and available" and "leased but expired" (its
// worker hung or died), marked leased by :owner until :now + :lease_ms. The attempt counts here,
// before any work, so a job that kills its process every time still runs out of attempts.
inline constexpr const char *kLeaseNext = R"(
    UPDATE jobs
    SET state = 'leased', lease_owner = :owner, lease_process = :process,
        lease_until = :now + :lease_ms, attempts = attempts + 1, progress = 0,
        updated_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = (
        SELECT id FROM (
            SELECT * FROM (
                SELECT id, available_at AS ready_at FROM jobs INDEXED BY jobs_ready
                WHERE state = 'queued' AND offload = :offload AND available_at <= :now
                ORDER BY available_at, id LIMIT 1)
            UNION ALL
            SELECT * FROM (
                SELECT id, lease_until AS ready_at FROM jobs INDEXED BY jobs_leases
                WHERE state = 'leased' AND lease_until <= :now AND attempts < max_attempts
                      AND offload = :offload
                ORDER BY lease_until LIMIT 1))
        ORDER BY ready_at LIMIT 1)
    RETURNING id, batch_id, input_path, output_path, recipe, attempts, max_attempts, lease_until)";

inline constexpr const char *kHeartbeat = R"(
    UPDATE jobs
    SET lease_until = :now + :lease_ms, progress = :progress, updated_at = :now,
        rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'leased' AND lease_owner = :owner)";

inline constexpr const char *kComplete = R"(
    UPDATE jobs
    SET state = 'done', outcome = :outcome, progress = 1, error_kind = NULL, error_msg = NULL,
        input_hash = :input_hash, work_key = :work_key, reused_from = :reused_from,
        lease_owner = NULL, lease_process = NULL, lease_until = NULL,
        updated_at = :now, finished_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'leased' AND lease_owner = :owner)";

// The newest finished job that did the same work (same input content, same recipe) and wrote
// its output itself or copied it.
inline constexpr const char *kFindReusableOutput = R"(
    SELECT id, output_path FROM jobs INDEXED BY jobs_by_work_key
    WHERE work_key = :work_key AND state = 'done' AND outcome IN ('written', 'reused')
          AND id != :id
    ORDER BY id DESC LIMIT 1)";

inline constexpr const char *kSelectLeaseHolder = R"(
    SELECT attempts, max_attempts FROM jobs
    WHERE id = :id AND state = 'leased' AND lease_owner = :owner)";

// A job of a paused batch that comes back to the queue waits as 'paused'.
#define PQ_QUEUED_OR_PAUSED                                                                        \
    "CASE WHEN (SELECT paused FROM batches WHERE batches.id = jobs.batch_id) "                     \
    "THEN 'paused' ELSE 'queued' END"

inline constexpr const char *kScheduleRetry = R"(
    UPDATE jobs
    SET state = )" PQ_QUEUED_OR_PAUSED R"(, available_at = :retry_at,
        error_kind = 'transient', error_msg = :message,
        lease_owner = NULL, lease_process = NULL, lease_until = NULL,
        updated_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'leased' AND lease_owner = :owner)";

inline constexpr const char *kFailJob = R"(
    UPDATE jobs
    SET state = 'failed', error_kind = :kind, error_msg = :message,
        lease_owner = NULL, lease_process = NULL, lease_until = NULL,
        updated_at = :now, finished_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'leased' AND lease_owner = :owner)";

// Graceful hand-back: the attempt that was counted at lease time is given back.
#define PQ_RELEASE_SET                                                                             \
    "SET state = " PQ_QUEUED_OR_PAUSED ", attempts = max(attempts - 1, 0), available_at = :now, "  \
    "progress = 0, lease_owner = NULL, lease_process = NULL, lease_until = NULL, "                 \
    "updated_at = :now, rev = " PQ_NEXT_REV

inline constexpr const char *kRelease =
    "UPDATE jobs " PQ_RELEASE_SET " WHERE id = :id AND state = 'leased' AND lease_owner = :owner";

inline constexpr const char *kReleaseProcess =
    "UPDATE jobs " PQ_RELEASE_SET " WHERE state = 'leased' AND lease_process = :process";

inline constexpr const char *kLeaseProcesses = R"(
    SELECT DISTINCT lease_process FROM jobs WHERE state = 'leased')";

// The owner process is gone: its jobs run again now, with the attempt counted (it may be the job
// that killed the process); jobs out of attempts fail.
inline constexpr const char *kReclaimProcess = R"(
    UPDATE jobs
    SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE )" PQ_QUEUED_OR_PAUSED
                                               R"( END,
        error_kind = CASE WHEN attempts >= max_attempts THEN 'permanent' ELSE 'transient' END,
        error_msg = CASE WHEN attempts >= max_attempts THEN replace(:exhausted, '%1', attempts)
                         ELSE :interrupted END,
        finished_at = CASE WHEN attempts >= max_attempts THEN :now ELSE NULL END,
        available_at = :now, progress = 0,
        lease_owner = NULL, lease_process = NULL, lease_until = NULL,
        updated_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE state = 'leased' AND lease_process = :process)";

// ---- offload (remote workers) ------------------------------------------------------------------
// The offload bridge leases a job of the offload lane like a worker (kLeaseNext with :offload = 1),
// uploads its input and sends the request. Then the job waits as 'offloaded' for the answer, with
// the deadline for it in lease_until; the answer completes or fails it exactly once, whatever
// number of duplicate answers arrive.
inline constexpr const char *kMarkOffloaded = R"(
    UPDATE jobs
    SET state = 'offloaded', remote_message_id = :message_id, lease_until = :deadline,
        lease_owner = NULL, lease_process = NULL, error_kind = NULL, error_msg = NULL,
        updated_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'leased' AND lease_owner = :owner)";

inline constexpr const char *kCompleteOffloaded = R"(
    UPDATE jobs
    SET state = 'done', outcome = 'written', progress = 1, error_kind = NULL, error_msg = NULL,
        lease_until = NULL, updated_at = :now, finished_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'offloaded')";

inline constexpr const char *kFailOffloaded = R"(
    UPDATE jobs
    SET state = 'failed', error_kind = :kind, error_msg = :message, lease_until = NULL,
        updated_at = :now, finished_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'offloaded')";

// A remote worker could not finish an attempt but the request stays in the queue for another:
// the job stays offloaded and shows why.
inline constexpr const char *kNoteOffloaded = R"(
    UPDATE jobs
    SET error_kind = 'transient', error_msg = :message, updated_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'offloaded')";

inline constexpr const char *kFailOverdueOffloads = R"(
    UPDATE jobs INDEXED BY jobs_offloaded
    SET state = 'failed', error_kind = 'permanent',
        error_msg = CASE WHEN error_msg IS NULL THEN :message ELSE :message || ' ' || error_msg END,
        lease_until = NULL, updated_at = :now, finished_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE state = 'offloaded' AND lease_until <= :now
    RETURNING id)";

// The queue or storage cannot be reached: back to the queue until :retry_at without counting the
// attempt (a dead network is nobody's fault and may last hours).
inline constexpr const char *kPostpone =
    R"(
    UPDATE jobs
    SET state = )" PQ_QUEUED_OR_PAUSED
    R"(, attempts = max(attempts - 1, 0), available_at = :retry_at,
        progress = 0, error_kind = 'transient', error_msg = :message,
        lease_owner = NULL, lease_process = NULL, lease_until = NULL,
        updated_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state = 'leased' AND lease_owner = :owner)";

// ---- user actions ------------------------------------------------------------------------------
inline constexpr const char *kCancel = R"(
    UPDATE jobs
    SET state = 'cancelled', lease_owner = NULL, lease_process = NULL, lease_until = NULL,
        updated_at = :now, finished_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE id = :id AND state IN ('queued', 'leased', 'paused', 'failed', 'offloaded'))";

#define PQ_RETRY_SET                                                                               \
    "SET state = " PQ_QUEUED_OR_PAUSED ", attempts = 0, available_at = :now, progress = 0, "       \
    "error_kind = NULL, error_msg = NULL, outcome = NULL, finished_at = NULL, "                    \
    "updated_at = :now, rev = " PQ_NEXT_REV

inline constexpr const char *kRetry =
    "UPDATE jobs " PQ_RETRY_SET " WHERE id = :id AND state IN ('failed', 'cancelled')";
inline constexpr const char *kRetryAllFailed =
    "UPDATE jobs " PQ_RETRY_SET " WHERE state = 'failed'";

inline constexpr const char *kSetBatchPaused =
    "UPDATE batches SET paused = :paused WHERE id = :batch";
inline constexpr const char *kPauseBatchJobs = R"(
    UPDATE jobs SET state = 'paused', updated_at = :now, rev = )" PQ_NEXT_REV R"(
    WHERE batch_id = :batch AND state = 'queued')";
inline constexpr const char *kResumeBatchJobs = R"(
    UPDATE jobs SET state = 'queued', available_at = :now, updated_at = :now, rev = )" PQ_NEXT_REV
                                                R"(
    WHERE batch_id = :batch AND state = 'paused')";

// ---- removing ----------------------------------------------------------------------------------
// A removed job leaves a tombstone (same transaction) that the change feed reports. A job that is
// being worked (leased by a worker, or offloaded to remote workers awaiting the answer) is not
// removed: it must be cancelled first.
#define PQ_REMOVABLE "state NOT IN ('leased', 'offloaded')"
#define PQ_FINISHED "state IN ('done', 'failed', 'cancelled')"

inline constexpr const char *kTombstoneJob = R"(
    INSERT OR REPLACE INTO removed_jobs (job_id, rev, removed_at)
    SELECT id, )" PQ_NEXT_REV R"(, :now FROM jobs WHERE id = :id AND )" PQ_REMOVABLE;
inline constexpr const char *kDeleteJob = "DELETE FROM jobs WHERE id = :id AND " PQ_REMOVABLE;
inline constexpr const char *kJobIsWorked =
    "SELECT 1 FROM jobs WHERE id = :id AND NOT " PQ_REMOVABLE;

// Done, failed (also dead-lettered offloads) and cancelled jobs, all with one revision.
inline constexpr const char *kTombstoneFinishedJobs = R"(
    INSERT OR REPLACE INTO removed_jobs (job_id, rev, removed_at)
    SELECT id, )" PQ_NEXT_REV R"(, :now FROM jobs WHERE )" PQ_FINISHED;
inline constexpr const char *kDeleteFinishedJobs = "DELETE FROM jobs WHERE " PQ_FINISHED;

// Tombstones are kept for a while (:before: removed earlier than this), long enough for any reader
// that polls; a reader further behind than the pruned revisions reloads everything instead. The
// newest tombstone (it may hold the latest revision) and the one with the largest job id (new ids
// go above it) are always kept.
#define PQ_PRUNABLE_TOMBSTONES                                                                     \
    "removed_at < :before AND rev < (SELECT max(rev) FROM removed_jobs) "                          \
    "AND job_id < (SELECT max(job_id) FROM removed_jobs)"
inline constexpr const char *kNotePrunedTombstones = R"(
    INSERT OR REPLACE INTO meta (key, value)
    SELECT 'tombstones_pruned_rev', max(pruned, coalesce((
        SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'tombstones_pruned_rev'), 0))
    FROM (SELECT max(rev) AS pruned FROM removed_jobs WHERE )" PQ_PRUNABLE_TOMBSTONES R"()
    WHERE pruned IS NOT NULL)";
inline constexpr const char *kPruneTombstones =
    "DELETE FROM removed_jobs WHERE " PQ_PRUNABLE_TOMBSTONES;

// ---- reading -----------------------------------------------------------------------------------
inline constexpr const char *kCountByState = "SELECT state, count(*) FROM jobs GROUP BY state";
inline constexpr const char *kCountByStateInBatch =
    "SELECT state, count(*) FROM jobs WHERE batch_id = :batch GROUP BY state";
// Jobs of a lane that are still to finish (what `run --until-idle` waits for).
inline constexpr const char *kCountActive = R"(
    SELECT count(*) FROM jobs
    WHERE offload = :offload AND state IN ('queued', 'leased', 'offloaded'))";

#define PQ_JOB_COLUMNS                                                                             \
    "id, batch_id, input_path, output_path, preset, state, attempts, max_attempts, "               \
    "available_at, lease_owner, lease_until, progress, error_kind, error_msg, outcome, "           \
    "created_at, updated_at, rev, reused_from, offload"

inline constexpr const char *kSelectJobs = "SELECT " PQ_JOB_COLUMNS " FROM jobs";
inline constexpr const char *kSelectJob = "SELECT " PQ_JOB_COLUMNS " FROM jobs WHERE id = :id";
inline constexpr const char *kChangesSince =
    "SELECT " PQ_JOB_COLUMNS " FROM jobs WHERE rev > :rev ORDER BY rev";
inline constexpr const char *kDatabaseId = "SELECT value FROM meta WHERE key = 'database_id'";
inline constexpr const char *kRemovedSince =
    "SELECT job_id, rev FROM removed_jobs WHERE rev > :rev ORDER BY rev";
// Readers at or below this revision may have missed removals whose tombstones are gone.
inline constexpr const char *kTombstonesPrunedRev = R"(
    SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'tombstones_pruned_rev'),
                    0))";
inline constexpr const char *kLatestRevision = "SELECT " PQ_LATEST_REV;

inline constexpr const char *kNextReadyAt = R"(
    SELECT min(t) FROM (
        SELECT min(available_at) AS t FROM jobs WHERE state = 'queued' AND offload = :offload
        UNION ALL
        SELECT min(lease_until) FROM jobs WHERE state = 'leased' AND offload = :offload))";

} // namespace pq::sql
