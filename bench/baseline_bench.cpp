// Whole-run speed: one baseline run (2022-2027, every bundled firm, data centre and rule) on
// one core, a Monte Carlo batch with 1 and 2 jobs, and loading the scenario file.
#include "sim/runner/batch.hpp"
#include "sim/scenario/loader.hpp"

#include <benchmark/benchmark.h>

namespace {

const cp::scenario::Scenario& baseline()
{
    static const auto s = cp::scenario::loadScenario(std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.yaml");
    return s;
}

void BM_BaselineRun(benchmark::State& state)
{
    const auto& s = baseline();
    cp::model::WorldOptions o;
    o.recordLog = false;
    std::uint64_t seed = 1;
    for (auto _ : state) {
        auto r = cp::runner::runScenario(s, seed++, o);
        benchmark::DoNotOptimize(r.fingerprint);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BaselineRun)->Unit(benchmark::kMillisecond);

void BM_BaselineRunForGui(benchmark::State& state)
{
    const auto& s = baseline();
    cp::model::WorldOptions o;
    o.recordNetwork = true;
    for (auto _ : state) {
        auto r = cp::runner::runScenario(s, 1, o);
        benchmark::DoNotOptimize(r.fingerprint);
    }
}
BENCHMARK(BM_BaselineRunForGui)->Unit(benchmark::kMillisecond);

void BM_MonteCarloBatch(benchmark::State& state)
{
    const auto& s = baseline();
    cp::runner::BatchConfig c;
    c.runs = 64;
    c.jobs = static_cast<unsigned>(state.range(0));
    c.options.recordLog = false;
    for (auto _ : state) {
        std::size_t n = 0;
        cp::runner::runBatch(s, c, [&](std::size_t, std::uint64_t, const cp::model::RunResult&) { ++n; });
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(c.runs));
}
BENCHMARK(BM_MonteCarloBatch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadBaseline(benchmark::State& state)
{
    for (auto _ : state) {
        auto s = cp::scenario::loadScenario(std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.yaml");
        benchmark::DoNotOptimize(s.firms.size());
    }
}
BENCHMARK(BM_LoadBaseline)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
