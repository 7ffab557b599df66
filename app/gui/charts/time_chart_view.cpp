#include "app/gui/charts/time_chart_view.hpp"

#include "app/gui/charts/chart_style.hpp"
#include "app/gui/charts/marker_layout.hpp"

#include <QAbstractSeries>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cp::gui::charts {

namespace {
constexpr qreal kZMarkers = 6;
constexpr qreal kZCursor = 8;
constexpr qreal kZLabels = 9;
constexpr double kTitleTop = 6;
const QColor kMarkerColor(0x6b, 0x6b, 0x6b);
const QColor kTextColor(0x2b, 0x2b, 0x2b);
constexpr double kLogTickGap = 7;  ///< log-axis label to plot
constexpr double kLogTitleGap = 6; ///< log-axis title to labels
} // namespace

/// A text label in a box (policy markers, the cursor date).
class MarkerLabelItem : public QGraphicsItem {
public:
    explicit MarkerLabelItem(QGraphicsItem* parent) : QGraphicsItem(parent) { setAcceptHoverEvents(true); }

    void setContent(const QString& text, const QFont& font, const QColor& fg, const QColor& bg, const QColor& border)
    {
        if (text == m_text && font == m_font && fg == m_fg && bg == m_bg && border == m_border)
            return;
        prepareGeometryChange();
        m_text = text;
        m_font = font;
        m_fg = fg;
        m_bg = bg;
        m_border = border;
    }
    void setBoxWidth(double w)
    {
        if (std::abs(w - m_width) < 0.01)
            return;
        prepareGeometryChange();
        m_width = w;
    }
    [[nodiscard]] double naturalWidth() const { return QFontMetricsF(m_font).horizontalAdvance(m_text) + 8; }
    [[nodiscard]] double boxHeight() const { return QFontMetricsF(m_font).height() + 4; }

    [[nodiscard]] QRectF boundingRect() const override { return {0, 0, m_width, boxHeight()}; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        const QRectF r = boundingRect().adjusted(0.5, 0.5, -0.5, -0.5);
        p->setRenderHint(QPainter::Antialiasing, true);
        p->setPen(m_border.isValid() ? QPen(m_border, 1) : QPen(Qt::NoPen));
        p->setBrush(m_bg);
        p->drawRoundedRect(r, 3, 3);
        p->setFont(m_font);
        p->setPen(m_fg);
        p->drawText(r.adjusted(4, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft, m_text);
    }

private:
    QString m_text;
    QFont m_font;
    QColor m_fg, m_bg, m_border;
    double m_width = 0;
};

// Built with our own QChart: QChartView(parent) would create a default chart that a later
// setChart() orphans without deleting (LeakSanitizer finds it).
TimeChartView::TimeChartView(QWidget* parent) : QChartView(new QChart, parent)
{
    QChart* c = chart();
    c->setBackgroundRoundness(0);
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
    c->legend()->setFont(axisFont());
    c->setMargins(QMargins(8, 40, 18, 8));
    c->setLocalizeNumbers(true); // axis labels with thousands separators: 2,000 not 2000
    c->layout()->setContentsMargins(0, 0, 0, 0);
    setRenderHint(QPainter::Antialiasing, true);
    setRubberBand(QChartView::NoRubberBand);
    setMinimumSize(320, 240);

    m_xAxis = new QDateTimeAxis;
    m_yAxis = new QValueAxis;
    for (QAbstractAxis* a : {static_cast<QAbstractAxis*>(m_xAxis), static_cast<QAbstractAxis*>(m_yAxis)}) {
        a->setLabelsFont(axisFont());
        QFont tf = axisFont();
        tf.setBold(false);
        a->setTitleFont(tf);
        a->setTitleBrush(QBrush(kTextColor));
        a->setLabelsBrush(QBrush(kTextColor));
        a->setGridLineColor(QColor(0xe4, 0xe4, 0xe4));
        a->setLinePenColor(QColor(0x9a, 0x9a, 0x9a));
    }
    m_xAxis->setTitleText(tr("Date"));
    m_xAxis->setTitleVisible(false);
    // QDateTimeAxis spaces ticks evenly, so with leap years a tick can land on 31 December and
    // be labelled with the wrong year. Its labels keep their space but are drawn by
    // layoutOverlay() instead, at exact year (or quarter) boundaries.
    m_xAxis->setLabelsBrush(QBrush(Qt::transparent));
    m_xAxis->setGridLineVisible(false);
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_yAxis, Qt::AlignLeft);
    m_logAxis = new QLogValueAxis;
    m_logAxis->setBase(10);
    m_logAxis->setLabelFormat(QStringLiteral("%g"));
    m_logAxis->setMinorTickCount(8);
    m_logAxis->setLabelsFont(axisFont());
    m_logAxis->setTitleFont(axisFont());
    m_logAxis->setTitleBrush(QBrush(kTextColor));
    // Its "%g" labels read "100000", and Qt reserves too little room for them: its labels and
    // title are hidden and layoutLogLabels() draws 1, 10, 100, 1k, 10k... and the title.
    m_logAxis->setLabelsBrush(QBrush(kTextColor));
    m_logAxis->setLabelsVisible(false);
    m_logAxis->setTitleVisible(false);
    m_logAxis->setGridLineColor(QColor(0xe0, 0xe0, 0xe0));
    m_logAxis->setMinorGridLineColor(QColor(0xf3, 0xf3, 0xf3));
    m_logAxis->setLinePenColor(QColor(0x9a, 0x9a, 0x9a));
    m_logAxis->setVisible(false);
    c->addAxis(m_logAxis, Qt::AlignLeft);

