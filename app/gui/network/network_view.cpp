#include "app/gui/network/network_view.hpp"

#include "app/gui/network/network_items.hpp"
#include "app/gui/network/network_layout.hpp"
#include "app/gui/network/network_model.hpp"

#include <QApplication>
#include <QDate>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QMetaObject>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace cp::gui {

using network::AggregatedEdge;
using network::EdgeItem;
using network::EdgeKey;
using network::EdgeState;
using network::NodeItem;

namespace {

constexpr double kHeaderSpace = 64; ///< title and column headers above the columns
constexpr double kMargin = 16;

NodeItem::Style styleFor(model::NetworkNode::Kind kind)
{
    switch (kind) {
    case model::NetworkNode::Kind::Producer:
        return NodeItem::Style::Producer;
    case model::NetworkNode::Kind::Firm:
        return NodeItem::Style::Firm;
    case model::NetworkNode::Kind::DataCentre:
        return NodeItem::Style::DataCentre;
    case model::NetworkNode::Kind::Jurisdiction:
        return NodeItem::Style::JurisdictionFrame;
    }
    return NodeItem::Style::DataCentre;
}

/// Data centres sit in their jurisdiction's frame, so "Alibaba Cloud (Singapore region)" is
/// drawn as "Alibaba Cloud"; the full name is in the tooltip.
QString displayLabel(const model::NetworkNode& node)
{
    QString label = QString::fromStdString(node.label.empty() ? node.id : node.label);
    if (node.kind == model::NetworkNode::Kind::DataCentre) {
        const auto paren = label.indexOf(QStringLiteral(" ("));
        if (paren > 3)
            label = label.left(paren);
    }
    return label;
}

QString kindText(model::NetworkNode::Kind kind)
{
    switch (kind) {
    case model::NetworkNode::Kind::Producer:
        return QObject::tr("Chip producer");
    case model::NetworkNode::Kind::Jurisdiction:
        return QObject::tr("Jurisdiction");
    case model::NetworkNode::Kind::DataCentre:
        return QObject::tr("Data centre");
    case model::NetworkNode::Kind::Firm:
        return QObject::tr("AI firm");
    }
    return {};
}

QString monthTitle(core::SimTime t)
{
    const auto d = core::toDate(t);
    return QLocale::c().toString(QDate(d.year, d.month, 1), QStringLiteral("MMMM yyyy"));
}

} // namespace

namespace {

/// Fit on resize, Ctrl+wheel zoom, double-click to fit again; kept out of the public header.
class ViewInput : public QObject {
public:
    ViewInput(NetworkView* view, bool* zoomed) : QObject(view), m_view(view), m_zoomed(zoomed)
    {
        view->installEventFilter(this);
        view->viewport()->installEventFilter(this);
    }

    void fit()
    {
        *m_zoomed = false;
        m_view->fitInView(m_view->sceneRect(), Qt::KeepAspectRatio);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_view) {
            if (event->type() == QEvent::Resize || (event->type() == QEvent::Show && !*m_zoomed))
                QMetaObject::invokeMethod(this, [this] { fit(); }, Qt::QueuedConnection);
            return false;
        }
        if (event->type() == QEvent::Wheel) {
            auto* wheel = static_cast<QWheelEvent*>(event);
            if (!(wheel->modifiers() & Qt::ControlModifier))
                return false;
            const double steps = wheel->angleDelta().y() / 120.0;
            if (steps != 0) {
                const double current = m_view->transform().m11();
                const QRectF vp = m_view->viewport()->rect();
                const QRectF scn = m_view->sceneRect();
                const double fitScale = std::min(vp.width() / std::max(1.0, scn.width()), vp.height() / std::max(1.0, scn.height()));
                // Between half of "fit" and 8x.
                const double target = std::clamp(current * std::pow(1.15, steps), fitScale * 0.5, 8.0);
                m_view->scale(target / current, target / current);
                *m_zoomed = true;
            }
            wheel->accept();
            return true;
        }
        if (event->type() == QEvent::MouseButtonDblClick) {
            fit();
            return false;
        }
        return false;
    }

private:
    NetworkView* m_view;
    bool* m_zoomed;
};

} // namespace

