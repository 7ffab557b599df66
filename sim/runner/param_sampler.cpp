#include "sim/runner/param_sampler.hpp"

#include "sim/core/rng.hpp"

#include <algorithm>

namespace cp::runner {

ParameterSampler::ParameterSampler(const scenario::Scenario& base)
{
    for (const auto& p : base.params)
        if (p.dist.kind != scenario::Distribution::Kind::None)
            m_draws.push_back({"params/" + p.path, p.dist, p.central(), scenario::resolveDraw(base, p)});
}

void ParameterSampler::apply(scenario::Scenario& target, std::uint64_t seed) const
{
    core::RngStreams rng(seed);
    using Kind = scenario::Distribution::Kind;
    for (const auto& d : m_draws) {
        auto& r = rng.stream(d.stream);
        double v = d.central;
        switch (d.dist.kind) {
        case Kind::Uniform: v = r.uniform(d.dist.a, d.dist.b); break;
        case Kind::Triangular: v = r.triangular(d.dist.a, d.central, d.dist.b); break;
        case Kind::Normal: v = r.normal(d.dist.a, d.dist.b); break;
        case Kind::LogNormal: v = r.lognormal(d.dist.a, d.dist.b); break;
        case Kind::None: break;
        }
        d.set(target, std::clamp(v, d.dist.lo, d.dist.hi));
    }
}

} // namespace cp::runner
