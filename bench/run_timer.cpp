// Times whole runs of any scenario file: loads it once, then runs it N times on one thread
// (seeds 1..N, no event log, as BM_BaselineRun) and prints milliseconds per run. Used for the
// scaling figures in bench/README.md, with scenarios from bench/make_large_scenario.py.
//
//   run_timer SCENARIO.yaml [RUNS]
#include "sim/runner/run.hpp"
#include "sim/scenario/loader.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <vector>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: run_timer SCENARIO.yaml [RUNS]\n");
        return 2;
    }
    try {
        const auto scenario = cp::scenario::loadScenario(argv[1]);
        const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
        cp::model::WorldOptions options;
        options.recordLog = false;
        std::vector<double> wall;
        const std::clock_t cpu0 = std::clock();
        std::size_t series = 0;
        for (int i = 0; i < runs; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto result = cp::runner::runScenario(scenario, static_cast<std::uint64_t>(i + 1), options);
            wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            series = result.series.size();
        }
        const double cpuMs = 1000.0 * static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC / runs;
        std::sort(wall.begin(), wall.end());
        std::size_t months = 0;
        for (auto t = scenario.run.start; t < scenario.run.end; t = cp::core::addMonths(t, 1))
            ++months;
        std::printf("%s: %zu firms, %zu data centres, %zu months, %zu series\n", argv[1], scenario.firms.size(),
                    scenario.dataCentres.size(), months, series);
        std::printf("runs %d  wall ms/run: min %.3f median %.3f  cpu ms/run: %.3f\n", runs, wall.front(),
                    wall[wall.size() / 2], cpuMs);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "run_timer: %s\n", e.what());
        return 1;
    }
    return 0;
}
