// One parameter in the scenario panel: its name and unit, a slider over the control's range
// and a spin box for exact values (anything in the valid range), a button back to the
// scenario's value, and a tooltip with meaning and citation. Emits edits; the panel turns them
// into undoable overrides. A drag is one gesture (`gestureId`), so it undoes as one step.
#pragma once

#include "app/gui/param_catalog.hpp"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace cp::gui {

class ValueSpinBox;

class ParamRow : public QWidget {
    Q_OBJECT
public:
    explicit ParamRow(ParamControl control, QWidget* parent = nullptr);

    [[nodiscard]] const ParamControl& control() const { return m_control; }
    /// Shows `value` (NaN = a value this control cannot show, e.g. a hand-written schedule).
    void setValue(double value, bool overridden);
    [[nodiscard]] double value() const { return m_value; }
    [[nodiscard]] bool isOverridden() const { return m_overridden; }
    [[nodiscard]] QSlider* slider() const { return m_slider; }
    [[nodiscard]] ValueSpinBox* spinBox() const { return m_spin; }

signals:
    /// The user set a value; edits with the same non-zero gesture id belong to one gesture.
    void edited(double value, int gestureId);
    void resetRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] int toSlider(double v) const;
    [[nodiscard]] double fromSlider(int pos) const;
    void onSliderMoved(int pos);
    void onSpinChanged(double v);
    int gestureForStep();

    ParamControl m_control;
    QLabel* m_name = nullptr;
    QLabel* m_unit = nullptr;
    QSlider* m_slider = nullptr;
    ValueSpinBox* m_spin = nullptr;
    QToolButton* m_reset = nullptr;
    double m_value = 0;
    bool m_overridden = false;
    int m_dragGesture = 0;
    int m_stepGesture = 0;
    QElapsedTimer m_lastStep;
};

} // namespace cp::gui