    m_titleItem = new QGraphicsSimpleTextItem(c);
    m_titleItem->setFont(titleFont());
    m_titleItem->setBrush(kTextColor);
    m_titleItem->setZValue(kZLabels);
    m_noteItem = new QGraphicsSimpleTextItem(c);
    m_noteItem->setFont(smallFont());
    m_noteItem->setBrush(QColor(0x55, 0x55, 0x55));
    m_noteItem->setZValue(kZLabels);

    m_cursorItem = new QGraphicsLineItem(c);
    m_cursorItem->setPen(QPen(QColor(0x20, 0x20, 0x20), 1.5));
    m_cursorItem->setZValue(kZCursor);
    m_cursorItem->hide();
    auto* cl = new MarkerLabelItem(c);
    cl->setZValue(kZCursor);
    cl->hide();
    m_cursorBox = cl;

    m_zeroItem = new QGraphicsLineItem(c);
    m_zeroItem->setPen(QPen(QColor(0x40, 0x40, 0x40), 1));
    m_zeroItem->setZValue(kZMarkers - 0.5);
    m_zeroItem->hide();

    connect(c, &QChart::plotAreaChanged, this, [this] { layoutOverlay(); });
    connect(m_xAxis, &QDateTimeAxis::rangeChanged, this, [this] { layoutOverlay(); });
    connect(m_yAxis, &QValueAxis::rangeChanged, this, [this] { layoutOverlay(); });
    connect(m_logAxis, &QLogValueAxis::rangeChanged, this, [this] { layoutOverlay(); });
    connect(m_logAxis, &QAbstractAxis::titleTextChanged, this, [this] { layoutOverlay(); });
    m_logTitle = new QGraphicsSimpleTextItem(c);
    m_logTitle->setFont(axisFont());
    m_logTitle->setBrush(kTextColor);
    m_logTitle->setRotation(-90);
    m_logTitle->setZValue(kZLabels);
    m_logTitle->setData(0, QStringLiteral("log-axis-title")); // for tests
    m_logTitle->hide();
}

TimeChartView::~TimeChartView() = default;

