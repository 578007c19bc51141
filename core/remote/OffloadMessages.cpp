#include "OffloadMessages.h"

#include "ops/Recipe.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace pq::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pq::remote", text);
}

const QString kRequestType = QStringLiteral("pixqueue.offload.request");
const QString kResponseType = QStringLiteral("pixqueue.offload.response");

constexpr qsizetype kMaxOriginChars = 200;
constexpr qsizetype kMaxUrlChars = 8192;
constexpr qsizetype kMaxContentTypeChars = 100;
constexpr qsizetype kMaxRecipeSteps = 100;

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

// JSON numbers are doubles: job ids are exact up to 2^53.
std::optional<qint64> jobIdOf(const QJsonObject &json)
{
    const QJsonValue v = json.value(QStringLiteral("job"));
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 1 || d > 9007199254740992.0 || d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return static_cast<qint64>(d);
}

// Absent (or nonsense) in a message: 1.
int attemptOf(const QJsonObject &json)
{
    const int v = json.value(QStringLiteral("attempt")).toInt(1);
    return qBound(1, v, 1000000);
}

QString statusName(OffloadResponse::Status status)
{
    switch (status) {
    case OffloadResponse::Status::Done:
        return QStringLiteral("done");
    case OffloadResponse::Status::Failed:
        return QStringLiteral("failed");
    case OffloadResponse::Status::Retrying:
        return QStringLiteral("retrying");
    }
    return {};
}

} // namespace

std::optional<QString> checkStorageUrl(const QUrl &url, const QUrl &storageEndpoint)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return tr("'%1' is not an absolute URL").arg(url.toDisplayString(QUrl::RemoveQuery));
    if (!url.userInfo().isEmpty())
        return tr("the URL carries a user name or password");
    // The endpoint's host itself (path-style URLs) or one label below it (virtual-hosted:
    // <bucket>.<endpoint host>).
    const QString host = url.host().toLower();
    const QString allowed = storageEndpoint.host().toLower();
    const bool hostOk =
        host == allowed || (host.endsWith('.' + allowed) &&
                            !host.left(host.size() - allowed.size() - 1).contains('.'));
    if (url.scheme() != storageEndpoint.scheme() || !hostOk ||
        defaultPort(url) != defaultPort(storageEndpoint))
        return tr("the URL %1 does not point at the configured storage %2")
            .arg(url.toDisplayString(QUrl::RemovePath | QUrl::RemoveQuery),
                 storageEndpoint.toDisplayString(QUrl::RemovePath | QUrl::RemoveQuery));
    return std::nullopt;
}

QString workerInputFileName(const QUrl &inputUrl)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9]{1,5}$"));
    const QString suffix = QFileInfo(inputUrl.path()).suffix();
    return plain.match(suffix).hasMatch() ? QStringLiteral("input.") + suffix
                                          : QStringLiteral("input");
}

QString workerOutputFileName(const OffloadRequest &request)
{
    // parseOffloadRequest accepts only ^[A-Za-z0-9]{1,8}$ as the suffix.
    return QStringLiteral("output.") + request.outputSuffix;
}

