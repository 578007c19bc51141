#include "AppIdentity.h"

#include <QCoreApplication>

namespace pq {
void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("PixQueue"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("pixqueue.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("PixQueue"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PIXQUEUE_VERSION));
}
} // namespace pq
