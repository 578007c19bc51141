// Remote offload messages (core/remote/OffloadMessages): every input is parsed both as a request
// (what a worker receives) and as a response (what the desktop receives).
//
// Invariants: no crash, leak or UB; an accepted request has a job id, both URLs point at the
// configured storage (scheme, host, port, no user info), its recipe is valid, and the file names
// a worker derives from it for its temporary folder (input from the URL, output from the
// suffix) stay inside that folder; an accepted response names a job id >= 1 and an attempt in
// 1..1000000 (they name the output object the desktop downloads; the local output path comes from
// the local database only). Accepted messages survive their own JSON round trip.

#include "FuzzSupport.h"
#include "ops/Recipe.h"
#include "remote/OffloadMessages.h"

using namespace pq;
using namespace pq::remote;

namespace {

void checkRequest(const QByteArray &body, const QUrl &storage)
{
    OffloadRequest request;
    if (auto rejected = parseOffloadRequest(body, storage, &request)) {
        if (rejected->code.isEmpty() || rejected->message.isEmpty())
            fuzz::fail("a request is rejected without a code and a message");
        return;
    }
    if (request.jobId < 1 || request.attempt < 1 || request.attempt > 1000000)
        fuzz::fail("an accepted request has a bad job id or attempt",
                   QString::fromUtf8(body.left(500)));
    for (const QUrl &url : {request.inputUrl, request.outputUrl})
        if (checkStorageUrl(url, storage) || !url.userInfo().isEmpty())
            fuzz::fail("an accepted request's URL does not point at the storage", url.toString());
    Recipe recipe;
    if (auto error = Recipe::fromJsonBytes(request.recipeJson, &recipe))
        fuzz::fail("an accepted request's recipe is invalid", *error);

    const QString tempDir = QStringLiteral("/tmp/pixqueue-worker-XXXXXX");
    fuzz::checkInsideFolder(tempDir, workerInputFileName(request.inputUrl), "worker input file");
    fuzz::checkInsideFolder(tempDir, workerOutputFileName(request), "worker output file");

    OffloadRequest again;
    if (auto rejected = parseOffloadRequest(request.toJsonBytes(), storage, &again))
        fuzz::fail("an accepted request's own JSON is rejected", rejected->message);
    if (again.jobId != request.jobId || again.attempt != request.attempt ||
        again.originId != request.originId || again.outputSuffix != request.outputSuffix)
        fuzz::fail("a request changes in its JSON round trip");
}

void checkResponse(const QByteArray &body)
{
    OffloadResponse response;
    if (auto error = parseOffloadResponse(body, &response)) {
        if (error->isEmpty())
            fuzz::fail("a response is refused without a message");
        return;
    }
    if (response.jobId < 1 || response.attempt < 1 || response.attempt > 1000000)
        fuzz::fail("an accepted response has a bad job id or attempt",
                   QString::fromUtf8(body.left(500)));
    OffloadResponse again;
    if (auto error = parseOffloadResponse(response.toJsonBytes(), &again))
        fuzz::fail("an accepted response's own JSON is refused", *error);
    if (again.jobId != response.jobId || again.attempt != response.attempt ||
        again.status != response.status || again.originId != response.originId)
        fuzz::fail("a response changes in its JSON round trip");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    // The seeds' URLs use these two storages (path style and virtual-hosted S3, and a local one).
    static const QUrl s3(QStringLiteral("https://s3.eu-central-1.amazonaws.com"));
    static const QUrl local(QStringLiteral("http://127.0.0.1:9000"));
    checkRequest(body, s3);
    checkRequest(body, local);
    checkResponse(body);
    return 0;
}
