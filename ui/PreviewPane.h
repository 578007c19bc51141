#pragma once
// The preview pane: the before/after view of one input with the recipe editor's current recipe,
// a split / side-by-side toggle, a "clear regions" button and a status line (rendering, notes,
// errors). It follows the RecipeEditor: every recipe change re-renders (debounced, off the GUI
// thread, see PreviewController).
//
// Region drawing: while the selected step is red-eye removal in manual mode (parameter `eyes`)
// or teeth whitening (parameter `mouth`), the view shows that step alone (before = the image the
// step sees, after = what it makes) and rectangles dragged on it are added to the parameter, in
// the full-resolution, EXIF-upright pixels of the image that step sees, through
// RecipeEditor::setStepParam (so the form and the recipe follow). GUI thread only.

#include <QWidget>

class QLabel;
class QToolButton;

namespace pq::ui {

class PreviewController;
class PreviewWidget;
class RecipeEditor;

class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPane(RecipeEditor *editor, QWidget *parent = nullptr);

    // The image to preview (empty: none).
    void setInput(const QString &path);
    QString input() const;

    PreviewController *controller() const { return m_controller; }
    PreviewWidget *canvas() const { return m_canvas; }
    QString statusText() const;
    // The parameter rectangles are drawn for, empty when not in region mode.
    QString regionParam() const { return m_regionParam; }

private:
    void onRecipeChanged();
    void onRendered();
    void onRegionDrawn(const QRect &rect);
    void clearRegions();
    void updateStatus();

    RecipeEditor *m_editor;
    PreviewController *m_controller;
    PreviewWidget *m_canvas;
    QToolButton *m_sideBySide;
    QToolButton *m_clearRegions;
    QLabel *m_status;
    int m_regionStep = -1;
    QString m_regionParam;
};

} // namespace pq::ui
