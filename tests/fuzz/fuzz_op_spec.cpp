// The CLI's `--op name:key=value,key=value` specs (OperationRegistry::parseSpec, with '\,' and
// '\\' escapes), then Recipe::fromSpecs as `pixqueue-cli add --op ...` uses them.
//
// Input: one spec per line (at most 8 lines).
//
// Invariants: no crash, leak or UB; parsing an accepted spec written back with escapes gives the
// same values; a recipe made from specs survives its JSON round trip (the job snapshot a worker
// parses later); rectangle parameters parse into rectangles whose far corner fits in an int.

#include "FuzzSupport.h"
#include "ops/OperationRegistry.h"
#include "ops/ParamValues.h"
#include "ops/Recipe.h"

#include <limits>

using namespace pq;

namespace {

QString escaped(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char(','), QLatin1String("\\,"));
    return out;
}

void checkRects(const Operation &op, const Params &params)
{
    for (const ParamSpec &spec : op.params()) {
        if (spec.type != ParamType::Rect)
            continue;
        const QString text = params.value(spec.name).toString();
        const auto rects = parseRects(text);
        if (!rects)
            fuzz::fail("an accepted rectangle list does not parse", text);
        for (const cv::Rect &r : *rects) {
            if (r.x < 0 || r.y < 0 || r.width <= 0 || r.height <= 0 ||
                qint64(r.x) + r.width > std::numeric_limits<int>::max() ||
                qint64(r.y) + r.height > std::numeric_limits<int>::max())
                fuzz::fail("a parsed rectangle is negative or overflows int", text);
        }
        if (parseRects(formatRects(*rects)) != rects)
            fuzz::fail("rectangles change when written back", text);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto &registry = OperationRegistry::instance();
    QStringList specs = QString::fromUtf8(fuzz::bytes(data, size)).split(QLatin1Char('\n'));
    if (specs.size() > 8)
        return 0;

    for (const QString &spec : std::as_const(specs)) {
        const Operation *op = nullptr;
        QVariantMap given;
        if (registry.parseSpec(spec, &op, &given))
            continue;
        if (!op)
            fuzz::fail("parseSpec accepted a spec without naming an operation", spec);
        Params params;
        if (registry.completeParams(*op, given, &params))
            continue;
        checkRects(*op, params);

        // Written back with escapes, the same values come out.
        QStringList pairs;
        for (auto it = given.cbegin(); it != given.cend(); ++it)
            pairs << escaped(it.key()) + QLatin1Char('=') + escaped(it.value().toString());
        const QString written = op->id() + QLatin1Char(':') + pairs.join(QLatin1Char(','));
        const Operation *op2 = nullptr;
        QVariantMap given2;
        if (auto error = registry.parseSpec(written, &op2, &given2))
            fuzz::fail("a written-back spec is refused", written + QLatin1String(": ") + *error);
        if (op2 != op || given2 != given)
            fuzz::fail("a written-back spec parses differently",
                       spec + QLatin1String(" -> ") + written);
    }

    Recipe recipe;
    if (Recipe::fromSpecs(specs, &recipe))
        return 0;
    const QByteArray json = recipe.toJsonBytes();
    Recipe again;
    if (auto error = Recipe::fromJsonBytes(json, &again))
        fuzz::fail("a recipe made from --op specs is refused as JSON",
                   *error + QLatin1String(": ") + QString::fromUtf8(json));
    if (again.toJsonBytes() != json)
        fuzz::fail("a recipe made from --op specs changes in its JSON round trip",
                   QString::fromUtf8(json));
    return 0;
}
