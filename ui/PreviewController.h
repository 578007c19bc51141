#pragma once
// Computes the before/after preview off the GUI thread (core/preview/PreviewRenderer).
//
// Threads: the controller lives in the GUI thread; renders run one at a time on its own
// one-thread QThreadPool, and their results come back through a QFutureWatcher. Recipe changes
// are debounced (a single-shot timer restarted on every change, 150 ms by default: a dragged
// slider renders once it rests); a change while a render runs cancels that render (the
// operations poll the flag) and every result is tagged with the request generation it was made
// for, so a stale result is never shown. The decoded, downscaled input is cached: parameter
// changes re-run the steps only. The GUI thread never decodes or processes pixels (it only stats
// the input file to see whether the cached copy is still current).

#include "ops/Recipe.h"

#include <QImage>
#include <QObject>
#include <QSize>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <memory>

namespace pq::preview {
struct PreviewSource;
}

namespace pq::ui {

// One finished preview, ready to paint.
struct PreviewImages
{
    QString path;
    int focusStep = -1;
    QImage before;
    QImage after;
    QSize beforeFullSize; // the full-resolution size of what `before` shows
    QSize afterFullSize;
    QStringList notes; // from the core (translated with the core's catalogue)
    QString error;
};

class PreviewController : public QObject
{
    Q_OBJECT
public:
    explicit PreviewController(QObject *parent = nullptr);
    ~PreviewController() override; // cancels the running render and waits for it

    // The input to preview (empty: none). A new input renders at once, without the debounce.
    void setInput(const QString &path);
    QString input() const { return m_path; }
    // The recipe and the step to focus on (see preview::renderPreview). Debounced.
    void setRecipe(const Recipe &recipe, int focusStep = -1);
    // The long side of the decoded copy; changing it decodes again.
    void setMaxSide(int pixels);
    int maxSide() const { return m_maxSide; }
    void setDebounceInterval(int ms) { m_debounceMs = ms; }
    int debounceInterval() const { return m_debounceMs; }

    const PreviewImages &current() const { return m_current; }
    bool isBusy() const { return m_running || m_debounce.isActive(); }
    int renderCount() const { return m_renderCount; } // renders started
    int decodeCount() const { return m_decodeCount; } // inputs decoded (not taken from the cache)

signals:
    void rendered(); // current() holds a new preview
    void busyChanged(bool busy);

private:
    void request(bool immediate);
    void startRender();
    void setBusy(bool busy);

    QThreadPool m_pool;
    QTimer m_debounce;
    QString m_path;
    Recipe m_recipe;
    QByteArray m_recipeKey; // recipe JSON + focus step: unchanged requests render nothing
    int m_focusStep = -1;
    int m_maxSide;
    int m_debounceMs = 150;
    quint64 m_generation = 0; // bumped by every request
    bool m_running = false;
    bool m_startWhenIdle = false;
    bool m_busy = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<const preview::PreviewSource> m_source; // the cached decode
    QString m_sourceKey; // path, size, modification time and maxSide of m_source
    PreviewImages m_current;
    int m_renderCount = 0;
    int m_decodeCount = 0;
};

} // namespace pq::ui
