#include "sim/scenario/schedule_paths.hpp"

#include <algorithm>
#include <vector>

namespace cp::scenario {
namespace {

template <class T>
T* byId(std::vector<T>& items, const std::string& id)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}

Schedule* optional(std::optional<Schedule>& s) { return s ? &*s : nullptr; }

} // namespace

Schedule* findSchedule(Scenario& s, const std::string& path)
{
    const std::vector<std::string> p = splitKeyPath(path);
    if (p.size() == 3 && p[0] == "chips") {
        auto* c = byId(s.chips, p[1]);
        return c && p[2] == "price_usd" ? &c->priceUsd : nullptr;
    }
    if (p.size() == 5 && p[0] == "producers" && p[2] == "lines") {
        auto* pr = byId(s.producers, p[1]);
        if (!pr)
            return nullptr;
        auto it = std::find_if(pr->lines.begin(), pr->lines.end(), [&](const auto& l) { return l.chip == p[3]; });
        if (it == pr->lines.end())
            return nullptr;
        if (p[4] == "units_per_month")
            return optional(it->unitsPerMonth);
        if (p[4] == "dies_per_month")
            return optional(it->diesPerMonth);
        if (p[4] == "hbm_stacks_per_month")
            return optional(it->hbmStacksPerMonth);
        return p[4] == "yield" ? &it->yield : nullptr;
    }
    if (p.size() == 3 && p[0] == "data_centres") {
        auto* d = byId(s.dataCentres, p[1]);
        if (d && p[2] == "power_mw")
            return &d->powerMw;
        return d && p[2] == "lease_price_usd_per_h100e_hour" ? &d->leasePriceUsdPerH100eHour : nullptr;
    }
    if (p.size() == 3 && p[0] == "firms") {
        auto* f = byId(s.firms, p[1]);
        if (!f)
            return nullptr;
        if (p[2] == "lease_budget_usd_per_month")
            return &f->leaseBudgetUsdPerMonth;
        if (p[2] == "compute_target_h100e")
            return &f->computeTargetH100e;
        if (p[2] == "run_months")
            return &f->runMonths;
        return p[2] == "inference_share" ? &f->inferenceShare : nullptr;
    }
    if (p.size() == 3 && p[0] == "smuggling") {
        auto* r = byId(s.smuggling, p[1]);
        return r && p[2] == "capacity_units_per_month" ? &r->capacityUnitsPerMonth : nullptr;
    }
    return nullptr;
}

const Schedule* findSchedule(const Scenario& s, const std::string& path)
{
    return findSchedule(const_cast<Scenario&>(s), path); // read-only use of the same lookup
}

} // namespace cp::scenario