struct NetworkView::Impl {
    QGraphicsScene* scene = nullptr;
    std::shared_ptr<const model::RunResult> result;
    network::NameBook names;
    network::OwnerBook owners; ///< owned data centre -> firm, from the scenario run
    std::map<std::string, NodeItem*> nodes;
    std::map<EdgeKey, EdgeItem*> edges;
    QGraphicsSimpleTextItem* title = nullptr;
    QGraphicsSimpleTextItem* summary = nullptr;
    std::optional<core::SimTime> date;
    std::string layoutSignature; ///< nodes and routes the current items were built for
    int shown = -1;
    bool zoomed = false;

    void build();
    void showSnapshot(int index);
    void hint(const QString& text);
};

NetworkView::NetworkView(QWidget* parent) : QGraphicsView(parent), d(std::make_unique<Impl>())
{
    d->scene = new QGraphicsScene(this);
    setScene(d->scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setBackgroundBrush(Qt::white);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setMinimumSize(320, 240);
    new ViewInput(this, &d->zoomed);
    d->hint(tr("No run yet."));
}

NetworkView::~NetworkView() = default;

void NetworkView::Impl::hint(const QString& text)
{
    scene->clear();
    nodes.clear();
    edges.clear();
    title = summary = nullptr;
    layoutSignature.clear();
    shown = -1;
    auto* t = scene->addSimpleText(text);
    QFont f = QApplication::font();
    f.setPointSizeF((f.pointSizeF() > 0 ? f.pointSizeF() : 9.0) * 1.1);
    t->setFont(f);
    t->setBrush(QColor(0x66, 0x66, 0x66));
    scene->setSceneRect(t->boundingRect().adjusted(-40, -40, 40, 40));
}

void NetworkView::setResult(std::shared_ptr<const model::RunResult> result, const scenario::Scenario* scenario)
{
    d->result = std::move(result);
    d->owners = scenario ? network::makeOwnerBook(*scenario) : network::OwnerBook{};
    d->shown = -1;
    if (!d->result || d->result->networkNodes.empty()) {
        d->hint(tr("No network to show for this run."));
        return;
    }
    if (d->result->network.empty()) {
        d->hint(tr("The supply network was not recorded for this run."));
        return;
    }
    const QRectF before = sceneRect();
    d->build();
    if (!d->zoomed || sceneRect() != before) {
        d->zoomed = false;
        fitInView(sceneRect(), Qt::KeepAspectRatio);
    }
    const auto& snaps = d->result->network;
    setDate(d->date.value_or(snaps.back().date));
}

void NetworkView::Impl::build()
{
    const auto& r = *result;
    names = network::makeNameBook(r);

    // Every (from, to, kind, blocked) edge of any month gets one item, laid out once.
    std::set<EdgeKey> keys;
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& snap : r.network)
        for (const auto& e : snap.edges) {
            keys.insert({e.from, e.to, network::edgeKind(e.kind), e.blocked});
            pairs.insert({e.from, e.to});
        }
    // A firm's own data centres: drawn every month, and they pull the firm level with them.
    if (!r.network.empty())
        for (const auto& e : network::ownEdges(owners, r, r.network.front().date, names)) {
            keys.insert(e.key);
            pairs.insert({e.key.from, e.key.to});
        }
    // Re-runs of the same scenario (a slider being dragged) usually keep the same nodes and
    // routes: keep the layout and the items then.
    std::string signature;
    for (const auto& n : r.networkNodes)
        signature += n.id + '\x1f' + n.label + '\x1f' + n.jurisdiction + '\x1f' + std::to_string(static_cast<int>(n.kind)) + '\x1e';
    for (const auto& k : keys)
        signature += k.text().toStdString() + '\x1e';
    if (signature == layoutSignature && title)
        return;
    layoutSignature = signature;
    scene->clear();
    nodes.clear();
    edges.clear();

    network::LayoutInput in;
    in.nodes = r.networkNodes;
    in.edges.assign(pairs.begin(), pairs.end());
    std::map<std::string, QString> display;
    std::set<std::string> framed; // jurisdictions that contain data centres
    for (const auto& n : r.networkNodes)
        if (n.kind == model::NetworkNode::Kind::DataCentre)
            framed.insert(n.jurisdiction);
    for (const auto& n : r.networkNodes) {
        display[n.id] = displayLabel(n);
        auto style = styleFor(n.kind);
        if (n.kind == model::NetworkNode::Kind::Jurisdiction && !framed.count(n.id))
            style = NodeItem::Style::JurisdictionTag;
        in.nodeSizes[n.id] = NodeItem::preferredSize(style, display[n.id]);
    }
    in.jurisdictionHeader = NodeItem::preferredSize(NodeItem::Style::JurisdictionFrame, QStringLiteral("X")).height();
    const network::NetworkLayout layout = network::layoutNetwork(in);

    std::map<std::string, QString> jurisdictionNames;
    for (const auto& n : r.networkNodes)
        if (n.kind == model::NetworkNode::Kind::Jurisdiction)
            jurisdictionNames[n.id] = QString::fromStdString(n.label.empty() ? n.id : n.label);
    for (const auto& n : r.networkNodes) {
        QRectF rect;
        auto style = styleFor(n.kind);
        if (auto f = layout.frames.find(n.id); f != layout.frames.end()) {
            rect = f->second;
        } else if (auto it = layout.nodes.find(n.id); it != layout.nodes.end()) {
            rect = it->second;
            if (n.kind == model::NetworkNode::Kind::Jurisdiction)
                style = NodeItem::Style::JurisdictionTag;
        } else {
            continue;
        }
        auto* item = new NodeItem(n, style, display[n.id], rect);
        QString tip = QStringLiteral("%1\n%2").arg(QString::fromStdString(n.label.empty() ? n.id : n.label), kindText(n.kind));
        if (n.kind != model::NetworkNode::Kind::Jurisdiction && !n.jurisdiction.empty()) {
            const auto j = jurisdictionNames.find(n.jurisdiction);
            const QString where = j != jurisdictionNames.end() ? j->second : QString::fromStdString(n.jurisdiction);
            tip += n.kind == model::NetworkNode::Kind::DataCentre ? QObject::tr(" in %1").arg(where)
                                                                  : QObject::tr(", headquartered in %1").arg(where);
        }
        if (style == NodeItem::Style::JurisdictionTag)
            tip += QObject::tr(" (no data centres in this scenario)");
        item->setToolTip(tip);
        scene->addItem(item);
        nodes[n.id] = item;
    }

    // Edge end points: spread along the node's side, ordered by where the other end is.
    struct Port {
        EdgeKey key;
        bool out; ///< leaves from this node
        double otherY;
    };
    std::map<std::string, std::vector<Port>> ports;
    const auto centreOf = [&](const std::string& id) {
        const auto it = nodes.find(id);
        return it != nodes.end() ? it->second->rect().center() : QPointF();
    };
    for (const auto& k : keys) {
        if (!nodes.count(k.from) || !nodes.count(k.to))
            continue;
        ports[k.from].push_back({k, true, centreOf(k.to).y()});
        ports[k.to].push_back({k, false, centreOf(k.from).y()});
    }
    std::map<std::pair<EdgeKey, bool>, QPointF> anchor;
    for (auto& [id, list] : ports) {
        const QRectF rect = nodes[id]->rect();
        for (const bool out : {true, false}) {
            std::vector<Port*> side;
            for (auto& p : list)
                if (p.out == out)
                    side.push_back(&p);
            std::stable_sort(side.begin(), side.end(), [](const Port* a, const Port* b) {
                if (a->otherY != b->otherY)
                    return a->otherY < b->otherY;
                return std::tie(a->key.kind, a->key.blocked) < std::tie(b->key.kind, b->key.blocked);
            });
            const double span = std::min(rect.height() - 8, 3.0 * static_cast<double>(side.size() - (side.empty() ? 0 : 1)));
            for (std::size_t i = 0; i < side.size(); ++i) {
                const double t = side.size() > 1 ? static_cast<double>(i) / static_cast<double>(side.size() - 1) - 0.5 : 0.0;
                const double x = out ? rect.right() : rect.left();
                anchor[{side[i]->key, out}] = QPointF(x, rect.center().y() + t * span);
            }
        }
    }
    // Parallel edges of one pair (shipments, smuggling, capped, blocked) bow apart in the middle.
    std::map<std::pair<std::string, std::string>, std::vector<EdgeKey>> bundles;
    for (const auto& k : keys)
        bundles[std::minmax(k.from, k.to)].push_back(k);
    std::map<EdgeKey, double> bow;
    for (auto& [pair, list] : bundles) {
        std::stable_sort(list.begin(), list.end(), [](const EdgeKey& x, const EdgeKey& y) {
            return std::tie(x.kind, x.blocked) < std::tie(y.kind, y.blocked);
        });
        for (std::size_t i = 0; i < list.size(); ++i)
            bow[list[i]] = (static_cast<double>(i) - static_cast<double>(list.size() - 1) / 2.0) * 9.0;
    }
    for (const auto& k : keys) {
        const auto a = anchor.find({k, true});
        const auto b = anchor.find({k, false});
        if (a == anchor.end() || b == anchor.end())
            continue;
        QPointF p0 = a->second, p3 = b->second;
        if (p0.x() > p3.x()) // a flow against the column order: leave and enter on the facing sides
            std::swap(p0, p3);
        const double dx = (p3.x() - p0.x()) * 0.5;
        QPainterPath path(p0);
        const double off = bow[k];
        path.cubicTo(p0 + QPointF(dx, off), p3 + QPointF(-dx, off), p3);
        if (a->second.x() > b->second.x())
            path = path.toReversed();
        auto* e = new EdgeItem(k, path);
        e->setVisible(false);
        scene->addItem(e);
        edges[k] = e;
    }

    // Title, column headers, legend.
    QFont titleFont = QApplication::font();
    const double base = titleFont.pointSizeF() > 0 ? titleFont.pointSizeF() : 9.0;
    titleFont.setBold(true);
    titleFont.setPointSizeF(base * 1.2);
    const double top = layout.bounds.top();
    title = scene->addSimpleText(QString(), titleFont);
    title->setBrush(QColor(0x22, 0x22, 0x22));
    title->setPos(layout.columnX[0], top - kHeaderSpace);
    QFont small = QApplication::font();
    small.setPointSizeF(base * 0.9);
    summary = scene->addSimpleText(QString(), small);
    summary->setBrush(QColor(0x55, 0x55, 0x55));
    summary->setPos(layout.columnX[0], top - kHeaderSpace + QFontMetricsF(titleFont).height() + 2);
    QFont header = QApplication::font();
    header.setPointSizeF(base * 0.9);
    header.setBold(true);
    const QString heads[3] = {QObject::tr("CHIP PRODUCERS"), QObject::tr("DATA CENTRES, BY LOCATION"), QObject::tr("AI FIRMS")};
    for (int c = 0; c < 3; ++c) {
        auto* h = scene->addSimpleText(heads[c], header);
        h->setBrush(QColor(0x77, 0x77, 0x77));
        const double w = h->boundingRect().width();
        h->setPos(layout.columnX[c] + (layout.columnWidth[c] - w) / 2, top - QFontMetricsF(header).height() - 8);
    }
    // The legend sits in the producers' column, under the lowest producer (edges leave
    // producers to the right, so the corner below them stays free).
    auto* legend = new network::LegendItem(std::max(layout.columnWidth[0] + 40, 170.0));
    double lowestProducer = top;
    for (const auto& n : r.networkNodes)
        if (n.kind == model::NetworkNode::Kind::Producer)
            if (auto it = layout.nodes.find(n.id); it != layout.nodes.end())
                lowestProducer = std::max(lowestProducer, it->second.bottom());
    const double legendH = legend->boundingRect().height();
    legend->setPos(layout.columnX[0], std::max(lowestProducer + 30, layout.bounds.bottom() - legendH));
    scene->addItem(legend);

    QRectF all = layout.bounds;
    all.setTop(top - kHeaderSpace);
    all = all.united(legend->sceneBoundingRect());
    scene->setSceneRect(all.adjusted(-kMargin, -kMargin, kMargin, kMargin));
}

