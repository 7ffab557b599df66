// Turns a merged scenario tree into the plain Scenario: typed reading, ranges, unknown keys.
// Cross-references between objects are checked afterwards (validate.cpp).
#pragma once

#include "sim/scenario/reader.hpp"

namespace cp::scenario {

void buildScenario(const YamlNode& root, Scenario& out, BuildContext& ctx);

} // namespace cp::scenario
