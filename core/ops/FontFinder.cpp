#include "FontFinder.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QtEndian>
#include <algorithm>
#include <mutex>

namespace pq::fonts {

namespace {

bool isFontFile(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    return s == QLatin1String("ttf") || s == QLatin1String("otf") || s == QLatin1String("ttc");
}

// Style words that name the regular face: "DejaVu Sans" means DejaVuSans.ttf, "Noto Sans" means
// NotoSans-Regular.ttf, and the 'name' table calls DejaVu's regular face "Book".
const char *const regularStyles[] = {"regular", "book", "normal", "roman", "plain"};

QString withoutRegularStyle(const QString &normalised)
{
    for (const char *style : regularStyles) {
        const QLatin1String s(style);
        if (normalised.size() > s.size() && normalised.endsWith(s))
            return normalised.left(normalised.size() - s.size());
    }
    return {};
}

bool isRegularStyle(const QString &normalisedStyle)
{
    if (normalisedStyle.isEmpty())
        return true;
    for (const char *style : regularStyles)
        if (normalisedStyle == QLatin1String(style))
            return true;
    return false;
}

// The names stored in an OpenType/TrueType font's 'name' table (OpenType spec, "name" table):
// family (ID 1), subfamily (2), full name (4), typographic family (16) and subfamily (17).
// Only the table directory and the name table are read. For a collection (.ttc), the first font.
QHash<int, QString> readNameTable(const QString &path)
{
    QHash<int, QString> names;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return names;
    auto be16 = [](const QByteArray &b, qsizetype at) {
        return at + 2 <= b.size() ? qFromBigEndian<quint16>(b.constData() + at) : quint16(0);
    };
    auto be32 = [](const QByteArray &b, qsizetype at) {
        return at + 4 <= b.size() ? qFromBigEndian<quint32>(b.constData() + at) : quint32(0);
    };
    QByteArray head = f.read(12);
    qint64 fontStart = 0;
    if (head.startsWith("ttcf")) {
        // header: 'ttcf', version, numFonts, then the offset of each font; we are at offset[0]
        fontStart = be32(f.read(4), 0);
        if (!f.seek(fontStart))
            return names;
        head = f.read(12);
    }
    const quint16 numTables = be16(head, 4);
    if (head.size() < 12 || numTables == 0 || numTables > 512)
        return names;
    const QByteArray dir = f.read(qint64(numTables) * 16);
    quint32 nameOffset = 0;
    quint32 nameLength = 0;
    for (int i = 0; i < numTables; ++i) {
        if (dir.mid(i * 16, 4) == "name") {
            nameOffset = be32(dir, i * 16 + 8);
            nameLength = be32(dir, i * 16 + 12);
        }
    }
    if (nameOffset == 0 || nameLength < 6 || nameLength > (1u << 20) || !f.seek(nameOffset))
        return names;
    const QByteArray table = f.read(nameLength);
    const quint16 count = be16(table, 2);
    const quint16 stringOffset = be16(table, 4);
    // Prefer Windows/Unicode English (3, 1 or 10, 0x409); Macintosh Roman (1, 0) otherwise.
    QHash<int, int> rankOf;
    for (int i = 0; i < count; ++i) {
        const qsizetype r = 6 + qsizetype(i) * 12;
        if (r + 12 > table.size())
            break;
        const quint16 platform = be16(table, r);
        const quint16 encoding = be16(table, r + 2);
        const quint16 language = be16(table, r + 4);
        const quint16 nameId = be16(table, r + 6);
        const quint16 length = be16(table, r + 8);
        const qsizetype at = qsizetype(stringOffset) + be16(table, r + 10);
        if (nameId != 1 && nameId != 2 && nameId != 4 && nameId != 16 && nameId != 17)
            continue;
        if (at + length > table.size())
            continue;
        QString text;
        int rank = 0;
        if (platform == 3 && (encoding == 1 || encoding == 10)) {
            QString s;
            for (qsizetype k = 0; k + 1 < length; k += 2)
                s.append(QChar(be16(table, at + k)));
            text = s;
            rank = language == 0x409 ? 3 : 2;
        } else if (platform == 1 && encoding == 0) {
            text = QString::fromLatin1(table.constData() + at, length);
            rank = 1;
        } else if (platform == 0) {
            QString s;
            for (qsizetype k = 0; k + 1 < length; k += 2)
                s.append(QChar(be16(table, at + k)));
            text = s;
            rank = 2;
        }
        if (rank > rankOf.value(nameId, 0) && !text.isEmpty()) {
            rankOf.insert(nameId, rank);
            names.insert(nameId, text);
        }
    }
    return names;
}

// Which of two files should answer a name: a plain .ttf/.otf before a collection, then the
// shorter path (a font's main folder before a "legacy" or "extra" subfolder), then the first.
bool better(const QString &candidate, const QString &current)
{
    const bool candTtc = candidate.endsWith(QLatin1String(".ttc"), Qt::CaseInsensitive);
    const bool currTtc = current.endsWith(QLatin1String(".ttc"), Qt::CaseInsensitive);
    if (candTtc != currTtc)
        return !candTtc;
    if (candidate.size() != current.size())
        return candidate.size() < current.size();
    return candidate < current;
}

void offer(QHash<QString, QString> &index, const QString &key, const QString &path)
{
    if (key.isEmpty())
        return;
    auto it = index.find(key);
    if (it == index.end())
        index.insert(key, path);
    else if (better(path, *it))
        *it = path;
}

class FontIndex
{
public:
    std::optional<QString> find(const QString &normalised)
    {
        const std::lock_guard lock(m_mutex);
        if (!m_scanned.isValid())
            scan();
        if (auto hit = lookup(normalised))
            return hit;
        // A font installed since the last scan: look again, but not on every miss of a batch.
        if (m_scanned.secsTo(QDateTime::currentDateTimeUtc()) >= 5) {
            scan();
            return lookup(normalised);
        }
        return std::nullopt;
    }

private:
    std::optional<QString> lookup(const QString &key)
    {
        if (auto it = m_byFileName.constFind(key); it != m_byFileName.cend())
            return *it;
        if (!m_internalNamesRead)
            readInternalNames();
        if (auto it = m_byInternalName.constFind(key); it != m_byInternalName.cend())
            return *it;
        return std::nullopt;
    }

