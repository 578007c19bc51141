#include "Catalogues.h"

#include <QCoreApplication>
#include <QTranslator>
#include <memory>
#include <vector>

namespace pq {

QLocale installCatalogues(const QString &language, const QList<Catalogue> &catalogues)
{
    static std::vector<std::unique_ptr<QTranslator>> installed;
    for (const auto &translator : installed)
        QCoreApplication::removeTranslator(translator.get());
    installed.clear();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    for (const Catalogue &catalogue : catalogues) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(locale, catalogue.name, QStringLiteral("_"), catalogue.folder) &&
            QCoreApplication::installTranslator(translator.get()))
            installed.push_back(std::move(translator));
    }
    return locale;
}

} // namespace pq
