#include "sim/model/policy_book.hpp"

#include <algorithm>
#include <limits>

namespace cp::model {

using scenario::ExportAction;
using scenario::PolicyType;

bool contains(const std::vector<std::string>& v, const std::string& x)
{
    return std::find(v.begin(), v.end(), x) != v.end();
}

PolicyBook::PolicyBook(const scenario::Scenario& s) : m_s(s)
{
    for (const Policy& p : s.policies)
        if (p.enabled)
            m_sorted.push_back(&p);
    std::stable_sort(m_sorted.begin(), m_sorted.end(),
                     [](const Policy* a, const Policy* b) { return a->from < b->from; });
    for (const Policy* p : m_sorted) {
        m_boundaries.push_back(p->from);
        if (p->until)
            m_boundaries.push_back(*p->until);
    }
    std::sort(m_boundaries.begin(), m_boundaries.end());
    m_boundaries.erase(std::unique(m_boundaries.begin(), m_boundaries.end()), m_boundaries.end());

    m_nChips = s.chips.size();
    m_nDcs = s.dataCentres.size();
    m_nFirms = s.firms.size();
    for (const Policy* p : m_sorted) {
        for (const DataCentre& dc : s.dataCentres) {
            const bool exportCovers = p->type == PolicyType::ExportControl && p->actor != dc.location &&
                                      (contains(p->destinations, dc.location) || contains(p->operatorHq, dc.operatorHq));
            m_exportCovers.push_back(exportCovers ? 1 : 0);
            const bool importCovers =
                (p->type == PolicyType::ImportBlock || (p->type == PolicyType::StateDcDomesticOnly && dc.stateFunded)) &&
                contains(p->destinations, dc.location);
            m_importCovers.push_back(importCovers ? 1 : 0);
        }
        for (const Chip& chip : s.chips)
            m_actorsChip.push_back(p->actor.empty() || p->actor == chip.origin ? 1 : 0);
        for (const Policy* q : m_sorted)
            m_overrides.push_back(contains(p->overrides, q->id) ? 1 : 0);
        for (const Firm& firm : s.firms) {
            bool applies = false;
            if (p->type == PolicyType::DiffusionRule && p->restrictLeasing) {
                const auto* j = s.findJurisdiction(firm.hq);
                applies = j && j->diffusionTier == 3;
            } else if (p->type == PolicyType::RemoteAccessControl) {
                applies = contains(p->firmHq, firm.hq);
            }
            m_leaseRules.push_back(applies ? 1 : 0);
        }
    }
    for (const Firm& firm : s.firms)
        for (const DataCentre& dc : s.dataCentres)
            m_leaseAtHome.push_back(dc.location == firm.hq ? 1 : 0);
    for (const Chip& chip : s.chips)
        for (const DataCentre& dc : s.dataCentres)
            m_foreign.push_back(chip.origin != dc.location ? 1 : 0);
    for (const DataCentre& dc : s.dataCentres) {
        const auto* j = s.findJurisdiction(dc.location);
        m_tier3.push_back(j && j->diffusionTier == 3 ? 1 : 0);
    }
}

bool PolicyBook::chipMatches(const Policy& p, const Chip& c) const
{
    // The answer depends only on the scenario: scenario policies and chips are looked up once.
    const auto& ps = m_s.policies;
    const auto& cs = m_s.chips;
    const std::less<> before;
    if (before(&p, ps.data()) || !before(&p, ps.data() + ps.size()) || before(&c, cs.data()) ||
        !before(&c, cs.data() + cs.size()))
        return computeChipMatch(p, c);
    if (m_chipMatch.empty())
        m_chipMatch.assign(ps.size() * cs.size(), -1);
    auto& known = m_chipMatch[static_cast<std::size_t>(&p - ps.data()) * cs.size() + static_cast<std::size_t>(&c - cs.data())];
    if (known < 0)
        known = computeChipMatch(p, c) ? 1 : 0;
    return known != 0;
}

bool PolicyBook::computeChipMatch(const Policy& p, const Chip& c) const
{
    if (p.match.empty())
        return true; // a rule without criteria covers every chip
    for (const auto& m : p.match) {
        if (!m.chips.empty() && !contains(m.chips, c.id))
            continue;
        if (!m.origins.empty() && !contains(m.origins, c.origin))
            continue;
        const double tpp = c.tpp();
        const double pd = c.performanceDensity();
        auto within = [](double v, const std::optional<double>& lo, const std::optional<double>& hi) {
            return (!lo || v >= *lo) && (!hi || v < *hi);
        };
        // Performance density is undefined without a die area: such a chip never meets a PD
        // floor (the rule text needs the number) but meets a PD ceiling.
        const bool pdOk = (c.dieMm2 > 0) ? within(pd, m.pdMin, m.pdMax) : !m.pdMin;
        if (within(tpp, m.tppMin, m.tppMax) && pdOk && within(c.memBwTbps, m.memBwTbpsMin, m.memBwTbpsMax) &&
            within(c.interconnectGbps, m.interconnectGbpsMin, m.interconnectGbpsMax))
            return true;
    }
    return false;
}

bool PolicyBook::catches(std::size_t i, std::size_t c) const
{
    return chipMatches(*m_sorted[i], m_s.chips[c]); // remembered there
}

RouteDecision PolicyBook::exportDecision(std::size_t c, std::size_t d, const Epoch& e) const
{
    // Chips of a jurisdiction's own design are not subject to its export rules at home, and a
    // country controls the export of its own chips only.
    auto& covering = m_covering; // indices in m_sorted
    covering.clear();
    for (const std::size_t i : e.active)
        if (exportCovers(i, c, d))
            covering.push_back(i);
    RouteDecision dec;
    for (const std::size_t i : covering) {
        const bool overridden = std::any_of(covering.begin(), covering.end(), [&](std::size_t q) {
            return q != i && m_overrides[q * m_sorted.size() + i];
        });
        if (overridden)
            continue;
        const Policy* p = m_sorted[i];
        double open = 1.0;
        if (p->action == ExportAction::Deny)
            open = 0.0;
        else if (p->action == ExportAction::Licence)
            open = p->approvalRate;
        // Most restrictive wins; on a tie the later rule (it is sorted later) governs.
        if (!dec.policy || open <= dec.open) {
            dec.open = open;
            dec.policy = p;
            dec.revenueShare = p->revenueShare;
            dec.capUnitsPerMonth = p->capUnitsPerMonth ? *p->capUnitsPerMonth : -1.0;
        }
    }
    // The diffusion rule: tier-3 destinations get no controlled chips at all.
    if (const std::size_t i = e.diffusion; i < m_sorted.size()) {
        if (diffusionCloses(i, c, d) && dec.open > 0.0) {
            dec = RouteDecision{};
            dec.open = 0.0;
            dec.policy = m_sorted[i];
        }
    }
    return dec;
}

RouteDecision PolicyBook::importDecision(std::size_t c, std::size_t d, const Epoch& e) const
{
    RouteDecision dec;
    for (const std::size_t i : e.active) {
        if (!importCovers(i, c, d))
            continue; // both import rules concern chips designed elsewhere, at places they name
        const Policy* p = m_sorted[i];
        double open = 0.0; // a state data centre's domestic-only rule
        if (p->type == PolicyType::ImportBlock)
            open = 1.0 - p->shareBlocked;
        if (open < dec.open || !dec.policy) {
            dec.open = std::min(dec.open, open);
            dec.policy = p;
        }
    }
    return dec;
}

RouteDecision PolicyBook::combinedDecision(std::size_t c, std::size_t d, const Epoch& e) const
{
    RouteDecision ex = exportDecision(c, d, e);
    const RouteDecision im = importDecision(c, d, e);
    if (im.policy && im.open * ex.open < ex.open) {
        const double open = im.open * ex.open;
        const double share = ex.revenueShare;
        const double cap = ex.capUnitsPerMonth;
        ex = im;
        ex.open = open;
        ex.revenueShare = share;
        ex.capUnitsPerMonth = cap;
    }
    return ex;
}

RouteDecision PolicyBook::epochDecision(std::size_t c, std::size_t d, const Epoch& e) const
{
    // Most rules concern a few routes, so most policy dates leave most decisions as they were:
    // the same rules bearing on a pair in force, the same decision.
    if (m_sorted.size() > 64)
        return combinedDecision(c, d, e);
    if (m_latest.empty())
        m_latest.resize(m_nChips * m_nDcs);
    LatestDecision& latest = m_latest[c * m_nDcs + d];
    if (!latest.known)
        latest.bearing = bearingOn(c, d);
    const std::uint64_t inForce = e.activeBits & latest.bearing;
    if (!latest.known || inForce != latest.inForce) {
        latest.known = true;
        latest.inForce = inForce;
        latest.dec = combinedDecision(c, d, e);
    }
    return latest.dec;
}

std::uint64_t PolicyBook::bearingOn(std::size_t c, std::size_t d) const
{
    // The decision reads the rules in force only through these: of the others, exportDecision()
    // and importDecision() pass over every one, and which diffusion rule is in force matters only
    // where one could close the route.
    std::uint64_t bits = 0, diffusion = 0;
    bool closable = false;
    for (std::size_t i = 0; i < m_sorted.size(); ++i) {
        const std::uint64_t bit = std::uint64_t{1} << i;
        if (exportCovers(i, c, d) || importCovers(i, c, d))
            bits |= bit;
        if (m_sorted[i]->type == PolicyType::DiffusionRule) {
            diffusion |= bit;
            closable = closable || diffusionCloses(i, c, d);
        }
    }
    return closable ? bits | diffusion : bits;
}

void PolicyBook::selectMemo(SimTime t) const
{
    // A month split by a policy date asks each pair about both of its epochs in turn.
    if (m_previous && t >= m_previous->from && t < m_previous->until) {
        std::swap(m_memo, m_previous);
    } else {
        if (m_epochs.empty())
            m_epochs.resize(m_boundaries.size() + 1);
        const std::size_t e = epoch(t);
        m_previous = m_memo;
        m_memo = &m_epochs[e];
        if (!m_memo->ready) {
            // Every policy date is a boundary, so what is in force at t holds for the whole epoch.
            m_memo->ready = true;
            m_memo->from = e > 0 ? m_boundaries[e - 1] : std::numeric_limits<SimTime>::min();
            m_memo->until = e < m_boundaries.size() ? m_boundaries[e] : std::numeric_limits<SimTime>::max();
            m_memo->decisions.resize(m_nChips * m_nDcs);
            m_memo->known.assign(m_nChips * m_nDcs, 0);
            for (std::size_t i = 0; i < m_sorted.size(); ++i)
                if (m_sorted[i]->activeAt(t)) {
                    m_memo->active.push_back(i);
                    if (i < 64)
                        m_memo->activeBits |= std::uint64_t{1} << i;
                }
            m_memo->diffusion = diffusionRuleIndex(t);
        }
    }
    m_memoFrom = m_memo->from;
    m_memoUntil = m_memo->until;
}

std::size_t PolicyBook::epoch(SimTime t) const
{
    return static_cast<std::size_t>(std::upper_bound(m_boundaries.begin(), m_boundaries.end(), t) - m_boundaries.begin());
}

std::size_t PolicyBook::diffusionRuleIndex(SimTime t) const
{
    for (std::size_t i = m_sorted.size(); i-- > 0;)
        if (m_sorted[i]->type == PolicyType::DiffusionRule && m_sorted[i]->activeAt(t))
            return i;
    return m_sorted.size();
}

const Policy* PolicyBook::diffusionRule(SimTime t) const
{
    const std::size_t i = diffusionRuleIndex(t);
    return i < m_sorted.size() ? m_sorted[i] : nullptr;
}

const Policy* PolicyBook::localisation(const Firm& firm, SimTime t) const
{
    for (const Policy* p : m_sorted)
        if (p->type == PolicyType::DataLocalisation && p->activeAt(t) && contains(p->firmHq, firm.hq))
            return p;
    return nullptr;
}

double PolicyBook::smugglingCapacityFactor(SimTime t) const
{
    double f = 1.0;
    for (const Policy* p : m_sorted)
        if (p->type == PolicyType::SmugglingEnforcement && p->activeAt(t))
            f *= p->capacityFactor;
    return f;
}

double PolicyBook::smugglingSeizureFloor(SimTime t) const
{
    double q = 0.0;
    for (const Policy* p : m_sorted)
        if (p->type == PolicyType::SmugglingEnforcement && p->activeAt(t))
            q = std::max(q, p->seizureProbability);
    return q;
}

std::span<const SimTime> PolicyBook::boundariesWithin(SimTime t0, SimTime t1) const
{
    const auto first = std::upper_bound(m_boundaries.begin(), m_boundaries.end(), t0);
    const auto last = std::lower_bound(first, m_boundaries.end(), t1);
    return {first, last};
}

} // namespace cp::model
