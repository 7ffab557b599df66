// Loading scenario files: YAML -> `extends:` merge -> `--set` overrides -> typed Scenario ->
// cross-reference checks. Every failure is a ScenarioError listing all problems found with
// file:line:column and key path. yaml-cpp is an implementation detail of this library.
#pragma once

#include "sim/scenario/errors.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <functional>
#include <string>
#include <vector>

namespace cp::scenario {

/// `--set KEY=VALUE`: KEY is a dotted path with list items named by id
/// (firms.deepseek.mfu, policies.us-diffusion-rule.enabled, run.end).
struct Override {
    std::string path;
    std::string value;
};

struct LoadOptions {
    std::vector<Override> overrides;
    /// `extends:` may only reach files inside this folder; empty = the top file's folder.
    std::string sandboxRoot;
};

/// The most files one `extends:` chain may hold: the top file (or text) and 7 bases.
inline constexpr int kMaxExtendsDepth = 8;

Scenario loadScenario(const std::string& path, const LoadOptions& options = {});
/// Loads from text; `name` is used in messages and `extends:` resolves against baseDir.
Scenario loadScenarioFromString(const std::string& text, const std::string& name, const LoadOptions& options = {},
                                const std::string& baseDir = {});

/// Non-fatal findings: values without a source, stale sources, policies that never take
/// effect in the run window.
std::vector<Diagnostic> lintScenario(const Scenario& s);

/// Sets a scalar numeric parameter by key path (as in ParamInfo::path) on a loaded scenario,
/// checking its range. Used by Monte Carlo sampling and the GUI. Throws ScenarioError.
void setNumericParam(Scenario& s, const std::string& path, double value);

/// Sets one parameter on the scenario it was resolved against or on any copy of it (it holds
/// list indices, not pointers), checking the range like setNumericParam. Throws ScenarioError.
using NumericParamSetter = std::function<void(Scenario&, double)>;

/// setNumericParam with the path parsed and the object found once: for setting the same
/// parameter many times (Monte Carlo). Throws ScenarioError for a path that names nothing.
[[nodiscard]] NumericParamSetter resolveNumericParam(const Scenario& s, const std::string& path);

/// The setter Monte Carlo applies a draw of `param`'s distribution with: a scalar or a
/// single-valued schedule takes the drawn value; a dated schedule becomes its points in `base`
/// times the drawn factor (kept within the parameter's valid range), so applying it again to
/// the same copy does not compound. Throws ScenarioError for a parameter that names nothing.
[[nodiscard]] NumericParamSetter resolveDraw(const Scenario& base, const ParamInfo& param);

/// Applies one draw on `s` (resolveDraw against `s` itself). Throws ScenarioError.
void applyDraw(Scenario& s, const ParamInfo& param, double draw);

} // namespace cp::scenario
