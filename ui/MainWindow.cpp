#include "MainWindow.h"

#include "OffloadController.h"
#include "PreviewPane.h"
#include "QueueDelegate.h"
#include "QueueModel.h"
#include "RecipeEditor.h"
#include "SettingsDialog.h"
#include "ThumbnailCache.h"
#include "imageio/ImageIO.h"
#include "jobs/InputScanner.h"
#include "jobs/JobStore.h"
#include "jobs/WorkerPool.h"
#include "remote/OffloadSettings.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTextEdit>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pq::ui {

namespace {

QString formatDuration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

int finishedCount(const QueueModel &model)
{
    return model.count(JobState::Done) + model.count(JobState::Failed) +
           model.count(JobState::Cancelled);
}

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime)
        return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

// Widgets for which Space means something (press a button, open a combo, tick a list item, type
// a blank): there Space is theirs, not the window's pause/resume shortcut.
bool usesSpace(const QWidget *w)
{
    if (qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w) ||
        qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QLineEdit *>(w))
        return true;
    if (const auto *text = qobject_cast<const QTextEdit *>(w))
        return !text->isReadOnly();
    if (const auto *text = qobject_cast<const QPlainTextEdit *>(w))
        return !text->isReadOnly();
    return qobject_cast<const QAbstractItemView *>(w) != nullptr;
}

} // namespace

MainWindow::MainWindow(const QString &databasePath, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(AppSettings::load())
    , m_store(std::make_unique<JobStore>(databasePath))
{
    setWindowTitle(QStringLiteral("PixQueue"));
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    if (auto e = m_store->open())
        m_openError = *e;
    m_pool = std::make_unique<WorkerPool>(m_store.get());
    m_offload = std::make_unique<OffloadController>(m_store.get());

    m_model = new QueueModel(m_store.get(), this);
    m_filter = new QueueFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setDynamicSortFilter(true);
    m_filter->setSortRole(Qt::DisplayRole);

    buildActions();
    buildCentral();
    buildStatusBar();
    restoreSettings();
    applySettings();

    connect(m_model, &QueueModel::updated, this, &MainWindow::updateStatus);
    connect(m_offload.get(), &OffloadController::statusChanged, this, [this](const QString &text) {
        m_offloadStatus->setText(text);
        m_offloadStatus->setToolTip(text);
        m_offloadStatus->setVisible(!text.isEmpty());
    });
    connect(m_pool.get(), &WorkerPool::stopped, this, &MainWindow::updateActions);
    connect(m_pool.get(), &WorkerPool::jobProgress, m_model, &QueueModel::setProgress);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
        updatePreviewInput();
    });
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetails);
    // Space pauses and resumes, except in the widgets that use Space themselves (eventFilter).
    qApp->installEventFilter(this);

    if (!m_openError.isEmpty()) {
        m_inputSummary->setText(tr("The job database could not be opened: %1").arg(m_openError));
        for (QAction *a : {m_addFiles, m_addFolder, m_paste, m_start, m_pause})
            a->setEnabled(false);
        setAcceptDrops(false);
    } else if (m_settings.resumeOnStart && m_store->activeCount() > 0) {
        // Resume on start: the queue of the last session goes on working by itself.
        startQueue();
    }
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    saveSettings();
    waitForInputTasks();
    // Before the store goes: the bridge stops within its short long poll.
    m_offload.reset();
    m_model->shutdown();
    m_pool->stop();
    m_pool->waitForStopped();
}

// ---- construction ------------------------------------------------------------------------

