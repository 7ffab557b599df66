// The monthly hardware market: new chips flow from producers to data centres over a network
// whose edges the rules in force cut or cap, solved as a min-cost max-flow problem (flow unit:
// 1/100 H100e; cost unit: $100 per H100e). Smuggling is a capped, costlier path with seizures.
#include "sim/model/flow_units.hpp"
#include "sim/model/world.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace cp::model {

namespace {
constexpr int kDemandTranches = 5;
constexpr std::int64_t kTrancheCost = 2; // $200 per H100e: small next to price differences
} // namespace

void World::refreshCapacity()
{
    // Between retirements cohorts are only appended, so carrying the sum on over the new ones
    // adds the same terms in the same order as summing them all again.
    for (auto& st : m_dcs) {
        double cap = st.summed == 0 ? 0.0 : st.capacityH100e;
        for (; st.summed < st.cohorts.size(); ++st.summed)
            cap += st.cohorts[st.summed].h100e;
        st.capacityH100e = cap;
    }
}

namespace {
// "china/h20" -> "Nvidia H20 shipments to China": the event log speaks to readers, not to ids.
std::string shipmentsOn(const scenario::Scenario& s, const std::string& route)
{
    const auto slash = route.find('/');
    const auto* j = s.findJurisdiction(route.substr(0, slash));
    const auto* c = s.findChip(route.substr(slash + 1));
    return (c && !c->name.empty() ? c->name : route.substr(slash + 1)) + " shipments to " +
           (j && !j->name.empty() ? j->name : route.substr(0, slash));
}

std::string withThousands(long long v)
{
    std::string digits = std::to_string(v < 0 ? -v : v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
}
} // namespace

double World::dcDemandH100e(int d, SimTime t)
{
    const auto& dc = m_s.dataCentres[static_cast<std::size_t>(d)];
    SimTime horizon = t;
    if (const auto& months = m_index.dcStockpileMonths[static_cast<std::size_t>(d)]) {
        // Owners order a few distinct numbers of months ahead: one date each per month.
        auto& known = m_hw.horizons;
        const auto it = std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.first == *months; });
        horizon = it != known.end() ? it->second : known.emplace_back(*months, core::addMonths(t, *months)).second;
    }
    const double target = dc.powerMw.at(horizon) * dc.h100ePerMw;
    const auto& st = m_dcs[static_cast<std::size_t>(d)];
    return std::max(0.0, target - st.capacityH100e - st.inTransitH100e);
}

