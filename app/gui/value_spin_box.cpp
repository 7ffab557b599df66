#include "app/gui/value_spin_box.hpp"

#include <QLocale>

#include <cmath>

namespace cp::gui {

ValueSpinBox::ValueSpinBox(QWidget* parent) : QDoubleSpinBox(parent)
{
    setDecimals(12); // precision is handled by textFromValue; this only stops Qt rounding
    setKeyboardTracking(false);
    setAccelerated(true);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

QString ValueSpinBox::textFromValue(double value) const
{
    const double mag = std::fabs(value);
    if (mag != 0 && (mag >= 1e7 || mag < 1e-3))
        return QString::number(value, 'g', 4);
    if (mag >= 1000)
        return QLocale::c().toString(std::round(value), 'f', 0);
    return QString::number(value, 'g', 4);
}

double ValueSpinBox::valueFromText(const QString& text) const
{
    QString t = text;
    t.remove(suffix()).remove(prefix()).remove(QLatin1Char(',')).remove(QLatin1Char(' '));
    return t.toDouble();
}

QValidator::State ValueSpinBox::validate(QString& text, int&) const
{
    QString t = text;
    t.remove(suffix()).remove(prefix()).remove(QLatin1Char(',')).remove(QLatin1Char(' '));
    if (t.isEmpty() || t == QLatin1String("-") || t.endsWith(QLatin1Char('e')) || t.endsWith(QLatin1String("e-")) ||
        t.endsWith(QLatin1Char('.')))
        return QValidator::Intermediate;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok)
        return QValidator::Invalid;
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

} // namespace cp::gui
