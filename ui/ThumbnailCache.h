#pragma once
// Small pictures of the queue's inputs, made off the GUI thread, lazily: a picture is made only
// when a view asks for it (QueueModel's DecorationRole of the Name column, which a view asks only
// for the rows it paints), at most `maxConcurrent` at a time. A request whose rows have scrolled
// out of sight before its turn comes is dropped (see setStillWanted); asking again requests it
// again. Inputs are decoded with the thumbnail operation's shrink-on-load (a JPEG at 1/2 .. 1/8
// scale in the DCT) and scaled by the thumbnail operation itself. A file that cannot be decoded
// gets brokenIcon().
//
// Pictures are cached by input path (up to 2000), each with the modification time of the file it
// was made from; the GUI thread never touches the file (not even to stat it).
//
// Threads: lives in the GUI thread; all public methods GUI thread only. Decoding runs in a
// private QThreadPool; QPixmap and QIcon are made in the GUI thread from the task's QImage.

#include <QCache>
#include <QFuture>
#include <QHash>
#include <QIcon>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <deque>
#include <functional>

namespace pq::ui {

class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        None,    // not asked for
        Pending, // waiting for its turn or being made
        Ready,
        Broken // the file could not be decoded
    };

    explicit ThumbnailCache(int pixelSize = 64, QObject *parent = nullptr);
    ~ThumbnailCache() override; // waits for the running tasks

    // The picture of `path`, or a null icon while it is being made: then it is asked for on
    // behalf of `requester` (a job id), and `ready` names the requesters when it is there.
    QIcon icon(const QString &path, qint64 requester);
    Status status(const QString &path) const;
    QIcon brokenIcon() const { return m_broken; }

    // Asked just before a request's turn: false when none of its requesters is still shown,
    // and the request is dropped. Default: every request is made.
    void setStillWanted(std::function<bool(qint64 requester)> stillWanted);
    void setMaxConcurrent(int n);
    int pixelSize() const { return m_pixelSize; }
    // Stops starting tasks and waits for the running ones.
    void shutdown();

signals:
    void ready(const QString &path, const QList<qint64> &requesters);

private:
    struct Made
    {
        QImage image; // null: broken
        qint64 mtime = 0;
    };
    struct Entry
    {
        QIcon icon;
        qint64 mtime = 0;
        bool broken = false;
    };
    static Made make(const QString &path, int pixelSize);
    void startNext();
    void finished(const QString &path, const Made &made);

    int m_pixelSize;
    int m_maxConcurrent = 2;
    bool m_shutDown = false;
    QThreadPool m_pool;
    QCache<QString, Entry> m_cache;
    std::deque<QString> m_queue;               // paths waiting for their turn, oldest first
    QHash<QString, QSet<qint64>> m_requesters; // queued or running paths -> who asked
    QSet<QString> m_running;
    QList<QFuture<void>> m_tasks;
    std::function<bool(qint64)> m_stillWanted;
    QIcon m_broken;
    bool m_startScheduled = false;
};

} // namespace pq::ui
