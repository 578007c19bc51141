// Each translation is complete where the user looks: with German and Simplified Chinese loaded
// (from the .qm files embedded in the UI library), no visible text of the main window, its menus,
// actions, tool tips and queue header is still the English source. Texts that come from the core
// (operation titles, parameter labels: translated with the core's own catalogue) and data (preset
// names) are left out; a short explicit list of words is the same in every language.

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ParamForm.h"
#include "QueueModel.h"
#include "Translations.h"

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
#include <QSpinBox>
#include <QTableView>
#include <QToolBar>
#include <QWidgetAction>

using namespace pq::ui;

namespace {

bool insideCoreText(const QWidget *w)
{
    for (const QWidget *p = w; p; p = p->parentWidget())
        if (qobject_cast<const ParamForm *>(p) || p->property("pqCoreText").toBool())
            return true;
    return false;
}

void addText(QMultiMap<QString, QString> &out, const QString &text, const QString &where)
{
    QString t = text;
    t.remove(QLatin1Char('&'));
    t = t.trimmed();
    if (!t.isEmpty())
        out.insert(t, where);
}

// Visible text -> where it was seen.
QMultiMap<QString, QString> visibleTexts(MainWindow &window)
{
    QMultiMap<QString, QString> texts;
    addText(texts, window.windowTitle(), QStringLiteral("window title"));
    for (QAction *a : window.findChildren<QAction *>()) {
        if (qobject_cast<QWidgetAction *>(a) || a->isSeparator())
            continue;
        if (!a->data().toString().isEmpty())
            continue; // an operation in the "Add operation" menu: its title comes from the core
        addText(texts, a->text(), QStringLiteral("action ") + a->objectName());
        addText(texts, a->toolTip(), QStringLiteral("action tooltip ") + a->objectName());
    }
    for (QMenu *m : window.findChildren<QMenu *>())
        addText(texts, m->title(), QStringLiteral("menu"));
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (insideCoreText(w))
            continue;
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
            for (int i = 0; i < c->count(); ++i)
                addText(texts, c->itemText(i), where + QStringLiteral(" item"));
        } else if (auto *list = qobject_cast<QListWidget *>(w)) {
            for (int i = 0; i < list->count(); ++i) {
                const QListWidgetItem *item = list->item(i);
                // Steps show operation titles (core); outputs after the first are preset names.
                const bool coreOrData =
                    (list->objectName() == QLatin1String("recipeSteps") &&
                     item->data(Qt::UserRole + 1).toInt() >= 0) ||
                    (list->objectName() == QLatin1String("recipeOutputs") && i > 0);
                if (!coreOrData)
                    addText(texts, item->text(), where + QStringLiteral(" item"));
            }
        }
    }
    const QAbstractItemModel *model = window.queueView()->model();
    for (int c = 0; c < model->columnCount(); ++c)
        addText(texts, model->headerData(c, Qt::Horizontal).toString(),
                QStringLiteral("queue header"));
    return texts;
}

bool sameInEveryLanguage(const QString &text)
{
    static const QStringList words{QStringLiteral("PixQueue"), QStringLiteral("Name"),
                                   QStringLiteral("English"), QStringLiteral("Deutsch"),
                                   QStringLiteral("简体中文")};
    if (words.contains(text))
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
    void cleanupTestCase();

private:
    QTemporaryDir m_tmp;
    QMultiMap<QString, QString> m_english;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    installTranslations(QStringLiteral("en"));
    MainWindow window(m_tmp.filePath(QStringLiteral("en.sqlite")));
    m_english = visibleTexts(window);
    // The walk finds the window's real texts (a broken walk would make the test pass vacuously).
    QVERIFY2(m_english.size() > 80, qPrintable(QString::number(m_english.size())));
    QVERIFY(m_english.contains(QStringLiteral("Start")));
    QVERIFY(m_english.contains(QStringLiteral("Recipe steps")));
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
    const QMultiMap<QString, QString> texts = visibleTexts(window);
    QVERIFY(texts.contains(start));
    QStringList untranslated;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        if (m_english.contains(it.key()) && !sameInEveryLanguage(it.key()))
            untranslated << QStringLiteral("'%1' (%2)").arg(it.key(), it.value());
    untranslated.removeDuplicates();
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral("\n"))));
}

void TestTranslations::cleanupTestCase()
{
    installTranslations(QStringLiteral("en"));
}

PQ_GUI_TEST_MAIN(TestTranslations)
#include "test_translations.moc"
