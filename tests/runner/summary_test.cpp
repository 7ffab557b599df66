// The batch summary against a direct computation from the runs' results: every percentile,
// the per-run lists, and the exact text nlohmann's dump would give for the same document
// (the per-run lists are streamed, not dumped).
#include "sim/runner/batch.hpp"
#include "sim/runner/result_writers.hpp"
#include "tests/model/scenario_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

using namespace cp;

namespace {

// The number at the last month of `year`, read the slow and obvious way.
double atYearEnd(const model::RunResult& r, const std::string& firm, const char* metric, int year)
{
    const auto* s = r.find(firm, metric);
    double v = std::nan("");
    for (std::size_t i = 0; s && i < r.periods.size(); ++i)
        if (core::toDate(r.periods[i]).year == year)
            v = s->values[i];
    return v;
}

double atEnd(const model::RunResult& r, const std::string& firm, const char* metric)
{
    const auto* s = r.find(firm, metric);
    return s ? s->values.back() : 0.0;
}

double total(const model::RunResult& r, const std::string& firm, const char* metric)
{
    double sum = 0;
    if (const auto* s = r.find(firm, metric))
        for (double v : s->values)
            sum += v;
    return sum;
}

// `j` is a plain number for one run, {p5, p50, p95} otherwise; null stands for NaN.
void expectSpread(const nlohmann::json& j, const std::vector<double>& xs, const std::string& what)
{
    auto num = [](const nlohmann::json& v) { return v.is_null() ? std::nan("") : v.get<double>(); };
    auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
    if (xs.size() == 1) {
        EXPECT_TRUE(same(num(j), xs[0])) << what;
        return;
    }
    for (const auto& [key, p] : {std::pair{"p5", 5.0}, {"p50", 50.0}, {"p95", 95.0}})
        EXPECT_TRUE(same(num(j.at(key)), runner::percentile(xs, p))) << what << " " << key << " " << j.dump();
}

struct Batch {
    std::vector<model::RunResult> results;
    std::string json;
    std::string table;
};

Batch runBatch(const scenario::Scenario& s, std::size_t runs, std::size_t blockRuns)
{
    runner::BatchConfig config;
    config.runs = runs;
    config.masterSeed = 9;
    config.jobs = 2;
    config.options.recordLog = false;
    Batch b;
    runner::SummaryBuilder summary(s, blockRuns);
    runner::runBatch(s, config, [&](std::size_t i, std::uint64_t seed, const model::RunResult& r) {
        summary.add(i, seed, r);
        b.results.push_back(r);
    });
    b.json = summary.json({"test", "baseline.yaml", "0123456789abcdef", config.masterSeed, runs, {"a=b"}});
    b.table = summary.table();
    return b;
}

void expectMatchesDirectComputation(const scenario::Scenario& s, const Batch& b)
{
    // The streamed text is exactly what nlohmann would write for the same document.
    const auto doc = nlohmann::ordered_json::parse(b.json);
    EXPECT_EQ(doc.dump(2) + "\n", b.json);

    ASSERT_EQ(doc["run_seeds"].size(), b.results.size());
    for (std::size_t i = 0; i < b.results.size(); ++i) {
        EXPECT_EQ(doc["run_seeds"][i].get<std::uint64_t>(), b.results[i].seed);
        EXPECT_EQ(doc["run_fingerprints"][i].get<std::string>(), b.results[i].fingerprint);
    }
    const int firstYear = core::toDate(b.results.front().periods.front()).year;
    const int lastYear = core::toDate(b.results.front().periods.back()).year;
    for (const auto& firm : s.firms) {
        const auto& fj = doc["firms"][firm.id];
        EXPECT_EQ(fj["capability_index_at_year_end"].size(), static_cast<std::size_t>(lastYear - firstYear + 1));
        auto column = [&](auto get) {
            std::vector<double> xs;
            for (const auto& r : b.results)
                xs.push_back(get(r));
            return xs;
        };
        for (int y = firstYear; y <= lastYear; ++y) {
            const auto year = std::to_string(y);
            expectSpread(fj["capability_index_at_year_end"][year],
                         column([&](const auto& r) { return atYearEnd(r, firm.id, "capability_index", y); }),
                         firm.id + " capability " + year);
            expectSpread(fj["frontier_gap_months_at_year_end"][year],
                         column([&](const auto& r) { return atYearEnd(r, firm.id, "frontier_gap_months", y); }),
                         firm.id + " gap " + year);
        }
        expectSpread(fj["offshore_training_share"],
                     column([&](const auto& r) { return atEnd(r, firm.id, "offshore_training_share"); }), firm.id);
        expectSpread(fj["training_flop"],
                     column([&](const auto& r) { return atEnd(r, firm.id, "training_flop_cumulative"); }), firm.id);
        expectSpread(fj["lease_spend_usd"], column([&](const auto& r) { return total(r, firm.id, "lease_spend_usd"); }),
                     firm.id);
        expectSpread(fj["models_released"],
                     column([&](const auto& r) { return std::trunc(atEnd(r, firm.id, "models_released")); }), firm.id);
    }
}

} // namespace

TEST(Percentile, InterpolatesBetweenOrderStatisticsAndIgnoresNaN)
{
    const std::vector<double> xs = {5, std::nan(""), 1, 4, 2, 3};
    EXPECT_DOUBLE_EQ(runner::percentile(xs, 5), 1.2);
    EXPECT_DOUBLE_EQ(runner::percentile(xs, 50), 3.0);
    EXPECT_DOUBLE_EQ(runner::percentile(xs, 95), 4.8);
    EXPECT_TRUE(std::isnan(runner::percentile({std::nan("")}, 50)));
}

TEST(Summary, PercentilesMatchADirectComputationWhenRunsSpillToDisk)
{
    const auto s = test::bundled("baseline");
    const auto b = runBatch(s, 7, 3); // two blocks on disk, one run in memory
    expectMatchesDirectComputation(s, b);
    EXPECT_NE(b.table.find("(median of runs)"), std::string::npos);
    EXPECT_NE(b.table.find("[p5 .. p95]"), std::string::npos);
}

TEST(Summary, OneRunShowsPlainNumbers)
{
    const auto s = test::bundled("baseline");
    const auto b = runBatch(s, 1, 512);
    expectMatchesDirectComputation(s, b);
    EXPECT_EQ(b.table.find("median"), std::string::npos);
}

TEST(Summary, NoRunStillListsTheFirms)
{
    const auto s = test::bundled("baseline");
    runner::SummaryBuilder summary(s);
    const std::string json = summary.json({"test", "x.yaml", "0", 1, 0, {}});
    const auto doc = nlohmann::ordered_json::parse(json);
    EXPECT_EQ(doc.dump(2) + "\n", json);
    EXPECT_TRUE(doc["run_seeds"].empty());
    EXPECT_TRUE(doc["firms"]["deepseek"]["capability_index_at_year_end"].empty());
    EXPECT_TRUE(doc["firms"]["deepseek"]["training_flop"]["p50"].is_null());
    EXPECT_TRUE(summary.table().empty());
}
