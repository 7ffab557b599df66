#include "sim/scenario/build.hpp"

#include "sim/scenario/fields.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cp::scenario {
namespace {

constexpr NumberSpec kShare{"share", 0, 1};
constexpr NumberSpec kNonNegative{"", 0, 1e300};

// Reads a list of objects; each item is read by fn(reader, index).
template <class Fn>
void forEachItem(ObjReader& parent, const std::string& key, BuildContext& ctx, std::size_t maxItems, Fn fn)
{
    const YamlNode* n = parent.get(key);
    if (!n)
        return;
    if (!n->isSeq()) {
        ctx.error(n->mark, parent.keyPath(key), "expected a list, found " + n->describe());
        return;
    }
    if (n->seq.size() > maxItems) {
        ctx.error(n->mark, parent.keyPath(key), "more than " + std::to_string(maxItems) + " items");
        return;
    }
    for (std::size_t i = 0; i < n->seq.size(); ++i) {
        const YamlNode& item = n->seq[i];
        // Items are named by id in key paths (firms.deepseek.mfu), like --set expects.
        std::string name = std::to_string(i);
        for (const char* idKey : {"id", "chip", "name"})
            if (const YamlNode* idn = item.isMap() ? item.find(idKey) : nullptr; idn && idn->isScalar()) {
                name = idn->scalar;
                break;
            }
        ObjReader r(item, parent.keyPath(key) + "." + name, ctx);
        if (r.ok())
            fn(r);
    }
}

void readRun(ObjReader& top, Scenario& s, BuildContext& ctx)
{
    const YamlNode* n = top.get("run", true);
    if (!n)
        return;
    ObjReader r(*n, "run", ctx);
    r.date("start", s.run.start, true);
    r.date("end", s.run.end, true);
    r.unsignedInteger("seed", s.run.seed);
    r.integer("runs", s.run.runs, 1, 100000);
}

void readMarket(ObjReader& top, Scenario& s, BuildContext& ctx)
{
    const YamlNode* n = top.get("market");
    if (!n)
        return;
    ObjReader r(*n, "market", ctx);
    r.integer("step_months", s.market.stepMonths, 1, 12);
    r.integer("shipment_lead_days", s.market.shipmentLeadDays, 0, 730);
    fields::readNumbers<MarketParams>(r, s.market, fields::kMarket);
}

void readCapability(ObjReader& top, Scenario& s, BuildContext& ctx)
{
    const YamlNode* n = top.get("capability");
    if (!n)
        return;
    ObjReader r(*n, "capability", ctx);
    fields::readNumbers<CapabilityParams>(r, s.capability, fields::kCapability);
    r.date("algorithmic_reference", s.capability.algorithmicReference);
}

void readChip(ObjReader& r, Chip& c)
{
    r.id("id", c.id, true);
    r.text("name", c.name);
    r.text("vendor", c.vendor);
    r.id("origin", c.origin, true);
    r.date("available", c.available);
    fields::readNumbers<Chip>(r, c, fields::kChip);
    r.schedule("price_usd", c.priceUsd, {"USD per unit", 0, 1e7});
    r.idList("markets", c.markets);
    r.text("source", c.source);
    r.allow({"notes", "confidence"});
}

void readLine(ObjReader& r, ProductionLine& l, BuildContext& ctx)
{
    r.id("chip", l.chip, true);
    r.optionalSchedule("units_per_month", l.unitsPerMonth, {"units per month", 0, 1e8});
    r.optionalSchedule("dies_per_month", l.diesPerMonth, {"dies per month", 0, 1e9});
    r.schedule("yield", l.yield, kShare);
    r.optionalSchedule("hbm_stacks_per_month", l.hbmStacksPerMonth, {"HBM stacks per month", 0, 1e9});
    fields::readNumbers<ProductionLine>(r, l, fields::kProductionLine);
    r.text("source", l.source);
    r.allow({"notes", "confidence"});
    if (l.unitsPerMonth.has_value() == l.diesPerMonth.has_value())
        ctx.error(r.mark(), r.path(), "give exactly one of units_per_month or dies_per_month");
}

void readProducer(ObjReader& r, Producer& p, BuildContext& ctx)
{
    r.id("id", p.id, true);
    r.text("name", p.name);
    r.id("jurisdiction", p.jurisdiction, true);
    r.text("foundry", p.foundry);
    r.text("source", p.source);
    r.allow({"notes", "confidence"});
    forEachItem(r, "lines", ctx, 256, [&](ObjReader& lr) {
        ProductionLine l;
        readLine(lr, l, ctx);
        p.lines.push_back(std::move(l));
    });
}

void readFleet(ObjReader& r, const std::string& key, std::vector<FleetEntry>& out, BuildContext& ctx)
{
    const YamlNode* n = r.get(key);
    if (!n)
        return;
    if (!n->isMap()) {
        ctx.error(n->mark, r.keyPath(key), "expected a mapping of chip ids to unit counts like {a100: 25000}, found " + n->describe());
        return;
    }
    ObjReader fr(*n, r.keyPath(key), ctx);
    for (const auto& e : n->map) {
        FleetEntry f{e.key, 0};
        fr.number(e.key, f.units, {"units", 0, 1e9});
        out.push_back(f);
    }
}

void readDataCentre(ObjReader& r, DataCentre& d, BuildContext& ctx)
{
    r.id("id", d.id, true);
    r.text("name", d.name);
    r.text("operator", d.operatorName);
    r.id("operator_hq", d.operatorHq, true);
    r.id("location", d.location, true);
    r.id("owner", d.owner);
    r.boolean("state_funded", d.stateFunded);
    r.schedule("power_mw", d.powerMw, {"MW", 0, 1e6}, true);
    fields::readNumbers<DataCentre>(r, d, fields::kDataCentre);
    r.schedule("lease_price_usd_per_h100e_hour", d.leasePriceUsdPerH100eHour, {"USD per H100e-hour", 0, 1000});
    readFleet(r, "initial_fleet", d.initialFleet, ctx);
    r.idList("refuses_lessees_from", d.refusesLesseesFrom);
    r.text("source", d.source);
    r.allow({"notes", "confidence"});
}

void readModel(ObjReader& r, ModelRelease& m)
{
    r.text("name", m.name, true);
    r.date("date", m.date, true);
    r.number("training_flop", m.trainingFlop, {"FLOP", 1e15, 1e35, false}, true);
    r.text("source", m.source);
    r.allow({"notes", "confidence"});
}

void readFirm(ObjReader& r, Firm& f, BuildContext& ctx)
{
    r.id("id", f.id, true);
    r.text("name", f.name);
    r.id("hq", f.hq, true);
    r.text("color", f.color);
    if (!f.color.empty() && (f.color.size() != 7 || f.color[0] != '#' ||
                             f.color.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos))
        ctx.error(r.get("color")->mark, r.keyPath("color"), "expected a colour like \"#0072B2\", found '" + f.color + "'");
    if (const YamlNode* st = r.get("strategy")) {
        ObjReader sr(*st, r.keyPath("strategy"), ctx);
        sr.boolean("owns_compute", f.ownsCompute);
        sr.boolean("leases_offshore", f.leasesOffshore);
        sr.boolean("leases_domestic", f.leasesDomestic);
        sr.boolean("uses_domestic_chips", f.usesDomesticChips);
        fields::readNumbers<Firm>(sr, f, fields::kFirmStrategy);
        sr.allow({"notes"});
    }
    r.schedule("lease_budget_usd_per_month", f.leaseBudgetUsdPerMonth, {"USD per month", 0, 1e12});
    r.schedule("compute_target_h100e", f.computeTargetH100e, {"H100e", 0, 1e9});
    r.schedule("inference_share", f.inferenceShare, kShare);
    fields::readNumbers<Firm>(r, f, fields::kFirm);
    r.schedule("run_months", f.runMonths, {"months", 1, 24});
    r.integer("cadence_months", f.cadenceMonths, 1, 60);
    r.date("first_run", f.firstRun);
    forEachItem(r, "prior_models", ctx, 256, [&](ObjReader& mr) {
        ModelRelease m;
        readModel(mr, m);
        f.priorModels.push_back(std::move(m));
    });
    r.text("source", f.source);
    r.allow({"notes", "confidence"});
}

void readCriterion(const YamlNode& n, const std::string& path, ChipCriterion& c, BuildContext& ctx)
{
    ObjReader r(n, path, ctx);
    if (!r.ok())
        return;
    r.optionalNumber("tpp_min", c.tppMin, {"TPP", 0, kNonNegative.max, false});
    r.optionalNumber("tpp_max", c.tppMax, {"TPP", 0, kNonNegative.max, false});
    r.optionalNumber("pd_min", c.pdMin, {"TPP/mm^2", 0, kNonNegative.max, false});
    r.optionalNumber("pd_max", c.pdMax, {"TPP/mm^2", 0, kNonNegative.max, false});
    r.optionalNumber("mem_bw_tbps_min", c.memBwTbpsMin, {"TB/s", 0, kNonNegative.max, false});
    r.optionalNumber("mem_bw_tbps_max", c.memBwTbpsMax, {"TB/s", 0, kNonNegative.max, false});
    r.optionalNumber("interconnect_gbps_min", c.interconnectGbpsMin, {"GB/s", 0, kNonNegative.max, false});
    r.optionalNumber("interconnect_gbps_max", c.interconnectGbpsMax, {"GB/s", 0, kNonNegative.max, false});
    r.idList("chips", c.chips);
    r.idList("origins", c.origins);
    r.allow({"notes"});
}

struct PolicyTypeInfo {
    const char* name;
    PolicyType type;
    std::vector<const char*> keys; // type-specific keys that apply
};

const std::vector<PolicyTypeInfo>& policyTypes()
{
    static const std::vector<PolicyTypeInfo> kTypes = {
        {"export_control", PolicyType::ExportControl,
         {"match", "destinations", "operator_hq", "action", "approval_rate", "revenue_share", "cap_units_per_month"}},
        {"diffusion_rule", PolicyType::DiffusionRule, {"match", "tier2_cap_h100e", "restrict_leasing"}},
        {"remote_access_control", PolicyType::RemoteAccessControl, {"match", "firm_hq"}},
        {"state_dc_domestic_only", PolicyType::StateDcDomesticOnly, {"destinations"}},
        {"import_block", PolicyType::ImportBlock, {"match", "destinations", "share_blocked"}},
        {"data_localisation", PolicyType::DataLocalisation, {"firm_hq"}},
        {"smuggling_enforcement", PolicyType::SmugglingEnforcement, {"capacity_factor", "seizure_probability"}},
    };
    return kTypes;
}

void readPolicy(ObjReader& r, Policy& p, BuildContext& ctx)
{
    r.id("id", p.id, true);
    r.text("name", p.name);
    r.text("description", p.description);
    r.text("source", p.source);
    r.allow({"notes", "confidence"});
    r.id("actor", p.actor);
    r.date("from", p.from, true);
    r.optionalDate("until", p.until);
    r.boolean("enabled", p.enabled);
    r.idList("overrides", p.overrides);

    const PolicyTypeInfo* type = nullptr;
    if (const YamlNode* t = r.get("type", true)) {
        std::vector<std::string> names;
        for (const auto& info : policyTypes()) {
            names.emplace_back(info.name);
            if (t->isScalar() && t->scalar == info.name)
                type = &info;
        }
        if (!type) {
            std::string msg = "expected one of export_control, diffusion_rule, remote_access_control, "
                              "state_dc_domestic_only, import_block, data_localisation, smuggling_enforcement; found " +
                              t->describe();
            if (t->isScalar())
                if (const std::string hint = didYouMean(t->scalar, names); !hint.empty())
                    msg += " (did you mean '" + hint + "'?)";
            ctx.error(t->mark, r.keyPath("type"), msg);
        }
    }
    if (type)
        p.type = type->type;

    if (const YamlNode* m = r.get("match")) {
        if (!m->isSeq())
            ctx.error(m->mark, r.keyPath("match"),
                      "expected a list of chip criteria like [{tpp_min: 4800}, {chips: [h20]}], found " + m->describe());
        else
            for (std::size_t i = 0; i < m->seq.size(); ++i) {
                ChipCriterion c;
                readCriterion(m->seq[i], r.keyPath("match") + "." + std::to_string(i), c, ctx);
                p.match.push_back(std::move(c));
            }
    }
    r.idList("destinations", p.destinations);
    r.idList("operator_hq", p.operatorHq);
    if (const YamlNode* a = r.get("action")) {
        if (a->isScalar() && a->scalar == "deny")
            p.action = ExportAction::Deny;
        else if (a->isScalar() && (a->scalar == "licence" || a->scalar == "license"))
            p.action = ExportAction::Licence;
        else if (a->isScalar() && a->scalar == "allow")
            p.action = ExportAction::Allow;
        else
            ctx.error(a->mark, r.keyPath("action"), "expected deny, licence or allow, found " + a->describe());
    }
    fields::readNumbers<Policy>(r, p, fields::kPolicy);
    fields::readNumbers<Policy>(r, p, fields::kPolicyOptional);
    r.boolean("restrict_leasing", p.restrictLeasing);
    r.idList("firm_hq", p.firmHq);
}

// Reports keys that belong to another policy type (after the typed reads).
void checkPolicyKeys(const YamlNode& item, const std::string& path, const Policy& p, BuildContext& ctx)
{
    const PolicyTypeInfo* mine = nullptr;
    std::set<std::string> all;
    for (const auto& info : policyTypes()) {
        all.insert(info.keys.begin(), info.keys.end());
        if (info.type == p.type)
            mine = &info;
    }
    if (!mine || !item.find("type"))
        return;
    for (const auto& e : item.map) {
        if (!all.count(e.key))
            continue;
        if (std::find_if(mine->keys.begin(), mine->keys.end(), [&](const char* k) { return e.key == k; }) == mine->keys.end())
            ctx.error(e.keyMark, path + "." + e.key,
                      "'" + e.key + "' does not apply to a policy of type " + std::string(mine->name));
    }
    const bool needsMatch = p.type == PolicyType::ExportControl || p.type == PolicyType::ImportBlock;
    if (needsMatch && p.match.empty())
        ctx.error(item.mark, path, "a policy of type " + std::string(mine->name) + " needs 'match' (which chips)");
    const bool needsDest = p.type == PolicyType::ExportControl || p.type == PolicyType::ImportBlock ||
                           p.type == PolicyType::StateDcDomesticOnly;
    if (needsDest && p.destinations.empty() && p.operatorHq.empty())
        ctx.error(item.mark, path, "a policy of type " + std::string(mine->name) + " needs 'destinations'");
    const bool needsFirmHq = p.type == PolicyType::RemoteAccessControl || p.type == PolicyType::DataLocalisation;
    if (needsFirmHq && p.firmHq.empty())
        ctx.error(item.mark, path, "a policy of type " + std::string(mine->name) + " needs 'firm_hq'");
}

void readSmuggling(ObjReader& r, SmugglingRoute& s)
{
    r.id("id", s.id, true);
    r.idList("chips", s.chips);
    r.id("via", s.via, true);
    r.id("destination", s.destination, true);
    r.schedule("capacity_units_per_month", s.capacityUnitsPerMonth, {"units per month", 0, 1e8});
    fields::readNumbers<SmugglingRoute>(r, s, fields::kSmuggling);
    r.text("source", s.source);
    r.allow({"notes", "confidence"});
}

void readJurisdiction(ObjReader& r, Jurisdiction& j)
{
    r.id("id", j.id, true);
    r.text("name", j.name);
    r.integer("diffusion_tier", j.diffusionTier, 1, 3);
    r.text("source", j.source);
    r.allow({"notes", "confidence"});
}

} // namespace

