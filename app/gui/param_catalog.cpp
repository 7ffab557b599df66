#include "app/gui/param_catalog.hpp"

#include "app/gui/yaml_text.hpp"
#include "sim/scenario/fields.hpp"

#include <QObject>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace cp::gui {
namespace {

using scenario::Scenario;
namespace fields = scenario::fields;

template <class T>
std::optional<std::pair<double, double>> rangeIn(std::span<const fields::NumberField<T>> table, const std::string& key)
{
    for (const auto& f : table)
        if (key == f.key)
            return std::make_pair(f.spec.min, f.spec.max);
    return std::nullopt;
}

// The loader's valid range for a key path (scenarios/README.md lists the same).
std::pair<double, double> validRange(const std::vector<std::string>& p)
{
    const std::string& key = p.back();
    std::optional<std::pair<double, double>> r;
    if (p[0] == "capability")
        r = rangeIn<scenario::CapabilityParams>(fields::kCapability, key);
    else if (p[0] == "market")
        r = rangeIn<scenario::MarketParams>(fields::kMarket, key);
    else if (p[0] == "chips")
        r = rangeIn<scenario::Chip>(fields::kChip, key);
    else if (p[0] == "producers")
        r = rangeIn<scenario::ProductionLine>(fields::kProductionLine, key);
    else if (p[0] == "data_centres")
        r = rangeIn<scenario::DataCentre>(fields::kDataCentre, key);
    else if (p[0] == "firms")
        r = p.size() == 4 && p[2] == "strategy" ? rangeIn<scenario::Firm>(fields::kFirmStrategy, key)
                                                : rangeIn<scenario::Firm>(fields::kFirm, key);
    else if (p[0] == "policies")
        r = rangeIn<scenario::Policy>(fields::kPolicy, key);
    else if (p[0] == "smuggling")
        r = rangeIn<scenario::SmugglingRoute>(fields::kSmuggling, key);
    if (r)
        return *r;
    // Schedules and optional values (scenarios/README.md).
    static const std::map<std::string, std::pair<double, double>> other = {
        {"units_per_month", {0, 1e8}},  {"dies_per_month", {0, 1e9}},     {"yield", {0, 1}},
        {"hbm_stacks_per_month", {0, 1e9}}, {"power_mw", {0, 1e6}},       {"lease_price_usd_per_h100e_hour", {0, 1000}},
        {"lease_budget_usd_per_month", {0, 1e12}}, {"compute_target_h100e", {0, 1e9}}, {"inference_share", {0, 1}},
        {"price_usd", {0, 1e7}},        {"capacity_units_per_month", {0, 1e8}}, {"cap_units_per_month", {0, 1e9}},
        {"training_flop", {1e15, 1e35}}};
    if (auto it = other.find(key); it != other.end())
        return it->second;
    if (p.size() == 4 && p[2] == "initial_fleet")
        return {0, 1e9};
    return {0, 1e300};
}

template <class T>
const T* byId(const std::vector<T>& items, const std::string& id)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// Plain words for a parameter's entity ("DeepSeek", "Huawei: Ascend 910C") and group.
std::pair<QString, QString> entityAndGroup(const Scenario& s, const std::vector<std::string>& p)
{
    const std::string& section = p[0];
    if (section == "capability")
        return {QObject::tr("Capability index"), QObject::tr("Capability")};
    if (section == "market")
        return {QObject::tr("Market"), QObject::tr("Market")};
    if (section == "chips") {
        const auto* c = byId(s.chips, p[1]);
        return {c ? q(c->name) : q(p[1]), QObject::tr("Chips")};
    }
    if (section == "producers") {
        // Chip names carry the vendor ("Huawei Ascend 910C"), so a line is named by its chip.
        const auto* pr = byId(s.producers, p[1]);
        const auto* c = p.size() >= 5 ? byId(s.chips, p[3]) : nullptr;
        const QString name = c ? q(c->name) : (p.size() >= 5 ? q(p[3]) : (pr ? q(pr->name) : q(p[1])));
        return {name, QObject::tr("Production")};
    }
    if (section == "data_centres") {
        const auto* d = byId(s.dataCentres, p[1]);
        return {d ? q(d->name) : q(p[1]), QObject::tr("Data centres")};
    }
    if (section == "firms") {
        const auto* f = byId(s.firms, p[1]);
        return {f ? q(f->name) : q(p[1]), QObject::tr("Firms")};
    }
    if (section == "policies") {
        const auto* pol = byId(s.policies, p[1]);
        return {pol ? q(pol->name) : q(p[1]), QObject::tr("Policies")};
    }
    if (section == "smuggling")
        return {QObject::tr("Smuggling route %1").arg(q(p[1])), QObject::tr("Smuggling")};
    return {q(section), QObject::tr("Other")};
}

QString fieldLabel(const std::vector<std::string>& p)
{
    static const std::map<std::string, const char*> names = {
        {"algorithmic_efficiency", "algorithmic efficiency"},
        {"algorithmic_progress_per_year", "algorithmic progress per year"},
        {"points_per_oom", "index points per 10x compute"},
        {"domestic_data_share", "share of training on domestic data"},
        {"lease_budget_usd_per_month", "leasing budget"},
        {"compute_target_h100e", "compute target"},
        {"inference_share", "inference share"},
        {"frontier_run_share", "share of compute for a frontier run"},
        {"mfu", "model FLOP utilisation"},
        {"dies_per_month", "dies per month"},
        {"hbm_stacks_per_month", "HBM stacks per month"},
        {"units_per_month", "output"},
        {"approval_rate", "licence approval rate"},
        {"share_blocked", "share blocked at customs"},
        {"cap_units_per_month", "volume cap"},
        {"tier2_cap_h100e", "tier-2 country cap"},
        {"capacity_factor", "smuggling capacity factor"},
        {"capacity_units_per_month", "capacity"},
        {"bf16_tflops", "dense BF16 throughput"},
        {"lease_price_usd_per_h100e_hour", "lease price"},
        {"power_mw", "IT power"},
        {"price_usd", "price"},
    };
    const std::string& key = p.back();
    if (auto it = names.find(key); it != names.end())
        return QObject::tr(it->second);
    QString text = q(key);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (p.size() == 4 && p[2] == "initial_fleet")
        text = QObject::tr("initial fleet of %1").arg(text);
    return text;
}

bool isKey(const Scenario& s, const std::vector<std::string>& p, const scenario::ParamInfo& info)
{
    static const std::set<std::string> keyFields = {
        "algorithmic_efficiency", "domestic_data_share", "lease_budget_usd_per_month", "compute_target_h100e",
        "dies_per_month", "yield", "hbm_stacks_per_month", "approval_rate", "revenue_share", "share_blocked",
        "cap_units_per_month", "tier2_cap_h100e", "capacity_factor", "seizure_probability",
        "capacity_units_per_month", "software_efficiency", "points_per_oom", "algorithmic_progress_per_year"};
    if (info.dist.kind != scenario::Distribution::Kind::None || keyFields.count(p.back()))
        return true;
    if (p[0] == "producers" && p.back() == "units_per_month" && p.size() == 5) {
        // Output of chips that can reach China: China-only SKUs and domestic chips.
        const auto* c = byId(s.chips, p[3]);
        return c && (c->origin == "china" || std::count(c->markets.begin(), c->markets.end(), "china"));
    }
    return false;
}

void setRange(ParamControl& c, const scenario::Distribution& dist)
{
    using Kind = scenario::Distribution::Kind;
    const double v = c.baseValue;
    double lo = 0, hi = 1;
    switch (dist.kind) {
    case Kind::Uniform:
    case Kind::Triangular: lo = dist.a; hi = dist.b; break;
    case Kind::Normal: lo = dist.a - 3 * dist.b; hi = dist.a + 3 * dist.b; break;
    case Kind::LogNormal: lo = std::exp(dist.a - 3 * dist.b); hi = std::exp(dist.a + 3 * dist.b); break;
    case Kind::None:
        if (c.validMin >= 0 && c.validMax <= 1) {
            lo = 0;
            hi = 1;
        } else if (v > 0) {
            lo = v / 4;
            hi = v * 4;
        }
        break;
    }
    lo = std::max(std::min(lo, v), c.validMin);
    hi = std::min(std::max(hi, v), c.validMax);
    if (!(hi > lo))
        hi = lo + 1;
    c.sliderMin = lo;
    c.sliderMax = hi;
    c.logScale = lo > 0 && hi / lo >= 10;
}

} // namespace

