#include "Translations.h"

#include "settings/Catalogues.h"

#include <QLibraryInfo>

namespace pq::ui {

QLocale installTranslations(const QString &language)
{
    // The window's, the core's (operation titles, parameter forms, error messages) and Qt's own
    // (standard buttons and dialogs).
    return installCatalogues(
        language, {{QStringLiteral("pixqueue"), QStringLiteral(":/i18n")},
                   {QStringLiteral("pixqueue_core"), QStringLiteral(":/i18n")},
                   {QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)}});
}

QList<QPair<QString, QString>> availableLanguages()
{
    // Native names, not translated: a user who cannot read the current language finds their own.
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

} // namespace pq::ui
