#include "CredentialStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace pq::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote", text);
}

// Runs a keychain job to its end in the calling thread; false when the keychain did not answer
// within two minutes (an unlock prompt nobody answers). The job is owned by the caller (no
// auto-delete), so it cannot outlive the call.
bool runToEnd(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(std::chrono::minutes(2), &loop, &QEventLoop::quit);
    job.start();
    // Some back ends report failures from start() itself, before any event loop runs.
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return finished;
}

RemoteError keychainTimeout(const QString &what)
{
    return RemoteError{ErrorKind::Transient, QStringLiteral("keychain"),
                       tr("%1: the keychain did not answer").arg(what), 0};
}

RemoteError keychainError(const QString &what, const QKeychain::Job &job)
{
    RemoteError error;
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        error.code = QStringLiteral("not-found");
        error.kind = ErrorKind::Permanent;
        break;
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        // e.g. a locked keyring or a Secret Service that is starting: may work later.
        error.code = QStringLiteral("keychain");
        error.kind = ErrorKind::Transient;
        break;
    default:
        // No backend, access denied, not implemented: the user has to act.
        error.code = QStringLiteral("keychain");
        error.kind = ErrorKind::Permanent;
        break;
    }
    // QtKeychain's text describes the keychain's failure (D-Bus errors, "No keychain service
    // available"); it never contains the secret we passed.
    error.message = tr("%1: %2 (keychain error %3)")
                        .arg(what, job.errorString())
                        .arg(static_cast<int>(job.error()));
    return error;
}

} // namespace

CredentialStore::CredentialStore(QString service)
    : m_service(std::move(service))
{}

QString CredentialStore::keyFor(const QString &provider)
{
    return QStringLiteral("offload/") + provider.toLower();
}

RemoteStatus CredentialStore::store(const QString &provider,
                                    const StoredCredentials &credentials) const
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(keyFor(provider));
    job.setBinaryData(encodeValue(credentials));
    const QString what = tr("cannot save the %1 credentials in the keychain").arg(provider);
    if (!runToEnd(job))
        return keychainTimeout(what);
    if (job.error() != QKeychain::NoError)
        return keychainError(what, job);
    return std::nullopt;
}

RemoteResult<StoredCredentials> CredentialStore::read(const QString &provider) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(keyFor(provider));
    const QString what = tr("cannot read the %1 credentials from the keychain").arg(provider);
    if (!runToEnd(job))
        return keychainTimeout(what);
    if (job.error() != QKeychain::NoError) {
        if (job.error() == QKeychain::EntryNotFound) {
            return RemoteError{ErrorKind::Permanent, QStringLiteral("not-found"),
                               tr("no %1 credentials are saved in the keychain").arg(provider), 0};
        }
        return keychainError(what, job);
    }
    return decodeValue(job.binaryData(), provider);
}

QByteArray CredentialStore::encodeValue(const StoredCredentials &credentials)
{
    return QJsonDocument(QJsonObject{
                             {QStringLiteral("accessKeyId"), credentials.accessKeyId},
                             {QStringLiteral("secretAccessKey"), credentials.secretAccessKey},
                         })
        .toJson(QJsonDocument::Compact);
}

RemoteResult<StoredCredentials> CredentialStore::decodeValue(const QByteArray &bytes,
                                                             const QString &provider)
{
    const QJsonObject value = QJsonDocument::fromJson(bytes).object();
    StoredCredentials credentials{value.value(QLatin1String("accessKeyId")).toString(),
                                  value.value(QLatin1String("secretAccessKey")).toString()};
    if (credentials.accessKeyId.isEmpty() || credentials.secretAccessKey.isEmpty()) {
        return RemoteError{
            ErrorKind::Permanent, QStringLiteral("keychain"),
            tr("the %1 credentials in the keychain are incomplete; save them again").arg(provider),
            0};
    }
    return credentials;
}

RemoteStatus CredentialStore::remove(const QString &provider) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(keyFor(provider));
    const QString what = tr("cannot delete the %1 credentials from the keychain").arg(provider);
    if (!runToEnd(job))
        return keychainTimeout(what);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(what, job);
    return std::nullopt;
}

} // namespace pq::remote
