#include "sim/runner/headline_columns.hpp"

#include <limits>
#include <stdexcept>

namespace cp::runner {

namespace {
constexpr std::size_t kUnknown = std::numeric_limits<std::size_t>::max();
constexpr const char* kMetricNames[] = {"capability_index", "frontier_gap_months", "offshore_training_share",
                                        "training_flop_cumulative", "lease_spend_usd", "models_released"};
} // namespace

HeadlineColumns::HeadlineColumns(const scenario::Scenario& scenario, const model::RunResult* first)
{
    std::vector<int> years;
    if (first) {
        m_periods = first->periods;
        for (std::size_t i = 0; i < m_periods.size(); ++i) {
            const int year = core::toDate(m_periods[i]).year;
            if (years.empty() || years.back() != year) {
                years.push_back(year);
                m_yearEnd.push_back(i);
            }
            m_yearEnd.back() = i;
        }
    }
    for (const auto& f : scenario.firms) {
        Firm firm;
        firm.id = f.id;
        std::fill(std::begin(firm.series), std::end(firm.series), kUnknown);
        if (first && first->find(f.id, kMetricNames[Capability]))
            firm.years = years;
        firm.first = m_size;
        m_size += 2 * firm.years.size() + kScalars;
        m_firms.push_back(std::move(firm));
    }
}

const model::Series* HeadlineColumns::find(Firm& firm, Metric m, const model::RunResult& result) const
{
    // The model records these series in the same order every run, so the last run's position
    // is almost always right; checking the names keeps it correct if it is not.
    std::size_t& at = firm.series[m];
    if (at < result.series.size() && result.series[at].entity == firm.id && result.series[at].metric == kMetricNames[m])
        return &result.series[at];
    const auto* s = result.find(firm.id, kMetricNames[m]);
    at = s ? static_cast<std::size_t>(s - result.series.data()) : kUnknown;
    return s;
}

void HeadlineColumns::read(const model::RunResult& result, std::span<double> row)
{
    if (result.periods != m_periods)
        throw std::runtime_error("run " + std::to_string(result.seed) + " has other months than the batch's first run");
    const std::size_t last = m_periods.empty() ? 0 : m_periods.size() - 1;
    auto atEnd = [&](const model::Series* s) { return s && !m_periods.empty() ? s->values[last] : 0.0; };
    for (auto& firm : m_firms) {
        if (!firm.years.empty()) {
            const auto* cap = find(firm, Capability, result);
            const auto* gap = find(firm, Gap, result);
            if (!cap || !gap)
                throw std::runtime_error("a run lacks the capability or frontier gap of firm " + firm.id);
            for (std::size_t y = 0; y < firm.years.size(); ++y) {
                row[firm.first + y] = cap->values[m_yearEnd[y]];
                row[firm.first + firm.years.size() + y] = gap->values[m_yearEnd[y]];
            }
        }
        double* scalars = row.data() + firm.first + 2 * firm.years.size();
        scalars[OffshoreTrainingShare] = atEnd(find(firm, Share, result));
        scalars[TrainingFlop] = atEnd(find(firm, Flop, result));
        double lease = 0;
        if (const auto* s = find(firm, Lease, result))
            for (double v : s->values)
                lease += v;
        scalars[LeaseSpendUsd] = lease;
        // Whole models, as the summary has always counted them.
        scalars[ModelsReleased] = static_cast<double>(static_cast<int>(atEnd(find(firm, Models, result))));
    }
}

} // namespace cp::runner