void TimeChartView::sync(const ChartContext& ctx, bool dataChanged)
{
    if (dataChanged) {
        updateTimeAxis(ctx);
        updateData(ctx);
        bool same = ctx.markers.size() == m_markers.size();
        for (std::size_t i = 0; same && i < m_markers.size(); ++i)
            same = m_markers[i].date == ctx.markers[i].date && m_markers[i].label == ctx.markers[i].label;
        if (!same) {
            m_markers = ctx.markers;
            layoutOverlay();
        }
    }
    m_hasCursor = ctx.hasCursor;
    m_cursor = ctx.cursor;
    layoutCursor();
    const double x = ctx.revealLimitX();
    if (dataChanged || !m_revealInit || x != m_revealX) {
        m_revealX = x;
        m_revealInit = true;
        updateReveal(x);
    }
    flushLegend();
}

void TimeChartView::setTitle(const QString& title)
{
    if (title == m_title)
        return;
    m_title = title;
    m_titleItem->setText(title);
}

void TimeChartView::setNote(const QString& note)
{
    if (note == m_note)
        return;
    m_note = note;
    m_noteItem->setText(note);
    layoutOverlay();
}

void TimeChartView::setZeroLineVisible(bool visible)
{
    m_zeroItem->setVisible(visible);
    layoutOverlay();
}

QLineSeries* TimeChartView::newLineSeries(const QString& name, bool inLegend)
{
    auto* s = new QLineSeries;
    s->setName(name);
    addSeries(s);
    if (!inLegend)
        if (auto* m = legendMarker(s))
            m->setVisible(false);
    return s;
}

void TimeChartView::addSeries(QAbstractSeries* series)
{
    chart()->addSeries(series);
    series->attachAxis(m_xAxis);
    series->attachAxis(m_log ? static_cast<QAbstractAxis*>(m_logAxis) : static_cast<QAbstractAxis*>(m_yAxis));
}

void TimeChartView::setLogAxisActive(bool on)
{
    if (on == m_log)
        return;
    QAbstractAxis* from = m_log ? static_cast<QAbstractAxis*>(m_logAxis) : static_cast<QAbstractAxis*>(m_yAxis);
    QAbstractAxis* to = on ? static_cast<QAbstractAxis*>(m_logAxis) : static_cast<QAbstractAxis*>(m_yAxis);
    m_log = on;
    // Qt keeps no room for the hidden log labels and title: a fixed left margin does (fixed,
    // so that laying out never feeds back into the margins).
    QMargins mg = chart()->margins();
    mg.setLeft(on ? static_cast<int>(std::ceil(kLogTickGap + logLabelReserve() + kLogTitleGap +
                                               QFontMetricsF(axisFont()).height() + 4))
                  : 8);
    chart()->setMargins(mg);
    layoutOverlay();
    // Both axes stay in the chart (removing one leaves its labels behind in Qt 6.4); the
    // inactive one is hidden and has no series.
    const auto all = chart()->series();
    for (auto* s : all)
        s->detachAxis(from);
    for (auto* s : all)
        s->attachAxis(to);
    from->setVisible(false);
    to->setVisible(true);
}

QLegendMarker* TimeChartView::legendMarker(QAbstractSeries* series) const
{
    const auto markers = chart()->legend()->markers(series);
    return markers.isEmpty() ? nullptr : markers.front();
}

void TimeChartView::onLegendClick(QAbstractSeries* series, std::function<void()> onClick)
{
    if (auto* m = legendMarker(series))
        connect(m, &QLegendMarker::clicked, this, [this, f = std::move(onClick)] {
            f();
            flushLegend();
        });
}

