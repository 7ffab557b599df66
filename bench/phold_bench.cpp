// PHOLD: the classic event-engine workload. N logical processes hold a constant population
// of pending events; each processed event schedules one new event at now + exponential delay
// to a random process. Measures events per second of cp::core::Simulation next to a minimal
// std::priority_queue loop doing the same work with the same random numbers.
#include "sim/core/rng.hpp"
#include "sim/core/simulation.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <queue>

namespace {

constexpr std::uint32_t kProcesses = 1024;
constexpr std::int64_t kEventsPerIteration = 1'000'000;

cp::core::SimTime delay(cp::core::RngStream& rng)
{
    return 1 + static_cast<cp::core::SimTime>(rng.exponential(1.0 / 1000.0));
}

void BM_EnginePhold(benchmark::State& state)
{
    const auto population = static_cast<std::size_t>(state.range(0));
    const bool withCancel = state.range(1) != 0;
    for (auto _ : state) {
        state.PauseTiming();
        cp::core::Simulation sim;
        cp::core::RngStream rng(7);
        std::uint64_t processed = 0;
        std::uint32_t kind = 0;
        std::vector<cp::core::EventId> recent(kProcesses, cp::core::kNoEvent);
        kind = sim.registerKind("phold", [&](cp::core::Simulation& s, const cp::core::Event& e) {
            ++processed;
            benchmark::DoNotOptimize(e.target);
            const auto to = static_cast<std::uint32_t>(rng.below(kProcesses));
            const auto id = s.scheduleIn(delay(rng), kind, to);
            if (withCancel && rng.below(10) == 0 && s.cancel(recent[to])) // 10%: retract and resend
                (void)s.scheduleIn(delay(rng), kind, to);
            recent[to] = id;
            if (processed >= static_cast<std::uint64_t>(kEventsPerIteration))
                s.stop();
        });
        sim.reserve(population * 2);
        for (std::size_t i = 0; i < population; ++i)
            sim.scheduleAt(delay(rng), kind, static_cast<std::uint32_t>(i % kProcesses));
        state.ResumeTiming();
        sim.runUntil(std::numeric_limits<cp::core::SimTime>::max());
        benchmark::DoNotOptimize(sim.fingerprint().value());
    }
    state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
}

struct PlainEvent {
    std::int64_t time;
    std::uint64_t seq;
    std::uint32_t target;
    bool operator>(const PlainEvent& o) const { return time != o.time ? time > o.time : seq > o.seq; }
};

void BM_PriorityQueuePhold(benchmark::State& state)
{
    const auto population = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        cp::core::RngStream rng(7);
        std::vector<PlainEvent> storage;
        storage.reserve(population * 2);
        std::priority_queue<PlainEvent, std::vector<PlainEvent>, std::greater<>> q(std::greater<>{}, std::move(storage));
        std::uint64_t seq = 0;
        for (std::size_t i = 0; i < population; ++i)
            q.push({delay(rng), seq++, static_cast<std::uint32_t>(i % kProcesses)});
        state.ResumeTiming();
        for (std::int64_t n = 0; n < kEventsPerIteration; ++n) {
            const PlainEvent e = q.top();
            q.pop();
            benchmark::DoNotOptimize(e.target);
            const auto to = static_cast<std::uint32_t>(rng.below(kProcesses));
            q.push({e.time + delay(rng), seq++, to});
        }
    }
    state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
}

} // namespace

BENCHMARK(BM_EnginePhold)->ArgsProduct({{1 << 10, 1 << 14, 1 << 18}, {0}})->ArgNames({"pending", "cancel"})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EnginePhold)->Args({1 << 14, 1})->ArgNames({"pending", "cancel"})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PriorityQueuePhold)->Arg(1 << 10)->Arg(1 << 14)->Arg(1 << 18)->ArgName("pending")->Unit(benchmark::kMillisecond);
