// Observables for calibration facts, computed from a run's plain results (releases, monthly
// series) and the scenario's own inputs (data-centre power density, firm MFU), never from
// model internals, so the check sees exactly what an analyst sees in the output files.
#include "sim/calibration/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace cp::calibration {
namespace {

constexpr double kSecondsPerMonth = 365.2425 / 12 * 86400;

std::string sci(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2g", v);
    return buf;
}

std::string fixed(double v, int digits)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string human(double v)
{
    if (!std::isfinite(v))
        return v > 0 ? "inf" : (v < 0 ? "-inf" : "n/a");
    const double a = std::fabs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-2))
        return sci(v);
    if (a >= 1000) {
        std::string s = fixed(std::round(v), 0), out;
        const std::size_t lead = s[0] == '-' ? 1 : 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            out += s[i];
            const std::size_t left = s.size() - i - 1;
            if (i >= lead && left > 0 && left % 3 == 0)
                out += ',';
        }
        return out;
    }
    return fixed(v, a >= 100 ? 0 : (a >= 10 ? 1 : 2));
}

std::string month(SimTime t) { return core::formatDate(t).substr(0, 7); }

double monthsBetween(SimTime a, SimTime b) { return core::yearsBetween(a, b) * 12.0; }

bool isPrior(const scenario::Firm& firm, const model::ModelReleaseRecord& r)
{
    return std::any_of(firm.priorModels.begin(), firm.priorModels.end(),
                       [&](const scenario::ModelRelease& m) { return m.name == r.name; });
}

class Evaluator {
public:
    Evaluator(const scenario::Scenario& s, const model::RunResult& run) : m_s(s), m_run(run) {}

    /// The firm's simulated releases (prior, disclosed models excluded), in release order.
    std::vector<const model::ModelReleaseRecord*> releases(const std::string& firmId) const
    {
        std::vector<const model::ModelReleaseRecord*> out;
        const scenario::Firm* firm = m_s.findFirm(firmId);
        for (const auto& r : m_run.releases)
            if (r.firm == firmId && (!firm || !isPrior(*firm, r)))
                out.push_back(&r);
        return out;
    }

    const model::ModelReleaseRecord* nearest(const Fact& f, std::string& detail) const
    {
        const model::ModelReleaseRecord* best = nullptr;
        for (const auto* r : releases(f.firm))
            if (!best || std::fabs(monthsBetween(f.date, r->release)) < std::fabs(monthsBetween(f.date, best->release)))
                best = r;
        if (!best) {
            detail = "no simulated release";
            return nullptr;
        }
        detail = best->name + ", released " + month(best->release);
        if (std::fabs(monthsBetween(f.date, best->release)) > f.windowMonths + 0.5) {
            detail += " (more than " + std::to_string(f.windowMonths) + " months from " + month(f.date) + ")";
            return nullptr;
        }
        return best;
    }

    double series(const SeriesQuery& q, std::string& detail) const
    {
        std::vector<double> monthly;
        double before = 0; // the month before `from`, for Change
        for (std::size_t p = 0; p < m_run.periods.size(); ++p) {
            const bool inside = m_run.periods[p] >= q.from && m_run.periods[p] <= q.to;
            const bool justBefore = p + 1 < m_run.periods.size() && m_run.periods[p + 1] == q.from;
            if (!inside && !justBefore)
                continue;
            double sum = 0;
            for (const auto& e : q.entities)
                for (const auto& metric : q.metrics) {
                    const model::Series* s = m_run.find(e, metric);
                    if (!s) {
                        // Route and firm/chip series exist only once non-zero, so absent means
                        // zero for those; for any other metric it is a typo and must not pass.
                        if (!isSparse(metric)) {
                            detail = "no series " + e + " " + metric;
                            return NAN;
                        }
                        continue;
                    }
                    if (!std::isnan(s->values[p]))
                        sum += s->values[p];
                }
            if (inside)
                monthly.push_back(sum);
            else
                before = sum;
        }
        if (monthly.empty()) {
            detail = "no simulated months in " + month(q.from) + ".." + month(q.to);
            return NAN;
        }
        double total = 0;
        for (double v : monthly)
            total += v;
        switch (q.agg) {
        case SeriesQuery::Agg::Sum:
            return total;
        case SeriesQuery::Agg::Mean:
            return total / static_cast<double>(monthly.size());
        case SeriesQuery::Agg::Last:
            return monthly.back();
        case SeriesQuery::Agg::Max:
            return *std::max_element(monthly.begin(), monthly.end());
        case SeriesQuery::Agg::Change:
            return monthly.back() - before;
        }
        return NAN;
    }

