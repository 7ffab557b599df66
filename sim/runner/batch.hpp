// Many runs of one scenario on a pool of threads (Monte Carlo over seeds and uncertain
// parameters). The calling thread is one of the `jobs` threads that run simulations. Results are
// handed to the caller strictly in run order, on the calling thread, so output files are
// identical for any number of jobs; at most a few results are held at a time, so memory does
// not grow with the number of runs.
#pragma once

#include "sim/runner/run.hpp"

#include <atomic>
#include <functional>

namespace cp::runner {

struct BatchConfig {
    std::size_t runs = 1;
    unsigned jobs = 1; ///< threads running simulations, the calling thread included
    std::uint64_t masterSeed = 1;
    bool sampleParameters = true; ///< with runs > 1: draw parameters that have a distribution
    model::WorldOptions options{};
};

/// Seed of run `index`: the master seed itself for a single run, derived otherwise.
[[nodiscard]] std::uint64_t runSeed(const BatchConfig& config, std::size_t index);

using ResultSink = std::function<void(std::size_t index, std::uint64_t seed, const RunResult&)>;
using ProgressSink = std::function<void(std::size_t done, std::size_t total)>;

/// Runs the batch; rethrows the first run's exception after stopping the pool. `cancel`, when
/// given and set, stops the batch early (runs already handed out finish and are discarded).
void runBatch(const scenario::Scenario& scenario, const BatchConfig& config, const ResultSink& onResult,
              const ProgressSink& onProgress = {}, const std::atomic<bool>* cancel = nullptr);

} // namespace cp::runner
