#include "RecipeEditor.h"

#include "Palette.h"
#include "ParamForm.h"
#include "jobs/OutputNaming.h"
#include "ops/OperationRegistry.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace pq::ui {

namespace {

constexpr int kStepRole = Qt::UserRole + 1;   // step index, -1 for the output format
constexpr int kPresetRole = Qt::UserRole + 2; // preset name, empty for the current recipe
const QString kFormatOp = QStringLiteral("format");

enum class Category
{
    Geometry,
    Tone,
    Detail,
    Retouch,
    Watermark,
    Other
};

Category categoryOf(const QString &id)
{
    static const QHash<QString, Category> map{
        {QStringLiteral("resize"), Category::Geometry},
        {QStringLiteral("thumbnail"), Category::Geometry},
        {QStringLiteral("crop"), Category::Geometry},
        {QStringLiteral("rotate"), Category::Geometry},
        {QStringLiteral("flip"), Category::Geometry},
        {QStringLiteral("trim"), Category::Geometry},
        {QStringLiteral("canvas"), Category::Geometry},
        {QStringLiteral("border"), Category::Geometry},
        {QStringLiteral("auto-orient"), Category::Geometry},
        {QStringLiteral("auto-levels"), Category::Tone},
        {QStringLiteral("brightness-contrast"), Category::Tone},
        {QStringLiteral("gamma"), Category::Tone},
        {QStringLiteral("saturation"), Category::Tone},
        {QStringLiteral("grayscale"), Category::Tone},
        {QStringLiteral("sepia"), Category::Tone},
        {QStringLiteral("invert"), Category::Tone},
        {QStringLiteral("white-balance"), Category::Tone},
        {QStringLiteral("clahe"), Category::Tone},
        {QStringLiteral("colorize"), Category::Tone},
        {QStringLiteral("blur"), Category::Detail},
        {QStringLiteral("sharpen"), Category::Detail},
        {QStringLiteral("denoise"), Category::Detail},
        {QStringLiteral("red-eye"), Category::Retouch},
        {QStringLiteral("teeth-whiten"), Category::Retouch},
        {QStringLiteral("watermark-text"), Category::Watermark},
        {QStringLiteral("watermark-image"), Category::Watermark},
    };
    return map.value(id, Category::Other);
}

QString categoryTitle(Category c)
{
    switch (c) {
    case Category::Geometry:
        return RecipeEditor::tr("Size and geometry");
    case Category::Tone:
        return RecipeEditor::tr("Tone and colour");
    case Category::Detail:
        return RecipeEditor::tr("Detail");
    case Category::Retouch:
        return RecipeEditor::tr("Retouch");
    case Category::Watermark:
        return RecipeEditor::tr("Watermark");
    case Category::Other:
        return RecipeEditor::tr("Other");
    }
    return {};
}

QString opTitle(const QString &id)
{
    const Operation *op = OperationRegistry::instance().find(id);
    return op ? op->title() : id;
}

} // namespace

