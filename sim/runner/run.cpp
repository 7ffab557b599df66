#include "sim/runner/run.hpp"

#include "sim/runner/param_sampler.hpp"

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

} // namespace cp::runner
