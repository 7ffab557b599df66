#include "sim/runner/run.hpp"

#include "sim/runner/param_sampler.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace cp::runner {

RunResult runScenario(const scenario::Scenario& scenario, std::uint64_t seed, const model::WorldOptions& options)
{
    model::World world(scenario, seed, options);
    return world.run();
}

scenario::Scenario sampleScenario(const scenario::Scenario& base, std::uint64_t seed)
{
    scenario::Scenario s = base;
    ParameterSampler(base).apply(s, seed);
    return s;
}

std::vector<FirmHeadline> headlines(const scenario::Scenario& scenario, const RunResult& result)
{
    std::vector<FirmHeadline> out;
    for (const auto& firm : scenario.firms) {
        FirmHeadline h;
        h.firm = firm.id;
        const auto* cap = result.find(firm.id, "capability_index");
        const auto* gap = result.find(firm.id, "frontier_gap_months");
        const auto* lease = result.find(firm.id, "lease_spend_usd");
        const auto* share = result.find(firm.id, "offshore_training_share");
        const auto* flop = result.find(firm.id, "training_flop_cumulative");
        const auto* models = result.find(firm.id, "models_released");
        for (std::size_t i = 0; i < result.periods.size(); ++i) {
            const auto ymd = core::toDate(result.periods[i]);
            const int year = ymd.year;
            // The last recorded month of each year stands for the year's end.
            if (cap)
                h.capabilityByYear[year] = cap->values[i];
            if (gap)
                h.gapMonthsByYear[year] = gap->values[i];
            if (lease)
                h.leaseSpendUsd += lease->values[i];
        }
        if (!result.periods.empty()) {
            const std::size_t last = result.periods.size() - 1;
            if (share)
                h.offshoreTrainingShare = share->values[last];
            if (flop)
                h.trainingFlop = flop->values[last];
            if (models)
                h.modelsReleased = static_cast<int>(models->values[last]);
        }
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace cp::runner
