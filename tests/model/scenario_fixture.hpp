// Helpers shared by the model tests: load a bundled scenario (optionally with --set style
// overrides) and read a series at a date.
#pragma once

#include "sim/runner/run.hpp"
#include "sim/scenario/loader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cp::test {

inline std::string scenarioPath(const std::string& name)
{
    return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

inline scenario::Scenario bundled(const std::string& name, std::vector<scenario::Override> overrides = {})
{
    scenario::LoadOptions o;
    o.overrides = std::move(overrides);
    return scenario::loadScenario(scenarioPath(name), o);
}

inline std::vector<std::string> bundledNames()
{
    return {"baseline", "diffusion-rule-kept", "no-h20-ban", "cloud-loophole-closed-2026",
            "h200-to-china", "huawei-fast-ramp", "smuggling-crackdown"};
}

/// Index of the month starting at `date` ("YYYY-MM-DD").
inline std::size_t period(const model::RunResult& r, const std::string& date)
{
    const auto t = *core::parseDate(date);
    for (std::size_t i = 0; i < r.periods.size(); ++i)
        if (r.periods[i] == t)
            return i;
    ADD_FAILURE() << "no period starting " << date;
    return 0;
}

/// Value of (entity, metric) in the month starting at `date`; 0 if the series never appeared
/// (series are created on first non-zero use).
inline double at(const model::RunResult& r, const std::string& entity, const std::string& metric,
                 const std::string& date)
{
    const auto* s = r.find(entity, metric);
    return s ? s->values[period(r, date)] : 0.0;
}

/// Sum of a series over the months in [from, to).
inline double sum(const model::RunResult& r, const std::string& entity, const std::string& metric,
                  const std::string& from, const std::string& to)
{
    const auto* s = r.find(entity, metric);
    if (!s)
        return 0.0;
    double total = 0;
    for (std::size_t i = period(r, from); i < period(r, to); ++i)
        total += s->values[i];
    return total;
}

} // namespace cp::test
