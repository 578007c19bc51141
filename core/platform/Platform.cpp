#include "Platform.h"

#include <QCoreApplication>
#include <QString>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <csignal>
#include <unistd.h>
#endif

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace pq::platform {

namespace {
std::atomic_bool g_terminationRequested{false};

#ifdef Q_OS_WIN
BOOL WINAPI consoleHandler(DWORD)
{
    g_terminationRequested = true;
    return TRUE;
}
#else
extern "C" void signalHandler(int)
{
    g_terminationRequested = true; // async-signal-safe: only a lock-free atomic store
}
#endif
} // namespace

bool stdoutIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdout)) != 0;
#else
    return isatty(fileno(stdout)) != 0;
#endif
}

void onTerminationRequest(std::function<void()> handler)
{
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(consoleHandler, TRUE);
#else
    struct sigaction action = {};
    action.sa_handler = signalHandler;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
#endif
    // A signal handler may not call into Qt; a timer in the event loop polls the flag instead.
    auto *timer = new QTimer(QCoreApplication::instance()); // owned by the application object
    timer->setInterval(100);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handler = std::move(handler)] {
        if (g_terminationRequested.exchange(false)) {
            timer->stop();
            handler();
        }
    });
    timer->start();
}

void tuneAllocatorForImageWork()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        // 32 MB is the largest mmap threshold glibc accepts (half its arena heap size); trimming
        // is left to releaseFreeMemory(), or every free at the top of the heap gives pages back
        // that the next job faults in again.
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
    });
#endif
}

void releaseFreeMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

namespace {
struct CrashPlan
{
    int point = -1; // a CrashPoint, -1: none
    int after = 0;  // passes before the crash
};

CrashPlan readCrashPlan()
{
    if (qEnvironmentVariableIntValue("PIXQUEUE_ENABLE_TEST_OPS") != 1)
        return {};
    const QStringList parts = qEnvironmentVariable("PIXQUEUE_CRASH_AT").split(QLatin1Char(':'));
    if (parts.size() != 2)
        return {};
    static const char *const names[] = {"before-commit", "after-commit", "before-rename",
                                        "after-rename"};
    bool ok = false;
    const int n = parts[1].toInt(&ok);
    for (int i = 0; i < 4; ++i)
        if (parts[0] == QLatin1String(names[i]) && ok && n > 0)
            return {i, n};
    return {};
}

std::atomic_int g_crashPoint{-2}; // -2: not read yet
std::atomic_int g_crashCountdown{0};
} // namespace

void crashPoint(CrashPoint point)
{
    int planned = g_crashPoint.load(std::memory_order_relaxed);
    if (planned == -2) {
        static std::once_flag once;
        std::call_once(once, [] {
            const CrashPlan plan = readCrashPlan();
            g_crashCountdown = plan.after;
            g_crashPoint = plan.point;
        });
        planned = g_crashPoint.load();
    }
    if (planned != int(point) || g_crashCountdown.fetch_sub(1) != 1)
        return;
    std::fprintf(stderr, "pixqueue: test crash point reached, killing the process\n");
    std::fflush(stderr);
#ifdef Q_OS_WIN
    TerminateProcess(GetCurrentProcess(), 137);
#else
    ::kill(::getpid(), SIGKILL);
#endif
    std::abort(); // not reached: SIGKILL to oneself is delivered before kill() returns
}

} // namespace pq::platform
