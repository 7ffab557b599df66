// Same scenario + seed => bit-identical results; different seeds differ where randomness
// enters (yields, seizures); golden fingerprints pin every bundled scenario.
#include "scenario_fixture.hpp"

#include "sim/runner/batch.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <cstring>
#include <sstream>

using namespace cp;

TEST(Determinism, SameSeedSameFingerprintAndSeries)
{
    const auto s = test::bundled("baseline");
    const auto a = runner::runScenario(s, 42);
    const auto b = runner::runScenario(s, 42);
    EXPECT_EQ(a.fingerprint, b.fingerprint);
    ASSERT_EQ(a.series.size(), b.series.size());
    for (std::size_t i = 0; i < a.series.size(); ++i) {
        EXPECT_EQ(a.series[i].entity, b.series[i].entity);
        // Bit-identical, NaN included (NaN marks "no model yet").
        ASSERT_EQ(a.series[i].values.size(), b.series[i].values.size());
        EXPECT_EQ(0, std::memcmp(a.series[i].values.data(), b.series[i].values.data(),
                                 a.series[i].values.size() * sizeof(double)))
            << a.series[i].entity << " " << a.series[i].metric;
    }
    EXPECT_EQ(a.log.size(), b.log.size());
}

TEST(Determinism, DifferentSeedsDiffer)
{
    const auto s = test::bundled("baseline");
    EXPECT_NE(runner::runScenario(s, 1).fingerprint, runner::runScenario(s, 2).fingerprint);
}

TEST(Determinism, RecordingOptionsDoNotChangeResults)
{
    const auto s = test::bundled("baseline");
    model::WorldOptions gui;
    gui.recordNetwork = true;
    model::WorldOptions batch;
    batch.recordLog = false;
    EXPECT_EQ(runner::runScenario(s, 5, gui).fingerprint, runner::runScenario(s, 5, batch).fingerprint);
}

TEST(Determinism, BatchIsIdenticalForAnyJobCount)
{
    const auto s = test::bundled("baseline");
    auto collect = [&](unsigned jobs) {
        runner::BatchConfig c;
        c.runs = 6;
        c.jobs = jobs;
        c.masterSeed = 11;
        std::vector<std::string> fps;
        runner::runBatch(s, c, [&](std::size_t i, std::uint64_t, const model::RunResult& r) {
            EXPECT_EQ(i, fps.size());
            fps.push_back(r.fingerprint);
        });
        return fps;
    };
    const auto one = collect(1);
    EXPECT_EQ(one, collect(2));
    EXPECT_EQ(one, collect(3));
    EXPECT_NE(one[0], one[1]);
}

// Golden fingerprints: a change of any number in any bundled scenario's results shows here.
// After an intended model change, regenerate with CHOKEPOINT_UPDATE_GOLDEN=1 and review the diff.
TEST(Determinism, GoldenFingerprintsOfBundledScenarios)
{
    const std::string path = std::string(CHOKEPOINT_SOURCE_DIR) + "/tests/model/golden_fingerprints.txt";
    std::map<std::string, std::string> actual;
    for (const auto& name : test::bundledNames())
        actual[name] = runner::runScenario(test::bundled(name), 42).fingerprint;
    if (std::getenv("CHOKEPOINT_UPDATE_GOLDEN")) {
        std::ofstream out(path);
        out << "# scenario fingerprint (seed 42); regenerate with CHOKEPOINT_UPDATE_GOLDEN=1\n";
        for (const auto& [n, f] : actual)
            out << n << " " << f << "\n";
        GTEST_SKIP() << "golden file rewritten";
    }
    std::ifstream in(path);
    ASSERT_TRUE(in) << "missing " << path;
    std::map<std::string, std::string> expected;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream ls(line);
        std::string n, f;
        ls >> n >> f;
        expected[n] = f;
    }
    EXPECT_EQ(expected, actual);
}
