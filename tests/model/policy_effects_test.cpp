// One test per policy kind: switching the rule changes the results in the way the rule says.
#include "scenario_fixture.hpp"

#include <cstring>
#include <string>

using namespace cp;
using test::at;
using test::bundled;
using test::sum;

namespace {
model::RunResult runOf(const scenario::Scenario& s, bool network = false)
{
    model::WorldOptions o;
    o.recordNetwork = network;
    return runner::runScenario(s, 42, o);
}
} // namespace

TEST(PolicyEffects, OctoberRulesStopA100AndThenA800AndH800ShipmentsToChina)
{
    const auto r = runOf(bundled("baseline"));
    EXPECT_GT(sum(r, "china/a100", "shipments_units", "2022-01-01", "2022-10-01"), 0.0);
    EXPECT_EQ(sum(r, "china/a100", "shipments_units", "2022-11-01", "2027-12-01"), 0.0);
    EXPECT_EQ(sum(r, "china/h100", "shipments_units", "2022-11-01", "2027-12-01"), 0.0);
    EXPECT_GT(sum(r, "china/h800", "shipments_units", "2023-03-01", "2023-10-01"), 0.0);
    EXPECT_EQ(sum(r, "china/h800", "shipments_units", "2023-11-01", "2027-12-01"), 0.0);
    EXPECT_EQ(sum(r, "china/a800", "shipments_units", "2023-11-01", "2027-12-01"), 0.0);
}

TEST(PolicyEffects, H20ReachesChinaOnlyWhileLicensed)
{
    const auto base = runOf(bundled("baseline"));
    EXPECT_GT(sum(base, "china/h20", "shipments_units", "2024-05-01", "2025-04-01"), 100000.0);
    // Licence required from 9 April 2025 with no licences granted until 8 August.
    EXPECT_EQ(sum(base, "china/h20", "shipments_units", "2025-05-01", "2025-08-01"), 0.0);
    const auto noBan = runOf(bundled("no-h20-ban"));
    EXPECT_GT(sum(noBan, "china/h20", "shipments_units", "2025-05-01", "2025-08-01"), 0.0);
}

TEST(PolicyEffects, DiffusionRuleStopsChineseLeasingInTierTwo)
{
    const auto base = runOf(bundled("baseline"));
    const auto kept = runOf(bundled("diffusion-rule-kept"));
    for (const char* firm : {"alibaba", "bytedance"}) {
        EXPECT_GT(sum(base, firm, "compute_leased_offshore_h100e", "2025-06-01", "2027-12-01"), 0.0) << firm;
        EXPECT_EQ(sum(kept, firm, "compute_leased_offshore_h100e", "2025-06-01", "2027-12-01"), 0.0) << firm;
    }
    // Losing the offshore route costs ByteDance, the heaviest offshore trainer, capability.
    EXPECT_GT(at(kept, "bytedance", "frontier_gap_months", "2027-12-01"),
              at(base, "bytedance", "frontier_gap_months", "2027-12-01"));
    // The cap also limits controlled chips installed in tier-2 Singapore and Malaysia.
    EXPECT_LT(at(kept, "malaysia", "chips_installed_h100e", "2027-12-01"),
              at(base, "malaysia", "chips_installed_h100e", "2027-12-01"));
}

TEST(PolicyEffects, RemoteAccessControlClosesTheCloudLoophole)
{
    const auto base = runOf(bundled("baseline"));
    const auto closed = runOf(bundled("cloud-loophole-closed-2026"));
    EXPECT_GT(at(base, "bytedance", "compute_leased_offshore_h100e", "2026-09-01"), 0.0);
    EXPECT_LT(at(closed, "bytedance", "compute_leased_offshore_h100e", "2026-09-01"),
              0.05 * at(base, "bytedance", "compute_leased_offshore_h100e", "2026-09-01"));
    // Before the rule nothing differs.
    EXPECT_EQ(at(closed, "bytedance", "compute_leased_offshore_h100e", "2026-05-01"),
              at(base, "bytedance", "compute_leased_offshore_h100e", "2026-05-01"));
}

