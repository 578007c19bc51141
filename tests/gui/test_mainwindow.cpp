// The main window driven like a user on the offscreen platform: drop real photos, a folder and
// files we cannot read, start the queue, see outputs on disk and a corrupt file's error, retry,
// pause and resume, change the worker count, edit a generated parameter form, and reopen the
// window over the same database.

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Palette.h"
#include "ParamForm.h"
#include "QueueDelegate.h"
#include "QueueModel.h"
#include "RecipeEditor.h"
#include "SettingsDialog.h"
#include "ThumbnailCache.h"
#include "imageio/ImageIO.h"
#include "jobs/JobStore.h"
#include "jobs/WorkerPool.h"
#include "ops/OperationRegistry.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

using namespace pq;
using namespace pq::ui;

namespace {

const QString kData = QStringLiteral(PIXQUEUE_TEST_DATA);
constexpr int kLongTimeoutMs = 180000;

QString dataFile(const char *name)
{
    return kData + QLatin1Char('/') + QLatin1String(name);
}

void copyFile(const QString &from, const QString &to)
{
    QVERIFY2(QFile::copy(from, to), qPrintable(from + QStringLiteral(" -> ") + to));
}

QAction *action(QWidget *window, const char *name)
{
    auto *a = window->findChild<QAction *>(QLatin1String(name));
    if (!a)
        qWarning("no action %s", name);
    return a;
}

// Runs `handle` on the next modal window (a dialog opened by a shortcut), once it is shown.
void onNextModal(std::function<void(QWidget *)> handle)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, handle] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            handle(modal);
        }
    });
    timer->start();
}

// The controls under `root` (shown ones only) that a screen reader could not name: no accessible
// name, no label whose buddy they are, no text of their own.
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
                             qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QLineEdit *>(w) ||
                             qobject_cast<QSlider *>(w) || qobject_cast<QAbstractItemView *>(w);
        if (!control)
            continue;
        // Parts of a composite control (a spin box's line edit, a view's header, a line edit's
        // clear button) are named by the control itself.
        bool part = qobject_cast<QHeaderView *>(w) != nullptr;
        for (QWidget *p = w->parentWidget(); p && p != root && !part; p = p->parentWidget())
            part = qobject_cast<QAbstractSpinBox *>(p) || qobject_cast<QComboBox *>(p) ||
                   qobject_cast<QAbstractItemView *>(p) || qobject_cast<QLineEdit *>(p);
        if (part)
            continue;
        if (!w->accessibleName().trimmed().isEmpty())
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            QString text = button->text();
            if (auto *tool = qobject_cast<QToolButton *>(w); tool && tool->defaultAction())
                text = tool->defaultAction()->text();
            if (!text.remove(QLatin1Char('&')).trimmed().isEmpty())
                continue;
        }
        if (std::any_of(labels.cbegin(), labels.cend(), [w](const QLabel *l) {
                return l->buddy() == w && !l->text().trimmed().isEmpty();
            }))
            continue;
        unnamed << QStringLiteral("%1 '%2' in %3")
                       .arg(QLatin1String(w->metaObject()->className()), w->objectName(),
                            w->parentWidget()
                                ? QLatin1String(w->parentWidget()->metaObject()->className())
                                : QLatin1String("-"));
    }
    return unnamed;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void dropAddsJobsAndCountsSkipped();
    void startProcessesToDone();
    void corruptFileShowsItsErrorAndRetries();
    void inputThumbnailsArriveOffTheGuiThread();
    void pauseResumeAndWorkerCount();
    void filterShowsOnlyFailed();
    void paramFormIsGeneratedFromSpecs();
    void slidersFollowSpinBoxes();
    void namingExampleFollowsTemplate();
    void reopenShowsTheSameQueueAndResumes();
    void deleteKeyRemovesSelectedJobs();
    void removingQueuedJobsAsksFirst();
    void clearFinishedKeepsUnfinishedJobs();
    void runningJobShowsAProgressBar();
    void settingsDialogRoundTrips();
    void settingsApplyInputSizeLimits();
    void keyboardShortcuts();
    void spaceStaysWithWidgetsThatUseIt();
    void accessibleNamesOnEveryControl();
    void stepsReorderByDragAndToggle();
    void rateAndTimeLeft();
    void errorTextFollowsDarkPalette();
    void opensAtASensibleSizeWithoutSavedGeometry();

private:
    QueueModel *model() const { return m_window->queueModel(); }
    // Selects the rows of `ids` in the view (through the sort/filter proxy).
    void selectJobs(const QList<qint64> &ids);
    void addPausedJob(const char *file);
    int rowsInState(JobState state) const { return model()->count(state); }

    QTemporaryDir m_tmp;
    QString m_db;
    QString m_out;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_corruptJob = 0;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_db = m_tmp.filePath(QStringLiteral("queue.sqlite"));
    m_out = m_tmp.filePath(QStringLiteral("out"));
    m_window = std::make_unique<MainWindow>(m_db);
    QVERIFY2(m_window->openError().isEmpty(), qPrintable(m_window->openError()));
    m_window->recipeEditor()->setOutputDir(m_out);
    // No saved geometry yet: the window opens at its default size, not Qt's small one.
    QCOMPARE(m_window->size(), m_window->defaultSize());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
}