QByteArray OffloadRequest::toJsonBytes() const
{
    QJsonObject json{
        {QStringLiteral("type"), kRequestType},
        {QStringLiteral("version"), version},
        {QStringLiteral("job"), jobId},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("origin"), originId},
        {QStringLiteral("recipe"), QJsonDocument::fromJson(recipeJson).object()},
        {QStringLiteral("input"), inputUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("output"), outputUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("outputContentType"), outputContentType},
        {QStringLiteral("outputSuffix"), outputSuffix},
    };
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<OffloadRejection>
parseOffloadRequest(const QByteArray &body, const QUrl &storageEndpoint, OffloadRequest *out)
{
    OffloadRejection rejection;
    auto reject = [&](const char *code, QString message) {
        rejection.code = QString::fromLatin1(code);
        rejection.message = std::move(message);
        return std::optional<OffloadRejection>(rejection);
    };

    if (body.size() > kMaxOffloadMessageBytes)
        return reject("too-large", tr("the request has %1 bytes, more than the limit of %2")
                                       .arg(body.size())
                                       .arg(kMaxOffloadMessageBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return reject("not-json", tr("the request is not a JSON object"));
    const QJsonObject json = doc.object();

    // Job and origin first, so that even a rejected request can be answered.
    if (const auto id = jobIdOf(json))
        rejection.jobId = *id;
    const QJsonValue origin = json.value(QStringLiteral("origin"));
    if (origin.isString() && origin.toString().size() <= kMaxOriginChars)
        rejection.originId = origin.toString();

    if (json.value(QStringLiteral("type")).toString() != kRequestType)
        return reject("schema", tr("the message is not a PixQueue offload request"));
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != OffloadRequest::CurrentVersion)
        return reject("version", tr("unsupported request version %1 (this worker reads version %2)")
                                     .arg(version.toVariant().toString())
                                     .arg(OffloadRequest::CurrentVersion));
    if (!rejection.jobId)
        return reject("schema", tr("the request has no valid job id"));
    if (!origin.isString() || origin.toString().size() > kMaxOriginChars)
        return reject("schema", tr("the request's origin is missing or longer than %1 characters")
                                    .arg(kMaxOriginChars));

    OffloadRequest request;
    request.version = OffloadRequest::CurrentVersion;
    request.jobId = rejection.jobId;
    request.originId = rejection.originId;
    request.attempt = attemptOf(json);

    const QJsonValue recipe = json.value(QStringLiteral("recipe"));
    if (!recipe.isObject())
        return reject("schema", tr("the request has no recipe"));
    if (recipe.toObject().value(QStringLiteral("steps")).toArray().size() > kMaxRecipeSteps)
        return reject("too-large", tr("the recipe has more than %1 steps").arg(kMaxRecipeSteps));
    request.recipeJson = QJsonDocument(recipe.toObject()).toJson(QJsonDocument::Compact);
    Recipe parsed;
    if (auto err = Recipe::fromJsonBytes(request.recipeJson, &parsed))
        return reject("recipe", tr("the recipe is invalid: %1").arg(*err));

    for (const auto &[key, target] : {std::pair{QStringLiteral("input"), &request.inputUrl},
                                      std::pair{QStringLiteral("output"), &request.outputUrl}}) {
        const QJsonValue v = json.value(key);
        if (!v.isString() || v.toString().isEmpty() || v.toString().size() > kMaxUrlChars)
            return reject("schema", tr("the request's %1 URL is missing or too long").arg(key));
        *target = QUrl(v.toString(), QUrl::StrictMode);
        if (auto err = checkStorageUrl(*target, storageEndpoint))
            return reject("url", tr("%1 URL refused: %2").arg(key, *err));
    }

    request.outputContentType = json.value(QStringLiteral("outputContentType")).toString();
    static const QRegularExpression contentType(
        QStringLiteral("^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$"));
    if (request.outputContentType.size() > kMaxContentTypeChars ||
        !contentType.match(request.outputContentType).hasMatch())
        return reject("schema", tr("the request's output content type is missing or invalid"));
    request.outputSuffix = json.value(QStringLiteral("outputSuffix")).toString();
    static const QRegularExpression suffix(QStringLiteral("^[A-Za-z0-9]{1,8}$"));
    if (!suffix.match(request.outputSuffix).hasMatch())
        return reject("schema", tr("the request's output suffix is missing or invalid"));

    *out = std::move(request);
    return std::nullopt;
}

QByteArray OffloadResponse::toJsonBytes() const
{
    QJsonObject json{
        {QStringLiteral("type"), kResponseType}, {QStringLiteral("version"), version},
        {QStringLiteral("job"), jobId},          {QStringLiteral("attempt"), attempt},
        {QStringLiteral("origin"), originId},    {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("worker"), workerName},
    };
    if (status == Status::Done) {
        json.insert(QStringLiteral("outputSize"), outputSize);
    } else {
        json.insert(QStringLiteral("errorKind"), errorKindName(errorKind));
        json.insert(QStringLiteral("errorCode"), errorCode);
        json.insert(QStringLiteral("error"), errorMessage.left(4000));
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<QString> parseOffloadResponse(const QByteArray &body, OffloadResponse *out)
{
    if (body.size() > kMaxOffloadMessageBytes)
        return tr("the response is larger than %1 bytes").arg(kMaxOffloadMessageBytes);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return tr("the response is not a JSON object");
    const QJsonObject json = doc.object();
    if (json.value(QStringLiteral("type")).toString() != kResponseType)
        return tr("the message is not a PixQueue offload response");
    if (json.value(QStringLiteral("version")).toDouble() != OffloadResponse::CurrentVersion)
        return tr("unsupported response version");
    const auto id = jobIdOf(json);
    if (!id)
        return tr("the response has no valid job id");

    OffloadResponse response;
    response.jobId = *id;
    response.attempt = attemptOf(json);
    response.originId = json.value(QStringLiteral("origin")).toString();
    response.workerName = json.value(QStringLiteral("worker")).toString();
    const QString status = json.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("done")) {
        response.status = OffloadResponse::Status::Done;
        response.outputSize = json.value(QStringLiteral("outputSize")).toInteger();
    } else if (status == QLatin1String("failed") || status == QLatin1String("retrying")) {
        response.status = status == QLatin1String("failed") ? OffloadResponse::Status::Failed
                                                            : OffloadResponse::Status::Retrying;
        response.errorKind = json.value(QStringLiteral("errorKind")).toString() ==
                                     errorKindName(ErrorKind::Transient)
                                 ? ErrorKind::Transient
                                 : ErrorKind::Permanent;
        response.errorCode = json.value(QStringLiteral("errorCode")).toString();
        response.errorMessage = json.value(QStringLiteral("error")).toString();
    } else {
        return tr("the response's status '%1' is not done, failed or retrying").arg(status);
    }
    *out = std::move(response);
    return std::nullopt;
}

} // namespace pq::remote
