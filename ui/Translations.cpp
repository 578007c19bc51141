#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>
#include <memory>

namespace pq::ui {

namespace {
std::unique_ptr<QTranslator> &appTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
std::unique_ptr<QTranslator> &coreTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
std::unique_ptr<QTranslator> &qtTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
} // namespace

QLocale installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    for (auto *slot : {&appTranslator(), &coreTranslator(), &qtTranslator()}) {
        if (*slot)
            QCoreApplication::removeTranslator(slot->get());
        slot->reset();
    }
    auto app = std::make_unique<QTranslator>();
    if (app->load(locale, QStringLiteral("pixqueue"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")) &&
        QCoreApplication::installTranslator(app.get()))
        appTranslator() = std::move(app);
    // The core's catalogue: operation titles, parameter forms, error messages.
    auto core = std::make_unique<QTranslator>();
    if (core->load(locale, QStringLiteral("pixqueue_core"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")) &&
        QCoreApplication::installTranslator(core.get()))
        coreTranslator() = std::move(core);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt.get()))
        qtTranslator() = std::move(qt);
    return locale;
}

QList<QPair<QString, QString>> availableLanguages()
{
    // Native names, not translated: a user who cannot read the current language finds their own.
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

} // namespace pq::ui
