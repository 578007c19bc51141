// Recipe JSON (preset files, --recipe FILE.json, job snapshots, offload requests): parsed and
// validated against every operation's ParamSpecs by Recipe::fromJsonBytes.
//
// Invariants: no crash, leak or UB; an accepted recipe's own JSON (what a job stores and a remote
// worker parses) is accepted again and is then stable; its output suffix is a plain extension;
// a naming template it carries that passes validation yields safe file names.

#include "FuzzSupport.h"
#include "jobs/OutputNaming.h"
#include "ops/Recipe.h"

using namespace pq;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    Recipe recipe;
    if (Recipe::fromJsonBytes(input, &recipe))
        return 0; // refused with a message: fine

    const QByteArray canonical = recipe.toJsonBytes();
    Recipe again;
    if (auto error = Recipe::fromJsonBytes(canonical, &again))
        fuzz::fail("an accepted recipe's own JSON is refused",
                   *error + QLatin1String(": ") + QString::fromUtf8(canonical));
    if (again.toJsonBytes() != canonical)
        fuzz::fail("a recipe's JSON changes on a second round trip",
                   QString::fromUtf8(canonical) + QLatin1String(" -> ") +
                       QString::fromUtf8(again.toJsonBytes()));

    static const QRegularExpression plainSuffix(QStringLiteral("^[a-z0-9]{1,8}$"));
    for (const char *in : {"jpg", "png", "heic", "", "../x"}) {
        const QString suffix = recipe.outputSuffix(QString::fromLatin1(in));
        if (!plainSuffix.match(suffix).hasMatch())
            fuzz::fail("output suffix is not a plain extension", suffix);
    }

    if (!recipe.naming.isEmpty() && !OutputNaming::validateTemplate(recipe.naming)) {
        const QString name = OutputNaming::fileName(recipe.naming, QStringLiteral("/in/photo.jpg"),
                                                    recipe.name, 1, recipe.outputSuffix("jpg"));
        fuzz::checkInsideFolder(QStringLiteral("/out"), name, "recipe naming template");
    }
    return 0;
}
