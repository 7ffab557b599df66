// The common chart view: a QChartView with a date axis and a value axis, a title row and rows
// of policy-marker labels above the plot, a playback cursor, click-to-date, legend toggling and
// rendering for export. Subclasses fill in the series. Internal to app/gui/charts.
#pragma once

#include "app/gui/charts/chart_context.hpp"
#include "app/gui/charts/marker_layout.hpp"

#include <QChartView>

#include <functional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QLegendMarker;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace cp::gui::charts {

class MarkerLabelItem;

class TimeChartView : public QChartView {
    Q_OBJECT
public:
    explicit TimeChartView(QWidget* parent = nullptr);
    ~TimeChartView() override;

    /// Brings the chart up to date with `ctx`: data (new runs, difference mode, visible firms)
    /// when `data`, the cursor and reveal state always. Cheap when only the cursor moved.
    void sync(const ChartContext& ctx, bool dataChanged);

    /// Chart title (also used for exports).
    [[nodiscard]] QString title() const { return m_title; }
    /// Renders the chart, laid out for `target`'s size, into `painter`.
    void renderTo(QPainter* painter, const QRectF& target);

    [[nodiscard]] QValueAxis* valueAxis() const { return m_yAxis; }
    [[nodiscard]] QLogValueAxis* logAxis() const { return m_logAxis; }
    [[nodiscard]] bool logScale() const { return m_log; }
    [[nodiscard]] QDateTimeAxis* dateAxis() const { return m_xAxis; }

signals:
    void dateClicked(core::SimTime date);

protected:
    /// Rebuild series values from the context (reuse series; replace points).
    virtual void updateData(const ChartContext& ctx) = 0;
    /// Show data up to `xMax` only (+inf = everything).
    virtual void updateReveal(double xMax) = 0;

    void setTitle(const QString& title);
    /// Switches the value axis between linear and logarithmic (attached series move along).
    void setLogAxisActive(bool on);
    /// A short note at the right of the title row ("dashed: reference run").
    void setNote(const QString& note);
    /// A horizontal line at y = 0 (difference mode).
    void setZeroLineVisible(bool visible);
    /// A new line series added to the chart and attached to both axes.
    QLineSeries* newLineSeries(const QString& name, bool inLegend);
    /// Adds `series` to the chart, attaches the axes.
    void addSeries(QAbstractSeries* series);
    /// Legend marker of `series` (the first one) or nullptr.
    [[nodiscard]] QLegendMarker* legendMarker(QAbstractSeries* series) const;
    /// Makes clicks on the legend marker of `series` call `onClick`.
    void onLegendClick(QAbstractSeries* series, std::function<void()> onClick);
    /// Shows or hides the legend marker of `series`, fading it when `dimmed` (series hidden by the user).
    void styleLegendMarker(QAbstractSeries* series, bool shown, bool dimmed, const QColor& color);
    /// The date axis range for the context's runs.
    void updateTimeAxis(const ChartContext& ctx);
    /// Shows a tooltip with `text` at the mouse.
    void showTip(const QString& text);
    /// The month (period start) nearest to chart x.
    [[nodiscard]] static core::SimTime snapToMonth(double x);

    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void layoutOverlay();
    void flushLegend();
    void layoutCursor();
    void layoutTimeGrid(const QRectF& plot, double x0, double x1);
    void layoutLogLabels(const QRectF& plot);
    /// Width kept for the log axis labels ("100M").
    [[nodiscard]] static double logLabelReserve();

    QString m_title;
    QString m_note;
    QDateTimeAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    QLogValueAxis* m_logAxis = nullptr;
    bool m_log = false;
    QGraphicsSimpleTextItem* m_titleItem = nullptr;
    QGraphicsSimpleTextItem* m_noteItem = nullptr;
    QGraphicsLineItem* m_cursorItem = nullptr;
    MarkerLabelItem* m_cursorBox = nullptr;
    QGraphicsLineItem* m_zeroItem = nullptr;
    std::vector<PolicyMark> m_markers;
    std::vector<QGraphicsLineItem*> m_markerLines;
    QString m_markerLayoutKey; ///< inputs of the last marker layout, to reuse it
    MarkerLayout m_markerLayout;
    std::vector<MarkerLabelItem*> m_markerLabels;
    std::vector<QGraphicsLineItem*> m_gridLines;
    std::vector<QGraphicsSimpleTextItem*> m_gridLabels;
    std::vector<QGraphicsSimpleTextItem*> m_logLabels; ///< decade labels of the log axis
    QGraphicsSimpleTextItem* m_logTitle = nullptr;      ///< the log axis title, drawn here
    bool m_hasCursor = false;
    core::SimTime m_cursor = 0;
    double m_revealX = 0;
    bool m_revealInit = false;
    bool m_inLayout = false;
    bool m_legendDirty = false;
    QPoint m_pressPos;
};

} // namespace cp::gui::charts
