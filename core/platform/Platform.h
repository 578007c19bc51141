#pragma once
// The only place for operating-system specific calls. Everything else in PixQueue is portable Qt.

#include <functional>

namespace pq::platform {

// True when the standard output is an interactive terminal (progress line with \r).
bool stdoutIsTerminal();

// Calls `handler` (in the thread that runs the Qt event loop, via a queued call) the first time
// the process is asked to stop: SIGINT/SIGTERM on POSIX, Ctrl+C / console close on Windows.
void onTerminationRequest(std::function<void()> handler);

// Image work allocates and frees buffers of megabytes per job (file contents, decoded pixels).
// glibc serves those with fresh mmap()s by default, so every job pays page faults for all its
// memory again: a fifth of the thumbnail benchmark's CPU time went to them. This keeps freed
// blocks of up to 32 MB in the heap for the next job instead. Call before the work starts; a
// no-op where the allocator is not glibc's. Peak memory is unchanged; what is kept is returned by
// releaseFreeMemory().
void tuneAllocatorForImageWork();
// Gives memory the allocator keeps for reuse back to the operating system (when work is idle).
void releaseFreeMemory();

// Test hook for the crash campaign (tests/integration/test_crash_campaign.cpp): places where a
// power cut hurts most. With PIXQUEUE_ENABLE_TEST_OPS=1 and PIXQUEUE_CRASH_AT=<point>:<n> in the
// environment, the process kills itself (SIGKILL: no handler, no cleanup, no flush) the n-th time
// any thread passes <point>. Otherwise it costs one relaxed atomic load.
enum class CrashPoint
{
    BeforeCommit, // "before-commit": a JobStore transaction's writes are done, COMMIT not yet run
    AfterCommit,  // "after-commit": COMMIT returned, the caller has not seen it yet
    BeforeRename, // "before-rename": an output's bytes are written, not yet renamed into place
    AfterRename,  // "after-rename": the output is in place, its job not yet marked done
};
void crashPoint(CrashPoint point);

} // namespace pq::platform
