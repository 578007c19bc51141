#pragma once
// The batch-answer invariants the SQS and CMQ answer fuzzers share: a batch answer for entries
// [offset, offset + count) of `total` never touches an entry outside them, and each failure it
// reports says why.

#include "FuzzSupport.h"
#include "remote/RemoteQueue.h"

namespace pq::fuzz {

enum class FailureCode
{
    Required, // CMQ: every failure carries the service's code
    Optional  // SQS: the service may name none (the message still says why)
};

inline void checkBatchOutcome(const remote::BatchOutcome &outcome, int total, int offset, int count,
                              FailureCode code)
{
    if (outcome.messageIds.size() != total)
        fail("a batch outcome changed its size");
    for (auto it = outcome.failures.cbegin(); it != outcome.failures.cend(); ++it) {
        if (it.key() < offset || it.key() >= offset + count)
            fail("a batch failure names an entry outside its batch", QString::number(it.key()));
        if (it.value().message.isEmpty())
            fail("a batch failure without a message");
        if (code == FailureCode::Required && it.value().code.isEmpty())
            fail("a batch failure without a code");
    }
    for (int i = 0; i < total; ++i)
        if (!outcome.messageIds[i].isEmpty() && (i < offset || i >= offset + count))
            fail("a batch answer set the id of an entry outside its batch");
}

} // namespace pq::fuzz