RecipeEditor::RecipeEditor(QWidget *parent)
    : QWidget(parent)
    , m_steps(new QListWidget(this))
    , m_addButton(new QToolButton(this))
    , m_addMenu(new QMenu(this))
    , m_search(new QLineEdit(this))
    , m_removeButton(new QPushButton(tr("Remove"), this))
    , m_upButton(new QPushButton(tr("Up"), this))
    , m_downButton(new QPushButton(tr("Down"), this))
    , m_form(new ParamForm(this))
    , m_recipeProblem(new QLabel(this))
    , m_outputs(new QListWidget(this))
    , m_outputDir(new QLineEdit(this))
    , m_naming(new QLineEdit(this))
    , m_example(new QLabel(this))
    , m_overwrite(new QComboBox(this))
{
    setAccessibleName(tr("Recipe editor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // --- steps ---------------------------------------------------------------------------
    auto *stepsBox = new QGroupBox(tr("Recipe steps"), this);
    auto *stepsLayout = new QVBoxLayout(stepsBox);
    m_steps->setObjectName(QStringLiteral("recipeSteps"));
    m_steps->setAccessibleName(tr("Recipe steps"));
    m_steps->setToolTip(tr("Steps run from top to bottom; untick a step to skip it."));
    // Reorder by dragging a step (the output format stays last); Up/Down do the same.
    m_steps->setDragDropMode(QAbstractItemView::InternalMove);
    m_steps->setDefaultDropAction(Qt::MoveAction);
    m_steps->setDragDropOverwriteMode(false);
    m_steps->setDropIndicatorShown(true);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    stepsLayout->addWidget(m_steps, 1);
    auto *stepButtons = new QHBoxLayout;
    m_addButton->setObjectName(QStringLiteral("addOperation"));
    m_addButton->setText(tr("Add operation"));
    m_addButton->setAccessibleName(tr("Add operation"));
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setMenu(m_addMenu);
    m_removeButton->setObjectName(QStringLiteral("removeStep"));
    m_removeButton->setAccessibleName(tr("Remove the selected step"));
    m_upButton->setObjectName(QStringLiteral("moveStepUp"));
    m_upButton->setAccessibleName(tr("Move the selected step up"));
    m_downButton->setObjectName(QStringLiteral("moveStepDown"));
    m_downButton->setAccessibleName(tr("Move the selected step down"));
    stepButtons->addWidget(m_addButton);
    stepButtons->addWidget(m_removeButton);
    stepButtons->addWidget(m_upButton);
    stepButtons->addWidget(m_downButton);
    stepButtons->addStretch(1);
    stepsLayout->addLayout(stepButtons);
    m_recipeProblem->setObjectName(QStringLiteral("recipeProblem"));
    m_recipeProblem->setWordWrap(true);
    setErrorText(m_recipeProblem, true);
    m_recipeProblem->hide();
    stepsLayout->addWidget(m_recipeProblem);
    layout->addWidget(stepsBox, 2);

    auto *formBox = new QGroupBox(tr("Parameters"), this);
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->addWidget(m_form);
    layout->addWidget(formBox, 3);

    // --- outputs (current recipe and presets) -------------------------------------------------
    auto *outputsBox = new QGroupBox(tr("Outputs (one file per checked entry)"), this);
    auto *outputsLayout = new QVBoxLayout(outputsBox);
    m_outputs->setObjectName(QStringLiteral("recipeOutputs"));
    m_outputs->setAccessibleName(tr("Recipes and presets to produce"));
    outputsLayout->addWidget(m_outputs, 1);
    auto *presetButtons = new QHBoxLayout;
    auto *editPreset = new QPushButton(tr("Edit preset"), outputsBox);
    editPreset->setObjectName(QStringLiteral("editPreset"));
    editPreset->setAccessibleName(tr("Load the selected preset into the recipe"));
    auto *savePreset = new QPushButton(tr("Save as preset…"), outputsBox);
    savePreset->setObjectName(QStringLiteral("savePreset"));
    savePreset->setAccessibleName(tr("Save the current recipe as a preset"));
    presetButtons->addWidget(editPreset);
    presetButtons->addWidget(savePreset);
    presetButtons->addStretch(1);
    outputsLayout->addLayout(presetButtons);
    layout->addWidget(outputsBox, 2);

    // --- where and how outputs are written ------------------------------------------------------
    auto *destBox = new QGroupBox(tr("Destination"), this);
    auto *destForm = new QFormLayout(destBox);
    auto *dirRow = new QHBoxLayout;
    m_outputDir->setObjectName(QStringLiteral("outputDir"));
    m_outputDir->setAccessibleName(tr("Output folder"));
    auto *browse = new QPushButton(tr("Browse…"), destBox);
    browse->setObjectName(QStringLiteral("browseOutputDir"));
    browse->setAccessibleName(tr("Choose the output folder"));
    dirRow->addWidget(m_outputDir, 1);
    dirRow->addWidget(browse);
    destForm->addRow(tr("Output folder:"), dirRow);
    m_naming->setObjectName(QStringLiteral("namingTemplate"));
    m_naming->setAccessibleName(tr("Naming template"));
    m_naming->setToolTip(tr("Placeholders: {name} input name, {preset} preset name, {index} "
                            "position in the batch, {parent} input folder name"));
    destForm->addRow(tr("Naming template:"), m_naming);
    m_example->setObjectName(QStringLiteral("namingExample"));
    m_example->setAccessibleName(tr("Example output name"));
    m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    destForm->addRow(QString(), m_example);
    m_overwrite->setObjectName(QStringLiteral("overwritePolicy"));
    m_overwrite->setAccessibleName(tr("When the output exists"));
    m_overwrite->addItem(tr("Keep both (new name)"), int(OverwritePolicy::Rename));
    m_overwrite->addItem(tr("Skip"), int(OverwritePolicy::Skip));
    m_overwrite->addItem(tr("Replace"), int(OverwritePolicy::Replace));
    destForm->addRow(tr("When the output exists:"), m_overwrite);
    layout->addWidget(destBox);

    buildAddMenu();
    reloadPresets();

    connect(m_steps, &QListWidget::currentRowChanged, this, &RecipeEditor::onStepSelected);
    connect(m_steps, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_rebuilding)
            return;
        const int step = item->data(kStepRole).toInt();
        if (step < 0 || step >= m_recipe.steps.size())
            return;
        const bool enabled = item->checkState() == Qt::Checked;
        if (m_recipe.steps[step].enabled != enabled) {
            m_recipe.steps[step].enabled = enabled;
            markEdited();
        }
    });
    // A drag moved a row of the list: the recipe follows once the drop has finished.
    connect(m_steps->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        if (!m_rebuilding)
            QMetaObject::invokeMethod(this, &RecipeEditor::syncOrderFromList, Qt::QueuedConnection);
    });
    connect(m_form, &ParamForm::paramsChanged, this, &RecipeEditor::onStepParamsChanged);
    connect(m_removeButton, &QPushButton::clicked, this, &RecipeEditor::removeSelected);
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(editPreset, &QPushButton::clicked, this, &RecipeEditor::loadSelectedPreset);
    connect(m_outputs, &QListWidget::itemDoubleClicked, this, &RecipeEditor::loadSelectedPreset);
    connect(savePreset, &QPushButton::clicked, this, &RecipeEditor::saveAsPreset);
    connect(m_outputs, &QListWidget::itemChanged, this, [this] {
        updateExample();
        emit recipeChanged();
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Output folder"), m_outputDir->text());
        if (!dir.isEmpty())
            setOutputDir(dir);
    });
    connect(m_outputDir, &QLineEdit::textChanged, this, &RecipeEditor::recipeChanged);
    connect(m_naming, &QLineEdit::textChanged, this, [this] {
        updateExample();
        emit recipeChanged();
    });
    connect(m_overwrite, &QComboBox::currentIndexChanged, this, &RecipeEditor::recipeChanged);

    Recipe initial;
    if (PresetLibrary::load(QStringLiteral("thumbnail-256"), &initial))
        Recipe::fromSpecs({QStringLiteral("thumbnail:size=256")}, &initial);
    setCurrentRecipe(initial);
}

