#include "sim/scenario/validate.hpp"

#include <set>

namespace cp::scenario {
namespace {

class RefChecker {
public:
    RefChecker(BuildContext& ctx, std::string kind, std::vector<std::string> ids)
        : m_ctx(ctx), m_kind(std::move(kind)), m_ids(std::move(ids)), m_set(m_ids.begin(), m_ids.end())
    {
    }
    void check(const std::string& id, const std::string& keyPath)
    {
        if (id.empty() || m_set.count(id))
            return;
        std::string msg = "unknown " + m_kind + " '" + id + "'";
        if (const std::string hint = didYouMean(id, m_ids); !hint.empty())
            msg += " (did you mean '" + hint + "'?)";
        else if (m_ids.size() <= 12) {
            msg += "; known: ";
            for (std::size_t i = 0; i < m_ids.size(); ++i)
                msg += (i ? ", " : "") + m_ids[i];
        }
        m_ctx.error(m_ctx.markOf(keyPath), keyPath, msg);
    }
    void checkAll(const std::vector<std::string>& ids, const std::string& keyPath)
    {
        for (const auto& id : ids)
            check(id, keyPath);
    }

private:
    BuildContext& m_ctx;
    std::string m_kind;
    std::vector<std::string> m_ids;
    std::set<std::string> m_set;
};

template <class T>
std::vector<std::string> uniqueIds(const std::vector<T>& items, const std::string& list, BuildContext& ctx)
{
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (const auto& item : items) {
        if (!item.id.empty() && !seen.insert(item.id).second)
            ctx.error(ctx.markOf(list + "." + item.id), list + "." + item.id, "duplicate id '" + item.id + "' in " + list);
        ids.push_back(item.id);
    }
    return ids;
}

} // namespace

void validateScenario(const Scenario& s, BuildContext& ctx)
{
    if (s.run.end <= s.run.start)
        ctx.error(ctx.markOf("run.end"), "run.end", "the run must end after it starts (" + core::formatDate(s.run.start) + ")");
    else if (core::yearsBetween(s.run.start, s.run.end) > 60)
        ctx.error(ctx.markOf("run.end"), "run.end", "runs are limited to 60 years");

    RefChecker jur(ctx, "jurisdiction", uniqueIds(s.jurisdictions, "jurisdictions", ctx));
    RefChecker chips(ctx, "chip", uniqueIds(s.chips, "chips", ctx));
    RefChecker firms(ctx, "firm", uniqueIds(s.firms, "firms", ctx));
    RefChecker pols(ctx, "policy", uniqueIds(s.policies, "policies", ctx));
    (void)uniqueIds(s.producers, "producers", ctx);
    (void)uniqueIds(s.dataCentres, "data_centres", ctx);
    (void)uniqueIds(s.smuggling, "smuggling", ctx);

    for (const auto& c : s.chips) {
        const std::string p = "chips." + c.id;
        jur.check(c.origin, p + ".origin");
        jur.checkAll(c.markets, p + ".markets");
        if (c.bf16Tflops <= 0 && c.fp8Tflops <= 0 && c.fp4Tflops <= 0)
            ctx.error(ctx.markOf(p), p, "a chip needs at least one of bf16_tflops, fp8_tflops, fp4_tflops above 0");
    }
    for (const auto& pr : s.producers) {
        const std::string p = "producers." + pr.id;
        jur.check(pr.jurisdiction, p + ".jurisdiction");
        std::set<std::string> lineChips;
        for (const auto& l : pr.lines) {
            chips.check(l.chip, p + ".lines." + l.chip + ".chip");
            if (!lineChips.insert(l.chip).second)
                ctx.error(ctx.markOf(p + ".lines." + l.chip), p + ".lines." + l.chip, "two production lines for chip '" + l.chip + "'");
        }
    }
    for (const auto& d : s.dataCentres) {
        const std::string p = "data_centres." + d.id;
        jur.check(d.operatorHq, p + ".operator_hq");
        jur.check(d.location, p + ".location");
        firms.check(d.owner, p + ".owner");
        jur.checkAll(d.refusesLesseesFrom, p + ".refuses_lessees_from");
        for (const auto& f : d.initialFleet)
            chips.check(f.chip, p + ".initial_fleet." + f.chip);
    }
    for (const auto& f : s.firms)
        jur.check(f.hq, "firms." + f.id + ".hq");
    for (const auto& pol : s.policies) {
        const std::string p = "policies." + pol.id;
        jur.check(pol.actor, p + ".actor");
        jur.checkAll(pol.destinations, p + ".destinations");
        jur.checkAll(pol.operatorHq, p + ".operator_hq");
        jur.checkAll(pol.firmHq, p + ".firm_hq");
        pols.checkAll(pol.overrides, p + ".overrides");
        for (const auto& o : pol.overrides)
            if (o == pol.id)
                ctx.error(ctx.markOf(p + ".overrides"), p + ".overrides", "a policy cannot override itself");
        for (std::size_t i = 0; i < pol.match.size(); ++i) {
            chips.checkAll(pol.match[i].chips, p + ".match." + std::to_string(i) + ".chips");
            jur.checkAll(pol.match[i].origins, p + ".match." + std::to_string(i) + ".origins");
        }
        if (pol.until && *pol.until <= pol.from)
            ctx.error(ctx.markOf(p + ".until"), p + ".until", "'until' must come after 'from' (" + core::formatDate(pol.from) + ")");
    }
    for (const auto& r : s.smuggling) {
        const std::string p = "smuggling." + r.id;
        chips.checkAll(r.chips, p + ".chips");
        jur.check(r.via, p + ".via");
        jur.check(r.destination, p + ".destination");
    }
}

} // namespace cp::scenario
