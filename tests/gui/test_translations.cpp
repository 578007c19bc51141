// Each translation is complete where the user looks: with German and Simplified Chinese loaded
// (from the .qm files embedded in the UI and core libraries), no visible text of the main window,
// its menus, actions, tool tips and queue header is still the English source; nor of the recipe
// editor with several operations' parameter forms shown (the core's catalogue: operation titles in
// the add-operation menu and the step list, parameter labels, help tool tips, enum choice names).
// Data (preset names) and the debug operations (test hooks) are left out; a short explicit list of
// words is the same in every language (or in German). The Settings dialog likewise, both pages,
// after a connection test that failed (the offload's messages: the core's catalogue, core/remote).
// And every message of every .ts file is finished.

#include "../core/OffloadTestUtil.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ParamForm.h"
#include "QueueModel.h"
#include "RecipeEditor.h"
#include "SettingsDialog.h"
#include "Translations.h"
#include "ops/Recipe.h"
#include "remote/OffloadSettings.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QWidgetAction>
#include <QXmlStreamReader>

using namespace pq::ui;

namespace {

// Steps whose forms are shown (plus the output format's): sizes, sharpening, retouching, text,
// enums of every kind.
const QStringList kFormSteps{QStringLiteral("thumbnail:size=256"),
                             QStringLiteral("sharpen"),
                             QStringLiteral("red-eye"),
                             QStringLiteral("watermark-text:text=Smith"),
                             QStringLiteral("resize:width=800"),
                             QStringLiteral("crop:aspect=1:1"),
                             QStringLiteral("teeth-whiten")};

void addText(QMultiMap<QString, QString> &out, const QString &text, const QString &where)
{
    QString t = text;
    t.remove(QLatin1Char('&'));
    t = t.trimmed();
    if (!t.isEmpty())
        out.insert(t, where);
}

// Visible text of `window` and everything in it -> where it was seen.
QMultiMap<QString, QString> widgetTexts(QWidget &window)
{
    QMultiMap<QString, QString> texts;
    addText(texts, window.windowTitle(), QStringLiteral("window title"));
    for (QAction *a : window.findChildren<QAction *>()) {
        if (qobject_cast<QWidgetAction *>(a) || a->isSeparator())
            continue;
        if (a->data().toString().startsWith(QLatin1String("debug-")))
            continue; // test hooks (PIXQUEUE_ENABLE_TEST_OPS), never shown to users
        addText(texts, a->text(), QStringLiteral("action ") + a->objectName());
        addText(texts, a->toolTip(), QStringLiteral("action tooltip ") + a->objectName());
    }
    for (QMenu *m : window.findChildren<QMenu *>())
        addText(texts, m->title(), QStringLiteral("menu"));
    for (QWidget *w : window.findChildren<QWidget *>()) {
        const QString where =
            QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
        addText(texts, w->toolTip(), where + QStringLiteral(" tooltip"));
        addText(texts, w->accessibleName(), where + QStringLiteral(" accessible name"));
        if (auto *l = qobject_cast<QLabel *>(w))
            addText(texts, l->text(), where);
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            addText(texts, b->text(), where);
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            addText(texts, g->title(), where);
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            addText(texts, e->placeholderText(), where + QStringLiteral(" placeholder"));
        else if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            addText(texts, p->placeholderText(), where + QStringLiteral(" placeholder"));
        else if (auto *t = qobject_cast<QToolBar *>(w))
            addText(texts, t->windowTitle(), where);
        else if (auto *bar = qobject_cast<QProgressBar *>(w))
            addText(texts, bar->text(), where);
        else if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i) {
                addText(texts, c->itemText(i), where + QStringLiteral(" item"));
                addText(texts, c->itemData(i, Qt::ToolTipRole).toString(),
                        where + QStringLiteral(" item tooltip"));
            }
        } else if (auto *list = qobject_cast<QListWidget *>(w)) {
            for (int i = 0; i < list->count(); ++i) {
                const QListWidgetItem *item = list->item(i);
                // Outputs after the first are preset names (data).
                const bool data = list->objectName() == QLatin1String("recipeOutputs") && i > 0;
                if (!data)
                    addText(texts, item->text(), where + QStringLiteral(" item"));
            }
        } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                addText(texts, tabs->tabText(i), where + QStringLiteral(" tab"));
        }
    }
    return texts;
}

QMultiMap<QString, QString> visibleTexts(MainWindow &window)
{
    QMultiMap<QString, QString> texts = widgetTexts(window);
    const QAbstractItemModel *model = window.queueView()->model();
    for (int c = 0; c < model->columnCount(); ++c)
        addText(texts, model->headerData(c, Qt::Horizontal).toString(),
                QStringLiteral("queue header"));
    return texts;
}

