// Shared by the two halves of TimeChartView (time_chart_view.cpp: the chart and its series;
// time_chart_overlay.cpp: the overlay laid out on top of it): z-order, colours, and the boxed
// label item used for policy markers and the cursor date. Private to app/gui/charts.
#pragma once

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QPainter>

#include <cmath>

namespace cp::gui::charts {

inline constexpr qreal kZMarkers = 6;
inline constexpr qreal kZCursor = 8;
inline constexpr qreal kZLabels = 9;
inline constexpr double kTitleTop = 6;
inline const QColor kMarkerColor(0x6b, 0x6b, 0x6b);
inline const QColor kTextColor(0x2b, 0x2b, 0x2b);
inline constexpr double kLogTickGap = 7;  ///< log-axis label to plot
inline constexpr double kLogTitleGap = 6; ///< log-axis title to labels

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

} // namespace cp::gui::charts
