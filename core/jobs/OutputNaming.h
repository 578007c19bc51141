#pragma once
// Output file names from a naming template. Pure functions; any thread.
//
// Placeholders: {name} input base name without extension, {preset} recipe/preset name,
// {index} 1-based position of the input in the batch (4 digits), {parent} the input's folder
// name. The extension always comes from the output format.

#include <QHash>
#include <QString>
#include <optional>

namespace pq::OutputNaming {

QString defaultTemplate(int recipeCount);
// Error message naming the unknown placeholder or the problem, or nullopt.
std::optional<QString> validateTemplate(const QString &tpl);
// File name (no folder) for one job; characters that are invalid in file names on any of our
// platforms become '_'.
QString fileName(const QString &tpl, const QString &inputPath, const QString &preset, int index,
                 const QString &suffix);
// "dir/name.ext" -> "dir/name-N.ext"
QString numbered(const QString &path, int n);
// Normalised absolute path used for comparisons (canonical when the file exists, so symlinks and,
// on case-insensitive file systems, letter case resolve to the same string).
QString comparablePath(const QString &path);

// comparablePath for many files in few folders: each folder is resolved once, then a file that is
// not a symlink is its folder's form plus its name (on Linux; where file systems may ignore letter
// case, an existing file is resolved whole, as comparablePath does, for its on-disk name).
class ComparablePaths
{
public:
    QString of(const QString &path);

private:
    QHash<QString, QString> m_folders; // folder as given -> comparable form
};

} // namespace pq::OutputNaming
