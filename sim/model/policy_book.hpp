// The rules in force: answers, for a date, whether a chip may ship to a data centre, whether a
// firm may lease a data centre's capacity, and which policy says so. Resolution: among the
// active rules that cover a case, those named in another covering rule's `overrides` drop out;
// of the rest the most restrictive governs (deny < licence at its approval rate < allow).
#pragma once

#include "sim/scenario/scenario_spec.hpp"

#include <algorithm>
#include <cstdint>
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

    /// The stretch between two policy dates: which rules are in force, and the hardware
    /// decisions asked so far.
    struct Epoch {
        std::vector<std::size_t> active; ///< indices in m_sorted, ascending
        std::size_t diffusion = 0;       ///< index in m_sorted of the diffusion rule in force; size() if none
        std::uint64_t activeBits = 0;    ///< bit i: m_sorted[i] in force (i < 64)
        SimTime from = 0, until = 0;     ///< its dates
        bool ready = false;              ///< the fields above are filled in
        // hardwareDecision()'s answers by chip * dcs + dc, each worked out on first ask.
        mutable std::vector<RouteDecision> decisions;
        mutable std::vector<std::uint8_t> known;
    };
    /// The epoch holding t; references stay valid for the PolicyBook's life. The market looks
    /// it up once a month, and per route only in the few months a policy date splits.
    [[nodiscard]] const Epoch& epochAt(SimTime t) const
    {
        if (t < m_memoFrom || t >= m_memoUntil)
            selectMemo(t);
        return *m_memo;
    }
    /// May the scenario's chip `c` be shipped to its data centre `d` during epoch `e`? Export
    /// rules (US) and import rules (customs blocks, state-DC domestic-only) combined: the more
    /// restrictive wins. Worked out once per epoch; inline: the market asks for every pair every
    /// month. The reference stays valid for the PolicyBook's life.
    [[nodiscard]] const RouteDecision& hardwareDecision(std::size_t c, std::size_t d, const Epoch& e) const
    {
        const std::size_t pair = c * m_nDcs + d;
        if (!e.known[pair]) {
            e.decisions[pair] = epochDecision(c, d, e);
            e.known[pair] = 1;
        }
        return e.decisions[pair];
    }
    /// Which policies are in force depends on the date only through this: the number of policy
    /// start and end dates at or before t.
    [[nodiscard]] std::size_t epoch(SimTime t) const;
    /// May the scenario's firm `f` lease capacity of its data centre `d`? `controlledShare(policy)`
    /// gives the share of the DC's capacity on chips the policy's criteria catch (a rule only
    /// closes that share).
    template <typename ControlledShare>
    [[nodiscard]] RouteDecision leaseDecision(std::size_t f, std::size_t d, SimTime t, ControlledShare&& controlledShare) const;

    /// The active diffusion rule, if any.
    [[nodiscard]] const Policy* diffusionRule(SimTime t) const;
    /// Data localisation covering `firm` (its domestic-data training must stay home).
    [[nodiscard]] const Policy* localisation(const Firm& firm, SimTime t) const;
    /// Smuggling enforcement: product of capacity factors, max seizure probability.
    [[nodiscard]] double smugglingCapacityFactor(SimTime t) const;
    [[nodiscard]] double smugglingSeizureFloor(SimTime t) const;

    /// Policy start/end dates strictly inside (t0, t1), sorted: where a month must be split.
    [[nodiscard]] std::span<const SimTime> boundariesWithin(SimTime t0, SimTime t1) const;

    /// Averages a decision over [t0, t1), split at `cuts` (boundariesWithin(t0, t1), asked once
    /// per month by the caller); the governing policy is the one of the most closed sub-interval.
    template <typename Decide>
    [[nodiscard]] RouteDecision averaged(SimTime t0, SimTime t1, std::span<const SimTime> cuts, Decide&& decide) const;

    [[nodiscard]] const scenario::Scenario& scenario() const { return m_s; }

