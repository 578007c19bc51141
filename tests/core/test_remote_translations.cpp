// The offload's messages (core/remote) reach the user translated: with the core's German or
// Chinese catalogue loaded, each kind of message the offload status, the connection test and a
// job's error can show comes out in that language. One message per translation context of
// core/remote, so a context that lupdate files differently from the one the code looks up (the
// message would silently stay English) fails here. Real calls: the parsers on real answers, the
// SQS, CMQ and S3 clients against a closed port on 127.0.0.1, and the connection test.

#include "OffloadTestUtil.h"
#include "remote/CmqQueue.h"
#include "remote/HttpExchange.h"
#include "remote/ObjectStore.h"
#include "remote/OffloadMessages.h"
#include "remote/OffloadSettings.h"
#include "remote/SqsQueue.h"

#include <QTest>
#include <QTranslator>

using namespace pq::remote;

namespace {

RetryPolicy noRetries()
{
    RetryPolicy p;
    p.maxAttempts = 1;
    return p;
}

template <typename T> QString errorOf(const RemoteResult<T> &r)
{
    return r ? QStringLiteral("(no error)") : r.error().message;
}

// (what, message) for one message of each context, produced by real calls.
QList<QPair<QString, QString>> offloadMessages(const QUrl &dead)
{
    QList<QPair<QString, QString>> messages;
    auto add = [&](const char *what, const QString &message) {
        messages.append({QString::fromLatin1(what), message});
    };

    // pq::remote::OffloadSettings: what the settings page says is missing.
    add("OffloadSettings::validate", OffloadSettings{}.validate().value_or(QString()));

    // pq::remote (OffloadMessages.cpp): a request a worker refuses.
    OffloadRequest request;
    const auto rejected = parseOffloadRequest("{}", dead, &request);
    add("parseOffloadRequest", rejected ? rejected->message : QString());
    OffloadResponse response;
    add("parseOffloadResponse", parseOffloadResponse("[1]", &response).value_or(QString()));

    // pq::remote::sqsanswers and pq::remote::cmqanswers: the services' answers.
    HttpResponse notJson;
    notJson.status = 200;
    notJson.body = "<html>proxy login</html>";
    add("sqsanswers::parseAnswer",
        errorOf(sqsanswers::parseAnswer(QStringLiteral("SendMessage"), notJson)));
    HttpResponse unavailable;
    unavailable.status = 503;
    add("cmqanswers::parseAnswer",
        errorOf(cmqanswers::parseAnswer(QStringLiteral("SendMessage"), unavailable)));

    // pq::remote::SqsQueue and pq::remote (HttpExchange.cpp): a queue service that is not there.
    SqsConfig sqs;
    sqs.endpoint = dead;
    sqs.region = QStringLiteral("us-east-1");
    sqs.credentials = {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("secret"), {}};
    sqs.retry = noRetries();
    SqsQueue sqsQueue(sqs);
    add("SqsQueue::queueRef", errorOf(sqsQueue.queueRef(QStringLiteral("requests"))));
    sqs.endpoint = QUrl(QStringLiteral("http://queue.example.com")); // plain http, not loopback
    SqsQueue insecure(sqs);
    add("checkEndpoint", errorOf(insecure.queueRef(QStringLiteral("requests"))));

    // pq::remote::CmqQueue: no credentials.
    CmqConfig cmq;
    cmq.endpoint = dead;
    cmq.region = QStringLiteral("gz");
    cmq.retry = noRetries();
    CmqQueue cmqQueue(cmq);
    add("CmqQueue::queueRef", errorOf(cmqQueue.queueRef(QStringLiteral("requests"))));

    // pq::remote::ObjectStore: a storage that is not there.
    ObjectStoreConfig storage;
    storage.endpoint = dead;
    storage.region = QStringLiteral("us-east-1");
    storage.credentials = sqs.credentials;
    storage.retry = noRetries();
    ObjectStore objects(storage);
    add("ObjectStore::head", errorOf(objects.head(QStringLiteral("bucket"), QStringLiteral("k"))));

    // pq::remote::OffloadSettings and pq::remote: the connection test's first step and result.
    OffloadSettings settings;
    settings.endpoint = dead;
    settings.storageEndpoint = dead;
    settings.region = QStringLiteral("us-east-1");
    settings.requestQueue = QStringLiteral("requests");
    settings.responseQueue = QStringLiteral("responses");
    settings.bucket = QStringLiteral("bucket");
    OffloadCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    credentials.secret = QStringLiteral("secret");
    const ProbeReport probe = probeOffload(settings, credentials);
    add("probeOffload step", probe.steps.value(0));
    add("probeOffload failure", probe.failure);
    // pq::remote::OffloadCredentials: where the command line reads credentials from.
    add("OffloadCredentials::environmentHint",
        OffloadCredentials::environmentHint(QStringLiteral("cmq")));
    return messages;
}

bool hasHan(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

} // namespace

class TestRemoteTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void translated_data();
    void translated();

private:
    QUrl m_dead;
    QList<QPair<QString, QString>> m_english;
};

void TestRemoteTranslations::initTestCase()
{
    QTranslator probe;
    if (!probe.load(QStringLiteral(":/i18n/pixqueue_core_de.qm")))
        QSKIP("the core's catalogue is built only with Qt's LinguistTools (the window's build)");
    m_dead = pq::test::closedLocalEndpoint();
    QVERIFY(m_dead.isValid());
    m_english = offloadMessages(m_dead);
    for (const auto &[what, message] : std::as_const(m_english)) {
        // Each call really produced its message (an empty one would pass vacuously).
        QVERIFY2(!message.isEmpty() && message != QLatin1String("(no error)"), qPrintable(what));
        qInfo("%s: %s", qPrintable(what), qPrintable(message));
    }
}

void TestRemoteTranslations::translated_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestRemoteTranslations::translated()
{
    QFETCH(QString, language);
    QTranslator catalogue;
    QVERIFY(catalogue.load(QLocale(language), QStringLiteral("pixqueue_core"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&catalogue));
    const auto translated = offloadMessages(m_dead);
    QCoreApplication::removeTranslator(&catalogue);
    QCOMPARE(translated.size(), m_english.size());
    for (qsizetype i = 0; i < translated.size(); ++i) {
        const QString &what = translated[i].first;
        const QString &message = translated[i].second;
        qInfo("%s: %s", qPrintable(what), qPrintable(message));
        QVERIFY2(message != m_english[i].second, qPrintable(what + QStringLiteral(": ") + message));
        if (language == QLatin1String("zh_CN"))
            QVERIFY2(hasHan(message), qPrintable(what + QStringLiteral(": ") + message));
    }
}

QTEST_GUILESS_MAIN(TestRemoteTranslations)
#include "test_remote_translations.moc"
