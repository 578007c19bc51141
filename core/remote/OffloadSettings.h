#pragma once
// Where offloaded jobs go: the queue service, its request/response/dead-letter queues and the
// S3-compatible bucket for images. Saved in QSettings (group "offload"), shared by the window and
// the CLI; the credentials are not part of it (OS keychain on the desktop, environment variables
// on servers: see OffloadCredentials).
//
// Also builds the clients from settings + credentials and runs the "Test connection" probe.
//
// Plain values; any thread (the probe blocks).
#include "ObjectStore.h"
#include "RemoteQueue.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>
#include <optional>

namespace pq::remote {

struct OffloadSettings
{
    // The context lupdate gives its messages. The macro ends in "private:".
    Q_DECLARE_TR_FUNCTIONS(pq::remote::OffloadSettings)

public:
    QString provider = QStringLiteral("sqs"); // "sqs" or "cmq"
    QUrl endpoint; // the queue service; empty for SQS: AWS's endpoint for the region
    QString region;
    QString requestQueue; // names or URLs
    QString responseQueue;
    QString deadLetterQueue; // optional: read to fail jobs whose request ended there
    QUrl storageEndpoint;    // S3-compatible; empty: AWS S3's endpoint for the region (SQS),
                             // required for CMQ (e.g. COS's S3 endpoint)
    QString bucket;
    bool virtualHostedStorage = false;  // bucket.host/key instead of host/bucket/key
    int presignSeconds = 6 * 3600;      // lifetime of the pre-signed URLs in a request
    int answerTimeoutMinutes = 24 * 60; // an offloaded job without an answer then fails

    static QStringList providers() { return {QStringLiteral("sqs"), QStringLiteral("cmq")}; }
    static OffloadSettings load(QSettings &settings);
    static OffloadSettings load(); // from QSettings() of the application
    void save(QSettings &settings) const;
    void save() const;

    // What is missing or wrong, translated; nullopt when complete.
    std::optional<QString> validate() const;
    QUrl effectiveEndpoint() const;
    QUrl effectiveStorageEndpoint() const;
};

struct OffloadCredentials
{
    // The context lupdate gives its messages. The macro ends in "private:".
    Q_DECLARE_TR_FUNCTIONS(pq::remote::OffloadCredentials)

public:
    QString accessKeyId; // SQS: access key id; CMQ: SecretId
    QString secret;      // SQS: secret access key; CMQ: SecretKey
    QString sessionToken;
    bool isEmpty() const { return accessKeyId.isEmpty() || secret.isEmpty(); }
    // AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN for "sqs",
    // TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY/TENCENTCLOUD_SESSION_TOKEN for "cmq".
    static OffloadCredentials fromEnvironment(const QString &provider);
    // Which variables fromEnvironment reads, for messages.
    static QString environmentHint(const QString &provider);
};

struct OffloadClients
{
    std::shared_ptr<RemoteQueue> queue;
    std::shared_ptr<ObjectStore> storage;
};
OffloadClients makeOffloadClients(const OffloadSettings &settings,
                                  const OffloadCredentials &credentials);

// A queue named by URL is taken as it is; a name is looked up.
RemoteResult<QString> resolveQueue(RemoteQueue &queue, const QString &nameOrUrl);

// "Test connection": resolves the three queues, sends a probe message to the response queue and
// receives it back, writes, reads and deletes a small object in the bucket. Stops at the first
// failure. `steps` gets one translated line per step ("✓ ..."/"✗ ...").
struct ProbeReport
{
    bool ok = false;
    QStringList steps;
    QString failure; // the failing step's reason
};
ProbeReport probeOffload(const OffloadSettings &settings, const OffloadCredentials &credentials);

// The probe's message type; the bridge leaves such messages alone.
inline constexpr const char *kProbeMessageType = "pixqueue.offload.probe";

} // namespace pq::remote
