// Whole-run invariants over every bundled scenario and over randomly perturbed ones (property
// tests): every chip accounted for, no negative stock, capability never falls.
#include "scenario_fixture.hpp"

#include "sim/core/rng.hpp"

#include <algorithm>
#include <cmath>

using namespace cp;

namespace {

void expectInvariants(const scenario::Scenario& s, const model::RunResult& r)
{
    for (const auto& chip : s.chips) {
        const auto* initial = r.find(chip.id, "ledger_initial");
        const auto* produced = r.find(chip.id, "ledger_produced_cumulative");
        ASSERT_TRUE(initial && produced) << chip.id;
        for (std::size_t i = 0; i < r.periods.size(); ++i) {
            double rest = 0;
            for (const char* m : {"ledger_at_producer", "ledger_in_transit", "ledger_installed",
                                  "ledger_seized_cumulative", "ledger_retired_cumulative"}) {
                const double v = r.find(chip.id, m)->values[i];
                EXPECT_GE(v, 0.0) << chip.id << " " << m;
                rest += v;
            }
            ASSERT_EQ(initial->values[i] + produced->values[i], rest) << s.id << " " << chip.id << " period " << i;
        }
    }
    for (const auto& firm : s.firms) {
        const auto* cap = r.find(firm.id, "capability_index");
        ASSERT_TRUE(cap);
        double last = -1e9;
        for (double v : cap->values) {
            if (std::isnan(v))
                continue;
            EXPECT_GE(v, last) << s.id << " " << firm.id;
            last = v;
        }
        for (const char* m : {"compute_home_h100e", "compute_offshore_h100e", "lease_spend_usd"})
            for (double v : r.find(firm.id, m)->values)
                EXPECT_GE(v, 0.0) << firm.id << " " << m;
    }
    for (std::size_t i = 1; i < r.periods.size(); ++i)
        EXPECT_LT(r.periods[i - 1], r.periods[i]);
}

} // namespace

TEST(Invariants, HoldForEveryBundledScenario)
{
    for (const auto& name : test::bundledNames()) {
        SCOPED_TRACE(name);
        const auto s = test::bundled(name);
        expectInvariants(s, runner::runScenario(s, 42));
    }
}

TEST(Invariants, HoldUnderRandomSeedsAndSampledParameters)
{
    const auto base = test::bundled("baseline");
    for (std::uint64_t k = 0; k < 12; ++k) {
        const std::uint64_t seed = core::deriveSeed(7, k);
        SCOPED_TRACE(seed);
        const auto s = runner::sampleScenario(base, seed);
        expectInvariants(s, runner::runScenario(s, seed));
    }
}

TEST(Invariants, HoldUnderRandomPolicyToggles)
{
    // Switching any subset of rules on or off must never break conservation.
    const auto base = test::bundled("baseline");
    core::RngStream rng = core::RngStreams(99).stream("toggles");
    for (int trial = 0; trial < 10; ++trial) {
        auto s = base;
        for (auto& p : s.policies)
            p.enabled = rng.bernoulli(0.5);
        expectInvariants(s, runner::runScenario(s, 1000 + static_cast<std::uint64_t>(trial)));
    }
}

TEST(Invariants, SampledParametersDifferButStayInRange)
{
    const auto base = test::bundled("baseline");
    const auto a = runner::sampleScenario(base, 1);
    const auto b = runner::sampleScenario(base, 2);
    EXPECT_NE(a.capability.algorithmicProgressPerYear, b.capability.algorithmicProgressPerYear);
    for (const auto* s : {&a, &b}) {
        EXPECT_GE(s->capability.algorithmicProgressPerYear, 2.0);
        EXPECT_LE(s->capability.algorithmicProgressPerYear, 4.5);
    }
}

TEST(Invariants, NegativeInstalledUnitsAreCaughtInTheFirstMonth)
{
    auto s = test::bundled("baseline");
    // One unit less than none: the chip's ledger still balances (other sites hold plenty).
    const auto dc = std::find_if(s.dataCentres.begin(), s.dataCentres.end(),
                                 [](const auto& d) { return !d.initialFleet.empty(); });
    ASSERT_NE(dc, s.dataCentres.end());
    dc->initialFleet.front().units = -1;
    try {
        (void)runner::runScenario(s, 1);
        FAIL() << "expected an InvariantError";
    } catch (const model::InvariantError& e) {
        EXPECT_NE(std::string(e.what()).find("negative installed units at " + core::formatDate(s.run.start)),
                  std::string::npos)
            << e.what();
    }
}
