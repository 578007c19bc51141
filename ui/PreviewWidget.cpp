#include "PreviewWidget.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace pq::ui {

namespace {

constexpr double kMargin = 4;
constexpr double kGap = 8;          // between the images side by side
constexpr double kGrabDistance = 8; // how close to the divider a press grabs it
constexpr double kMinRegion = 3;    // smaller drags are clicks, not rectangles

QRectF fitted(QSizeF image, const QRectF &area)
{
    if (image.isEmpty() || area.isEmpty())
        return {};
    const double s = std::min(area.width() / image.width(), area.height() / image.height());
    const QSizeF size(image.width() * s, image.height() * s);
    return QRectF(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

bool sameAspect(QSize a, QSize b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    return std::abs(double(a.width()) / a.height() - double(b.width()) / b.height()) < 0.01;
}

} // namespace

PreviewWidget::PreviewWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void PreviewWidget::setImages(const QImage &before, const QImage &after, QSize beforeFullSize)
{
    m_before = before;
    m_after = after;
    m_beforeFullSize = beforeFullSize.isEmpty() ? before.size() : beforeFullSize;
    m_beforeCacheKey = m_afterCacheKey = 0;
    update();
}

void PreviewWidget::setMessage(const QString &text)
{
    m_message = text;
    update();
}

void PreviewWidget::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    update();
}

void PreviewWidget::setDividerPosition(double position)
{
    position = std::clamp(position, 0.0, 1.0);
    if (position == m_divider)
        return;
    m_divider = position;
    update();
    emit dividerMoved(position);
}

void PreviewWidget::setRegionMode(bool on)
{
    if (on == m_regionMode)
        return;
    m_regionMode = on;
    m_drag = Drag::None;
    setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

void PreviewWidget::setRegions(const QList<QRect> &fullResolutionRects)
{
    m_regions = fullResolutionRects;
    update();
}

PreviewWidget::Layout PreviewWidget::layout() const
{
    Layout l;
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (m_mode == Mode::SideBySide) {
        const double half = (area.width() - kGap) / 2;
        const QRectF left(area.left(), area.top(), half, area.height());
        const QRectF right(area.left() + half + kGap, area.top(), half, area.height());
        l.before = fitted(m_before.size(), left);
        l.after = fitted(m_after.size(), right);
    } else {
        l.before = fitted(m_before.size(), area);
        // The same rectangle when the pictures have the same shape, so they line up exactly.
        l.after =
            sameAspect(m_before.size(), m_after.size()) ? l.before : fitted(m_after.size(), area);
    }
    return l;
}

QRectF PreviewWidget::beforeRect() const
{
    return layout().before;
}

QRectF PreviewWidget::afterRect() const
{
    return layout().after;
}

double PreviewWidget::dividerX() const
{
    const Layout l = layout();
    const QRectF span = l.before.united(l.after);
    return span.left() + m_divider * span.width();
}

bool PreviewWidget::nearDivider(const QPointF &pos) const
{
    if (m_mode != Mode::Split || m_before.isNull() || m_after.isNull())
        return false;
    return std::abs(pos.x() - dividerX()) <= kGrabDistance;
}

QRectF PreviewWidget::imageRectAt(const QPointF &pos) const
{
    const Layout l = layout();
    if (m_mode == Mode::SideBySide && l.after.contains(pos) && !m_after.isNull())
        return l.after;
    if (l.before.contains(pos))
        return l.before;
    if (m_mode == Mode::Split && l.after.contains(pos) && m_after.size() == m_before.size())
        return l.after;
    return {};
}

QRectF PreviewWidget::toWidget(const QRect &r, const QRectF &image) const
{
    if (m_beforeFullSize.isEmpty())
        return {};
    const double sx = image.width() / m_beforeFullSize.width();
    const double sy = image.height() / m_beforeFullSize.height();
    return QRectF(image.left() + r.x() * sx, image.top() + r.y() * sy, r.width() * sx,
                  r.height() * sy);
}

QRect PreviewWidget::toFullResolution(const QRectF &w, const QRectF &image) const
{
    const double sx = m_beforeFullSize.width() / image.width();
    const double sy = m_beforeFullSize.height() / image.height();
    const QRectF clipped = w.normalized().intersected(image);
    const int x0 = int(std::floor((clipped.left() - image.left()) * sx));
    const int y0 = int(std::floor((clipped.top() - image.top()) * sy));
    const int x1 = int(std::ceil((clipped.right() - image.left()) * sx));
    const int y1 = int(std::ceil((clipped.bottom() - image.top()) * sy));
    return QRect(QPoint(std::max(0, x0), std::max(0, y0)),
                 QPoint(std::min(m_beforeFullSize.width(), x1) - 1,
                        std::min(m_beforeFullSize.height(), y1) - 1));
}

const QPixmap &PreviewWidget::scaled(const QImage &image, QSizeF size, QPixmap &cache,
                                     qint64 &cacheKey)
{
    // Scaled once per size at device resolution (smooth), then painted 1:1 on every repaint,
    // such as while the divider is dragged.
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (size * dpr).toSize();
    const qint64 key = image.cacheKey() ^ (qint64(pixels.width()) << 32) ^ pixels.height();
    if (cacheKey != key || cache.isNull()) {
        cache = QPixmap::fromImage(
            image.scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        cache.setDevicePixelRatio(dpr);
        cacheKey = key;
    }
    return cache;
}

void PreviewWidget::drawRegions(QPainter &p, const QRectF &image) const
{
    if (!m_regionMode || image.isEmpty())
        return;
    p.save();
    p.setClipRect(image);
    p.setBrush(Qt::NoBrush);
    for (const QRect &r : m_regions) {
        const QRectF w = toWidget(r, image);
        p.setPen(QPen(QColor(0, 0, 0, 160), 3));
        p.drawRect(w);
        p.setPen(QPen(QColor(255, 214, 0), 1.5));
        p.drawRect(w);
    }
    if (m_drag == Drag::Region && m_dragImage == image) {
        p.setPen(QPen(QColor(255, 214, 0), 1.5, Qt::DashLine));
        p.drawRect(QRectF(m_dragStart, m_dragNow).normalized());
    }
    p.restore();
}

void PreviewWidget::drawLabel(QPainter &p, const QRectF &image, const QString &text,
                              bool right) const
{
    if (image.isEmpty())
        return;
    const QFontMetrics fm = p.fontMetrics();
    const QSize size(fm.horizontalAdvance(text) + 12, fm.height() + 6);
    const QPointF at = right ? QPointF(image.right() - size.width() - 6, image.top() + 6)
                             : QPointF(image.left() + 6, image.top() + 6);
    const QRectF box(at, size);
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 150));
    p.drawRoundedRect(box, 4, 4);
    p.setPen(Qt::white);
    p.drawText(box, Qt::AlignCenter, text);
    p.restore();
}

void PreviewWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_before.isNull()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                   m_message);
        return;
    }
    const Layout l = layout();
    const QPixmap &before = scaled(m_before, l.before.size(), m_beforeCache, m_beforeCacheKey);
    const bool hasAfter = !m_after.isNull() && !l.after.isEmpty();

    if (m_mode == Mode::SideBySide) {
        p.drawPixmap(l.before.topLeft(), before);
        if (hasAfter)
            p.drawPixmap(l.after.topLeft(),
                         scaled(m_after, l.after.size(), m_afterCache, m_afterCacheKey));
        drawRegions(p, l.before);
        drawRegions(p, l.after);
        drawLabel(p, l.before, tr("Before"), false);
        if (hasAfter)
            drawLabel(p, l.after, tr("After"), true);
    } else {
        const double x = dividerX();
        p.save();
        p.setClipRect(QRectF(QPointF(rect().left(), rect().top()),
                             QPointF(hasAfter ? x : rect().right() + 1, rect().bottom() + 1)));
        p.drawPixmap(l.before.topLeft(), before);
        p.restore();
        if (hasAfter) {
            p.save();
            p.setClipRect(
                QRectF(QPointF(x, rect().top()), QPointF(rect().right() + 1, rect().bottom() + 1)));
            p.drawPixmap(l.after.topLeft(),
                         scaled(m_after, l.after.size(), m_afterCache, m_afterCacheKey));
            p.restore();
        }
        drawRegions(p, l.before);
        if (hasAfter) {
            const QRectF span = l.before.united(l.after);
            p.setPen(QPen(QColor(0, 0, 0, 140), 3));
            p.drawLine(QPointF(x, span.top()), QPointF(x, span.bottom()));
            p.setPen(QPen(Qt::white, 1.5));
            p.drawLine(QPointF(x, span.top()), QPointF(x, span.bottom()));
            // The handle.
            const QPointF c(x, span.center().y());
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(QColor(255, 255, 255, 220));
            p.setPen(QPen(QColor(0, 0, 0, 160), 1));
            p.drawEllipse(c, 9, 9);
            QPainterPath arrows;
            arrows.moveTo(c + QPointF(-2, -4));
            arrows.lineTo(c + QPointF(-6, 0));
            arrows.lineTo(c + QPointF(-2, 4));
            arrows.moveTo(c + QPointF(2, -4));
            arrows.lineTo(c + QPointF(6, 0));
            arrows.lineTo(c + QPointF(2, 4));
            p.setBrush(Qt::NoBrush);
            p.drawPath(arrows);
            drawLabel(p, span, tr("Before"), false);
            drawLabel(p, span, tr("After"), true);
        }
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void PreviewWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_before.isNull())
        return QWidget::mousePressEvent(event);
    const QPointF pos = event->position();
    if (nearDivider(pos)) {
        m_drag = Drag::Divider;
    } else if (m_regionMode) {
        const QRectF image = imageRectAt(pos);
        if (image.isEmpty())
            return;
        m_drag = Drag::Region;
        m_dragImage = image;
        m_dragStart = m_dragNow = pos;
        return;
    } else if (m_mode == Mode::Split && !m_after.isNull()) {
        // Anywhere on the picture: the divider jumps there and follows the mouse.
        m_drag = Drag::Divider;
    } else {
        return;
    }
    const QRectF span = beforeRect().united(afterRect());
    if (span.width() > 0)
        setDividerPosition((pos.x() - span.left()) / span.width());
    event->accept();
}

void PreviewWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    switch (m_drag) {
    case Drag::Divider: {
        const QRectF span = beforeRect().united(afterRect());
        if (span.width() > 0)
            setDividerPosition((pos.x() - span.left()) / span.width());
        break;
    }
    case Drag::Region:
        m_dragNow = QPointF(std::clamp(pos.x(), m_dragImage.left(), m_dragImage.right()),
                            std::clamp(pos.y(), m_dragImage.top(), m_dragImage.bottom()));
        update();
        break;
    case Drag::None:
        setCursor(nearDivider(pos) ? Qt::SplitHCursor
                  : m_regionMode   ? Qt::CrossCursor
                                   : Qt::ArrowCursor);
        break;
    }
}

void PreviewWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag == Drag::Region) {
        const QPointF pos = event->position();
        m_dragNow = QPointF(std::clamp(pos.x(), m_dragImage.left(), m_dragImage.right()),
                            std::clamp(pos.y(), m_dragImage.top(), m_dragImage.bottom()));
        const QRectF drawn = QRectF(m_dragStart, m_dragNow).normalized();
        update();
        if (drawn.width() >= kMinRegion && drawn.height() >= kMinRegion) {
            const QRect full = toFullResolution(drawn, m_dragImage);
            if (full.isValid() && !full.isEmpty())
                emit regionDrawn(full);
        }
    }
}

void PreviewWidget::keyPressEvent(QKeyEvent *event)
{
    if (m_mode == Mode::Split && !m_after.isNull()) {
        const double step = event->modifiers() & Qt::ShiftModifier ? 0.1 : 0.02;
        if (event->key() == Qt::Key_Left) {
            setDividerPosition(m_divider - step);
            return;
        }
        if (event->key() == Qt::Key_Right) {
            setDividerPosition(m_divider + step);
            return;
        }
    }
    QWidget::keyPressEvent(event);
}

void PreviewWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    update();
}

} // namespace pq::ui
