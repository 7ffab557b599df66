#include "app/gui/charts/time_chart_view.hpp"

#include "app/gui/charts/chart_style.hpp"
#include "app/gui/charts/marker_layout.hpp"
#include "app/gui/charts/time_chart_items.hpp"

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
