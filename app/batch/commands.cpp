#include "app/batch/commands.hpp"

#include "sim/core/rng.hpp"
#include "sim/runner/batch.hpp"
#include "sim/runner/result_writers.hpp"
#include "sim/scenario/errors.hpp"
#include "sim/scenario/loader.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace cp::batch {

bool parseSets(const std::vector<std::string>& sets, std::vector<scenario::Override>& out)
{
    for (const auto& s : sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "--set: error: expected KEY=VALUE (e.g. firms.deepseek.mfu=0.3), found '" << s << "'\n";
            return false;
        }
        out.push_back({s.substr(0, eq), s.substr(eq + 1)});
    }
    return true;
}

void printDiagnostics(const scenario::ScenarioError& e)
{
    for (const auto& d : e.diagnostics())
        std::cerr << d.str() << "\n";
}

int runCommand(const RunArgs& args)
{
    scenario::LoadOptions options;
    if (!parseSets(args.sets, options.overrides))
        return 2;
    scenario::Scenario scen;
    try {
        scen = scenario::loadScenario(args.scenario, options);
    } catch (const scenario::ScenarioError& e) {
        printDiagnostics(e);
        return 2;
    }

    runner::BatchConfig config;
    config.masterSeed = args.seedGiven ? args.seed : scen.run.seed;
    config.runs = args.runs > 0 ? args.runs : static_cast<std::size_t>(std::max(1, scen.run.runs));
    config.jobs = args.jobs;
    config.options.recordLog = false;

    const std::filesystem::path out(args.out);
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) {
        std::cerr << args.out << ": error: cannot create output folder: " << ec.message() << "\n";
        return 2;
    }

    const bool tty = isatty(STDERR_FILENO) != 0;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        runner::BatchOutput output(scen, args.summaryOnly ? std::nullopt
                                                          : std::optional<std::filesystem::path>(out / "timeseries.csv"));
        runner::runBatch(
            scen, config,
            [&](std::size_t index, std::uint64_t seed, const runner::RunResult& r) { output.add(index, seed, r); },
            [&](std::size_t done, std::size_t total) {
                if (tty && total > 1 && (done == total || done % std::max<std::size_t>(1, total / 100) == 0))
                    std::fprintf(stderr, "\r%zu/%zu runs", done, total);
            });
        if (tty && config.runs > 1)
            std::fputc('\n', stderr);
        runner::SummaryBuilder::Provenance pv{CHOKEPOINT_VERSION, args.scenario, runner::hashFile(args.scenario),
                                               config.masterSeed, config.runs, args.sets};
        output.commit(out / "summary.json", pv);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!args.quiet) {
            std::printf("%s (%s)\n%zu run%s, master seed %llu, %s to %s, %.2f s\n\n", scen.name.c_str(), scen.id.c_str(),
                        config.runs, config.runs == 1 ? "" : "s", static_cast<unsigned long long>(config.masterSeed),
                        core::formatDate(scen.run.start).c_str(), core::formatDate(scen.run.end).c_str(), secs);
            std::fputs(output.summary().table().c_str(), stdout);
            if (!args.summaryOnly)
                std::printf("\nWrote %s and %s\n", (out / "timeseries.csv").c_str(), (out / "summary.json").c_str());
            else
                std::printf("\nWrote %s\n", (out / "summary.json").c_str());
        }
    } catch (const scenario::ScenarioError& e) {
        printDiagnostics(e);
        return 2;
    } catch (const std::exception& e) {
        std::cerr << args.scenario << ": run failed: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

int validateCommand(const std::vector<std::string>& files, bool strict)
{
    int status = 0;
    for (const auto& f : files) {
        try {
            const scenario::Scenario s = scenario::loadScenario(f);
            const auto warnings = scenario::lintScenario(s);
            for (const auto& w : warnings)
                std::cerr << w.str() << "\n";
            if (strict && !warnings.empty())
                status = 2;
            else
                std::cout << f << ": ok (" << s.firms.size() << " firms, " << s.dataCentres.size() << " data centres, "
                          << s.policies.size() << " policies, " << s.params.size() << " parameters"
                          << (warnings.empty() ? "" : ", " + std::to_string(warnings.size()) + " warnings") << ")\n";
        } catch (const scenario::ScenarioError& e) {
            printDiagnostics(e);
            status = 2;
        }
    }
    return status;
}

} // namespace cp::batch
