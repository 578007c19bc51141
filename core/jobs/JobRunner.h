#pragma once
// Runs one leased job from input file to output file: decode (with shrink-on-load when the first
// step allows it), the recipe's steps, encode, atomic write. No database access: the caller
// records the result. Any thread; no shared state.

#include "JobTypes.h"

namespace pq {

struct JobOutcome
{
    std::optional<Error> error; // nullopt: the output was written
    QString outcome = QStringLiteral("written");
};

JobOutcome runJob(const LeasedJob &job, OpContext &ctx);

} // namespace pq
