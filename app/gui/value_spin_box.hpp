// A spin box for values that span many orders of magnitude (0.05, 49,901, 2.1e25): shows a few
// significant digits, accepts plain and scientific notation, and steps by a given amount.
#pragma once

#include <QDoubleSpinBox>

namespace cp::gui {

class ValueSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit ValueSpinBox(QWidget* parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
};

} // namespace cp::gui
