#include "QueueModel.h"

#include "ThumbnailCache.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace pq::ui {

namespace {
constexpr int kPollMs = 500;
constexpr qint64 kRateWindowMs = 20000;

int pendingOffload(const JobRecord &job)
{
    return job.offload && (job.state == JobState::Queued || job.state == JobState::Leased ||
                           job.state == JobState::Offloaded)
               ? 1
               : 0;
}
} // namespace

QueueModel::QueueModel(JobStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_thumbnails(new ThumbnailCache(64, this))
{
    connect(m_thumbnails, &ThumbnailCache::ready, this,
            [this](const QString &, const QList<qint64> &requesters) {
                for (qint64 id : requesters) {
                    const int row = rowOfJob(id);
                    if (row >= 0)
                        emit dataChanged(index(row, NameColumn), index(row, NameColumn),
                                         {Qt::DecorationRole});
                }
            });
    // One thread: queries run one after the other, so their results arrive in order. The thread
    // keeps its SQLite connection between queries.
    m_fetchPool.setMaxThreadCount(1);
    m_fetchPool.setExpiryTimeout(-1);
    m_clock.start();
    connect(m_store, &JobStore::jobsChanged, this, &QueueModel::refresh);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &QueueModel::refresh);
    m_poll.start();
    refresh();
}

QueueModel::~QueueModel()
{
    shutdown();
}

void QueueModel::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_poll.stop();
    disconnect(m_store, nullptr, this, nullptr);
    // Only the query itself is waited for: its continuation runs in this thread's event loop.
    m_query.waitForFinished();
    m_fetchPool.waitForDone();
    m_thumbnails->shutdown();
}

void QueueModel::refresh()
{
    if (m_shutDown)
        return;
    if (m_inFlight) {
        m_fetchPending = true;
        return;
    }
    startFetch();
}

void QueueModel::startFetch()
{
    m_fetchPending = false;
    m_inFlight = true;
    JobStore *store = m_store;
    const qint64 since = m_revision;
    auto fetch = std::make_shared<Fetch>();
    m_query = QtConcurrent::run(&m_fetchPool, [store, since, fetch] {
        fetch->changes = store->changes(since);
        if (!fetch->changes.complete) {
            // Removals we would need are no longer recorded: start again from nothing.
            fetch->changes = store->changes(0);
            fetch->reset = true;
        }
    });
    m_query.then(this, [this, fetch] {
        m_inFlight = false;
        if (m_shutDown)
            return;
        apply(*fetch);
        if (m_fetchPending)
            startFetch();
    });
}

void QueueModel::apply(const Fetch &fetch)
{
    if (fetch.reset) {
        reset(fetch.changes.changed);
        m_revision = fetch.changes.newest;
        emit updated();
        return;
    }
    QList<JobRecord> added;
    int finished = 0;
    for (const JobRecord &job : fetch.changes.changed) {
        const auto it = m_rowById.constFind(job.id);
        if (it == m_rowById.cend()) {
            added << job;
            continue;
        }
        JobRecord &old = m_rows[*it];
        if (job.revision <= old.revision)
            continue;
        const bool wasFinished = old.state == JobState::Done || old.state == JobState::Failed;
        const bool isFinished = job.state == JobState::Done || job.state == JobState::Failed;
        if (!wasFinished && isFinished)
            ++finished;
        --m_counts[old.state];
        ++m_counts[job.state];
        m_pendingOffload += pendingOffload(job) - pendingOffload(old);
        if (job.state != JobState::Leased && job.state != JobState::Queued)
            m_progress.remove(job.id);
        old = job;
        emit dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const JobRecord &job : std::as_const(added)) {
            m_rowById.insert(job.id, int(m_rows.size()));
            m_rows << job;
            ++m_counts[job.state];
            m_pendingOffload += pendingOffload(job);
        }
        endInsertRows();
    }
    removeJobs(fetch.changes.removed);
    if (fetch.changes.newest > m_revision)
        m_revision = fetch.changes.newest;
    noteFinished(finished);
    emit updated();
}

void QueueModel::forget(const JobRecord &job)
{
    --m_counts[job.state];
    m_pendingOffload -= pendingOffload(job);
    m_progress.remove(job.id);
}

void QueueModel::reset(const QList<JobRecord> &rows)
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_counts.clear();
    m_progress.clear();
    m_pendingOffload = 0;
    for (const JobRecord &job : rows) {
        m_rowById.insert(job.id, int(m_rows.size()));
        m_rows << job;
        ++m_counts[job.state];
        m_pendingOffload += pendingOffload(job);
    }
    endResetModel();
}

// Removes the rows of `ids` (unknown ids are ignored) in contiguous ranges, from the last row to
// the first so that the rows still to remove keep their numbers; the row index is rebuilt once,
// for the rows after the first removed one.
void QueueModel::removeJobs(const QList<qint64> &ids)
{
    QList<int> rows;
    rows.reserve(ids.size());
    for (qint64 id : ids) {
        const auto it = m_rowById.constFind(id);
        if (it != m_rowById.cend())
            rows << *it;
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (qsizetype end = rows.size(); end > 0;) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows.at(begin - 1) == rows.at(begin) - 1)
            --begin;
        const int first = rows.at(begin);
        const int last = rows.at(end - 1);
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) {
            forget(m_rows.at(r));
            m_rowById.remove(m_rows.at(r).id);
        }
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        end = begin;
    }
    for (int r = rows.constFirst(); r < int(m_rows.size()); ++r)
        m_rowById[m_rows.at(r).id] = r;
}

