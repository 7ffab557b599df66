// Each observable on a small hand-built run, where the right answer is known exactly.
#include "sim/calibration/evaluate.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace cp;
using core::fromDate;

namespace {

scenario::Scenario twoFirms()
{
    scenario::Scenario s;
    scenario::Firm a;
    a.id = "alpha";
    a.name = "Alpha";
    a.mfu = 0.5;
    a.runMonths = scenario::Schedule::constant(2);
    a.priorModels.push_back({"Alpha-0", fromDate(2021, 6), 1e23, ""});
    scenario::Firm b;
    b.id = "beta";
    b.name = "Beta";
    s.firms = {a, b};
    scenario::DataCentre dc;
    dc.id = "dc1";
    dc.location = "x";
    dc.h100ePerMw = 500;
    s.dataCentres = {dc};
    scenario::ParamInfo p;
    p.path = "capability.algorithmic_progress_per_year";
    p.value = 3;
    s.params = {p};
    return s;
}

model::RunResult monthlyRun()
{
    model::RunResult r;
    for (int m = 1; m <= 12; ++m)
        r.periods.push_back(fromDate(2024, m));
    const auto series = [&](const std::string& e, const std::string& metric, double base) {
        model::Series s{e, model::EntityKind::Firm, metric, {}};
        for (int m = 0; m < 12; ++m)
            s.values.push_back(base + m); // base, base+1, ...
        r.series.push_back(s);
    };
    series("alpha", "compute_home_h100e", 100);
    series("beta", "compute_home_h100e", 10);
    series("alpha", "compute_offshore_h100e", 0);
    series("dc1", "capacity_h100e", 1000);
    // Releases: a prior (excluded) and yearly runs growing exactly 4x a year.
    r.releases.push_back({"alpha", "Alpha-0", fromDate(2021, 2), fromDate(2021, 6), 1e23, 1e23, 100, 0});
    for (int y = 2022; y <= 2025; ++y) {
        const double flop = 1e24 * std::pow(4.0, y - 2022);
        const double eff = flop * std::pow(3.0, y - 2022);
        r.releases.push_back({"alpha", "Alpha " + std::to_string(y), fromDate(y, 1), fromDate(y, 3), flop, eff,
                              120.0 + (y - 2022), 0});
    }
    return r;
}

calibration::Fact fact(calibration::FactKind kind)
{
    calibration::Fact f;
    f.id = "f";
    f.kind = kind;
    f.min = -1e300;
    f.max = 1e300;
    return f;
}

calibration::Check one(const calibration::Fact& f, const scenario::Scenario& s = twoFirms(),
                       const model::RunResult& r = monthlyRun())
{
    static calibration::FactSet set; // checks point into it
    set.facts = {f};
    return calibration::evaluate(set, s, r).front();
}

} // namespace

TEST(Observables, SeriesSumsEntitiesThenAggregatesMonths)
{
    auto f = fact(calibration::FactKind::Series);
    f.series = {{"alpha", "beta"}, {"compute_home_h100e"}, fromDate(2024, 3), fromDate(2024, 5), {}};
    f.series.agg = calibration::SeriesQuery::Agg::Sum;
    EXPECT_DOUBLE_EQ(one(f).observed, (102 + 12) + (103 + 13) + (104 + 14));
    f.series.agg = calibration::SeriesQuery::Agg::Mean;
    EXPECT_DOUBLE_EQ(one(f).observed, (114 + 116 + 118) / 3.0);
    f.series.agg = calibration::SeriesQuery::Agg::Last;
    EXPECT_DOUBLE_EQ(one(f).observed, 118);
    f.series.agg = calibration::SeriesQuery::Agg::Change; // May minus February
    EXPECT_DOUBLE_EQ(one(f).observed, 118 - 112);
}

TEST(Observables, AMissingSeriesFailsInsteadOfCountingAsZero)
{
    auto f = fact(calibration::FactKind::Series);
    f.series = {{"alpha"}, {"compute_hom_h100e"}, fromDate(2024, 1), fromDate(2024, 2), {}};
    const auto c = one(f);
    EXPECT_TRUE(std::isnan(c.observed));
    EXPECT_FALSE(c.pass);
    EXPECT_NE(c.detail.find("compute_hom_h100e"), std::string::npos);
}

