// Values that cross between the GUI thread and the simulation worker threads: what to run and
// what came back. Plain data, passed by shared pointer to const, so no state is shared mutably.
#pragma once

#include "sim/model/results.hpp"
#include "sim/scenario/errors.hpp"
#include "sim/scenario/loader.hpp"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cp::gui {

using ResultPtr = std::shared_ptr<const model::RunResult>;
using ScenarioPtr = std::shared_ptr<const scenario::Scenario>;

/// The run being edited, or the pinned reference drawn dashed beside it.
enum class RunKind { Current, Reference };

struct RunRequest {
    RunKind kind = RunKind::Current;
    std::uint64_t generation = 0; ///< newer requests of the same kind make older ones stale
    std::string scenarioPath;
    std::vector<scenario::Override> overrides;
};

struct RunOutcome {
    RunKind kind = RunKind::Current;
    std::uint64_t generation = 0;
    std::string scenarioPath;                  ///< as requested: the run is
    std::vector<scenario::Override> overrides; ///< chokepoint-batch run PATH --set ...
    ScenarioPtr scenario; ///< the scenario as run (base + overrides); null on failure
    ResultPtr result;     ///< null on failure
    std::vector<scenario::Diagnostic> errors; ///< why loading or running failed
    double loadMs = 0, runMs = 0;
    [[nodiscard]] bool ok() const { return result != nullptr; }
};
using RunOutcomePtr = std::shared_ptr<const RunOutcome>;

/// Many runs with uncertain parameters drawn, written like `chokepoint-batch run --runs N`.
struct MonteCarloRequest {
    std::string scenarioPath;
    std::vector<scenario::Override> overrides;
    std::size_t runs = 200;
    unsigned jobs = 1;
    std::string outDir; ///< timeseries.csv and summary.json go here; empty = write nothing
};

struct MonteCarloOutcome {
    bool ok = false;
    bool cancelled = false;
    QString message; ///< error text when !ok
    QString table;   ///< the batch CLI's summary table (p5/p50/p95 across runs)
    std::size_t runsDone = 0;
    double seconds = 0;
    QStringList files;
};
using MonteCarloOutcomePtr = std::shared_ptr<const MonteCarloOutcome>;

/// "file:line:column: error: key: message" lines, as the batch CLI prints them.
[[nodiscard]] QStringList diagnosticLines(const std::vector<scenario::Diagnostic>& diagnostics);

} // namespace cp::gui

Q_DECLARE_METATYPE(cp::gui::RunOutcomePtr)
Q_DECLARE_METATYPE(cp::gui::MonteCarloOutcomePtr)
