#include "Operation.h"

namespace pq {

QString errorKindName(ErrorKind kind)
{
    return kind == ErrorKind::Transient ? QStringLiteral("transient") : QStringLiteral("permanent");
}

} // namespace pq
