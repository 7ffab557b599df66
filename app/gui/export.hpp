// What the app writes besides scenario files: the run's data in exactly the batch CLI's
// formats (tidy timeseries.csv and summary.json, through the same writers), and the provenance
// line printed under exported charts.
#pragma once

#include "app/gui/run_types.hpp"
#include "sim/runner/result_writers.hpp"

#include <QString>
#include <QStringList>

namespace cp::gui {

/// The batch CLI's provenance block for `chokepoint-batch run PATH --set ...`.
[[nodiscard]] runner::SummaryBuilder::Provenance provenanceFor(const std::string& scenarioPath,
                                                               const std::vector<scenario::Override>& overrides,
                                                               std::uint64_t seed, std::size_t runs);

/// Writes DIR/timeseries.csv and DIR/summary.json for one run, byte for byte what
/// `chokepoint-batch run PATH --set ... --out DIR` writes. Returns the files; throws
/// std::runtime_error when they cannot be written.
QStringList writeRunData(const QString& dir, const scenario::Scenario& scenario, const model::RunResult& result,
                         const std::string& scenarioPath, const std::vector<scenario::Override>& overrides);

/// "Chokepoint 0.1.0 · scenario baseline (baseline.yaml + 2 changes: ...) · seed 42".
[[nodiscard]] QString provenanceFooter(const scenario::Scenario& scenario, const QString& basePath,
                                       const std::vector<scenario::Override>& overrides);

} // namespace cp::gui
