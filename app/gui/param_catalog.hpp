// Which scenario parameters the panel offers, and how: a label in plain words, a unit, a slider
// range (the value's distribution bounds when it has one, otherwise a sensible span around it
// inside the valid range), and the citation shown on hover. Dated schedules (Huawei's die
// output, leasing budgets) are offered as a factor on the whole schedule. Pure functions of a
// loaded Scenario; no widgets.
#pragma once

#include "sim/scenario/schedule_paths.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace cp::gui {

struct ParamControl {
    std::string path; ///< override key, e.g. "firms.deepseek.algorithmic_efficiency"
    QString entity;   ///< "DeepSeek"
    QString field;    ///< "algorithmic efficiency"
    QString group;    ///< "Firms"
    QString unit;     ///< "x", "share", "× base schedule"
    scenario::ParamInfo info;
    bool scheduleFactor = false;  ///< edits scale `schedule` as a whole
    scenario::Schedule schedule;  ///< the base schedule (factor controls)
    double baseValue = 0;         ///< base value (1 for factor controls)
    double sliderMin = 0, sliderMax = 1;
    double validMin = 0, validMax = 1e300;
    bool logScale = false;
    bool key = false; ///< one of the key uncertain parameters shown by default

    [[nodiscard]] QString label() const { return entity + QStringLiteral(" · ") + field; }
};

[[nodiscard]] std::vector<ParamControl> buildParamControls(const scenario::Scenario& base);

/// The override that sets the control to `value`; nullopt when that is the base value.
[[nodiscard]] std::optional<std::string> overrideFor(const ParamControl& control, double value);
/// The control's value under `overrideValue` (the base value when there is none); NaN when the
/// override is not something this control wrote (e.g. a schedule typed by hand).
[[nodiscard]] double controlValue(const ParamControl& control, const std::optional<std::string>& overrideValue);
/// Rounds a slider position to 3 significant digits, so saved files read "2.35", not "2.3471".
[[nodiscard]] double roundForDisplay(double v);
/// Rich-text tooltip: meaning, value, range, source and confidence, distribution, file:line.
[[nodiscard]] QString tooltipFor(const ParamControl& control, double current);

/// The dated schedule a key path names, or nullptr (for paths of scalar values).
using scenario::findSchedule;

} // namespace cp::gui