    void scan()
    {
        m_files.clear();
        m_byFileName.clear();
        m_byInternalName.clear();
        m_internalNamesRead = false;
        for (const QString &folder : fontFolders()) {
            QDirIterator it(folder, QDir::Files | QDir::Readable,
                            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext()) {
                const QString path = it.next();
                if (isFontFile(path))
                    m_files.append(path);
            }
        }
        std::sort(m_files.begin(), m_files.end());
        for (const QString &path : std::as_const(m_files)) {
            const QString base = normalisedFontName(QFileInfo(path).completeBaseName());
            offer(m_byFileName, base, path);
            offer(m_byFileName, withoutRegularStyle(base), path);
        }
        m_scanned = QDateTime::currentDateTimeUtc();
    }

    void readInternalNames()
    {
        for (const QString &path : std::as_const(m_files)) {
            const QHash<int, QString> names = readNameTable(path);
            offer(m_byInternalName, normalisedFontName(names.value(4)), path);
            for (const auto &[familyId, styleId] : {std::pair{1, 2}, std::pair{16, 17}}) {
                const QString family = normalisedFontName(names.value(familyId));
                const QString style = normalisedFontName(names.value(styleId));
                if (family.isEmpty())
                    continue;
                offer(m_byInternalName, family + style, path);
                if (isRegularStyle(style))
                    offer(m_byInternalName, family, path);
            }
        }
        m_internalNamesRead = true;
    }

    std::mutex m_mutex;
    QDateTime m_scanned;
    QStringList m_files;
    QHash<QString, QString> m_byFileName;
    QHash<QString, QString> m_byInternalName;
    bool m_internalNamesRead = false;
};

FontIndex &fontIndex()
{
    static FontIndex index;
    return index;
}

} // namespace

QString normalisedFontName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name)
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    return out;
}

QStringList fontFolders()
{
    QStringList folders;
    const QString home = QDir::homePath();
#if defined(Q_OS_WIN)
    const QString windir = qEnvironmentVariable("WINDIR", QStringLiteral("C:\\Windows"));
    folders << QDir::fromNativeSeparators(windir) + QStringLiteral("/Fonts");
    const QString local = qEnvironmentVariable("LOCALAPPDATA");
    if (!local.isEmpty())
        folders << QDir::fromNativeSeparators(local) + QStringLiteral("/Microsoft/Windows/Fonts");
#elif defined(Q_OS_MACOS)
    folders << QStringLiteral("/System/Library/Fonts") << QStringLiteral("/Library/Fonts")
            << home + QStringLiteral("/Library/Fonts");
#else
    folders << QStringLiteral("/usr/share/fonts") << QStringLiteral("/usr/local/share/fonts")
            << home + QStringLiteral("/.local/share/fonts") << home + QStringLiteral("/.fonts");
    for (const QString &dir :
         qEnvironmentVariable("XDG_DATA_DIRS").split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        const QString f = QDir::cleanPath(dir + QStringLiteral("/fonts"));
        if (!folders.contains(f))
            folders << f;
    }
#endif
    return folders;
}

std::optional<QString> findFontFile(const QString &familyOrPath)
{
    const QString request = familyOrPath.trimmed();
    if (request.isEmpty())
        return std::nullopt;
    const bool hasFolder =
        request.contains(QLatin1Char('/')) || request.contains(QLatin1Char('\\'));
    if (hasFolder || isFontFile(request)) {
        const QFileInfo file(QDir::fromNativeSeparators(request));
        if (file.isFile())
            return file.absoluteFilePath();
        if (hasFolder)
            return std::nullopt;
        // "DejaVuSans.ttf" without a folder: the file of that name in the font folders.
        return fontIndex().find(normalisedFontName(file.completeBaseName()));
    }
    return fontIndex().find(normalisedFontName(request));
}

} // namespace pq::fonts
