// Lookups that depend only on the scenario, resolved once per World so that the monthly steps
// compare small integers instead of id strings and index vectors instead of string-keyed maps.
#pragma once

#include "sim/scenario/scenario_spec.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cp::model {

struct WorldIndex {
    explicit WorldIndex(const scenario::Scenario& s);

    std::size_t nDcs = 0;
    [[nodiscard]] std::size_t pair(std::size_t chip, std::size_t dc) const { return chip * nDcs + dc; }

    /// Place ids: each distinct jurisdiction string (locations, origins, HQs) gets one integer,
    /// so two places are equal exactly when their ids are.
    std::vector<int> dcLocation, chipOrigin, firmHq;
    /// The chip is designed where the data centre sits (not foreign to it).
    [[nodiscard]] bool designedAt(std::size_t chip, std::size_t dc) const { return chipOrigin[chip] == dcLocation[dc]; }
    std::size_t nPlaces = 0;

    /// By chip, the data centres (ascending) it can be bought for: the vendor sells it at the
    /// location, and the owner, if any, runs chips of its home jurisdiction's design
    /// (strategy.uses_domestic_chips; a firm that will not does not buy them for its own sites).
    std::vector<std::vector<std::size_t>> buyableDcs;
    std::vector<const scenario::Jurisdiction*> dcJurisdiction; ///< nullptr if the location is unknown
    /// Months the owner of each data centre orders ahead; empty when no firm owns it.
    std::vector<std::optional<int>> dcStockpileMonths;

    /// Whether firm f runs data centre d as its own (owner and ownsCompute), by f * nDcs + d.
    std::vector<std::uint8_t> ownCompute;
    /// Whether firm f will not lease at data centre d (no leasing at home or abroad, as the case
    /// may be) or d turns away lessees from f's headquarters, by f * nDcs + d.
    std::vector<std::uint8_t> leaseRefused;

    /// Smuggling routes: chip indices (as `chips` lists them), and the data centres smuggled
    /// chips can reach (not state-funded, at the destination; ascending).
    std::vector<std::vector<std::size_t>> smugglingChips, smugglingDcs;

    /// Shipment routes "location/chip", numbered in name order: walking the indices visits
    /// routes in the order of a std::map keyed by name (series and log lines follow it).
    std::vector<std::string> routeNames;
    std::vector<std::size_t> routeOfPair; ///< route index by pair(chip, dc)

    /// Whether every (entity, metric) the monthly record writes names its own series: ids are
    /// distinct within firms, data centres, jurisdictions and chips, and no firm id holds a '/'
    /// (so no two "firm/chip" names meet). Validated scenarios always qualify; others go
    /// through the name lookup that merges equal names.
    bool seriesNamesDistinct = false;
    /// Whether distinct (route, rule) blocks have distinct keys "from|to|policy id" (hardware:
    /// chip to data centre, leases: data centre to firm): ids are distinct within chips and data
    /// centres together, within firms and within policies, and none holds a '|'.
    bool blockKeysDistinct = false;
};

} // namespace cp::model
