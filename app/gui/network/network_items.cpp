#include "app/gui/network/network_items.hpp"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numbers>

namespace cp::gui::network {

namespace {

const QColor kText(0x22, 0x22, 0x22);
const QColor kHardware(0x2F, 0x6D, 0xB5);
const QColor kLease(0x1B, 0x9E, 0x77);
const QColor kSmuggling(0x8E, 0x44, 0xAD);
const QColor kOwn(0x5D, 0x6D, 0x7E); ///< slate: a firm's own data centre, not a market flow
const QColor kCapped(0xE0, 0x8E, 0x0B);
const QColor kBlocked(0xD6, 0x27, 0x28);

QColor alpha(QColor c, int a)
{
    c.setAlpha(a);
    return c;
}

} // namespace

// ---------------------------------------------------------------------------------------- nodes

NodeItem::NodeItem(const model::NetworkNode& node, Style style, const QString& text, const QRectF& rect)
    : m_style(style), m_text(text), m_rect(rect)
{
    setData(RoleType, QStringLiteral("node"));
    setData(RoleId, QString::fromStdString(node.id));
    setData(RoleState, static_cast<int>(node.kind));
    setZValue(style == Style::JurisdictionFrame ? -10 : 10);
    setCacheMode(QGraphicsItem::DeviceCoordinateCache); // nodes never change: paint them once per zoom
}

QFont NodeItem::font(Style style)
{
    QFont f = QApplication::font();
    const double base = f.pointSizeF() > 0 ? f.pointSizeF() : 9.0;
    switch (style) {
    case Style::Producer:
        f.setBold(true);
        f.setPointSizeF(base);
        break;
    case Style::Firm:
        f.setWeight(QFont::DemiBold);
        f.setPointSizeF(base);
        break;
    case Style::DataCentre:
        f.setPointSizeF(base * 0.95);
        break;
    case Style::JurisdictionFrame:
        f.setBold(true);
        f.setPointSizeF(base * 0.9);
        break;
    case Style::JurisdictionTag:
        f.setPointSizeF(base * 0.85);
        break;
    }
    return f;
}

QSizeF NodeItem::preferredSize(Style style, const QString& text)
{
    const QFontMetricsF fm(font(style));
    const double w = fm.horizontalAdvance(text);
    switch (style) {
    case Style::Producer:
        return {w + 30, 30};
    case Style::Firm:
        return {w + 30, 26};
    case Style::DataCentre:
        return {std::min(w + 36, 270.0), 22};
    case Style::JurisdictionFrame:
        return {w + 20, fm.height() + 6};
    case Style::JurisdictionTag:
        return {w + 16, fm.height() + 6};
    }
    return {w, fm.height()};
}

QRectF NodeItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2);
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing, true);
    const QRectF r = m_rect;
    const QFont f = font(m_style);
    const QFontMetricsF fm(f);
    p->setFont(f);
    switch (m_style) {
    case Style::Producer: {
        // A chamfered box: the fab.
        const double c = 7;
        QPolygonF poly;
        poly << QPointF(r.left() + c, r.top()) << QPointF(r.right() - c, r.top()) << QPointF(r.right(), r.top() + c)
             << QPointF(r.right(), r.bottom() - c) << QPointF(r.right() - c, r.bottom())
             << QPointF(r.left() + c, r.bottom()) << QPointF(r.left(), r.bottom() - c)
             << QPointF(r.left(), r.top() + c);
        p->setPen(QPen(QColor(0x16, 0x22, 0x33), 1));
        p->setBrush(QColor(0x2B, 0x3A, 0x52));
        p->drawPolygon(poly);
        p->setPen(Qt::white);
        p->drawText(r.adjusted(8, 0, -8, 0), Qt::AlignCenter, fm.elidedText(m_text, Qt::ElideRight, r.width() - 16));
        break;
    }
    case Style::DataCentre: {
        p->setPen(QPen(QColor(0x7D, 0x8F, 0xA8), 1));
        p->setBrush(QColor(0xF3, 0xF6, 0xFA));
        p->drawRoundedRect(r, 3, 3);
        // A small rack glyph.
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0x7D, 0x8F, 0xA8));
        const double gx = r.left() + 8, gy = r.center().y() - 6;
        for (int k = 0; k < 3; ++k)
            p->drawRoundedRect(QRectF(gx, gy + k * 4.4, 11, 3.2), 1, 1);
        p->setPen(kText);
        p->drawText(r.adjusted(26, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                    fm.elidedText(m_text, Qt::ElideRight, r.width() - 32));
        break;
    }
    case Style::Firm: {
        p->setPen(QPen(QColor(0x1B, 0x6E, 0x4F), 1.5));
        p->setBrush(QColor(0xEC, 0xF7, 0xF1));
        p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p->setPen(kText);
        p->drawText(r.adjusted(12, 0, -12, 0), Qt::AlignCenter, fm.elidedText(m_text, Qt::ElideRight, r.width() - 24));
        break;
    }
    case Style::JurisdictionFrame: {
        QPen pen(QColor(0xB9, 0xB9, 0xB0), 1, Qt::DashLine);
        p->setPen(pen);
        p->setBrush(QColor(0xF7, 0xF7, 0xF3));
        p->drawRoundedRect(r, 6, 6);
        p->setPen(QColor(0x4A, 0x4A, 0x44));
        p->drawText(QRectF(r.left() + 8, r.top() + 2, r.width() - 16, fm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(m_text, Qt::ElideRight, r.width() - 18));
        break;
    }
    case Style::JurisdictionTag: {
        QPen pen(QColor(0xB9, 0xB9, 0xB0), 1, Qt::DashLine);
        p->setPen(pen);
        p->setBrush(QColor(0xF7, 0xF7, 0xF3));
        p->drawRoundedRect(r, 4, 4);
        p->setPen(QColor(0x6A, 0x6A, 0x64));
        p->drawText(r, Qt::AlignCenter, m_text);
        break;
    }
    }
}

