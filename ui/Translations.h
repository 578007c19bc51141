#pragma once
// Loads the window's and the core's translations (embedded under ":/i18n") and Qt's own (standard
// dialogs) for the system locale or the language chosen in the settings. GUI thread, before
// building widgets.

#include <QList>
#include <QLocale>
#include <QPair>
#include <QString>

namespace pq::ui {

// `language` empty: the system locale. Returns the locale that was used. Replaces translators
// installed by an earlier call.
QLocale installTranslations(const QString &language);
// The languages the window is translated into: locale name -> native name.
QList<QPair<QString, QString>> availableLanguages();

} // namespace pq::ui
