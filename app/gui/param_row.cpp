#include "app/gui/param_row.hpp"

#include "app/gui/value_spin_box.hpp"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <cmath>

namespace cp::gui {

namespace {
constexpr int kSliderSteps = 1000;
int nextGestureId()
{
    static int id = 0; // GUI thread only
    return ++id;
}
} // namespace

ParamRow::ParamRow(ParamControl control, QWidget* parent) : QWidget(parent), m_control(std::move(control))
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(10, 1, 0, 3);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(1);

    m_name = new QLabel(m_control.field, this); // the entity is the heading above
    m_name->setMinimumWidth(40);
    m_name->setTextInteractionFlags(Qt::NoTextInteraction);
    m_unit = new QLabel(m_control.unit, this);
    m_unit->setForegroundRole(QPalette::PlaceholderText);
    m_unit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setFocusPolicy(Qt::StrongFocus);
    m_slider->setAccessibleName(m_control.label());

    m_spin = new ValueSpinBox(this);
    m_spin->setRange(m_control.validMin, std::min(m_control.validMax, 1e30));
    m_spin->setSingleStep(roundForDisplay((m_control.sliderMax - m_control.sliderMin) / 50));
    m_spin->setFixedWidth(96);
    m_spin->setFocusPolicy(Qt::StrongFocus);
    m_spin->setAccessibleName(m_control.label());

    m_reset = new QToolButton(this);
    m_reset->setText(QStringLiteral("↺"));
    m_reset->setAutoRaise(true);
    m_reset->setToolTip(tr("Back to the scenario's value"));
    m_reset->setFixedWidth(22);

    grid->addWidget(m_name, 0, 0, 1, 2);
    grid->addWidget(m_unit, 0, 2);
    grid->addWidget(m_slider, 1, 0);
    grid->addWidget(m_spin, 1, 1, 1, 2);
    grid->addWidget(m_reset, 1, 3);
    grid->setColumnStretch(0, 1);

    for (QWidget* w : {static_cast<QWidget*>(m_slider), static_cast<QWidget*>(m_spin)})
        w->installEventFilter(this);

    connect(m_slider, &QSlider::sliderPressed, this, [this] { m_dragGesture = nextGestureId(); });
    connect(m_slider, &QSlider::sliderReleased, this, [this] { m_dragGesture = 0; });
    connect(m_slider, &QSlider::valueChanged, this, &ParamRow::onSliderMoved);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &ParamRow::onSpinChanged);
    connect(m_reset, &QToolButton::clicked, this, &ParamRow::resetRequested);

    setValue(m_control.baseValue, false);
}

void ParamRow::setValue(double value, bool overridden)
{
    m_value = value;
    m_overridden = overridden;
    const bool readable = !std::isnan(value);
    const QSignalBlocker b1(m_slider), b2(m_spin);
    m_slider->setEnabled(readable);
    m_spin->setEnabled(readable);
    if (readable) {
        m_slider->setValue(toSlider(value));
        m_spin->setValue(value);
    }
    m_reset->setVisible(overridden);
    QFont f = m_name->font();
    f.setBold(overridden);
    m_name->setFont(f);
    m_name->setText(readable ? m_control.field : tr("%1 (custom values)").arg(m_control.field));
    const QString tip = tooltipFor(m_control, readable ? value : m_control.baseValue);
    for (QWidget* w : {static_cast<QWidget*>(this), static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_slider),
                       static_cast<QWidget*>(m_spin)})
        w->setToolTip(tip);
}

int ParamRow::toSlider(double v) const
{
    const double lo = m_control.sliderMin, hi = m_control.sliderMax;
    double f = 0;
    if (m_control.logScale)
        f = std::log(std::max(v, lo) / lo) / std::log(hi / lo);
    else
        f = (v - lo) / (hi - lo);
    return static_cast<int>(std::lround(std::clamp(f, 0.0, 1.0) * kSliderSteps));
}

double ParamRow::fromSlider(int pos) const
{
    const double f = static_cast<double>(pos) / kSliderSteps;
    const double lo = m_control.sliderMin, hi = m_control.sliderMax;
    const double v = m_control.logScale ? lo * std::pow(hi / lo, f) : lo + f * (hi - lo);
    return std::clamp(roundForDisplay(v), m_control.validMin, m_control.validMax);
}

int ParamRow::gestureForStep()
{
    // Wheel turns and arrow-key presses in quick succession are one gesture too.
    if (m_stepGesture == 0 || !m_lastStep.isValid() || m_lastStep.elapsed() > 800)
        m_stepGesture = nextGestureId();
    m_lastStep.start();
    return m_stepGesture;
}

void ParamRow::onSliderMoved(int pos)
{
    const double v = fromSlider(pos);
    {
        const QSignalBlocker b(m_spin);
        m_spin->setValue(v);
    }
    m_value = v;
    emit edited(v, m_dragGesture != 0 ? m_dragGesture : gestureForStep());
}

void ParamRow::onSpinChanged(double v)
{
    {
        const QSignalBlocker b(m_slider);
        m_slider->setValue(toSlider(v));
    }
    m_value = v;
    emit edited(v, gestureForStep());
}

bool ParamRow::eventFilter(QObject* watched, QEvent* event)
{
    // The panel scrolls with the wheel; a control only takes the wheel once it has focus.
    if (event->type() == QEvent::Wheel) {
        auto* w = qobject_cast<QWidget*>(watched);
        if (w && !w->hasFocus()) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cp::gui
