// Monte Carlo on dated schedules: a `dist` on dated points draws one factor for the whole
// schedule (its shape kept, points within the valid range); on a single value it draws the value.
#include "minimal_scenario.hpp"

#include "sim/runner/run.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/schedule_paths.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace cp;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

// The minimal scenario with a dated power schedule and a dated inference share, both uncertain.
std::string uncertainSchedules(const std::string& powerDist = "{triangular: [0.5, 2.0]}")
{
    auto text = replaced(test::kMinimalScenario, "power_mw: 10}",
                         "power_mw: {points: {2024-01: 10, 2024-07: 40}, dist: " + powerDist + ", source: test}}");
    return replaced(text, "    hq: us\n",
                    "    hq: us\n    inference_share: {points: {2024-01: 0.6, 2024-12: 0.9}, dist: {uniform: [0.8, 1.5]}}\n"
                    "    run_months: {value: 3, dist: {uniform: [2, 4]}}\n");
}

const scenario::ParamInfo& param(const scenario::Scenario& s, const std::string& path)
{
    for (const auto& p : s.params)
        if (p.path == path)
            return p;
    throw std::runtime_error("no parameter " + path);
}

std::string loadError(const std::string& text)
{
    try {
        (void)scenario::loadScenarioFromString(text, "s.yaml");
    } catch (const scenario::ScenarioError& e) {
        return e.diagnostics().front().str();
    }
    return "";
}

} // namespace

TEST(ScheduleDistribution, DatedPointsCarryAFactorASingleValueItsValue)
{
    const auto s = scenario::loadScenarioFromString(uncertainSchedules(), "s.yaml");
    const auto& power = param(s, "data_centres.lab-dc.power_mw");
    EXPECT_TRUE(power.schedule);
    EXPECT_TRUE(power.scheduleFactor);
    EXPECT_EQ(power.dist.kind, scenario::Distribution::Kind::Triangular);
    EXPECT_EQ(power.value, 10.0); // the first point, as shown to users
    const auto& months = param(s, "firms.lab.run_months");
    EXPECT_TRUE(months.schedule);
    EXPECT_FALSE(months.scheduleFactor);
    EXPECT_EQ(months.dist.kind, scenario::Distribution::Kind::Uniform);
}

TEST(ScheduleDistribution, EachRunScalesTheWholeScheduleByOneFactor)
{
    const auto base = scenario::loadScenarioFromString(uncertainSchedules(), "s.yaml");
    std::set<double> factors;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const auto s = runner::sampleScenario(base, seed);
        const auto& pts = scenario::findSchedule(s, "data_centres.lab-dc.power_mw")->points;
        ASSERT_EQ(pts.size(), 2u);
        const double f = pts[0].second / 10.0;
        EXPECT_NEAR(pts[1].second, 40.0 * f, 1e-9) << "shape kept";
        EXPECT_GE(f, 0.5);
        EXPECT_LE(f, 2.0);
        factors.insert(f);
        // A share scaled above 1 is held at 1, the top of its valid range.
        for (const auto& [t, v] : scenario::findSchedule(s, "firms.lab.inference_share")->points) {
            EXPECT_GT(v, 0.0);
            EXPECT_LE(v, 1.0);
        }
        const auto* months = scenario::findSchedule(s, "firms.lab.run_months");
        ASSERT_TRUE(months->isConstant());
        EXPECT_GE(months->points.front().second, 2.0);
        EXPECT_LE(months->points.front().second, 4.0);
    }
    EXPECT_GT(factors.size(), 30u) << "draws differ between runs";
    // The same seed draws the same factor.
    const auto a = runner::sampleScenario(base, 5), b = runner::sampleScenario(base, 5);
    EXPECT_EQ(scenario::findSchedule(a, "data_centres.lab-dc.power_mw")->points,
              scenario::findSchedule(b, "data_centres.lab-dc.power_mw")->points);
}

TEST(ScheduleDistribution, AFactorRangeMustContainOne)
{
    EXPECT_EQ(loadError(uncertainSchedules("{triangular: [1.2, 2.0]}")),
              "s.yaml:15:127: error: data_centres.lab-dc.power_mw.dist.triangular: a factor on dated points is 1 as written, so 1 "
              "(the mode) must lie between low and high");
    EXPECT_NE(loadError(uncertainSchedules("{uniform: [-1, 2.0]}")), "");
}

TEST(ScheduleDistribution, EveryScheduleOfTheBundledScenariosIsFoundByPath)
{
    for (const char* name : {"baseline", "huawei-fast-ramp", "no-h20-ban"}) {
        const auto s = scenario::loadScenario(std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
        for (const auto& p : s.params) {
            if (p.schedule && p.path.find(".match.") == std::string::npos) {
                EXPECT_NE(scenario::findSchedule(s, p.path), nullptr) << name << ": " << p.path;
            }
        }
    }
}
