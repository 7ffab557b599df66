// Monte Carlo parameter draws: setters resolved once per batch, applied to a scratch copy that
// a batch worker reuses for every run.
#include "sim/runner/batch.hpp"
#include "sim/runner/param_sampler.hpp"
#include "tests/model/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace cp;

TEST(ResolveNumericParam, SetterWorksOnCopiesAndChecksItsRange)
{
    const auto base = test::bundled("baseline");
    const auto set = scenario::resolveNumericParam(base, "firms.deepseek.mfu");
    auto copy = base;
    set(copy, 0.25);
    EXPECT_EQ(copy.findFirm("deepseek")->mfu, 0.25);
    EXPECT_NE(base.findFirm("deepseek")->mfu, 0.25);
    EXPECT_THROW(set(copy, 1.5), scenario::ScenarioError);
    EXPECT_THROW((void)scenario::resolveNumericParam(base, "firms.nobody.mfu"), scenario::ScenarioError);
    EXPECT_THROW((void)scenario::resolveNumericParam(base, "firms.deepseek.name"), scenario::ScenarioError);
    EXPECT_THROW((void)scenario::resolveNumericParam(base, "producers.nvidia.lines.nochip.yield_sd"),
                 scenario::ScenarioError);
}

TEST(ParameterSampler, ReusedScratchCopyRunsLikeAFreshSampledCopy)
{
    // A worker draws every run into the same copy; a run must not see the previous run's draws.
    const auto base = test::bundled("baseline");
    const runner::ParameterSampler sampler(base);
    model::WorldOptions options;
    options.recordLog = false;
    auto scratch = base;
    for (std::uint64_t k = 0; k < 3; ++k) {
        const std::uint64_t seed = core::deriveSeed(11, k);
        sampler.apply(scratch, seed);
        EXPECT_EQ(runner::runScenario(scratch, seed, options).fingerprint,
                  runner::runScenario(runner::sampleScenario(base, seed), seed, options).fingerprint)
            << k;
    }
}

TEST(ParameterSampler, BatchRunsMatchSampledScenariosForAnyJobCount)
{
    const auto base = test::bundled("baseline");
    runner::BatchConfig config;
    config.runs = 4;
    config.masterSeed = 3;
    config.options.recordLog = false;
    std::map<std::size_t, std::string> expected;
    for (std::size_t i = 0; i < config.runs; ++i) {
        const auto seed = runner::runSeed(config, i);
        expected[i] = runner::runScenario(runner::sampleScenario(base, seed), seed, config.options).fingerprint;
    }
    for (unsigned jobs : {1u, 2u}) {
        config.jobs = jobs;
        std::map<std::size_t, std::string> got;
        runner::runBatch(base, config, [&](std::size_t i, std::uint64_t, const runner::RunResult& r) { got[i] = r.fingerprint; });
        EXPECT_EQ(got, expected) << jobs << " jobs";
    }
}
