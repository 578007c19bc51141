#pragma once
// Installs the translation catalogues of one language, replacing those a previous call installed.
// The window (ui/Translations.cpp) and pixqueue-cli both use it, each with its own list.
// Main thread, before any text is shown.

#include <QList>
#include <QLocale>
#include <QString>

namespace pq {

struct Catalogue
{
    QString name;   // "pixqueue_core": loads name_<language>.qm
    QString folder; // ":/i18n" (embedded) or Qt's translations folder
};

// `language` "de", "zh_CN", "en", ...; empty: the system's. Returns the locale used. A catalogue
// missing for that language (English, or a build without LinguistTools) is skipped.
QLocale installCatalogues(const QString &language, const QList<Catalogue> &catalogues);

} // namespace pq
