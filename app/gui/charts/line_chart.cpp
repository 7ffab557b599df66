#include "app/gui/charts/line_chart.hpp"

#include "app/gui/charts/chart_style.hpp"

#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cp::gui::charts {

struct LineChart::Entry {
    QString id, name;
    QColor color;
    bool isFirm = true;
    bool present = false;    ///< has a line in the current data
    bool allowed = true;     ///< not filtered out by setVisibleFirms
    bool userHidden = false; ///< hidden by a legend click
    std::unique_ptr<PolyLine> current, reference;
    std::vector<double> shown;    ///< values drawn by `current` (scaled; differences in difference mode)
    std::vector<double> refShown; ///< reference aligned to the current periods (scaled)
};

LineChart::LineChart(LineChartSpec spec, QWidget* parent) : TimeChartView(parent), m_spec(std::move(spec))
{
    setTitle(m_spec.title);
}

LineChart::~LineChart() = default;

void LineChart::setLogScale(bool on)
{
    if (on == m_wantLog)
        return;
    m_wantLog = on;
    if (m_ctx)
        sync(*m_ctx, true);
}

QStringList LineChart::entityIds() const
{
    QStringList out;
    for (const auto& id : m_order)
        if (m_entries.at(id)->present)
            out << id;
    return out;
}

LineChart::Entry& LineChart::entry(const EntityInfo& info)
{
    auto& slot = m_entries[info.id];
    if (slot)
        return *slot;
    slot = std::make_unique<Entry>();
    Entry& e = *slot;
    e.id = info.id;
    e.isFirm = m_spec.entities == LineChartSpec::Entities::Firms;
    const auto factory = [this, &e](const QString& prefix, bool legend) {
        return [this, &e, prefix, legend, n = 0]() mutable {
            const bool first = n++ == 0;
            auto* s = newLineSeries(e.name, legend && first);
            s->setObjectName((first ? prefix : QStringLiteral("seg-") + prefix) + e.id);
            connect(s, &QLineSeries::hovered, this, [this, &e](const QPointF& p, bool state) { hover(e, p, state); });
            return s;
        };
    };
    e.name = info.name;
    e.current = std::make_unique<PolyLine>(factory(QStringLiteral("line:"), true));
    e.reference = std::make_unique<PolyLine>(factory(QStringLiteral("ref:"), false));
    onLegendClick(e.current->primary(), [this, &e] {
        e.userHidden = !e.userHidden;
        applyVisibility(e);
    });
    return e;
}

void LineChart::applyVisibility(Entry& e)
{
    const bool on = e.present && e.allowed && !e.userHidden;
    e.current->setVisible(on);
    e.reference->setVisible(on && m_hasReference && !m_difference);
    for (auto* s : e.current->segments())
        styleLegendMarker(s, s == e.current->primary() && e.present && e.allowed, e.userHidden, e.color);
    for (auto* s : e.reference->segments())
        styleLegendMarker(s, false, false, e.color);
}

