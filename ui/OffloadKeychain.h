#pragma once
// The window's access to the offload credentials in the OS keychain: the entries
// remote::CredentialStore keeps (same service, key and value format, so the CLI's and the
// window's credentials are one), but asynchronous, for the GUI thread.
//
// Why not CredentialStore from a QtConcurrent task: its calls block in a local event loop until
// QtKeychain's job finishes, and with QtKeychain's libsecret back end (Linux) the job's callbacks
// run in the main thread's GLib context whatever thread started it: the job then finishes in the
// GUI thread while the worker destroys it (a use-after-free seen in test_offload_window).
// QtKeychain jobs are asynchronous by design, so the window starts them in the GUI thread and gets
// the answer there, and the GUI thread never waits for the keychain.
//
// Threads: GUI thread only. `done` is called in the GUI thread, and not at all when `context` is
// destroyed first.

#include "remote/CredentialStore.h"

#include <QObject>
#include <functional>

namespace pq::ui {

// The keychain service of the window's entries: "PixQueue". Tests choose a service of their own,
// so they never read or overwrite a user's saved credentials.
QString offloadCredentialService();
void setOffloadCredentialService(const QString &service);

using CredentialsRead =
    std::function<void(const remote::RemoteResult<remote::StoredCredentials> &)>;
using CredentialsWritten = std::function<void(const remote::RemoteStatus &)>;

// Errors as CredentialStore reports them: code "not-found" when nothing is saved for `provider`.
void readOffloadCredentials(const QString &provider, QObject *context, CredentialsRead done);
void storeOffloadCredentials(const QString &provider, const remote::StoredCredentials &credentials,
                             QObject *context, CredentialsWritten done);
// Removing credentials that are not there succeeds.
void removeOffloadCredentials(const QString &provider, QObject *context, CredentialsWritten done);

} // namespace pq::ui
