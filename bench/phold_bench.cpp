// PHOLD: the classic event-engine workload. 1,000 logical processes hold a constant population
// of pending events; each processed event schedules one new event at now + exponential delay
// to a random process. Measures events per second of cp::core::Simulation next to a minimal
// std::priority_queue loop doing the same work with the same random numbers, so both process
// the very same event sequence. Setup (filling the population) and teardown are not timed in
// either loop. Each size registers the engine and the plain loop side by side; the ratio is
// Engine items_per_second / PriorityQueue items_per_second.
#include "sim/core/rng.hpp"
#include "sim/core/simulation.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <queue>

namespace {

constexpr std::uint32_t kProcesses = 1000;
constexpr std::int64_t kEventsPerIteration = 1'000'000;

cp::core::SimTime delay(cp::core::RngStream& rng)
{
    return 1 + static_cast<cp::core::SimTime>(rng.exponential(1.0 / 1000.0));
}

void BM_EnginePhold(benchmark::State& state)
{
    const auto population = static_cast<std::size_t>(state.range(0));
    const bool withCancel = state.range(1) != 0;
    // Held by pointer so that building and destroying it can be kept out of the timing.
    std::unique_ptr<cp::core::Simulation> sim;
    std::optional<cp::core::RngStream> rng;
    std::uint64_t processed = 0;
    std::uint32_t kind = 0;
    std::vector<cp::core::EventId> recent(kProcesses, cp::core::kNoEvent);
    // Same work as the plain loop below: one target draw and one delay draw per event.
    auto phold = [&](cp::core::Simulation& s, const cp::core::Event& e) {
        ++processed;
        benchmark::DoNotOptimize(e.target);
        const auto to = static_cast<std::uint32_t>(rng->below(kProcesses));
        (void)s.scheduleIn(delay(*rng), kind, to);
        if (processed >= static_cast<std::uint64_t>(kEventsPerIteration))
            s.stop();
    };
    // The cancelling variant also remembers each process's latest event and, 10% of the
    // time, retracts it and sends a replacement (no plain-loop counterpart).
    auto pholdCancel = [&](cp::core::Simulation& s, const cp::core::Event& e) {
        ++processed;
        benchmark::DoNotOptimize(e.target);
        const auto to = static_cast<std::uint32_t>(rng->below(kProcesses));
        const auto id = s.scheduleIn(delay(*rng), kind, to);
        if (rng->below(10) == 0 && s.cancel(recent[to]))
            (void)s.scheduleIn(delay(*rng), kind, to);
        recent[to] = id;
        if (processed >= static_cast<std::uint64_t>(kEventsPerIteration))
            s.stop();
    };
    for (auto _ : state) {
        state.PauseTiming();
        sim = std::make_unique<cp::core::Simulation>();
        rng.emplace(7);
        processed = 0;
        std::fill(recent.begin(), recent.end(), cp::core::kNoEvent);
        if (withCancel)
            kind = sim->registerKind("phold", pholdCancel);
        else
            kind = sim->registerKind("phold", phold);
        sim->reserve(population * 2);
        for (std::size_t i = 0; i < population; ++i)
            sim->scheduleAt(delay(*rng), kind, static_cast<std::uint32_t>(i % kProcesses));
        state.ResumeTiming();
        sim->runUntil(std::numeric_limits<cp::core::SimTime>::max());
        benchmark::DoNotOptimize(sim->fingerprint().value());
    }
    state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
}

struct PlainEvent {
    std::int64_t time;
    std::uint64_t seq;
    std::uint32_t target;
    bool operator>(const PlainEvent& o) const { return time != o.time ? time > o.time : seq > o.seq; }
};
using PlainQueue = std::priority_queue<PlainEvent, std::vector<PlainEvent>, std::greater<>>;

void BM_PriorityQueuePhold(benchmark::State& state)
{
    const auto population = static_cast<std::size_t>(state.range(0));
    std::unique_ptr<PlainQueue> q;
    for (auto _ : state) {
        state.PauseTiming();
        q.reset();
        cp::core::RngStream rng(7);
        std::vector<PlainEvent> storage;
        storage.reserve(population * 2);
        q = std::make_unique<PlainQueue>(std::greater<>{}, std::move(storage));
        std::uint64_t seq = 0;
        for (std::size_t i = 0; i < population; ++i)
            q->push({delay(rng), seq++, static_cast<std::uint32_t>(i % kProcesses)});
        state.ResumeTiming();
        for (std::int64_t n = 0; n < kEventsPerIteration; ++n) {
            const PlainEvent e = q->top();
            q->pop();
            benchmark::DoNotOptimize(e.target);
            const auto to = static_cast<std::uint32_t>(rng.below(kProcesses));
            q->push({e.time + delay(rng), seq++, to});
        }
    }
    state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
}

// Engine and plain loop next to each other at 10^2, 10^4 and 10^6 pending events.
void registerAll()
{
    for (const std::int64_t pending : {100, 10'000, 1'000'000}) {
        benchmark::RegisterBenchmark("BM_EnginePhold", BM_EnginePhold)
            ->Args({pending, 0})
            ->ArgNames({"pending", "cancel"})
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_PriorityQueuePhold", BM_PriorityQueuePhold)
            ->Arg(pending)
            ->ArgName("pending")
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("BM_EnginePhold", BM_EnginePhold)
        ->Args({10'000, 1})
        ->ArgNames({"pending", "cancel"})
        ->Unit(benchmark::kMillisecond);
}
const bool kRegistered = (registerAll(), true);

} // namespace
