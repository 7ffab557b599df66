// libFuzzer target for the scenario loader, validator and linter (see fuzz_input.hpp). Every
// input must end in a Scenario or a ScenarioError: another exception (uncaught, so it aborts),
// a crash, a sanitizer report, a leak, a hang (-timeout) or runaway memory (-rss_limit_mb) is
// a finding. Run by .ci/fuzz.
#include "tests/fuzz/fuzz_input.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string kScenarios = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios";
    (void)cp::fuzz::replay(std::string(reinterpret_cast<const char*>(data), size), kScenarios);
    return 0;
}
