#include "PreviewController.h"

#include "preview/PreviewRenderer.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <opencv2/imgproc.hpp>

namespace pq::ui {

namespace {

// A deep copy: the QImage owns its pixels once the worker's cv::Mat is gone.
QImage toQImage(const cv::Mat &m)
{
    if (m.empty() || m.depth() != CV_8U)
        return {};
    switch (m.channels()) {
    case 1:
        return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_Grayscale8).copy();
    case 3:
        return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_BGR888).copy();
    case 4: {
        cv::Mat rgba;
        cv::cvtColor(m, rgba, cv::COLOR_BGRA2RGBA);
        return QImage(rgba.data, rgba.cols, rgba.rows, int(rgba.step), QImage::Format_RGBA8888)
            .copy();
    }
    default:
        return {};
    }
}

QSize toQSize(const cv::Size &s)
{
    return {s.width, s.height};
}

struct RenderOutcome
{
    std::shared_ptr<const preview::PreviewSource> source;
    bool decoded = false;
    bool cancelled = false;
    PreviewImages images;
};

} // namespace

PreviewController::PreviewController(QObject *parent)
    : QObject(parent)
    , m_maxSide(preview::kDefaultMaxSide)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("previewPool"));
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewController::startRender);
}

PreviewController::~PreviewController()
{
    m_debounce.stop();
    if (m_cancel)
        m_cancel->store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

void PreviewController::setInput(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    request(true);
}

void PreviewController::setRecipe(const Recipe &recipe, int focusStep)
{
    QByteArray key = recipe.toJsonBytes();
    key += '#' + QByteArray::number(focusStep);
    if (key == m_recipeKey)
        return;
    m_recipeKey = key;
    m_recipe = recipe;
    m_focusStep = focusStep;
    if (!m_path.isEmpty())
        request(false);
}

void PreviewController::setMaxSide(int pixels)
{
    if (pixels == m_maxSide)
        return;
    m_maxSide = pixels;
    if (!m_path.isEmpty())
        request(true);
}

void PreviewController::request(bool immediate)
{
    ++m_generation;
    // Whatever runs now is stale: let it stop early.
    if (m_running && m_cancel)
        m_cancel->store(true);
    if (m_path.isEmpty()) {
        m_debounce.stop();
        m_current = PreviewImages{};
        setBusy(m_running);
        emit rendered();
        return;
    }
    m_debounce.start(immediate ? 0 : m_debounceMs);
    setBusy(true);
}

void PreviewController::startRender()
{
    if (m_path.isEmpty())
        return;
    if (m_running) {
        m_startWhenIdle = true;
        return;
    }
    m_startWhenIdle = false;

    const QFileInfo info(m_path);
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(info.absoluteFilePath())
                            .arg(info.size())
                            .arg(info.lastModified().toMSecsSinceEpoch())
                            .arg(m_maxSide);
    std::shared_ptr<const preview::PreviewSource> cached = key == m_sourceKey ? m_source : nullptr;

    const quint64 generation = m_generation;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    m_running = true;
    ++m_renderCount;
    setBusy(true);

    const QString path = m_path;
    const Recipe recipe = m_recipe;
    const int focus = m_focusStep;
    const int maxSide = m_maxSide;
    auto *watcher = new QFutureWatcher<RenderOutcome>(this);
    connect(watcher, &QFutureWatcher<RenderOutcome>::finished, this,
            [this, watcher, generation, key] {
                watcher->deleteLater();
                const RenderOutcome outcome = watcher->result();
                m_running = false;
                if (outcome.source) {
                    m_source = outcome.source;
                    m_sourceKey = key;
                }
                if (outcome.decoded)
                    ++m_decodeCount;
                if (generation == m_generation && !outcome.cancelled) {
                    m_current = outcome.images;
                    setBusy(m_debounce.isActive());
                    emit rendered();
                }
                if (m_startWhenIdle)
                    startRender();
                else
                    setBusy(m_running || m_debounce.isActive());
            });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path, recipe, focus, maxSide, cached, cancel] {
        RenderOutcome out;
        out.source = cached;
        if (!out.source) {
            out.source = std::make_shared<const preview::PreviewSource>(
                preview::loadPreviewSource(path, maxSide));
            out.decoded = true;
        }
        const preview::PreviewResult r =
            preview::renderPreview(*out.source, recipe, focus, cancel.get());
        out.cancelled = r.cancelled;
        PreviewImages &images = out.images;
        images.path = path;
        images.focusStep = focus;
        images.before = toQImage(r.before);
        images.after = toQImage(r.after);
        images.beforeFullSize = toQSize(r.beforeFullSize);
        images.afterFullSize = toQSize(r.afterFullSize);
        images.notes = r.notes;
        images.error = r.error;
        return out;
    }));
}

void PreviewController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace pq::ui
