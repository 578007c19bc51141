#pragma once
// Runs one leased job from input file to output file: decode (with shrink-on-load when the first
// step allows it), the recipe's steps, encode, atomic write. No database access: the caller
// records the result. Any thread; no shared state.

#include "JobTypes.h"

#include <functional>

namespace pq {

struct JobOutcome
{
    std::optional<Error> error;                  // nullopt: the output was written
    QString outcome = QStringLiteral("written"); // or "reused"
    QString workKey; // see WorkKey.h; empty when it could not be computed
    QString inputHash;
    qint64 reusedFrom = 0; // outcome "reused": the job whose output was copied
};

// Finds a finished job that did the same work (the caller's JobStore::findReusableOutput).
using ReuseLookup = std::function<std::optional<ReusableOutput>(const QString &workKey)>;

// With a `reuse` lookup, the job's work key is computed first, and when an earlier job with the
// same key left its output on disk, that output is copied (atomically, like any output) instead of
// running the recipe. Without one (remote workers), the recipe always runs.
JobOutcome runJob(const LeasedJob &job, OpContext &ctx, const ReuseLookup &reuse = {});

// Decode, steps, encode, atomic write; no reuse check.
JobOutcome runRecipe(const LeasedJob &job, OpContext &ctx);

} // namespace pq
