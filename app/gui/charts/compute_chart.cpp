#include "app/gui/charts/compute_chart.hpp"

#include "app/gui/charts/chart_style.hpp"

#include <QAreaSeries>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLegend>
#include <QChart>
#include <QLineSeries>
#include <QPixmap>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cp::gui::charts {

namespace {

struct SiteLayer {
    const char* key;
    const char* name;
    QColor color;
};

const std::vector<SiteLayer>& siteLayers()
{
    static const std::vector<SiteLayer> layers{
        {"home", QT_TRANSLATE_NOOP("ComputeChart", "Home sites (own and leased)"), QColor(0x00, 0x72, 0xB2)},
        {"smuggled", QT_TRANSLATE_NOOP("ComputeChart", "Smuggled chips (at home sites)"), QColor(0xD5, 0x5E, 0x00)},
        {"own-offshore", QT_TRANSLATE_NOOP("ComputeChart", "Own sites abroad"), QColor(0x00, 0x9E, 0x73)},
        {"leased-offshore", QT_TRANSLATE_NOOP("ComputeChart", "Leased abroad"), QColor(0xE6, 0x9F, 0x00)},
    };
    return layers;
}

std::vector<double> series(const model::RunResult& base, const model::RunResult* run, const std::string& entity,
                           const char* metric)
{
    if (!run)
        return {};
    auto v = alignedValues(base, *run, entity, metric);
    if (v.empty())
        v.assign(base.periods.size(), 0.0);
    return v;
}

/// The four site layers of one firm in `run`, aligned to `base`'s periods. Smuggled chips sit
/// in home data centres (compute_home includes them), so home is shown without them.
std::map<QString, std::vector<double>> siteValues(const model::RunResult& base, const model::RunResult* run,
                                                  const std::string& firm)
{
    std::map<QString, std::vector<double>> out;
    if (!run)
        return out;
    const auto home = series(base, run, firm, "compute_home_h100e");
    const auto offshore = series(base, run, firm, "compute_offshore_h100e");
    const auto smuggled = series(base, run, firm, "compute_smuggled_h100e");
    const auto leasedOff = series(base, run, firm, "compute_leased_offshore_h100e");
    const auto n = base.periods.size();
    std::vector<double> h(n), s(n), o(n), l(n);
    for (std::size_t i = 0; i < n; ++i) {
        s[i] = std::max(0.0, smuggled[i]);
        h[i] = std::max(0.0, home[i] - s[i]);
        l[i] = std::max(0.0, leasedOff[i]);
        o[i] = std::max(0.0, offshore[i] - l[i]);
    }
    out[QStringLiteral("home")] = std::move(h);
    out[QStringLiteral("smuggled")] = std::move(s);
    out[QStringLiteral("own-offshore")] = std::move(o);
    out[QStringLiteral("leased-offshore")] = std::move(l);
    return out;
}

bool anyNonZero(const std::vector<double>& v)
{
    return std::any_of(v.begin(), v.end(), [](double x) { return std::isfinite(x) && x != 0; });
}

} // namespace

struct ComputeChart::Layer {
    QString key, name;
    QColor color;
    bool present = false;
    bool userHidden = false;
    QAreaSeries* area = nullptr;
    QLineSeries* upper = nullptr;
    QLineSeries* lower = nullptr;
    QList<QPointF> fullUpper, fullLower;
    qsizetype shownUpper = 0, shownLower = 0;
    std::unique_ptr<PolyLine> reference; ///< dashed top of this layer in the reference stack
    std::unique_ptr<PolyLine> diff;      ///< current minus reference of this layer
    std::vector<double> cur, ref;        ///< scaled values (ref aligned to current periods)
    std::vector<double> top;             ///< scaled top of the layer in the current stack
};

