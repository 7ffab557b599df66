// setNumericParam: writes one scalar through the same field tables the loader reads with.
#include "sim/scenario/fields.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/schedule_paths.hpp"

#include <algorithm>
#include <sstream>

namespace cp::scenario {
namespace {

[[noreturn]] void fail(const std::string& path, std::string msg)
{
    throw ScenarioError({Diagnostic{"<parameter>", 0, 0, path, std::move(msg)}});
}

// Sets the field named `key` if `table` has it; works for required and optional fields.
template <class T, class Field>
bool trySetField(T& obj, std::span<const Field> table, const std::string& key, double v, const std::string& path)
{
    for (const auto& f : table) {
        if (key != f.key)
            continue;
        if (!(v >= f.spec.min && v <= f.spec.max))
            fail(path, "value " + std::to_string(v) + " outside the valid range [" + std::to_string(f.spec.min) + ", " +
                           std::to_string(f.spec.max) + "]");
        obj.*(f.member) = v;
        return true;
    }
    return false;
}

template <class T>
void setField(T& obj, std::span<const fields::NumberField<T>> table, const std::string& key, double v, const std::string& path,
              std::span<const fields::OptionalNumberField<T>> optionalTable = {})
{
    if (!trySetField<T>(obj, table, key, v, path) && !trySetField<T>(obj, optionalTable, key, v, path))
        fail(path, "'" + key + "' is not a numeric parameter that can be set here");
}

template <class T>
T& findById(std::vector<T>& items, const std::string& id, const std::string& path)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    if (it == items.end())
        fail(path, "no item '" + id + "'");
    return *it;
}

} // namespace

void setNumericParam(Scenario& s, const std::string& path, double v)
{
    std::vector<std::string> p;
    std::stringstream ss(path);
    for (std::string part; std::getline(ss, part, '.');)
        p.push_back(part);
    const auto n = p.size();
    if (n == 2 && p[0] == "capability")
        return setField<CapabilityParams>(s.capability, fields::kCapability, p[1], v, path);
    if (n == 2 && p[0] == "market")
        return setField<MarketParams>(s.market, fields::kMarket, p[1], v, path);
    if (n == 3 && p[0] == "chips")
        return setField<Chip>(findById(s.chips, p[1], path), fields::kChip, p[2], v, path);
    if (n == 3 && p[0] == "data_centres")
        return setField<DataCentre>(findById(s.dataCentres, p[1], path), fields::kDataCentre, p[2], v, path);
    if (n == 4 && p[0] == "data_centres" && p[2] == "initial_fleet") {
        auto& fleet = findById(s.dataCentres, p[1], path).initialFleet;
        auto it = std::find_if(fleet.begin(), fleet.end(), [&](const FleetEntry& f) { return f.chip == p[3]; });
        if (it == fleet.end() || !(v >= 0))
            fail(path, "no such fleet entry, or a negative count");
        it->units = v;
        return;
    }
    if (n == 3 && p[0] == "firms")
        return setField<Firm>(findById(s.firms, p[1], path), fields::kFirm, p[2], v, path);
    if (n == 4 && p[0] == "firms" && p[2] == "strategy")
        return setField<Firm>(findById(s.firms, p[1], path), fields::kFirmStrategy, p[3], v, path);
    if (n == 3 && p[0] == "policies")
        return setField<Policy>(findById(s.policies, p[1], path), fields::kPolicy, p[2], v, path, fields::kPolicyOptional);
    if (n == 3 && p[0] == "smuggling")
        return setField<SmugglingRoute>(findById(s.smuggling, p[1], path), fields::kSmuggling, p[2], v, path);
    if (n == 5 && p[0] == "producers" && p[2] == "lines") {
        auto& lines = findById(s.producers, p[1], path).lines;
        auto it = std::find_if(lines.begin(), lines.end(), [&](const ProductionLine& l) { return l.chip == p[3]; });
        if (it == lines.end())
            fail(path, "no production line for chip '" + p[3] + "'");
        return setField<ProductionLine>(*it, fields::kProductionLine, p[4], v, path);
    }
    fail(path, "not a numeric parameter path");
}

void applyDraw(Scenario& s, const ParamInfo& param, double draw)
{
    if (!param.schedule)
        return setNumericParam(s, param.path, draw);
    Schedule* schedule = findSchedule(s, param.path);
    if (!schedule)
        fail(param.path, "not a schedule that can vary between runs");
    if (!param.scheduleFactor) {
        *schedule = Schedule::constant(draw);
        return;
    }
    for (auto& point : schedule->points)
        point.second = std::clamp(point.second * draw, param.validMin, param.validMax);
}

} // namespace cp::scenario
