#include "sim/runner/result_writers.hpp"

#include "sim/core/rng.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
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
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const double pos = p / 100.0 * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

void SummaryBuilder::add(std::size_t, std::uint64_t seed, const RunResult& result)
{
    m_runs.push_back(headlines(m_scenario, result));
    m_seeds.push_back(seed);
    m_fingerprints.push_back(result.fingerprint);
}

namespace {
nlohmann::json number(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

nlohmann::json spread(const std::vector<double>& xs)
{
    if (xs.size() == 1)
        return number(xs.front());
    return {{"p5", number(percentile(xs, 5))}, {"p50", number(percentile(xs, 50))}, {"p95", number(percentile(xs, 95))}};
}
} // namespace

std::string SummaryBuilder::json(const Provenance& pv) const
{
    nlohmann::ordered_json j;
    j["program"] = "chokepoint";
    j["version"] = pv.programVersion;
    j["scenario"] = {{"id", m_scenario.id}, {"name", m_scenario.name}, {"file", pv.scenarioFile},
                     {"hash", pv.scenarioHash}, {"extends", m_scenario.extends},
                     {"start", core::formatDate(m_scenario.run.start)}, {"end", core::formatDate(m_scenario.run.end)}};
    j["seed"] = pv.masterSeed;
    j["runs"] = pv.runs;
    j["overrides"] = pv.overrides;
    j["data_vintage"] = "../shared/domain (reference-data.json, domain.md)";
    nlohmann::ordered_json params = nlohmann::ordered_json::object();
    for (const auto& p : m_scenario.params) {
        nlohmann::ordered_json e = {{"value", p.value}};
        if (!p.unit.empty())
            e["unit"] = p.unit;
        if (!p.source.empty())
            e["source"] = p.source;
        if (p.sourceInherited)
            e["source_from"] = "enclosing object";
        e["confidence"] = scenario::toString(p.confidence);
        if (p.confidenceByRule)
            e["confidence_from"] = "rule";
        params[p.path] = e;
    }
    j["parameters"] = params;
    j["run_seeds"] = m_seeds;
    j["run_fingerprints"] = m_fingerprints;
    nlohmann::ordered_json firms = nlohmann::ordered_json::object();
    for (std::size_t f = 0; f < m_scenario.firms.size(); ++f) {
        nlohmann::ordered_json fj;
        fj["name"] = m_scenario.firms[f].name;
        auto collect = [&](auto get) {
            std::vector<double> xs;
            for (const auto& run : m_runs)
                xs.push_back(get(run[f]));
            return spread(xs);
        };
        nlohmann::ordered_json cap = nlohmann::ordered_json::object(), gap = nlohmann::ordered_json::object();
        if (!m_runs.empty()) {
            for (const auto& [year, v] : m_runs.front()[f].capabilityByYear) {
                (void)v;
                cap[std::to_string(year)] = collect([&](const FirmHeadline& h) { return h.capabilityByYear.at(year); });
                gap[std::to_string(year)] = collect([&](const FirmHeadline& h) { return h.gapMonthsByYear.at(year); });
            }
        }
        fj["capability_index_at_year_end"] = cap;
        fj["frontier_gap_months_at_year_end"] = gap;
        fj["offshore_training_share"] = collect([](const FirmHeadline& h) { return h.offshoreTrainingShare; });
        fj["training_flop"] = collect([](const FirmHeadline& h) { return h.trainingFlop; });
        fj["lease_spend_usd"] = collect([](const FirmHeadline& h) { return h.leaseSpendUsd; });
        fj["models_released"] = collect([](const FirmHeadline& h) { return static_cast<double>(h.modelsReleased); });
        firms[m_scenario.firms[f].id] = fj;
    }
    j["firms"] = firms;
    return j.dump(2) + "\n";
}

std::string SummaryBuilder::table() const
{
    std::ostringstream out;
    if (m_runs.empty())
        return {};
    std::set<int> years;
    for (const auto& [y, v] : m_runs.front().front().capabilityByYear)
        years.insert(y);
    const bool many = m_runs.size() > 1;
    char buf[64];
    out << "Capability index at year end" << (many ? " (median of runs)" : "") << "  |  gap to frontier, months"
        << "  |  offshore share of training FLOP\n";
    out << "firm        ";
    for (int y : years) {
        std::snprintf(buf, sizeof buf, "%7d", y);
        out << buf;
    }
    out << "  |";
    for (int y : years) {
        std::snprintf(buf, sizeof buf, "%6d", y);
        out << buf;
    }
    out << "  | offshore" << (many ? "  [p5 .. p95]" : "") << "\n";
    for (std::size_t f = 0; f < m_scenario.firms.size(); ++f) {
        std::snprintf(buf, sizeof buf, "%-12.12s", m_scenario.firms[f].id.c_str());
        out << buf;
        auto med = [&](auto get) {
            std::vector<double> xs;
            for (const auto& run : m_runs)
                xs.push_back(get(run[f]));
            return percentile(xs, 50);
        };
        for (int y : years) {
            const double v = med([&](const FirmHeadline& h) { return h.capabilityByYear.at(y); });
            if (std::isnan(v))
                std::snprintf(buf, sizeof buf, "%7s", "-");
            else
                std::snprintf(buf, sizeof buf, "%7.1f", v);
            out << buf;
        }
        out << "  |";
        for (int y : years) {
            const double v = med([&](const FirmHeadline& h) { return h.gapMonthsByYear.at(y); });
            if (std::isnan(v))
                std::snprintf(buf, sizeof buf, "%6s", "-");
            else
                std::snprintf(buf, sizeof buf, "%6.1f", v);
            out << buf;
        }
        std::vector<double> shares;
        for (const auto& run : m_runs)
            shares.push_back(run[f].offshoreTrainingShare);
        std::snprintf(buf, sizeof buf, "  | %7.0f%%", 100.0 * percentile(shares, 50));
        out << buf;
        if (many) {
            std::snprintf(buf, sizeof buf, "  [%3.0f%% .. %3.0f%%]", 100.0 * percentile(shares, 5), 100.0 * percentile(shares, 95));
            out << buf;
        }
        out << "\n";
    }
    return out.str();
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
    json.stream() << m_summary.json(provenance);
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
