// The subcommands of chokepoint-batch. Each returns the process exit code:
// 0 success, 1 run failure, 2 bad input or usage. Errors go to stderr.
#pragma once

#include "sim/scenario/loader.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cp::batch {

struct RunArgs {
    std::string scenario;
    std::uint64_t seed = 0;
    bool seedGiven = false;
    std::size_t runs = 0; ///< 0: the scenario's run.runs
    unsigned jobs = 1;
    std::vector<std::string> sets; ///< KEY=VALUE
    std::string out = "results";
    bool quiet = false;
    bool summaryOnly = false; ///< skip timeseries.csv (large Monte Carlo batches)
};

struct CalibrateArgs {
    std::string facts;    ///< empty: resources/calibration/facts.yaml
    std::string scenario; ///< empty: the one the facts file names
    std::uint64_t seed = 0;
    bool seedGiven = false;
    std::vector<std::string> sets;
    std::string markdown; ///< also write the table as Markdown here
    std::string csv;      ///< also write the checks as CSV here (for charts)
    std::string releases; ///< also write the run's model releases as CSV here
};

int runCommand(const RunArgs& args);
int validateCommand(const std::vector<std::string>& files, bool strict);
/// Runs the scenario once and checks it against the facts: 0 all pass but the known misses,
/// 1 a fact fails unexpectedly (or a known miss now passes), 2 bad input.
int calibrateCommand(const CalibrateArgs& args);

// Shared by the subcommands.
bool parseSets(const std::vector<std::string>& sets, std::vector<scenario::Override>& out);
void printDiagnostics(const scenario::ScenarioError& e);

} // namespace cp::batch
