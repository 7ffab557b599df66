#include "sim/runner/run.hpp"

#include "sim/core/rng.hpp"
#include "sim/scenario/loader.hpp"

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
    core::RngStreams rng(seed);
    using Kind = scenario::Distribution::Kind;
    for (const auto& p : base.params) {
        if (p.dist.kind == Kind::None)
            continue;
        auto& r = rng.stream("params/" + p.path);
        // A dated schedule's draw is a factor on the whole schedule: its central value is 1.
        const double central = p.scheduleFactor ? 1.0 : p.value;
        double v = central;
        switch (p.dist.kind) {
        case Kind::Uniform: v = r.uniform(p.dist.a, p.dist.b); break;
        case Kind::Triangular: v = r.triangular(p.dist.a, central, p.dist.b); break;
        case Kind::Normal: v = r.normal(p.dist.a, p.dist.b); break;
        case Kind::LogNormal: v = r.lognormal(p.dist.a, p.dist.b); break;
        case Kind::None: break;
        }
        v = std::clamp(v, p.dist.lo, p.dist.hi);
        scenario::applyDraw(s, p, v);
    }
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