void World::hardwareMarket(SimTime t0, SimTime t1)
{
    const auto& chips = m_s.chips;
    const auto& dcs = m_s.dataCentres;
    refreshCapacity();

    m_flow.clear();
    const net::NodeIndex src = m_flow.addNode(), sink = m_flow.addNode();
    // Scratch reused across months (no allocation once sized).
    auto& supply = m_hw.supply;
    auto& dcNode = m_hw.dcNode;
    auto& demand = m_hw.demand;
    supply.assign(chips.size(), -1);
    dcNode.assign(dcs.size(), -1);
    demand.assign(dcs.size(), 0.0);
    for (std::size_t c = 0; c < chips.size(); ++c) {
        if (m_inventory[c] <= 0 || t0 < chips[c].available || m_chipH100e[c] <= 0)
            continue;
        supply[c] = m_flow.addNode();
        m_flow.addEdge(src, supply[c], toFlow(static_cast<double>(m_inventory[c]) * m_chipH100e[c]), 0);
    }
    auto& placeSupply = m_hw.placeSupply;
    auto& placeDemand = m_hw.placeDemand;
    auto& supplyCounted = m_hw.supplyCounted;
    placeSupply.assign(m_index.nPlaces, 0.0);
    placeDemand.assign(m_index.nPlaces, 0.0);
    supplyCounted.assign(chips.size() * m_index.nPlaces, 0);
    m_hw.horizons.clear();
    for (std::size_t d = 0; d < dcs.size(); ++d) {
        demand[d] = dcDemandH100e(static_cast<int>(d), t0);
        if (demand[d] <= 0)
            continue;
        dcNode[d] = m_flow.addNode();
        placeDemand[static_cast<std::size_t>(m_index.dcLocation[d])] += demand[d];
    }
    // Supply that can reach a place (each chip counted once per place, up to its cap there).
    const auto offerTo = [&](std::size_t c, std::size_t d, double h100e) {
        const auto place = static_cast<std::size_t>(m_index.dcLocation[d]);
        auto& counted = supplyCounted[c * m_index.nPlaces + place];
        if (!counted) {
            counted = 1;
            placeSupply[place] += h100e;
        }
    };

    // Tier-2 caps of the diffusion rule are shared by the controlled chips shipped this month.
    const scenario::Policy* diffusion = m_rules.diffusionRule(t0);
    std::size_t controlledChips = 0;
    auto& controlledChip = m_hw.controlledChip; // the rule covers the chip (exports from its origin)
    controlledChip.assign(chips.size(), 0);
    if (diffusion)
        for (std::size_t c = 0; c < chips.size(); ++c)
            if (m_rules.chipMatches(*diffusion, chips[c]) && chips[c].origin == diffusion->actor) {
                controlledChip[c] = 1;
                if (supply[c] >= 0)
                    ++controlledChips;
            }

    // Without a policy date inside the month the averaged decision is the one at t0, and the
    // policy book remembers that per epoch (stretch between policy dates), looked up once here.
    const std::size_t nDcs = dcs.size();
    const std::span<const SimTime> cuts = m_rules.boundariesWithin(t0, t1);
    const PolicyBook::Epoch& epoch = m_rules.epochAt(t0);

    auto& shipEdges = m_hw.shipEdges;
    shipEdges.clear();
    auto& gates = m_hw.gates; // by chip * nPlaces + destination place
    gates.assign(chips.size() * m_index.nPlaces, -1);
    RouteDecision split; // a month's average where it is split
    for (std::size_t c = 0; c < chips.size(); ++c) {
        if (supply[c] < 0)
            continue;
        const auto& chip = chips[c];
        const double price = chip.priceUsd.at(t0);
        const double stock = static_cast<double>(m_inventory[c]) * m_chipH100e[c];
        // Not the others: a market-specific SKU not sold there, or a home-designed chip the owner refuses.
        for (const std::size_t d : m_index.buyableDcs[c]) {
            if (dcNode[d] < 0)
                continue;
            const auto& dc = dcs[d];
            const std::size_t pair = c * nDcs + d;
            RouteMonth& route = m_routeMonth[m_index.routeOfPair[pair]];
            const RouteDecision& dec =
                cuts.empty() ? m_rules.hardwareDecision(c, d, epoch)
                             : (split = m_rules.averaged(t0, t1, cuts, [&](SimTime t) { return m_rules.hardwareDecision(c, d, m_rules.epochAt(t)); }));
            reportBlock(m_hwNoted, pair, dec, net::RouteKind::Hardware, chip.id, dc.id, chip.id, m_chipProducer[c]);
            if (dec.open <= 0) {
                if (!route.blocked) {
                    route.blocked = true;
                    route.blockedBy = dec.policy;
                }
                continue;
            }
            route.anyOpen = true;
            const bool controlled = controlledChip[c] && !m_index.designedAt(c, d);
            const auto* jur = m_index.dcJurisdiction[d];
            const bool tier2Capped = controlled && jur && jur->diffusionTier == 2;
            net::NodeIndex from = supply[c];
            if (dec.capUnitsPerMonth >= 0 || tier2Capped) {
                net::NodeIndex& gate = gates[c * m_index.nPlaces + static_cast<std::size_t>(m_index.dcLocation[d])];
                if (gate < 0) {
                    double capH = 1e15;
                    if (dec.capUnitsPerMonth >= 0)
                        capH = dec.capUnitsPerMonth * m_chipH100e[c];
                    if (tier2Capped) {
                        const auto j = static_cast<std::size_t>(jur - m_s.jurisdictions.data());
                        const double remaining = std::max(0.0, diffusion->tier2CapH100e - m_tier2Used[j]);
                        capH = std::min(capH, remaining / static_cast<double>(std::max<std::size_t>(1, controlledChips)));
                    }
                    gate = m_flow.addNode();
                    m_flow.addEdge(supply[c], gate, toFlow(capH), 0);
                }
                from = gate;
            }
            double reachable = stock;
            if (dec.capUnitsPerMonth >= 0)
                reachable = std::min(reachable, dec.capUnitsPerMonth * m_chipH100e[c]);
            offerTo(c, d, reachable);
            const double unitCost = price * (1.0 + dec.revenueShare * m_s.market.revenueSharePassThrough) / m_chipH100e[c];
            const auto e = m_flow.addEdge(from, dcNode[d], toFlow(dec.open * demand[d]),
                                          roundCost(unitCost / 100.0));
            shipEdges.push_back({e, static_cast<int>(c), static_cast<int>(d), -1, tier2Capped});
        }
    }

    // Smuggling: per route and chip a capped node feeding non-state data centres at the destination.
    const double capFactor = m_rules.smugglingCapacityFactor(t0);
    for (std::size_t r = 0; r < m_s.smuggling.size(); ++r) {
        const auto& route = m_s.smuggling[r];
        for (const std::size_t c : m_index.smugglingChips[r]) {
            const auto* chip = &chips[c];
            const double units = route.capacityUnitsPerMonth.at(t0) * capFactor;
            if (supply[c] < 0 || units < 1)
                continue;
            const net::NodeIndex node = m_flow.addNode();
            m_flow.addEdge(supply[c], node, toFlow(units * m_chipH100e[c]), 0);
            const double unitCost = chip->priceUsd.at(t0) * (1.0 + route.pricePremium) / m_chipH100e[c];
            for (const std::size_t d : m_index.smugglingDcs[r]) {
                if (dcNode[d] < 0)
                    continue;
                const auto e = m_flow.addEdge(node, dcNode[d], toFlow(demand[d]),
                                              roundCost(unitCost / 100.0));
                shipEdges.push_back({e, static_cast<int>(c), static_cast<int>(d), static_cast<int>(r), false});
                offerTo(c, d, units * m_chipH100e[c]);
            }
        }
    }

    addDemandTranches(sink);
    m_flow.solve(src, sink);
    deliverShipments(t0);
    narrateRoutes(t0);
}

