#include "QueueDelegate.h"

#include "QueueModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

namespace pq::ui {

void QueueDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    const QVariant progress = index.data(QueueModel::ProgressRole);
    if (index.column() != QueueModel::StateColumn || !progress.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QString state = cell.text;
    QStyle *style = cell.widget ? cell.widget->style() : QApplication::style();
    // The cell's background (selection, alternate rows) as usual, without text and icon.
    cell.text.clear();
    cell.icon = QIcon();
    cell.features &= ~QStyleOptionViewItem::HasDecoration;
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);

    QStyleOptionProgressBar bar;
    if (cell.widget)
        bar.initFrom(cell.widget);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.rect = option.rect.adjusted(2, 3, -2, -3);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = qBound(0, progress.toInt(), 100);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.text = QStringLiteral("%1 %2%").arg(state).arg(bar.progress);
    painter->save();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, cell.widget);
    painter->restore();
}

} // namespace pq::ui