void TestMainWindow::dropAddsJobsAndCountsSkipped()
{
    // A folder with two photos (one in a sub-folder) and two files that are not images.
    const QString folder = m_tmp.filePath(QStringLiteral("album"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/sub")));
    copyFile(dataFile("teeth_katherine_maher.jpg"), folder + QStringLiteral("/katherine.jpg"));
    copyFile(dataFile("face_guido_van_rossum_glasses.jpg"),
             folder + QStringLiteral("/sub/guido.jpg"));
    QFile notes(folder + QStringLiteral("/notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not an image\n");
    notes.close();
    copyFile(dataFile("README.md"), folder + QStringLiteral("/sub/README.md"));

    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    dropPaths(m_window.get(), {dataFile("gray_cameraman_cc0.png"),
                               dataFile("teeth_three_men_smiling.jpg"), folder});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 60000);
    QCOMPARE(added.first().at(0).toInt(), 4); // jobs
    QCOMPARE(added.first().at(1).toInt(), 2); // skipped files
    QVERIFY2(m_window->inputSummary().contains(QStringLiteral("Skipped 2 file(s)")),
             qPrintable(m_window->inputSummary()));
    QVERIFY2(m_window->inputSummary().contains(QStringLiteral("not an image file type")),
             qPrintable(m_window->inputSummary()));

    QCOMPARE(m_window->store()->counts().value(JobState::Queued), 4);
    QTRY_COMPARE(model()->rowCount(), 4);
    QCOMPARE(m_window->queueView()->model()->rowCount(), 4);
    QStringList names;
    for (int r = 0; r < model()->rowCount(); ++r)
        names << model()->index(r, QueueModel::NameColumn).data().toString();
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("gray_cameraman_cc0.png"),
                                 QStringLiteral("guido.jpg"), QStringLiteral("katherine.jpg"),
                                 QStringLiteral("teeth_three_men_smiling.jpg")}));
    QCOMPARE(model()->index(0, QueueModel::StateColumn).data().toString(),
             QStringLiteral("Queued"));
    QVERIFY(!model()->index(0, QueueModel::StateColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(model()->index(0, QueueModel::PresetColumn).data().toString(),
             QStringLiteral("thumbnail-256"));
}

void TestMainWindow::startProcessesToDone()
{
    QAction *start = action(m_window.get(), "actionStart");
    QVERIFY(start);
    QCOMPARE(start->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QSignalSpy finished(m_window.get(), &MainWindow::batchFinished);
    start->trigger();
    QVERIFY(m_window->pool()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(rowsInState(JobState::Done), 4, kLongTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toInt(), 4);
    QCOMPARE(finished.first().at(1).toInt(), 0);
    // The same words as the desktop notification (tray message; no tray on offscreen).
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Batch finished: 4 done, 0 failed."));
    auto *rate = m_window->findChild<QLabel *>(QStringLiteral("rate"));
    QVERIFY(rate);
    QVERIFY2(
        QRegularExpression(QStringLiteral("^\\d+\\.\\d images/s$")).match(rate->text()).hasMatch(),
        qPrintable(rate->text()));
    for (int r = 0; r < model()->rowCount(); ++r) {
        QCOMPARE(model()->index(r, QueueModel::StateColumn).data().toString(),
                 QStringLiteral("Done"));
        const QString output = model()->index(r, QueueModel::OutputColumn).data().toString();
        QVERIFY2(output.startsWith(m_out), qPrintable(output));
        QVERIFY2(QFileInfo(output).size() > 0, qPrintable(output));
        QImage thumb(output);
        QVERIFY(!thumb.isNull());
        QVERIFY(qMax(thumb.width(), thumb.height()) <= 256);
    }
    // The sub-folder structure of the dropped folder is kept.
    QVERIFY(QFileInfo::exists(m_out + QStringLiteral("/album/sub/guido.jpg")) ||
            QFileInfo::exists(m_out + QStringLiteral("/sub/guido.jpg")));
    auto *progress = m_window->findChild<QProgressBar *>(QStringLiteral("overallProgress"));
    QVERIFY(progress);
    QCOMPARE(progress->value(), progress->maximum());
    QCOMPARE(progress->text(), QStringLiteral("4 of 4 finished"));
}

void TestMainWindow::corruptFileShowsItsErrorAndRetries()
{
    const QString corrupt = m_tmp.filePath(QStringLiteral("corrupt.jpg"));
    QFile f(corrupt);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xff\xd8\xff\xe0 this is not really a JPEG", 30));
    f.write(QByteArray(4096, '\x5a'));
    f.close();

    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    dropPaths(m_window.get(), {corrupt});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(rowsInState(JobState::Failed), 1, kLongTimeoutMs);
    int row = -1;
    for (int r = 0; r < model()->rowCount(); ++r)
        if (model()->job(r).inputPath == corrupt)
            row = r;
    QVERIFY(row >= 0);
    m_corruptJob = model()->job(row).id;
    const QString error = model()->index(row, QueueModel::ErrorColumn).data().toString();
    QVERIFY2(!error.isEmpty(), "the failed job shows no error");
    QCOMPARE(model()->index(row, QueueModel::ErrorColumn).data(Qt::ToolTipRole).toString(),
             model()->job(row).errorMessage);
    QCOMPARE(model()->index(row, QueueModel::StateColumn).data().toString(),
             QStringLiteral("Failed"));

    // The status never hides the failure behind "100%".
    auto *progress = m_window->findChild<QProgressBar *>(QStringLiteral("overallProgress"));
    QTRY_COMPARE(progress->text(), QStringLiteral("5 of 5 finished, 1 failed"));
    auto *counts = m_window->findChild<QLabel *>(QStringLiteral("stateCounts"));
    QVERIFY2(counts->text().contains(QStringLiteral("Failed 1")), qPrintable(counts->text()));

    // Retry from the selection: the job runs again (and fails again: the file is still bad).
    QTableView *view = m_window->queueView();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    view->selectionModel()->select(proxy->mapFromSource(model()->index(row, 0)),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QAction *retry = action(m_window.get(), "actionRetry");
    QVERIFY(retry && retry->isEnabled());
    QAction *copyError = action(m_window.get(), "actionCopyError");
    QVERIFY(copyError && copyError->isEnabled());
    copyError->trigger();
    QVERIFY2(QApplication::clipboard()->text().contains(model()->job(row).errorMessage),
             qPrintable(QApplication::clipboard()->text()));
    const qint64 revisionBefore = model()->job(row).revision;
    retry->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model()->job(row).revision > revisionBefore, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(int(model()->job(row).state), int(JobState::Failed), kLongTimeoutMs);
    QCOMPARE(model()->job(row).attempts, 1); // attempts were reset by the retry
}

void TestMainWindow::inputThumbnailsArriveOffTheGuiThread()
{
    ThumbnailCache *thumbs = model()->thumbnails();
    QVERIFY(thumbs);
    QCOMPARE(model()->rowCount(), 5); // four photos and the corrupt file
    // Thumbnails are made only for rows the view shows: scroll each row into view (the preview
    // pane above the queue leaves room for a few rows only) and wait for its picture.
    QTableView *view = m_window->queueView();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    for (int r = 0; r < model()->rowCount(); ++r) {
        const QModelIndex name = model()->index(r, QueueModel::NameColumn);
        view->scrollTo(proxy->mapFromSource(name));
        QTRY_VERIFY_WITH_TIMEOUT(!name.data(Qt::DecorationRole).isNull(), 30000);
    }
    for (int r = 0; r < model()->rowCount(); ++r) {
        const JobRecord &job = model()->job(r);
        const auto icon =
            model()->index(r, QueueModel::NameColumn).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(!icon.isNull(), qPrintable(job.inputPath));
        if (job.inputPath.endsWith(QLatin1String("corrupt.jpg"))) {
            QCOMPARE(int(thumbs->status(job.inputPath)), int(ThumbnailCache::Status::Broken));
            QCOMPARE(icon.cacheKey(), thumbs->brokenIcon().cacheKey());
        } else {
            QCOMPARE(int(thumbs->status(job.inputPath)), int(ThumbnailCache::Status::Ready));
            const QImage picture = icon.pixmap(QSize(64, 64)).toImage();
            QVERIFY(!picture.isNull());
            QVERIFY(qMax(picture.width(), picture.height()) <= 64);
            QVERIFY(icon.cacheKey() != thumbs->brokenIcon().cacheKey());
        }
    }
    // A request whose rows are no longer shown when its turn comes is dropped.
    ThumbnailCache hidden;
    hidden.setStillWanted([](qint64) { return false; });
    const QString photo = dataFile("gray_cameraman_cc0.png");
    QVERIFY(hidden.icon(photo, 1).isNull());
    QCOMPARE(int(hidden.status(photo)), int(ThumbnailCache::Status::Pending));
    QTRY_COMPARE(int(hidden.status(photo)), int(ThumbnailCache::Status::None));
    QTest::qWait(300);
    QCOMPARE(int(hidden.status(photo)), int(ThumbnailCache::Status::None));
}

void TestMainWindow::pauseResumeAndWorkerCount()
{
    WorkerPool *pool = m_window->pool();
    QAction *pause = action(m_window.get(), "actionPause");
    QVERIFY(pause);
    QCOMPARE(pause->shortcut(), QKeySequence(Qt::Key_Space));
    QVERIFY(pool->isRunning());
    QVERIFY(!pool->isPaused());
    pause->trigger();
    QVERIFY(pool->isPaused());
    QCOMPARE(pause->text(), QStringLiteral("&Resume"));

    // While paused, new inputs are queued but not run.
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    dropPaths(m_window.get(), {dataFile("faces_flash_bar_couple.jpg")});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 60000);
    QTRY_COMPARE(rowsInState(JobState::Queued), 1);
    QTest::qWait(1500);
    QCOMPARE(rowsInState(JobState::Queued), 1);

    auto *workers = m_window->findChild<QSpinBox *>(QStringLiteral("workers"));
    QVERIFY(workers);
    workers->setValue(3);
    QCOMPARE(pool->workerCount(), 3);

    pause->trigger();
    QVERIFY(!pool->isPaused());
    QCOMPARE(pause->text(), QStringLiteral("&Pause"));
    QTRY_COMPARE_WITH_TIMEOUT(rowsInState(JobState::Done), 5, kLongTimeoutMs);
    workers->setValue(1);
    QCOMPARE(pool->workerCount(), 1);
}

void TestMainWindow::filterShowsOnlyFailed()
{
    auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("queueFilter"));
    QVERIFY(filter);
    QAbstractItemModel *shown = m_window->queueView()->model();
    filter->setCurrentIndex(2); // Failed
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, QueueModel::StateColumn).data().toString(), QStringLiteral("Failed"));
    filter->setCurrentIndex(3); // Done
    QCOMPARE(shown->rowCount(), 5);
    filter->setCurrentIndex(1); // Active
    QCOMPARE(shown->rowCount(), 0);
    filter->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 6);
    // Sorting by name puts corrupt.jpg first.
    m_window->queueView()->sortByColumn(QueueModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(shown->index(0, QueueModel::NameColumn).data().toString(),
             QStringLiteral("corrupt.jpg"));
}

