// The monthly compute market: data centres' installed capacity goes to their owners, and the
// capacity of leasing operators flows to firms with leasing budgets over a network cut by the
// diffusion rule's leasing restriction and remote-access controls (min-cost flow: firms take
// the cheapest open capacity first). Then each firm's compute is split by site and use.
#include "sim/model/flow_units.hpp"
#include "sim/model/world.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace cp::model {

double World::controlledShare(int d, const scenario::Policy& p) const
{
    const auto& st = m_dcs[static_cast<std::size_t>(d)];
    if (st.capacityH100e <= 0)
        return 0.0;
    double controlled = 0;
    for (const auto& c : st.cohorts)
        if (m_rules.chipMatches(p, m_s.chips[static_cast<std::size_t>(c.chip)]))
            controlled += c.h100e;
    return std::clamp(controlled / st.capacityH100e, 0.0, 1.0);
}

// The arcs from leasing data centres to firms. Where the firms open to a site want more than
// it holds, each firm's fair share of it (capacity x its demand / their demand) comes in
// tranches a cent per H100e-hour apart, and anything beyond the share one cent dearer still:
// every firm gets its first tranche at the site before any gets a second, so a scarce cheap
// site is shared in proportion to demand, not in the order the file lists firms.
void World::addLeaseArcs()
{
    constexpr int kTranches = 5;
    auto& [dcNode, firmNode, budget, cheapest, demand, edges] = m_lease;
    auto& wanted = m_leaseWanted; // by data centre: demand of the firms open to it
    wanted.assign(m_s.dataCentres.size(), 0.0);
    for (const LeaseEdge& le : edges)
        wanted[le.dc] += demand[le.firm];
    for (LeaseEdge& le : edges) {
        const double capacity = m_dcs[le.dc].capacityH100e;
        const double limit = le.open * capacity;
        const auto cost = static_cast<std::int64_t>(roundCost(le.price * 100.0));
        if (wanted[le.dc] <= capacity) {
            le.edge = m_flow.addEdge(dcNode[le.dc], firmNode[le.firm], toFlow(limit), cost);
            continue;
        }
        const double fair = std::min(limit, capacity * demand[le.firm] / wanted[le.dc]);
        std::array<net::FlowPiece, kTranches + 1> tranches;
        for (int k = 0; k < kTranches; ++k)
            tranches[static_cast<std::size_t>(k)] = {toFlow(fair / kTranches), cost + k};
        tranches[kTranches] = {toFlow(limit - fair), cost + kTranches};
        le.edge = m_flow.addConvexEdge(dcNode[le.dc], firmNode[le.firm], tranches);
    }
}

void World::computeMarket(SimTime t0, SimTime t1)
{
    const auto& dcs = m_s.dataCentres;
    const auto& firms = m_s.firms;
    refreshCapacity();
    for (auto& f : m_firms) {
        std::fill(f.leasedFrom.begin(), f.leasedFrom.end(), 0.0);
        f.leaseSpendUsd = 0;
    }

    m_flow.clear();
    const net::NodeIndex src = m_flow.addNode(), sink = m_flow.addNode();
    m_lease.reset(firms.size(), dcs.size());
    auto& [dcNode, firmNode, budget, cheapest, leaseDemand, edges] = m_lease;
    for (std::size_t f = 0; f < firms.size(); ++f)
        budget[f] = firms[f].leaseBudgetUsdPerMonth.at(t0);
    const std::span<const SimTime> cuts = m_rules.boundariesWithin(t0, t1);
    for (std::size_t d = 0; d < dcs.size(); ++d) {
        const auto& dc = dcs[d];
        if (!dc.owner.empty() || m_dcs[d].capacityH100e <= 0)
            continue;
        const double price = dc.leasePriceUsdPerH100eHour.at(t0);
        for (std::size_t f = 0; f < firms.size(); ++f) {
            const auto& firm = firms[f];
            if (budget[f] <= 0 || m_index.leaseRefused[f * dcs.size() + d])
                continue;
            const RouteDecision dec = m_rules.averaged(t0, t1, cuts, [&](SimTime t) {
                return m_rules.leaseDecision(f, d, t, [&](const scenario::Policy& p) {
                    return controlledShare(static_cast<int>(d), p);
                });
            });
            reportBlock(m_leaseNoted, f * dcs.size() + d, dec, net::RouteKind::Lease, dc.id, firm.id, {}, dc.id);
            if (dec.open <= 0)
                continue;
            if (dcNode[d] < 0) {
                dcNode[d] = m_flow.addNode();
                m_flow.addEdge(src, dcNode[d], toFlow(m_dcs[d].capacityH100e), 0);
            }
            if (firmNode[f] < 0)
                firmNode[f] = m_flow.addNode();
            cheapest[f] = std::min(cheapest[f], price);
            edges.push_back({-1, f, d, price, dec.open});
        }
    }
    const double hours = m_s.market.leaseHoursPerMonth;
    for (std::size_t f = 0; f < firms.size(); ++f) {
        if (firmNode[f] < 0)
            continue;
        double demand = budget[f] / (cheapest[f] * hours);
        // A firm with a compute target leases only the gap its own data centres leave.
        if (const double target = firms[f].computeTargetH100e.at(t0); target > 0) {
            double owned = 0;
            for (std::size_t d = 0; d < dcs.size(); ++d)
                if (m_index.ownCompute[f * dcs.size() + d])
                    owned += m_dcs[d].capacityH100e;
            demand = std::min(demand, std::max(0.0, target - owned));
        }
        leaseDemand[f] = demand;
        m_flow.addEdge(firmNode[f], sink, toFlow(demand), 0);
    }
    if (edges.empty())
        return;
    addLeaseArcs();
    m_flow.solve(src, sink);
    for (const LeaseEdge& le : edges) {
        const double h = static_cast<double>(m_flow.flow(le.edge)) / kFlowScale;
        auto& fs = m_firms[le.firm];
        auto& active = m_leaseActive[le.firm * dcs.size() + le.dc];
        const bool was = active;
        const auto& firm = firms[le.firm];
        const auto& dc = dcs[le.dc];
        if (h > 0) {
            fs.leasedFrom[le.dc] += h;
            fs.leaseSpendUsd += h * le.price * hours;
            if (m_opt.recordNetwork)
                addNetworkEdge({dc.id, firm.id, {}, net::RouteKind::Lease, h, false, false, {}, {}, 0});
        }
        const bool now = h >= 1.0;
        if (now != was) {
            active = now;
            log(t0, LogKind::Lease,
                now ? firm.name + " leases capacity at " + dc.name + " (" + dc.location + ", operator " + dc.operatorName + ")"
                    : firm.name + "'s lease at " + dc.name + " ends",
                firm.id);
        }
    }
}

