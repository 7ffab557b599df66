// Bad facts files get the scenario loader's kind of error: file, line, column, key.
#include "sim/calibration/facts.hpp"
#include "sim/scenario/errors.hpp"

#include <gtest/gtest.h>

using namespace cp;

namespace {

std::string errorOf(const std::string& yaml)
{
    try {
        (void)calibration::loadFactsFromString(yaml, "facts.yaml");
    } catch (const scenario::ScenarioError& e) {
        std::string all;
        for (const auto& d : e.diagnostics())
            all += d.str() + "\n";
        return all;
    }
    return "";
}

const char* kHeader = "scenario: baseline.yaml\nfacts:\n";

std::string withFact(const std::string& body)
{
    return std::string(kHeader) + "  - id: f1\n    claim: c\n    source: s\n    tolerance_why: w\n" + body;
}

} // namespace

TEST(FactsFile, AGoodFactLoads)
{
    const auto set = calibration::loadFactsFromString(
        withFact("    kind: release_flop\n    firm: openai\n    date: 2023-03\n    target: 2e25\n    factor: 2\n"),
        "facts.yaml");
    ASSERT_EQ(set.facts.size(), 1u);
    EXPECT_DOUBLE_EQ(set.facts[0].low(), 1e25);
    EXPECT_DOUBLE_EQ(set.facts[0].high(), 4e25);
    EXPECT_EQ(set.facts[0].line, 3);
}

TEST(FactsFile, UnknownKindSuggestsTheNearestName)
{
    const auto e = errorOf(withFact("    kind: release_flops\n    min: 1\n"));
    EXPECT_NE(e.find("facts.yaml:7:11: error: facts.f1.kind: unknown fact kind 'release_flops' (did you mean "
                     "'release_flop'?)"),
              std::string::npos)
        << e;
    EXPECT_EQ(e.find("'min'"), std::string::npos) << "only the kind is reported: " << e;
}

TEST(FactsFile, UnknownKeyIsNamedWithItsPosition)
{
    const auto e = errorOf(withFact("    kind: parameter\n    path: a.b\n    min: 1\n    tolerence: 3\n"));
    EXPECT_NE(e.find("facts.yaml:10:5"), std::string::npos) << e;
    EXPECT_NE(e.find("facts.f1.tolerence"), std::string::npos) << e;
}

TEST(FactsFile, AToleranceIsRequiredAndMustBeConsistent)
{
    EXPECT_NE(errorOf(withFact("    kind: parameter\n    path: a.b\n")).find("give a tolerance"), std::string::npos);
    EXPECT_NE(errorOf(withFact("    kind: parameter\n    path: a.b\n    target: 1\n    factor: 2\n    plus_minus: 1\n"))
                  .find("exclude each other"),
              std::string::npos);
    EXPECT_NE(errorOf(withFact("    kind: parameter\n    path: a.b\n    min: 3\n    max: 1\n")).find("below 'min'"),
              std::string::npos);
    EXPECT_NE(errorOf(withFact("    kind: parameter\n    path: a.b\n    target: 1\n    factor: 0.5\n")).find("factor"),
              std::string::npos);
}

TEST(FactsFile, DuplicateIdsAndDanglingOrderReferences)
{
    const std::string two = withFact("    kind: parameter\n    path: a.b\n    min: 1\n") +
                            "  - id: f1\n    claim: c\n    source: s\n    tolerance_why: w\n    kind: release_order\n"
                            "    order: [nope]\n";
    const auto e = errorOf(two);
    EXPECT_NE(e.find("duplicate fact id 'f1'"), std::string::npos) << e;
    EXPECT_NE(e.find("'nope' is not the id of a first_reach fact"), std::string::npos) << e;
}

TEST(FactsFile, BadDatesAndRangesInSeries)
{
    const auto e = errorOf(withFact("    kind: series\n    series: {entity: china, metric: m, from: 2025-13, to: "
                                    "2024-01, agg: median}\n    min: 0\n"));
    EXPECT_NE(e.find("facts.f1.series.from"), std::string::npos) << e;
    EXPECT_NE(e.find("expected sum, mean, last, max or change, found 'median'"), std::string::npos) << e;
}

TEST(FactsFile, MissingFileAndNotYaml)
{
    try {
        (void)calibration::loadFacts("/nonexistent/facts.yaml");
        FAIL();
    } catch (const scenario::ScenarioError& e) {
        EXPECT_NE(e.diagnostics().front().str().find("/nonexistent/facts.yaml"), std::string::npos);
    }
    EXPECT_NE(errorOf("facts: [\n").find("facts.yaml:"), std::string::npos);
    EXPECT_NE(errorOf("scenario: x\nfacts: 3\n").find("expected a list of facts"), std::string::npos);
}