void MainWindow::buildActions()
{
    QStyle *st = style();
    m_addFiles = new QAction(st->standardIcon(QStyle::SP_FileIcon), tr("Add &Files…"), this);
    m_addFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_addFiles->setToolTip(tr("Add image files to the queue (Ctrl+O)"));
    connect(m_addFiles, &QAction::triggered, this, &MainWindow::addFilesDialog);

    m_addFolder = new QAction(st->standardIcon(QStyle::SP_DirIcon), tr("Add F&older…"), this);
    m_addFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_addFolder->setToolTip(tr("Add every image in a folder and its sub-folders (Ctrl+Shift+O)"));
    connect(m_addFolder, &QAction::triggered, this, &MainWindow::addFolderDialog);

    m_paste = new QAction(tr("&Paste Paths"), this);
    m_paste->setShortcut(QKeySequence::Paste);
    m_paste->setToolTip(tr("Add the files and folders whose paths are on the clipboard"));
    connect(m_paste, &QAction::triggered, this, &MainWindow::pastePaths);

    m_offloadToggle = new QAction(st->standardIcon(QStyle::SP_DriveNetIcon), tr("Off&load"), this);
    m_offloadToggle->setCheckable(true);
    m_offloadToggle->setToolTip(tr("Send the next files added to remote workers instead of "
                                   "processing them here (set up in Settings → Offload)"));
    connect(m_offloadToggle, &QAction::triggered, this, &MainWindow::onOffloadToggled);

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_start = new QAction(st->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this);
    // Return on the main keyboard or Enter on the keypad.
    m_start->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_start->setToolTip(tr("Start working on the queue (Ctrl+Return)"));
    connect(m_start, &QAction::triggered, this, &MainWindow::startQueue);

    m_pause = new QAction(st->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    // A window shortcut, but buttons, combos, text fields, spin boxes and lists other than the
    // queue keep their own Space (eventFilter).
    m_pause->setShortcut(QKeySequence(Qt::Key_Space));
    m_pause->setToolTip(tr("Pause or resume: running jobs finish, no new ones start (Space)"));
    connect(m_pause, &QAction::triggered, this, &MainWindow::togglePause);

    m_retry = new QAction(st->standardIcon(QStyle::SP_BrowserReload), tr("&Retry"), this);
    m_retry->setToolTip(tr("Put the selected failed or cancelled jobs back in the queue"));
    connect(m_retry, &QAction::triggered, this, [this] {
        if (m_store->retry(selectedJobIds()) > 0)
            m_pool->wake();
    });
    m_retryAllFailed = new QAction(tr("Retry All &Failed"), this);
    connect(m_retryAllFailed, &QAction::triggered, this, [this] {
        if (m_store->retryAllFailed() > 0)
            m_pool->wake();
    });
    m_cancel = new QAction(st->standardIcon(QStyle::SP_DialogCancelButton), tr("&Cancel"), this);
    m_cancel->setToolTip(tr("Cancel the selected jobs"));
    connect(m_cancel, &QAction::triggered, this, [this] { m_store->cancel(selectedJobIds()); });
    m_remove = new QAction(st->standardIcon(QStyle::SP_TrashIcon), tr("Re&move"), this);
    m_remove->setShortcut(QKeySequence::Delete);
    // Only while the queue has the focus: Delete in a text field edits the text.
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_remove->setToolTip(tr("Remove the selected jobs from the queue (Delete); running jobs must "
                            "be cancelled first. Output files are kept."));
    connect(m_remove, &QAction::triggered, this, &MainWindow::removeSelected);
    m_clearFinished = new QAction(tr("C&lear Finished"), this);
    m_clearFinished->setToolTip(
        tr("Remove every done, failed and cancelled job from the queue. Output files are kept."));
    connect(m_clearFinished, &QAction::triggered, this, &MainWindow::clearFinished);

    m_openOutput = new QAction(tr("&Open Output"), this);
    connect(m_openOutput, &QAction::triggered, this, [this] {
        for (const QModelIndex &i : selectedSourceRows()) {
            const QString path = i.data(QueueModel::OutputPathRole).toString();
            if (QFileInfo::exists(path))
                QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        }
    });
    m_showInFolder = new QAction(tr("Show in &Folder"), this);
    connect(m_showInFolder, &QAction::triggered, this, [this] {
        const QModelIndexList rows = selectedSourceRows();
        if (rows.isEmpty())
            return;
        const QString path = rows.first().data(QueueModel::OutputPathRole).toString();
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    });
    m_copyError = new QAction(tr("Copy &Error"), this);
    connect(m_copyError, &QAction::triggered, this, [this] {
        QStringList errors;
        for (const QModelIndex &i : selectedSourceRows()) {
            const QString e = i.data(QueueModel::ErrorRole).toString();
            if (!e.isEmpty())
                errors << QStringLiteral("%1: %2").arg(i.data(QueueModel::InputPathRole).toString(),
                                                       e);
        }
        QApplication::clipboard()->setText(errors.join(QLatin1Char('\n')));
    });

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    m_help = new QAction(tr("PixQueue &Help"), this);
    m_help->setShortcut(QKeySequence::HelpContents);
    connect(m_help, &QAction::triggered, this, &MainWindow::showHelp);

    const QList<QPair<QAction *, const char *>> named{{m_addFiles, "actionAddFiles"},
                                                      {m_addFolder, "actionAddFolder"},
                                                      {m_paste, "actionPaste"},
                                                      {m_offloadToggle, "actionOffload"},
                                                      {m_quit, "actionQuit"},
                                                      {m_start, "actionStart"},
                                                      {m_pause, "actionPause"},
                                                      {m_retry, "actionRetry"},
                                                      {m_retryAllFailed, "actionRetryAllFailed"},
                                                      {m_cancel, "actionCancel"},
                                                      {m_remove, "actionRemove"},
                                                      {m_clearFinished, "actionClearFinished"},
                                                      {m_openOutput, "actionOpenOutput"},
                                                      {m_showInFolder, "actionShowInFolder"},
                                                      {m_copyError, "actionCopyError"},
                                                      {m_settingsAction, "actionSettings"},
                                                      {m_help, "actionHelp"}};
    for (const auto &[a, name] : named)
        a->setObjectName(QLatin1String(name));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addFiles);
    file->addAction(m_addFolder);
    file->addAction(m_paste);
    file->addAction(m_offloadToggle);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_remove);
    edit->addAction(m_clearFinished);
    QMenu *queue = menuBar()->addMenu(tr("&Queue"));
    queue->addAction(m_start);
    queue->addAction(m_pause);
    queue->addSeparator();
    queue->addAction(m_retry);
    queue->addAction(m_retryAllFailed);
    queue->addAction(m_cancel);
    queue->addSeparator();
    queue->addAction(m_openOutput);
    queue->addAction(m_showInFolder);
    queue->addAction(m_copyError);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_help);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_addFiles);
    bar->addAction(m_addFolder);
    bar->addAction(m_offloadToggle);
    bar->addSeparator();
    bar->addAction(m_start);
    bar->addAction(m_pause);
    bar->addSeparator();
    auto *workersLabel = new QLabel(tr("Workers:"), bar);
    m_workers = new QSpinBox(bar);
    m_workers->setObjectName(QStringLiteral("workers"));
    m_workers->setRange(1, 64);
    m_workers->setAccessibleName(tr("Number of workers"));
    m_workers->setToolTip(tr("How many images are processed at the same time; can change while "
                             "the queue runs"));
    workersLabel->setBuddy(m_workers);
    bar->addWidget(workersLabel);
    bar->addWidget(m_workers);
    connect(m_workers, &QSpinBox::valueChanged, this, [this](int n) {
        m_pool->setWorkerCount(n);
        m_settings.workers = n;
    });
}

