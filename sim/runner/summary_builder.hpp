// The JSON summary of a batch: provenance, every run's seed and fingerprint, and per-firm
// headlines with exact p5/p50/p95 across runs. Memory stays flat in the number of runs: each
// run's headline numbers, seed and fingerprint go to a RunStore (spilled to a temporary file),
// the percentiles are computed at the end one column at a time, and the per-run lists are
// streamed into the JSON text.
#pragma once

#include "sim/runner/headline_columns.hpp"
#include "sim/runner/run_store.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cp::runner {

class SummaryBuilder {
public:
    struct Provenance {
        std::string programVersion;
        std::string scenarioFile;
        std::string scenarioHash; ///< hash of the scenario file's bytes
        std::uint64_t masterSeed = 0;
        std::size_t runs = 1;
        std::vector<std::string> overrides; ///< --set arguments as given
    };

    /// `blockRuns`: runs kept in memory before a block goes to the spill file (tests use few).
    explicit SummaryBuilder(const scenario::Scenario& scenario, std::size_t blockRuns = 512)
        : m_scenario(scenario), m_blockRuns(blockRuns)
    {
    }
    /// Runs must come in run order.
    void add(std::size_t run, std::uint64_t seed, const model::RunResult& result);

    /// Writes summary.json's text (2-space indented JSON and a newline).
    void writeJson(std::ostream& out, const Provenance& provenance) const;
    [[nodiscard]] std::string json(const Provenance& provenance) const;
    /// The table printed on stdout: capability and gap at each year end, offshore share.
    [[nodiscard]] std::string table() const;
    [[nodiscard]] std::size_t runs() const { return m_store ? m_store->runs() : 0; }

private:
    /// One column's numbers across runs: the first run's value (a one-run summary shows it as
    /// it is) and the percentiles (NaNs ignored).
    struct Spread {
        std::size_t runs = 0;
        double first = 0, p5 = 0, p50 = 0, p95 = 0;
    };
    /// The layout and (empty) store when no run was added, so a summary of nothing still lists the firms.
    void ensureLayout(const model::RunResult* first) const;
    [[nodiscard]] const std::vector<Spread>& spreads() const;

    const scenario::Scenario& m_scenario;
    std::size_t m_blockRuns;
    mutable std::optional<HeadlineColumns> m_columns;
    mutable std::optional<RunStore> m_store;
    std::vector<double> m_row;
    mutable std::optional<std::vector<Spread>> m_spreads; ///< computed once, after the last run
};

} // namespace cp::runner