ComputeChart::ComputeChart(QWidget* parent)
    : TimeChartView(parent), m_revealX(std::numeric_limits<double>::infinity())
{
    m_total = std::make_unique<PolyLine>([this, n = 0]() mutable {
        const bool first = n++ == 0;
        auto* s = newLineSeries(tr("Total"), first);
        s->setObjectName(first ? QStringLiteral("diff:total") : QStringLiteral("seg-diff:total"));
        return s;
    });
    QPen pen(QColor(0x20, 0x20, 0x20), 2.4);
    m_total->setPen(pen);
    m_total->setVisible(false);
    // Stack order reads top-down beside the chart: the top layer first.
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->legend()->setReverseMarkers(true);
}

ComputeChart::~ComputeChart() = default;

void ComputeChart::setFirm(const QString& firmId)
{
    if (firmId == m_firm)
        return;
    m_firm = firmId;
    if (m_ctx)
        sync(*m_ctx, true);
}

void ComputeChart::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (m_ctx)
        sync(*m_ctx, true);
}

QStringList ComputeChart::layerKeys() const
{
    QStringList out;
    for (const auto& k : m_order)
        out << k;
    return out;
}

ComputeChart::Layer& ComputeChart::layer(const QString& key)
{
    auto& slot = m_layers[key];
    if (slot)
        return *slot;
    slot = std::make_unique<Layer>();
    Layer& l = *slot;
    l.key = key;
    l.upper = new QLineSeries;
    l.lower = new QLineSeries;
    l.area = new QAreaSeries(l.upper, l.lower);
    l.upper->setParent(l.area);
    l.lower->setParent(l.area);
    l.area->setObjectName(QStringLiteral("area:") + key);
    addSeries(l.area);
    connect(l.area, &QAreaSeries::hovered, this, [this, &l](const QPointF& p, bool state) { hover(l, p, state); });
    onLegendClick(l.area, [this, &l] {
        l.userHidden = !l.userHidden;
        restack();
        applyVisibility();
    });
    l.reference = std::make_unique<PolyLine>([this, &l, n = 0]() mutable {
        auto* s = newLineSeries(l.name, false);
        s->setObjectName((n++ == 0 ? QStringLiteral("ref:") : QStringLiteral("seg-ref:")) + l.key);
        return s;
    });
    l.diff = std::make_unique<PolyLine>([this, &l, n = 0]() mutable {
        const bool first = n++ == 0;
        auto* s = newLineSeries(l.name, first);
        s->setObjectName((first ? QStringLiteral("diff:") : QStringLiteral("seg-diff:")) + l.key);
        connect(s, &QLineSeries::hovered, this, [this, &l](const QPointF& p, bool state) { hover(l, p, state); });
        return s;
    });
    onLegendClick(l.diff->primary(), [this, &l] {
        l.userHidden = !l.userHidden;
        restack();
        applyVisibility();
    });
    return l;
}

