// One fuzz input through the scenario loader, shared by the libFuzzer target and the regression
// test in tests/scenario, so a kept input replays exactly as the fuzzer ran it.
//
// Input: a scenario file. Leading lines `#--set KEY=VALUE` (YAML comments, so seeds stay valid
// scenarios) become --set overrides, which reaches applyOverrides too. `extends:` resolves in
// the given folder (the bundled scenarios), so mutants can merge onto real base files.
#pragma once

#include "sim/scenario/loader.hpp"

#include <stdexcept>
#include <string>

namespace cp::fuzz {

inline scenario::LoadOptions optionsFrom(const std::string& text)
{
    scenario::LoadOptions options;
    static const std::string kPrefix = "#--set ";
    std::size_t at = 0;
    while (text.compare(at, kPrefix.size(), kPrefix) == 0 && options.overrides.size() < 8) {
        const std::size_t end = text.find('\n', at);
        const std::string line = text.substr(at + kPrefix.size(), end == std::string::npos ? end : end - at - kPrefix.size());
        const std::size_t eq = line.find('=');
        options.overrides.push_back({line.substr(0, eq), eq == std::string::npos ? std::string() : line.substr(eq + 1)});
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return options;
}

enum class Outcome { Loaded, Rejected };

/// Loads, lints, and sets every parameter that has a distribution (as a Monte Carlo batch
/// does). Bad input is Rejected (a ScenarioError). Loader bugs that are not crashes throw
/// std::logic_error; any exception other than ScenarioError propagates: both are findings.
inline Outcome replay(const std::string& text, const std::string& baseDir)
{
    scenario::Scenario s;
    try {
        s = scenario::loadScenarioFromString(text, "fuzz.yaml", optionsFrom(text), baseDir);
    } catch (const scenario::ScenarioError& e) {
        if (e.diagnostics().empty())
            throw std::logic_error("ScenarioError without diagnostics");
        for (const auto& d : e.diagnostics())
            (void)d.str();
        return Outcome::Rejected;
    }
    (void)scenario::lintScenario(s);
    for (const auto& p : s.params) {
        if (p.dist.kind == scenario::Distribution::Kind::None)
            continue;
        try {
            scenario::applyDraw(s, p, p.central());
        } catch (const scenario::ScenarioError& e) {
            throw std::logic_error(std::string("an accepted distribution cannot be set: ") + e.what());
        }
    }
    return Outcome::Loaded;
}

} // namespace cp::fuzz