    static bool isSparse(const std::string& metric)
    {
        return metric == "shipments_units" || metric == "smuggled_units" || metric == "seized_units" ||
               metric == "compute_h100e";
    }

    /// exp of the least-squares slope of ln(y) on x (years).
    static double growth(const std::vector<std::pair<double, double>>& pts)
    {
        if (pts.size() < 2)
            return NAN;
        double mx = 0, my = 0;
        for (const auto& [x, y] : pts) {
            mx += x;
            my += std::log(y);
        }
        mx /= static_cast<double>(pts.size());
        my /= static_cast<double>(pts.size());
        double sxy = 0, sxx = 0;
        for (const auto& [x, y] : pts) {
            sxy += (x - mx) * (std::log(y) - my);
            sxx += (x - mx) * (x - mx);
        }
        return sxx > 0 ? std::exp(sxy / sxx) : NAN;
    }

    std::optional<SimTime> firstReach(const Fact& f) const
    {
        for (const auto* r : releases(f.firm))
            if (r->physicalFlop >= f.reachFlop * f.reachShare)
                return r->release;
        return std::nullopt;
    }

    void run(const Fact& f, const std::vector<Fact>& all, Check& c) const
    {
        std::string unit;
        switch (f.kind) {
        case FactKind::ReleaseFlop:
            if (const auto* r = nearest(f, c.detail))
                c.observed = r->physicalFlop;
            unit = " FLOP";
            break;
        case FactKind::ReleaseChips:
            if (const auto* r = nearest(f, c.detail)) {
                const scenario::Firm* firm = m_s.findFirm(f.firm);
                c.observed = r->physicalFlop /
                             (scenario::kH100FlopPerSecond * firm->mfu * firm->runMonthsAt(r->start) * kSecondsPerMonth);
            }
            unit = " H100e";
            break;
        case FactKind::ReleaseIndex:
            if (const auto* r = nearest(f, c.detail))
                c.observed = r->index;
            unit = " points";
            break;
        case FactKind::FirstReach:
            if (const auto t = firstReach(f)) {
                c.observed = monthsBetween(f.date, *t);
                c.detail = "first release with >= " + sci(f.reachFlop * f.reachShare) + " FLOP: " + month(*t) +
                           " (disclosed " + month(f.date) + ")";
            } else {
                c.detail = "no simulated release reaches " + sci(f.reachFlop * f.reachShare) + " FLOP";
            }
            unit = " months";
            break;
        case FactKind::ReleaseOrder: {
            std::vector<std::pair<SimTime, std::string>> seen;
            bool all_found = true;
            for (const auto& id : f.order) {
                const auto it = std::find_if(all.begin(), all.end(), [&](const Fact& g) { return g.id == id; });
                const auto t = firstReach(*it);
                if (!t) {
                    all_found = false;
                    c.detail = id + " never reached";
                    break;
                }
                seen.emplace_back(*t, id);
            }
            c.observed = 0;
            if (all_found) {
                // Count pairs simulated in the opposite order to the disclosed one.
                int inversions = 0;
                for (std::size_t i = 0; i < seen.size(); ++i)
                    for (std::size_t j = i + 1; j < seen.size(); ++j)
                        if (seen[j].first < seen[i].first)
                            ++inversions;
                c.observed = inversions;
                std::ostringstream d;
                for (std::size_t i = 0; i < seen.size(); ++i)
                    d << (i ? " < " : "") << seen[i].second << " " << month(seen[i].first);
                c.detail = d.str();
            } else {
                c.observed = NAN;
            }
            unit = " pairs out of order";
            break;
        }
        case FactKind::FrontierGrowth: {
            // The largest simulated run released in each year, across all firms.
            std::map<int, double> best;
            for (const auto& firm : m_s.firms)
                for (const auto* r : releases(firm.id)) {
                    const int y = core::toDate(r->release).year;
                    if (y >= f.fromYear && y <= f.toYear)
                        best[y] = std::max(best[y], r->physicalFlop);
                }
            std::vector<std::pair<double, double>> pts;
            for (const auto& [y, v] : best)
                pts.emplace_back(y, v);
            c.observed = growth(pts);
            std::ostringstream d;
            for (const auto& [y, v] : best)
                d << (d.tellp() ? ", " : "") << y << ": " << sci(v);
            c.detail = "largest run per year: " + d.str();
            unit = "x per year";
            break;
        }
        case FactKind::AlgorithmicGrowth: {
            std::vector<std::pair<double, double>> pts;
            for (const auto* r : releases(f.firm)) {
                const int y = core::toDate(r->start).year;
                if (y >= f.fromYear && y <= f.toYear && r->physicalFlop > 0)
                    pts.emplace_back(core::yearsBetween(0, r->start), r->effectiveFlop / r->physicalFlop);
            }
            c.observed = growth(pts);
            c.detail = std::to_string(pts.size()) + " runs started " + std::to_string(f.fromYear) + "-" +
                       std::to_string(f.toYear);
            unit = "x per year";
            break;
        }
        case FactKind::Series:
            c.observed = series(f.series, c.detail);
            if (c.detail.empty())
                c.detail = month(f.series.from) + ".." + month(f.series.to);
            unit = f.unit.empty() ? "" : " " + f.unit;
            break;
        case FactKind::SeriesRatio: {
            std::string dn, dd;
            const double n = series(f.series, dn);
            const double d = series(f.denominator, dd);
            c.observed = d != 0 ? n / d * f.scale : NAN;
            c.detail = !dn.empty() ? dn : (!dd.empty() ? dd : "numerator " + human(n) + ", denominator " + human(d));
            unit = f.unit.empty() ? "" : " " + f.unit;
            break;
        }
        case FactKind::InstalledPowerMw: {
            double mw = 0;
            int n = 0;
            const auto p = period(f.date);
            for (const auto& dc : m_s.dataCentres) {
                if (dc.location != f.jurisdiction || dc.h100ePerMw <= 0)
                    continue;
                if (const model::Series* s = m_run.find(dc.id, "capacity_h100e"); s && p)
                    mw += s->values[*p] / dc.h100ePerMw;
                ++n;
            }
            c.observed = p ? mw : NAN;
            c.detail = std::to_string(n) + " data centres at " + month(f.date);
            unit = " MW";
            break;
        }
        case FactKind::Parameter: {
            const auto it = std::find_if(m_s.params.begin(), m_s.params.end(),
                                         [&](const scenario::ParamInfo& p) { return p.path == f.path; });
            c.observed = it == m_s.params.end() ? NAN : it->value;
            c.detail = it == m_s.params.end() ? "no parameter " + f.path : "input " + f.path;
            unit = it == m_s.params.end() || it->unit.empty() ? "" : " " + it->unit;
            break;
        }
        }
        c.observedText = human(c.observed) + (std::isnan(c.observed) ? "" : unit);
        c.bandText = band(f) + unit;
        c.pass = !std::isnan(c.observed) &&
                 (f.kind == FactKind::ReleaseOrder ? c.observed == 0 : c.observed >= f.low() && c.observed <= f.high());
    }

