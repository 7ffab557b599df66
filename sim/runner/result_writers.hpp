// Result files a batch writes: the tidy long CSV (run,scenario,seed,date,entity,metric,value)
// streamed run by run, and the JSON summary with provenance and per-firm headlines (with
// p5/p50/p95 across runs). Both are written atomically.
#pragma once

#include "sim/runner/atomic_file.hpp"
#include "sim/runner/run.hpp"
#include "sim/runner/summary_builder.hpp"

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
/// The same for values already sorted and free of NaNs (several percentiles of one sort).
[[nodiscard]] double percentileOfSorted(const std::vector<double>& sorted, double p);

} // namespace cp::runner
