// CredentialStore against a real keychain: on Linux the Secret Service of a gnome-keyring-daemon
// unlocked inside the test's private D-Bus session (scripts/test.sh sets it up). Outside CI a
// machine without a working keychain skips; in CI (CI=true) that is a failure.
#include "remote/CredentialStore.h"

#include <QTest>
#include <QUuid>
#include <mutex>

using namespace pq;
using namespace pq::remote;

namespace {

// Every message Qt or QtKeychain logs during the test, to prove the secret never appears there.
std::mutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const std::lock_guard lock(g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private:
    // A service name of its own, so running the test on a desktop never touches the user's
    // saved PixQueue credentials.
    const CredentialStore m_store{QStringLiteral("PixQueue-test-") +
                                  QUuid::createUuid().toString(QUuid::WithoutBraces)};
    const QString m_secret = QStringLiteral("s3cr3t/") + QUuid::createUuid().toString();

private slots:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(captureMessage);
        const RemoteStatus probe = m_store.store(QStringLiteral("probe"), {"id", "secret"});
        if (probe) {
            const QString why = QStringLiteral("no working keychain: ") + probe->message;
            if (qEnvironmentVariable("CI") != QLatin1String("true"))
                QSKIP(qPrintable(why));
            QFAIL(qPrintable(why));
        }
        QVERIFY(!m_store.remove(QStringLiteral("probe")));
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        m_store.remove(QStringLiteral("sqs"));
        m_store.remove(QStringLiteral("cmq"));
    }

    void defaultServiceIsPixQueue()
    {
        QCOMPARE(CredentialStore().service(), QStringLiteral("PixQueue"));
        QCOMPARE(CredentialStore::keyFor(QStringLiteral("SQS")), QStringLiteral("offload/sqs"));
    }

    void storeReadOverwriteDelete()
    {
        const StoredCredentials sqs{QStringLiteral("AKIDEXAMPLE"), m_secret};
        QVERIFY(!m_store.store(QStringLiteral("sqs"), sqs));
        auto read = m_store.read(QStringLiteral("sqs"));
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        QCOMPARE(read.value().accessKeyId, sqs.accessKeyId);
        QCOMPARE(read.value().secretAccessKey, sqs.secretAccessKey);

        // Providers are separate entries.
        QVERIFY(!m_store.store(QStringLiteral("cmq"), {QStringLiteral("AKIDcmq"), "other"}));
        QCOMPARE(m_store.read(QStringLiteral("sqs")).value().accessKeyId,
                 QStringLiteral("AKIDEXAMPLE"));
        QCOMPARE(m_store.read(QStringLiteral("cmq")).value().secretAccessKey,
                 QStringLiteral("other"));

        // Saving again replaces.
        QVERIFY(!m_store.store(QStringLiteral("sqs"), {QStringLiteral("AKIDNEW"), m_secret + "2"}));
        QCOMPARE(m_store.read(QStringLiteral("sqs")).value().accessKeyId,
                 QStringLiteral("AKIDNEW"));
        QCOMPARE(m_store.read(QStringLiteral("sqs")).value().secretAccessKey, m_secret + "2");

        QVERIFY(!m_store.remove(QStringLiteral("sqs")));
        auto gone = m_store.read(QStringLiteral("sqs"));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, QStringLiteral("not-found"));
        QCOMPARE(gone.error().kind, ErrorKind::Permanent);
        QVERIFY(gone.error().message.contains(QLatin1String("sqs")));
        // Deleting what is not there is fine; the other provider is untouched.
        QVERIFY(!m_store.remove(QStringLiteral("sqs")));
        QVERIFY(m_store.read(QStringLiteral("cmq")).ok());
    }

    void secretNeverLoggedNorInErrors()
    {
        QVERIFY(!m_store.store(QStringLiteral("sqs"), {QStringLiteral("AKIDEXAMPLE"), m_secret}));
        QVERIFY(m_store.read(QStringLiteral("sqs")).ok());
        QVERIFY(!m_store.remove(QStringLiteral("sqs")));
        const RemoteError missing = m_store.read(QStringLiteral("sqs")).error();
        QVERIFY(!missing.message.contains(m_secret));
        const std::lock_guard lock(g_logMutex);
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(m_secret), "the secret appeared in a log message");
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "test_credential_store.moc"
