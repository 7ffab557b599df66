// Checking a run against the facts: each fact's observed value, its tolerance band and a
// verdict, as a table for the terminal and as Markdown for docs/CALIBRATION.md.
#pragma once

#include "sim/calibration/facts.hpp"
#include "sim/model/results.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <string>
#include <vector>

namespace cp::calibration {

struct Check {
    const Fact* fact = nullptr;
    double observed = 0;   ///< NaN when the observable does not exist in the run
    std::string observedText; ///< formatted, with unit
    std::string bandText;     ///< "7.0e24 .. 6.3e25", "within 6 months", ...
    std::string detail;       ///< what was matched: "OpenAI 2023-01 (started 2022-09)"
    bool pass = false;
    /// What the verdict means for the baseline: a pass, a known miss, or a surprise either way.
    [[nodiscard]] const char* verdict() const;
    [[nodiscard]] bool expected() const { return pass == fact->knownMiss.empty(); }
};

/// True when every fact passes except the known misses, and every known miss still misses.
[[nodiscard]] bool asExpected(const std::vector<Check>& checks);

/// Evaluates every fact against one run of `scenario`.
[[nodiscard]] std::vector<Check> evaluate(const FactSet& facts, const scenario::Scenario& scenario,
                                          const model::RunResult& run);

/// Fixed-width table for a terminal.
[[nodiscard]] std::string formatTable(const std::vector<Check>& checks);
/// id,kind,observed,low,high,result (pass, fail, known_miss): one row per fact.
[[nodiscard]] std::string formatCsv(const std::vector<Check>& checks);
/// Markdown table (id, claim, source, model value, tolerance, verdict).
[[nodiscard]] std::string formatMarkdown(const std::vector<Check>& checks);

} // namespace cp::calibration
