// The batch pool's contract: results on the calling thread in run order with their seeds, and a
// sink that throws or a cancel stops the pool without hanging, for any number of jobs.
#include "sim/runner/batch.hpp"
#include "tests/model/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

using namespace cp;

namespace {

runner::BatchConfig smallBatch(std::size_t runs, unsigned jobs)
{
    runner::BatchConfig config;
    config.runs = runs;
    config.jobs = jobs;
    config.masterSeed = 3;
    config.options.recordLog = false;
    return config;
}

} // namespace

TEST(Batch, DeliversEveryRunInOrderOnTheCallingThread)
{
    const auto s = test::bundled("baseline");
    for (unsigned jobs : {1u, 2u, 3u}) {
        const auto config = smallBatch(9, jobs);
        const auto caller = std::this_thread::get_id();
        std::size_t delivered = 0, progressed = 0;
        runner::runBatch(
            s, config,
            [&](std::size_t i, std::uint64_t seed, const runner::RunResult& r) {
                EXPECT_EQ(std::this_thread::get_id(), caller);
                EXPECT_EQ(i, delivered);
                EXPECT_EQ(seed, runner::runSeed(config, i));
                EXPECT_EQ(r.seed, seed);
                ++delivered;
            },
            [&](std::size_t done, std::size_t total) {
                EXPECT_EQ(std::this_thread::get_id(), caller);
                EXPECT_EQ(done, delivered);
                EXPECT_EQ(total, 9u);
                ++progressed;
            });
        EXPECT_EQ(delivered, 9u) << jobs << " jobs";
        EXPECT_EQ(progressed, 9u) << jobs << " jobs";
    }
}

TEST(Batch, ASinkThatThrowsStopsThePool)
{
    const auto s = test::bundled("baseline");
    for (unsigned jobs : {1u, 2u, 3u}) {
        std::size_t delivered = 0;
        EXPECT_THROW(runner::runBatch(s, smallBatch(20, jobs),
                                      [&](std::size_t i, std::uint64_t, const runner::RunResult&) {
                                          ++delivered;
                                          if (i == 2)
                                              throw std::runtime_error("disk full");
                                      }),
                     std::runtime_error)
            << jobs << " jobs";
        EXPECT_EQ(delivered, 3u) << jobs << " jobs";
    }
}

TEST(Batch, CancelStopsDeliveringAtOnce)
{
    const auto s = test::bundled("baseline");
    for (unsigned jobs : {1u, 2u, 3u}) {
        std::atomic<bool> cancel = false;
        std::size_t delivered = 0;
        runner::runBatch(
            s, smallBatch(20, jobs),
            [&](std::size_t i, std::uint64_t, const runner::RunResult&) {
                ++delivered;
                if (i == 3)
                    cancel = true;
            },
            {}, &cancel);
        EXPECT_EQ(delivered, 4u) << jobs << " jobs";
    }
}
