#pragma once
// PixQueue's main window: inputs (drop anywhere, Add Files, Add Folder, paste), the recipe editor,
// the queue view and the status bar, over one JobStore worked by one WorkerPool.
//
// Threads: the window and everything it owns live in the GUI thread. Scanning dropped folders and
// enqueueing run in QtConcurrent tasks (results come back through QFuture::then on this thread);
// the queue model queries on its own thread; the WorkerPool runs jobs on its threads and reports
// through queued signals; the OffloadController reads the keychain, resolves queues and runs the
// OffloadBridge off this thread. The GUI thread never decodes images, walks folders, reads the
// whole job table or waits for the network.

#include "AppSettings.h"

#include <QAbstractItemModel>
#include <QFuture>
#include <QMainWindow>
#include <QMap>
#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QSpinBox;
class QSplitter;
class QSystemTrayIcon;
class QTableView;

namespace pq {
class JobStore;
class WorkerPool;
struct RemoveResult;
} // namespace pq

namespace pq::ui {

class OffloadController;
class PreviewPane;
class QueueFilterModel;
class QueueModel;
class RecipeEditor;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `databasePath` empty: JobStore::defaultPath().
    explicit MainWindow(const QString &databasePath = {}, QWidget *parent = nullptr);
    ~MainWindow() override; // saves the window state, stops the workers (jobs handed back)

    JobStore *store() const { return m_store.get(); }
    WorkerPool *pool() const { return m_pool.get(); }
    QueueModel *queueModel() const { return m_model; }
    RecipeEditor *recipeEditor() const { return m_editor; }
    QTableView *queueView() const { return m_view; }
    OffloadController *offload() const { return m_offload.get(); }
    PreviewPane *previewPane() const { return m_preview; }
    // The "Offload" toggle: the next batches added go to remote workers.
    bool offloadNextBatch() const;
    void setOffloadNextBatch(bool on);
    QString offloadStatus() const;
    QString openError() const { return m_openError; }

    // Scans `paths` (files and folders, recursively) off the GUI thread and enqueues one job per
    // image and checked recipe. Returns false (and says why in the status bar) when there is
    // nothing to enqueue with: no recipe checked, an invalid recipe or no output folder.
    bool addInputs(const QStringList &paths);
    // Waits (processing events) until every scan/enqueue task has finished. For tests and close.
    void waitForInputTasks();

    void startQueue();
    void togglePause();
    // Removes the selected jobs (asks first when some have not finished; running ones are kept)
    // and every finished job; both off the GUI thread.
    void removeSelected();
    void clearFinished();
    QString inputSummary() const;
    QString statusSummary() const;
    // The size the window opens at when no geometry was saved.
    QSize defaultSize() const;
    // The status bar's speed and time left: finished jobs per second (over the last 20 s) and the
    // jobs still to do (queued, running, offloaded).
    static QString rateText(double imagesPerSecond, int activeJobs);

signals:
    // A scan and enqueue finished: jobs queued, files skipped by the scanner.
    void inputsAdded(int jobs, int skippedFiles);
    // The queue went from having active jobs to none.
    void batchFinished(int done, int failed);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    struct InputOutcome
    {
        int jobs = 0;
        int existing = 0;
        QMap<QString, int> skipped;
        QString error;
        bool offload = false;
        QString lastInput; // the last image scanned, for the preview
    };
    void buildActions();
    void buildCentral();
    void buildStatusBar();
    void restoreSettings();
    void saveSettings() const;
    void applySettings();
    void addFilesDialog();
    void addFolderDialog();
    void pastePaths();
    void showSettings();
    void onOffloadToggled(bool on);
    void showHelp();
    void showContextMenu(const QPoint &pos);
    void updateStatus();
    void updateActions();
    void updateDetails();
    void updatePreviewInput();
    void onInputsDone(const InputOutcome &outcome);
    void runRemoval(std::function<RemoveResult(JobStore *)> removal);
    QList<qint64> selectedJobIds() const;
    QModelIndexList selectedSourceRows() const;

    AppSettings m_settings;
    QString m_openError;
    // Destroyed in reverse order: the pool stops before the store goes away.
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<OffloadController> m_offload;
    QList<QFuture<void>> m_inputTasks;
    int m_pendingInputTasks = 0;

    QueueModel *m_model = nullptr;
    QueueFilterModel *m_filter = nullptr;
    RecipeEditor *m_editor = nullptr;
    QTableView *m_view = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_previewSplitter = nullptr; // the preview above the queue
    PreviewPane *m_preview = nullptr;
    QString m_lastAddedInput;
    QComboBox *m_filterBox = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QSpinBox *m_workers = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_inputSummary = nullptr;
    QLabel *m_offloadStatus = nullptr;
    QSystemTrayIcon *m_tray = nullptr;

    QAction *m_addFiles = nullptr;
    QAction *m_addFolder = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_offloadToggle = nullptr;
    QAction *m_start = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_retryAllFailed = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_clearFinished = nullptr;
    QAction *m_openOutput = nullptr;
    QAction *m_showInFolder = nullptr;
    QAction *m_copyError = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_help = nullptr;
    QAction *m_quit = nullptr;
    bool m_hadActiveJobs = false;
    bool m_closeWhenOffloadStopped = false;
};

} // namespace pq::ui
