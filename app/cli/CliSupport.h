#pragma once
// What every pixqueue-cli command shares: output streams, translation context, exit codes and
// usage errors.

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

namespace pq::cli {

constexpr int kExitOk = 0;
constexpr int kExitJobsFailed = 1; // also: the queues could not be used
constexpr int kExitUsage = 2;

inline QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

inline QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

inline QString tr(const char *text)
{
    return QCoreApplication::translate("pq::cli", text);
}

// Thrown by argument parsing; main prints it with a hint and exits with kExitUsage.
struct UsageError
{
    QString message;
};

inline int intValue(const QString &option, const QString &text, int min, int max)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < min || v > max)
        throw UsageError{
            tr("%1: '%2' is not a number in %3..%4").arg(option, text).arg(min).arg(max)};
    return v;
}

} // namespace pq::cli