TEST(Observables, RatioAndBand)
{
    auto f = fact(calibration::FactKind::SeriesRatio);
    f.series = {{"beta"}, {"compute_home_h100e"}, fromDate(2024, 1), fromDate(2024, 1), {}};
    f.denominator = {{"alpha"}, {"compute_home_h100e"}, fromDate(2024, 1), fromDate(2024, 1), {}};
    f.scale = 2;
    f.min = 0.19;
    f.max = 0.21;
    auto c = one(f);
    EXPECT_DOUBLE_EQ(c.observed, 0.2);
    EXPECT_TRUE(c.pass);
    f.max = 0.199;
    EXPECT_FALSE(one(f).pass);
}

TEST(Observables, NearestSimulatedReleaseIgnoresPriorsAndHonoursTheWindow)
{
    auto f = fact(calibration::FactKind::ReleaseFlop);
    f.firm = "alpha";
    f.date = fromDate(2023, 5);
    f.windowMonths = 3;
    f.min.reset();
    f.max.reset();
    f.target = 4e24;
    f.factor = 1.01;
    auto c = one(f);
    EXPECT_DOUBLE_EQ(c.observed, 4e24);
    EXPECT_TRUE(c.pass);
    f.date = fromDate(2021, 6); // only the prior model is near: it must not count
    f.windowMonths = 4;
    c = one(f);
    EXPECT_FALSE(c.pass);
    EXPECT_TRUE(std::isnan(c.observed));
}

TEST(Observables, ChipsFromFlopMfuAndRunLength)
{
    auto f = fact(calibration::FactKind::ReleaseChips);
    f.firm = "alpha";
    f.date = fromDate(2022, 3);
    const double seconds = 2 * 365.2425 / 12 * 86400;
    EXPECT_NEAR(one(f).observed, 1e24 / (989.4e12 * 0.5 * seconds), 1e-6);
}

TEST(Observables, GrowthFitsRecoverExactRates)
{
    auto f = fact(calibration::FactKind::FrontierGrowth);
    f.fromYear = 2022;
    f.toYear = 2025;
    EXPECT_NEAR(one(f).observed, 4.0, 1e-9);
    auto g = fact(calibration::FactKind::AlgorithmicGrowth);
    g.firm = "alpha";
    g.fromYear = 2022;
    g.toYear = 2025;
    EXPECT_NEAR(one(g).observed, 3.0, 1e-3); // fit on start dates, which are not exactly a year apart
}

TEST(Observables, FirstReachAndOrder)
{
    calibration::FactSet set;
    auto a = fact(calibration::FactKind::FirstReach);
    a.id = "reach-a";
    a.firm = "alpha";
    a.reachFlop = 1.6e25; // reached at half: 8e24 -> the 2024 run (1.6e25), released 2024-03
    a.date = fromDate(2024, 1);
    a.target = 0;
    a.plusMinus = 3;
    auto b = a;
    b.id = "reach-b";
    b.reachFlop = 2e24; // 1e24 >= 2e24 * 0.5 -> the 2022 run
    b.date = fromDate(2022, 1);
    auto order = fact(calibration::FactKind::ReleaseOrder);
    order.id = "order";
    order.order = {"reach-b", "reach-a"};
    set.facts = {a, b, order};
    auto checks = calibration::evaluate(set, twoFirms(), monthlyRun());
    EXPECT_NEAR(checks[0].observed, 2.0, 0.1);
    EXPECT_TRUE(checks[0].pass);
    EXPECT_EQ(checks[2].observed, 0);
    EXPECT_TRUE(checks[2].pass);
    std::swap(set.facts[2].order[0], set.facts[2].order[1]);
    checks = calibration::evaluate(set, twoFirms(), monthlyRun());
    EXPECT_EQ(checks[2].observed, 1);
    EXPECT_FALSE(checks[2].pass);
}

TEST(Observables, InstalledPowerDividesByDensity)
{
    auto f = fact(calibration::FactKind::InstalledPowerMw);
    f.jurisdiction = "x";
    f.date = fromDate(2024, 6, 15);
    EXPECT_DOUBLE_EQ(one(f).observed, 1005.0 / 500.0);
}

TEST(Observables, ParameterIsAnInputCheck)
{
    auto f = fact(calibration::FactKind::Parameter);
    f.path = "capability.algorithmic_progress_per_year";
    const auto c = one(f);
    EXPECT_EQ(c.observed, 3);
    EXPECT_TRUE(c.fact->isInputCheck());
}

TEST(Observables, AKnownMissThatPassesIsReported)
{
    auto f = fact(calibration::FactKind::Parameter);
    f.path = "capability.algorithmic_progress_per_year";
    f.knownMiss = "should fail";
    const auto c = one(f);
    EXPECT_TRUE(c.pass);
    EXPECT_FALSE(c.expected());
    EXPECT_FALSE(calibration::asExpected({c}));
}
