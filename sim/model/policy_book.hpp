// The rules in force: answers, for a date, whether a chip may ship to a data centre, whether a
// firm may lease a data centre's capacity, and which policy says so. Resolution: among the
// active rules that cover a case, those named in another covering rule's `overrides` drop out;
// of the rest the most restrictive governs (deny < licence at its approval rate < allow).
#pragma once

#include "sim/scenario/scenario_spec.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cp::model {

using core::SimTime;
using scenario::Chip;
using scenario::DataCentre;
using scenario::Firm;
using scenario::Policy;

/// How open a route is, and the rule that decides it (nullptr when no rule applies).
struct RouteDecision {
    double open = 1.0; ///< share of demand that may flow: 0 closed, 1 fully open
    double revenueShare = 0.0;
    double capUnitsPerMonth = -1; ///< < 0: no cap
    const Policy* policy = nullptr;
};

class PolicyBook {
public:
    explicit PolicyBook(const scenario::Scenario& s);

    [[nodiscard]] bool chipMatches(const Policy& p, const Chip& c) const;

    /// Export side (US rules): may `chip` be shipped to data centre `dc` at `t`?
    [[nodiscard]] RouteDecision exportDecision(const Chip& chip, const DataCentre& dc, SimTime t) const;
    /// Import side (destination rules: customs blocks, state-DC domestic-only).
    [[nodiscard]] RouteDecision importDecision(const Chip& chip, const DataCentre& dc, SimTime t) const;
    /// Both sides combined: the more restrictive decision wins.
    [[nodiscard]] RouteDecision hardwareDecision(const Chip& chip, const DataCentre& dc, SimTime t) const;
    /// The same for the scenario's chip `c` and data centre `d`, computed once per epoch(t).
    /// Inline: the market asks for every (chip, data centre) every month.
    [[nodiscard]] RouteDecision hardwareDecision(std::size_t c, std::size_t d, SimTime t) const
    {
        if (t < m_memoFrom || t >= m_memoUntil)
            selectMemo(t);
        auto& known = (*m_memo)[c * m_s.dataCentres.size() + d];
        if (!known)
            known = hardwareDecision(m_s.chips[c], m_s.dataCentres[d], t);
        return *known;
    }
    /// Which policies are in force depends on the date only through this: the number of policy
    /// start and end dates at or before t.
    [[nodiscard]] std::size_t epoch(SimTime t) const;
    /// May `firm` lease capacity of `dc`? `controlledShare(policy)` gives the share of the
    /// DC's capacity on chips the policy's criteria catch (a rule only closes that share).
    template <typename ControlledShare>
    [[nodiscard]] RouteDecision leaseDecision(const Firm& firm, const DataCentre& dc, SimTime t,
                                              ControlledShare&& controlledShare) const;

    /// The active diffusion rule, if any.
    [[nodiscard]] const Policy* diffusionRule(SimTime t) const;
    /// Data localisation covering `firm` (its domestic-data training must stay home).
    [[nodiscard]] const Policy* localisation(const Firm& firm, SimTime t) const;
    /// Smuggling enforcement: product of capacity factors, max seizure probability.
    [[nodiscard]] double smugglingCapacityFactor(SimTime t) const;
    [[nodiscard]] double smugglingSeizureFloor(SimTime t) const;

    /// Policy start/end dates strictly inside (t0, t1), sorted: where a month must be split.
    [[nodiscard]] std::span<const SimTime> boundariesWithin(SimTime t0, SimTime t1) const;

    /// Averages a decision over [t0, t1), splitting at policy boundaries; the governing policy
    /// is the one of the most closed sub-interval.
    template <typename Decide>
    [[nodiscard]] RouteDecision averaged(SimTime t0, SimTime t1, Decide&& decide) const;

    [[nodiscard]] const scenario::Scenario& scenario() const { return m_s; }

private:
    [[nodiscard]] bool covers(const Policy& p, const DataCentre& dc) const;
    [[nodiscard]] bool computeChipMatch(const Policy& p, const Chip& c) const;
    /// Points m_memo at the decisions of epoch(t), [m_memoFrom, m_memoUntil) at its dates.
    void selectMemo(SimTime t) const;
    const scenario::Scenario& m_s;
    std::vector<const Policy*> m_sorted; ///< enabled policies by start date, then file order
    std::vector<SimTime> m_boundaries;   ///< every start and end date of m_sorted, sorted, unique
    // Caches: a World asks the same questions every month, from one thread.
    mutable std::vector<std::int8_t> m_chipMatch;      ///< by policy * chips + chip: -1 unknown, 0, 1
    mutable std::vector<const Policy*> m_covering;     ///< exportDecision() scratch
    mutable std::vector<std::vector<std::optional<RouteDecision>>> m_hardwareMemo; ///< by epoch, then chip * dcs + dc
    mutable std::vector<std::optional<RouteDecision>>* m_memo = nullptr; ///< the row of the last epoch asked
    mutable SimTime m_memoFrom = 0, m_memoUntil = 0;
};

[[nodiscard]] bool contains(const std::vector<std::string>& v, const std::string& x);

template <typename ControlledShare>
RouteDecision PolicyBook::leaseDecision(const Firm& firm, const DataCentre& dc, SimTime t,
                                        ControlledShare&& controlledShare) const
{
    RouteDecision d;
    if (dc.location == firm.hq)
        return d; // remote-access and diffusion leasing rules concern use from abroad
    for (const Policy* p : m_sorted) {
        if (!p->activeAt(t))
            continue;
        bool applies = false;
        if (p->type == scenario::PolicyType::DiffusionRule && p->restrictLeasing) {
            const auto* j = m_s.findJurisdiction(firm.hq);
            applies = j && j->diffusionTier == 3;
        } else if (p->type == scenario::PolicyType::RemoteAccessControl) {
            applies = contains(p->firmHq, firm.hq);
        }
        if (!applies)
            continue;
        const double open = 1.0 - controlledShare(*p);
        if (open < d.open || (open == d.open && !d.policy && open < 1.0)) {
            d.open = open;
            d.policy = p;
        }
    }
    return d;
}

template <typename Decide>
RouteDecision PolicyBook::averaged(SimTime t0, SimTime t1, Decide&& decide) const
{
    const std::span<const SimTime> cuts = boundariesWithin(t0, t1);
    if (cuts.empty())
        return decide(t0);
    RouteDecision result;
    result.open = 0.0;
    double worstOpen = 2.0;
    SimTime a = t0;
    for (std::size_t i = 0; i <= cuts.size(); ++i) {
        const SimTime b = i < cuts.size() ? cuts[i] : t1;
        const RouteDecision d = decide(a);
        const double w = static_cast<double>(b - a) / static_cast<double>(t1 - t0);
        result.open += w * d.open;
        if (d.open < worstOpen) {
            worstOpen = d.open;
            result.policy = d.policy;
        }
        if (d.open > 0) {
            // Terms (revenue share, cap) come from the open part of the month.
            result.revenueShare = std::max(result.revenueShare, d.revenueShare);
            if (d.capUnitsPerMonth >= 0)
                result.capUnitsPerMonth = std::max(0.0, result.capUnitsPerMonth) + d.capUnitsPerMonth * w;
        }
        a = b;
    }
    return result;
}

} // namespace cp::model
