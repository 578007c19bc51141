#pragma once
// Starts a local test server from tests/servers (fauxqs for SQS + S3, or a node stand-in) as a
// child process on 127.0.0.1, reads the port it prints, and stops it when the object goes away.
//
// Without node, or without the npm package the script needs (scripts/install-deps.sh installs
// them), the tests that need the server are skipped on a developer's machine but fail in CI
// (CI=true): there they must run.

#include "remote/RemoteQueue.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>
#include <QUrl>

namespace pq::test {

class RemoteTestServer
{
public:
    enum class Start
    {
        Ready,
        Missing,
        Failed
    };

    // `script`: a file in tests/servers; `npmPackage`: the package it imports ("" for none).
    RemoteTestServer(QString script, QString npmPackage)
        : m_script(std::move(script))
        , m_npmPackage(std::move(npmPackage))
    {}
    RemoteTestServer(const RemoteTestServer &) = delete;
    RemoteTestServer &operator=(const RemoteTestServer &) = delete;
    ~RemoteTestServer() { stop(); }

    static QString serversDir() { return QStringLiteral(PIXQUEUE_TEST_DATA "/../servers"); }
    static bool inCi() { return qEnvironmentVariable("CI") == QLatin1String("true"); }

    // `port` 0: a free port chosen by the server.
    Start start(QString *why, int port = 0)
    {
        QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            node = QStandardPaths::findExecutable(QStringLiteral("nodejs"));
        if (node.isEmpty()) {
            *why = QStringLiteral("node is not installed (scripts/install-deps.sh installs it)");
            return Start::Missing;
        }
        if (!m_npmPackage.isEmpty() &&
            !QFileInfo::exists(serversDir() + "/node_modules/" + m_npmPackage + "/package.json")) {
            *why = QStringLiteral("the npm package %1 is not installed in tests/servers "
                                  "(run scripts/install-deps.sh)")
                       .arg(m_npmPackage);
            return Start::Missing;
        }
        m_process.setWorkingDirectory(serversDir());
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(node, {serversDir() + '/' + m_script, QString::number(port)});
        if (!m_process.waitForStarted(10000)) {
            *why = QStringLiteral("cannot start node: %1").arg(m_process.errorString());
            return Start::Failed;
        }
        // The script prints the port once it accepts connections.
        QByteArray line;
        QDeadlineTimer deadline(20000);
        while (!line.contains('\n') && !deadline.hasExpired() &&
               m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(200);
            line += m_process.readAllStandardOutput();
        }
        m_port = line.trimmed().toInt();
        if (m_port <= 0) {
            *why = QStringLiteral("%1 did not report its port (output: %2)")
                       .arg(m_script, QString::fromUtf8(line));
            stop();
            return Start::Failed;
        }
        return Start::Ready;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    int port() const { return m_port; }
    QUrl endpoint() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

private:
    QString m_script;
    QString m_npmPackage;
    QProcess m_process;
    int m_port = 0;
};

// The three queues of an offload set-up, as the README tells users to create them: requests with
// a redrive policy to the dead-letter queue after `maxReceiveCount` receives.
struct TestQueues
{
    QString requests, responses, dead;
    bool ok() const { return !requests.isEmpty(); }
};

inline TestQueues makeTestQueues(pq::remote::RemoteQueue &queue, const QString &name,
                                 int visibilitySeconds = 30, int maxReceiveCount = 2)
{
    auto dlq = queue.createQueue(name + "-dlq", {});
    auto responses = queue.createQueue(name + "-responses", {});
    if (!dlq || !responses)
        return {};
    pq::remote::QueueSettings settings;
    settings.visibilityTimeoutSeconds = visibilitySeconds;
    settings.deadLetterQueue = dlq.value();
    settings.maxReceiveCount = maxReceiveCount;
    auto requests = queue.createQueue(name + "-requests", settings);
    if (!requests)
        return {};
    return {requests.value(), responses.value(), dlq.value()};
}

} // namespace pq::test

// In initTestCase(): starts `server` or skips (outside CI) / fails (in CI, or when it is
// installed but does not start).
#define PQ_START_TEST_SERVER(server)                                                               \
    do {                                                                                           \
        QString why_;                                                                              \
        switch ((server).start(&why_)) {                                                           \
        case pq::test::RemoteTestServer::Start::Ready:                                             \
            break;                                                                                 \
        case pq::test::RemoteTestServer::Start::Missing:                                           \
            if (!pq::test::RemoteTestServer::inCi())                                               \
                QSKIP(qPrintable(why_));                                                           \
            QFAIL(qPrintable(QStringLiteral("CI=true but the test server is missing: ") + why_));  \
            break;                                                                                 \
        case pq::test::RemoteTestServer::Start::Failed:                                            \
            QFAIL(qPrintable(why_));                                                               \
            break;                                                                                 \
        }                                                                                          \
    } while (false)
