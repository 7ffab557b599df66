// `chokepoint-batch calibrate`: one run of the baseline against resources/calibration/facts.yaml.
#include "app/batch/commands.hpp"

#include "sim/calibration/evaluate.hpp"
#include "sim/runner/atomic_file.hpp"
#include "sim/runner/run.hpp"

#include <filesystem>
#include <iostream>

namespace cp::batch {
namespace fs = std::filesystem;

namespace {

// The default facts file, from the working directory or else from the source tree the
// program was built from (so it works from build/ as well as from the repository root).
std::string defaultFacts()
{
    const fs::path rel = "resources/calibration/facts.yaml";
    if (fs::exists(rel))
        return rel.string();
    return (fs::path(CHOKEPOINT_SOURCE_DIR) / rel).string();
}

} // namespace

int calibrateCommand(const CalibrateArgs& args)
{
    scenario::LoadOptions options;
    if (!parseSets(args.sets, options.overrides))
        return 2;
    const std::string factsPath = args.facts.empty() ? defaultFacts() : args.facts;
    try {
        const calibration::FactSet facts = calibration::loadFacts(factsPath);
        const std::string scenarioPath = !args.scenario.empty()
                                             ? args.scenario
                                             : (fs::path(factsPath).parent_path() / facts.scenario).lexically_normal().string();
        const scenario::Scenario scen = scenario::loadScenario(scenarioPath, options);
        const std::uint64_t seed = args.seedGiven ? args.seed : scen.run.seed;
        const runner::RunResult run = runner::runScenario(scen, seed);
        const auto checks = calibration::evaluate(facts, scen, run);
        std::cout << scen.name << " (" << scenarioPath << "), seed " << seed << ", against " << factsPath << "\n\n"
                  << calibration::formatTable(checks);
        if (!args.markdown.empty()) {
            runner::AtomicFile md(args.markdown);
            md.stream() << calibration::formatMarkdown(checks);
            md.commit();
        }
        if (!args.csv.empty()) {
            runner::AtomicFile csv(args.csv);
            csv.stream() << calibration::formatCsv(checks);
            csv.commit();
        }
        if (!args.releases.empty()) {
            runner::AtomicFile csv(args.releases);
            csv.stream() << "firm,name,start,release,physical_flop,effective_flop,capability_index,offshore_share\n";
            csv.stream().precision(17);
            for (const auto& r : run.releases)
                csv.stream() << r.firm << ",\"" << r.name << "\"," << core::formatDate(r.start) << ","
                             << core::formatDate(r.release) << "," << r.physicalFlop << "," << r.effectiveFlop << ","
                             << r.index << "," << r.offshoreShare << "\n";
            csv.commit();
        }
        return calibration::asExpected(checks) ? 0 : 1;
    } catch (const scenario::ScenarioError& e) {
        printDiagnostics(e);
        return 2;
    } catch (const std::exception& e) {
        std::cerr << factsPath << ": calibration failed: " << e.what() << "\n";
        return 1;
    }
}

} // namespace cp::batch
