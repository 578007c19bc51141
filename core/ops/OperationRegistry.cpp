#include "OperationRegistry.h"

#include "AllOperations.h"

#include <QJsonObject>

namespace pq {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("pq::OperationRegistry", text);
}
} // namespace

namespace {
struct Registration
{
    OperationFactory factory;
    bool testOnly;
};
// Filled by the static OperationRegistrar objects of the operation files, before main().
std::vector<Registration> &registrations()
{
    static std::vector<Registration> list;
    return list;
}
} // namespace

OperationRegistrar::OperationRegistrar(OperationFactory factory, bool testOnly)
{
    registrations().push_back({factory, testOnly});
}

const OperationRegistry &OperationRegistry::instance()
{
    static const OperationRegistry registry;
    return registry;
}

OperationRegistry::OperationRegistry()
{
    const bool withTestOps = qEnvironmentVariableIntValue("PIXQUEUE_ENABLE_TEST_OPS") == 1;
    for (const Registration &r : registrations())
        if (!r.testOnly || withTestOps)
            add(r.factory());
}

void OperationRegistry::add(std::unique_ptr<Operation> op)
{
    m_byId.insert(op->id(), op.get());
    m_ops.push_back(std::move(op));
}

const Operation *OperationRegistry::find(const QString &id) const
{
    return m_byId.value(id, nullptr);
}

QList<const Operation *> OperationRegistry::all() const
{
    return m_byId.values();
}

std::optional<QString>
OperationRegistry::completeParams(const Operation &op, const QVariantMap &given, Params *out) const
{
    Params result;
    const QList<ParamSpec> specs = op.params();
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        const bool known = std::any_of(specs.cbegin(), specs.cend(),
                                       [&](const ParamSpec &s) { return s.name == it.key(); });
        if (!known) {
            QStringList names;
            for (const ParamSpec &s : specs)
                names << s.name;
            return tr("operation '%1' has no parameter '%2' (parameters: %3)")
                .arg(op.id(), it.key(),
                     names.isEmpty() ? tr("none") : names.join(QLatin1String(", ")));
        }
    }
    for (const ParamSpec &spec : specs) {
        if (!given.contains(spec.name)) {
            result.insert(spec.name, spec.defaultValue);
            continue;
        }
        QVariant value;
        if (auto err = spec.coerce(given.value(spec.name), &value))
            return tr("operation '%1': %2").arg(op.id(), *err);
        result.insert(spec.name, value);
    }
    if (auto err = op.validate(result))
        return tr("operation '%1': %2").arg(op.id(), *err);
    *out = result;
    return std::nullopt;
}

std::optional<QString> OperationRegistry::parseSpec(const QString &spec, const Operation **op,
                                                    QVariantMap *given) const
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString id = (colon < 0 ? spec : spec.left(colon)).trimmed();
    const Operation *found = find(id);
    if (!found) {
        QStringList ids;
        for (const Operation *o : all())
            ids << o->id();
        return tr("unknown operation '%1' (known: %2)").arg(id, ids.join(QLatin1String(", ")));
    }
    QVariantMap values;
    if (colon >= 0) {
        // Pairs are separated by ','; a value that contains a comma writes it as '\,' (and a
        // backslash as '\\'), e.g. watermark-text:text=Smith\, 2026.
        QStringList pairs;
        QString current;
        const QString rest = spec.mid(colon + 1);
        for (qsizetype i = 0; i < rest.size(); ++i) {
            const QChar c = rest.at(i);
            if (c == QLatin1Char('\\') && i + 1 < rest.size() &&
                (rest.at(i + 1) == QLatin1Char(',') || rest.at(i + 1) == QLatin1Char('\\'))) {
                current += rest.at(++i);
            } else if (c == QLatin1Char(',')) {
                pairs << current;
                current.clear();
            } else {
                current += c;
            }
        }
        pairs << current;
        for (const QString &pair : std::as_const(pairs)) {
            if (pair.trimmed().isEmpty())
                continue;
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return tr("operation '%1': expected key=value, got '%2'").arg(id, pair);
            values.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
        }
    }
    *op = found;
    *given = values;
    return std::nullopt;
}

QJsonArray OperationRegistry::describe() const
{
    QJsonArray ops;
    for (const Operation *op : all()) {
        QJsonArray params;
        for (const ParamSpec &p : op->params())
            params.append(p.toJson());
        ops.append(QJsonObject{{QStringLiteral("id"), op->id()},
                               {QStringLiteral("title"), op->title()},
                               {QStringLiteral("description"), op->description()},
                               {QStringLiteral("params"), params}});
    }
    return ops;
}

} // namespace pq
