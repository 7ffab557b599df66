// Small YAML text helpers for scenario files the app writes: scalars are emitted plain when
// that is unambiguous and double-quoted otherwise, trees in flow style ({a: 1, b: [x, y]}).
// The loader reads every scalar as text and types it by key, so this round-trips exactly.
#pragma once

#include "sim/scenario/scenario_spec.hpp"
#include "sim/scenario/yaml_tree.hpp"

#include <string>
#include <vector>

namespace cp::gui::yaml {

/// `text` as a YAML scalar: plain when safe, else double-quoted with escapes.
[[nodiscard]] std::string quoteScalar(const std::string& text);
/// A parsed node back as one line of flow-style YAML.
[[nodiscard]] std::string emitFlow(const scenario::YamlNode& node);
/// The shortest text that reads back to the same double.
[[nodiscard]] std::string formatNumber(double v);
/// Parses `valueText` as YAML (as `--set` does); nullptr-like Null node when it is not YAML.
[[nodiscard]] scenario::YamlNode parseValue(const std::string& valueText);
/// Reads a plain number; false when `text` is not one.
[[nodiscard]] bool parseNumber(const std::string& text, double& out);
/// "firms.deepseek.x" -> {"firms", "deepseek", "x"} (the simulation's own splitter).
using scenario::splitKeyPath;

} // namespace cp::gui::yaml
