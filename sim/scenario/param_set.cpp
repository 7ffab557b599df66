// setNumericParam / resolveNumericParam: write one scalar through the same field tables the
// loader reads with. Resolving parses the path and finds the object once; the setter then
// reaches it by index, so a Monte Carlo batch pays for the path only once per parameter.
#include "sim/scenario/fields.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/schedule_paths.hpp"

#include <algorithm>

namespace cp::scenario {
namespace {

[[noreturn]] void fail(const std::string& path, std::string msg)
{
    throw ScenarioError({Diagnostic{"<parameter>", 0, 0, path, std::move(msg)}});
}

void checkRange(double v, const NumberSpec& spec, const std::string& path)
{
    if (!(v >= spec.min && v <= spec.max))
        fail(path, "value " + std::to_string(v) + " outside the valid range [" + std::to_string(spec.min) + ", " +
                       std::to_string(spec.max) + "]");
}

template <class Field>
const Field* findField(std::span<const Field> table, const std::string& key)
{
    auto it = std::find_if(table.begin(), table.end(), [&](const Field& f) { return key == f.key; });
    return it == table.end() ? nullptr : &*it;
}

// A setter for the field named `key` of the object `get` reaches; works for required and
// optional fields. `get` holds indices, not pointers, so the setter works on any copy.
template <class T, class Get>
NumericParamSetter fieldSetter(Get get, std::span<const fields::NumberField<T>> table, const std::string& key,
                               const std::string& path, std::span<const fields::OptionalNumberField<T>> optionalTable = {})
{
    if (const auto* f = findField(table, key))
        return [get, member = f->member, spec = f->spec, path](Scenario& s, double v) {
            checkRange(v, spec, path);
            get(s).*member = v;
        };
    if (const auto* f = findField(optionalTable, key))
        return [get, member = f->member, spec = f->spec, path](Scenario& s, double v) {
            checkRange(v, spec, path);
            get(s).*member = v;
        };
    fail(path, "'" + key + "' is not a numeric parameter that can be set here");
}

template <class T, class Pred>
std::size_t indexWhere(const std::vector<T>& items, Pred pred, const std::string& path, const std::string& msg)
{
    auto it = std::find_if(items.begin(), items.end(), pred);
    if (it == items.end())
        fail(path, msg);
    return static_cast<std::size_t>(it - items.begin());
}

template <class T>
std::size_t indexById(const std::vector<T>& items, const std::string& id, const std::string& path)
{
    return indexWhere(items, [&](const T& x) { return x.id == id; }, path, "no item '" + id + "'");
}

// The object a list holds at index `i`, as a getter for fieldSetter.
template <class T>
auto item(std::vector<T> Scenario::*list, std::size_t i)
{
    return [list, i](Scenario& s) -> T& { return (s.*list)[i]; };
}

} // namespace

NumericParamSetter resolveNumericParam(const Scenario& s, const std::string& path)
{
    const std::vector<std::string> p = splitKeyPath(path);
    const auto n = p.size();
    if (n == 2 && p[0] == "capability")
        return fieldSetter<CapabilityParams>([](Scenario& x) -> auto& { return x.capability; }, fields::kCapability, p[1], path);
    if (n == 2 && p[0] == "market")
        return fieldSetter<MarketParams>([](Scenario& x) -> auto& { return x.market; }, fields::kMarket, p[1], path);
    if (n == 3 && p[0] == "chips")
        return fieldSetter<Chip>(item(&Scenario::chips, indexById(s.chips, p[1], path)), fields::kChip, p[2], path);
    if (n == 3 && p[0] == "data_centres")
        return fieldSetter<DataCentre>(item(&Scenario::dataCentres, indexById(s.dataCentres, p[1], path)),
                                       fields::kDataCentre, p[2], path);
    if (n == 4 && p[0] == "data_centres" && p[2] == "initial_fleet") {
        const auto dc = indexById(s.dataCentres, p[1], path);
        const auto entry = indexWhere(s.dataCentres[dc].initialFleet, [&](const FleetEntry& f) { return f.chip == p[3]; },
                                      path, "no such fleet entry, or a negative count");
        return [dc, entry, path](Scenario& x, double v) {
            if (!(v >= 0))
                fail(path, "no such fleet entry, or a negative count");
            x.dataCentres[dc].initialFleet[entry].units = v;
        };
    }
    if (n == 3 && p[0] == "firms")
        return fieldSetter<Firm>(item(&Scenario::firms, indexById(s.firms, p[1], path)), fields::kFirm, p[2], path);
    if (n == 4 && p[0] == "firms" && p[2] == "strategy")
        return fieldSetter<Firm>(item(&Scenario::firms, indexById(s.firms, p[1], path)), fields::kFirmStrategy, p[3], path);
    if (n == 3 && p[0] == "policies")
        return fieldSetter<Policy>(item(&Scenario::policies, indexById(s.policies, p[1], path)), fields::kPolicy, p[2],
                                   path, fields::kPolicyOptional);
    if (n == 3 && p[0] == "smuggling")
        return fieldSetter<SmugglingRoute>(item(&Scenario::smuggling, indexById(s.smuggling, p[1], path)),
                                           fields::kSmuggling, p[2], path);
    if (n == 5 && p[0] == "producers" && p[2] == "lines") {
        const auto producer = indexById(s.producers, p[1], path);
        const auto line = indexWhere(s.producers[producer].lines, [&](const ProductionLine& l) { return l.chip == p[3]; },
                                     path, "no production line for chip '" + p[3] + "'");
        return fieldSetter<ProductionLine>(
            [producer, line](Scenario& x) -> auto& { return x.producers[producer].lines[line]; }, fields::kProductionLine,
            p[4], path);
    }
    fail(path, "not a numeric parameter path");
}

void setNumericParam(Scenario& s, const std::string& path, double v)
{
    resolveNumericParam(s, path)(s, v);
}

NumericParamSetter resolveDraw(const Scenario& base, const ParamInfo& param)
{
    if (!param.schedule)
        return resolveNumericParam(base, param.path);
    const Schedule* schedule = findSchedule(base, param.path);
    if (!schedule)
        fail(param.path, "not a schedule that can vary between runs");
    const std::string path = param.path;
    if (!param.scheduleFactor)
        return [path](Scenario& s, double v) { *findSchedule(s, path) = Schedule::constant(v); };
    return [path, points = schedule->points, lo = param.validMin, hi = param.validMax](Scenario& s, double factor) {
        auto& out = findSchedule(s, path)->points;
        out = points;
        for (auto& point : out)
            point.second = std::clamp(point.second * factor, lo, hi);
    };
}

void applyDraw(Scenario& s, const ParamInfo& param, double draw)
{
    resolveDraw(s, param)(s, draw);
}

} // namespace cp::scenario