void LineChart::updateData(const ChartContext& ctx)
{
    m_ctx = &ctx;
    const auto* cur = ctx.current.get();
    const auto* ref = ctx.reference.get();
    m_difference = ctx.differenceActive();
    m_hasReference = ref != nullptr;
    const bool log = m_wantLog && !m_difference;
    if (!log)
        setLogAxisActive(false); // before the points change: a log axis must not see zeros
    for (auto& [id, e] : m_entries)
        e->present = false;
    if (!cur) {
        for (auto& [id, e] : m_entries) {
            e->current->clear();
            e->reference->clear();
            applyVisibility(*e);
        }
        return;
    }
    if (m_periods != cur->periods) {
        m_periods = cur->periods;
        m_xs.resize(m_periods.size());
        std::transform(m_periods.begin(), m_periods.end(), m_xs.begin(), toChartX);
    }

    const bool firms = m_spec.entities == LineChartSpec::Entities::Firms;
    const auto& infos = firms ? ctx.firms : ctx.jurisdictions;
    struct Row {
        const EntityInfo* info;
        std::vector<double> cur, ref;
    };
    std::vector<Row> rows;
    double maxAbs = 0;
    const auto track = [&](const std::vector<double>& v) {
        for (double x : v)
            if (std::isfinite(x))
                maxAbs = std::max(maxAbs, std::abs(x));
    };
    for (const auto& info : infos) {
        const std::string id = info.id.toStdString();
        Row row{&info, alignedValues(*cur, *cur, id, m_spec.metric), {}};
        if (ref)
            row.ref = alignedValues(*cur, *ref, id, m_spec.metric);
        if (row.cur.empty() && row.ref.empty())
            continue;
        if (row.cur.empty())
            row.cur.assign(m_periods.size(), kNaN);
        if (row.ref.empty() && ref)
            row.ref.assign(m_periods.size(), kNaN);
        if (m_spec.skipAllZero) {
            const auto nonzero = [](const std::vector<double>& v) {
                return std::any_of(v.begin(), v.end(), [](double x) { return std::isfinite(x) && x != 0; });
            };
            if (!nonzero(row.cur) && !nonzero(row.ref))
                continue;
        }
        if (m_difference)
            for (std::size_t i = 0; i < row.cur.size(); ++i)
                row.cur[i] = row.cur[i] - row.ref[i]; // NaN if either is missing
        track(row.cur);
        if (!m_difference)
            track(row.ref);
        rows.push_back(std::move(row));
    }

    // A log axis is labelled 1, 10, 100, 1k, 10k...: its values stay in plain units.
    const UnitScale scale = m_spec.scaleUnits && !log ? chooseScale(maxAbs) : UnitScale{};
    m_unitText = scale.word.isEmpty() ? m_spec.unit : scale.word + QLatin1Char(' ') + m_spec.unit;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    std::vector<QString> order;
    for (auto& row : rows) {
        Entry& e = entry(*row.info);
        e.name = row.info->name;
        e.color = row.info->color;
        e.present = true;
        e.allowed = !firms || ctx.firmVisible(e.id);
        for (auto* s : e.current->segments())
            if (s->name() != e.name)
                s->setName(e.name);
        const auto rescale = [&](std::vector<double>& values) {
            for (auto& v : values)
                v = (log && !(v > 0)) ? kNaN : v / scale.factor; // no zero on a log axis: break the line
        };
        rescale(row.cur);
        rescale(row.ref);
        if (e.allowed) {
            for (const auto* v : {&row.cur, &row.ref}) {
                if (m_difference && v == &row.ref)
                    continue;
                for (double x : *v)
                    if (std::isfinite(x)) {
                        lo = std::min(lo, x);
                        hi = std::max(hi, x);
                    }
            }
        }
        QPen pen(e.color, 2.2);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        e.current->setPen(pen);
        QPen dashed(e.color, 1.6, Qt::DashLine);
        dashed.setDashPattern({4, 3});
        e.reference->setPen(dashed);
        e.current->setData(m_xs, row.cur);
        if (ref && !m_difference)
            e.reference->setData(m_xs, row.ref);
        else
            e.reference->clear();
        e.shown = std::move(row.cur);
        e.refShown = std::move(row.ref);
        order.push_back(e.id);
    }
    for (auto& [id, e] : m_entries) {
        if (!e->present) {
            e->current->clear();
            e->reference->clear();
        }
        applyVisibility(*e);
    }
    m_order = order;
    for (auto& [id, e] : m_entries)
        if (!e->present)
            m_order.push_back(id);

    if (log)
        setLogAxisActive(true); // after the points changed, for the same reason
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    if (!m_spec.zeroBased && !m_difference && !log) {
        const double pad = (hi - lo) * 0.04;
        lo -= pad;
        hi += pad;
    }
    const QString quantity = m_difference ? QStringLiteral("Δ ") + m_spec.axisTitle + tr(" vs reference")
                                          : m_spec.axisTitle;
    if (log) {
        const double top = std::pow(10.0, std::ceil(std::log10(std::max(hi, 1e-9)) - 1e-9));
        double bottom = std::pow(10.0, std::floor(std::log10(std::max(lo, 1e-9)) + 1e-9));
        bottom = std::max(bottom, top / 1e6);
        logAxis()->setRange(bottom, top > bottom ? top : bottom * 10);
        logAxis()->setTitleText(QStringLiteral("%1 (%2, log scale)").arg(quantity, m_unitText));
    } else {
        configureValueAxis(valueAxis(), lo, hi, QStringLiteral("%1 (%2)").arg(quantity, m_unitText),
                           m_spec.zeroBased || m_difference);
    }
    setZeroLineVisible(m_difference);
    if (m_difference)
        setNote(tr("Current run minus reference run"));
    else if (ref)
        setNote(tr("Solid: current run   Dashed: reference run"));
    else
        setNote(QString());
}

void LineChart::updateReveal(double xMax)
{
    for (auto& [id, e] : m_entries) {
        e->current->applyReveal(xMax);
        e->reference->applyReveal(xMax);
    }
}

void LineChart::hover(const Entry& e, const QPointF& point, bool state)
{
    if (!state || m_xs.empty())
        return;
    const auto it = std::lower_bound(m_xs.begin(), m_xs.end(), point.x());
    std::size_t i = static_cast<std::size_t>(it - m_xs.begin());
    if (i == m_xs.size() || (i > 0 && point.x() - m_xs[i - 1] < m_xs[i] - point.x()))
        i = i > 0 ? i - 1 : 0;
    if (i >= e.shown.size())
        return;
    QString text = QStringLiteral("%1 — %2\n").arg(e.name, monthLabel(m_periods[i]));
    if (m_difference) {
        const double v = e.shown[i];
        text += QStringLiteral("%1%2 %3 vs reference").arg(v > 0 ? QStringLiteral("+") : QString(), formatNumber(v, 2), m_unitText);
    } else {
        text += QStringLiteral("%1 %2").arg(formatNumber(e.shown[i], 2), m_unitText);
        if (i < e.refShown.size() && std::isfinite(e.refShown[i]))
            text += tr("  (reference %1)").arg(formatNumber(e.refShown[i], 2));
    }
    showTip(text);
}

} // namespace cp::gui::charts
