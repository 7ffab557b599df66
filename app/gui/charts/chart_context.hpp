// What every chart draws from: the current and reference runs, the scenario's names, colours
// and policy dates, and the panel-wide view state (difference mode, cursor, visible firms).
// Internal to app/gui/charts.
#pragma once

#include "sim/model/results.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <QColor>
#include <QSet>
#include <QString>
#include <QStringList>

#include <limits>
#include <memory>
#include <vector>

namespace cp::gui::charts {

using ResultPtr = std::shared_ptr<const model::RunResult>;

struct EntityInfo {
    QString id;
    QString name;
    QColor color;
};

/// A vertical marker at a policy change: one or more policies taking effect (or ending) that day.
struct PolicyMark {
    core::SimTime date = 0;
    QString label;     ///< short, for the chart: the names joined
    QStringList names; ///< short name of each policy changing that day
    QString tooltip;   ///< full names, dates and descriptions
};

struct ChartContext {
    ResultPtr current;
    ResultPtr reference;
    QString scenarioName;
    std::vector<EntityInfo> firms;         ///< scenario order, colours resolved
    std::vector<EntityInfo> jurisdictions; ///< scenario order, palette colours
    std::vector<EntityInfo> chips;         ///< scenario order, palette colours
    std::vector<PolicyMark> markers;       ///< sorted by date, inside the run window
    bool difference = false;
    bool hasCursor = false;
    core::SimTime cursor = 0;
    bool reveal = false;
    QSet<QString> visibleFirms; ///< empty = all

    [[nodiscard]] bool differenceActive() const { return difference && reference != nullptr; }
    [[nodiscard]] bool firmVisible(const QString& id) const { return visibleFirms.isEmpty() || visibleFirms.contains(id); }
    /// x limit of the revealed data (+inf when everything is shown).
    [[nodiscard]] double revealLimitX() const;
    /// [first period, end of last period) over both runs; {0,0} without data.
    [[nodiscard]] std::pair<core::SimTime, core::SimTime> timeRange() const;
};

/// Firm colours (scenario colour, else palette skipping colours the scenario already uses),
/// names, and the policy markers of enabled policies inside the run window.
void fillFromScenario(ChartContext& ctx, const scenario::Scenario& scenario);

/// Values of `entity`/`metric` in `run` aligned to the periods of `base` (NaN where missing).
/// `run` may be `base` itself. Empty if the series does not exist.
[[nodiscard]] std::vector<double> alignedValues(const model::RunResult& base, const model::RunResult& run,
                                                const std::string& entity, const std::string& metric);

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace cp::gui::charts
