#include "app/gui/charts/chart_context.hpp"

#include "app/gui/charts/chart_style.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace cp::gui::charts {

double ChartContext::revealLimitX() const
{
    if (!reveal || !hasCursor)
        return std::numeric_limits<double>::infinity();
    return toChartX(cursor);
}

std::pair<core::SimTime, core::SimTime> ChartContext::timeRange() const
{
    bool any = false;
    core::SimTime lo = 0, hi = 0;
    for (const auto* r : {current.get(), reference.get()}) {
        if (!r || r->periods.empty())
            continue;
        const auto a = r->periods.front();
        const auto b = core::addMonths(r->periods.back(), 1);
        lo = any ? std::min(lo, a) : a;
        hi = any ? std::max(hi, b) : b;
        any = true;
    }
    return {lo, hi};
}

void fillFromScenario(ChartContext& ctx, const scenario::Scenario& s)
{
    ctx.scenarioName = QString::fromStdString(s.name.empty() ? s.id : s.name);

    ctx.firms.clear();
    QSet<QRgb> used;
    for (const auto& f : s.firms)
        if (auto c = parseColor(f.color); c.isValid())
            used.insert(c.rgb());
    int next = 0;
    for (const auto& f : s.firms) {
        QColor c = parseColor(f.color);
        if (!c.isValid()) {
            for (int guard = 0; guard < 14; ++guard) {
                c = paletteColor(next++);
                if (!used.contains(c.rgb()))
                    break;
            }
            used.insert(c.rgb());
        }
        ctx.firms.push_back({QString::fromStdString(f.id), QString::fromStdString(f.name.empty() ? f.id : f.name), c});
    }

    ctx.jurisdictions.clear();
    for (std::size_t i = 0; i < s.jurisdictions.size(); ++i) {
        const auto& j = s.jurisdictions[i];
        ctx.jurisdictions.push_back({QString::fromStdString(j.id), QString::fromStdString(j.name.empty() ? j.id : j.name),
                                     paletteColor(static_cast<int>(i))});
    }

    ctx.chips.clear();
    for (std::size_t i = 0; i < s.chips.size(); ++i) {
        const auto& c = s.chips[i];
        ctx.chips.push_back({QString::fromStdString(c.id), QString::fromStdString(c.name.empty() ? c.id : c.name),
                             paletteColor(static_cast<int>(i))});
    }

    // Policy changes inside the run window, one marker per date.
    struct Entry {
        QStringList labels, tips;
    };
    std::map<core::SimTime, Entry> byDate;
    const auto inWindow = [&](core::SimTime t) { return t >= s.run.start && t < s.run.end; };
    for (const auto& p : s.policies) {
        if (!p.enabled)
            continue;
        const QString name = QString::fromStdString(p.name.empty() ? p.id : p.name);
        if (inWindow(p.from)) {
            auto& e = byDate[p.from];
            e.labels << shortPolicyName(p.name.empty() ? p.id : p.name);
            QString tip = QStringLiteral("%1 — from %2").arg(name, QString::fromStdString(core::formatDate(p.from)));
            if (!p.description.empty())
                tip += QStringLiteral("\n") + QString::fromStdString(p.description);
            e.tips << tip;
        }
        if (p.until && inWindow(*p.until)) {
            auto& e = byDate[*p.until];
            e.labels << shortPolicyName(p.name.empty() ? p.id : p.name) + QStringLiteral(" ends");
            e.tips << QStringLiteral("%1 — ends %2").arg(name, QString::fromStdString(core::formatDate(*p.until)));
        }
    }
    ctx.markers.clear();
    for (auto& [date, e] : byDate)
        ctx.markers.push_back({date, e.labels.join(QStringLiteral(" · ")), e.labels, e.tips.join(QStringLiteral("\n\n"))});
}

std::vector<double> alignedValues(const model::RunResult& base, const model::RunResult& run, const std::string& entity,
                                  const std::string& metric)
{
    const auto* series = run.find(entity, metric);
    if (!series)
        return {};
    if (&base == &run)
        return series->values;
    std::vector<double> out(base.periods.size(), kNaN);
    for (std::size_t i = 0; i < base.periods.size(); ++i) {
        const auto it = std::lower_bound(run.periods.begin(), run.periods.end(), base.periods[i]);
        if (it == run.periods.end() || *it != base.periods[i])
            continue;
        const auto k = static_cast<std::size_t>(it - run.periods.begin());
        if (k < series->values.size())
            out[i] = series->values[k];
    }
    return out;
}

} // namespace cp::gui::charts
