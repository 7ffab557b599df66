// Runs shared by the widget tests: the baseline (with the network recorded) and the
// diffusion-rule-kept counterfactual as a reference, each simulated once.
#pragma once

#include "sim/runner/run.hpp"
#include "sim/scenario/loader.hpp"

#include <memory>
#include <string>

namespace cp::test {

struct WidgetRuns {
    scenario::Scenario baseline, counterfactual;
    std::shared_ptr<const model::RunResult> current, reference;
};

inline const WidgetRuns& widgetRuns()
{
    static const WidgetRuns runs = [] {
        WidgetRuns r;
        const std::string dir = CP_WIDGETS_SCENARIO_DIR;
        r.baseline = scenario::loadScenario(dir + "/baseline.yaml");
        r.counterfactual = scenario::loadScenario(dir + "/diffusion-rule-kept.yaml");
        model::WorldOptions o;
        o.recordNetwork = true;
        r.current = std::make_shared<const model::RunResult>(runner::runScenario(r.baseline, 42, o));
        r.reference = std::make_shared<const model::RunResult>(runner::runScenario(r.counterfactual, 42, o));
        return r;
    }();
    return runs;
}

} // namespace cp::test
