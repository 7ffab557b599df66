// One run of a scenario, and the headline numbers analysts read from it. The same function
// serves the batch CLI, the GUI worker and the tests, so their numbers are identical.
#pragma once

#include "sim/model/results.hpp"
#include "sim/model/world.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <boost/container/flat_map.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cp::runner {

using model::RunResult;

/// Runs `scenario` once with `seed` (uncertain parameters at their central values).
[[nodiscard]] RunResult runScenario(const scenario::Scenario& scenario, std::uint64_t seed,
                                    const model::WorldOptions& options = {});

/// The scenario with every parameter that has a distribution drawn for run `seed`
/// (stream "params/<path>"), for Monte Carlo.
[[nodiscard]] scenario::Scenario sampleScenario(const scenario::Scenario& base, std::uint64_t seed);

/// Per-firm headline numbers of one run.
/// A batch keeps one per firm and run for the summary's percentiles, so it is kept small: the
/// year maps are sorted vectors (one allocation each, not a tree node per year).
struct FirmHeadline {
    std::string firm;
    boost::container::flat_map<int, double> capabilityByYear; ///< year -> index at the last month of that year
    boost::container::flat_map<int, double> gapMonthsByYear;  ///< year -> months behind the frontier
    double offshoreTrainingShare = 0;       ///< of all training FLOP over the run
    double trainingFlop = 0;
    double leaseSpendUsd = 0;               ///< summed over the run
    int modelsReleased = 0;
};

[[nodiscard]] std::vector<FirmHeadline> headlines(const scenario::Scenario& scenario, const RunResult& result);

} // namespace cp::runner
