#pragma once
// The only place for operating-system specific calls. Everything else in PixQueue is portable Qt.

#include <functional>

namespace pq::platform {

// True when the standard output is an interactive terminal (progress line with \r).
bool stdoutIsTerminal();

// Calls `handler` (in the thread that runs the Qt event loop, via a queued call) the first time
// the process is asked to stop: SIGINT/SIGTERM on POSIX, Ctrl+C / console close on Windows.
void onTerminationRequest(std::function<void()> handler);

} // namespace pq::platform
