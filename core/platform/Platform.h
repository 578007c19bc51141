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

} // namespace pq::platform
