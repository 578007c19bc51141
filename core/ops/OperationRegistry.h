#pragma once
// All operations by id. Built once (thread-safe static), read-only afterwards: any thread.

#include "Operation.h"

#include <QJsonArray>
#include <QMap>

#include <memory>
#include <vector>

namespace pq {

class OperationRegistry
{
public:
    static const OperationRegistry &instance();

    const Operation *find(const QString &id) const;
    QList<const Operation *> all() const; // sorted by id

    // Fills in defaults and validates each given value against the specs (strings from the CLI,
    // JSON values or typed values). On failure returns the message naming the op, the parameter
    // and the allowed range; unknown parameter names are errors.
    std::optional<QString> completeParams(const Operation &op, const QVariantMap &given,
                                          Params *out) const;

    // Parses "name:key=value,key=value" (the CLI's --op).
    std::optional<QString> parseSpec(const QString &spec, const Operation **op,
                                     QVariantMap *given) const;

    QJsonArray describe() const; // `pixqueue-cli ops --json`

private:
    OperationRegistry();
    void add(std::unique_ptr<Operation> op);
    std::vector<std::unique_ptr<Operation>> m_ops;
    QMap<QString, const Operation *> m_byId;
};

} // namespace pq