// Each site's capacity by chip, as shares of it, from the integer unit tallies (so a month
// costs sites x chips, not firms x cohorts). The firms' split below reads only these shares.
void World::refreshSiteMix()
{
    const std::size_t nChips = m_chipH100e.size();
    m_siteMix.resize(m_dcs.size());
    for (std::size_t d = 0; d < m_dcs.size(); ++d) {
        const auto& st = m_dcs[d];
        SiteMix& mix = m_siteMix[d];
        mix.chips.clear();
        mix.smuggled = mix.native = 0;
        const double capacity = st.capacityH100e;
        if (capacity <= 0)
            continue;
        double smuggled = 0, native = 0;
        for (std::size_t c = 0; c < nChips; ++c) {
            if (st.chipUnits[c] == 0)
                continue;
            const double h100e = static_cast<double>(st.chipUnits[c]) * m_chipH100e[c];
            mix.chips.push_back({c, h100e / capacity});
            smuggled += static_cast<double>(st.smuggledUnits[c]) * m_chipH100e[c];
            if (m_index.designedAt(c, d))
                native += h100e;
        }
        mix.smuggled = smuggled / capacity;
        mix.native = native / capacity;
    }
}

void World::allocateFirmCompute(SimTime t0)
{
    refreshSiteMix();
    const std::size_t nDcs = m_dcs.size();
    for (std::size_t f = 0; f < m_firms.size(); ++f) {
        const auto& firm = m_s.firms[f];
        auto& fs = m_firms[f];
        const int hq = m_index.firmHq[f];
        std::fill(fs.byChip.begin(), fs.byChip.end(), 0.0);
        fs.homeH100e = fs.offshoreH100e = fs.smuggledH100e = fs.leasedH100e = fs.leasedOffshoreH100e = fs.domesticChipH100e = 0;
        for (std::size_t d = 0; d < nDcs; ++d) {
            double amount = fs.leasedFrom[d];
            const bool own = m_index.ownCompute[f * nDcs + d];
            // Leased amounts are +0 or more, and so are the sums: adding a +0 leaves them as they are.
            if (amount <= 0 && !own)
                continue;
            const auto& st = m_dcs[d];
            const bool home = m_index.dcLocation[d] == hq;
            fs.leasedH100e += amount;
            if (!home)
                fs.leasedOffshoreH100e += amount;
            const double capacity = st.capacityH100e;
            if (own)
                amount += capacity;
            if (amount <= 0 || capacity <= 0)
                continue;
            (home ? fs.homeH100e : fs.offshoreH100e) += amount;
            const SiteMix& mix = m_siteMix[d];
            for (const auto& [chip, share] : mix.chips)
                fs.byChip[chip] += amount * share;
            fs.smuggledH100e += amount * mix.smuggled;
            // At home a chip is domestic exactly when it is designed where the site is.
            if (home)
                fs.domesticChipH100e += amount * mix.native;
        }
        // Inference is served at home first (latency, data rules; on domestic chips where the
        // firm has them); what home capacity cannot serve runs abroad.
        const double total = fs.homeH100e + fs.offshoreH100e;
        double inference = std::clamp(firm.inferenceShare.at(t0), 0.0, 1.0) * total;
        fs.inferenceH100e = inference;
        const double fromHome = std::min(inference, fs.homeH100e);
        inference -= fromHome;
        fs.trainingHomeH100e = fs.homeH100e - fromHome;
        fs.trainingOffshoreH100e = fs.offshoreH100e - std::min(inference, fs.offshoreH100e);
    }
}

} // namespace cp::model