void ComputeChart::updateData(const ChartContext& ctx)
{
    m_ctx = &ctx;
    const auto* cur = ctx.current.get();
    const auto* ref = ctx.reference.get();
    m_difference = ctx.differenceActive();
    m_hasReference = ref != nullptr;
    if (m_firm.isEmpty())
        m_firm = defaultComputeFirm(ctx);
    m_firmName = m_firm;
    for (const auto& f : ctx.firms)
        if (f.id == m_firm)
            m_firmName = f.name;
    setTitle(m_mode == Mode::BySite ? tr("Compute available to %1, by site").arg(m_firmName)
                                    : tr("Compute available to %1, by chip").arg(m_firmName));
    for (auto& [k, l] : m_layers)
        l->present = false;
    m_order.clear();
    if (!cur) {
        restack();
        applyVisibility();
        return;
    }
    if (m_periods != cur->periods) {
        m_periods = cur->periods;
        m_xs.resize(m_periods.size());
        std::transform(m_periods.begin(), m_periods.end(), m_xs.begin(), toChartX);
    }
    const std::string firm = m_firm.toStdString();
    struct Input {
        QString key, name;
        QColor color;
        std::vector<double> cur, ref;
    };
    std::vector<Input> inputs;
    if (m_mode == Mode::BySite) {
        auto c = siteValues(*cur, cur, firm);
        auto r = siteValues(*cur, ref, firm);
        for (const auto& sl : siteLayers()) {
            const QString key = QString::fromLatin1(sl.key);
            if (!anyNonZero(c[key]) && !anyNonZero(r[key]))
                continue; // e.g. no offshore sites for a US lab: no empty legend entries
            Input in{key, QCoreApplication::translate("ComputeChart", sl.name), sl.color, std::move(c[key]),
                     ref ? std::move(r[key]) : std::vector<double>{}};
            inputs.push_back(std::move(in));
        }
    } else {
        for (const auto& chip : ctx.chips) {
            const std::string entity = firm + "/" + chip.id.toStdString();
            auto c = series(*cur, cur, entity, "compute_h100e");
            auto r = series(*cur, ref, entity, "compute_h100e");
            if (!anyNonZero(c) && !anyNonZero(r))
                continue;
            inputs.push_back({QStringLiteral("chip:") + chip.id, chip.name, chip.color, std::move(c), std::move(r)});
        }
    }
    double maxAbs = 0;
    for (const auto& in : inputs)
        for (const auto* v : {&in.cur, &in.ref})
            for (double x : *v)
                if (std::isfinite(x))
                    maxAbs = std::max(maxAbs, std::abs(x));
    // Stack totals decide the scale.
    {
        std::vector<double> totC(m_periods.size(), 0.0), totR(m_periods.size(), 0.0);
        for (const auto& in : inputs)
            for (std::size_t i = 0; i < m_periods.size(); ++i) {
                if (i < in.cur.size() && std::isfinite(in.cur[i]))
                    totC[i] += in.cur[i];
                if (i < in.ref.size() && std::isfinite(in.ref[i]))
                    totR[i] += in.ref[i];
            }
        for (std::size_t i = 0; i < m_periods.size(); ++i)
            maxAbs = std::max({maxAbs, totC[i], totR[i]});
    }
    const UnitScale scale = chooseScale(maxAbs);
    m_scale = scale.factor;
    m_unitText = scale.word.isEmpty() ? tr("H100e") : scale.word + tr(" H100e");

    for (auto& in : inputs) {
        Layer& l = layer(in.key);
        l.present = true;
        l.name = in.name;
        l.color = in.color;
        if (l.area->name() != l.name) {
            l.area->setName(l.name);
            for (auto* s : l.diff->segments())
                s->setName(l.name);
        }
        l.cur = std::move(in.cur);
        l.ref = std::move(in.ref);
        for (auto& v : l.cur)
            v /= m_scale;
        for (auto& v : l.ref)
            v /= m_scale;
        QColor fill = l.color;
        fill.setAlpha(205);
        l.area->setBrush(fill);
        l.area->setPen(QPen(l.color.darker(125), 1));
        QPen dashed(l.color.darker(170), 1.8, Qt::DashLine);
        dashed.setDashPattern({4, 3});
        l.reference->setPen(dashed);
        QPen solid(l.color, 2.2);
        solid.setCapStyle(Qt::RoundCap);
        l.diff->setPen(solid);
        m_order.push_back(l.key);
    }
    // Keep the legend in stack order: re-adding is costly, so order is by first creation;
    // site layers are created in order and chips in scenario order.
    restack();
    applyVisibility();
    setZeroLineVisible(m_difference);
    if (m_difference)
        setNote(tr("Current run minus reference run, per layer"));
    else if (ref)
        setNote(tr("Areas: current run   Dashed: reference stack"));
    else
        setNote(QString());
}