void MainWindow::buildCentral()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);

    m_editor = new RecipeEditor;
    auto *scroll = new QScrollArea(m_splitter);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setAccessibleName(tr("Recipe editor"));
    m_splitter->addWidget(scroll);

    auto *queuePane = new QWidget(m_splitter);
    auto *layout = new QVBoxLayout(queuePane);
    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("Show:"), queuePane);
    m_filterBox = new QComboBox(queuePane);
    m_filterBox->setObjectName(QStringLiteral("queueFilter"));
    m_filterBox->setAccessibleName(tr("Show jobs"));
    m_filterBox->addItem(tr("All jobs"), int(QueueFilterModel::Filter::All));
    m_filterBox->addItem(tr("Active"), int(QueueFilterModel::Filter::Active));
    m_filterBox->addItem(tr("Failed"), int(QueueFilterModel::Filter::Failed));
    m_filterBox->addItem(tr("Done"), int(QueueFilterModel::Filter::Done));
    filterLabel->setBuddy(m_filterBox);
    connect(m_filterBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setFilter(QueueFilterModel::Filter(m_filterBox->currentData().toInt()));
    });
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterBox);
    filterRow->addStretch(1);
    auto *clearButton = new QToolButton(queuePane);
    clearButton->setObjectName(QStringLiteral("clearFinishedButton"));
    clearButton->setDefaultAction(m_clearFinished);
    filterRow->addWidget(clearButton);
    layout->addLayout(filterRow);

    m_view = new QTableView(queuePane);
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setAccessibleName(tr("Job queue"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // insertion order until the user sorts
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(QueueModel::NameColumn, 200);
    m_view->setColumnWidth(QueueModel::ErrorColumn, 220);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    // Progress bars of running jobs; the inputs' pictures in the Name column.
    m_view->setItemDelegate(new QueueDelegate(m_view));
    m_view->setIconSize(QSize(32, 32));
    m_view->verticalHeader()->setDefaultSectionSize(36);
    // A picture whose rows scrolled out of sight before its turn is not made.
    m_model->thumbnails()->setStillWanted([this](qint64 jobId) {
        const int row = m_model->rowOfJob(jobId);
        const QModelIndex shown =
            row < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(row, 0));
        return shown.isValid() && m_view->viewport()->rect().intersects(m_view->visualRect(shown));
    });
    m_view->addAction(m_remove); // its Delete shortcut works while the queue has the focus
    layout->addWidget(m_view, 1);

    m_details = new QPlainTextEdit(queuePane);
    m_details->setObjectName(QStringLiteral("jobDetails"));
    m_details->setAccessibleName(tr("Details of the selected job"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a job to see its details."));
    m_details->setMaximumHeight(110);
    layout->addWidget(m_details);
    // The preview of the selected (or last added) input sits above the queue.
    m_previewSplitter = new QSplitter(Qt::Vertical, m_splitter);
    m_previewSplitter->setObjectName(QStringLiteral("previewSplitter"));
    m_previewSplitter->setChildrenCollapsible(false);
    m_preview = new PreviewPane(m_editor, m_previewSplitter);
    m_previewSplitter->addWidget(m_preview);
    m_previewSplitter->addWidget(queuePane);
    m_previewSplitter->setStretchFactor(0, 3);
    m_previewSplitter->setStretchFactor(1, 2);
    m_splitter->addWidget(m_previewSplitter);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);
}

void MainWindow::buildStatusBar()
{
    m_inputSummary = new QLabel(this);
    m_inputSummary->setObjectName(QStringLiteral("inputSummary"));
    m_inputSummary->setAccessibleName(tr("Result of the last added files"));
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("stateCounts"));
    m_counts->setAccessibleName(tr("Jobs per state"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("rate"));
    m_rate->setAccessibleName(tr("Speed and time left"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("overallProgress"));
    m_progress->setAccessibleName(tr("Overall progress"));
    m_progress->setMinimumWidth(260);
    m_progress->setTextVisible(true);
    m_offloadStatus = new QLabel(this);
    m_offloadStatus->setObjectName(QStringLiteral("offloadStatus"));
    m_offloadStatus->setAccessibleName(tr("Offload status"));
    m_offloadStatus->setVisible(false);
    statusBar()->addWidget(m_inputSummary, 1);
    statusBar()->addWidget(m_offloadStatus);
    statusBar()->addPermanentWidget(m_counts);
    statusBar()->addPermanentWidget(m_rate);
    statusBar()->addPermanentWidget(m_progress);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(
            windowIcon().isNull() ? style()->standardIcon(QStyle::SP_ComputerIcon) : windowIcon(),
            this);
        m_tray->setToolTip(QStringLiteral("PixQueue"));
        m_tray->show();
    }
}

// ---- settings -------------------------------------------------------------------------------

void MainWindow::restoreSettings()
{
    QSettings s;
    if (!restoreGeometry(s.value(QLatin1String(keys::geometry)).toByteArray()))
        resize(defaultSize());
    restoreState(s.value(QLatin1String(keys::windowState)).toByteArray());
    m_splitter->restoreState(s.value(QLatin1String(keys::splitter)).toByteArray());
    m_previewSplitter->restoreState(s.value(QLatin1String(keys::previewSplitter)).toByteArray());
    Recipe recipe;
    const QByteArray json = s.value(QLatin1String(keys::recipe)).toByteArray();
    if (!json.isEmpty() && !Recipe::fromJsonBytes(json, &recipe))
        m_editor->setCurrentRecipe(recipe);
    m_editor->setCheckedOutputs(s.value(QLatin1String(keys::useCurrentRecipe), true).toBool(),
                                s.value(QLatin1String(keys::checkedPresets)).toStringList());
    m_offloadToggle->setChecked(s.value(QLatin1String(keys::offloadNextBatch), false).toBool());
}

void MainWindow::applySettings()
{
    m_editor->setOutputDir(m_settings.outputDir);
    m_editor->setNaming(m_settings.naming);
    m_editor->setOverwritePolicy(m_settings.overwrite);
    m_workers->setValue(m_settings.effectiveWorkers());
    m_pool->setWorkerCount(m_settings.effectiveWorkers());
    m_pool->setLeaseTime(std::chrono::seconds(m_settings.leaseSeconds));
    // Process-wide, read by every decode that starts after this (the workers and the preview).
    imageio::setDecodeLimits(
        {qint64(m_settings.maxMegapixels) * 1000000, qint64(m_settings.maxFileMB) << 20});
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QLatin1String(keys::geometry), saveGeometry());
    s.setValue(QLatin1String(keys::windowState), saveState());
    s.setValue(QLatin1String(keys::splitter), m_splitter->saveState());
    s.setValue(QLatin1String(keys::previewSplitter), m_previewSplitter->saveState());
    s.setValue(QLatin1String(keys::recipe), m_editor->currentRecipeJson());
    s.setValue(QLatin1String(keys::useCurrentRecipe), m_editor->useCurrentRecipe());
    s.setValue(QLatin1String(keys::checkedPresets), m_editor->checkedPresets());
    s.setValue(QLatin1String(keys::offloadNextBatch), m_offloadToggle->isChecked());
    AppSettings a = m_settings;
    a.outputDir = m_editor->outputDir();
    a.naming = m_editor->naming();
    a.overwrite = m_editor->overwritePolicy();
    a.save();
}

