// Dated schedules by key path ("data_centres.xai-colossus.power_mw"), for the code that edits a
// loaded scenario: Monte Carlo sampling (a `dist` on a schedule draws a factor on every point)
// and the GUI (a schedule's control scales it as a whole). One table, so both agree on which
// keys are schedules.
#pragma once

#include "sim/scenario/scenario_spec.hpp"

#include <string>

namespace cp::scenario {

/// The schedule at `path`, or nullptr when the path names no schedule (or an absent optional one).
[[nodiscard]] Schedule* findSchedule(Scenario& s, const std::string& path);
[[nodiscard]] const Schedule* findSchedule(const Scenario& s, const std::string& path);

} // namespace cp::scenario
