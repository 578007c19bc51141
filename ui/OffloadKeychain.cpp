#include "OffloadKeychain.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <qt6keychain/keychain.h>

namespace pq::ui {

using remote::CredentialStore;
using remote::RemoteError;
using remote::StoredCredentials;

namespace {

QString &service()
{
    static QString name = QStringLiteral("PixQueue");
    return name;
}

// The translation context of this file's messages.
class Keychain
{
    Q_DECLARE_TR_FUNCTIONS(OffloadKeychain)
};

// As CredentialStore classifies QtKeychain's errors.
RemoteError keychainError(const QString &what, const QKeychain::Job &job)
{
    RemoteError error;
    error.code = QStringLiteral("keychain");
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        error.code = QStringLiteral("not-found");
        error.kind = ErrorKind::Permanent;
        break;
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        error.kind = ErrorKind::Transient; // e.g. a locked keyring: may work later
        break;
    default:
        error.kind = ErrorKind::Permanent; // no back end, access denied: the user has to act
        break;
    }
    // QtKeychain's text describes the keychain's failure; it never contains the secret.
    error.message = Keychain::tr("%1: %2 (keychain error %3)")
                        .arg(what, job.errorString())
                        .arg(int(job.error()));
    return error;
}

} // namespace

QString offloadCredentialService()
{
    return service();
}

void setOffloadCredentialService(const QString &name)
{
    service() = name;
}

void readOffloadCredentials(const QString &provider, QObject *context, CredentialsRead done)
{
    auto *job = new QKeychain::ReadPasswordJob(service()); // deletes itself when finished
    job->setKey(CredentialStore::keyFor(provider));
    QObject::connect(job, &QKeychain::Job::finished, context, [job, provider, done] {
        if (job->error() == QKeychain::EntryNotFound) {
            done(RemoteError{
                ErrorKind::Permanent, QStringLiteral("not-found"),
                Keychain::tr("no %1 credentials are saved in the keychain").arg(provider), 0});
            return;
        }
        if (job->error() != QKeychain::NoError) {
            done(keychainError(
                Keychain::tr("cannot read the %1 credentials from the keychain").arg(provider),
                *job));
            return;
        }
        auto credentials = CredentialStore::decodeValue(job->binaryData(), provider);
        if (!credentials) {
            done(credentials.error());
            return;
        }
        done(credentials.value());
    });
    job->start();
}

void storeOffloadCredentials(const QString &provider, const StoredCredentials &credentials,
                             QObject *context, CredentialsWritten done)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setKey(CredentialStore::keyFor(provider));
    job->setBinaryData(CredentialStore::encodeValue(credentials)); // the same entry format
    QObject::connect(job, &QKeychain::Job::finished, context, [job, provider, done] {
        if (job->error() != QKeychain::NoError)
            done(keychainError(
                Keychain::tr("cannot save the %1 credentials in the keychain").arg(provider),
                *job));
        else
            done(std::nullopt);
    });
    job->start();
}

void removeOffloadCredentials(const QString &provider, QObject *context, CredentialsWritten done)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setKey(CredentialStore::keyFor(provider));
    QObject::connect(job, &QKeychain::Job::finished, context, [job, provider, done] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            done(keychainError(
                Keychain::tr("cannot delete the %1 credentials from the keychain").arg(provider),
                *job));
        else
            done(std::nullopt);
    });
    job->start();
}

} // namespace pq::ui