void RecipeEditor::buildAddMenu()
{
    m_addMenu->setObjectName(QStringLiteral("addOperationMenu"));
    m_search->setObjectName(QStringLiteral("operationSearch"));
    m_search->setPlaceholderText(tr("Search operations…"));
    m_search->setAccessibleName(tr("Search operations"));
    m_search->setClearButtonEnabled(true);
    auto *searchAction = new QWidgetAction(m_addMenu);
    searchAction->setDefaultWidget(m_search);
    m_addMenu->addAction(searchAction);
    m_addMenu->addSeparator();

    QMap<int, QMenu *> menus;
    for (const Operation *op : OperationRegistry::instance().all()) {
        if (op->id() == kFormatOp)
            continue; // the output format is always the last, fixed entry
        const Category c = categoryOf(op->id());
        QMenu *&menu = menus[int(c)];
        if (!menu)
            menu = new QMenu(categoryTitle(c), m_addMenu);
        const QString id = op->id();
        QAction *inCategory = menu->addAction(op->title());
        inCategory->setToolTip(op->description());
        inCategory->setData(id);
        connect(inCategory, &QAction::triggered, this, [this, id] { addStep(id); });
        // The same operation as a flat search result, shown only while searching.
        auto *result = new QAction(op->title(), m_addMenu);
        result->setData(id);
        result->setVisible(false);
        result->setProperty("pqSearchText", op->title() + QLatin1Char(' ') + id + QLatin1Char(' ') +
                                                op->description());
        connect(result, &QAction::triggered, this, [this, id] { addStep(id); });
        m_searchResults << result;
    }
    for (QMenu *menu : std::as_const(menus)) {
        m_addMenu->addMenu(menu);
        m_categoryMenus << menu;
    }
    m_addMenu->addActions(m_searchResults);
    connect(m_search, &QLineEdit::textChanged, this, &RecipeEditor::filterAddMenu);
    connect(m_addMenu, &QMenu::aboutToShow, this, [this] {
        m_search->clear();
        m_search->setFocus();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        for (QAction *a : std::as_const(m_searchResults)) {
            if (a->isVisible()) {
                a->trigger();
                m_addMenu->close();
                return;
            }
        }
    });
}

