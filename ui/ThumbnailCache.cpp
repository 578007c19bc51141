#include "ThumbnailCache.h"

#include "imageio/ImageIO.h"
#include "ops/OperationRegistry.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QPixmap>
#include <QStyle>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <exception>
#include <opencv2/imgproc.hpp>

namespace pq::ui {

namespace {

constexpr int kCachedPictures = 2000;

// 8-bit RGB(A) or grey, owning its pixels.
QImage toQImage(const cv::Mat &mat)
{
    cv::Mat img = mat;
    if (img.depth() == CV_16U)
        img.convertTo(img, CV_8U, 1.0 / 257.0);
    else if (img.depth() != CV_8U)
        img.convertTo(img, CV_8U);
    cv::Mat out;
    switch (img.channels()) {
    case 1:
        return QImage(img.data, img.cols, img.rows, int(img.step), QImage::Format_Grayscale8)
            .copy();
    case 3:
        cv::cvtColor(img, out, cv::COLOR_BGR2RGB);
        return QImage(out.data, out.cols, out.rows, int(out.step), QImage::Format_RGB888).copy();
    case 4:
        cv::cvtColor(img, out, cv::COLOR_BGRA2RGBA);
        return QImage(out.data, out.cols, out.rows, int(out.step), QImage::Format_RGBA8888).copy();
    default:
        return {};
    }
}

} // namespace

ThumbnailCache::ThumbnailCache(int pixelSize, QObject *parent)
    : QObject(parent)
    , m_pixelSize(pixelSize)
    , m_broken(QIcon::fromTheme(QStringLiteral("image-missing"),
                                QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning)))
{
    m_pool.setMaxThreadCount(m_maxConcurrent);
    m_cache.setMaxCost(kCachedPictures);
}

ThumbnailCache::~ThumbnailCache()
{
    shutdown();
}

void ThumbnailCache::shutdown()
{
    m_shutDown = true;
    m_queue.clear();
    m_pool.waitForDone();
}

void ThumbnailCache::setStillWanted(std::function<bool(qint64)> stillWanted)
{
    m_stillWanted = std::move(stillWanted);
}

void ThumbnailCache::setMaxConcurrent(int n)
{
    m_maxConcurrent = qBound(1, n, 8);
    m_pool.setMaxThreadCount(m_maxConcurrent);
}

QIcon ThumbnailCache::icon(const QString &path, qint64 requester)
{
    if (const Entry *e = m_cache.object(path))
        return e->icon;
    if (m_shutDown || path.isEmpty())
        return {};
    auto it = m_requesters.find(path);
    if (it != m_requesters.end()) {
        it->insert(requester);
        return {};
    }
    m_requesters.insert(path, {requester});
    m_queue.push_back(path);
    // Started after the paint that asked: by then every row it shows has asked, and the rows
    // that scrolled away are known.
    if (!m_startScheduled) {
        m_startScheduled = true;
        QMetaObject::invokeMethod(this, &ThumbnailCache::startNext, Qt::QueuedConnection);
    }
    return {};
}

ThumbnailCache::Status ThumbnailCache::status(const QString &path) const
{
    if (const Entry *e = m_cache.object(path))
        return e->broken ? Status::Broken : Status::Ready;
    return m_requesters.contains(path) ? Status::Pending : Status::None;
}

void ThumbnailCache::startNext()
{
    m_startScheduled = false;
    while (!m_shutDown && int(m_running.size()) < m_maxConcurrent && !m_queue.empty()) {
        const QString path = m_queue.front();
        m_queue.pop_front();
        const QSet<qint64> who = m_requesters.value(path);
        if (m_stillWanted && std::none_of(who.cbegin(), who.cend(), m_stillWanted)) {
            m_requesters.remove(path); // scrolled away: asked again when shown again
            continue;
        }
        m_running.insert(path);
        auto made = std::make_shared<Made>();
        const int size = m_pixelSize;
        QFuture<void> task =
            QtConcurrent::run(&m_pool, [path, size, made] { *made = make(path, size); });
        task.then(this, [this, path, made] { finished(path, *made); });
    }
}

void ThumbnailCache::finished(const QString &path, const Made &made)
{
    m_running.remove(path);
    auto *entry = new Entry;
    entry->mtime = made.mtime;
    entry->broken = made.image.isNull();
    entry->icon = entry->broken ? m_broken : QIcon(QPixmap::fromImage(made.image));
    m_cache.insert(path, entry);
    const QSet<qint64> who = m_requesters.take(path);
    emit ready(path, QList<qint64>(who.cbegin(), who.cend()));
    startNext();
}

// In a pool thread: the thumbnail operation's own shrink-on-load and scaling.
ThumbnailCache::Made ThumbnailCache::make(const QString &path, int pixelSize)
{
    Made made;
    made.mtime = QFileInfo(path).lastModified().toMSecsSinceEpoch();
    try {
        const OperationRegistry &registry = OperationRegistry::instance();
        const Operation *op = registry.find(QStringLiteral("thumbnail"));
        Params params;
        if (!op || registry.completeParams(*op, {{QStringLiteral("size"), pixelSize}}, &params))
            return made;
        int reduction = 1;
        if (const auto header = imageio::readHeader(path))
            reduction = op->allowedDecodeReduction(params, header->uprightSize());
        const imageio::Decoded decoded = imageio::decodeFile(path, reduction);
        if (decoded.error || decoded.image.empty())
            return made;
        OpContext ctx;
        const OpResult result = op->run(decoded.image, params, ctx);
        if (result.error || result.image.empty())
            return made;
        made.image = toQImage(result.image);
    } catch (const std::exception &) {
        made.image = QImage(); // broken, like a file that does not decode
    }
    return made;
}

} // namespace pq::ui
