#pragma once
// "Identical work is not done twice": a job's work key names what its output depends on, so a
// job whose key matches a finished job's can copy that output instead of recomputing it.
//
// The key covers: the PixQueue version (algorithms change between versions), the recipe in
// canonical form (enabled steps with their complete parameters and the output settings; not the
// recipe's name or naming template, which do not change pixels), the output file type, the input
// file's size and XXH3-128 content hash, and for every file a parameter refers to (watermark
// image, colour reference, model folder) its path, size and modification time. XXH3 is not a
// cryptographic hash; it is used because inputs are the user's own files (no adversary crafts
// collisions in a local queue) and it runs at memory speed, so fingerprinting every input costs
// ~1 ms next to a decode of tens of milliseconds.

#include <QByteArray>
#include <QString>
#include <optional>

namespace pq {

struct WorkKey
{
    QString key;       // the work key stored in jobs.work_key
    QString inputHash; // "xxh3-128:<hex>" of the input file, stored in jobs.input_hash
};

// Nullopt when the input or the recipe cannot be read (the job then runs normally and reports
// that error itself) or when a step's operation is not reusable (Operation::reusable).
std::optional<WorkKey> workKeyFor(const QString &inputPath, const QByteArray &recipeJson,
                                  const QString &outputSuffix);

// XXH3-128 of a file's content as "xxh3-128:<32 hex digits>", read in 1 MiB pieces.
std::optional<QString> fileContentHash(const QString &path, qint64 *size = nullptr);

} // namespace pq
