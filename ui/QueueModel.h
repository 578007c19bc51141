#pragma once
// The queue view's model: one row per job, kept up to date incrementally from
// JobStore::changesSince (a cheap query for the rows whose revision moved) instead of reloading the
// table. The query runs on a private one-thread pool, never on the GUI thread; its result is
// applied on the GUI thread. Refreshes are triggered by a poll timer (changes made by another
// process, e.g. `pixqueue-cli run`) and by JobStore::jobsChanged (changes made in this process).
//
// Threads: lives in the GUI thread; all public methods GUI thread only.

#include "jobs/JobStore.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSortFilterProxyModel>
#include <QThreadPool>
#include <QTimer>
#include <deque>

namespace pq::ui {

class ThumbnailCache;

class QueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        PresetColumn,
        StateColumn,
        AttemptsColumn,
        ErrorColumn,
        OutputColumn,
        ColumnCount
    };
    enum Role
    {
        JobIdRole = Qt::UserRole + 1,
        StateRole,
        OutputPathRole,
        ErrorRole,
        InputPathRole,
        // Running (leased) jobs: 0..100, from the workers of this process (setProgress) or, for
        // jobs run by another process, from the progress its heartbeat stores. Else null.
        ProgressRole
    };

    // `store` must outlive the model or shutdown() must be called first.
    explicit QueueModel(JobStore *store, QObject *parent = nullptr);
    ~QueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const JobRecord &job(int row) const { return m_rows.at(row); }
    int rowOfJob(qint64 id) const { return m_rowById.value(id, -1); }
    int count(JobState state) const { return m_counts.value(state); }
    // Jobs of offload batches still to be sent (queued, leased) or answered (offloaded).
    int pendingOffloadCount() const { return m_pendingOffload; }
    int total() const { return int(m_rows.size()); }
    // Jobs finished (done or failed) per second over the last 20 s, 0 when none.
    double finishRate() const;
    qint64 revision() const { return m_revision; }

    // Asks for the changes now (coalesced with a query already running).
    void refresh();
    // The pictures of the inputs (DecorationRole of the Name column), made off the GUI thread.
    ThumbnailCache *thumbnails() const { return m_thumbnails; }
    // A worker of this process reports how far a running job is (WorkerPool::jobProgress).
    void setProgress(qint64 jobId, int percent);
    // Waits for a running query; afterwards the model no longer touches the store.
    void shutdown();

    static QString stateText(JobState state);

signals:
    // After each applied set of changes (also when nothing changed since the last one).
    void updated();

private:
    struct Fetch
    {
        JobChanges changes;
        bool reset = false; // the reader was too far behind: `changes` is everything, from 0
    };
    void startFetch();
    void apply(const Fetch &fetch);
    void reset(const QList<JobRecord> &rows);
    void removeJobs(const QList<qint64> &ids);
    void forget(const JobRecord &job); // counts and progress of a row that goes away
    void noteFinished(int n);

    JobStore *m_store;
    ThumbnailCache *m_thumbnails;
    QThreadPool m_fetchPool;
    QFuture<void> m_query;
    bool m_inFlight = false;
    bool m_fetchPending = false;
    bool m_shutDown = false;
    qint64 m_revision = 0;
    QList<JobRecord> m_rows;
    QHash<qint64, int> m_rowById;
    QMap<JobState, int> m_counts;
    QHash<qint64, int> m_progress; // job id -> percent, reported by this process's workers
    int m_pendingOffload = 0;
    QTimer m_poll;
    QElapsedTimer m_clock;
    std::deque<std::pair<qint64, int>> m_finishEvents; // (ms since start, jobs finished)
};

// Filters the queue by state group and sorts by the model's display text (numbers numerically).
class QueueFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Filter
    {
        All,
        Active,
        Failed,
        Done
    };
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Filter m_filter = Filter::All;
};

} // namespace pq::ui