// The window's texts with each of kFormSteps' parameter forms shown in turn (the steps in the
// recipe editor, each selected, then the output format).
QMultiMap<QString, QString> textsWithForms(MainWindow &window)
{
    RecipeEditor *editor = window.recipeEditor();
    pq::Recipe recipe;
    if (const auto error = pq::Recipe::fromSpecs(kFormSteps, &recipe))
        qWarning("%s", qPrintable(*error));
    editor->setCurrentRecipe(recipe);
    QMultiMap<QString, QString> texts = visibleTexts(window);
    for (int i = 0; i <= kFormSteps.size(); ++i) { // the last: the output format
        editor->selectStep(i);
        const QMultiMap<QString, QString> form = visibleTexts(window);
        for (auto it = form.cbegin(); it != form.cend(); ++it)
            if (!texts.contains(it.key(), it.value()))
                texts.insert(it.key(), it.value());
    }
    return texts;
}

// The Settings dialog's texts, both pages, after "Test connection" against a queue service that
// is not there (a closed port): the failed step and the result are the offload's messages.
QMultiMap<QString, QString> settingsTexts()
{
    const QUrl dead = pq::test::closedLocalEndpoint();
    if (!dead.isValid())
        return {};
    pq::remote::OffloadSettings offload;
    offload.endpoint = dead;
    offload.storageEndpoint = dead;
    offload.region = QStringLiteral("us-east-1");
    offload.requestQueue = QStringLiteral("requests");
    offload.responseQueue = QStringLiteral("responses");
    offload.bucket = QStringLiteral("bucket");
    SettingsDialog dialog(AppSettings::load(), offload);
    dialog.showOffloadPage();
    if (!QTest::qWaitFor([&] { return !dialog.isLoadingCredentials(); }, 20000))
        return {};
    for (const char *name : {"offloadAccessKeyId", "offloadSecret"})
        if (auto *edit = dialog.findChild<QLineEdit *>(QLatin1String(name)))
            edit->setText(QStringLiteral("EXAMPLE"));
    QSignalSpy tested(&dialog, &SettingsDialog::connectionTested);
    dialog.testConnection();
    if (!tested.wait(30000))
        return {};
    return widgetTexts(dialog);
}

bool sameInEveryLanguage(const QString &text, const QString &language)
{
    static const QStringList words{QStringLiteral("PixQueue"), QStringLiteral("Name"),
                                   QStringLiteral("English"), QStringLiteral("Deutsch"),
                                   QStringLiteral("简体中文")};
    if (words.contains(text))
        return true;
    // Words that German shares with English (operation and parameter names).
    static const QStringList german{QStringLiteral("Radius"),
                                    QStringLiteral("Text"),
                                    QStringLiteral("Text:"),
                                    QStringLiteral("Radius:"),
                                    QStringLiteral("Position"),
                                    QStringLiteral("Position:"),
                                    QStringLiteral("Gamma"),
                                    QStringLiteral("Sepia"),
                                    QStringLiteral("Interpolation"),
                                    QStringLiteral("Interpolation:"),
                                    QStringLiteral("Region"),
                                    QStringLiteral("Region:"),
                                    QStringLiteral("Bucket"),
                                    QStringLiteral("Bucket:"),
                                    QStringLiteral("OK")};
    if (language == QLatin1String("de") && german.contains(text))
        return true;
    // Numbers, units and punctuation only.
    static const QRegularExpression symbols(QStringLiteral("^[\\d\\s.,:%/()+\\-–…·]*$"));
    return symbols.match(text).hasMatch();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noEnglishLeft_data();
    void noEnglishLeft();
    void settingsDialogTranslated_data();
    void settingsDialogTranslated();
    void everyMessageFinished_data();
    void everyMessageFinished();
    void cleanupTestCase();

private:
    QTemporaryDir m_tmp;
    QMultiMap<QString, QString> m_english;
    QMultiMap<QString, QString> m_englishSettings;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    installTranslations(QStringLiteral("en"));
    MainWindow window(m_tmp.filePath(QStringLiteral("en.sqlite")));
    m_english = textsWithForms(window);
    // The walk finds the window's real texts (a broken walk would make the test pass vacuously),
    // the forms' included.
    QVERIFY2(m_english.size() > 250, qPrintable(QString::number(m_english.size())));
    QVERIFY(m_english.contains(QStringLiteral("Start")));
    QVERIFY(m_english.contains(QStringLiteral("Recipe steps")));
    for (const char *text :
         {"Sharpen", "Red-eye removal", "Text watermark", "Threshold:", "Teeth whitening",
          "Eye centres:", "inside", "southeast", "auto", "keep-but-strip-gps", "Auto levels"})
        QVERIFY2(m_english.contains(QString::fromUtf8(text)), text);

    m_englishSettings = settingsTexts();
    QVERIFY2(m_englishSettings.size() > 40, qPrintable(QString::number(m_englishSettings.size())));
    for (const char *text : {"General", "Offload", "Test Connection", "Workers:"})
        QVERIFY2(m_englishSettings.contains(QString::fromUtf8(text)), text);
    // The failed step and the result (the offload's messages) are among the texts.
    const QStringList english = m_englishSettings.keys();
    QVERIFY2(
        english.filter(QStringLiteral("✗ request queue requests: SQS GetQueueUrl failed")).size() ==
            1,
        qPrintable(english.join(QLatin1Char('\n'))));
    QVERIFY2(english.filter(QStringLiteral("The connection test failed: request queue")).size() ==
                 1,
             qPrintable(english.join(QLatin1Char('\n'))));
}

