#pragma once
// Paints the queue view's cells; in the State column of a running job, a progress bar (the
// model's ProgressRole) with the state's name and the percentage instead of the plain text.
//
// Threads: GUI thread only.

#include <QStyledItemDelegate>

namespace pq::ui {

class QueueDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace pq::ui
