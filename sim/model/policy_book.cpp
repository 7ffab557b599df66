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

bool PolicyBook::covers(const Policy& p, const DataCentre& dc) const
{
    return contains(p.destinations, dc.location) || contains(p.operatorHq, dc.operatorHq);
}

RouteDecision PolicyBook::exportDecision(const Chip& chip, const DataCentre& dc, SimTime t) const
{
    // Chips of a jurisdiction's own design are not subject to its export rules at home.
    auto& covering = m_covering;
    covering.clear();
    for (const Policy* p : m_sorted) {
        if (!p->activeAt(t) || p->type != PolicyType::ExportControl)
            continue;
        if (p->actor == dc.location || !covers(*p, dc) || !chipMatches(*p, chip))
            continue;
        if (!p->actor.empty() && p->actor != chip.origin)
            continue; // a country controls the export of its own chips
        covering.push_back(p);
    }
    RouteDecision d;
    for (const Policy* p : covering) {
        const bool overridden = std::any_of(covering.begin(), covering.end(), [&](const Policy* q) {
            return q != p && contains(q->overrides, p->id);
        });
        if (overridden)
            continue;
        double open = 1.0;
        if (p->action == ExportAction::Deny)
            open = 0.0;
        else if (p->action == ExportAction::Licence)
            open = p->approvalRate;
        // Most restrictive wins; on a tie the later rule (it is sorted later) governs.
        if (!d.policy || open <= d.open) {
            d.open = open;
            d.policy = p;
            d.revenueShare = p->revenueShare;
            d.capUnitsPerMonth = p->capUnitsPerMonth ? *p->capUnitsPerMonth : -1.0;
        }
    }
    // The diffusion rule: tier-3 destinations get no controlled chips at all.
    if (const Policy* dr = diffusionRule(t);
        dr && chipMatches(*dr, chip) && chip.origin != dc.location && (dr->actor.empty() || dr->actor == chip.origin)) {
        const auto* j = m_s.findJurisdiction(dc.location);
        if (j && j->diffusionTier == 3 && d.open > 0.0) {
            d = RouteDecision{};
            d.open = 0.0;
            d.policy = dr;
        }
    }
    return d;
}

RouteDecision PolicyBook::importDecision(const Chip& chip, const DataCentre& dc, SimTime t) const
{
    RouteDecision d;
    for (const Policy* p : m_sorted) {
        if (!p->activeAt(t))
            continue;
        double open = 1.0;
        if (p->type == PolicyType::ImportBlock && contains(p->destinations, dc.location) &&
            chip.origin != dc.location && chipMatches(*p, chip))
            open = 1.0 - p->shareBlocked;
        else if (p->type == PolicyType::StateDcDomesticOnly && dc.stateFunded &&
                 contains(p->destinations, dc.location) && chip.origin != dc.location)
            open = 0.0;
        else
            continue;
        if (open < d.open || !d.policy) {
            d.open = std::min(d.open, open);
            d.policy = p;
        }
    }
    return d;
}

RouteDecision PolicyBook::hardwareDecision(const Chip& chip, const DataCentre& dc, SimTime t) const
{
    RouteDecision ex = exportDecision(chip, dc, t);
    const RouteDecision im = importDecision(chip, dc, t);
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

void PolicyBook::selectMemo(SimTime t) const
{
    if (m_hardwareMemo.empty())
        m_hardwareMemo.resize(m_boundaries.size() + 1);
    const std::size_t e = epoch(t);
    m_memo = &m_hardwareMemo[e];
    if (m_memo->empty())
        m_memo->resize(m_s.chips.size() * m_s.dataCentres.size());
    m_memoFrom = e > 0 ? m_boundaries[e - 1] : std::numeric_limits<SimTime>::min();
    m_memoUntil = e < m_boundaries.size() ? m_boundaries[e] : std::numeric_limits<SimTime>::max();
}

std::size_t PolicyBook::epoch(SimTime t) const
{
    return static_cast<std::size_t>(std::upper_bound(m_boundaries.begin(), m_boundaries.end(), t) - m_boundaries.begin());
}

const Policy* PolicyBook::diffusionRule(SimTime t) const
{
    for (auto it = m_sorted.rbegin(); it != m_sorted.rend(); ++it)
        if ((*it)->type == PolicyType::DiffusionRule && (*it)->activeAt(t))
            return *it;
    return nullptr;
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