void TimeChartView::styleLegendMarker(QAbstractSeries* series, bool shown, bool dimmed, const QColor& color)
{
    auto* m = legendMarker(series);
    if (!m)
        return;
    // Always set: isVisible() reports false while the legend itself is hidden. Hiding a marker
    // does not lay the legend out again, so do that when the set of shown markers changes.
    m->setVisible(shown);
    const QVariant before = m->property("cpShown");
    if (!before.isValid() || before.toBool() != shown) {
        m->setProperty("cpShown", shown);
        m_legendDirty = true;
    }
    const QColor label = dimmed ? QColor(0xa8, 0xa8, 0xa8) : kTextColor;
    if (m->labelBrush().color() != label)
        m->setLabelBrush(label);
    QColor c = color;
    if (dimmed)
        c.setAlpha(60);
    QPen pen = m->pen();
    pen.setColor(c);
    m->setPen(pen);
    m->setBrush(QBrush(c));
}

void TimeChartView::flushLegend()
{
    if (!m_legendDirty)
        return;
    m_legendDirty = false;
    // The legend only re-measures its markers when its geometry is set (hiding one does not).
    if (auto* l = chart()->legend()->layout())
        l->setGeometry(l->geometry());
}

void TimeChartView::updateTimeAxis(const ChartContext& ctx)
{
    const auto [from, to] = ctx.timeRange();
    if (to > from)
        configureDateAxis(m_xAxis, from, to);
}

void TimeChartView::showTip(const QString& text)
{
    QToolTip::showText(QCursor::pos(), text, this);
}

core::SimTime TimeChartView::snapToMonth(double x)
{
    const auto t = fromChartX(x);
    const auto d = core::toDate(t);
    const auto start = core::fromDate(d.year, d.month, 1);
    return d.day >= 16 ? core::addMonths(start, 1) : start;
}

void TimeChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    layoutOverlay();
}

void TimeChartView::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->position().toPoint();
    QChartView::mousePressEvent(event);
}

void TimeChartView::mouseReleaseEvent(QMouseEvent* event)
{
    QChartView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || (event->position().toPoint() - m_pressPos).manhattanLength() > 4)
        return;
    const QPointF scenePos = mapToScene(event->position().toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    const QRectF plot = chart()->plotArea();
    if (!plot.contains(chartPos))
        return;
    const double x0 = static_cast<double>(m_xAxis->min().toMSecsSinceEpoch());
    const double x1 = static_cast<double>(m_xAxis->max().toMSecsSinceEpoch());
    const double x = x0 + (chartPos.x() - plot.left()) / plot.width() * (x1 - x0);
    emit dateClicked(snapToMonth(x));
}

