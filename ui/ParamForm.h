#pragma once
// A form generated from an operation's ParamSpecs: one editor per parameter, named
// "param_<name>" (objectName) and labelled with the spec's translated label (accessible name).
// Int -> QSpinBox, Double -> QDoubleSpinBox (spec range and unit; a range of at most 1000 also
// gets a QSlider, "param_<name>_slider", that follows the spin box), Bool -> QCheckBox,
// Enum -> QComboBox, String/Rect -> QLineEdit, Color -> QLineEdit + colour dialog button,
// File -> QLineEdit + file dialog button. GUI thread only.

#include "ops/Operation.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace pq::ui {

class ParamForm : public QWidget
{
    Q_OBJECT
public:
    explicit ParamForm(QWidget *parent = nullptr);

    // `op` null: an empty form. `params` complete (see OperationRegistry::completeParams).
    void setOperation(const Operation *op, const Params &params);
    const Operation *operation() const { return m_op; }
    const Params &params() const { return m_params; }

signals:
    // A value was edited and is valid for its spec.
    void paramsChanged(const pq::Params &params);

private:
    QWidget *makeEditor(const ParamSpec &spec);
    // `editor` alone, or in a row with a slider (short numeric ranges).
    QWidget *withSlider(const ParamSpec &spec, QWidget *editor);
    void setValue(const ParamSpec &spec, const QVariant &value, QWidget *editor);
    void showProblem(const QString &message);

    const Operation *m_op = nullptr;
    Params m_params;
    QFormLayout *m_layout;
    QLabel *m_title;
    QLabel *m_problem;
};

} // namespace pq::ui
