#pragma once
// The desktop's offload credentials (access key id + secret per provider) in the operating
// system's keychain through QtKeychain: Secret Service (GNOME Keyring, KWallet) on Linux, the
// Keychain on macOS, the Credential Manager on Windows. Never in QSettings, the job database or
// logs; error messages name the provider, never the secret.
//
// Entries: service "PixQueue", key "offload/<provider>" (e.g. "offload/sqs"), the value a small
// JSON object {"accessKeyId", "secretAccessKey"} so both halves are stored and read together.
//
// Threads: the main thread (or one thread for the process's lifetime). Each call blocks until the
// keychain answered, running a local QEventLoop (the keychain jobs talk D-Bus asynchronously). Do
// not call it from short-lived worker threads: QtKeychain's libsecret back end finishes its
// callbacks in the main thread and would touch a job that the worker already destroyed. The
// window therefore runs QtKeychain's asynchronous jobs itself (ui/OffloadKeychain), with
// encodeValue/decodeValue for the entry format; the CLI and tests use this class.

#include "RemoteTypes.h"

#include <QCoreApplication>
#include <QString>

namespace pq::remote {

struct StoredCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
};

class CredentialStore
{
    // The context lupdate gives the messages of the member functions.
    Q_DECLARE_TR_FUNCTIONS(pq::remote::CredentialStore)

public:
    explicit CredentialStore(QString service = QStringLiteral("PixQueue"));

    QString service() const { return m_service; }
    static QString keyFor(const QString &provider); // "offload/<provider>"
    // The entry's value ({"accessKeyId", "secretAccessKey"} as compact JSON), for callers that
    // run QtKeychain's jobs themselves (the window, asynchronously).
    static QByteArray encodeValue(const StoredCredentials &credentials);
    // A permanent "keychain" error when either half is missing.
    static RemoteResult<StoredCredentials> decodeValue(const QByteArray &value,
                                                       const QString &provider);

    RemoteStatus store(const QString &provider, const StoredCredentials &credentials) const;
    // No entry for the provider: a permanent error with code "not-found".
    RemoteResult<StoredCredentials> read(const QString &provider) const;
    // Deleting credentials that are not there succeeds.
    RemoteStatus remove(const QString &provider) const;

private:
    QString m_service;
};

} // namespace pq::remote
