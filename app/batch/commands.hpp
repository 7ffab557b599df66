// The subcommands of chokepoint-batch. Each returns the process exit code:
// 0 success, 1 run failure, 2 bad input or usage. Errors go to stderr.
#pragma once

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
};

int runCommand(const RunArgs& args);
int validateCommand(const std::vector<std::string>& files, bool strict);

} // namespace cp::batch
