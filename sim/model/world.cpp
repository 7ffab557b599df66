#include "sim/model/world.hpp"

#include <algorithm>
#include <cmath>

namespace cp::model {

namespace {
// Event priorities at equal times: rules switch first, then deliveries and releases land,
// then runs start, and the monthly market step sees all of it.
constexpr std::int32_t kPriorityPolicy = 0;
constexpr std::int32_t kPriorityArrival = 1;
constexpr std::int32_t kPriorityRelease = 1;
constexpr std::int32_t kPriorityRunStart = 2;
constexpr std::int32_t kPriorityMonth = 3;
} // namespace

World::World(const scenario::Scenario& s, std::uint64_t seed, WorldOptions options)
    : m_s(s), m_opt(options), m_rng(seed), m_rules(s), m_index(s)
{
    const std::size_t nChips = s.chips.size();
    m_inventory.assign(nChips, 0);
    m_ledger.assign(nChips, {});
    m_dcs.resize(s.dataCentres.size());
    for (auto& dc : m_dcs) {
        dc.chipUnits.assign(nChips, 0);
        dc.smuggledUnits.assign(nChips, 0);
    }
    m_firms.resize(s.firms.size());
    m_hwNoted.assign(nChips * s.dataCentres.size() * s.policies.size(), 0);
    m_leaseNoted.assign(s.firms.size() * s.dataCentres.size() * s.policies.size(), 0);
    m_leaseActive.assign(s.firms.size() * s.dataCentres.size(), 0);
    m_tier2Used.assign(s.jurisdictions.size(), 0.0);
    m_chipH100e.resize(nChips);
    for (std::size_t c = 0; c < nChips; ++c)
        m_chipH100e[c] = s.chips[c].h100e();
    for (auto& f : m_firms) {
        f.byChip.assign(nChips, 0.0);
        f.leasedFrom.assign(s.dataCentres.size(), 0.0);
    }
    for (std::size_t d = 0; d < s.dataCentres.size(); ++d) {
        for (const auto& fe : s.dataCentres[d].initialFleet) {
            const auto* chip = s.findChip(fe.chip);
            const int ci = static_cast<int>(chip - s.chips.data());
            const auto units = static_cast<std::int64_t>(std::llround(fe.units));
            if (units != 0) // an empty cohort adds nothing (retireChips used to drop it in month one)
                install(d, {ci, units, s.run.start, false});
            m_ledger[static_cast<std::size_t>(ci)].initial += units;
            m_ledger[static_cast<std::size_t>(ci)].installed += units;
        }
    }
    m_dcJurisdiction.resize(s.dataCentres.size());
    for (std::size_t d = 0; d < s.dataCentres.size(); ++d)
        m_dcJurisdiction[d] = static_cast<std::size_t>(s.findJurisdiction(s.dataCentres[d].location) - s.jurisdictions.data());
    m_routeMonth.resize(m_index.routeNames.size());
    m_routeShipped.assign(m_index.routeNames.size(), 0);
    m_chipProducer.assign(nChips, std::string{});
    for (const auto& p : s.producers)
        for (const auto& line : p.lines) {
            const auto* chip = s.findChip(line.chip);
            m_lines.push_back({chip});
            if (chip)
                m_chipProducer[static_cast<std::size_t>(chip - s.chips.data())] = p.id;
        }
    using NK = NetworkNode::Kind;
    for (const auto& p : s.producers)
        m_result.networkNodes.push_back({p.id, p.name, NK::Producer, p.jurisdiction});
    for (const auto& j : s.jurisdictions)
        m_result.networkNodes.push_back({j.id, j.name, NK::Jurisdiction, j.id});
    for (const auto& dc : s.dataCentres)
        m_result.networkNodes.push_back({dc.id, dc.name, NK::DataCentre, dc.location});
    for (const auto& f : s.firms)
        m_result.networkNodes.push_back({f.id, f.name, NK::Firm, f.hq});
    m_result.scenarioId = s.id;
    m_result.seed = seed;

    m_sim.setStartTime(s.run.start);
    m_kMonth = m_sim.registerKind("month", [this](core::Simulation& sim, const core::Event&) { onMonth(sim.now()); });
    m_kPolicy = m_sim.registerKind("policy", [this](core::Simulation&, const core::Event& e) {
        onPolicy(static_cast<int>(e.target), e.payload != 0);
    });
    m_kArrival = m_sim.registerKind("arrival", [this](core::Simulation&, const core::Event& e) {
        onArrival(static_cast<std::size_t>(e.payload));
    });
    m_kRunStart = m_sim.registerKind("run_start", [this](core::Simulation&, const core::Event& e) {
        onRunStart(static_cast<int>(e.target));
    });
    m_kKnownRelease = m_sim.registerKind("known_release", [this](core::Simulation&, const core::Event& e) {
        onKnownRelease(static_cast<int>(e.target), static_cast<std::size_t>(e.payload));
    });
    m_kRelease = m_sim.registerKind("release", [this](core::Simulation&, const core::Event& e) {
        onRelease(static_cast<int>(e.target), static_cast<int>(e.payload));
    });
}

RunResult World::run()
{
    const SimTime start = m_s.run.start, end = m_s.run.end;
    const int step = std::max(1, m_s.market.stepMonths);
    for (SimTime t = start; t < end; t = core::addMonths(t, step))
        m_result.periods.push_back(t);
    for (SimTime t : m_result.periods)
        m_sim.scheduleAt(t, m_kMonth, 0, 0, kPriorityMonth);
    for (std::size_t p = 0; p < m_s.policies.size(); ++p) {
        const auto& pol = m_s.policies[p];
        if (!pol.enabled)
            continue;
        if (pol.from >= start && pol.from < end)
            m_sim.scheduleAt(pol.from, m_kPolicy, static_cast<std::uint32_t>(p), 1, kPriorityPolicy);
        if (pol.until && *pol.until >= start && *pol.until < end)
            m_sim.scheduleAt(*pol.until, m_kPolicy, static_cast<std::uint32_t>(p), 0, kPriorityPolicy);
    }
    for (std::size_t f = 0; f < m_s.firms.size(); ++f) {
        const auto& firm = m_s.firms[f];
        auto& st = m_firms[f];
        for (std::size_t m = 0; m < firm.priorModels.size(); ++m) {
            const auto& pm = firm.priorModels[m];
            if (pm.date >= start) {
                // Trained before the run, released inside it: a dated release.
                if (pm.date < end)
                    m_sim.scheduleAt(pm.date, m_kKnownRelease, static_cast<std::uint32_t>(f), m, kPriorityRelease);
                continue;
            }
            const SimTime runStart = core::addMonths(pm.date, -firm.runMonthsAt(pm.date));
            const double eff = pm.trainingFlop * algorithmicMultiplier(runStart) * firm.algorithmicEfficiency;
            st.capability = std::max(st.capability, indexFor(eff));
            ModelReleaseRecord r{firm.id, pm.name, runStart, pm.date, pm.trainingFlop, eff, indexFor(eff), 0.0};
            m_result.releases.push_back(r);
        }
        const SimTime first = std::max(firm.firstRun, start);
        if (first < end)
            m_sim.scheduleAt(first, m_kRunStart, static_cast<std::uint32_t>(f), 0, kPriorityRunStart);
    }
    m_sim.runUntil(end);

    // Fold the final results into the engine's event fingerprint.
    core::Fingerprint fp = m_sim.fingerprint();
    for (const auto& s : m_result.series)
        for (double v : s.values)
            fp.addDouble(v);
    for (const auto& r : m_result.releases)
        fp.addDouble(r.effectiveFlop);
    m_result.fingerprint = fp.hex();
    m_result.eventsProcessed = m_sim.eventCount();
    return std::move(m_result);
}

void World::onMonth(SimTime t0)
{
    const SimTime t1 = core::addMonths(t0, std::max(1, m_s.market.stepMonths));
    std::fill(m_routeMonth.begin(), m_routeMonth.end(), RouteMonth{});
    if (m_opt.recordNetwork)
        m_result.network.push_back(NetworkSnapshot{t0, {}});
    retireChips(t0);
    produce(t0);
    hardwareMarket(t0, t1);
    computeMarket(t0, t1);
    allocateFirmCompute(t0);
    train(t0, t1);
    if (m_opt.checkInvariants)
        checkInvariants(t0);
    record(m_period++, t0);
}

void World::onPolicy(int p, bool on)
{
    const auto& pol = m_s.policies[static_cast<std::size_t>(p)];
    std::string text = pol.name + (on ? " takes effect" : " ends");
    if (on && !pol.description.empty())
        text += ": " + pol.description;
    log(m_sim.now(), LogKind::Policy, text, {}, pol.id);
}

void World::onArrival(std::size_t i)
{
    const Shipment& sh = m_shipments[i];
    auto& dc = m_dcs[static_cast<std::size_t>(sh.dc)];
    const auto& chip = m_s.chips[static_cast<std::size_t>(sh.chip)];
    install(static_cast<std::size_t>(sh.dc), {sh.chip, sh.units, m_sim.now(), sh.smuggled});
    dc.inTransitH100e = std::max(0.0, dc.inTransitH100e - static_cast<double>(sh.units) * chip.h100e());
    auto& l = m_ledger[static_cast<std::size_t>(sh.chip)];
    l.inTransit -= sh.units;
    l.installed += sh.units;
}

void World::install(std::size_t d, Cohort c)
{
    auto& dc = m_dcs[d];
    c.h100e = static_cast<double>(c.units) * m_chipH100e[static_cast<std::size_t>(c.chip)];
    dc.cohorts.push_back(c);
    // Units are set here only (retirement zeroes positive counts and drops them), so a
    // negative cohort, once installed, stays: checkInvariants() need not search for it.
    m_negativeCohort = m_negativeCohort || c.units < 0;
    dc.chipUnits[static_cast<std::size_t>(c.chip)] += c.units;
    if (c.smuggled)
        dc.smuggledUnits[static_cast<std::size_t>(c.chip)] += c.units;
}

void World::retireChips(SimTime t)
{
    for (std::size_t d = 0; d < m_dcs.size(); ++d) {
        const double lifeSeconds = m_s.dataCentres[d].chipLifeYears * 365.2425 * 86400.0;
        auto& cohorts = m_dcs[d].cohorts;
        // Cohorts are appended as they arrive, so they are sorted by installation date and the
        // ones old enough to retire are a prefix: stop at the first young one.
        auto young = cohorts.begin();
        for (; young != cohorts.end() && static_cast<double>(t - young->installed) >= lifeSeconds; ++young) {
            if (young->units > 0) {
                auto& dc = m_dcs[d];
                const auto chip = static_cast<std::size_t>(young->chip);
                dc.chipUnits[chip] -= young->units;
                if (young->smuggled)
                    dc.smuggledUnits[chip] -= young->units;
                auto& l = m_ledger[chip];
                l.installed -= young->units;
                l.retired += young->units;
                young->units = 0;
            }
        }
        if (young == cohorts.begin())
            continue;
        m_dcs[d].summed = 0; // the capacity sum starts again (see refreshCapacity())
        const auto kept = std::remove_if(cohorts.begin(), young, [](const Cohort& c) { return c.units == 0; });
        cohorts.erase(kept, young);
    }
}

void World::produce(SimTime t)
{
    auto lineState = m_lines.begin();
    for (const auto& producer : m_s.producers) {
        for (const auto& line : producer.lines) {
            LineState& state = *lineState++;
            const auto* chip = state.chip;
            if (!chip || t < chip->available)
                continue;
            double units = 0;
            if (line.unitsPerMonth) {
                units = line.unitsPerMonth->at(t);
            } else if (line.diesPerMonth) {
                double yield = line.yield.at(t);
                if (line.yieldSd > 0) {
                    if (!state.yieldRng) // the same stream, named once per run
                        state.yieldRng = &m_rng.stream("production/" + producer.id + "/" + line.chip);
                    yield = state.yieldRng->normal(yield, line.yieldSd);
                }
                yield = std::clamp(yield, 0.0, 1.0);
                units = line.diesPerMonth->at(t) * yield / line.diesPerChip;
                if (line.hbmStacksPerMonth)
                    units = std::min(units, line.hbmStacksPerMonth->at(t) / line.stacksPerChip);
            }
            const auto n = static_cast<std::int64_t>(std::floor(std::max(0.0, units)));
            const auto ci = static_cast<std::size_t>(chip - m_s.chips.data());
            m_inventory[ci] += n;
            m_ledger[ci].produced += n;
            m_ledger[ci].atProducer += n;
        }
    }
}

double World::algorithmicMultiplier(SimTime runStart) const
{
    const double years = core::yearsBetween(m_s.capability.algorithmicReference, runStart);
    return std::pow(m_s.capability.algorithmicProgressPerYear, years);
}

double World::indexFor(double effectiveFlop) const
{
    const auto& c = m_s.capability;
    if (effectiveFlop <= 0)
        return -1;
    return c.anchorIndex + c.pointsPerOom * std::log10(effectiveFlop / c.anchorEffectiveFlop);
}

void World::log(SimTime t, LogKind kind, std::string text, std::string firm, std::string policy)
{
    if (m_opt.recordLog)
        m_result.log.push_back({t, kind, std::move(firm), std::move(policy), std::move(text)});
}

void World::recordBlock(bool first, const RouteDecision& dec, net::RouteKind kind, const std::string& from,
                        const std::string& to, const std::string& chip, const std::string& drawnFrom)
{
    const char* const market = kind == net::RouteKind::Lease ? "leasing " : "";
    net::RouteBlock b{kind, from, to, chip, dec.policy->id, dec.policy->name, dec.policy->from, dec.open,
                      market + std::string(dec.open <= 0 ? "closed by " : "capped by ") + dec.policy->name};
    if (m_opt.recordNetwork)
        addNetworkEdge({drawnFrom, to, chip, kind, 0, dec.open <= 0, dec.open > 0, dec.policy->id, b.reason,
                        dec.policy->from});
    if (first)
        noteBlock(std::move(b));
}

void World::noteBlock(net::RouteBlock b)
{
    // firstNote() lets each (route, rule) through once; with distinct keys no two share one.
    if (!m_index.blockKeysDistinct && !m_blockSeen.emplace(b.from + "|" + b.to + "|" + b.policyId, true).second)
        return;
    m_result.blockedRoutes.push_back(std::move(b));
}

void World::addNetworkEdge(NetworkEdge e)
{
    if (m_opt.recordNetwork && !m_result.network.empty())
        m_result.network.back().edges.push_back(std::move(e));
}

void World::checkInvariants(SimTime t) const
{
    for (std::size_t c = 0; c < m_ledger.size(); ++c) {
        if (!m_ledger[c].balanced() || m_inventory[c] != m_ledger[c].atProducer || m_ledger[c].seized < 0)
            throw InvariantError("chip ledger out of balance for " + m_s.chips[c].id + " at " +
                                 core::formatDate(t));
    }
    if (m_negativeCohort)
        throw InvariantError("negative installed units at " + core::formatDate(t));
}

} // namespace cp::model