void TestTranslations::noEnglishLeft_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("start"); // the expected translation of the Start action
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Starten");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("开始(S)");
}

void TestTranslations::noEnglishLeft()
{
    QFETCH(QString, language);
    QFETCH(QString, start);
    const QLocale locale = installTranslations(language);
    QCOMPARE(locale.name().left(2), language.left(2));
    MainWindow window(m_tmp.filePath(language + QStringLiteral(".sqlite")));
    const QMultiMap<QString, QString> texts = textsWithForms(window);
    QVERIFY(texts.contains(start));
    QVERIFY2(texts.size() > 250, qPrintable(QString::number(texts.size())));
    QStringList untranslated;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        if (m_english.contains(it.key()) && !sameInEveryLanguage(it.key(), language))
            untranslated << QStringLiteral("'%1' (%2)").arg(it.key(), it.value());
    untranslated.removeDuplicates();
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral("\n"))));
}

void TestTranslations::settingsDialogTranslated_data()
{
    noEnglishLeft_data();
}

// The Settings dialog, both pages, with the offload's messages of a failed connection test: the
// texts of the English dialog are all gone (the failed step's text contains the network error's,
// which is Qt's own: the whole line must still differ).
void TestTranslations::settingsDialogTranslated()
{
    QFETCH(QString, language);
    installTranslations(language);
    const QMultiMap<QString, QString> texts = settingsTexts();
    QVERIFY2(texts.size() > 40, qPrintable(QString::number(texts.size())));
    QStringList untranslated;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        if (m_englishSettings.contains(it.key()) && !sameInEveryLanguage(it.key(), language))
            untranslated << QStringLiteral("'%1' (%2)").arg(it.key(), it.value());
    untranslated.removeDuplicates();
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral("\n"))));
    // The failed step is there, translated (its list is not empty).
    const QString failedStep = texts.keys().filter(QStringLiteral("✗")).value(0);
    QVERIFY2(failedStep.contains(QStringLiteral("requests")), qPrintable(failedStep));
    if (language == QLatin1String("zh_CN"))
        QVERIFY2(failedStep.contains(QStringLiteral("请求队列")), qPrintable(failedStep));
    else
        QVERIFY2(failedStep.contains(QStringLiteral("Anfrage-Warteschlange")),
                 qPrintable(failedStep));
}

void TestTranslations::everyMessageFinished_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(PIXQUEUE_TRANSLATIONS_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 6); // the window's, the core's and the CLI's, in German and Chinese
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

// No message is unfinished, vanished or obsolete, and each has a non-empty translation (every
// plural form of a %n message).
void TestTranslations::everyMessageFinished()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    QString context;
    QString source;
    int messages = 0;
    QStringList problems;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            ++messages;
            source.clear();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString where = context + QStringLiteral(": ") + source;
            if (!type.isEmpty())
                problems << type + QStringLiteral(" - ") + where;
            // Either the text, or numerusform children (each non-empty).
            bool empty = true;
            bool emptyForm = false;
            while (!xml.atEnd()) {
                const auto token = xml.readNext();
                if (token == QXmlStreamReader::Characters && !xml.isWhitespace())
                    empty = false;
                else if (token == QXmlStreamReader::StartElement &&
                         xml.name() == QLatin1String("numerusform")) {
                    if (xml.readElementText().trimmed().isEmpty())
                        emptyForm = true;
                    else
                        empty = false;
                } else if (token == QXmlStreamReader::EndElement &&
                           xml.name() == QLatin1String("translation"))
                    break;
            }
            if (empty || emptyForm)
                problems << QStringLiteral("empty - ") + where;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 0);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::cleanupTestCase()
{
    installTranslations(QStringLiteral("en"));
}

PQ_GUI_TEST_MAIN(TestTranslations)
#include "test_translations.moc"
