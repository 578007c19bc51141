#pragma once
// Factories for every operation, one per file in core/ops/. OperationRegistry calls them once.

#include "Operation.h"

#include <memory>

namespace pq::ops {

std::unique_ptr<Operation> makeResize();
std::unique_ptr<Operation> makeThumbnail();
std::unique_ptr<Operation> makeCrop();
std::unique_ptr<Operation> makeFormat(); // the output encoder's parameters; id "format"

// Test hooks, registered only when PIXQUEUE_ENABLE_TEST_OPS=1 is set in the environment: they
// let the crash tests make a job that kills its process or holds its lease.
std::unique_ptr<Operation> makeDebugAbort();
std::unique_ptr<Operation> makeDebugSleep();
std::unique_ptr<Operation> makeDebugFail();

} // namespace pq::ops
