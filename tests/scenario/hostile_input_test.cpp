// Hostile and broken input: the loader answers every file with a Scenario or a ScenarioError,
// never a crash, a hang or another exception type.
#include "minimal_scenario.hpp"

#include "sim/core/rng.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/reader.hpp"

#include <gtest/gtest.h>

#include <chrono>

using namespace cp;

namespace {
// "ok", or the first error, or "OTHER: ..." for any exception that is not a ScenarioError.
std::string outcome(const std::string& text)
{
    try {
        (void)scenario::loadScenarioFromString(text, "hostile.yaml");
        return "ok";
    } catch (const scenario::ScenarioError& e) {
        return e.diagnostics().empty() ? "OTHER: empty diagnostics" : e.diagnostics().front().str();
    } catch (const std::exception& e) {
        return std::string("OTHER: ") + e.what();
    } catch (...) {
        return "OTHER: unknown";
    }
}
} // namespace

TEST(HostileInput, AliasBombIsBounded)
{
    // Ten levels of ten-fold aliases: 10^10 values once expanded.
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        const std::string n = std::to_string(i), prev = std::string("*a").append(std::to_string(i - 1));
        std::string line = std::string("a").append(n).append(": &a").append(n).append(" [");
        for (int k = 0; k < 10; ++k)
            line.append(k ? ", " : "").append(prev);
        text.append(line).append("]\n");
    }
    EXPECT_NE(outcome(text).find("values (aliases included)"), std::string::npos);
}

TEST(HostileInput, DeepNestingIsAnErrorNotAStackOverflow)
{
    EXPECT_NE(outcome("x: " + std::string(100, '[') + std::string(100, ']') + "\n").find("nesting deeper"), std::string::npos);
    const std::string veryDeep = "x: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    EXPECT_EQ(outcome(veryDeep).find("OTHER"), std::string::npos);
}

TEST(HostileInput, OversizedAndBinaryFilesAreRejected)
{
    EXPECT_NE(outcome(std::string(5u << 20, '#')).find("limited to"), std::string::npos);
    EXPECT_NE(outcome(std::string("schema: 1\0\x01", 11)).find("NUL"), std::string::npos);
}

TEST(HostileInput, NonFiniteAndHugeNumbersAreRejected)
{
    for (const char* v : {".nan", ".inf", "-.inf", "1e400", "nan", "0x10"}) {
        std::string text = test::kMinimalScenario;
        text.replace(text.find("989.4"), 5, v);
        EXPECT_NE(outcome(text).find("chips.h100.bf16_tflops: expected a number"), std::string::npos) << v;
    }
}

TEST(HostileInput, RandomMutationsNeverCrash)
{
    // Property: any byte-level mutation of a valid file loads or fails with a ScenarioError.
    core::RngStream rng = core::RngStreams(2024).stream("mutations");
    const std::string alphabet = ":-[]{}&*!|>'\"#%@`,? \n\t0123456789abcxyz.";
    for (int i = 0; i < 3000; ++i) {
        std::string text = test::kMinimalScenario;
        const int edits = 1 + static_cast<int>(rng.below(6));
        for (int e = 0; e < edits; ++e) {
            const auto pos = static_cast<std::size_t>(rng.below(text.size()));
            switch (rng.below(3)) {
            case 0: text[pos] = alphabet[rng.below(alphabet.size())]; break;
            case 1: text.erase(pos, 1 + rng.below(8)); break;
            default: text.insert(pos, 1, alphabet[rng.below(alphabet.size())]); break;
            }
        }
        const std::string result = outcome(text);
        ASSERT_EQ(result.find("OTHER"), std::string::npos) << result << "\n--- input ---\n" << text;
    }
}

// Found by tests/fuzz (a timeout): every unknown key gets a did-you-mean hint, and comparing
// thousands of 1,000-character keys with each known key, cell by cell, took 3-9 s for a 4 MB
// file. Candidates whose length alone rules them out are now skipped.
TEST(HostileInput, ManyLongUnknownKeysStayFast)
{
    std::string text = "schema: 1\npolicies:\n  - id: p\n";
    const std::string longKey(995, 'x');
    for (int i = 0; text.size() + 1100 < scenario::kMaxScenarioBytes; ++i)
        text.append("    k").append(std::to_string(i)).append(longKey).append(": 1\n");
    const auto start = std::chrono::steady_clock::now();
    const std::string first = outcome(text);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(first.rfind("hostile.yaml:", 0), 0u) << first;
    // Most of what remains is yaml-cpp parsing 4 MB; generous for sanitizer builds.
    EXPECT_LT(elapsed, std::chrono::seconds(5));
    EXPECT_EQ(scenario::didYouMean(longKey, {"id", "type", "from"}), "");
    EXPECT_EQ(scenario::didYouMean("tpye", {"id", "type", "from"}), "type");
}
