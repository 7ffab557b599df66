// The per-firm headline numbers of one run as a flat row of doubles, the unit a batch summary
// stores per run. Per firm: capability index and months behind the frontier at each year's
// end (the last recorded month of the year), then offshore share of training FLOP, training
// FLOP and models released at the end, and lease spend summed over the run.
#pragma once

#include "sim/model/results.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <span>
#include <string>
#include <vector>

namespace cp::runner {

class HeadlineColumns {
public:
    enum Scalar { OffshoreTrainingShare, TrainingFlop, LeaseSpendUsd, ModelsReleased, kScalars };

    /// The layout follows the first run of a batch (its months, which firms have a capability
    /// series); nullptr (no run) gives the firms no years.
    HeadlineColumns(const scenario::Scenario& scenario, const model::RunResult* first);

    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] std::size_t firms() const { return m_firms.size(); }
    /// Years with a value for firm `f`, ascending.
    [[nodiscard]] const std::vector<int>& years(std::size_t f) const { return m_firms[f].years; }
    [[nodiscard]] std::size_t capability(std::size_t f, std::size_t year) const { return m_firms[f].first + year; }
    [[nodiscard]] std::size_t gap(std::size_t f, std::size_t year) const
    {
        return m_firms[f].first + m_firms[f].years.size() + year;
    }
    [[nodiscard]] std::size_t scalar(std::size_t f, Scalar s) const
    {
        return m_firms[f].first + 2 * m_firms[f].years.size() + static_cast<std::size_t>(s);
    }

    /// Writes `result`'s numbers into `row` (size() values). Throws std::runtime_error when the
    /// run's months differ from the first run's or it lacks a series the first run had.
    void read(const model::RunResult& result, std::span<double> row);

private:
    enum Metric { Capability, Gap, Share, Flop, Lease, Models, kMetrics };
    struct Firm {
        std::string id;
        std::vector<int> years;
        std::size_t first = 0; ///< its first column
        std::size_t series[kMetrics];  ///< where each metric sat in the last run read
    };
    const model::Series* find(Firm& firm, Metric m, const model::RunResult& result) const;

    std::vector<Firm> m_firms;
    std::vector<core::SimTime> m_periods;
    std::vector<std::size_t> m_yearEnd; ///< per year, the index of its last month
    std::size_t m_size = 0;
};

} // namespace cp::runner
