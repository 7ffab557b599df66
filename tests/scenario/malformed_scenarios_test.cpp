// The table of malformed scenarios and the exact error each must give: file:line:column,
// key path, what was expected and what was found.
#include "minimal_scenario.hpp"

#include "sim/scenario/loader.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace cp;

namespace {

struct Case {
    const char* name;
    std::string from; ///< text in the minimal scenario to replace ("" = append `to`)
    std::string to;
    std::string error; ///< the first diagnostic, exactly
};

std::string firstError(const std::string& text)
{
    try {
        (void)scenario::loadScenarioFromString(text, "bad.yaml");
    } catch (const scenario::ScenarioError& e) {
        return e.diagnostics().empty() ? std::string("(no diagnostics)") : e.diagnostics().front().str();
    } catch (const std::exception& e) {
        return std::string("unexpected exception: ") + e.what();
    }
    return "(loaded without error)";
}

std::string edited(const Case& c)
{
    std::string text = test::kMinimalScenario;
    if (c.from.empty())
        return text + c.to;
    const auto pos = text.find(c.from);
    EXPECT_NE(pos, std::string::npos) << c.name << ": fixture text not found";
    return pos == std::string::npos ? text : text.replace(pos, c.from.size(), c.to);
}

const Case kCases[] = {
    {"unknown top-level key", "", "polices: []\n",
     "bad.yaml:27:1: error: polices: unknown key 'polices' (did you mean 'policies'?)"},
    {"unknown firm key", "    hq: us\n", "    hq: us\n    mfuu: 0.3\n",
     "bad.yaml:19:5: error: firms.lab.mfuu: unknown key 'mfuu' (did you mean 'mfu'?)"},
    {"number out of range", "{value: 0.4, source: \"test\", dist: {uniform: [0.3, 0.5]}}", "1.7",
     "bad.yaml:19:10: error: firms.lab.mfu: expected a number from 0.01 to 1, found 1.7"},
    {"text where a number belongs", "bf16_tflops: 989.4", "bf16_tflops: fast",
     "bad.yaml:8:41: error: chips.h100.bf16_tflops: expected a number from 0 to 1e+06 (TFLOP/s), found 'fast'"},
    {"bad date", "from: 2024-06-01", "from: 2024-13-01",
     "bad.yaml:23:11: error: policies.ctrl.from: expected a date YYYY-MM-DD or YYYY-MM (years 1900-2200), found '2024-13-01'"},
    {"unknown policy type", "type: export_control", "type: export_controls",
     "bad.yaml:22:11: error: policies.ctrl.type: expected one of export_control, diffusion_rule, remote_access_control, "
     "state_dc_domestic_only, import_block, data_localisation, smuggling_enforcement; found 'export_controls' (did you "
     "mean 'export_control'?)"},
    {"key of another policy type", "    action: deny\n", "    action: deny\n    share_blocked: 0.5\n",
     "bad.yaml:27:5: error: policies.ctrl.share_blocked: 'share_blocked' does not apply to a policy of type export_control"},
    {"unknown jurisdiction reference", "destinations: [china]", "destinations: [chna]",
     "bad.yaml:24:19: error: policies.ctrl.destinations: unknown jurisdiction 'chna' (did you mean 'china'?)"},
    {"unknown chip in a production line", "{chip: h100, units_per_month: 1000}", "{chip: h200, units_per_month: 1000}",
     "bad.yaml:13:16: error: producers.nvidia.lines.h200.chip: unknown chip 'h200' (did you mean 'h100'?)"},
    {"unknown owner firm", "owner: lab,", "owner: labs,",
     "bad.yaml:15:56: error: data_centres.lab-dc.owner: unknown firm 'labs' (did you mean 'lab'?)"},
    {"duplicate id", "  - {id: china, diffusion_tier: 3}\n", "  - {id: china, diffusion_tier: 3}\n  - {id: us}\n",
     "bad.yaml:7:5: error: jurisdictions.us: duplicate id 'us' in jurisdictions"},
    {"uppercase id", "id: lab\n", "id: Lab\n",
     "bad.yaml:17:9: error: firms.Lab.id: expected a lowercase id (a-z, 0-9, '-', '_'; at most 64 characters), found 'Lab'"},
    {"missing required key", "    hq: us\n", "",
     "bad.yaml:17:5: error: firms.lab.hq: required key 'hq' is missing"},
    {"list where a mapping belongs", "run: {start: 2024-01-01, end: 2025-01-01, seed: 7}", "run: [2024, 2025]",
     "bad.yaml:3:6: error: run: expected a mapping of keys to values, found a list"},
    {"run ends before it starts", "end: 2025-01-01", "end: 2023-01-01",
     "bad.yaml:3:31: error: run.end: the run must end after it starts (2024-01-01)"},
    {"newer schema", "schema: 1", "schema: 2",
     "bad.yaml:1:9: error: schema: this is schema version 2; this program reads version 1"},
    {"duplicate key", "    hq: us\n", "    hq: us\n    hq: china\n",
     "bad.yaml:19:5: error: duplicate key 'hq' (each key may appear once per mapping)"},
    {"YAML syntax error", "match: [{tpp_min: 4800}]", "match: [{tpp_min: 4800}",
     "bad.yaml:26:5: error: YAML syntax error: end of sequence flow not found"},
    {"triangular mode outside range", "dist: {uniform: [0.3, 0.5]}", "dist: {triangular: [0.5, 0.6]}",
     "bad.yaml:19:58: error: firms.lab.mfu.dist.triangular: the value (the mode) must lie between low and high"},
    {"two distributions", "dist: {uniform: [0.3, 0.5]}", "dist: {uniform: [0.3, 0.5], normal: [0.4, 0.1]}",
     "bad.yaml:19:45: error: firms.lab.mfu.dist: expected exactly one of uniform, triangular, normal, lognormal"},
    {"schedule with a bad date key", "power_mw: 10}", "power_mw: {2024-01: 10, 2025-1: 20}}",
     "bad.yaml:15:85: error: data_centres.lab-dc.power_mw.2025-1: expected a date key YYYY-MM-DD or YYYY-MM, found '2025-1'"},
    {"schedule misspelt points", "power_mw: 10}", "power_mw: {point: {2024-01: 10}}}",
     "bad.yaml:15:72: error: data_centres.lab-dc.power_mw.point: expected a date key YYYY-MM-DD or YYYY-MM, found 'point' "
     "(did you mean 'points'?)"},
    {"policy ends before it starts", "    action: deny\n", "    action: deny\n    until: 2024-01-01\n",
     "bad.yaml:27:12: error: policies.ctrl.until: 'until' must come after 'from' (2024-06-01)"},
    {"export control without match", "    match: [{tpp_min: 4800}]\n", "",
     "bad.yaml:21:5: error: policies.ctrl: a policy of type export_control needs 'match' (which chips)"},
    {"production line with both kinds", "{chip: h100, units_per_month: 1000}",
     "{chip: h100, units_per_month: 1000, dies_per_month: 2000}",
     "bad.yaml:13:9: error: producers.nvidia.lines.h100: give exactly one of units_per_month or dies_per_month"},
    {"boolean spelt yes", "    action: deny\n", "    action: deny\n    enabled: yes\n",
     "bad.yaml:27:14: error: policies.ctrl.enabled: expected true or false, found 'yes'"},
    {"chip without any throughput", "bf16_tflops: 989.4, ", "",
     "bad.yaml:8:5: error: chips.h100: a chip needs at least one of bf16_tflops, fp8_tflops, fp4_tflops above 0"},
    {"schedule with empty points (found by the fuzzer)", "power_mw: 10}", "power_mw: {points:, source: x}}",
     "bad.yaml:15:72: error: data_centres.lab-dc.power_mw.points: a value is required, found nothing"},
    {"schedule with an empty value", "power_mw: 10}", "power_mw: {value: , source: x}}",
     "bad.yaml:15:72: error: data_centres.lab-dc.power_mw.value: a value is required, found nothing"},
    {"empty document", test::kMinimalScenario, "",
     "bad.yaml: error: expected a mapping of keys to values, found nothing (an empty value)"},
};

} // namespace

TEST(MalformedScenarios, EachGivesItsExactError)
{
    for (const Case& c : kCases)
        EXPECT_EQ(firstError(edited(c)), c.error) << "case: " << c.name;
}

TEST(MalformedScenarios, TheMinimalScenarioIsValid)
{
    EXPECT_EQ(firstError(test::kMinimalScenario), "(loaded without error)");
}

TEST(MalformedScenarios, AllProblemsAreReportedNotOnlyTheFirst)
{
    std::string text = test::kMinimalScenario;
    text += "polices: []\nsmugling: []\n";
    try {
        (void)scenario::loadScenarioFromString(text, "bad.yaml");
        FAIL() << "loaded";
    } catch (const scenario::ScenarioError& e) {
        EXPECT_EQ(e.diagnostics().size(), 2u);
    }
}
