#pragma once
// The application's name and organisation: they decide QStandardPaths and QSettings locations, so
// the window, the CLI and the remote worker must set the same ones to share the default database.

namespace pq {
void setApplicationIdentity(); // call right after constructing Q(Core)Application
}