void MainWindow::showSettings()
{
    AppSettings current = m_settings;
    current.outputDir = m_editor->outputDir();
    current.naming = m_editor->naming();
    current.overwrite = m_editor->overwritePolicy();
    SettingsDialog dialog(current, this);
    m_offload->setSuspended(true); // until the settings are decided (and for Test Connection)
    const bool accepted = dialog.exec() == QDialog::Accepted;
    if (accepted) {
        m_settings = dialog.settings();
        m_settings.save();
        applySettings();
        // The credentials are already in the keychain (the dialog wrote them before closing).
        dialog.offloadSettings().save();
    }
    m_offload->setSuspended(false); // starts again with the settings now saved
}

QSize MainWindow::defaultSize() const
{
    // No saved geometry: 80 % of the screen, at most 1400 x 900, never below what the layout
    // needs. The window manager places it (usually centred).
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const QSize available = screen ? screen->availableGeometry().size() : QSize(1280, 800);
    return (available * 0.8).boundedTo(QSize(1400, 900)).expandedTo(minimumSizeHint());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The shortcut system asks the focus widget first (ShortcutOverride); accepting it here keeps
    // Space for the widgets that use it, in this window only.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const auto *w = qobject_cast<QWidget *>(watched);
        if (key->key() == Qt::Key_Space &&
            (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier && w &&
            w->window() == this && w != m_view && usesSpace(w)) {
            event->accept();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::offloadNextBatch() const
{
    return m_offloadToggle->isChecked();
}

void MainWindow::setOffloadNextBatch(bool on)
{
    m_offloadToggle->setChecked(on);
    onOffloadToggled(on);
}

QString MainWindow::offloadStatus() const
{
    return m_offloadStatus->text();
}

void MainWindow::onOffloadToggled(bool on)
{
    if (!on)
        return;
    // Said now rather than when the first batch waits: the user is about to add one.
    if (auto problem = remote::OffloadSettings::load().validate())
        statusBar()->showMessage(OffloadController::setupHint(*problem), 15000);
}

void MainWindow::showHelp()
{
    QMessageBox::information(
        this, tr("PixQueue Help"),
        tr("<p>Drop image files or folders anywhere on the window, or use Add Files (Ctrl+O) and "
           "Add Folder (Ctrl+Shift+O). Each image becomes one job per checked recipe or "
           "preset.</p><p>Start the queue with Ctrl+Return; Space pauses and resumes. Failed "
           "jobs show their reason; right-click them to retry.</p><p>The queue is saved: "
           "closing the window never loses work.</p>"));
}

// ---- inputs ---------------------------------------------------------------------------------

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addInputs(paths);
}

void MainWindow::addFilesDialog()
{
    QStringList patterns;
    for (const QString &suffix : imageio::readableSuffixes())
        patterns << QStringLiteral("*.") + suffix;
    const QString filter = tr("Images (%1)").arg(patterns.join(QLatin1Char(' '))) +
                           QStringLiteral(";;") + tr("All files (*)");
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Add Files"), QString(), filter);
    if (!files.isEmpty())
        addInputs(files);
}

void MainWindow::addFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Folder"));
    if (!dir.isEmpty())
        addInputs({dir});
}

void MainWindow::pastePaths()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QStringList paths = localPaths(mime);
    if (paths.isEmpty() && mime && mime->hasText()) {
        const QStringList lines = mime->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            const QString path = line.trimmed();
            if (!path.isEmpty())
                paths << (path.startsWith(QLatin1String("file:")) ? QUrl(path).toLocalFile()
                                                                  : path);
        }
    }
    if (!paths.isEmpty())
        addInputs(paths);
}

