// Result files a batch writes: the tidy long CSV (run,scenario,seed,date,entity,metric,value)
// streamed run by run, and the JSON summary with provenance and per-firm headlines (with
// p5/p50/p95 across runs). Both are written atomically.
#pragma once

#include "sim/runner/atomic_file.hpp"
#include "sim/runner/run.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cp::runner {

/// Shortest text that reads back to the same double; "NA" for NaN (pandas and R read it).
[[nodiscard]] std::string formatValue(double v);

class TimeseriesCsvWriter {
public:
    explicit TimeseriesCsvWriter(const std::filesystem::path& path);
    void write(std::size_t run, std::uint64_t seed, const RunResult& result);
    void commit() { m_file.commit(); }

private:
    AtomicFile m_file;
};

/// Collects the headline numbers of every run, then writes the summary.
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

    explicit SummaryBuilder(const scenario::Scenario& scenario) : m_scenario(scenario) {}
    void add(std::size_t run, std::uint64_t seed, const RunResult& result);

    [[nodiscard]] std::string json(const Provenance& provenance) const;
    /// The table printed on stdout: capability and gap at each year end, offshore share.
    [[nodiscard]] std::string table() const;
    [[nodiscard]] const std::vector<std::vector<FirmHeadline>>& runs() const { return m_runs; }

private:
    const scenario::Scenario& m_scenario;
    std::vector<std::vector<FirmHeadline>> m_runs; ///< per run, per firm
    std::vector<std::uint64_t> m_seeds;
    std::vector<std::string> m_fingerprints;
};

/// What a batch writes, fed run by run: `timeseries.csv` when a path is given, and the summary.
/// commit() writes `summary.json` and makes both files appear together. Shared by the batch
/// CLI and the app's Monte Carlo so both write the same files the same way.
class BatchOutput {
public:
    BatchOutput(const scenario::Scenario& scenario, const std::optional<std::filesystem::path>& timeseriesCsv);
    void add(std::size_t run, std::uint64_t seed, const RunResult& result);
    [[nodiscard]] const SummaryBuilder& summary() const { return m_summary; }
    void commit(const std::filesystem::path& summaryJson, const SummaryBuilder::Provenance& provenance);

private:
    std::optional<TimeseriesCsvWriter> m_csv;
    SummaryBuilder m_summary;
};

/// FNV-1a 64 hash of a file's bytes as 16 hex digits (the summary's `scenario_hash`).
[[nodiscard]] std::string hashFile(const std::filesystem::path& path);

/// Percentile (0..100) by linear interpolation between order statistics; NaNs ignored.
[[nodiscard]] double percentile(std::vector<double> values, double p);

} // namespace cp::runner
