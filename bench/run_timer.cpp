// Times whole runs of any scenario file: loads it once, then runs it N times on one thread
// (seeds 1..N, no event log, as BM_BaselineRun) and prints milliseconds per run. Used for the
// scaling figures in bench/README.md, with scenarios from bench/make_large_scenario.py.
//
//   run_timer SCENARIO.yaml [RUNS [PER_RUN.txt]]
//
// PER_RUN.txt gets each run's wall time by seed: repeated timings show whether slow runs belong
// to seeds (the model's work) or to moments (the machine's other tenants).
#include "sim/runner/run.hpp"
#include "sim/scenario/loader.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: run_timer SCENARIO.yaml [RUNS [PER_RUN.txt]]\n");
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
        const double meanMs = std::accumulate(wall.begin(), wall.end(), 0.0) / static_cast<double>(wall.size());
        if (argc > 3) { // "seed milliseconds" per line, for telling slow seeds from slow moments
            std::FILE* f = std::fopen(argv[3], "w");
            if (!f)
                throw std::runtime_error(std::string("cannot write ") + argv[3]);
            for (std::size_t i = 0; i < wall.size(); ++i)
                std::fprintf(f, "%zu %.4f\n", i + 1, wall[i]);
            std::fclose(f);
        }
        std::sort(wall.begin(), wall.end());
        std::size_t months = 0;
        for (auto t = scenario.run.start; t < scenario.run.end; t = cp::core::addMonths(t, 1))
            ++months;
        std::printf("%s: %zu firms, %zu data centres, %zu months, %zu series\n", argv[1], scenario.firms.size(),
                    scenario.dataCentres.size(), months, series);
        // The mean is what a batch pays per run; the gap to the median is the slow runs' tail.
        std::printf("runs %d  wall ms/run: min %.3f median %.3f p90 %.3f p99 %.3f max %.3f mean %.3f  cpu ms/run: %.3f\n",
                    runs, wall.front(), wall[wall.size() / 2], wall[wall.size() * 9 / 10], wall[wall.size() * 99 / 100],
                    wall.back(), meanMs, cpuMs);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "run_timer: %s\n", e.what());
        return 1;
    }
    return 0;
}
