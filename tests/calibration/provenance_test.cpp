// Every number in every bundled scenario can be traced: it has a source and a confidence grade,
// either written beside it or inherited by the documented rule (sim/scenario/provenance.hpp).
#include "sim/scenario/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace cp;

TEST(Provenance, EveryParameterOfEveryBundledScenarioHasASourceAndAGrade)
{
    int files = 0;
    for (const auto& e : fs::directory_iterator(fs::path(CHOKEPOINT_SOURCE_DIR) / "scenarios")) {
        if (e.path().extension() != ".yaml")
            continue;
        ++files;
        const auto s = scenario::loadScenario(e.path().string());
        EXPECT_GT(s.params.size(), 100u) << e.path();
        for (const auto& p : s.params) {
            EXPECT_FALSE(p.source.empty()) << e.path().filename() << ": " << p.path << " (" << p.file << ":" << p.line
                                           << ") has no source";
            EXPECT_NE(p.confidence, scenario::Confidence::Unspecified) << p.path;
        }
    }
    EXPECT_GE(files, 7);
}

namespace {
const scenario::ParamInfo& param(const scenario::Scenario& s, const std::string& path)
{
    for (const auto& p : s.params)
        if (p.path == path)
            return p;
    throw std::runtime_error("no parameter " + path);
}
} // namespace

TEST(Provenance, InheritanceAndGradingRules)
{
    const auto s = scenario::loadScenarioFromString(R"(schema: 1
id: t
run: {start: 2024-01-01, end: 2024-06-01, seed: 1}
jurisdictions: [{id: us, diffusion_tier: 1}]
chips:
  - {id: h100, origin: us, bf16_tflops: 989.4, die_mm2: 814, price_usd: 25000, source: "domain.md §1 spec table"}
producers:
  - id: nvidia
    jurisdiction: us
    lines: [{chip: h100, units_per_month: 1000, source: "assumption within Epoch totals"}]
data_centres:
  - {id: dc, operator_hq: us, location: us, owner: lab, power_mw: 10, source: "a data-centre note"}
firms:
  - {id: lab, hq: us, mfu: 0.4, source: "a firm note", inference_share: {value: 0.3, source: "[CALC] x"}}
)",
                                                    "t.yaml");
    // A chip's spec inherits the chip's citation and counts as disclosed; its price is a cited
    // figure, graded estimate.
    EXPECT_EQ(param(s, "chips.h100.bf16_tflops").source, "domain.md §1 spec table");
    EXPECT_TRUE(param(s, "chips.h100.bf16_tflops").sourceInherited);
    EXPECT_EQ(param(s, "chips.h100.bf16_tflops").confidence, scenario::Confidence::Disclosed);
    EXPECT_EQ(param(s, "chips.h100.price_usd").confidence, scenario::Confidence::Estimate);
    // A production line's "assumption" makes its schedule an assumption.
    EXPECT_EQ(param(s, "producers.nvidia.lines.h100.units_per_month").confidence, scenario::Confidence::Assumption);
    // Firms and data centres do not lend their note to every number: uncited stays uncited,
    // and is graded an assumption.
    EXPECT_TRUE(param(s, "firms.lab.mfu").source.empty());
    EXPECT_EQ(param(s, "firms.lab.mfu").confidence, scenario::Confidence::Assumption);
    EXPECT_TRUE(param(s, "data_centres.dc.power_mw").source.empty());
    // A value's own citation wins and is graded by rule when it has no grade.
    EXPECT_EQ(param(s, "firms.lab.inference_share").source, "[CALC] x");
    EXPECT_FALSE(param(s, "firms.lab.inference_share").sourceInherited);
    EXPECT_EQ(param(s, "firms.lab.inference_share").confidence, scenario::Confidence::Estimate);
}
