#pragma once
// Expands what the user gave (files and folders) into job inputs. Any thread; no shared state.
//
// Folders are walked recursively; only files with a readable image extension are taken, the
// others are counted as skipped with the reason. Symlink loops are walked once. A folder that
// cannot be read, and a file that does not exist, still become inputs so that their jobs fail with
// a clear message instead of disappearing silently.

#include "JobTypes.h"

#include <QMap>

namespace pq {

struct ScanResult
{
    QList<EnqueueInput> inputs;
    QMap<QString, int> skipped; // reason -> count
};

ScanResult scanInputs(const QStringList &paths);

} // namespace pq
