// Every input the fuzzer once crashed or hung on (tests/fuzz/regressions/, see .ci/fuzz) now
// loads or fails with a ScenarioError, quickly, replayed exactly as tests/fuzz ran it.
#include "tests/fuzz/fuzz_input.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cp;
namespace fs = std::filesystem;

TEST(FuzzRegressions, EveryKeptInputLoadsOrFailsCleanlyInBoundedTime)
{
    const fs::path source = CHOKEPOINT_SOURCE_DIR;
    const fs::path dir = source / "tests" / "fuzz" / "regressions";
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().filename() == "README.md")
            continue;
        ++count;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        const auto start = std::chrono::steady_clock::now();
        EXPECT_NO_THROW((void)fuzz::replay(text.str(), (source / "scenarios").string())) << entry.path();
        // Generous for sanitizer builds; the fuzzer's own limit is 5 s.
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5)) << entry.path();
    }
    EXPECT_GE(count, 1);
}