// Demand in tranches of rising cost, so that scarce supply is shared in proportion to demand
// instead of going to whichever data centre the solver reaches first (file order): every
// site fills its first tranche before any fills its second. Where the chips that can reach
// a place cover only a share s of its demand, the tranches split that share, s x demand, and
// the rest waits in one dearer tranche; so the sites of a short market are filled to within
// a fifth of their fair share, however short it is.
void World::addDemandTranches(net::NodeIndex sink)
{
    const auto& dcNode = m_hw.dcNode;
    const auto& demand = m_hw.demand;
    const auto& placeSupply = m_hw.placeSupply;
    const auto& placeDemand = m_hw.placeDemand;
    const auto& dcs = m_s.dataCentres;
    for (std::size_t d = 0; d < dcs.size(); ++d) {
        if (dcNode[d] < 0)
            continue;
        const auto place = static_cast<std::size_t>(m_index.dcLocation[d]);
        const double covered = std::clamp(placeSupply[place] / placeDemand[place], 0.0, 1.0);
        const double share = covered > 0 ? covered : 1.0;
        std::array<net::FlowPiece, kDemandTranches + 1> tranches;
        const std::int64_t tranche = toFlow(share * demand[d] / kDemandTranches);
        for (int k = 0; k < kDemandTranches; ++k)
            tranches[static_cast<std::size_t>(k)] = {tranche, k * kTrancheCost};
        tranches[kDemandTranches] = {toFlow((1.0 - share) * demand[d]), kDemandTranches * kTrancheCost};
        m_flow.addConvexEdge(dcNode[d], sink, std::span(tranches).first(share < 1.0 ? kDemandTranches + 1 : kDemandTranches));
    }
}