    std::optional<std::size_t> period(SimTime t) const
    {
        std::optional<std::size_t> p;
        for (std::size_t i = 0; i < m_run.periods.size() && m_run.periods[i] <= t; ++i)
            p = i;
        return p;
    }

    static std::string band(const Fact& f)
    {
        if (f.kind == FactKind::ReleaseOrder)
            return "0";
        if (f.target && f.factor)
            return human(*f.target) + " ×/÷ " + human(*f.factor) + " (" + human(f.low()) + ".." + human(f.high()) + ")";
        if (f.target && f.plusMinus)
            return human(*f.target) + " ± " + human(*f.plusMinus);
        if (f.min && f.max)
            return human(*f.min) + ".." + human(*f.max);
        if (f.min)
            return ">= " + human(*f.min);
        return "<= " + human(*f.max);
    }

private:
    const scenario::Scenario& m_s;
    const model::RunResult& m_run;
};

std::string pad(const std::string& s, std::size_t w)
{
    // Width in characters, not bytes ("×", "±" are two bytes in UTF-8).
    std::size_t chars = 0;
    for (unsigned char ch : s)
        chars += (ch & 0xC0) != 0x80;
    return chars >= w ? s : s + std::string(w - chars, ' ');
}

} // namespace

const char* Check::verdict() const
{
    if (fact->knownMiss.empty())
        return pass ? "pass" : "FAIL";
    return pass ? "PASS (was a known miss: remove known_miss)" : "known miss";
}

