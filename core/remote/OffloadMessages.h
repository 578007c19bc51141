#pragma once
// The messages between the desktop (producer) and remote workers, as versioned JSON.
//
// Request (request queue, producer -> worker):
//   {"type": "pixqueue.offload.request", "version": 1, "job": 42, "attempt": 1,
//    "origin": "<producer id>",
//    "recipe": {...recipe JSON...}, "input": "<pre-signed GET URL>",
//    "output": "<pre-signed PUT URL>", "outputContentType": "image/jpeg", "outputSuffix": "jpg"}
// Response (response queue, worker -> producer):
//   {"type": "pixqueue.offload.response", "version": 1, "job": 42, "attempt": 1,
//    "origin": "<producer id>", "status": "done" | "failed" | "retrying",
//    "errorKind": "permanent", "errorCode": "recipe",
//    "error": "<human readable>", "outputSize": 12345, "worker": "<worker name>"}
//
// "retrying" tells the producer why a worker gave a request back to the queue (a transient
// failure); the request is received again, by this or another worker, or moves to the
// dead-letter queue when it was received too often. `attempt` is the producer's attempt number:
// it names the output object, so a late answer to an earlier attempt still finds its output.
//
// A message never carries a credential: the worker reads and writes the images only through the
// pre-signed URLs, and validation accepts those only when they point at the configured storage
// (same scheme, host and port) and carry no user name or password.
//
// Plain values; any thread.

#include "RemoteTypes.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <optional>

namespace pq::remote {

constexpr qsizetype kMaxOffloadMessageBytes = 256 * 1024; // the queues' own limit

struct OffloadRequest
{
    static constexpr int CurrentVersion = 1;

    int version = CurrentVersion;
    qint64 jobId = 0;
    int attempt = 1;
    QString originId;      // which producer sent it (for the producer's own bookkeeping)
    QByteArray recipeJson; // compact recipe JSON (Recipe::toJsonBytes)
    QUrl inputUrl;         // pre-signed GET
    QUrl outputUrl;        // pre-signed PUT
    QString outputContentType;
    QString outputSuffix; // without the dot: "jpg", "png", "webp", ...

    QByteArray toJsonBytes() const; // compact
};

// Why a request was not accepted. `jobId`/`originId` are filled in when the message got far
// enough to name them, so the worker can still answer.
struct OffloadRejection
{
    QString code;    // "too-large", "not-json", "schema", "version", "recipe", "url"
    QString message; // human readable, translated
    qint64 jobId = 0;
    QString originId;
};

// Parses and validates a request. `storageEndpoint` is the storage the worker was configured
// with; both URLs must have its scheme, host and port.
std::optional<OffloadRejection>
parseOffloadRequest(const QByteArray &body, const QUrl &storageEndpoint, OffloadRequest *out);

// The file names a worker gives an accepted request's input and output inside its temporary
// folder: "input.jpg" when the input URL's file name has a plain suffix (else "input"), and
// "output.<outputSuffix>". Never a path: no separator, no "..", whatever the message says.
QString workerInputFileName(const QUrl &inputUrl);
QString workerOutputFileName(const OffloadRequest &request);

// Empty when `url` has the scheme, host and port of `storageEndpoint` and no user info.
std::optional<QString> checkStorageUrl(const QUrl &url, const QUrl &storageEndpoint);

struct OffloadResponse
{
    static constexpr int CurrentVersion = 1;

    enum class Status
    {
        Done,
        Failed,
        Retrying
    };

    int version = CurrentVersion;
    qint64 jobId = 0;
    int attempt = 1;
    QString originId;
    Status status = Status::Done;
    ErrorKind errorKind = ErrorKind::Permanent; // Failed and Retrying
    QString errorCode;     // Failed and Retrying: see OffloadRejection, "job", "storage", ...
    QString errorMessage;  // Failed and Retrying
    qint64 outputSize = 0; // Done only
    QString workerName;

    QByteArray toJsonBytes() const; // compact
};

std::optional<QString> parseOffloadResponse(const QByteArray &body, OffloadResponse *out);

} // namespace pq::remote
