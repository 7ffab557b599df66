// Reading the facts file with the scenario library's schema-checked reader, so a bad fact gets
// the same file:line:column: key errors (and did-you-mean hints) as a bad scenario.
#include "sim/calibration/facts.hpp"

#include "sim/scenario/errors.hpp"
#include "sim/scenario/reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace cp::calibration {
namespace {

using scenario::BuildContext;
using scenario::ObjReader;
using scenario::YamlNode;

const std::map<std::string, FactKind>& kindNames()
{
    static const std::map<std::string, FactKind> names{
        {"release_flop", FactKind::ReleaseFlop},       {"release_chips", FactKind::ReleaseChips},
        {"release_index", FactKind::ReleaseIndex},     {"first_reach", FactKind::FirstReach},
        {"release_order", FactKind::ReleaseOrder},     {"frontier_growth", FactKind::FrontierGrowth},
        {"algorithmic_growth", FactKind::AlgorithmicGrowth}, {"series", FactKind::Series},
        {"series_ratio", FactKind::SeriesRatio},       {"installed_power_mw", FactKind::InstalledPowerMw},
        {"parameter", FactKind::Parameter},
    };
    return names;
}

constexpr scenario::NumberSpec kAny{"", -1e300, 1e300, false};
constexpr scenario::NumberSpec kPositive{"", 1e-300, 1e300, false};

void readStrings(ObjReader& r, const std::string& key, std::vector<std::string>& out, BuildContext& ctx)
{
    const YamlNode* n = r.get(key, true);
    if (!n)
        return;
    if (n->isScalar()) {
        out.push_back(n->scalar);
        return;
    }
    if (n->isSeq()) {
        for (const auto& item : n->seq) {
            if (!item.isScalar())
                ctx.error(item.mark, r.keyPath(key), "expected a name, found " + item.describe());
            else
                out.push_back(item.scalar);
        }
        if (!out.empty())
            return;
    }
    ctx.error(n->mark, r.keyPath(key), "expected a name or a list of names, found " + n->describe());
}

void readQuery(const YamlNode& node, const std::string& path, SeriesQuery& q, BuildContext& ctx)
{
    ObjReader r(node, path, ctx);
    if (!r.ok())
        return;
    readStrings(r, "entity", q.entities, ctx);
    readStrings(r, "metric", q.metrics, ctx);
    r.date("from", q.from, true);
    r.date("to", q.to, true);
    std::string agg = "sum";
    r.text("agg", agg);
    static const std::map<std::string, SeriesQuery::Agg> aggs{
        {"sum", SeriesQuery::Agg::Sum}, {"mean", SeriesQuery::Agg::Mean},
        {"last", SeriesQuery::Agg::Last}, {"max", SeriesQuery::Agg::Max}, {"change", SeriesQuery::Agg::Change}};
    if (auto it = aggs.find(agg); it != aggs.end())
        q.agg = it->second;
    else
        ctx.error(r.get("agg")->mark, r.keyPath("agg"), "expected sum, mean, last, max or change, found '" + agg + "'");
    if (q.to < q.from)
        ctx.error(r.mark(), r.keyPath("to"), "'to' is before 'from'");
    r.finish();
}

void readFact(const YamlNode& node, const std::string& path, Fact& f, BuildContext& ctx)
{
    ObjReader r(node, path, ctx);
    if (!r.ok())
        return;
    f.line = node.mark.line;
    f.column = node.mark.column;
    r.id("id", f.id, true);
    r.text("claim", f.claim, true);
    r.text("source", f.source, true);
    r.text("tolerance_why", f.why, true);
    r.text("known_miss", f.knownMiss);
    std::string kind;
    r.text("kind", kind, true);
    if (auto it = kindNames().find(kind); it != kindNames().end()) {
        f.kind = it->second;
    } else if (const YamlNode* k = r.get("kind")) {
        std::vector<std::string> known;
        for (const auto& [name, _] : kindNames())
            known.push_back(name);
        const auto hint = scenario::didYouMean(kind, known);
        ctx.error(k->mark, r.keyPath("kind"),
                  "unknown fact kind '" + kind + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        // Its other keys depend on the kind: do not report them as unknown as well.
        for (const auto& e : node.map)
            (void)r.get(e.key);
        return;
    }

    r.optionalNumber("target", f.target, kAny);
    r.optionalNumber("factor", f.factor, scenario::NumberSpec{"", 1.0, 1e300, false});
    r.optionalNumber("plus_minus", f.plusMinus, scenario::NumberSpec{"", 0.0, 1e300, false});
    r.optionalNumber("min", f.min, kAny);
    r.optionalNumber("max", f.max, kAny);

    switch (f.kind) {
    case FactKind::ReleaseFlop:
    case FactKind::ReleaseChips:
    case FactKind::ReleaseIndex:
    case FactKind::FirstReach:
        r.id("firm", f.firm, true);
        r.date("date", f.date, true);
        r.integer("window_months", f.windowMonths, 0, 120);
        if (f.kind == FactKind::FirstReach) {
            r.number("reach_share", f.reachShare, kPositive);
            r.number("flop", f.reachFlop, kPositive, true);
            if (!f.target)
                f.target = 0.0; // months early (-) or late (+)
        }
        break;
    case FactKind::ReleaseOrder:
        readStrings(r, "order", f.order, ctx);
        break;
    case FactKind::FrontierGrowth:
    case FactKind::AlgorithmicGrowth:
        if (f.kind == FactKind::AlgorithmicGrowth)
            r.id("firm", f.firm, true);
        r.integer("from_year", f.fromYear, 1900, 2200, true);
        r.integer("to_year", f.toYear, 1900, 2200, true);
        if (f.toYear <= f.fromYear)
            ctx.error(r.mark(), r.keyPath("to_year"), "expected a year after from_year");
        break;
    case FactKind::Series:
        if (const YamlNode* q = r.get("series", true))
            readQuery(*q, r.keyPath("series"), f.series, ctx);
        r.text("unit", f.unit);
        break;
    case FactKind::SeriesRatio:
        if (const YamlNode* q = r.get("numerator", true))
            readQuery(*q, r.keyPath("numerator"), f.series, ctx);
        if (const YamlNode* q = r.get("denominator", true))
            readQuery(*q, r.keyPath("denominator"), f.denominator, ctx);
        r.number("scale", f.scale, kPositive);
        r.text("unit", f.unit);
        break;
    case FactKind::InstalledPowerMw:
        r.id("jurisdiction", f.jurisdiction, true);
        r.date("date", f.date, true);
        break;
    case FactKind::Parameter:
        r.text("path", f.path, true);
        break;
    }

    const bool ordered = f.kind == FactKind::ReleaseOrder;
    const bool band = f.min || f.max;
    const bool relative = f.target && (f.factor || f.plusMinus);
    if (!ordered && band == relative)
        ctx.error(node.mark, path, "give a tolerance: either 'target' with 'factor' or 'plus_minus', or 'min'/'max'");
    if (f.factor && f.plusMinus)
        ctx.error(node.mark, path, "'factor' and 'plus_minus' exclude each other");
    if (f.factor && f.target && *f.target <= 0)
        ctx.error(node.mark, r.keyPath("target"), "a target with a factor must be positive");
    if (f.min && f.max && *f.max < *f.min)
        ctx.error(node.mark, r.keyPath("max"), "'max' is below 'min'");
    r.finish();
}

} // namespace

double Fact::low() const
{
    if (min)
        return *min;
    if (target && factor)
        return *target / *factor;
    if (target && plusMinus)
        return *target - *plusMinus;
    return -INFINITY;
}

double Fact::high() const
{
    if (max)
        return *max;
    if (target && factor)
        return *target * *factor;
    if (target && plusMinus)
        return *target + *plusMinus;
    return INFINITY;
}

const char* toString(FactKind kind)
{
    for (const auto& [name, k] : kindNames())
        if (k == kind)
            return name.c_str();
    return "?";
}

FactSet loadFactsFromString(const std::string& text, const std::string& name)
{
    const YamlNode root = scenario::parseYaml(text, name);
    BuildContext ctx;
    FactSet set;
    set.file = name;
    ObjReader top(root, "", ctx);
    if (top.ok()) {
        top.text("scenario", set.scenario, true);
        if (const YamlNode* list = top.get("facts", true)) {
            if (!list->isSeq()) {
                ctx.error(list->mark, "facts", "expected a list of facts, found " + list->describe());
            } else {
                std::set<std::string> ids;
                for (std::size_t i = 0; i < list->seq.size(); ++i) {
                    Fact f;
                    f.file = name;
                    const YamlNode* idNode = list->seq[i].isMap() ? list->seq[i].find("id") : nullptr;
                    const std::string path = "facts." + (idNode && idNode->isScalar() ? idNode->scalar : std::to_string(i));
                    readFact(list->seq[i], path, f, ctx);
                    if (!f.id.empty() && !ids.insert(f.id).second)
                        ctx.error(list->seq[i].mark, path + ".id", "duplicate fact id '" + f.id + "'");
                    set.facts.push_back(std::move(f));
                }
                for (const auto& f : set.facts)
                    for (const auto& ref : f.order) {
                        const auto it = std::find_if(set.facts.begin(), set.facts.end(),
                                                     [&](const Fact& g) { return g.id == ref; });
                        if (it == set.facts.end() || it->kind != FactKind::FirstReach)
                            ctx.error(scenario::Mark{std::make_shared<const std::string>(name), f.line, f.column},
                                      "facts." + f.id + ".order",
                                      "'" + ref + "' is not the id of a first_reach fact");
                    }
            }
        }
        top.finish();
    }
    if (ctx.hasErrors()) {
        std::vector<scenario::Diagnostic> errors;
        for (const auto& d : ctx.diagnostics)
            if (d.severity == scenario::Diagnostic::Severity::Error)
                errors.push_back(d);
        throw scenario::ScenarioError(std::move(errors));
    }
    return set;
}

FactSet loadFacts(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw scenario::ScenarioError({scenario::Diagnostic{path, 0, 0, "", "cannot open the facts file"}});
    std::stringstream ss;
    ss << in.rdbuf();
    return loadFactsFromString(ss.str(), path);
}

} // namespace cp::calibration