void TestMainWindow::paramFormIsGeneratedFromSpecs()
{
    RecipeEditor *editor = m_window->recipeEditor();
    Recipe recipe;
    QVERIFY(!Recipe::fromSpecs({QStringLiteral("resize:width=800")}, &recipe));
    editor->setCurrentRecipe(recipe);
    editor->selectStep(0);
    ParamForm *form = editor->paramForm();
    const Operation *resize = OperationRegistry::instance().find(QStringLiteral("resize"));
    QVERIFY(resize);
    QCOMPARE(form->operation(), resize);

    const QList<ParamSpec> specs = resize->params();
    int editors = 0;
    for (const ParamSpec &spec : specs) {
        QWidget *w = form->findChild<QWidget *>(QStringLiteral("param_") + spec.name);
        QVERIFY2(w, qPrintable(spec.name));
        QCOMPARE(w->accessibleName(), spec.label);
        ++editors;
        switch (spec.type) {
        case ParamType::Int: {
            auto *box = qobject_cast<QSpinBox *>(w);
            QVERIFY2(box, qPrintable(spec.name));
            QCOMPARE(box->minimum(), int(spec.minimum));
            QCOMPARE(box->maximum(), int(spec.maximum));
            break;
        }
        case ParamType::Double: {
            auto *box = qobject_cast<QDoubleSpinBox *>(w);
            QVERIFY2(box, qPrintable(spec.name));
            QCOMPARE(box->minimum(), spec.minimum);
            QCOMPARE(box->maximum(), spec.maximum);
            break;
        }
        case ParamType::Bool:
            QVERIFY(qobject_cast<QCheckBox *>(w));
            break;
        case ParamType::Enum: {
            auto *box = qobject_cast<QComboBox *>(w);
            QVERIFY(box);
            QCOMPARE(box->count(), int(spec.choices.size()));
            break;
        }
        default:
            break;
        }
    }
    int generated = 0;
    for (QWidget *w : form->findChildren<QWidget *>(QRegularExpression(QStringLiteral("^param_"))))
        generated += w->objectName().endsWith(QLatin1String("_text")) ||
                             w->objectName().endsWith(QLatin1String("_slider"))
                         ? 0
                         : 1;
    // Pixel sizes up to 65535 get no slider (one step would be dozens of pixels).
    QVERIFY(!form->findChild<QSlider *>(QStringLiteral("param_width_slider")));
    QCOMPARE(generated, editors);
    QCOMPARE(editors, int(specs.size()));

    auto *width = form->findChild<QSpinBox *>(QStringLiteral("param_width"));
    QCOMPARE(width->value(), 800);
    width->setValue(640);
    auto steps = QJsonDocument::fromJson(editor->currentRecipeJson())
                     .object()
                     .value(QStringLiteral("steps"))
                     .toArray();
    QCOMPARE(steps.size(), 1);
    QCOMPARE(steps.at(0)
                 .toObject()
                 .value(QStringLiteral("params"))
                 .toObject()
                 .value(QStringLiteral("width"))
                 .toInt(),
             640);

    // Add a step through the searchable menu, then edit its enum parameters.
    auto *search = editor->findChild<QLineEdit *>(QStringLiteral("operationSearch"));
    auto *menu = editor->findChild<QMenu *>(QStringLiteral("addOperationMenu"));
    QVERIFY(search && menu);
    search->setText(QStringLiteral("fli"));
    QList<QAction *> visible;
    for (QAction *a : menu->actions())
        if (a->isVisible() && !a->data().toString().isEmpty())
            visible << a;
    QCOMPARE(visible.size(), 1);
    QCOMPARE(visible.first()->data().toString(), QStringLiteral("flip"));
    for (QAction *a : menu->actions())
        if (a->menu())
            QVERIFY(!a->isVisible()); // categories are hidden while searching
    visible.first()->trigger();
    search->clear();
    const Operation *flip = OperationRegistry::instance().find(QStringLiteral("flip"));
    QCOMPARE(form->operation(), flip);
    for (const ParamSpec &spec : flip->params()) {
        if (spec.type != ParamType::Enum)
            continue;
        auto *box = form->findChild<QComboBox *>(QStringLiteral("param_") + spec.name);
        QVERIFY(box);
        const QString other = spec.choices.value(
            (spec.choices.indexOf(spec.defaultValue.toString()) + 1) % spec.choices.size());
        box->setCurrentText(other);
        steps = QJsonDocument::fromJson(editor->currentRecipeJson())
                    .object()
                    .value(QStringLiteral("steps"))
                    .toArray();
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("op")).toString(),
                 QStringLiteral("flip"));
        QCOMPARE(steps.at(1)
                     .toObject()
                     .value(QStringLiteral("params"))
                     .toObject()
                     .value(spec.name)
                     .toString(),
                 other);
    }
    // The output format is the last entry of the step list and edits the recipe's output.
    editor->selectStep(-1);
    const Operation *format = OperationRegistry::instance().find(QStringLiteral("format"));
    QCOMPARE(form->operation(), format);
    auto *quality = form->findChild<QSpinBox *>(QStringLiteral("param_quality"));
    QVERIFY(quality);
    QCOMPARE(quality->maximum(), 100);
    quality->setValue(55);
    QCOMPARE(QJsonDocument::fromJson(editor->currentRecipeJson())
                 .object()
                 .value(QStringLiteral("output"))
                 .toObject()
                 .value(QStringLiteral("quality"))
                 .toInt(),
             55);
}