// ---------------------------------------------------------------------------------------- edges

EdgeItem::EdgeItem(const EdgeKey& key, const QPainterPath& path) : m_key(key), m_path(path)
{
    setData(RoleType, QStringLiteral("edge"));
    setData(RoleId, key.text());
    setAcceptHoverEvents(true);
    constexpr int kSamples = 48;
    m_samples.reserve(kSamples + 1);
    for (int i = 0; i <= kSamples; ++i)
        m_samples.push_back(m_path.pointAtPercent(static_cast<double>(i) / kSamples));
    setState(key.blocked ? EdgeState::Blocked : EdgeState::Open, 0);
}

double EdgeItem::widthForFlow(double flow)
{
    return 1.0 + 1.6 * std::log10(1.0 + std::max(0.0, flow) / 150.0);
}

QPen EdgeItem::penFor(EdgeKind kind, EdgeState state, double width)
{
    QColor c = kind == EdgeKind::Lease       ? kLease
               : kind == EdgeKind::Smuggling ? kSmuggling
               : kind == EdgeKind::Own       ? kOwn
                                             : kHardware;
    if (state == EdgeState::Capped)
        c = kCapped;
    if (state == EdgeState::Blocked)
        c = kBlocked;
    const int a = state == EdgeState::Blocked ? 235 : kind == EdgeKind::Own ? 120 : 215;
    QPen pen(alpha(c, a), width, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    if (state == EdgeState::Blocked) {
        pen.setStyle(Qt::CustomDashLine);
        pen.setDashPattern({4, 3});
    } else if (kind == EdgeKind::Smuggling) {
        pen.setStyle(Qt::CustomDashLine);
        pen.setDashPattern({1, 1.6});
    }
    return pen;
}

void EdgeItem::setState(EdgeState state, double flow)
{
    const double w = state == EdgeState::Blocked ? 1.6 : std::max(widthForFlow(flow), state == EdgeState::Capped ? 1.6 : 1.0);
    const QPen pen = penFor(m_key.kind, state, w);
    if (pen == m_pen && state == m_state)
        return;
    prepareGeometryChange();
    m_pen = pen;
    m_state = state;
    setData(RoleState, state == EdgeState::Blocked ? QStringLiteral("blocked")
                       : state == EdgeState::Capped ? QStringLiteral("capped")
                                                    : QStringLiteral("open"));
    m_baseZ = state == EdgeState::Blocked ? 0 : 1 + w / 10;
    setZValue(m_hover ? 5 : m_baseZ);
    update();
}

double EdgeItem::distanceTo(const QPointF& scenePos) const
{
    const QPointF p = mapFromScene(scenePos);
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 1; i < m_samples.size(); ++i) {
        const QPointF a = m_samples[i - 1], b = m_samples[i];
        const QPointF ab = b - a;
        const double len2 = QPointF::dotProduct(ab, ab);
        const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
        const QPointF d = p - (a + t * ab);
        best = std::min(best, std::hypot(d.x(), d.y()));
    }
    return best;
}