TEST(PolicyEffects, LocalisationKeepsDomesticDataTrainingAtHome)
{
    const auto base = runOf(bundled("baseline"));
    const auto off = runOf(bundled("baseline", {{"policies.cn-data-localisation.enabled", "false"}}));
    for (const char* firm : {"alibaba", "bytedance"}) {
        EXPECT_EQ(at(base, firm, "domestic_data_flop_offshore_cumulative", "2027-12-01"), 0.0) << firm;
        EXPECT_GT(at(off, firm, "domestic_data_flop_offshore_cumulative", "2027-12-01"), 0.0) << firm;
    }
}

TEST(PolicyEffects, StateDataCentresTakeNoForeignChipsAfterTheBan)
{
    const auto base = runOf(bundled("baseline"));
    const double atBan = at(base, "china-state-aidc", "foreign_chips_units", "2026-01-01");
    EXPECT_EQ(at(base, "china-state-aidc", "foreign_chips_units", "2027-12-01"), atBan);
    const auto noBan = runOf(bundled("baseline", {{"policies.cn-state-dc-domestic-only.enabled", "false"},
                                                  {"policies.cn-h20-discouraged.enabled", "false"}}));
    // Without the ban the state data centres keep adding foreign chips after the ban date.
    EXPECT_GT(at(noBan, "china-state-aidc", "foreign_chips_units", "2027-12-01"),
              at(noBan, "china-state-aidc", "foreign_chips_units", "2026-01-01"));
}

TEST(PolicyEffects, H200DecisionAndCustomsBlock)
{
    const auto base = runOf(bundled("baseline"));
    EXPECT_EQ(sum(base, "china/h200", "shipments_units", "2024-03-01", "2026-01-01"), 0.0);
    const double baseH200 = sum(base, "china/h200", "shipments_units", "2026-02-01", "2027-12-01");
    EXPECT_GT(baseH200, 0.0);
    const auto open = runOf(bundled("h200-to-china"));
    // Chinese demand is chip-bound, so even the 10% that passes customs ships; opening the
    // route still more than doubles it.
    EXPECT_GT(sum(open, "china/h200", "shipments_units", "2026-02-01", "2027-12-01"), 2.0 * baseH200);
}

TEST(PolicyEffects, SmugglingCrackdownShrinksAndSeizesTheLeak)
{
    const auto base = runOf(bundled("baseline"));
    const auto crack = runOf(bundled("smuggling-crackdown"));
    const double baseSmuggled = sum(base, "china/h100", "smuggled_units", "2024-01-01", "2027-12-01");
    const double crackSmuggled = sum(crack, "china/h100", "smuggled_units", "2024-01-01", "2027-12-01");
    EXPECT_GT(baseSmuggled, 0.0);
    EXPECT_LT(crackSmuggled, 0.5 * baseSmuggled);
    const double crackSeized = sum(crack, "china/h100", "seized_units", "2024-01-01", "2027-12-01");
    EXPECT_GT(crackSeized / crackSmuggled, 0.25);
}

TEST(PolicyEffects, HuaweiRampRaisesDomesticChipsInChina)
{
    const auto base = runOf(bundled("baseline"));
    const auto fast = runOf(bundled("huawei-fast-ramp"));
    EXPECT_GT(at(fast, "ascend-910c", "ledger_produced_cumulative", "2027-12-01"),
              1.5 * at(base, "ascend-910c", "ledger_produced_cumulative", "2027-12-01"));
}

