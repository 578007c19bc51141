#include "ParamForm.h"

#include "Palette.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <cmath>
#include <limits>

namespace pq::ui {

ParamForm::ParamForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout)
    , m_title(new QLabel(this))
    , m_problem(new QLabel(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_problem->setWordWrap(true);
    setErrorText(m_problem, true);
    m_problem->setObjectName(QStringLiteral("paramProblem"));
    m_problem->hide();
    outer->addWidget(m_title);
    outer->addLayout(m_layout);
    outer->addWidget(m_problem);
    outer->addStretch(1);
    setAccessibleName(tr("Operation parameters"));
}

void ParamForm::setOperation(const Operation *op, const Params &params)
{
    m_op = op;
    m_params = params;
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_problem->hide();
    if (!op) {
        m_title->setText(tr("Select an operation to edit its parameters."));
        return;
    }
    m_title->setText(op->title());
    m_title->setToolTip(op->description());
    for (const ParamSpec &spec : op->params()) {
        QWidget *editor = makeEditor(spec);
        editor->setObjectName(QStringLiteral("param_") + spec.name);
        editor->setAccessibleName(spec.label);
        editor->setToolTip(spec.help.isEmpty()
                               ? spec.describeRange()
                               : spec.help + QLatin1Char('\n') + spec.describeRange());
        auto *label = new QLabel(spec.label + QLatin1Char(':'));
        label->setBuddy(editor);
        m_layout->addRow(label, withSlider(spec, editor));
    }
}

namespace {
// Numbers on a short scale (quality, strength, angle, percentages) get a slider next to their spin
// box; pixel sizes and counts up to thousands do not (a slider would jump by many units).
constexpr double kLongestSliderRange = 1000;
constexpr int kDoubleSliderSteps = 1000;
} // namespace

QWidget *ParamForm::withSlider(const ParamSpec &spec, QWidget *editor)
{
    const bool numeric = spec.type == ParamType::Int || spec.type == ParamType::Double;
    if (!numeric || !(spec.maximum > spec.minimum) ||
        spec.maximum - spec.minimum > kLongestSliderRange)
        return editor;
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *slider = new QSlider(Qt::Horizontal, row);
    slider->setObjectName(QStringLiteral("param_") + spec.name + QStringLiteral("_slider"));
    slider->setAccessibleName(tr("%1 slider").arg(spec.label));
    slider->setToolTip(editor->toolTip());
    layout->addWidget(editor);
    layout->addWidget(slider, 1);
    editor->setParent(row);
    // The slider moves the spin box, which validates and reports the value (the preview debounces
    // while the slider is dragged); the spin box moves the slider without echo.
    if (auto *box = qobject_cast<QSpinBox *>(editor)) {
        slider->setRange(box->minimum(), box->maximum());
        slider->setPageStep(std::max(1, (box->maximum() - box->minimum()) / 10));
        slider->setValue(box->value());
        connect(slider, &QSlider::valueChanged, box, &QSpinBox::setValue);
        connect(box, &QSpinBox::valueChanged, slider, [slider](int v) {
            const QSignalBlocker block(slider);
            slider->setValue(v);
        });
    } else if (auto *box = qobject_cast<QDoubleSpinBox *>(editor)) {
        const double min = box->minimum();
        const double step = (box->maximum() - min) / kDoubleSliderSteps;
        auto position = [min, step](double v) { return int(std::lround((v - min) / step)); };
        slider->setRange(0, kDoubleSliderSteps);
        slider->setPageStep(kDoubleSliderSteps / 10);
        slider->setValue(position(box->value()));
        connect(slider, &QSlider::valueChanged, box,
                [box, min, step](int p) { box->setValue(min + p * step); });
        connect(box, &QDoubleSpinBox::valueChanged, slider, [slider, position](double v) {
            const QSignalBlocker block(slider);
            slider->setValue(position(v));
        });
    }
    return row;
}

void ParamForm::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void ParamForm::setValue(const ParamSpec &spec, const QVariant &value, QWidget *editor)
{
    QVariant coerced;
    if (auto error = spec.coerce(value, &coerced)) {
        showProblem(*error);
        editor->setProperty("pqInvalid", true);
        return;
    }
    editor->setProperty("pqInvalid", false);
    showProblem({});
    if (m_params.value(spec.name) == coerced)
        return;
    m_params.insert(spec.name, coerced);
    emit paramsChanged(m_params);
}

QWidget *ParamForm::makeEditor(const ParamSpec &spec)
{
    const QVariant current = m_params.value(spec.name, spec.defaultValue);
    switch (spec.type) {
    case ParamType::Int: {
        auto *box = new QSpinBox;
        box->setRange(int(std::max<double>(spec.minimum, std::numeric_limits<int>::min())),
                      int(std::min<double>(spec.maximum, std::numeric_limits<int>::max())));
        box->setValue(current.toInt());
        if (!spec.unit.isEmpty())
            box->setSuffix(QLatin1Char(' ') + spec.unit);
        connect(box, &QSpinBox::valueChanged, this,
                [this, spec, box](int v) { setValue(spec, v, box); });
        return box;
    }
    case ParamType::Double: {
        auto *box = new QDoubleSpinBox;
        box->setDecimals(spec.maximum - spec.minimum <= 10 ? 3 : 2);
        box->setRange(spec.minimum, spec.maximum);
        box->setSingleStep(spec.maximum - spec.minimum <= 10 ? 0.05 : 1.0);
        box->setValue(current.toDouble());
        if (!spec.unit.isEmpty())
            box->setSuffix(QLatin1Char(' ') + spec.unit);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, spec, box](double v) { setValue(spec, v, box); });
        return box;
    }
    case ParamType::Bool: {
        auto *box = new QCheckBox;
        box->setChecked(current.toBool());
        connect(box, &QCheckBox::toggled, this,
                [this, spec, box](bool v) { setValue(spec, v, box); });
        return box;
    }
    case ParamType::Enum: {
        auto *box = new QComboBox;
        // Translated names shown, the choices themselves stored as item data.
        for (const QString &choice : spec.choices)
            box->addItem(spec.choiceLabel(choice), choice);
        box->setCurrentIndex(std::max(0, box->findData(current.toString())));
        connect(box, &QComboBox::currentIndexChanged, this, [this, spec, box](int index) {
            setValue(spec, box->itemData(index).toString(), box);
        });
        return box;
    }
    case ParamType::String:
    case ParamType::Rect: {
        auto *edit = new QLineEdit(current.toString());
        if (spec.type == ParamType::Rect)
            edit->setPlaceholderText(tr("WxH+X+Y, separated by spaces"));
        connect(edit, &QLineEdit::textEdited, this,
                [this, spec, edit](const QString &v) { setValue(spec, v, edit); });
        return edit;
    }
    case ParamType::Color:
    case ParamType::File: {
        auto *row = new QWidget;
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *edit = new QLineEdit(current.toString(), row);
        edit->setAccessibleName(spec.label);
        edit->setObjectName(QStringLiteral("param_") + spec.name + QStringLiteral("_text"));
        auto *pick = new QToolButton(row);
        const bool color = spec.type == ParamType::Color;
        pick->setText(color ? tr("Pick…") : tr("Browse…"));
        pick->setAccessibleName(color ? tr("Pick a colour for %1").arg(spec.label)
                                      : tr("Choose a file for %1").arg(spec.label));
        layout->addWidget(edit, 1);
        layout->addWidget(pick);
        connect(edit, &QLineEdit::textEdited, this,
                [this, spec, edit](const QString &v) { setValue(spec, v, edit); });
        connect(pick, &QToolButton::clicked, this, [this, spec, edit, color] {
            QString chosen;
            if (color) {
                const QColor initial(edit->text());
                const QColor c =
                    QColorDialog::getColor(initial.isValid() ? initial : Qt::white, this,
                                           spec.label, QColorDialog::ShowAlphaChannel);
                if (!c.isValid())
                    return;
                chosen = c.alpha() == 255 ? c.name(QColor::HexRgb) : c.name(QColor::HexArgb);
                if (c.alpha() != 255) // Qt writes #aarrggbb; the recipe form is #rrggbbaa
                    chosen = QLatin1Char('#') + chosen.mid(3) + chosen.mid(1, 2);
            } else {
                chosen = QFileDialog::getOpenFileName(this, spec.label, edit->text());
                if (chosen.isEmpty())
                    return;
            }
            edit->setText(chosen);
            setValue(spec, chosen, edit);
        });
        return row;
    }
    }
    return new QWidget;
}

} // namespace pq::ui