bool asExpected(const std::vector<Check>& checks)
{
    return std::all_of(checks.begin(), checks.end(), [](const Check& c) { return c.expected(); });
}

std::vector<Check> evaluate(const FactSet& facts, const scenario::Scenario& scenario, const model::RunResult& run)
{
    Evaluator ev(scenario, run);
    std::vector<Check> out;
    for (const auto& f : facts.facts) {
        Check c;
        c.fact = &f;
        c.observed = NAN;
        ev.run(f, facts.facts, c);
        out.push_back(std::move(c));
    }
    return out;
}

std::string formatTable(const std::vector<Check>& checks)
{
    std::size_t wId = 4, wObs = 5, wBand = 9;
    for (const auto& c : checks) {
        wId = std::max(wId, c.fact->id.size());
        wObs = std::max(wObs, c.observedText.size());
        wBand = std::max(wBand, c.bandText.size());
    }
    std::ostringstream o;
    o << pad("fact", wId) << "  " << pad("model", wObs) << "  " << pad("tolerance", wBand) << "  result\n";
    int passed = 0, known = 0;
    for (const auto& c : checks) {
        passed += c.pass;
        known += !c.pass && !c.fact->knownMiss.empty();
        o << pad(c.fact->id, wId) << "  " << pad(c.observedText, wObs) << "  " << pad(c.bandText, wBand) << "  "
          << c.verdict() << (c.fact->isInputCheck() ? " (input)" : "") << "\n"
          << pad("", wId) << "  " << c.detail << "\n";
        if (!c.pass && !c.fact->knownMiss.empty())
            o << pad("", wId) << "  why: " << c.fact->knownMiss << "\n";
    }
    o << passed << " of " << checks.size() << " facts pass";
    if (known)
        o << "; " << known << " known miss" << (known == 1 ? "" : "es") << " (docs/CALIBRATION.md)";
    o << "\n";
    return o.str();
}

std::string formatCsv(const std::vector<Check>& checks)
{
    std::ostringstream o;
    o.precision(17);
    o << "id,kind,observed,low,high,result\n";
    for (const auto& c : checks)
        o << c.fact->id << "," << toString(c.fact->kind) << "," << c.observed << "," << c.fact->low() << ","
          << c.fact->high() << "," << (c.pass ? "pass" : (c.fact->knownMiss.empty() ? "fail" : "known_miss")) << "\n";
    return o.str();
}

std::string formatMarkdown(const std::vector<Check>& checks)
{
    std::ostringstream o;
    o << "| fact | what is known | source | model | tolerance | result |\n|---|---|---|---|---|---|\n";
    for (const auto& c : checks)
        o << "| `" << c.fact->id << "` | " << c.fact->claim << " | " << c.fact->source << " | " << c.observedText
          << "<br>" << c.detail << " | " << c.bandText << " | "
          << (c.pass ? "pass" : (c.fact->knownMiss.empty() ? "**fail**" : "known miss: " + c.fact->knownMiss))
          << (c.fact->isInputCheck() ? " (input check)" : "") << " |\n";
    return o.str();
}

} // namespace cp::calibration