void QueueModel::setProgress(qint64 jobId, int percent)
{
    const int row = rowOfJob(jobId);
    if (row < 0)
        return;
    const JobState state = m_rows.at(row).state;
    if (state != JobState::Leased && state != JobState::Queued)
        return; // already finished: a late report
    percent = qBound(0, percent, 100);
    auto it = m_progress.find(jobId);
    if (it != m_progress.end() && *it == percent)
        return;
    m_progress.insert(jobId, percent);
    if (state == JobState::Leased) {
        const QModelIndex i = index(row, StateColumn);
        emit dataChanged(i, i, {ProgressRole});
    }
}

void QueueModel::noteFinished(int n)
{
    const qint64 now = m_clock.elapsed();
    if (n > 0)
        m_finishEvents.emplace_back(now, n);
    while (!m_finishEvents.empty() && now - m_finishEvents.front().first > kRateWindowMs)
        m_finishEvents.pop_front();
}

double QueueModel::finishRate() const
{
    if (m_finishEvents.empty())
        return 0;
    int n = 0;
    for (const auto &e : m_finishEvents)
        n += e.second;
    const qint64 span = qMax<qint64>(1000, m_clock.elapsed() - m_finishEvents.front().first);
    return n * 1000.0 / double(span);
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString QueueModel::stateText(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return tr("Queued");
    case JobState::Leased:
        return tr("Running");
    case JobState::Done:
        return tr("Done");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Cancelled:
        return tr("Cancelled");
    case JobState::Paused:
        return tr("Paused");
    case JobState::Offloaded:
        return tr("Offloaded");
    }
    return {};
}

namespace {
QIcon stateIcon(JobState state)
{
    QStyle *style = QApplication::style();
    switch (state) {
    case JobState::Queued:
        return style->standardIcon(QStyle::SP_FileDialogContentsView);
    case JobState::Leased:
        return style->standardIcon(QStyle::SP_MediaPlay);
    case JobState::Done:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case JobState::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case JobState::Cancelled:
        return style->standardIcon(QStyle::SP_DialogCancelButton);
    case JobState::Paused:
        return style->standardIcon(QStyle::SP_MediaPause);
    case JobState::Offloaded:
        return style->standardIcon(QStyle::SP_DriveNetIcon);
    }
    return {};
}
} // namespace

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const JobRecord &job = m_rows.at(index.row());
    switch (role) {
    case JobIdRole:
        return job.id;
    case StateRole:
        return QVariant::fromValue(job.state);
    case OutputPathRole:
        return job.outputPath;
    case ErrorRole:
        return job.errorMessage;
    case InputPathRole:
        return job.inputPath;
    case ProgressRole:
        if (job.state != JobState::Leased)
            return {};
        return m_progress.value(job.id, qRound(job.progress * 100));
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn:
            return QFileInfo(job.inputPath).fileName();
        case PresetColumn:
            return job.preset;
        case StateColumn:
            return stateText(job.state);
        case AttemptsColumn:
            return QStringLiteral("%1/%2").arg(job.attempts).arg(job.maxAttempts);
        case ErrorColumn:
            return job.errorMessage.section(QLatin1Char('\n'), 0, 0);
        case OutputColumn:
            return job.state == JobState::Done ? job.outputPath : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case NameColumn:
            return job.inputPath;
        case ErrorColumn:
            return job.errorMessage.isEmpty() ? QVariant() : QVariant(job.errorMessage);
        case OutputColumn:
            return job.outputPath;
        case StateColumn:
            if (job.state == JobState::Offloaded)
                return tr("Offloaded: sent to remote workers, waiting for their answer");
            return job.errorKind.isEmpty()
                       ? QVariant(stateText(job.state))
                       : QVariant(tr("%1 (%2 error)").arg(stateText(job.state), job.errorKind));
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == StateColumn)
        return stateIcon(job.state);
    if (role == Qt::DecorationRole && column == NameColumn) {
        // Asked only for the rows a view paints: the picture is made then, off this thread.
        const QIcon icon = m_thumbnails->icon(job.inputPath, job.id);
        return icon.isNull() ? QVariant() : QVariant(icon);
    }
    if (role == Qt::UserRole && column == AttemptsColumn)
        return job.attempts;
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PresetColumn:
        return tr("Preset");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case ErrorColumn:
        return tr("Error");
    case OutputColumn:
        return tr("Output");
    default:
        return {};
    }
}

void QueueFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-evaluates every row.
    m_filter = filter;
    invalidateFilter();
}

bool QueueFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == Filter::All)
        return true;
    const auto state = sourceModel()
                           ->index(sourceRow, 0, sourceParent)
                           .data(QueueModel::StateRole)
                           .value<JobState>();
    switch (m_filter) {
    case Filter::Active:
        return state == JobState::Queued || state == JobState::Leased ||
               state == JobState::Paused || state == JobState::Offloaded;
    case Filter::Failed:
        return state == JobState::Failed;
    case Filter::Done:
        return state == JobState::Done;
    case Filter::All:
        break;
    }
    return true;
}

bool QueueFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == QueueModel::AttemptsColumn)
        return left.data(Qt::UserRole).toInt() < right.data(Qt::UserRole).toInt();
    return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
}

} // namespace pq::ui
