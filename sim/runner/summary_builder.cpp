#include "sim/runner/summary_builder.hpp"

#include "sim/runner/result_writers.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace cp::runner {

void SummaryBuilder::add(std::size_t, std::uint64_t seed, const model::RunResult& result)
{
    ensureLayout(&result);
    m_row.resize(m_columns->size());
    m_columns->read(result, m_row);
    m_store->add(m_row, seed, result.fingerprint);
    m_spreads.reset();
}

void SummaryBuilder::ensureLayout(const model::RunResult* first) const
{
    if (m_columns)
        return;
    m_columns.emplace(m_scenario, first);
    m_store.emplace(m_columns->size(), m_blockRuns);
}

const std::vector<SummaryBuilder::Spread>& SummaryBuilder::spreads() const
{
    if (m_spreads)
        return *m_spreads;
    ensureLayout(nullptr);
    std::vector<Spread> out(m_store->columns());
    for (std::size_t c = 0; c < out.size(); ++c) {
        // One column of every run in memory at a time: 8 bytes per run, only while it is sorted.
        std::vector<double> xs = m_store->column(c);
        Spread& s = out[c];
        s.runs = xs.size();
        s.first = xs.empty() ? std::nan("") : xs.front();
        std::erase_if(xs, [](double v) { return std::isnan(v); });
        std::sort(xs.begin(), xs.end());
        s.p5 = percentileOfSorted(xs, 5);
        s.p50 = percentileOfSorted(xs, 50);
        s.p95 = percentileOfSorted(xs, 95);
    }
    m_spreads = std::move(out);
    return *m_spreads;
}

namespace {
nlohmann::json number(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

// Writes a JSON array as nlohmann's dump(2) does for a member of the top-level object.
template <class Each>
void writeArray(std::ostream& out, std::size_t size, Each each)
{
    if (size == 0) {
        out << "[]";
        return;
    }
    out << "[\n";
    std::size_t i = 0;
    each([&](const std::string& item) { out << "    " << item << (++i < size ? ",\n" : "\n"); });
    out << "  ]";
}
} // namespace

void SummaryBuilder::writeJson(std::ostream& out, const Provenance& pv) const
{
    const auto& spread = spreads();
    auto spreadJson = [&](std::size_t column) -> nlohmann::json {
        const Spread& s = spread[column];
        if (s.runs == 1)
            return number(s.first);
        return {{"p5", number(s.p5)}, {"p50", number(s.p50)}, {"p95", number(s.p95)}};
    };
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
    // The head ends in "\n}"; the per-run lists follow it as members of the same object,
    // streamed from the store rather than built as JSON values (they grow with the runs).
    const std::string head = j.dump(2);
    out.write(head.data(), static_cast<std::streamsize>(head.size() - 2));
    const std::size_t runs = m_store->runs();
    out << ",\n  \"run_seeds\": ";
    writeArray(out, runs, [&](auto emit) {
        m_store->forEachRun([&](std::uint64_t seed, const std::string&) { emit(std::to_string(seed)); });
    });
    out << ",\n  \"run_fingerprints\": ";
    writeArray(out, runs, [&](auto emit) {
        m_store->forEachRun([&](std::uint64_t, const std::string& fp) { emit(nlohmann::json(fp).dump()); });
    });

    nlohmann::ordered_json firms = nlohmann::ordered_json::object();
    for (std::size_t f = 0; f < m_scenario.firms.size(); ++f) {
        nlohmann::ordered_json fj;
        fj["name"] = m_scenario.firms[f].name;
        nlohmann::ordered_json cap = nlohmann::ordered_json::object(), gap = nlohmann::ordered_json::object();
        const auto& years = m_columns->years(f);
        for (std::size_t y = 0; y < years.size(); ++y) {
            cap[std::to_string(years[y])] = spreadJson(m_columns->capability(f, y));
            gap[std::to_string(years[y])] = spreadJson(m_columns->gap(f, y));
        }
        fj["capability_index_at_year_end"] = cap;
        fj["frontier_gap_months_at_year_end"] = gap;
        fj["offshore_training_share"] = spreadJson(m_columns->scalar(f, HeadlineColumns::OffshoreTrainingShare));
        fj["training_flop"] = spreadJson(m_columns->scalar(f, HeadlineColumns::TrainingFlop));
        fj["lease_spend_usd"] = spreadJson(m_columns->scalar(f, HeadlineColumns::LeaseSpendUsd));
        fj["models_released"] = spreadJson(m_columns->scalar(f, HeadlineColumns::ModelsReleased));
        firms[m_scenario.firms[f].id] = fj;
    }
    nlohmann::ordered_json tail;
    tail["firms"] = firms;
    // Drop the tail's opening "{\n": its member continues the object the head opened.
    const std::string text = tail.dump(2);
    out << ",\n";
    out.write(text.data() + 2, static_cast<std::streamsize>(text.size() - 2));
    out << "\n";
}

std::string SummaryBuilder::json(const Provenance& provenance) const
{
    std::ostringstream out;
    writeJson(out, provenance);
    return out.str();
}

std::string SummaryBuilder::table() const
{
    if (runs() == 0)
        return {};
    const auto& spread = spreads();
    std::ostringstream out;
    // Every firm's years come from the same months; the first firm's head the columns.
    const auto& years = m_columns->years(0);
    const bool many = runs() > 1;
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
    // The median of a year column, "-" when it has no number, right-aligned in `width`.
    auto cell = [&](std::size_t f, std::size_t (HeadlineColumns::*column)(std::size_t, std::size_t) const,
                    std::size_t y, int width) {
        const double v = y < m_columns->years(f).size() ? spread[(*m_columns.*column)(f, y)].p50 : std::nan("");
        if (std::isnan(v))
            std::snprintf(buf, sizeof buf, "%*s", width, "-");
        else
            std::snprintf(buf, sizeof buf, "%*.1f", width, v);
        out << buf;
    };
    for (std::size_t f = 0; f < m_scenario.firms.size(); ++f) {
        std::snprintf(buf, sizeof buf, "%-12.12s", m_scenario.firms[f].id.c_str());
        out << buf;
        for (std::size_t y = 0; y < years.size(); ++y)
            cell(f, &HeadlineColumns::capability, y, 7);
        out << "  |";
        for (std::size_t y = 0; y < years.size(); ++y)
            cell(f, &HeadlineColumns::gap, y, 6);
        const Spread& share = spread[m_columns->scalar(f, HeadlineColumns::OffshoreTrainingShare)];
        std::snprintf(buf, sizeof buf, "  | %7.0f%%", 100.0 * share.p50);
        out << buf;
        if (many) {
            std::snprintf(buf, sizeof buf, "  [%3.0f%% .. %3.0f%%]", 100.0 * share.p5, 100.0 * share.p95);
            out << buf;
        }
        out << "\n";
    }
    return out.str();
}

} // namespace cp::runner