void TimeChartView::layoutOverlay()
{
    if (m_inLayout)
        return;
    m_inLayout = true;
    auto* c = chart();
    const QRectF plot = c->plotArea();
    const QFont labelFont = smallFont();
    const QFontMetricsF fm(labelFont);
    const QFontMetricsF tfm(titleFont());
    const double rowH = fm.height() + 4 + 3;
    const double titleH = tfm.height() + kTitleTop;

    m_titleItem->setPos(12, kTitleTop);
    m_noteItem->setPos(c->size().width() - m_noteItem->boundingRect().width() - 18,
                       kTitleTop + (tfm.height() - m_noteItem->boundingRect().height()) / 2);

    const double x0 = static_cast<double>(m_xAxis->min().toMSecsSinceEpoch());
    const double x1 = static_cast<double>(m_xAxis->max().toMSecsSinceEpoch());
    const auto px = [&](double x) { return plot.left() + (x - x0) / std::max(1.0, x1 - x0) * plot.width(); };

    // Markers a few pixels apart share one label (their lines stay where they are): with the
    // policies' names joined when there is room, else "first name +N"; the tooltip has all.
    constexpr double kGroupPx = 12;
    struct Cluster {
        std::vector<double> xs;
        QStringList names;
        QString tip;
    };
    std::vector<Cluster> clusters;
    for (const auto& m : m_markers) {
        const double x = px(toChartX(m.date));
        if (x < plot.left() - 0.5 || x > plot.right() + 0.5)
            continue;
        const QStringList names = m.names.isEmpty() ? QStringList{m.label} : m.names;
        if (!clusters.empty() && x - clusters.back().xs.front() < kGroupPx) {
            clusters.back().xs.push_back(x);
            clusters.back().names += names;
            clusters.back().tip += QStringLiteral("\n\n") + m.tooltip;
        } else {
            clusters.push_back({{x}, names, m.tooltip});
        }
    }
    std::vector<MarkerInput> inputs;
    for (const auto& cl : clusters) {
        QStringList texts = markerLabelCandidates(cl.names);
        const QString first = texts.takeFirst();
        MarkerInput in(cl.xs.front(), first, texts);
        in.span = cl.xs.back() - cl.xs.front();
        inputs.push_back(std::move(in));
    }
    MarkerLayoutOptions opt;
    opt.minX = plot.left() - 40;
    opt.maxX = std::max(plot.right() + 14, opt.minX + 1);
    opt.maxRows = plot.height() > 320 ? 5 : 3;
    // The search is the costliest part of a redraw; edits rarely move markers, so reuse it.
    QString key = QString::number(opt.minX) + '|' + QString::number(opt.maxX) + '|' + QString::number(opt.maxRows) +
                  '|' + QString::number(fm.height()) + '|' + QString::number(fm.averageCharWidth());
    for (const auto& in : inputs)
        key += '|' + QString::number(in.x) + ':' + QString::number(in.span) + ':' + in.text + ':' + in.shorter.join('/');
    if (key != m_markerLayoutKey) {
        m_markerLayout = layoutMarkerLabels(inputs, fm, opt);
        m_markerLayoutKey = key;
    }
    const MarkerLayout& layout = m_markerLayout;

    const int rows = std::max(layout.rows, 0);
    const int top = static_cast<int>(std::ceil(titleH + rows * rowH + 4));
    if (c->margins().top() != top && plot.width() > 0) {
        QMargins mg = c->margins();
        mg.setTop(top);
        c->setMargins(mg); // lays out again -> plotAreaChanged -> here, with the same rows
    }

    std::size_t lineCount = 0;
    for (const auto& cl : clusters)
        lineCount += cl.xs.size();
    while (m_markerLines.size() < lineCount) {
        auto* l = new QGraphicsLineItem(c);
        QPen pen(kMarkerColor, 1, Qt::DashLine);
        pen.setCosmetic(true);
        l->setPen(pen);
        l->setZValue(kZMarkers);
        m_markerLines.push_back(l);
    }
    while (m_markerLabels.size() < clusters.size()) {
        auto* lab = new MarkerLabelItem(c);
        lab->setZValue(kZLabels);
        lab->setData(0, QStringLiteral("policy-marker-label")); // for tests
        m_markerLabels.push_back(lab);
    }
    const double bandBottom = plot.top() - 3;
    std::size_t nextLine = 0;
    for (std::size_t i = 0; i < m_markerLabels.size(); ++i) {
        auto* lab = m_markerLabels[i];
        if (i >= clusters.size() || plot.isEmpty()) {
            lab->hide();
            continue;
        }
        const auto& cl = clusters[i];
        const auto& pl = layout.placements[i];
        double yTop = plot.top();
        if (pl.width > 0) {
            lab->setContent(pl.text, labelFont, kTextColor, QColor(255, 255, 255, 235), QColor(0xc8, 0xc8, 0xc8));
            lab->setBoxWidth(pl.width);
            const double boxTop = bandBottom - (pl.row + 1) * rowH + 3;
            lab->setPos(pl.left, boxTop);
            lab->setToolTip(cl.tip);
            lab->show();
            yTop = boxTop + lab->boxHeight() / 2;
        } else {
            lab->hide();
        }
        for (double x : cl.xs) {
            auto* line = m_markerLines[nextLine++];
            line->setLine(x, yTop, x, plot.bottom());
            line->setToolTip(cl.tip);
            line->show();
        }
    }
    for (std::size_t k = plot.isEmpty() ? 0 : nextLine; k < m_markerLines.size(); ++k)
        m_markerLines[k]->hide();

    layoutTimeGrid(plot, x0, x1);
    layoutLogLabels(plot);

    if (m_zeroItem->isVisible()) {
        const double lo = m_yAxis->min(), hi = m_yAxis->max();
        const double y = plot.bottom() - (0 - lo) / std::max(1e-12, hi - lo) * plot.height();
        m_zeroItem->setLine(plot.left(), y, plot.right(), y);
    }
    layoutCursor();
    m_inLayout = false;
}