void RecipeEditor::filterAddMenu(const QString &text)
{
    const QString needle = text.trimmed();
    for (QMenu *menu : std::as_const(m_categoryMenus))
        menu->menuAction()->setVisible(needle.isEmpty());
    for (QAction *a : std::as_const(m_searchResults))
        a->setVisible(!needle.isEmpty() &&
                      a->property("pqSearchText").toString().contains(needle, Qt::CaseInsensitive));
}

void RecipeEditor::setCurrentRecipe(const Recipe &recipe)
{
    m_recipe = recipe;
    rebuildSteps(m_recipe.steps.isEmpty() ? -1 : 0);
    updateExample();
    emit recipeChanged();
}

void RecipeEditor::rebuildSteps(int select)
{
    m_rebuilding = true;
    m_steps->clear();
    for (int i = 0; i < m_recipe.steps.size(); ++i) {
        const RecipeStep &step = m_recipe.steps.at(i);
        auto *item = new QListWidgetItem(opTitle(step.op), m_steps);
        item->setData(kStepRole, i);
        // Draggable, but nothing is dropped onto a step (only between steps).
        item->setFlags((item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled) &
                       ~Qt::ItemIsDropEnabled);
        item->setCheckState(step.enabled ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(step.op);
    }
    auto *output = new QListWidgetItem(tr("Output format"), m_steps);
    output->setData(kStepRole, -1);
    output->setFlags(output->flags() & ~(Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled));
    QFont f = output->font();
    f.setItalic(true);
    output->setFont(f);
    m_rebuilding = false;
    m_steps->setCurrentRow(
        select >= 0 && select < m_recipe.steps.size() ? select : int(m_recipe.steps.size()));
    onStepSelected();
    const auto problem = validate(m_recipe);
    m_recipeProblem->setText(problem.value_or(QString()));
    m_recipeProblem->setVisible(problem.has_value());
}

int RecipeEditor::selectedStep() const
{
    const QListWidgetItem *item = m_steps->currentItem();
    return item ? item->data(kStepRole).toInt() : -1;
}

void RecipeEditor::selectStep(int index)
{
    m_steps->setCurrentRow(
        index >= 0 && index < m_recipe.steps.size() ? index : int(m_recipe.steps.size()));
}

void RecipeEditor::onStepSelected()
{
    if (m_rebuilding)
        return;
    const int step = selectedStep();
    const bool isStep = step >= 0 && step < m_recipe.steps.size();
    m_removeButton->setEnabled(isStep);
    m_upButton->setEnabled(isStep && step > 0);
    m_downButton->setEnabled(isStep && step + 1 < m_recipe.steps.size());
    const auto &registry = OperationRegistry::instance();
    if (isStep) {
        const RecipeStep &s = m_recipe.steps.at(step);
        m_form->setOperation(registry.find(s.op), s.params);
    } else {
        m_form->setOperation(registry.find(kFormatOp), m_recipe.output);
    }
    emit stepSelected(isStep ? step : -1);
}

bool RecipeEditor::setStepParam(int step, const QString &name, const QVariant &value)
{
    if (step < 0 || step >= m_recipe.steps.size())
        return false;
    const Operation *op = OperationRegistry::instance().find(m_recipe.steps.at(step).op);
    if (!op)
        return false;
    for (const ParamSpec &spec : op->params()) {
        if (spec.name != name)
            continue;
        QVariant coerced;
        if (spec.coerce(value, &coerced))
            return false;
        Params &params = m_recipe.steps[step].params;
        if (params.value(name) == coerced)
            return true;
        params.insert(name, coerced);
        if (step == selectedStep())
            m_form->setOperation(op, params);
        markEdited();
        return true;
    }
    return false;
}

void RecipeEditor::onStepParamsChanged(const Params &params)
{
    const int step = selectedStep();
    if (step >= 0 && step < m_recipe.steps.size())
        m_recipe.steps[step].params = params;
    else
        m_recipe.output = params;
    markEdited();
}

void RecipeEditor::markEdited()
{
    // An edited preset is no longer that preset: its jobs and outputs say "custom".
    m_recipe.name = QStringLiteral("custom");
    const auto problem = validate(m_recipe);
    m_recipeProblem->setText(problem.value_or(QString()));
    m_recipeProblem->setVisible(problem.has_value());
    updateExample();
    emit recipeChanged();
}

bool RecipeEditor::addStep(const QString &opId)
{
    const auto &registry = OperationRegistry::instance();
    const Operation *op = registry.find(opId);
    if (!op || opId == kFormatOp)
        return false;
    Params params;
    if (registry.completeParams(*op, {}, &params))
        return false;
    const int current = selectedStep();
    const int at =
        current >= 0 && current < m_recipe.steps.size() ? current + 1 : int(m_recipe.steps.size());
    m_recipe.steps.insert(at, RecipeStep{opId, params, true});
    rebuildSteps(at);
    markEdited();
    return true;
}

void RecipeEditor::removeSelected()
{
    const int step = selectedStep();
    if (step < 0 || step >= m_recipe.steps.size())
        return;
    m_recipe.steps.removeAt(step);
    rebuildSteps(qMin(step, int(m_recipe.steps.size()) - 1));
    markEdited();
}

void RecipeEditor::moveSelected(int delta)
{
    const int step = selectedStep();
    const int to = step + delta;
    if (step < 0 || step >= m_recipe.steps.size() || to < 0 || to >= m_recipe.steps.size())
        return;
    m_recipe.steps.move(step, to);
    rebuildSteps(to);
    markEdited();
}

void RecipeEditor::syncOrderFromList()
{
    // The list's order after a drag; a step dropped below the output format still runs last.
    QList<RecipeStep> steps;
    int selected = -1;
    for (int row = 0; row < m_steps->count(); ++row) {
        const QListWidgetItem *item = m_steps->item(row);
        const int step = item->data(kStepRole).toInt();
        if (step < 0 || step >= m_recipe.steps.size())
            continue;
        if (item == m_steps->currentItem())
            selected = int(steps.size());
        steps << m_recipe.steps.at(step);
    }
    if (steps.size() != m_recipe.steps.size())
        return; // not a reorder of this recipe's steps
    bool changed = false;
    for (int i = 0; i < steps.size() && !changed; ++i)
        changed = steps.at(i).op != m_recipe.steps.at(i).op ||
                  steps.at(i).params != m_recipe.steps.at(i).params ||
                  steps.at(i).enabled != m_recipe.steps.at(i).enabled;
    m_recipe.steps = steps;
    // Renumbers the rows and puts the output format back at the end.
    rebuildSteps(selected);
    if (changed)
        markEdited();
}

std::optional<QString> RecipeEditor::validate(const Recipe &recipe) const
{
    const auto &registry = OperationRegistry::instance();
    for (const RecipeStep &step : recipe.steps) {
        const Operation *op = registry.find(step.op);
        if (!op)
            return tr("Unknown operation '%1'.").arg(step.op);
        if (!step.enabled)
            continue;
        if (auto e = op->validate(step.params))
            return *e;
    }
    if (const Operation *format = registry.find(kFormatOp))
        if (auto e = format->validate(recipe.output))
            return *e;
    return std::nullopt;
}

void RecipeEditor::reloadPresets()
{
    const QStringList checked = checkedPresets();
    const bool current = m_outputs->count() == 0 || useCurrentRecipe();
    m_outputs->blockSignals(true);
    m_outputs->clear();
    auto *item = new QListWidgetItem(tr("Current recipe"), m_outputs);
    item->setData(kPresetRole, QString());
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(current ? Qt::Checked : Qt::Unchecked);
    for (const QString &name : PresetLibrary::names()) {
        auto *preset = new QListWidgetItem(name, m_outputs);
        preset->setData(kPresetRole, name);
        preset->setFlags(preset->flags() | Qt::ItemIsUserCheckable);
        preset->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
        preset->setToolTip(
            tr("Preset '%1': tick to produce it too, double-click to edit a copy").arg(name));
    }
    m_outputs->blockSignals(false);
}

QStringList RecipeEditor::checkedPresets() const
{
    QStringList names;
    for (int i = 1; i < m_outputs->count(); ++i)
        if (m_outputs->item(i)->checkState() == Qt::Checked)
            names << m_outputs->item(i)->data(kPresetRole).toString();
    return names;
}

bool RecipeEditor::useCurrentRecipe() const
{
    return m_outputs->count() > 0 && m_outputs->item(0)->checkState() == Qt::Checked;
}

void RecipeEditor::setCheckedOutputs(bool current, const QStringList &presets)
{
    m_outputs->blockSignals(true);
    for (int i = 0; i < m_outputs->count(); ++i) {
        QListWidgetItem *item = m_outputs->item(i);
        const bool on = i == 0 ? current : presets.contains(item->data(kPresetRole).toString());
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_outputs->blockSignals(false);
    updateExample();
    emit recipeChanged();
}

std::optional<QString> RecipeEditor::selectedRecipes(QList<Recipe> *out) const
{
    QList<Recipe> recipes;
    if (useCurrentRecipe()) {
        if (auto e = validate(m_recipe))
            return tr("The current recipe is not valid: %1").arg(*e);
        Recipe r = m_recipe;
        // Only enabled steps run.
        r.steps.removeIf([](const RecipeStep &s) { return !s.enabled; });
        recipes << r;
    }
    for (const QString &name : checkedPresets()) {
        Recipe r;
        if (auto e = PresetLibrary::load(name, &r))
            return *e;
        recipes << r;
    }
    if (recipes.isEmpty())
        return tr("Tick the current recipe or at least one preset.");
    *out = recipes;
    return std::nullopt;
}

void RecipeEditor::loadSelectedPreset()
{
    const QListWidgetItem *item = m_outputs->currentItem();
    const QString name = item ? item->data(kPresetRole).toString() : QString();
    if (name.isEmpty())
        return;
    Recipe r;
    if (auto e = PresetLibrary::load(name, &r)) {
        QMessageBox::warning(this, tr("Preset"), *e);
        return;
    }
    setCurrentRecipe(r);
}

void RecipeEditor::saveAsPreset()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as preset"), tr("Preset name:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    static const QRegularExpression valid(QStringLiteral("^[\\w][\\w .-]*$"));
    if (!valid.match(name).hasMatch()) {
        QMessageBox::warning(this, tr("Save as preset"),
                             tr("Use letters, digits, spaces, '.', '-' and '_' only."));
        return;
    }
    const QString dir = PresetLibrary::userPresetDir();
    QDir().mkpath(dir);
    Recipe r = m_recipe;
    r.name = name;
    QSaveFile file(dir + QLatin1Char('/') + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(r.toJson()).toJson()) < 0 ||
        !file.commit()) {
        QMessageBox::warning(this, tr("Save as preset"),
                             tr("Could not save the preset: %1").arg(file.errorString()));
        return;
    }
    m_recipe.name = name;
    reloadPresets();
}

