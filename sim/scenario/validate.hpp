// Cross-reference checks on a typed scenario: unique ids, every id that refers to another
// object exists, dates in order.
#pragma once

#include "sim/scenario/reader.hpp"

namespace cp::scenario {

void validateScenario(const Scenario& s, BuildContext& ctx);

} // namespace cp::scenario