void TimeChartView::layoutTimeGrid(const QRectF& plot, double x0, double x1)
{
    struct Tick {
        double x;
        QString label;
        double labelX;
    };
    std::vector<Tick> ticks;
    const QDate a = m_xAxis->min().date();
    const QDate b = m_xAxis->max().date();
    const auto px = [&](const QDate& d) {
        const double x = static_cast<double>(QDateTime(d, QTime(0, 0)).toMSecsSinceEpoch());
        return plot.left() + (x - x0) / std::max(1.0, x1 - x0) * plot.width();
    };
    if (a.isValid() && b.isValid() && x1 > x0 && !plot.isEmpty()) {
        if (a.daysTo(b) > 2 * 366) {
            // Grid at each 1 January; the year's label centred under its span.
            const int step = a.daysTo(b) > 20 * 366 ? 5 : a.daysTo(b) > 10 * 366 ? 2 : 1;
            for (int y = a.year(); y <= b.year(); y += step) {
                const QDate start(y, 1, 1), end(y + step, 1, 1);
                if (start < a || start > b)
                    continue;
                const double xs = px(start);
                const double xe = std::min(px(end), plot.right());
                ticks.push_back({xs, end <= b ? QString::number(y) : QString(), (xs + xe) / 2});
            }
        } else {
            // Quarters labelled "Jan 2024" at the tick.
            QDate q(a.year(), ((a.month() - 1) / 3) * 3 + 1, 1);
            for (; q <= b; q = q.addMonths(3)) {
                if (q < a)
                    continue;
                const double x = px(q);
                ticks.push_back({x, QLocale::c().toString(q, QStringLiteral("MMM yyyy")), x});
            }
        }
    }
    const QFont font = axisFont();
    while (m_gridLines.size() < ticks.size()) {
        auto* l = new QGraphicsLineItem(chart());
        l->setPen(QPen(QColor(0xe2, 0xe2, 0xe2), 1));
        l->setZValue(2.5);
        m_gridLines.push_back(l);
        auto* t = new QGraphicsSimpleTextItem(chart());
        t->setFont(font);
        t->setBrush(kTextColor);
        t->setZValue(kZLabels);
        m_gridLabels.push_back(t);
    }
    for (std::size_t i = 0; i < m_gridLines.size(); ++i) {
        auto* l = m_gridLines[i];
        auto* t = m_gridLabels[i];
        if (i >= ticks.size()) {
            l->hide();
            t->hide();
            continue;
        }
        const auto& tk = ticks[i];
        l->setLine(tk.x, plot.top(), tk.x, plot.bottom() + 4);
        l->setVisible(tk.x > plot.left() + 0.5 && tk.x < plot.right() - 0.5);
        t->setText(tk.label);
        const QRectF br = t->boundingRect();
        double lx = tk.labelX - br.width() / 2;
        lx = std::clamp(lx, plot.left() - br.width() / 2, plot.right() - br.width() / 2);
        t->setPos(lx, plot.bottom() + 6);
        t->setVisible(!tk.label.isEmpty());
    }
}