bool MainWindow::addInputs(const QStringList &paths)
{
    if (!m_openError.isEmpty())
        return false;
    QList<Recipe> recipes;
    if (auto e = m_editor->selectedRecipes(&recipes)) {
        m_inputSummary->setText(*e);
        return false;
    }
    if (m_editor->outputDir().isEmpty()) {
        m_inputSummary->setText(tr("Choose an output folder first."));
        return false;
    }
    EnqueueRequest request;
    request.recipes = recipes;
    request.outputDir = QDir::fromNativeSeparators(m_editor->outputDir());
    request.naming = m_editor->naming();
    request.overwrite = m_editor->overwritePolicy();
    request.maxAttempts = m_settings.maxAttempts;
    request.offload = m_offloadToggle->isChecked();

    m_inputSummary->setText(tr("Adding %n item(s)…", nullptr, int(paths.size())));
    ++m_pendingInputTasks;
    JobStore *store = m_store.get();
    auto outcome = std::make_shared<InputOutcome>();
    outcome->offload = request.offload;
    // Scanning folders and writing thousands of rows happen off the GUI thread; the store is
    // safe to use from any thread and outlives the task (the destructor waits for it).
    QFuture<void> task = QtConcurrent::run([store, request, paths, outcome] {
        const ScanResult scan = scanInputs(paths);
        outcome->skipped = scan.skipped;
        if (scan.inputs.isEmpty())
            return;
        outcome->lastInput = scan.inputs.last().path;
        EnqueueRequest withInputs = request;
        withInputs.inputs = scan.inputs;
        EnqueueResult result;
        if (auto e = store->enqueue(withInputs, &result)) {
            outcome->error = *e;
            return;
        }
        outcome->jobs = result.queued;
        outcome->existing = result.skipped;
    });
    m_inputTasks << task;
    task.then(this, [this, outcome] { onInputsDone(*outcome); });
    return true;
}

