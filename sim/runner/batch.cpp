#include "sim/runner/batch.hpp"

#include "sim/core/rng.hpp"
#include "sim/runner/param_sampler.hpp"

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace cp::runner {

std::uint64_t runSeed(const BatchConfig& config, std::size_t index)
{
    return config.runs == 1 ? config.masterSeed : core::deriveSeed(config.masterSeed, index);
}

void runBatch(const scenario::Scenario& scenario, const BatchConfig& config, const ResultSink& onResult,
              const ProgressSink& onProgress, const std::atomic<bool>* cancel)
{
    const std::size_t total = config.runs;
    const unsigned jobs = std::max(1u, std::min<unsigned>(config.jobs, static_cast<unsigned>(std::max<std::size_t>(1, total))));
    const std::size_t window = 2 * static_cast<std::size_t>(jobs) + 2; // results allowed to wait

    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::size_t, RunResult> ready;
    std::size_t nextToStart = 0, nextToDeliver = 0;
    std::exception_ptr failure;
    bool stopping = false;
    // Resolved before any thread starts, so a parameter path that names nothing fails here.
    std::optional<ParameterSampler> sampler;
    if (total > 1 && config.sampleParameters)
        sampler.emplace(scenario);

    auto work = [&] {
        std::optional<scenario::Scenario> scratch; // this worker's copy to draw parameters into
        for (;;) {
            std::size_t index;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopping || nextToStart >= total || nextToStart < nextToDeliver + window; });
                if (stopping || nextToStart >= total)
                    return;
                index = nextToStart++;
            }
            try {
                const std::uint64_t seed = runSeed(config, index);
                if (sampler && !scratch)
                    scratch.emplace(scenario);
                if (sampler)
                    sampler->apply(*scratch, seed);
                RunResult r = runScenario(sampler ? *scratch : scenario, seed, config.options);
                std::lock_guard lock(mutex);
                ready.emplace(index, std::move(r));
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure)
                    failure = std::current_exception();
                stopping = true;
            }
            changed.notify_all();
        }
    };

    std::vector<std::jthread> pool;
    for (unsigned i = 0; i < jobs; ++i)
        pool.emplace_back(work);

    // Whatever happens on this thread (a writer failing, a cancel), the pool must be told to
    // stop before it is joined, or the workers would wait forever for the window to move.
    auto stopPool = [&] {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        changed.notify_all();
        pool.clear(); // joins
    };
    try {
    while (true) {
        RunResult r;
        std::size_t index;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] {
                return stopping || nextToDeliver >= total || ready.count(nextToDeliver) ||
                       (cancel && cancel->load());
            });
            if (cancel && cancel->load())
                stopping = true;
            if (stopping || nextToDeliver >= total)
                break;
            auto node = ready.extract(nextToDeliver);
            r = std::move(node.mapped());
            index = nextToDeliver;
        }
        onResult(index, runSeed(config, index), r);
        {
            std::lock_guard lock(mutex);
            ++nextToDeliver;
        }
        changed.notify_all();
        if (onProgress)
            onProgress(index + 1, total);
    }
    } catch (...) {
        stopPool();
        throw;
    }
    stopPool();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace cp::runner