void buildScenario(const YamlNode& root, Scenario& s, BuildContext& ctx)
{
    ObjReader top(root, "", ctx);
    if (!top.ok())
        return;
    s.schema = 0;
    top.integer("schema", s.schema, 1, 1000, true);
    if (s.schema > 1)
        ctx.error(root.find("schema")->mark, "schema",
                  "this is schema version " + std::to_string(s.schema) + "; this program reads version 1");
    top.allow({"extends", "notes"});
    top.id("id", s.id);
    top.text("name", s.name);
    top.text("description", s.description);
    readRun(top, s, ctx);
    readMarket(top, s, ctx);
    readCapability(top, s, ctx);
    forEachItem(top, "jurisdictions", ctx, 500, [&](ObjReader& r) {
        Jurisdiction j;
        readJurisdiction(r, j);
        s.jurisdictions.push_back(std::move(j));
    });
    forEachItem(top, "chips", ctx, 500, [&](ObjReader& r) {
        Chip c;
        readChip(r, c);
        s.chips.push_back(std::move(c));
    });
    forEachItem(top, "producers", ctx, 100, [&](ObjReader& r) {
        Producer p;
        readProducer(r, p, ctx);
        s.producers.push_back(std::move(p));
    });
    forEachItem(top, "data_centres", ctx, 2000, [&](ObjReader& r) {
        DataCentre d;
        readDataCentre(r, d, ctx);
        s.dataCentres.push_back(std::move(d));
    });
    forEachItem(top, "firms", ctx, 500, [&](ObjReader& r) {
        Firm f;
        readFirm(r, f, ctx);
        s.firms.push_back(std::move(f));
    });
    forEachItem(top, "policies", ctx, 1000, [&](ObjReader& r) {
        Policy p;
        readPolicy(r, p, ctx);
        s.policies.push_back(std::move(p));
    });
    if (const YamlNode* pols = root.find("policies"); pols && pols->isSeq() && pols->seq.size() == s.policies.size())
        for (std::size_t i = 0; i < s.policies.size(); ++i)
            checkPolicyKeys(pols->seq[i], "policies." + s.policies[i].id, s.policies[i], ctx);
    forEachItem(top, "smuggling", ctx, 500, [&](ObjReader& r) {
        SmugglingRoute sr;
        readSmuggling(r, sr);
        s.smuggling.push_back(std::move(sr));
    });
}

} // namespace cp::scenario
