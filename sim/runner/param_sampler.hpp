// Draws the uncertain parameters of Monte Carlo runs. Built once per batch: each parameter's
// stream name and setter (path parsed, object found) are resolved up front, so a run only
// draws and stores numbers. A batch worker applies the draws to one scratch copy of the
// scenario that it keeps for the whole batch: every run overwrites the same fields, so the
// copy never needs resetting and no run copies the scenario.
#pragma once

#include "sim/scenario/loader.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cp::runner {

class ParameterSampler {
public:
    /// Throws ScenarioError when a parameter with a distribution names no settable field.
    explicit ParameterSampler(const scenario::Scenario& base);

    /// Sets every parameter that has a distribution, in `target` (the base scenario or a copy
    /// of it), to its draw for run `seed` (stream "params/<path>", clamped to its range).
    void apply(scenario::Scenario& target, std::uint64_t seed) const;

private:
    struct Draw {
        std::string stream;
        scenario::Distribution dist;
        double central = 0; ///< the mode of a triangular draw: the value in the file, 1 for a factor
        scenario::NumericParamSetter set;
    };
    std::vector<Draw> m_draws;
};

} // namespace cp::runner
