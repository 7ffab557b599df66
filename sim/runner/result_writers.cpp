#include "sim/runner/result_writers.hpp"

#include "sim/core/rng.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace cp::runner {

std::string formatValue(double v)
{
    if (std::isnan(v))
        return "NA";
    if (v == 0.0)
        return "0"; // also folds -0.0
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

TimeseriesCsvWriter::TimeseriesCsvWriter(const std::filesystem::path& path) : m_file(path)
{
    m_file.stream() << "run,scenario,seed,date,entity,metric,value\n";
}

void TimeseriesCsvWriter::write(std::size_t run, std::uint64_t seed, const RunResult& result)
{
    std::string prefix = std::to_string(run) + "," + result.scenarioId + "," + std::to_string(seed) + ",";
    std::vector<std::string> dates;
    dates.reserve(result.periods.size());
    for (auto t : result.periods)
        dates.push_back(core::formatDate(t));
    std::string buffer;
    buffer.reserve(1 << 16);
    auto& out = m_file.stream();
    // Period-major: all entities of a month together, the order a reader of one date wants.
    for (std::size_t i = 0; i < result.periods.size(); ++i) {
        for (const auto& s : result.series) {
            buffer += prefix;
            buffer += dates[i];
            buffer += ',';
            buffer += s.entity;
            buffer += ',';
            buffer += s.metric;
            buffer += ',';
            buffer += formatValue(s.values[i]);
            buffer += '\n';
        }
        if (buffer.size() > (1 << 15)) {
            out << buffer;
            buffer.clear();
        }
    }
    out << buffer;
}

double percentile(std::vector<double> values, double p)
{
    std::erase_if(values, [](double v) { return std::isnan(v); });
    std::sort(values.begin(), values.end());
    return percentileOfSorted(values, p);
}

double percentileOfSorted(const std::vector<double>& values, double p)
{
    if (values.empty())
        return std::nan("");
    const double pos = p / 100.0 * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

BatchOutput::BatchOutput(const scenario::Scenario& scenario, const std::optional<std::filesystem::path>& timeseriesCsv)
    : m_summary(scenario)
{
    if (timeseriesCsv)
        m_csv.emplace(*timeseriesCsv);
}

void BatchOutput::add(std::size_t run, std::uint64_t seed, const RunResult& result)
{
    if (m_csv)
        m_csv->write(run, seed, result);
    m_summary.add(run, seed, result);
}

void BatchOutput::commit(const std::filesystem::path& summaryJson, const SummaryBuilder::Provenance& provenance)
{
    AtomicFile json(summaryJson);
    m_summary.writeJson(json.stream(), provenance);
    if (m_csv)
        m_csv->commit();
    json.commit();
}

std::string hashFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(core::fnv1a64(ss.str())));
    return buf;
}

} // namespace cp::runner
