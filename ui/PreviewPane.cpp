#include "PreviewPane.h"

#include "Palette.h"
#include "PreviewController.h"
#include "PreviewWidget.h"
#include "RecipeEditor.h"
#include "ops/ParamValues.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace pq::ui {

namespace {

QList<QRect> rectsOf(const QString &text)
{
    QList<QRect> out;
    for (const cv::Rect &r : parseRects(text).value_or(std::vector<cv::Rect>{}))
        out << QRect(r.x, r.y, r.width, r.height);
    return out;
}

} // namespace

PreviewPane::PreviewPane(RecipeEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_controller(new PreviewController(this))
    , m_canvas(new PreviewWidget(this))
    , m_sideBySide(new QToolButton(this))
    , m_clearRegions(new QToolButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("previewPane"));
    setAccessibleName(tr("Preview"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("Preview"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    bar->addWidget(title);
    m_sideBySide->setObjectName(QStringLiteral("previewSideBySide"));
    m_sideBySide->setText(tr("Side by side"));
    m_sideBySide->setCheckable(true);
    m_sideBySide->setToolTip(tr("Show before and after next to each other instead of split by a "
                                "divider"));
    m_sideBySide->setAccessibleName(tr("Side by side"));
    m_clearRegions->setObjectName(QStringLiteral("previewClearRegions"));
    m_clearRegions->setText(tr("Clear regions"));
    m_clearRegions->setToolTip(tr("Remove the rectangles drawn for the selected step"));
    m_clearRegions->setAccessibleName(tr("Clear regions"));
    m_clearRegions->setEnabled(false);
    bar->addStretch(1);
    bar->addWidget(m_clearRegions);
    bar->addWidget(m_sideBySide);
    layout->addLayout(bar);

    m_canvas->setObjectName(QStringLiteral("previewCanvas"));
    m_canvas->setAccessibleName(tr("Before and after preview"));
    m_canvas->setAccessibleDescription(
        tr("Drag the divider or use the arrow keys to compare before and after."));
    layout->addWidget(m_canvas, 1);

    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setAccessibleName(tr("Preview status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_sideBySide, &QToolButton::toggled, this, [this](bool on) {
        m_canvas->setMode(on ? PreviewWidget::Mode::SideBySide : PreviewWidget::Mode::Split);
    });
    connect(m_clearRegions, &QToolButton::clicked, this, &PreviewPane::clearRegions);
    connect(m_canvas, &PreviewWidget::regionDrawn, this, &PreviewPane::onRegionDrawn);
    connect(m_controller, &PreviewController::rendered, this, &PreviewPane::onRendered);
    connect(m_controller, &PreviewController::busyChanged, this, &PreviewPane::updateStatus);
    connect(m_editor, &RecipeEditor::recipeChanged, this, &PreviewPane::onRecipeChanged);
    connect(m_editor, &RecipeEditor::stepSelected, this, &PreviewPane::onRecipeChanged);

    onRecipeChanged();
    updateStatus();
}

void PreviewPane::setInput(const QString &path)
{
    m_controller->setInput(path);
    if (path.isEmpty())
        m_canvas->setImages({}, {}, {});
    updateStatus();
}

QString PreviewPane::input() const
{
    return m_controller->input();
}

QString PreviewPane::statusText() const
{
    return m_status->text();
}

void PreviewPane::onRecipeChanged()
{
    const Recipe recipe = m_editor->currentRecipe();
    const int step = m_editor->selectedStep();
    m_regionStep = -1;
    m_regionParam.clear();
    if (step >= 0 && step < recipe.steps.size() && recipe.steps.at(step).enabled) {
        const RecipeStep &s = recipe.steps.at(step);
        if (s.op == QLatin1String("red-eye") &&
            s.params.value(QStringLiteral("mode")).toString() == QLatin1String("manual"))
            m_regionParam = QStringLiteral("eyes");
        else if (s.op == QLatin1String("teeth-whiten"))
            m_regionParam = QStringLiteral("mouth");
        if (!m_regionParam.isEmpty())
            m_regionStep = step;
    }
    const bool regions = m_regionStep >= 0;
    m_canvas->setRegionMode(regions);
    m_canvas->setRegions(
        regions ? rectsOf(recipe.steps.at(m_regionStep).params.value(m_regionParam).toString())
                : QList<QRect>{});
    m_clearRegions->setEnabled(regions && !m_canvas->regions().isEmpty());
    m_controller->setRecipe(recipe, m_regionStep);
    updateStatus();
}

void PreviewPane::onRendered()
{
    const PreviewImages &images = m_controller->current();
    m_canvas->setImages(images.before, images.after, images.beforeFullSize);
    updateStatus();
}

void PreviewPane::onRegionDrawn(const QRect &rect)
{
    if (m_regionStep < 0)
        return;
    const Recipe recipe = m_editor->currentRecipe();
    if (m_regionStep >= recipe.steps.size())
        return;
    // The rectangles are for the step the preview shows: only while it is still the one
    // rendered (after a change of step, wait for its own preview).
    if (m_controller->current().focusStep != m_regionStep)
        return;
    const QString current =
        recipe.steps.at(m_regionStep).params.value(m_regionParam).toString().trimmed();
    const QString added = formatRects({cv::Rect(rect.x(), rect.y(), rect.width(), rect.height())});
    m_editor->setStepParam(m_regionStep, m_regionParam,
                           current.isEmpty() ? added : current + QLatin1Char(' ') + added);
}

void PreviewPane::clearRegions()
{
    if (m_regionStep >= 0)
        m_editor->setStepParam(m_regionStep, m_regionParam, QString());
}

void PreviewPane::updateStatus()
{
    const PreviewImages &images = m_controller->current();
    QString text;
    bool problem = false;
    if (m_controller->input().isEmpty()) {
        text = tr("Select a job or add images to see a preview.");
        m_canvas->setMessage(text);
    } else if (m_controller->isBusy()) {
        text = tr("Rendering the preview…");
    } else if (!images.error.isEmpty()) {
        text = images.error;
        problem = true;
        m_canvas->setMessage(text);
    } else {
        QStringList lines;
        if (m_regionStep >= 0)
            lines << (m_regionParam == QLatin1String("eyes")
                          ? tr("Showing the selected step only: drag on the image to mark each "
                               "eye.")
                          : tr("Showing the selected step only: drag on the image to mark each "
                               "mouth."));
        lines << images.notes;
        text = lines.join(QLatin1Char('\n'));
    }
    m_status->setText(text);
    m_status->setToolTip(text);
    setErrorText(m_status, problem);
}

} // namespace pq::ui
