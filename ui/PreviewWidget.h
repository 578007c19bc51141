#pragma once
// Paints a before/after pair fitted into the widget: split view (before left of a vertical
// divider, after right of it; drag the divider with the mouse, or move it with the arrow keys)
// or side by side. Region mode: dragging on an image draws a rectangle, reported in the
// full-resolution pixels of what `before` shows (see PreviewImages::beforeFullSize); the current
// regions are drawn over both images. High-DPI: the scaled images are cached at device pixel
// resolution. GUI thread only; never decodes or processes anything itself.

#include <QImage>
#include <QList>
#include <QPixmap>
#include <QRect>
#include <QWidget>

namespace pq::ui {

class PreviewWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Split,
        SideBySide
    };

    explicit PreviewWidget(QWidget *parent = nullptr);

    // `beforeFullSize`: the full-resolution size of what `before` shows (regions are in it).
    void setImages(const QImage &before, const QImage &after, QSize beforeFullSize);
    QImage beforeImage() const { return m_before; }
    QImage afterImage() const { return m_after; }
    void setMessage(const QString &text); // shown when there is no image
    QString message() const { return m_message; }

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // 0 (all after) .. 1 (all before): where the divider is across the image.
    void setDividerPosition(double position);
    double dividerPosition() const { return m_divider; }

    void setRegionMode(bool on);
    bool regionMode() const { return m_regionMode; }
    void setRegions(const QList<QRect> &fullResolutionRects);
    QList<QRect> regions() const { return m_regions; }

    // Where the images are drawn, in widget coordinates (empty without an image).
    QRectF beforeRect() const;
    QRectF afterRect() const;
    // The x of the divider in widget coordinates (split mode).
    double dividerX() const;

    QSize sizeHint() const override { return {480, 360}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

signals:
    void dividerMoved(double position);
    // A rectangle drawn in region mode, in full-resolution pixels of `before`.
    void regionDrawn(const QRect &fullResolutionRect);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Layout
    {
        QRectF before;
        QRectF after;
    };
    Layout layout() const;
    QRectF imageRectAt(const QPointF &pos) const; // the image rect under `pos`, or empty
    QRectF toWidget(const QRect &fullRes, const QRectF &imageRect) const;
    QRect toFullResolution(const QRectF &widgetRect, const QRectF &imageRect) const;
    const QPixmap &scaled(const QImage &image, QSizeF size, QPixmap &cache, qint64 &cacheKey);
    void drawRegions(QPainter &p, const QRectF &imageRect) const;
    void drawLabel(QPainter &p, const QRectF &imageRect, const QString &text, bool right) const;
    bool nearDivider(const QPointF &pos) const;

    QImage m_before;
    QImage m_after;
    QSize m_beforeFullSize;
    QString m_message;
    Mode m_mode = Mode::Split;
    double m_divider = 0.5;
    bool m_regionMode = false;
    QList<QRect> m_regions;

    enum class Drag
    {
        None,
        Divider,
        Region
    };
    Drag m_drag = Drag::None;
    QRectF m_dragImage;
    QPointF m_dragStart;
    QPointF m_dragNow;

    QPixmap m_beforeCache;
    QPixmap m_afterCache;
    qint64 m_beforeCacheKey = 0;
    qint64 m_afterCacheKey = 0;
};

} // namespace pq::ui
