// A firm's run length may change over time (run_months as dated points): each run keeps the
// length in force when it started, and a longer run turns the same fleet into more FLOP.
#include "scenario_fixture.hpp"

#include <algorithm>

using namespace cp;

namespace {
scenario::Scenario withOpenAiRunMonths(scenario::Schedule months)
{
    auto s = test::bundled("baseline");
    auto it = std::find_if(s.firms.begin(), s.firms.end(), [](const auto& f) { return f.id == "openai"; });
    it->runMonths = std::move(months);
    return s;
}

int monthsBetween(core::SimTime a, core::SimTime b)
{
    const auto x = core::toDate(a), y = core::toDate(b);
    return (y.year - x.year) * 12 + (y.month - x.month);
}

std::vector<model::ModelReleaseRecord> simulatedRuns(const model::RunResult& r, const std::string& firm)
{
    std::vector<model::ModelReleaseRecord> out;
    for (const auto& rel : r.releases)
        if (rel.firm == firm && rel.name.find(" 20") != std::string::npos) // "OpenAI 2024-03", not "GPT-4"
            out.push_back(rel);
    return out;
}
} // namespace

TEST(RunLength, EachRunKeepsTheLengthInForceWhenItStarted)
{
    const auto switchDate = *core::parseDate("2025-01-01");
    scenario::Schedule months{{{0, 2.0}, {switchDate, 5.0}}, scenario::Schedule::Mode::Step};
    const auto r = runner::runScenario(withOpenAiRunMonths(months), 7, {});
    const auto runs = simulatedRuns(r, "openai");
    ASSERT_GE(runs.size(), 4u);
    bool sawShort = false, sawLong = false;
    for (const auto& run : runs) {
        const int pretraining = run.start < switchDate ? 2 : 5;
        const int took = monthsBetween(run.start, run.release);
        // Pre-training, then at most a year of finishing on domestic data.
        EXPECT_GE(took, pretraining) << run.name;
        EXPECT_LE(took, pretraining + 12) << run.name;
        (run.start < switchDate ? sawShort : sawLong) = true;
    }
    EXPECT_TRUE(sawShort && sawLong);
    const auto logged = std::count_if(r.log.begin(), r.log.end(), [](const auto& e) {
        return e.text.find("OpenAI starts a frontier training run (5 months)") != std::string::npos;
    });
    EXPECT_GT(logged, 0);
}

TEST(RunLength, ALongerRunOnTheSameFleetTrainsMoreFlop)
{
    const auto shortRuns = runner::runScenario(withOpenAiRunMonths(scenario::Schedule::constant(2)), 7, {});
    const auto longRuns = runner::runScenario(withOpenAiRunMonths(scenario::Schedule::constant(4)), 7, {});
    const auto a = simulatedRuns(shortRuns, "openai"), b = simulatedRuns(longRuns, "openai");
    ASSERT_FALSE(a.empty());
    ASSERT_FALSE(b.empty());
    // The first run starts on the same date with the same fleet: twice the months, more FLOP.
    ASSERT_EQ(a.front().start, b.front().start);
    EXPECT_GT(b.front().physicalFlop, 1.5 * a.front().physicalFlop);
}
