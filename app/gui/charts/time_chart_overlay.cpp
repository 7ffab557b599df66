// TimeChartView's overlay, laid out over the plot area whenever it changes: policy markers
// with their labels, the year grid and labels, the log-axis labels and the date cursor.
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

} // namespace cp::gui::charts