void TimeChartView::layoutLogLabels(const QRectF& plot)
{
    std::vector<std::pair<double, QString>> ticks; // (y, label) at each power of ten
    if (m_log && !plot.isEmpty() && m_logAxis->min() > 0 && m_logAxis->max() > m_logAxis->min()) {
        const double l0 = std::log10(m_logAxis->min()), l1 = std::log10(m_logAxis->max());
        for (int k = static_cast<int>(std::ceil(l0 - 1e-9)); k <= static_cast<int>(std::floor(l1 + 1e-9)); ++k)
            ticks.push_back({plot.bottom() - (k - l0) / (l1 - l0) * plot.height(), compactNumber(std::pow(10.0, k))});
    }
    while (m_logLabels.size() < ticks.size()) {
        auto* t = new QGraphicsSimpleTextItem(chart());
        t->setFont(axisFont());
        t->setBrush(kTextColor);
        t->setZValue(kZLabels);
        t->setData(0, QStringLiteral("log-axis-label")); // for tests
        m_logLabels.push_back(t);
    }
    double widest = 0;
    for (std::size_t i = 0; i < m_logLabels.size(); ++i) {
        auto* t = m_logLabels[i];
        if (i >= ticks.size()) {
            t->hide();
            continue;
        }
        t->setText(ticks[i].second);
        const QRectF br = t->boundingRect();
        widest = std::max(widest, br.width());
        t->setPos(plot.left() - kLogTickGap - br.width(), ticks[i].first - br.height() / 2);
        t->show();
    }
    m_logTitle->setText(m_logAxis->titleText());
    m_logTitle->setVisible(m_log && !ticks.empty() && !m_logAxis->titleText().isEmpty());
    if (m_logTitle->isVisible()) {
        // Left of the widest label the axis can have (the chart's left margin keeps room for
        // it, see setLogAxisActive). Rotated a quarter turn: the text runs up from its position.
        const QRectF br = m_logTitle->boundingRect();
        const double reserve = std::max(widest, logLabelReserve());
        m_logTitle->setPos(plot.left() - kLogTickGap - reserve - kLogTitleGap - br.height(),
                           plot.center().y() + std::min(br.width(), plot.height()) / 2);
    }
}

double TimeChartView::logLabelReserve()
{
    return QFontMetricsF(axisFont()).horizontalAdvance(QStringLiteral("100M"));
}

void TimeChartView::layoutCursor()
{
    const QRectF plot = chart()->plotArea();
    const double x0 = static_cast<double>(m_xAxis->min().toMSecsSinceEpoch());
    const double x1 = static_cast<double>(m_xAxis->max().toMSecsSinceEpoch());
    if (!m_hasCursor || plot.isEmpty() || x1 <= x0) {
        m_cursorItem->hide();
        m_cursorBox->hide();
        return;
    }
    const double x = plot.left() + (toChartX(m_cursor) - x0) / (x1 - x0) * plot.width();
    if (x < plot.left() - 0.5 || x > plot.right() + 0.5) {
        m_cursorItem->hide();
        m_cursorBox->hide();
        return;
    }
    m_cursorItem->setLine(x, plot.top(), x, plot.bottom());
    m_cursorItem->show();
    m_cursorBox->setContent(monthLabel(m_cursor), smallFont(), Qt::white, QColor(0x20, 0x20, 0x20), QColor());
    m_cursorBox->setBoxWidth(m_cursorBox->naturalWidth());
    double left = x + 3;
    if (left + m_cursorBox->naturalWidth() > plot.right())
        left = x - 3 - m_cursorBox->naturalWidth();
    m_cursorBox->setPos(left, plot.bottom() - m_cursorBox->boxHeight() - 3);
    m_cursorBox->show();
}

void TimeChartView::renderTo(QPainter* painter, const QRectF& target)
{
    auto* c = chart();
    const QRectF old = c->geometry();
    c->setGeometry(QRectF(old.topLeft(), target.size()));
    if (auto* l = c->layout())
        l->activate();
    layoutOverlay();
    if (auto* l = c->layout())
        l->activate();
    layoutOverlay();
    scene()->render(painter, target, QRectF(c->pos(), target.size()), Qt::IgnoreAspectRatio);
    c->setGeometry(old);
    if (auto* l = c->layout())
        l->activate();
    layoutOverlay();
}

} // namespace cp::gui::charts