private:
    [[nodiscard]] RouteDecision exportDecision(std::size_t c, std::size_t d, const Epoch& e) const;
    [[nodiscard]] RouteDecision importDecision(std::size_t c, std::size_t d, const Epoch& e) const;
    [[nodiscard]] RouteDecision combinedDecision(std::size_t c, std::size_t d, const Epoch& e) const;
    /// combinedDecision(), or the pair's latest one where the rules in force that bear on the
    /// pair are the same again.
    [[nodiscard]] RouteDecision epochDecision(std::size_t c, std::size_t d, const Epoch& e) const;
    /// The rules that can bear on the hardware decision of chip c at data centre d, as bits of
    /// their indices in m_sorted (asked only while it holds at most 64 rules).
    [[nodiscard]] std::uint64_t bearingOn(std::size_t c, std::size_t d) const;
    // Whether rule i (index in m_sorted) takes part in exportDecision() or importDecision() for
    // chip c at data centre d, or as the diffusion rule in force could close that route.
    [[nodiscard]] bool exportCovers(std::size_t i, std::size_t c, std::size_t d) const
    {
        return m_exportCovers[i * m_nDcs + d] && m_actorsChip[i * m_nChips + c] && catches(i, c);
    }
    [[nodiscard]] bool importCovers(std::size_t i, std::size_t c, std::size_t d) const
    {
        return m_foreign[c * m_nDcs + d] && m_importCovers[i * m_nDcs + d] &&
               (m_sorted[i]->type != scenario::PolicyType::ImportBlock || catches(i, c));
    }
    [[nodiscard]] bool diffusionCloses(std::size_t i, std::size_t c, std::size_t d) const
    {
        return m_tier3[d] && m_foreign[c * m_nDcs + d] && m_actorsChip[i * m_nChips + c] && catches(i, c);
    }
    /// Index in m_sorted of the active diffusion rule, or m_sorted.size() when none is.
    [[nodiscard]] std::size_t diffusionRuleIndex(SimTime t) const;
    /// chipMatches() for m_sorted[i] and the scenario's chip c.
    [[nodiscard]] bool catches(std::size_t i, std::size_t c) const;
    [[nodiscard]] bool computeChipMatch(const Policy& p, const Chip& c) const;
    /// Points m_memo at epoch(t), [m_memoFrom, m_memoUntil) at its dates.
    void selectMemo(SimTime t) const;
    const scenario::Scenario& m_s;
    std::vector<const Policy*> m_sorted; ///< enabled policies by start date, then file order
    std::vector<SimTime> m_boundaries;   ///< every start and end date of m_sorted, sorted, unique
    // What the hardware decisions ask of ids, answered once (i: index in m_sorted, c: chip, d: data centre).
    std::size_t m_nChips = 0, m_nDcs = 0, m_nFirms = 0;
    std::vector<std::uint8_t> m_exportCovers; ///< by i * dcs + d: an export control of another place covering d
    std::vector<std::uint8_t> m_importCovers; ///< by i * dcs + d: an import rule that applies at d (any foreign chip)
    std::vector<std::uint8_t> m_actorsChip;   ///< by i * chips + c: no actor, or the chip's designer is the actor
    std::vector<std::uint8_t> m_overrides;    ///< by i * policies + j: policy i names policy j in `overrides`
    std::vector<std::uint8_t> m_foreign;      ///< by c * dcs + d: the chip is designed outside d's location
    std::vector<std::uint8_t> m_tier3;        ///< by d: d sits in a diffusion-rule tier-3 jurisdiction
    std::vector<std::uint8_t> m_leaseAtHome;  ///< by f * dcs + d: d sits where firm f is headquartered
    std::vector<std::uint8_t> m_leaseRules;   ///< by i * firms + f: a leasing rule that catches firm f
    // Caches: a World asks the same questions every month, from one thread.
    mutable std::vector<std::int8_t> m_chipMatch;      ///< by policy * chips + chip: -1 unknown, 0, 1
    mutable std::vector<std::size_t> m_covering;       ///< exportDecision() scratch: indices in m_sorted
    mutable std::vector<Epoch> m_epochs;               ///< by epoch()
    struct LatestDecision {
        bool known = false;
        std::uint64_t bearing = 0, inForce = 0; ///< bearingOn() the pair, and those of them in force
        RouteDecision dec;                      ///< combinedDecision() with those in force
    };
    mutable std::vector<LatestDecision> m_latest; ///< by chip * dcs + dc
    mutable Epoch* m_memo = nullptr;                   ///< the last epoch asked
    mutable Epoch* m_previous = nullptr;               ///< the one before
    mutable SimTime m_memoFrom = 0, m_memoUntil = 0;
};

[[nodiscard]] bool contains(const std::vector<std::string>& v, const std::string& x);

template <typename ControlledShare>
RouteDecision PolicyBook::leaseDecision(std::size_t f, std::size_t d, SimTime t, ControlledShare&& controlledShare) const
{
    RouteDecision dec;
    if (m_leaseAtHome[f * m_nDcs + d])
        return dec; // remote-access and diffusion leasing rules concern use from abroad
    if (t < m_memoFrom || t >= m_memoUntil)
        selectMemo(t);
    for (const std::size_t i : m_memo->active) {
        if (!m_leaseRules[i * m_nFirms + f])
            continue;
        const Policy* p = m_sorted[i];
        const double open = 1.0 - controlledShare(*p);
        if (open < dec.open || (open == dec.open && !dec.policy && open < 1.0)) {
            dec.open = open;
            dec.policy = p;
        }
    }
    return dec;
}

template <typename Decide>
RouteDecision PolicyBook::averaged(SimTime t0, SimTime t1, std::span<const SimTime> cuts, Decide&& decide) const
{
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