std::vector<ParamControl> buildParamControls(const Scenario& base)
{
    std::vector<ParamControl> out;
    for (const auto& info : base.params) {
        const auto p = yaml::splitKeyPath(info.path);
        // Chip criteria inside `match:` lists have no id, so no override can name them.
        if (p.size() < 2 || std::find(p.begin(), p.end(), "match") != p.end())
            continue;
        ParamControl c;
        c.path = info.path;
        c.info = info;
        std::tie(c.entity, c.group) = entityAndGroup(base, p);
        c.field = fieldLabel(p);
        c.unit = q(info.unit);
        c.key = isKey(base, p, info);
        std::tie(c.validMin, c.validMax) = validRange(p);
        const auto* schedule = findSchedule(base, info.path);
        if (schedule && !schedule->isConstant()) {
            c.scheduleFactor = true;
            c.schedule = *schedule;
            c.baseValue = 1;
            double peak = 0;
            for (const auto& pt : schedule->points)
                peak = std::max(peak, pt.second);
            const double maxFactor = peak > 0 ? c.validMax / peak : 100;
            c.unit = QObject::tr("× schedule");
            c.validMin = 0;
            c.validMax = std::min(100.0, maxFactor);
            c.sliderMin = 0.25;
            c.sliderMax = std::min(4.0, maxFactor);
            c.logScale = c.sliderMax / c.sliderMin >= 10;
        } else {
            c.baseValue = info.value;
            setRange(c, info.dist);
        }
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const ParamControl& a, const ParamControl& b) {
        static const QStringList order = {QObject::tr("Policies"), QObject::tr("Production"), QObject::tr("Firms"),
                                          QObject::tr("Capability"), QObject::tr("Chips"), QObject::tr("Smuggling"),
                                          QObject::tr("Data centres"), QObject::tr("Market"), QObject::tr("Other")};
        return order.indexOf(a.group) < order.indexOf(b.group);
    });
    return out;
}

double roundForDisplay(double v)
{
    if (v == 0 || !std::isfinite(v))
        return v;
    const double digits = 3 - std::ceil(std::log10(std::fabs(v)));
    const double scale = std::pow(10.0, digits);
    return std::round(v * scale) / scale;
}

} // namespace cp::gui