TEST(PolicyEffects, EveryBlockedRouteIsExplained)
{
    const auto r = runOf(bundled("baseline"), true);
    ASSERT_FALSE(r.blockedRoutes.empty());
    for (const auto& b : r.blockedRoutes) {
        EXPECT_FALSE(b.policyId.empty());
        EXPECT_FALSE(b.reason.empty());
        EXPECT_GT(b.since, 0);
    }
    bool sawH20 = false;
    for (const auto& b : r.blockedRoutes)
        sawH20 |= b.chip == "h20" && b.policyId == "us-h20-licence";
    EXPECT_TRUE(sawH20);
    for (const auto& snap : r.network)
        for (const auto& e : snap.edges)
            if (e.blocked) {
                EXPECT_FALSE(e.policyId.empty());
            }
}

TEST(PolicyEffects, AFirmThatRefusesHomeDesignedChipsRunsNone)
{
    // ByteDance's own site buys no Ascend chips; with home leasing off too it runs none at all,
    // while the chips it leaves go to other Chinese sites.
    using scenario::Override;
    const auto base = runOf(bundled("baseline", {Override{"firms.bytedance.strategy.leases_domestic", "false"}}));
    const auto refuses = runOf(bundled("baseline", {Override{"firms.bytedance.strategy.leases_domestic", "false"},
                                                    Override{"firms.bytedance.strategy.uses_domestic_chips", "false"}}));
    double before = 0, after = 0;
    for (const char* chip : {"ascend-910b", "ascend-910c", "ascend-950pr"}) {
        before += sum(base, std::string("bytedance/") + chip, "compute_h100e", "2022-01-01", "2027-12-01");
        after += sum(refuses, std::string("bytedance/") + chip, "compute_h100e", "2022-01-01", "2027-12-01");
    }
    EXPECT_GT(before, 0.0);
    EXPECT_EQ(after, 0.0);
    EXPECT_GT(at(refuses, "alibaba-cloud-cn", "capacity_h100e", "2027-12-01"),
              at(base, "alibaba-cloud-cn", "capacity_h100e", "2027-12-01"));
}

// PolicyBook reuses a route's decision while the rules bearing on it stay the same, tracked as
// bits of at most 64 rules; with more it works every decision out afresh. Both paths must give
// the same results: more rules that change nothing may not change a number.
namespace {
scenario::Scenario withCopies(scenario::Scenario s, std::size_t atLeast, bool afterTheRun)
{
    const auto originals = s.policies;
    while (s.policies.size() <= atLeast) {
        for (auto p : originals) {
            // Two enforcement rules multiply their factors: a copy would change the leak.
            if (p.type == scenario::PolicyType::SmugglingEnforcement)
                continue;
            if (afterTheRun) {
                p.id += "-later-" + std::to_string(s.policies.size());
                p.from = s.run.end + core::kDay;
                p.until.reset();
            }
            s.policies.push_back(p); // a same-id copy: named by the same overrides
        }
    }
    return s;
}
} // namespace

TEST(PolicyEffects, RulesThatNeverApplyChangeNothingPastSixtyFourRules)
{
    const auto base = bundled("baseline");
    const auto more = withCopies(base, 70, true);
    ASSERT_GT(more.policies.size(), 64U);
    EXPECT_EQ(runOf(more).fingerprint, runOf(base).fingerprint);
}

TEST(PolicyEffects, CopiesOfTheRulesChangeNoSeriesPastSixtyFourRules)
{
    for (const std::size_t rules : {40, 70}) { // decisions reused, and worked out afresh
        const auto a = runOf(bundled("baseline"));
        const auto b = runOf(withCopies(bundled("baseline"), rules, false));
        ASSERT_EQ(a.series.size(), b.series.size()) << rules;
        for (std::size_t i = 0; i < a.series.size(); ++i) {
            ASSERT_EQ(a.series[i].values.size(), b.series[i].values.size());
            EXPECT_EQ(0, std::memcmp(a.series[i].values.data(), b.series[i].values.data(),
                                     a.series[i].values.size() * sizeof(double)))
                << rules << " rules: " << a.series[i].entity << " " << a.series[i].metric;
        }
    }
}
