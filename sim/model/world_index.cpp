#include "sim/model/world_index.hpp"

#include "sim/model/policy_book.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace cp::model {

namespace {
template <typename... Lists>
std::vector<std::string_view> idsOf(const Lists&... lists)
{
    std::vector<std::string_view> ids;
    (..., [&] {
        for (const auto& item : lists)
            ids.push_back(item.id);
    }());
    return ids;
}

/// Whether no id occurs twice across the lists.
template <typename... Lists>
bool idsDistinct(const Lists&... lists)
{
    auto ids = idsOf(lists...);
    std::sort(ids.begin(), ids.end());
    return std::adjacent_find(ids.begin(), ids.end()) == ids.end();
}

/// Whether no id of the lists holds `c`.
template <typename... Lists>
bool idsFreeOf(char c, const Lists&... lists)
{
    const auto ids = idsOf(lists...);
    return std::none_of(ids.begin(), ids.end(), [&](std::string_view id) { return id.find(c) != id.npos; });
}
} // namespace

WorldIndex::WorldIndex(const scenario::Scenario& s) : nDcs(s.dataCentres.size())
{
    std::map<std::string, int, std::less<>> places;
    auto place = [&](const std::string& id) { return places.emplace(id, static_cast<int>(places.size())).first->second; };
    for (const auto& dc : s.dataCentres)
        dcLocation.push_back(place(dc.location));
    for (const auto& chip : s.chips)
        chipOrigin.push_back(place(chip.origin));
    for (const auto& firm : s.firms)
        firmHq.push_back(place(firm.hq));
    for (const auto& route : s.smuggling) {
        auto& chips = smugglingChips.emplace_back();
        for (const auto& id : route.chips)
            chips.push_back(static_cast<std::size_t>(s.findChip(id) - s.chips.data()));
        auto& dcs = smugglingDcs.emplace_back();
        for (std::size_t d = 0; d < nDcs; ++d)
            if (s.dataCentres[d].location == route.destination && !s.dataCentres[d].stateFunded)
                dcs.push_back(d);
    }
    nPlaces = places.size();

    std::vector<const scenario::Firm*> owners; // by data centre
    for (const auto& dc : s.dataCentres)
        owners.push_back(dc.owner.empty() ? nullptr : s.findFirm(dc.owner));
    for (const auto& chip : s.chips) {
        auto& dcs = buyableDcs.emplace_back();
        for (std::size_t d = 0; d < nDcs; ++d) {
            const auto& dc = s.dataCentres[d];
            const bool sold = chip.markets.empty() || contains(chip.markets, dc.location);
            const bool refused = owners[d] && !owners[d]->usesDomesticChips && chip.origin == owners[d]->hq;
            if (sold && !refused)
                dcs.push_back(d);
        }
    }
    for (const auto& firm : s.firms)
        for (const auto& dc : s.dataCentres) {
            ownCompute.push_back(dc.owner == firm.id && firm.ownsCompute ? 1 : 0);
            const bool home = dc.location == firm.hq;
            leaseRefused.push_back((home && !firm.leasesDomestic) || (!home && !firm.leasesOffshore) ||
                                           contains(dc.refusesLesseesFrom, firm.hq)
                                       ? 1
                                       : 0);
        }
    for (std::size_t d = 0; d < nDcs; ++d) {
        dcJurisdiction.push_back(s.findJurisdiction(s.dataCentres[d].location));
        dcStockpileMonths.push_back(owners[d] ? std::optional<int>(static_cast<int>(std::lround(owners[d]->stockpileMonths)))
                                              : std::nullopt);
    }

    // Several data centres share a location, and so a route: names are made once per place the
    // data centres sit in (by its slot), and equal names get one index.
    const std::size_t nChips = s.chips.size();
    std::vector<std::string> names; // by slot * chips + chip
    std::vector<std::size_t> slotOfPlace(nPlaces, 0), slotOfDc; // slots count from 1: 0 is none yet
    std::size_t slots = 0;
    for (std::size_t d = 0; d < nDcs; ++d) {
        auto& slot = slotOfPlace[static_cast<std::size_t>(dcLocation[d])];
        if (slot == 0) {
            slot = ++slots;
            for (const auto& chip : s.chips)
                names.push_back(s.dataCentres[d].location + "/" + chip.id);
        }
        slotOfDc.push_back(slot - 1);
    }
    routeNames = names;
    std::sort(routeNames.begin(), routeNames.end());
    routeNames.erase(std::unique(routeNames.begin(), routeNames.end()), routeNames.end());
    std::vector<std::size_t> routeOfName;
    for (const auto& name : names)
        routeOfName.push_back(static_cast<std::size_t>(std::lower_bound(routeNames.begin(), routeNames.end(), name) -
                                                       routeNames.begin()));
    for (std::size_t c = 0; c < nChips; ++c)
        for (std::size_t d = 0; d < nDcs; ++d)
            routeOfPair.push_back(routeOfName[slotOfDc[d] * nChips + c]);

    // Only firm ids meet another id in one name ("firm/chip"); the others may hold a '/'.
    seriesNamesDistinct = idsFreeOf('/', s.firms) && idsDistinct(s.firms) && idsDistinct(s.dataCentres) &&
                          idsDistinct(s.jurisdictions) && idsDistinct(s.chips);
    blockKeysDistinct = idsFreeOf('|', s.chips, s.dataCentres, s.firms, s.policies) &&
                        idsDistinct(s.chips, s.dataCentres) && idsDistinct(s.firms) && idsDistinct(s.policies);
}

} // namespace cp::model
