#pragma once
// Colours that follow the system's light or dark palette. The window otherwise uses only palette
// roles and style icons; the few colours of its own (error text, the progress bar of a batch with
// failures) come from here, so they stay readable on a dark palette too. High-DPI scaling is Qt 6's
// default (no attribute needed): the widgets scale, and pixmaps are drawn at the device pixel
// ratio.

#include <QColor>

class QPalette;
class QWidget;

namespace pq::ui {

// True when the palette's window background is dark.
bool isDarkPalette(const QPalette &palette);
// A red for error text with enough contrast on the palette's window background.
QColor errorTextColor(const QPalette &palette);
// Shows `widget`'s text in the error colour (on) or the palette's text colour (off), and keeps the
// colour right when the application palette changes (e.g. the desktop switches to dark mode).
void setErrorText(QWidget *widget, bool on);

} // namespace pq::ui
