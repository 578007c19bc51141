#pragma once
// Helpers shared by the fuzz targets: failing loudly on a broken invariant (abort(), which
// libFuzzer and the replay main both report as a crash) and the path-safety checks.

#include <QByteArray>
#include <QDir>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace pq::fuzz {

[[noreturn]] inline void fail(const char *invariant, const QString &detail = {})
{
    std::fprintf(stderr, "\n*** fuzz invariant broken: %s\n    %s\n", invariant,
                 detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The input as UTF-8 text split at '\n' into exactly `count` fields (missing ones empty, the
// last one takes the rest), so seeds stay readable text files.
inline QStringList fields(const uint8_t *data, size_t size, int count)
{
    QStringList parts = QString::fromUtf8(bytes(data, size)).split(QLatin1Char('\n'));
    while (parts.size() > count) {
        const QString last = parts.takeLast();
        parts.last() += QLatin1Char('\n') + last;
    }
    while (parts.size() < count)
        parts << QString();
    return parts;
}

// Why `name` is not safe as the name of a file inside an output folder on Linux, macOS and
// Windows, or nullopt: a single component (no separator, not "." or ".."), not absolute, no drive
// or stream colon, no characters 0x00-0x1F, no trailing dot or space (Windows drops them), and not
// a Windows device name (CON, PRN, AUX, NUL, COM0-9, LPT0-9 and the superscript-digit forms, with
// any extension and with spaces before the extension, as Windows' own check does).
inline std::optional<QString> unsafeFileName(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("empty name");
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return QStringLiteral("'.' or '..'");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return QStringLiteral("folder separator");
    if (name.contains(QLatin1Char(':')))
        return QStringLiteral("drive or stream colon");
    if (QDir::isAbsolutePath(name))
        return QStringLiteral("absolute");
    for (const QChar c : name) // Windows refuses 0x01-0x1F (DEL and C1 controls are not)
        if (c.unicode() < 0x20)
            return QStringLiteral("control character");
    if (name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' ')))
        return QStringLiteral("trailing dot or space");
    static const QRegularExpression device(
        QStringLiteral("^(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3]|"
                       "CONIN\\$|CONOUT\\$) *(\\..*)?$"),
        QRegularExpression::CaseInsensitiveOption);
    if (device.match(name).hasMatch())
        return QStringLiteral("Windows device name");
    return std::nullopt;
}

// Aborts unless `name` is a safe file name and joining it to `folder` stays directly in there.
inline void checkInsideFolder(const QString &folder, const QString &name, const char *what)
{
    if (auto why = unsafeFileName(name))
        fail(what, QStringLiteral("unsafe file name '%1': %2").arg(name, *why));
    const QString path = QDir::cleanPath(QDir(folder).filePath(name));
    if (!path.startsWith(folder + QLatin1Char('/')) ||
        path.mid(folder.size() + 1).contains(QLatin1Char('/')))
        fail(what, QStringLiteral("'%1' leaves the folder %2").arg(path, folder));
}

} // namespace pq::fuzz
