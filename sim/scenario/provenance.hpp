// Every parameter gets a source and a confidence grade, so an analyst can trace any number.
// A value written without its own `source` inherits the one cited for the object it belongs
// to (a chip's spec-sheet citation covers its TFLOPS and bandwidth; a rule's citation its
// thresholds; a production line's its schedule); firms and data centres cite per value. A value without its own
// `confidence` is graded by rule from its source: spec-sheet figures of a cited chip are
// disclosed; a source saying "assumption" is an assumption; other cited figures ([CALC],
// [EST], reported numbers) are estimates; an uncited value is an assumption.
#pragma once

#include "sim/scenario/scenario_spec.hpp"

namespace cp::scenario {

void completeProvenance(Scenario& s);

} // namespace cp::scenario