void ComputeChart::restack()
{
    const auto n = m_periods.size();
    std::vector<double> base(n, 0.0), refBase(n, 0.0), totalDiff(n, 0.0);
    double lo = 0, hi = 0;
    const auto grow = [&](double v) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    };
    for (auto& [k, lp] : m_layers) {
        Layer& l = *lp;
        if (!l.present) {
            l.fullUpper.clear();
            l.fullLower.clear();
            l.reference->clear();
            l.diff->clear();
            showPrefix(l.upper, l.fullUpper, m_revealX, l.shownUpper, true);
            showPrefix(l.lower, l.fullLower, m_revealX, l.shownLower, true);
        }
    }
    for (const auto& key : m_order) {
        Layer& l = *m_layers.at(key);
        if (l.userHidden) {
            l.fullUpper.clear();
            l.fullLower.clear();
            l.reference->clear();
            l.diff->clear();
        } else {
            l.fullUpper.resize(static_cast<qsizetype>(n));
            l.fullLower.resize(static_cast<qsizetype>(n));
            l.top.assign(n, 0.0);
            std::vector<double> refTop(n, kNaN), diff(n, kNaN);
            for (std::size_t i = 0; i < n; ++i) {
                const double v = i < l.cur.size() && std::isfinite(l.cur[i]) ? l.cur[i] : 0.0;
                const auto qi = static_cast<qsizetype>(i);
                l.fullLower[qi] = QPointF(m_xs[i], base[i]);
                base[i] += v;
                l.fullUpper[qi] = QPointF(m_xs[i], base[i]);
                l.top[i] = base[i];
                if (m_hasReference && i < l.ref.size()) {
                    const double r = std::isfinite(l.ref[i]) ? l.ref[i] : 0.0;
                    refBase[i] += r;
                    refTop[i] = refBase[i];
                    diff[i] = (i < l.cur.size() ? l.cur[i] : kNaN) - l.ref[i];
                    if (std::isfinite(diff[i]))
                        totalDiff[i] += diff[i];
                }
                if (!m_difference) {
                    grow(base[i]);
                    if (m_hasReference)
                        grow(refTop[i]);
                } else {
                    grow(diff[i]);
                }
            }
            if (m_hasReference && !m_difference)
                l.reference->setData(m_xs, refTop);
            else
                l.reference->clear();
            if (m_difference)
                l.diff->setData(m_xs, diff);
            else
                l.diff->clear();
        }
        showPrefix(l.upper, l.fullUpper, m_revealX, l.shownUpper, true);
        showPrefix(l.lower, l.fullLower, m_revealX, l.shownLower, true);
    }
    if (m_difference) {
        m_totalDiff = totalDiff;
        for (double v : totalDiff)
            grow(v);
        m_total->setData(m_xs, totalDiff);
    } else {
        m_totalDiff.clear();
        m_total->clear();
    }
    m_total->applyReveal(m_revealX);
    const QString quantity = m_difference ? tr("Δ compute vs reference") : tr("Compute available");
    configureValueAxis(valueAxis(), lo, hi * (m_difference ? 1.0 : 1.02), QStringLiteral("%1 (%2)").arg(quantity, m_unitText), true);
}

void ComputeChart::applyVisibility()
{
    for (auto& [k, lp] : m_layers) {
        Layer& l = *lp;
        const bool on = l.present && !l.userHidden;
        // Hidden layers keep their legend entry (dimmed) so a click brings them back.
        l.area->setVisible(l.present && !m_difference);
        l.reference->setVisible(on && m_hasReference && !m_difference);
        l.diff->setVisible(on && m_difference);
        styleLegendMarker(l.area, l.present && !m_difference, l.userHidden, l.color);
        for (auto* s : l.reference->segments())
            styleLegendMarker(s, false, false, l.color);
        for (auto* s : l.diff->segments())
            styleLegendMarker(s, s == l.diff->primary() && l.present && m_difference, l.userHidden, l.color);
    }
    m_total->setVisible(m_difference);
    for (auto* s : m_total->segments())
        styleLegendMarker(s, s == m_total->primary() && m_difference, false, QColor(0x20, 0x20, 0x20));
}

void ComputeChart::updateReveal(double xMax)
{
    m_revealX = xMax;
    for (auto& [k, lp] : m_layers) {
        Layer& l = *lp;
        showPrefix(l.upper, l.fullUpper, xMax, l.shownUpper);
        showPrefix(l.lower, l.fullLower, xMax, l.shownLower);
        l.reference->applyReveal(xMax);
        l.diff->applyReveal(xMax);
    }
    m_total->applyReveal(xMax);
}

