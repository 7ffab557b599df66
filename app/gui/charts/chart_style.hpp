// Shared look of the charts: the colour-blind-safe palette, the time <-> chart x mapping, axis
// set-up with units, and number formatting. Internal to app/gui/charts.
#pragma once

#include "sim/core/sim_time.hpp"

#include <QColor>
#include <QFont>
#include <QString>

#include <string>

QT_BEGIN_NAMESPACE
class QValueAxis;
class QDateTimeAxis;
QT_END_NAMESPACE

namespace cp::gui::charts {

/// Okabe-Ito colours first (yellow last: weak on white), then Paul Tol's muted set.
[[nodiscard]] QColor paletteColor(int index);
/// "#rrggbb" from a scenario, or an invalid colour when empty or malformed.
[[nodiscard]] QColor parseColor(const std::string& text);

/// Chart x coordinate (ms since epoch of local midnight of the date, as QDateTimeAxis shows it).
[[nodiscard]] double toChartX(core::SimTime t);
/// The date a chart x coordinate falls on (time of day dropped).
[[nodiscard]] core::SimTime fromChartX(double x);

/// "Mar 2025"
[[nodiscard]] QString monthLabel(core::SimTime t);

/// A power-of-thousand scale for axis values: factor to divide by and the unit word.
struct UnitScale {
    double factor = 1;
    QString word; ///< "", "thousand", "million", "billion"
};
[[nodiscard]] UnitScale chooseScale(double maxAbs);

/// Value axis over [lo, hi] with nice ticks, a fitting label format and a title with units.
void configureValueAxis(QValueAxis* axis, double lo, double hi, const QString& title, bool includeZero);
/// Date axis over [from, to), snapped to whole years, labelled "yyyy" (or "MMM yyyy" if short).
void configureDateAxis(QDateTimeAxis* axis, core::SimTime from, core::SimTime to);

/// Fonts used for the overlay (title, marker labels) and axes.
[[nodiscard]] QFont titleFont();
[[nodiscard]] QFont smallFont();
[[nodiscard]] QFont axisFont();

/// A short label for a policy marker ("BIS update (Oct 2023)" -> "BIS update").
[[nodiscard]] QString shortPolicyName(const std::string& name);
/// Short axis label of a value: 1, 10, 100, 1k, 2.5k, 10k, 100k, 1M, 1B.
[[nodiscard]] QString compactNumber(double v);
/// Value with a sensible number of decimals and thousands separators.
[[nodiscard]] QString formatNumber(double v, int maxDecimals = 1);

} // namespace cp::gui::charts
