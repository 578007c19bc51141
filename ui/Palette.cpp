#include "Palette.h"

#include <QApplication>
#include <QEvent>
#include <QPalette>
#include <QWidget>

namespace pq::ui {

namespace {

const char kErrorProperty[] = "pqErrorText";

void applyErrorStyle(QWidget *widget)
{
    const bool on = widget->property(kErrorProperty).toBool();
    const QString style =
        on ? QStringLiteral("color: %1").arg(errorTextColor(QApplication::palette()).name())
           : QString();
    if (widget->styleSheet() != style) // a style sheet change is itself a palette change
        widget->setStyleSheet(style);
}

// Re-applies the error colour of the widgets it watches when the application palette changes.
class PaletteFollower : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ApplicationPaletteChange ||
            event->type() == QEvent::PaletteChange)
            if (auto *w = qobject_cast<QWidget *>(watched))
                applyErrorStyle(w);
        return false;
    }
};

} // namespace

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorTextColor(const QPalette &palette)
{
    // Material red 800 on light backgrounds, red 300 on dark ones: both above 4.5:1 contrast
    // against the usual window colours.
    return isDarkPalette(palette) ? QColor(0xe5, 0x73, 0x73) : QColor(0xc6, 0x28, 0x28);
}

void setErrorText(QWidget *widget, bool on)
{
    if (!widget->property("pqPaletteFollower").toBool()) {
        widget->setProperty("pqPaletteFollower", true);
        widget->installEventFilter(new PaletteFollower(widget));
    }
    widget->setProperty(kErrorProperty, on);
    applyErrorStyle(widget);
}

} // namespace pq::ui