void MainWindow::onInputsDone(const InputOutcome &outcome)
{
    --m_pendingInputTasks;
    m_inputTasks.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    int skippedFiles = 0;
    QStringList reasons;
    for (auto it = outcome.skipped.cbegin(); it != outcome.skipped.cend(); ++it) {
        skippedFiles += it.value();
        reasons << tr("%1 (%2)").arg(it.key()).arg(it.value());
    }
    QString text;
    if (!outcome.error.isEmpty())
        text = tr("Could not add the files: %1").arg(outcome.error);
    else if (outcome.offload)
        text = tr("Added %n job(s) for remote workers.", nullptr, outcome.jobs);
    else
        text = tr("Added %n job(s).", nullptr, outcome.jobs);
    if (outcome.existing > 0)
        text += QLatin1Char(' ') +
                tr("%n output(s) already existed and were skipped.", nullptr, outcome.existing);
    if (skippedFiles > 0)
        text += QLatin1Char(' ') + tr("Skipped %n file(s): %1", nullptr, skippedFiles)
                                       .arg(reasons.join(QStringLiteral("; ")));
    m_inputSummary->setText(text);
    m_inputSummary->setToolTip(text);
    if (!outcome.lastInput.isEmpty() && outcome.error.isEmpty()) {
        m_lastAddedInput = outcome.lastInput;
        updatePreviewInput();
    }
    m_model->refresh();
    m_pool->wake();
    emit inputsAdded(outcome.jobs, skippedFiles);
}

void MainWindow::waitForInputTasks()
{
    for (QFuture<void> &f : m_inputTasks)
        f.waitForFinished();
    m_inputTasks.clear();
}

QString MainWindow::inputSummary() const
{
    return m_inputSummary->text();
}

// ---- queue --------------------------------------------------------------------------------------

void MainWindow::startQueue()
{
    if (!m_openError.isEmpty())
        return;
    if (!m_pool->isRunning())
        m_pool->start();
    else if (m_pool->isPaused())
        m_pool->resume();
    m_pool->wake();
    updateActions();
}

void MainWindow::togglePause()
{
    if (!m_pool->isRunning())
        return;
    if (m_pool->isPaused())
        m_pool->resume();
    else
        m_pool->pause();
    updateActions();
}