void NetworkView::Impl::showSnapshot(int index)
{
    if (!result || index < 0 || static_cast<std::size_t>(index) >= result->network.size() || !title)
        return;
    if (index == shown)
        return;
    shown = index;
    const auto& snap = result->network[static_cast<std::size_t>(index)];
    auto agg = network::aggregate(snap, names);
    for (auto& own : network::ownEdges(owners, *result, snap.date, names))
        agg.push_back(std::move(own));
    std::set<EdgeKey> present;
    int blocked = 0, capped = 0;
    double shipped = 0, leased = 0, smuggled = 0, owned = 0;
    for (const auto& a : agg) {
        const auto it = edges.find(a.key);
        if (it == edges.end())
            continue;
        present.insert(a.key);
        it->second->setState(a.state(), a.flowH100e);
        it->second->setToolTip(a.tooltip);
        it->second->setVisible(true);
        blocked += a.state() == EdgeState::Blocked;
        capped += a.state() == EdgeState::Capped;
        switch (a.key.kind) {
        case network::EdgeKind::Lease:
            leased += a.flowH100e;
            break;
        case network::EdgeKind::Smuggling:
            smuggled += a.flowH100e;
            break;
        case network::EdgeKind::Own:
            owned += a.flowH100e;
            break;
        case network::EdgeKind::Hardware:
            shipped += a.flowH100e;
            break;
        }
    }
    for (auto& [key, item] : edges)
        if (!present.count(key))
            item->setVisible(false);
    title->setText(QObject::tr("Supply and lease network — %1").arg(monthTitle(snap.date)));
    const QLocale loc = QLocale::system();
    const auto num = [&](double v) { return loc.toString(static_cast<qlonglong>(std::llround(v))); };
    const QString flows = owned > 0
                              ? QObject::tr("This month: %1 H100e shipped, %2 smuggled, %3 leased, %4 in firms' own data centres")
                                    .arg(num(shipped), num(smuggled), num(leased), num(owned))
                              : QObject::tr("This month: %1 H100e shipped, %2 smuggled, %3 leased").arg(num(shipped), num(smuggled), num(leased));
    summary->setText(QObject::tr("%1 · %2 blocked and %3 capped routes · hover a route for details").arg(flows).arg(blocked).arg(capped));
}

void NetworkView::setDate(core::SimTime date)
{
    d->date = date;
    if (!d->result || d->result->network.empty())
        return;
    const auto& snaps = d->result->network;
    // The snapshot of the month containing `date`: the last one starting at or before it.
    auto it = std::upper_bound(snaps.begin(), snaps.end(), date,
                               [](core::SimTime t, const model::NetworkSnapshot& s) { return t < s.date; });
    const int index = it == snaps.begin() ? 0 : static_cast<int>(it - snaps.begin()) - 1;
    d->showSnapshot(index);
}

const std::shared_ptr<const model::RunResult>& NetworkView::result() const { return d->result; }

QString NetworkView::edgeTooltipAt(QPointF scenePos) const
{
    const EdgeItem* best = nullptr;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const auto& [key, item] : d->edges) {
        if (!item->isVisible())
            continue;
        const double dist = item->distanceTo(scenePos);
        if (dist < bestDistance) {
            bestDistance = dist;
            best = item;
        }
    }
    if (!best || bestDistance > 6.0 + best->width() / 2)
        return {};
    return best->toolTip();
}

} // namespace cp::gui
