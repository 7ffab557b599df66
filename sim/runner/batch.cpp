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

namespace {

/// Runs one index of the batch on the thread that owns it: draws the parameters into this
/// thread's scratch copy of the scenario (made at its first run and kept for the batch).
class RunMaker {
public:
    RunMaker(const scenario::Scenario& scenario, const BatchConfig& config, const ParameterSampler* sampler)
        : m_scenario(scenario), m_config(config), m_sampler(sampler)
    {
    }
    RunResult operator()(std::size_t index)
    {
        const std::uint64_t seed = runSeed(m_config, index);
        if (!m_sampler)
            return runScenario(m_scenario, seed, m_config.options);
        if (!m_scratch)
            m_scratch.emplace(m_scenario);
        m_sampler->apply(*m_scratch, seed);
        return runScenario(*m_scratch, seed, m_config.options);
    }

private:
    const scenario::Scenario& m_scenario;
    const BatchConfig& m_config;
    const ParameterSampler* m_sampler;
    std::optional<scenario::Scenario> m_scratch;
};

} // namespace

// The calling thread runs its share of the runs too (jobs - 1 extra threads), so one job is a
// plain loop on the caller, and N jobs keep N threads busy rather than N workers plus a caller
// that mostly waits to be woken. A result made by a worker is handed back to that worker once
// delivered and freed there: freeing a run's ~1,000 blocks on another thread than the one that
// allocated them costs the allocator's cross-thread path and arena lock contention.
void runBatch(const scenario::Scenario& scenario, const BatchConfig& config, const ResultSink& onResult,
              const ProgressSink& onProgress, const std::atomic<bool>* cancel)
{
    const std::size_t total = config.runs;
    const unsigned jobs = std::max(1u, std::min<unsigned>(config.jobs, static_cast<unsigned>(std::max<std::size_t>(1, total))));
    const std::size_t window = 2 * static_cast<std::size_t>(jobs) + 2; // results allowed to wait

    struct Made {
        RunResult result;
        unsigned maker; ///< 0: the calling thread, else the worker's number
    };
    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::size_t, Made> ready;
    std::vector<std::vector<RunResult>> spent(jobs); // delivered, for their worker to free
    std::size_t nextToStart = 0, nextToDeliver = 0;
    std::exception_ptr failure;
    bool stopping = false;
    // Resolved before any thread starts, so a parameter path that names nothing fails here.
    std::optional<ParameterSampler> sampler;
    if (total > 1 && config.sampleParameters)
        sampler.emplace(scenario);
    const ParameterSampler* draws = sampler ? &*sampler : nullptr;

    // With the lock held: whether a run may start, and what a run's failure does.
    auto mayStart = [&] { return nextToStart < total && nextToStart < nextToDeliver + window; };
    auto fail = [&] {
        if (!failure)
            failure = std::current_exception();
        stopping = true;
    };

    auto work = [&](unsigned me) {
        RunMaker make(scenario, config, draws);
        std::vector<RunResult> toFree;
        for (;;) {
            std::size_t index;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopping || nextToStart >= total || mayStart(); });
                toFree.swap(spent[me]);
                if (stopping || nextToStart >= total)
                    return;
                index = nextToStart++;
            }
            toFree.clear();
            try {
                RunResult r = make(index);
                std::lock_guard lock(mutex);
                ready.emplace(index, Made{std::move(r), me});
            } catch (...) {
                std::lock_guard lock(mutex);
                fail();
            }
            changed.notify_all();
        }
    };

    std::vector<std::jthread> pool;
    for (unsigned i = 1; i < jobs; ++i)
        pool.emplace_back(work, i);

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
        RunMaker make(scenario, config, draws);
        while (true) {
            std::optional<Made> next;
            std::size_t index;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] {
                    return stopping || nextToDeliver >= total || ready.count(nextToDeliver) || mayStart() ||
                           (cancel && cancel->load());
                });
                if (cancel && cancel->load())
                    stopping = true;
                if (stopping || nextToDeliver >= total)
                    break;
                if (auto node = ready.extract(nextToDeliver)) {
                    next.emplace(std::move(node.mapped()));
                    index = nextToDeliver;
                } else {
                    index = nextToStart++;
                }
            }
            if (!next) { // this thread's own run
                try {
                    RunResult r = make(index);
                    std::lock_guard lock(mutex);
                    ready.emplace(index, Made{std::move(r), 0});
                } catch (...) {
                    std::lock_guard lock(mutex);
                    fail();
                }
                continue;
            }
            onResult(index, runSeed(config, index), next->result);
            {
                std::lock_guard lock(mutex);
                ++nextToDeliver;
                if (next->maker != 0)
                    spent[next->maker].push_back(std::move(next->result));
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