void MainWindow::removeSelected()
{
    if (!m_openError.isEmpty())
        return;
    const QModelIndexList rows = selectedSourceRows();
    if (rows.isEmpty())
        return;
    QList<qint64> ids;
    int unfinished = 0;
    for (const QModelIndex &i : rows) {
        ids << i.data(QueueModel::JobIdRole).toLongLong();
        const auto state = i.data(QueueModel::StateRole).value<JobState>();
        unfinished += state == JobState::Queued || state == JobState::Paused ? 1 : 0;
    }
    if (unfinished > 0) {
        // Finished jobs go without asking; work that has not run yet would be lost.
        QMessageBox box(QMessageBox::Question, tr("Remove Jobs"),
                        tr("Remove %n job(s) that have not run yet?", nullptr, unfinished),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("confirmRemove"));
        box.setDefaultButton(QMessageBox::Yes);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    runRemoval([ids](JobStore *store) { return store->removeJobs(ids); });
}

void MainWindow::clearFinished()
{
    if (!m_openError.isEmpty())
        return;
    runRemoval([](JobStore *store) { return RemoveResult{store->clearFinished(), 0}; });
}

// Removing thousands of rows is a write transaction: done off the GUI thread, like enqueueing.
// The model hears of it through the store's change notification.
void MainWindow::runRemoval(std::function<RemoveResult(JobStore *)> removal)
{
    JobStore *store = m_store.get();
    auto result = std::make_shared<RemoveResult>();
    QFuture<void> task = QtConcurrent::run([store, removal, result] { *result = removal(store); });
    m_inputTasks << task;
    task.then(this, [this, result] {
        m_inputTasks.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
        QString text = tr("Removed %n job(s).", nullptr, result->removed);
        if (result->skipped > 0)
            text += QLatin1Char(' ') +
                    tr("%n running job(s) kept: cancel them first.", nullptr, result->skipped);
        statusBar()->showMessage(text, 10000);
        m_model->refresh();
    });
}

QModelIndexList MainWindow::selectedSourceRows() const
{
    QModelIndexList rows;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        rows << m_filter->mapToSource(i);
    return rows;
}

QList<qint64> MainWindow::selectedJobIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &i : selectedSourceRows())
        ids << i.data(QueueModel::JobIdRole).toLongLong();
    return ids;
}

void MainWindow::updateActions()
{
    const bool running = m_pool->isRunning();
    const bool paused = running && m_pool->isPaused();
    m_start->setEnabled(m_openError.isEmpty() && (!running || paused));
    m_pause->setEnabled(running);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    bool anyFailed = false, anyActive = false, anyOutput = false, anyError = false;
    for (const QModelIndex &i : selectedSourceRows()) {
        const auto state = i.data(QueueModel::StateRole).value<JobState>();
        anyFailed |= state == JobState::Failed || state == JobState::Cancelled;
        anyActive |= state == JobState::Queued || state == JobState::Leased ||
                     state == JobState::Paused || state == JobState::Failed ||
                     state == JobState::Offloaded;
        anyOutput |= state == JobState::Done;
        anyError |= !i.data(QueueModel::ErrorRole).toString().isEmpty();
    }
    m_retry->setEnabled(anyFailed);
    m_cancel->setEnabled(anyActive);
    m_remove->setEnabled(m_openError.isEmpty() && m_view->selectionModel()->hasSelection());
    m_clearFinished->setEnabled(m_openError.isEmpty() && finishedCount(*m_model) > 0);
    m_openOutput->setEnabled(anyOutput);
    m_showInFolder->setEnabled(anyOutput);
    m_copyError->setEnabled(anyError);
    m_retryAllFailed->setEnabled(m_model->count(JobState::Failed) > 0);
}

void MainWindow::updateDetails()
{
    const QModelIndexList rows = selectedSourceRows();
    if (rows.size() != 1) {
        m_details->clear();
        return;
    }
    const JobRecord &job = m_model->job(rows.first().row());
    QStringList lines{tr("Input: %1").arg(QDir::toNativeSeparators(job.inputPath)),
                      tr("Output: %1").arg(QDir::toNativeSeparators(job.outputPath)),
                      tr("State: %1, attempt %2 of %3")
                          .arg(QueueModel::stateText(job.state))
                          .arg(job.attempts)
                          .arg(job.maxAttempts)};
    if (job.offload)
        lines << tr("Processed by remote workers (offload)");
    if (!job.errorMessage.isEmpty())
        lines << tr("Error: %1").arg(job.errorMessage);
    const QString text = lines.join(QLatin1Char('\n'));
    if (m_details->toPlainText() != text)
        m_details->setPlainText(text);
}

