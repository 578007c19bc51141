#include "Platform.h"

#include <QCoreApplication>
#include <QTimer>

#include <atomic>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <csignal>
#include <unistd.h>
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

} // namespace pq::platform
