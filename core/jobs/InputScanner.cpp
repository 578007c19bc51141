#include "InputScanner.h"

#include "imageio/ImageIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace pq {

namespace {
// The context lupdate gives tr() in a free function of namespace pq (translations/README.md).
QString tr(const char *text)
{
    return QCoreApplication::translate("pq", text);
}

// The folder of an input relative to the folder the user added: "" for the top level; never a path
// that leaves it.
QString relativeDirOf(const QDir &root, const QString &folder)
{
    const QString rel = root.relativeFilePath(folder);
    if (rel == QLatin1String(".") || rel.startsWith(QLatin1String("..")))
        return {};
    return rel;
}

void walk(const QDir &root, const QString &dirPath, QSet<QString> &visited, ScanResult &result,
          const QStringList &suffixes)
{
    const QFileInfo dirInfo(dirPath);
    const QString canonical = dirInfo.canonicalFilePath();
    if (visited.contains(canonical)) {
        result.skipped[tr("folder already visited (symbolic link loop)")]++;
        return;
    }
    visited.insert(canonical);
    if (!dirInfo.isReadable() || !dirInfo.isExecutable()) {
        // Becomes a job that fails with "cannot read folder", so the user sees it. Its (never
        // written) output stays inside the output folder like every other.
        result.inputs.append({dirPath, relativeDirOf(root, dirInfo.absolutePath())});
        return;
    }
    const QFileInfoList entries = QDir(dirPath).entryInfoList(
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir()) {
            walk(root, entry.absoluteFilePath(), visited, result, suffixes);
        } else if (entry.isFile()) {
            if (!suffixes.contains(entry.suffix().toLower())) {
                result.skipped[tr("not an image file type we read")]++;
                continue;
            }
            result.inputs.append({entry.absoluteFilePath(), relativeDirOf(root, entry.absolutePath())});
        } else {
            result.skipped[tr("broken link or special file")]++;
        }
    }
}
} // namespace

ScanResult scanInputs(const QStringList &paths)
{
    ScanResult result;
    const QStringList suffixes = imageio::readableSuffixes();
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QSet<QString> visited;
            walk(QDir(info.absoluteFilePath()), info.absoluteFilePath(), visited, result, suffixes);
        } else {
            // Files are taken whatever their name says: the decoder looks at the content. A
            // missing file stays an input and its job fails with "file not found".
            result.inputs.append({info.absoluteFilePath(), QString()});
        }
    }
    return result;
}

} // namespace pq