// The preview shows the selected job's input, or else the last input added.
void MainWindow::updatePreviewInput()
{
    const QModelIndexList rows = selectedSourceRows();
    QString path = m_lastAddedInput;
    if (!rows.isEmpty()) {
        const QModelIndex current = m_view->selectionModel()->currentIndex();
        const QModelIndex row =
            current.isValid() && m_view->selectionModel()->isRowSelected(current.row())
                ? m_filter->mapToSource(current)
                : rows.first();
        path = row.siblingAtColumn(0).data(QueueModel::InputPathRole).toString();
    }
    m_preview->setInput(path);
}

void MainWindow::showContextMenu(const QPoint &pos)
{
    updateActions();
    QMenu menu(this);
    menu.addAction(m_retry);
    menu.addAction(m_cancel);
    menu.addAction(m_remove);
    menu.addSeparator();
    menu.addAction(m_openOutput);
    menu.addAction(m_showInFolder);
    menu.addAction(m_copyError);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QString MainWindow::statusSummary() const
{
    return m_counts->text() + QLatin1Char(' ') + m_progress->text();
}

QString MainWindow::rateText(double rate, int active)
{
    if (rate <= 0)
        return {};
    if (active <= 0)
        return tr("%1 images/s").arg(rate, 0, 'f', 1);
    return tr("%1 images/s, %2 left").arg(rate, 0, 'f', 1).arg(formatDuration(active / rate));
}

void MainWindow::updateStatus()
{
    const int queued = m_model->count(JobState::Queued);
    const int running = m_model->count(JobState::Leased);
    const int paused = m_model->count(JobState::Paused);
    const int done = m_model->count(JobState::Done);
    const int failed = m_model->count(JobState::Failed);
    const int cancelled = m_model->count(JobState::Cancelled);
    const int offloaded = m_model->count(JobState::Offloaded);
    const int active = queued + running + offloaded;
    const int total = queued + running + offloaded + paused + done + failed;

    QString counts = tr("Queued %1 · Running %2 · Done %3 · Failed %4 · Cancelled %5")
                         .arg(queued)
                         .arg(running)
                         .arg(done)
                         .arg(failed)
                         .arg(cancelled);
    if (offloaded > 0)
        counts += QStringLiteral(" · ") + tr("Offloaded %1").arg(offloaded);
    m_counts->setText(counts);
    if (m_openError.isEmpty())
        m_offload->setPendingJobs(m_model->pendingOffloadCount());
    // Done and failed both finish a job, but the bar never says "100%" alone: it names the
    // failures and turns red while there are any.
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done + failed);
    m_progress->setFormat(
        failed > 0 ? tr("%1 of %2 finished, %3 failed").arg(done + failed).arg(total).arg(failed)
                   : tr("%1 of %2 finished").arg(done).arg(total));
    // Red while there are failures: only the bar's highlight roles are set, so the rest of its
    // palette (light or dark) still follows the application's.
    QPalette bar;
    if (failed > 0) {
        bar.setColor(QPalette::Highlight, QColor(0xc6, 0x28, 0x28));
        bar.setColor(QPalette::HighlightedText, Qt::white);
    }
    if (bar.resolveMask() != m_progress->palette().resolveMask() ||
        m_progress->palette().color(QPalette::Highlight) != bar.color(QPalette::Highlight))
        m_progress->setPalette(bar);
    const double rate = m_model->finishRate();
    m_rate->setText(rateText(rate, active));
    if (active > 0) {
        m_hadActiveJobs = true;
    } else if (m_hadActiveJobs) {
        m_hadActiveJobs = false;
        const QString message = tr("Batch finished: %1 done, %2 failed.").arg(done).arg(failed);
        statusBar()->showMessage(message, 10000);
        if (m_tray && QSystemTrayIcon::supportsMessages())
            m_tray->showMessage(QStringLiteral("PixQueue"), message,
                                failed > 0 ? QSystemTrayIcon::Warning
                                           : QSystemTrayIcon::Information);
        emit batchFinished(done, failed);
    }
    m_retryAllFailed->setEnabled(failed > 0);
    m_clearFinished->setEnabled(m_openError.isEmpty() && finishedCount(*m_model) > 0);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_offload->shutdown();
    if (m_offload->isStopping()) {
        // The bridge finishes its current exchange first; the window closes when it has stopped,
        // and the GUI thread never waits for it.
        event->ignore();
        if (!m_closeWhenOffloadStopped) {
            m_closeWhenOffloadStopped = true;
            connect(m_offload.get(), &OffloadController::stopped, this, &QWidget::close,
                    Qt::QueuedConnection);
        }
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace pq::ui
