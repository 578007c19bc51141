#pragma once
// The recipe editor: the current recipe's steps (add from a searchable menu grouped by category,
// remove, reorder, enable/disable), a form generated from the selected step's ParamSpecs, the
// outputs to produce (the current recipe and/or presets: one job per checked entry), saving the
// current recipe as a user preset, and the output folder, naming template (with a live example)
// and overwrite policy. GUI thread only.

#include "jobs/JobTypes.h"
#include "ops/Recipe.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QPushButton;
class QToolButton;

namespace pq::ui {

class ParamForm;

class RecipeEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RecipeEditor(QWidget *parent = nullptr);

    Recipe currentRecipe() const { return m_recipe; }
    void setCurrentRecipe(const Recipe &recipe);
    QByteArray currentRecipeJson() const { return m_recipe.toJsonBytes(); }

    // Adds a step with default parameters after the selected one (at the end when none is
    // selected) and selects it. False for an unknown operation.
    bool addStep(const QString &opId);
    void selectStep(int index);
    int selectedStep() const;
    ParamForm *paramForm() const { return m_form; }
    // Sets one parameter of a step as if it had been edited in the form (the form shows it when
    // the step is selected, recipeChanged is emitted). False for a bad step, an unknown
    // parameter or a value its spec rejects.
    bool setStepParam(int step, const QString &name, const QVariant &value);

    // The recipes of the checked outputs, in list order; an error message when none is checked or
    // one is invalid.
    std::optional<QString> selectedRecipes(QList<Recipe> *out) const;
    QStringList checkedPresets() const;
    bool useCurrentRecipe() const;
    void setCheckedOutputs(bool current, const QStringList &presets);
    void reloadPresets();

    QString outputDir() const;
    void setOutputDir(const QString &dir);
    QString naming() const; // empty: the default template
    void setNaming(const QString &naming);
    OverwritePolicy overwritePolicy() const;
    void setOverwritePolicy(OverwritePolicy policy);
    QString exampleName() const; // the live example shown under the naming template

signals:
    void recipeChanged();
    // The selected entry of the step list changed: a step index, or -1 for the output format.
    void stepSelected(int step);

private:
    void buildAddMenu();
    void filterAddMenu(const QString &text);
    void rebuildSteps(int select);
    void onStepSelected();
    void onStepParamsChanged(const pq::Params &params);
    void moveSelected(int delta);
    void syncOrderFromList(); // after a drag in the step list
    void removeSelected();
    void loadSelectedPreset();
    void saveAsPreset();
    void updateExample();
    void markEdited();
    std::optional<QString> validate(const Recipe &recipe) const;

    Recipe m_recipe;
    bool m_rebuilding = false;
    QListWidget *m_steps;
    QToolButton *m_addButton;
    QMenu *m_addMenu;
    QLineEdit *m_search;
    QList<QMenu *> m_categoryMenus;
    QList<QAction *> m_searchResults;
    QPushButton *m_removeButton;
    QPushButton *m_upButton;
    QPushButton *m_downButton;
    ParamForm *m_form;
    QLabel *m_recipeProblem;
    QListWidget *m_outputs;
    QLineEdit *m_outputDir;
    QLineEdit *m_naming;
    QLabel *m_example;
    QComboBox *m_overwrite;
};

} // namespace pq::ui