QRectF EdgeItem::boundingRect() const
{
    const double m = std::max(6.0, m_pen.widthF() + 6);
    return m_path.boundingRect().adjusted(-m, -m, m, m);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(9.0, m_pen.widthF() + 5));
    return stroker.createStroke(m_path);
}

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing, true);
    QPen pen = m_pen;
    if (m_hover) {
        pen.setWidthF(pen.widthF() + 1.5);
        QColor c = pen.color();
        c.setAlpha(255);
        pen.setColor(c);
    }
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(m_path);
    if (m_state == EdgeState::Blocked) {
        // A bar across the end: the route is closed.
        const QPointF end = m_path.pointAtPercent(0.985);
        const double angle = m_path.angleAtPercent(0.985) * std::numbers::pi / 180.0;
        const QPointF n(std::sin(angle) * 5, std::cos(angle) * 5);
        p->setPen(QPen(pen.color(), 2, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(end - n, end + n);
        return;
    }
    // Arrowhead at the target.
    const QPointF tip = m_path.pointAtPercent(1.0);
    const double angle = m_path.angleAtPercent(0.99) * std::numbers::pi / 180.0;
    const QPointF dir(std::cos(angle), -std::sin(angle));
    const QPointF nrm(-dir.y(), dir.x());
    const double len = 5 + pen.widthF(), half = 2.5 + pen.widthF() * 0.6;
    QPolygonF head;
    head << tip << tip - dir * len + nrm * half << tip - dir * len - nrm * half;
    p->setPen(Qt::NoPen);
    p->setBrush(pen.color());
    p->drawPolygon(head);
}

void EdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    m_hover = true;
    setZValue(5);
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void EdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    m_hover = false;
    setZValue(m_baseZ);
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

// ---------------------------------------------------------------------------------------- legend

namespace {

struct LegendEntry {
    const char* text;
    EdgeKind kind;
    EdgeState state;
};

constexpr LegendEntry kLegend[] = {
    {QT_TRANSLATE_NOOP("NetworkView", "Chip shipments"), EdgeKind::Hardware, EdgeState::Open},
    {QT_TRANSLATE_NOOP("NetworkView", "Own capacity (firm's data centre)"), EdgeKind::Own, EdgeState::Open},
    {QT_TRANSLATE_NOOP("NetworkView", "Leased capacity"), EdgeKind::Lease, EdgeState::Open},
    {QT_TRANSLATE_NOOP("NetworkView", "Smuggling"), EdgeKind::Smuggling, EdgeState::Open},
    {QT_TRANSLATE_NOOP("NetworkView", "Capped by a rule"), EdgeKind::Hardware, EdgeState::Capped},
    {QT_TRANSLATE_NOOP("NetworkView", "Blocked by a rule"), EdgeKind::Hardware, EdgeState::Blocked},
};

QFont legendFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF((f.pointSizeF() > 0 ? f.pointSizeF() : 9.0) * 0.9);
    return f;
}

} // namespace

LegendItem::LegendItem(double minWidth) : m_width(minWidth)
{
    setZValue(20);
    // As wide as the longest entry (sample line, gap, text), so no label runs past the box.
    const QFontMetricsF fm(legendFont());
    for (const auto& e : kLegend)
        m_width = std::max(m_width, 36 + fm.horizontalAdvance(QCoreApplication::translate("NetworkView", e.text)) + 4);
}

QRectF LegendItem::boundingRect() const
{
    const QFontMetricsF fm(legendFont());
    const double rows = static_cast<double>(std::size(kLegend)) + 2;
    return {0, 0, m_width, rows * (fm.height() + 4)};
}

void LegendItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    // A column: one sample line and label per edge style, then how widths read.
    p->setRenderHint(QPainter::Antialiasing, true);
    const QFont f = legendFont();
    p->setFont(f);
    const QFontMetricsF fm(f);
    const double rowH = fm.height() + 4;
    double y = rowH / 2;
    for (const auto& e : kLegend) {
        p->setPen(EdgeItem::penFor(e.kind, e.state, e.state == EdgeState::Blocked ? 1.6 : 2.6));
        p->drawLine(QPointF(0, y), QPointF(28, y));
        p->setPen(kText);
        p->drawText(QPointF(36, y + fm.ascent() / 2 - 1), QCoreApplication::translate("NetworkView", e.text));
        y += rowH;
    }
    p->setPen(QColor(0x66, 0x66, 0x66));
    p->drawText(QRectF(0, y - rowH / 2 + 2, m_width, 2 * rowH), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                QCoreApplication::translate("NetworkView", "Line width grows with the flow or the installed compute (log scale)."));
}

} // namespace cp::gui::network
