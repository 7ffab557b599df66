// Scene items of the network view: nodes (shape and colour by kind), jurisdiction frames,
// edges (width by flow, style by kind and state, hover tooltip) and the legend. Internal to
// app/gui/network.
#pragma once

#include "app/gui/network/network_model.hpp"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPen>

#include <vector>

namespace cp::gui::network {

/// Item data roles (QGraphicsItem::data) used by the view and the tests.
enum ItemRole { RoleType = 0, RoleId = 1, RoleState = 2 };

class NodeItem : public QGraphicsItem {
public:
    enum class Style { Producer, DataCentre, Firm, JurisdictionFrame, JurisdictionTag };

    NodeItem(const model::NetworkNode& node, Style style, const QString& text, const QRectF& rect);

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] QRectF rect() const { return m_rect; }
    [[nodiscard]] Style style() const { return m_style; }

    /// Size a node of this style needs for `text` (frames: only the header matters).
    [[nodiscard]] static QSizeF preferredSize(Style style, const QString& text);
    [[nodiscard]] static QFont font(Style style);

private:
    Style m_style;
    QString m_text;
    QRectF m_rect;
};

class EdgeItem : public QGraphicsItem {
public:
    EdgeItem(const EdgeKey& key, const QPainterPath& path);

    /// Width from the flow (log scale), pen from kind and state.
    void setState(EdgeState state, double flowH100e);
    [[nodiscard]] const EdgeKey& key() const { return m_key; }
    [[nodiscard]] EdgeState state() const { return m_state; }
    /// Distance from a scene point to the drawn curve.
    [[nodiscard]] double distanceTo(const QPointF& scenePos) const;
    [[nodiscard]] double width() const { return m_pen.widthF(); }
    [[nodiscard]] const QPainterPath& path() const { return m_path; }

    [[nodiscard]] static QPen penFor(EdgeKind kind, EdgeState state, double width);
    [[nodiscard]] static double widthForFlow(double flowH100e);

    [[nodiscard]] QRectF boundingRect() const override;
    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    EdgeKey m_key;
    QPainterPath m_path;
    std::vector<QPointF> m_samples;
    QPen m_pen;
    EdgeState m_state = EdgeState::Open;
    bool m_hover = false;
    qreal m_baseZ = 0;
};

/// Explains the edge styles; drawn in the scene below the chip producers.
class LegendItem : public QGraphicsItem {
public:
    /// At least `minWidth` wide, wider if an entry needs it.
    explicit LegendItem(double minWidth);
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    double m_width;
};

} // namespace cp::gui::network
