// One run of a scenario, and a Monte Carlo draw of its uncertain parameters. The same functions
// serve the batch CLI, the GUI worker and the tests, so their numbers are identical. The
// headline numbers of a run are read by HeadlineColumns (headline_columns.hpp).
#pragma once

#include "sim/model/results.hpp"
#include "sim/model/world.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <cstdint>

namespace cp::runner {

using model::RunResult;

/// Runs `scenario` once with `seed` (uncertain parameters at their central values).
[[nodiscard]] RunResult runScenario(const scenario::Scenario& scenario, std::uint64_t seed,
                                    const model::WorldOptions& options = {});

/// The scenario with every parameter that has a distribution drawn for run `seed`
/// (stream "params/<path>"), for Monte Carlo.
[[nodiscard]] scenario::Scenario sampleScenario(const scenario::Scenario& base, std::uint64_t seed);

} // namespace cp::runner