// Short numeric ranges have a slider next to the spin box: dragging (here: keys) the slider edits
// the recipe through the spin box, and typing in the spin box moves the slider.
void TestMainWindow::slidersFollowSpinBoxes()
{
    RecipeEditor *editor = m_window->recipeEditor();
    Recipe recipe;
    QVERIFY(!Recipe::fromSpecs({QStringLiteral("sharpen:amount=1,threshold=10")}, &recipe));
    editor->setCurrentRecipe(recipe);
    editor->selectStep(0);
    ParamForm *form = editor->paramForm();
    auto param = [editor](const char *name) {
        return QJsonDocument::fromJson(editor->currentRecipeJson())
            .object()
            .value(QStringLiteral("steps"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("params"))
            .toObject()
            .value(QLatin1String(name));
    };

    // An integer (threshold 0..255): one slider step is one unit.
    auto *threshold = form->findChild<QSpinBox *>(QStringLiteral("param_threshold"));
    auto *thresholdSlider = form->findChild<QSlider *>(QStringLiteral("param_threshold_slider"));
    QVERIFY(threshold && thresholdSlider);
    QCOMPARE(thresholdSlider->minimum(), 0);
    QCOMPARE(thresholdSlider->maximum(), 255);
    QCOMPARE(thresholdSlider->value(), 10);
    QVERIFY(!thresholdSlider->accessibleName().isEmpty());
    QTest::keyClick(thresholdSlider, Qt::Key_End);
    QCOMPARE(threshold->value(), 255);
    QCOMPARE(param("threshold").toInt(), 255);
    QTest::keyClick(thresholdSlider, Qt::Key_PageDown);
    QCOMPARE(threshold->value(), 255 - 25);
    QCOMPARE(param("threshold").toInt(), 230);
    threshold->setValue(42);
    QCOMPARE(thresholdSlider->value(), 42);
    QCOMPARE(param("threshold").toInt(), 42);

    // A real number (amount 0..5): the slider spans the range in fine steps.
    auto *amount = form->findChild<QDoubleSpinBox *>(QStringLiteral("param_amount"));
    auto *amountSlider = form->findChild<QSlider *>(QStringLiteral("param_amount_slider"));
    QVERIFY(amount && amountSlider);
    QCOMPARE(amountSlider->value(), amountSlider->maximum() / 5); // 1 of 0..5
    QTest::keyClick(amountSlider, Qt::Key_Home);
    QCOMPARE(amount->value(), 0.0);
    QCOMPARE(param("amount").toDouble(), 0.0);
    amountSlider->setValue(amountSlider->maximum() / 2);
    QCOMPARE(amount->value(), 2.5);
    QCOMPARE(param("amount").toDouble(), 2.5);
    amount->setValue(4);
    QCOMPARE(amountSlider->value(), amountSlider->maximum() * 4 / 5);
    QCOMPARE(param("amount").toDouble(), 4.0);
}

void TestMainWindow::namingExampleFollowsTemplate()
{
    RecipeEditor *editor = m_window->recipeEditor();
    auto *naming = editor->findChild<QLineEdit *>(QStringLiteral("namingTemplate"));
    QVERIFY(naming);
    naming->setText(QStringLiteral("{parent}-{name}-small"));
    QCOMPARE(editor->exampleName(), QStringLiteral("Example: holiday-IMG_0042-small.jpg"));
    naming->setText(QStringLiteral("{nope}"));
    QVERIFY2(editor->exampleName().startsWith(QStringLiteral("Invalid template")),
             qPrintable(editor->exampleName()));
    naming->clear();
}

void TestMainWindow::reopenShowsTheSameQueueAndResumes()
{
    // Leave one job queued: the pool is paused when the window closes.
    WorkerPool *pool = m_window->pool();
    QVERIFY(pool->isRunning());
    action(m_window.get(), "actionPause")->trigger();
    QVERIFY(pool->isPaused());
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    dropPaths(m_window.get(), {dataFile("teeth_katherine_maher.jpg")});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 60000);
    QTRY_COMPARE(rowsInState(JobState::Queued), 1);

    QList<QPair<qint64, JobState>> before;
    for (int r = 0; r < model()->rowCount(); ++r)
        before << qMakePair(model()->job(r).id, model()->job(r).state);
    QCOMPARE(before.size(), 7);
    const QByteArray recipe = m_window->recipeEditor()->currentRecipeJson();
    m_window.reset();

    // Reopened over the same database: the same rows, and (resume on start is on by default)
    // the queued job runs by itself.
    m_window = std::make_unique<MainWindow>(m_db);
    m_window->show();
    QTRY_COMPARE(model()->rowCount(), 7);
    QVERIFY(m_window->pool()->isRunning());
    for (const auto &[id, state] : before) {
        const int row = model()->rowOfJob(id);
        QVERIFY(row >= 0);
        if (state != JobState::Queued)
            QCOMPARE(int(model()->job(row).state), int(state));
    }
    QTRY_COMPARE_WITH_TIMEOUT(rowsInState(JobState::Done), 6, kLongTimeoutMs);
    QCOMPARE(rowsInState(JobState::Failed), 1);
    // The last recipe and output folder persist.
    QCOMPARE(m_window->recipeEditor()->currentRecipeJson(), recipe);
    QCOMPARE(QDir::fromNativeSeparators(m_window->recipeEditor()->outputDir()), m_out);

    // PIXQUEUE_SCREENSHOT=file.png keeps a picture of the reopened window (offscreen rendering).
    const QString shot = qEnvironmentVariable("PIXQUEUE_SCREENSHOT");
    if (!shot.isEmpty()) {
        m_window->resize(1280, 800);
        QVERIFY(m_window->grab().save(shot));
    }
}