void ComputeChart::hover(const Layer& l, const QPointF& point, bool state)
{
    if (!state || m_xs.empty())
        return;
    const auto it = std::lower_bound(m_xs.begin(), m_xs.end(), point.x());
    std::size_t i = static_cast<std::size_t>(it - m_xs.begin());
    if (i == m_xs.size() || (i > 0 && point.x() - m_xs[i - 1] < m_xs[i] - point.x()))
        i = i > 0 ? i - 1 : 0;
    if (i >= l.cur.size())
        return;
    QString text = QStringLiteral("%1 — %2 — %3\n").arg(m_firmName, l.name, monthLabel(m_periods[i]));
    if (m_difference && i < l.ref.size()) {
        const double d = l.cur[i] - l.ref[i];
        text += tr("%1%2 %3 vs reference").arg(d > 0 ? QStringLiteral("+") : QString(), formatNumber(d, 2), m_unitText);
    } else {
        text += QStringLiteral("%1 %2").arg(formatNumber(l.cur[i], 2), m_unitText);
        if (i < l.ref.size() && std::isfinite(l.ref[i]))
            text += tr("  (reference %1)").arg(formatNumber(l.ref[i], 2));
    }
    showTip(text);
}

ComputePage::ComputePage(QWidget* parent) : QWidget(parent)
{
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 0);
    auto* firmLabel = new QLabel(tr("&Firm:"), this);
    m_firms = new QComboBox(this);
    m_firms->setObjectName(QStringLiteral("computeFirm"));
    m_firms->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    firmLabel->setBuddy(m_firms);
    auto* modeLabel = new QLabel(tr("&Split by:"), this);
    m_modes = new QComboBox(this);
    m_modes->setObjectName(QStringLiteral("computeMode"));
    m_modes->addItem(tr("Site"));
    m_modes->addItem(tr("Chip"));
    modeLabel->setBuddy(m_modes);
    bar->addWidget(firmLabel);
    bar->addWidget(m_firms);
    bar->addSpacing(16);
    bar->addWidget(modeLabel);
    bar->addWidget(m_modes);
    bar->addStretch(1);
    v->addLayout(bar);
    m_chart = new ComputeChart(this);
    v->addWidget(m_chart, 1);
    connect(m_firms, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0)
            return;
        // setFirms() blocks this signal: a change that arrives here is the user's pick.
        m_userFirm = m_firms->itemData(i).toString();
        m_chart->setFirm(m_userFirm);
    });
    connect(m_modes, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_chart->setMode(i == 1 ? ComputeChart::Mode::ByChip : ComputeChart::Mode::BySite);
    });
}

void ComputePage::setFirms(const std::vector<EntityInfo>& firms, const QString& preferred)
{
    bool same = static_cast<std::size_t>(m_firms->count()) == firms.size();
    for (std::size_t i = 0; same && i < firms.size(); ++i)
        same = m_firms->itemData(static_cast<int>(i)).toString() == firms[i].id &&
               m_firms->itemText(static_cast<int>(i)) == firms[i].name;
    if (same)
        return; // a re-run of the same firms: keep what is shown
    {
        const QSignalBlocker block(m_firms);
        m_firms->clear();
        for (const auto& f : firms) {
            QPixmap swatch(12, 12);
            swatch.fill(f.color);
            m_firms->addItem(QIcon(swatch), f.name, f.id);
        }
        int idx = m_userFirm.isEmpty() ? -1 : m_firms->findData(m_userFirm);
        if (idx < 0 && !preferred.isEmpty())
            idx = m_firms->findData(preferred);
        if (idx < 0)
            idx = 0;
        m_firms->setCurrentIndex(idx);
    }
    if (m_firms->currentIndex() >= 0)
        m_chart->setFirm(m_firms->itemData(m_firms->currentIndex()).toString());
}

QString defaultComputeFirm(const ChartContext& ctx)
{
    if (ctx.firms.empty())
        return {};
    if (const auto* run = ctx.current.get()) {
        for (const auto& f : ctx.firms) {
            const auto layers = siteValues(*run, run, f.id.toStdString());
            const auto kinds = std::count_if(layers.begin(), layers.end(), [](const auto& kv) { return anyNonZero(kv.second); });
            if (kinds > 1)
                return f.id;
        }
    }
    return ctx.firms.front().id;
}

} // namespace cp::gui::charts
