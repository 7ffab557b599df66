// Monthly recording: dense series per (entity, metric), created on first use and zero-filled
// for earlier months so every series has one value per period.
#include "sim/model/world.hpp"

#include <cmath>
#include <limits>

namespace cp::model {

const Series* RunResult::find(std::string_view entity, std::string_view metric) const
{
    for (const auto& s : series)
        if (s.entity == entity && s.metric == metric)
            return &s;
    return nullptr;
}

Series& World::series(const std::string& entity, EntityKind kind, const std::string& metric)
{
    auto key = std::make_pair(entity, metric);
    auto it = m_seriesIndex.find(key);
    if (it == m_seriesIndex.end()) {
        m_result.series.push_back({entity, kind, metric, std::vector<double>(m_result.periods.size(), 0.0)});
        it = m_seriesIndex.emplace(std::move(key), m_result.series.size() - 1).first;
    }
    return m_result.series[it->second];
}

double* World::newColumn(const std::string& entity, EntityKind kind, const char* metric)
{
    // Creation order and names exactly as series() gives them; with distinct names (see
    // WorldIndex::seriesNamesDistinct) no lookup can find an earlier series, so none is made.
    if (!m_index.seriesNamesDistinct)
        return series(entity, kind, metric).values.data();
    m_result.series.push_back({entity, kind, metric, std::vector<double>(m_result.periods.size(), 0.0)});
    return m_result.series.back().values.data();
}

void World::record(std::size_t period, SimTime)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::size_t nFirms = m_firms.size(), nChips = m_s.chips.size(), nDcs = m_dcs.size(),
                      nJur = m_s.jurisdictions.size();
    // Column layout: firm metrics, firm x chip, data centre (2), jurisdiction (2), chip ledger (7).
    constexpr std::size_t kFirmMetrics = 16, kDcMetrics = 2, kJurMetrics = 2, kLedgerMetrics = 7;
    const std::size_t firmChipBase = nFirms * kFirmMetrics, dcBase = firmChipBase + nFirms * nChips,
                      jurBase = dcBase + nDcs * kDcMetrics, ledgerBase = jurBase + nJur * kJurMetrics;
    if (m_recordColumns.empty())
        m_recordColumns.assign(ledgerBase + nChips * kLedgerMetrics, nullptr);
    double frontier = -1;
    for (const auto& fs : m_firms)
        frontier = std::max(frontier, fs.capability);
    const double pointsPerMonth = m_s.capability.frontierPointsPerYear / 12.0;
    for (std::size_t f = 0; f < nFirms; ++f) {
        const auto& id = m_s.firms[f].id;
        const auto& fs = m_firms[f];
        double** columns = &m_recordColumns[f * kFirmMetrics];
        auto put = [&, k = std::size_t{0}](const char* metric, double v) mutable {
            column(columns[k++], id, EntityKind::Firm, metric)[period] = v;
        };
        const bool hasModel = fs.capability >= 0;
        put("capability_index", hasModel ? fs.capability : nan);
        put("frontier_gap_months", hasModel ? (frontier - fs.capability) / pointsPerMonth : nan);
        put("compute_home_h100e", fs.homeH100e);
        put("compute_offshore_h100e", fs.offshoreH100e);
        put("compute_smuggled_h100e", fs.smuggledH100e);
        put("compute_leased_h100e", fs.leasedH100e);
        put("compute_leased_offshore_h100e", fs.leasedOffshoreH100e);
        put("compute_domestic_chips_h100e", fs.domesticChipH100e);
        put("inference_h100e", fs.inferenceH100e);
        put("training_home_h100e", fs.trainingHomeH100e);
        put("training_offshore_h100e", fs.trainingOffshoreH100e);
        put("training_flop_cumulative", fs.trainingFlopCumulative);
        put("offshore_training_share", fs.trainingFlopCumulative > 0
                                           ? fs.offshoreTrainingFlopCumulative / fs.trainingFlopCumulative
                                           : 0.0);
        put("domestic_data_flop_offshore_cumulative", fs.domesticDataFlopOffshoreCumulative);
        put("lease_spend_usd", fs.leaseSpendUsd);
        put("models_released", fs.modelsReleased);
        for (std::size_t c = 0; c < fs.byChip.size(); ++c) {
            if (fs.byChip[c] <= 0)
                continue;
            double*& col = m_recordColumns[firmChipBase + f * nChips + c];
            if (!col)
                col = newColumn(id + "/" + m_s.chips[c].id, EntityKind::Firm, "compute_h100e");
            col[period] = fs.byChip[c];
        }
    }
    // Jurisdictions: installed chips where they physically sit.
    m_jurUnits.assign(nJur, 0.0);
    m_jurH100e.assign(nJur, 0.0);
    refreshCapacity();
    // From each site's integer tallies by chip: unit counts are exact in a double.
    for (std::size_t d = 0; d < nDcs; ++d) {
        const auto& chipUnits = m_dcs[d].chipUnits;
        const auto ji = m_dcJurisdiction[d];
        std::int64_t units = 0, foreign = 0;
        for (std::size_t c = 0; c < nChips; ++c) {
            units += chipUnits[c];
            if (!m_index.designedAt(c, d))
                foreign += chipUnits[c];
            m_jurH100e[ji] += static_cast<double>(chipUnits[c]) * m_chipH100e[c];
        }
        m_jurUnits[ji] += static_cast<double>(units);
        const auto& dc = m_s.dataCentres[d];
        double** columns = &m_recordColumns[dcBase + d * kDcMetrics];
        column(columns[0], dc.id, EntityKind::DataCentre, "capacity_h100e")[period] = m_dcs[d].capacityH100e;
        column(columns[1], dc.id, EntityKind::DataCentre, "foreign_chips_units")[period] = static_cast<double>(foreign);
    }
    for (std::size_t j = 0; j < nJur; ++j) {
        const auto& id = m_s.jurisdictions[j].id;
        double** columns = &m_recordColumns[jurBase + j * kJurMetrics];
        column(columns[0], id, EntityKind::Jurisdiction, "chips_installed_h100e")[period] = m_jurH100e[j];
        column(columns[1], id, EntityKind::Jurisdiction, "chips_installed_units")[period] = m_jurUnits[j];
    }
    // Routes in name order, shipments then smuggled then seized: the order series are created in.
    const auto& routes = m_index.routeNames;
    if (m_routeColumns.empty())
        m_routeColumns.assign(routes.size() * 3, nullptr);
    for (std::size_t r = 0; r < routes.size(); ++r)
        if (m_routeMonth[r].hasShipped)
            column(m_routeColumns[r * 3], routes[r], EntityKind::Route, "shipments_units")[period] = m_routeMonth[r].shipped;
    for (std::size_t r = 0; r < routes.size(); ++r)
        if (m_routeMonth[r].hasSmuggled)
            column(m_routeColumns[r * 3 + 1], routes[r], EntityKind::Route, "smuggled_units")[period] =
                m_routeMonth[r].smuggled;
    for (std::size_t r = 0; r < routes.size(); ++r)
        if (m_routeMonth[r].hasSmuggled)
            column(m_routeColumns[r * 3 + 2], routes[r], EntityKind::Route, "seized_units")[period] = m_routeMonth[r].seized;
    for (std::size_t c = 0; c < nChips; ++c) {
        const auto& l = m_ledger[c];
        const auto& id = m_s.chips[c].id;
        double** columns = &m_recordColumns[ledgerBase + c * kLedgerMetrics];
        auto put = [&, k = std::size_t{0}](const char* metric, std::int64_t v) mutable {
            column(columns[k++], id, EntityKind::Chip, metric)[period] = static_cast<double>(v);
        };
        put("ledger_initial", l.initial);
        put("ledger_produced_cumulative", l.produced);
        put("ledger_at_producer", l.atProducer);
        put("ledger_in_transit", l.inTransit);
        put("ledger_installed", l.installed);
        put("ledger_seized_cumulative", l.seized);
        put("ledger_retired_cumulative", l.retired);
    }
}

} // namespace cp::model