void TestMainWindow::selectJobs(const QList<qint64> &ids)
{
    QTableView *view = m_window->queueView();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    view->selectionModel()->clearSelection();
    for (qint64 id : ids) {
        const int row = model()->rowOfJob(id);
        QVERIFY(row >= 0);
        view->selectionModel()->select(proxy->mapFromSource(model()->index(row, 0)),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

// Pauses the pool and adds one job, which stays queued.
void TestMainWindow::addPausedJob(const char *file)
{
    if (!m_window->pool()->isPaused())
        action(m_window.get(), "actionPause")->trigger();
    QVERIFY(m_window->pool()->isPaused());
    const int queued = rowsInState(JobState::Queued);
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    dropPaths(m_window.get(), {dataFile(file)});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 60000);
    QTRY_COMPARE(rowsInState(JobState::Queued), queued + 1);
}

void TestMainWindow::deleteKeyRemovesSelectedJobs()
{
    QTRY_COMPARE(model()->rowCount(), 7);
    QList<qint64> done;
    for (int r = 0; r < model()->rowCount() && done.size() < 2; ++r)
        if (model()->job(r).state == JobState::Done)
            done << model()->job(r).id;
    QCOMPARE(done.size(), 2);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTableView *view = m_window->queueView();
    view->setFocus();
    selectJobs(done);
    QAction *remove = action(m_window.get(), "actionRemove");
    QVERIFY(remove && remove->isEnabled());
    QCOMPARE(remove->shortcut(), QKeySequence(QKeySequence::Delete));
    // Finished jobs go without a question.
    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_COMPARE(model()->rowCount(), 5);
    for (qint64 id : done) {
        QCOMPARE(model()->rowOfJob(id), -1);
        QVERIFY(!m_window->store()->job(id));
    }
    QCOMPARE(view->model()->rowCount(), 5);
    QCOMPARE(rowsInState(JobState::Done), 4);
    // The row index stays consistent with the rows.
    for (int r = 0; r < model()->rowCount(); ++r)
        QCOMPARE(model()->rowOfJob(model()->job(r).id), r);
    // Output files stay.
    QVERIFY(QFileInfo::exists(m_out));
}

void TestMainWindow::removingQueuedJobsAsksFirst()
{
    addPausedJob("gray_cameraman_cc0.png");
    const int rows = model()->rowCount();
    qint64 queued = 0;
    for (int r = 0; r < rows; ++r)
        if (model()->job(r).state == JobState::Queued)
            queued = model()->job(r).id;
    QVERIFY(queued);
    selectJobs({queued});
    QAction *remove = action(m_window.get(), "actionRemove");

    // Cancel in the question keeps the job.
    QString question;
    auto answer = [&question](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [&question, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->objectName(), QStringLiteral("confirmRemove"));
            question = box->text();
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    remove->trigger();
    QCOMPARE(question, QStringLiteral("Remove 1 job(s) that have not run yet?"));
    QTest::qWait(200);
    QCOMPARE(model()->rowCount(), rows);
    QVERIFY(m_window->store()->job(queued));

    answer(QMessageBox::Yes);
    remove->trigger();
    QTRY_COMPARE(model()->rowCount(), rows - 1);
    QCOMPARE(model()->rowOfJob(queued), -1);
    QCOMPARE(rowsInState(JobState::Queued), 0);
}

void TestMainWindow::clearFinishedKeepsUnfinishedJobs()
{
    addPausedJob("teeth_katherine_maher.jpg");
    QVERIFY(rowsInState(JobState::Done) > 0);
    QCOMPARE(rowsInState(JobState::Failed), 1);
    auto *button = m_window->findChild<QToolButton *>(QStringLiteral("clearFinishedButton"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(model()->rowCount(), 1);
    QCOMPARE(rowsInState(JobState::Queued), 1);
    QCOMPARE(rowsInState(JobState::Done), 0);
    QCOMPARE(rowsInState(JobState::Failed), 0);
    QCOMPARE(model()->job(0).state, JobState::Queued);
    QCOMPARE(model()->rowOfJob(model()->job(0).id), 0);
    QTRY_VERIFY(!button->isEnabled());
    QCOMPARE(m_window->store()->list().size(), 1);
    auto *progress = m_window->findChild<QProgressBar *>(QStringLiteral("overallProgress"));
    QTRY_COMPARE(progress->text(), QStringLiteral("0 of 1 finished"));
}

void TestMainWindow::runningJobShowsAProgressBar()
{
    // A recipe that takes a while and says how far it is.
    RecipeEditor *editor = m_window->recipeEditor();
    Recipe slow;
    QVERIFY(!Recipe::fromSpecs(
        {QStringLiteral("debug-sleep:ms=2500"), QStringLiteral("thumbnail:size=64")}, &slow));
    editor->setCurrentRecipe(slow);
    editor->setCheckedOutputs(true, {});
    addPausedJob("faces_flash_bar_couple.jpg");
    qint64 id = 0;
    for (int r = 0; r < model()->rowCount(); ++r)
        if (model()->job(r).inputPath.endsWith(QLatin1String("faces_flash_bar_couple.jpg")))
            id = model()->job(r).id;
    QVERIFY(id);

    QSignalSpy progress(m_window->pool(), &WorkerPool::jobProgress);
    action(m_window.get(), "actionPause")->trigger(); // resume
    QVERIFY(!m_window->pool()->isPaused());
    auto percentShown = [&] {
        const int row = model()->rowOfJob(id);
        return row < 0
                   ? QVariant()
                   : model()->index(row, QueueModel::StateColumn).data(QueueModel::ProgressRole);
    };
    QTRY_VERIFY_WITH_TIMEOUT(percentShown().toInt() > 0, 30000);
    QVERIFY(percentShown().toInt() < 100);

    // The State column of the running job paints a progress bar (offscreen, into an image).
    QTableView *view = m_window->queueView();
    QVERIFY(qobject_cast<QueueDelegate *>(view->itemDelegate()));
    QImage image(view->viewport()->size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    view->viewport()->render(&image);
    QVERIFY(!image.isNull());
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    const QModelIndex state =
        proxy->mapFromSource(model()->index(model()->rowOfJob(id), QueueModel::StateColumn));
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = QRect(0, 0, 160, 30);
    QImage cell(160, 30, QImage::Format_ARGB32);
    cell.fill(Qt::white);
    {
        QPainter painter(&cell);
        view->itemDelegate()->paint(&painter, option, state);
    }
    QVERIFY(cell != [] {
        QImage blank(160, 30, QImage::Format_ARGB32);
        blank.fill(Qt::white);
        return blank;
    }());

    QTRY_COMPARE_WITH_TIMEOUT(int(model()->job(model()->rowOfJob(id)).state), int(JobState::Done),
                              kLongTimeoutMs);
    QVERIFY(percentShown().isNull()); // only running jobs have a bar
    QList<int> percents;
    for (const QList<QVariant> &args : std::as_const(progress))
        if (args.at(0).toLongLong() == id)
            percents << args.at(1).toInt();
    QVERIFY2(percents.size() >= 4, qPrintable(QString::number(percents.size())));
    QVERIFY(std::is_sorted(percents.cbegin(), percents.cend()));
    QCOMPARE(percents.constLast(), 100);
}

void TestMainWindow::settingsDialogRoundTrips()
{
    AppSettings in;
    in.workers = 3;
    in.outputDir = m_tmp.filePath(QStringLiteral("elsewhere"));
    in.naming = QStringLiteral("{name}-x");
    in.overwrite = OverwritePolicy::Skip;
    in.leaseSeconds = 120;
    in.maxAttempts = 7;
    in.language = QStringLiteral("zh_CN");
    in.resumeOnStart = false;
    in.maxMegapixels = 40;
    in.maxFileMB = 200;
    SettingsDialog dialog(in, m_window.get());
    const AppSettings out = dialog.settings();
    QCOMPARE(out.workers, 3);
    QCOMPARE(QDir::fromNativeSeparators(out.outputDir), in.outputDir);
    QCOMPARE(out.naming, in.naming);
    QCOMPARE(int(out.overwrite), int(OverwritePolicy::Skip));
    QCOMPARE(out.leaseSeconds, 120);
    QCOMPARE(out.maxAttempts, 7);
    QCOMPARE(out.language, QStringLiteral("zh_CN"));
    QCOMPARE(out.resumeOnStart, false);
    QCOMPARE(out.maxMegapixels, 40);
    QCOMPARE(out.maxFileMB, 200);
    out.save();
    const AppSettings loaded = AppSettings::load();
    QCOMPARE(loaded.maxAttempts, 7);
    QCOMPARE(loaded.language, QStringLiteral("zh_CN"));
    QCOMPARE(loaded.resumeOnStart, false);
    QCOMPARE(loaded.maxMegapixels, 40);
    QCOMPARE(loaded.maxFileMB, 200);
    AppSettings{}.save(); // back to the defaults for anything that runs later
}

void TestMainWindow::settingsApplyInputSizeLimits()
{
    // Settings… from the File menu: lower the input limits, press OK; the window's workers (and
    // the preview) decode with the new limits.
    QAction *settings = action(m_window.get(), "actionSettings");
    QVERIFY(settings);
    bool handled = false;
    onNextModal([&handled](QWidget *modal) {
        auto *dialog = qobject_cast<SettingsDialog *>(modal);
        QVERIFY(dialog);
        auto *megapixels = dialog->findChild<QSpinBox *>(QStringLiteral("maxMegapixels"));
        auto *fileMB = dialog->findChild<QSpinBox *>(QStringLiteral("maxFileMB"));
        QVERIFY(megapixels && fileMB);
        QCOMPARE(megapixels->value(), 100);
        QCOMPARE(fileMB->value(), 1024);
        megapixels->setValue(12);
        fileMB->setValue(64);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        handled = true;
    });
    settings->trigger();
    QTRY_VERIFY(handled);
    QCOMPARE(imageio::decodeLimits().maxPixels, qint64(12'000'000));
    QCOMPARE(imageio::decodeLimits().maxFileBytes, qint64(64) << 20);
    QCOMPARE(AppSettings::load().maxMegapixels, 12);

    // A photo above the limit fails with a reason instead of being decoded.
    QVERIFY(m_window->pool()->isRunning() && !m_window->pool()->isPaused());
    imageio::setDecodeLimits({1000, qint64(64) << 20}); // 0.001 MP
    QSignalSpy added(m_window.get(), &MainWindow::inputsAdded);
    const QString big = m_tmp.filePath(QStringLiteral("too_big.png"));
    copyFile(dataFile("gray_cameraman_cc0.png"), big);
    dropPaths(m_window.get(), {big});
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 60000);
    auto failedRow = [&] {
        for (int r = 0; r < model()->rowCount(); ++r)
            if (model()->job(r).inputPath == big && model()->job(r).state == JobState::Failed)
                return r;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(failedRow() >= 0, kLongTimeoutMs);
    const QString reason = model()->job(failedRow()).errorMessage;
    QVERIFY2(reason.contains(QStringLiteral("MP")) || reason.contains(QStringLiteral("pixel")),
             qPrintable(reason));

    AppSettings{}.save();
    imageio::setDecodeLimits({});
}

void TestMainWindow::keyboardShortcuts()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    WorkerPool *pool = m_window->pool();
    QTableView *view = m_window->queueView();
    view->setFocus();
    if (!pool->isRunning())
        m_window->startQueue();
    QVERIFY(pool->isRunning());
    QVERIFY(!pool->isPaused());

    // Space on the queue pauses, and again resumes.
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(pool->isPaused());
    QCOMPARE(action(m_window.get(), "actionPause")->text(), QStringLiteral("&Resume"));
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(!pool->isPaused());
    // Paused by Space, Ctrl+Return (or Ctrl+Enter on the keypad) starts again.
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(pool->isPaused());
    QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!pool->isPaused());
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(pool->isPaused());
    QTest::keyClick(view, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QVERIFY(!pool->isPaused());

    // Ctrl+O, Ctrl+Shift+O and F1 open their dialogs.
    const QList<std::tuple<int, Qt::KeyboardModifiers, QString>> dialogs{
        {Qt::Key_O, Qt::ControlModifier, QStringLiteral("Add Files")},
        {Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier, QStringLiteral("Add Folder")},
        {Qt::Key_F1, Qt::NoModifier, QStringLiteral("PixQueue Help")}};
    for (const auto &[key, modifiers, title] : dialogs) {
        QString shown;
        onNextModal([&shown](QWidget *modal) {
            shown = modal->windowTitle();
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            else
                modal->close();
        });
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        QTest::keyClick(view, Qt::Key(key), modifiers);
        QTRY_COMPARE(shown, title);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        m_window->activateWindow();
    }
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::spaceStaysWithWidgetsThatUseIt()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    WorkerPool *pool = m_window->pool();
    QVERIFY(!pool->isPaused());
    RecipeEditor *editor = m_window->recipeEditor();

    // A text field types the blank.
    auto *naming = editor->findChild<QLineEdit *>(QStringLiteral("namingTemplate"));
    naming->setFocus();
    QTest::keyClicks(naming, QStringLiteral("{name}"));
    QTest::keyClick(naming, Qt::Key_Space);
    QTest::keyClicks(naming, QStringLiteral("x"));
    QCOMPARE(naming->text(), QStringLiteral("{name} x"));
    QVERIFY(!pool->isPaused());
    naming->clear();

    // A spin box, a button and a combo box keep Space too.
    auto *workers = m_window->findChild<QSpinBox *>(QStringLiteral("workers"));
    workers->setFocus();
    QTest::keyClick(workers, Qt::Key_Space);
    QVERIFY(!pool->isPaused());
    // "Edit preset" with no preset selected does nothing else.
    auto *button = editor->findChild<QPushButton *>(QStringLiteral("editPreset"));
    button->setFocus();
    QVERIFY(button->hasFocus());
    const Recipe recipe = editor->currentRecipe();
    QTest::keyClick(button, Qt::Key_Space);
    QCOMPARE(editor->currentRecipeJson(), recipe.toJsonBytes());
    QVERIFY(!pool->isPaused());
    auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("queueFilter"));
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Space);
    QVERIFY(!pool->isPaused());
    filter->hidePopup();
    QTRY_VERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // In the step list Space ticks and unticks the current step.
    auto *steps = editor->findChild<QListWidget *>(QStringLiteral("recipeSteps"));
    editor->selectStep(0);
    steps->setFocus();
    const bool enabled = editor->currentRecipe().steps.at(0).enabled;
    QTest::keyClick(steps, Qt::Key_Space);
    QVERIFY(!pool->isPaused());
    QCOMPARE(editor->currentRecipe().steps.at(0).enabled, !enabled);
    QTest::keyClick(steps, Qt::Key_Space);
    QCOMPARE(editor->currentRecipe().steps.at(0).enabled, enabled);

    // The read-only details pane does not: Space there pauses.
    auto *details = m_window->findChild<QPlainTextEdit *>(QStringLiteral("jobDetails"));
    details->setFocus();
    QTest::keyClick(details, Qt::Key_Space);
    QVERIFY(pool->isPaused());
    QTest::keyClick(details, Qt::Key_Space);
    QVERIFY(!pool->isPaused());
}

void TestMainWindow::accessibleNamesOnEveryControl()
{
    // The main window, with the recipe editor showing a step with many kinds of parameters.
    RecipeEditor *editor = m_window->recipeEditor();
    const Recipe before = editor->currentRecipe();
    // The form of every operation that can be added with its defaults, and the output format.
    int forms = 0;
    for (const Operation *op : OperationRegistry::instance().all()) {
        if (op->id() == QLatin1String("format")) {
            editor->selectStep(-1);
        } else {
            editor->setCurrentRecipe(Recipe{});
            if (!editor->addStep(op->id()))
                continue; // needs a parameter without a default (e.g. a file)
        }
        ++forms;
        QApplication::processEvents();
        const QStringList unnamed = unnamedControls(m_window.get());
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(op->id() + QStringLiteral(": ") + unnamed.join(QStringLiteral("; "))));
    }
    QVERIFY(forms > 20);
    editor->setCurrentRecipe(before);

    // Every page of the settings dialog.
    SettingsDialog dialog(AppSettings::load(), m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QApplication::processEvents();
        const QStringList unnamed = unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(tabs->tabText(i) + QStringLiteral(": ") +
                                               unnamed.join(QStringLiteral("; "))));
    }
    dialog.reject();
}

void TestMainWindow::stepsReorderByDragAndToggle()
{
    RecipeEditor *editor = m_window->recipeEditor();
    const Recipe before = editor->currentRecipe();
    Recipe three;
    QVERIFY(!Recipe::fromSpecs(
        {QStringLiteral("resize:width=800"), QStringLiteral("flip"), QStringLiteral("grayscale")},
        &three));
    editor->setCurrentRecipe(three);
    auto *steps = editor->findChild<QListWidget *>(QStringLiteral("recipeSteps"));
    QVERIFY(steps);
    QCOMPARE(steps->count(), 4); // three steps and the output format
    QCOMPARE(steps->dragDropMode(), QAbstractItemView::InternalMove);
    for (int r = 0; r < 3; ++r)
        QVERIFY(steps->item(r)->flags() & Qt::ItemIsDragEnabled);
    QVERIFY(!(steps->item(3)->flags() & Qt::ItemIsDragEnabled)); // the output format stays last

    auto ops = [editor] {
        QStringList ids;
        for (const RecipeStep &s : editor->currentRecipe().steps)
            ids << s.op;
        return ids;
    };
    QSignalSpy changed(editor, &RecipeEditor::recipeChanged);
    // A drop moves the row in the list's model (what QListWidget's InternalMove drop does; the
    // offscreen platform cannot run a real drag: its QPlatformDrag ignores every drag): the first
    // step dragged between the second and third.
    editor->selectStep(0);
    QVERIFY(steps->model()->moveRow(QModelIndex(), 0, QModelIndex(), 2));
    QTRY_COMPARE(ops(), (QStringList{QStringLiteral("flip"), QStringLiteral("resize"),
                                     QStringLiteral("grayscale")}));
    QVERIFY(changed.size() > 0);
    QCOMPARE(editor->selectedStep(), 1); // the dragged step stays selected
    QCOMPARE(editor->paramForm()->operation()->id(), QStringLiteral("resize"));
    QCOMPARE(steps->item(3)->data(Qt::UserRole + 1).toInt(), -1);
    // Dropped below the output format: it becomes the last step, the output format stays last.
    QVERIFY(steps->model()->moveRow(QModelIndex(), 0, QModelIndex(), 4));
    QTRY_COMPARE(ops(), (QStringList{QStringLiteral("resize"), QStringLiteral("grayscale"),
                                     QStringLiteral("flip")}));
    QCOMPARE(steps->count(), 4);
    QCOMPARE(steps->item(3)->text(), QStringLiteral("Output format"));
    for (int r = 0; r < 3; ++r)
        QCOMPARE(steps->item(r)->data(Qt::UserRole + 1).toInt(), r);

    // Unticking a step disables it: it stays in the recipe but does not run.
    steps->item(1)->setCheckState(Qt::Unchecked);
    QVERIFY(!editor->currentRecipe().steps.at(1).enabled);
    QList<Recipe> recipes;
    editor->setCheckedOutputs(true, {});
    QVERIFY(!editor->selectedRecipes(&recipes));
    QCOMPARE(recipes.size(), 1);
    QCOMPARE(recipes.first().steps.size(), 2);
    editor->setCurrentRecipe(before);
}

void TestMainWindow::rateAndTimeLeft()
{
    QCOMPARE(MainWindow::rateText(0, 10), QString());
    QCOMPARE(MainWindow::rateText(2.0, 0), QStringLiteral("2.0 images/s"));
    QCOMPARE(MainWindow::rateText(2.0, 300), QStringLiteral("2.0 images/s, 2:30 left"));
    QCOMPARE(MainWindow::rateText(0.5, 3600), QStringLiteral("0.5 images/s, 2:00:00 left"));
}

void TestMainWindow::errorTextFollowsDarkPalette()
{
    const QPalette light = QApplication::palette();
    QWidget parent;
    auto *labelPtr = new QLabel(QStringLiteral("Something is wrong"), &parent);
    QLabel &label = *labelPtr;
    setErrorText(&label, true);
    const QColor onLight = errorTextColor(light);
    QVERIFY(label.styleSheet().contains(onLight.name()));

    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    QApplication::setPalette(dark);
    QVERIFY(isDarkPalette(QApplication::palette()));
    const QColor onDark = errorTextColor(dark);
    QVERIFY(onDark.lightness() > onLight.lightness());
    // WCAG contrast of the error red against the dark window background: at least 4.5:1.
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    QVERIFY((luminance(onDark) + 0.05) / (luminance(dark.color(QPalette::Window)) + 0.05) >= 4.5);
    QTRY_VERIFY2(label.styleSheet().contains(onDark.name()), qPrintable(label.styleSheet()));
    setErrorText(&label, false);
    QVERIFY(label.styleSheet().isEmpty());
    QApplication::setPalette(light);
}

void TestMainWindow::opensAtASensibleSizeWithoutSavedGeometry()
{
    QSettings().remove(QLatin1String(keys::geometry));
    QTemporaryDir dir;
    MainWindow fresh(dir.filePath(QStringLiteral("other.sqlite")));
    const QSize available = fresh.screen()->availableGeometry().size();
    const QSize expected =
        (available * 0.8).boundedTo(QSize(1400, 900)).expandedTo(fresh.minimumSizeHint());
    QCOMPARE(fresh.size(), expected);
    QVERIFY(fresh.width() >= qMin(1400, int(available.width() * 0.8)));
    QVERIFY(fresh.height() >= qMin(900, int(available.height() * 0.8)));
}

PQ_GUI_TEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