// After the solve: each shipment arc's flow in whole units leaves the producer; smuggled units
// face seizure; the rest arrive after the shipping lead (smuggling takes a detour).
void World::deliverShipments(SimTime t0)
{
    const auto& chips = m_s.chips;
    const auto& dcs = m_s.dataCentres;
    const int leadDays = m_s.market.shipmentLeadDays;
    const double seizureFloor = m_rules.smugglingSeizureFloor(t0);
    for (const ShipEdge& se : m_hw.shipEdges) {
        const std::int64_t flow = m_flow.flow(se.edge);
        if (flow <= 0)
            continue; // most arcs carry nothing: not a unit to convert
        const auto c = static_cast<std::size_t>(se.chip);
        const auto& chip = chips[c];
        const auto units = std::min<std::int64_t>(
            m_inventory[c], static_cast<std::int64_t>(std::floor(static_cast<double>(flow) / (m_chipH100e[c] * kFlowScale))));
        if (units <= 0)
            continue;
        const auto& dc = dcs[static_cast<std::size_t>(se.dc)];
        RouteMonth& route = m_routeMonth[m_index.routeOfPair[m_index.pair(c, static_cast<std::size_t>(se.dc))]];
        m_inventory[c] -= units;
        auto& l = m_ledger[c];
        l.atProducer -= units;
        std::int64_t delivered = units;
        if (se.route >= 0) {
            const auto& sr = m_s.smuggling[static_cast<std::size_t>(se.route)];
            const double p = std::max(sr.seizureProbability, seizureFloor);
            const auto seized = static_cast<std::int64_t>(smugglingRng(static_cast<std::size_t>(se.route)).binomial(static_cast<std::uint64_t>(units), p));
            delivered -= seized;
            l.seized += seized;
            route.hasSmuggled = true;
            route.smuggled += static_cast<double>(units);
            route.seized += static_cast<double>(seized);
            if (seized > 0 && m_opt.recordLog)
                log(t0, LogKind::Seizure,
                    withThousands(seized) + " smuggled " + chip.name + " seized on the " + sr.id + " route (via " +
                        (m_s.findJurisdiction(sr.via) ? m_s.findJurisdiction(sr.via)->name : sr.via) + ")",
                    dc.owner);
        } else {
            route.hasShipped = true;
            route.shipped += static_cast<double>(units);
            if (se.controlled)
                m_tier2Used[m_dcJurisdiction[static_cast<std::size_t>(se.dc)]] += static_cast<double>(units) * m_chipH100e[c];
        }
        if (m_opt.recordNetwork)
            addNetworkEdge({m_chipProducer[c], dc.id, chip.id, se.route >= 0 ? net::RouteKind::Smuggling : net::RouteKind::Hardware,
                            static_cast<double>(units) * m_chipH100e[c], false, false, {}, {}, 0});
        if (delivered <= 0)
            continue;
        l.inTransit += delivered;
        m_dcs[static_cast<std::size_t>(se.dc)].inTransitH100e += static_cast<double>(delivered) * m_chipH100e[c];
        const int extraDays = se.route >= 0 ? leadDays : 0; // smuggled goods take a detour
        m_shipments.push_back({se.chip, se.dc, delivered, t0 + (leadDays + extraDays) * core::kDay, se.route >= 0});
        m_sim.scheduleAt(m_shipments.back().arrival, m_kArrival, 0, m_shipments.size() - 1, 1);
    }
}

core::RngStream& World::smugglingRng(std::size_t route)
{
    // Same stream, same name as before; only the name building and lookup happen once.
    if (m_smugglingRng.empty())
        m_smugglingRng.assign(m_s.smuggling.size(), nullptr);
    if (!m_smugglingRng[route])
        m_smugglingRng[route] = &m_rng.stream("smuggling/" + m_s.smuggling[route].id);
    return *m_smugglingRng[route];
}

void World::narrateRoutes(SimTime t0)
{
    // Route indices run in name order, the order of the string-keyed maps this replaced.
    for (std::size_t r = 0; r < m_routeMonth.size(); ++r) {
        const RouteMonth& rm = m_routeMonth[r];
        if (!rm.blocked || rm.anyOpen || !rm.blockedBy || !m_routeShipped[r])
            continue;
        m_routeShipped[r] = 0;
        if (m_opt.recordLog)
            log(t0, LogKind::Blocked, shipmentsOn(m_s, m_index.routeNames[r]) + " stop: closed by " + rm.blockedBy->name +
                " (since " + core::formatDate(rm.blockedBy->from) + ")", {}, rm.blockedBy->id);
    }
    for (std::size_t r = 0; r < m_routeMonth.size(); ++r) {
        const RouteMonth& rm = m_routeMonth[r];
        if (!rm.hasShipped || rm.shipped <= 0 || m_routeShipped[r])
            continue;
        m_routeShipped[r] = 1;
        if (m_opt.recordLog)
            log(t0, LogKind::Shipment, shipmentsOn(m_s, m_index.routeNames[r]) + " begin (" +
                withThousands(static_cast<long long>(rm.shipped)) + " units this month)");
    }
}

} // namespace cp::model