QString RecipeEditor::outputDir() const
{
    return m_outputDir->text().trimmed();
}

void RecipeEditor::setOutputDir(const QString &dir)
{
    m_outputDir->setText(QDir::toNativeSeparators(dir));
}

QString RecipeEditor::naming() const
{
    return m_naming->text().trimmed();
}

void RecipeEditor::setNaming(const QString &naming)
{
    m_naming->setText(naming);
}

OverwritePolicy RecipeEditor::overwritePolicy() const
{
    return OverwritePolicy(m_overwrite->currentData().toInt());
}

void RecipeEditor::setOverwritePolicy(OverwritePolicy policy)
{
    m_overwrite->setCurrentIndex(qMax(0, m_overwrite->findData(int(policy))));
}

QString RecipeEditor::exampleName() const
{
    return m_example->text();
}

void RecipeEditor::updateExample()
{
    int recipes = useCurrentRecipe() ? 1 : 0;
    recipes += int(checkedPresets().size());
    QString tpl = naming();
    if (tpl.isEmpty())
        tpl = m_recipe.naming.isEmpty() ? OutputNaming::defaultTemplate(qMax(1, recipes))
                                        : m_recipe.naming;
    if (auto e = OutputNaming::validateTemplate(tpl)) {
        m_example->setText(tr("Invalid template: %1").arg(*e));
        m_naming->setProperty("pqInvalid", true);
        return;
    }
    m_naming->setProperty("pqInvalid", false);
    const QString input = QStringLiteral("holiday/IMG_0042.jpg");
    const QString name = OutputNaming::fileName(tpl, input, m_recipe.name, 1,
                                                m_recipe.outputSuffix(QStringLiteral("jpg")));
    m_example->setText(tr("Example: %1").arg(name));
}

} // namespace pq::ui
