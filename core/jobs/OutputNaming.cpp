#include "OutputNaming.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace pq::OutputNaming {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("pq::OutputNaming", text);
}
const QStringList kPlaceholders{QStringLiteral("name"), QStringLiteral("preset"),
                                QStringLiteral("index"), QStringLiteral("parent")};
} // namespace

QString defaultTemplate(int recipeCount)
{
    return recipeCount > 1 ? QStringLiteral("{name}-{preset}") : QStringLiteral("{name}");
}

std::optional<QString> validateTemplate(const QString &tpl)
{
    if (tpl.trimmed().isEmpty())
        return tr("the naming template is empty");
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]*)\\}"));
    auto it = placeholder.globalMatch(tpl);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!kPlaceholders.contains(name))
            return tr("unknown placeholder {%1} in naming template '%2' (known: {name}, {preset}, "
                      "{index}, {parent})")
                .arg(name, tpl);
    }
    if (tpl.contains(QLatin1Char('/')) || tpl.contains(QLatin1Char('\\')))
        return tr("the naming template '%1' must not contain folder separators").arg(tpl);
    return std::nullopt;
}

QString fileName(const QString &tpl, const QString &inputPath, const QString &preset, int index,
                 const QString &suffix)
{
    const QFileInfo in(inputPath);
    QString base = tpl;
    base.replace(QStringLiteral("{name}"), in.completeBaseName());
    base.replace(QStringLiteral("{preset}"), preset);
    base.replace(QStringLiteral("{index}"),
                 QStringLiteral("%1").arg(index, 4, 10, QLatin1Char('0')));
    base.replace(QStringLiteral("{parent}"), in.absoluteDir().dirName());
    // Characters Windows forbids in names, and control characters, so a batch made on Linux can be
    // copied anywhere.
    static const QRegularExpression invalid(QStringLiteral("[<>:\"/\\\\|?*\\x00-\\x1f]"));
    base.replace(invalid, QStringLiteral("_"));
    base = base.trimmed();
    while (base.endsWith(QLatin1Char('.')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("image");
    // Windows reserves device names whatever the extension ("NUL.jpg" opens the null device),
    // also with spaces before the extension ("CON .x.jpg") and with superscript digits ("COM¹"):
    // a batch made anywhere must be writable there too.
    static const QRegularExpression device(
        QStringLiteral("^(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3]|"
                       "CONIN\\$|CONOUT\\$) *(\\..*)?$"),
        QRegularExpression::CaseInsensitiveOption);
    if (device.match(base).hasMatch())
        base.prepend(QLatin1Char('_'));
    return base + QLatin1Char('.') + suffix;
}

QString numbered(const QString &path, int n)
{
    const QFileInfo fi(path);
    return fi.dir().filePath(
        QStringLiteral("%1-%2.%3").arg(fi.completeBaseName()).arg(n).arg(fi.suffix()));
}

QString comparablePath(const QString &path)
{
    // Resolve the deepest part that exists, so "out/x.jpg" compares equal before and after "out"
    // is created even when "out" is reached through a symlink.
    QString existing = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString rest;
    while (!existing.isEmpty()) {
        const QString canonical = QFileInfo(existing).canonicalFilePath();
        if (!canonical.isEmpty())
            return rest.isEmpty() ? canonical
                                  : QDir::cleanPath(canonical + QLatin1Char('/') + rest);
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            break;
        rest = rest.isEmpty() ? existing.mid(slash + 1)
                              : existing.mid(slash + 1) + QLatin1Char('/') + rest;
        existing.truncate(slash);
    }
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString ComparablePaths::of(const QString &path)
{
    const QFileInfo info(path);
#if defined(Q_OS_LINUX)
    const bool wholePath = info.isSymLink();
#else
    const bool wholePath = info.isSymLink() || info.exists();
#endif
    if (wholePath || info.fileName().isEmpty() || info.fileName() == QLatin1String("..") ||
        info.fileName() == QLatin1String("."))
        return comparablePath(path);
    const QString folder = info.absolutePath();
    auto it = m_folders.constFind(folder);
    if (it == m_folders.cend())
        it = m_folders.insert(folder, comparablePath(folder));
    return QDir::cleanPath(*it + QLatin1Char('/') + info.fileName());
}

} // namespace pq::OutputNaming
