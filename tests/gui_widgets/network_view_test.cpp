// The network view: a node item per network node, edges per month, tooltips that say which
// rule blocks a route and since when.
#include "app/gui/network/network_items.hpp"
#include "app/gui/network/network_model.hpp"
#include "app/gui/network/network_view.hpp"
#include "widgets_fixture.hpp"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QCoreApplication>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace cp::test {
namespace {

using gui::NetworkView;
using gui::network::EdgeItem;
using gui::network::RoleId;
using gui::network::RoleState;
using gui::network::RoleType;

std::vector<QGraphicsItem*> itemsOfType(const NetworkView& view, const char* type)
{
    std::vector<QGraphicsItem*> out;
    for (auto* item : view.scene()->items())
        if (item->data(RoleType).toString() == QLatin1String(type))
            out.push_back(item);
    return out;
}

std::vector<EdgeItem*> visibleEdges(const NetworkView& view, const char* state = nullptr)
{
    std::vector<EdgeItem*> out;
    for (auto* item : itemsOfType(view, "edge"))
        if (item->isVisible() && (!state || item->data(RoleState).toString() == QLatin1String(state)))
            out.push_back(static_cast<EdgeItem*>(item));
    return out;
}

TEST(NetworkView, OneNodeItemPerNetworkNode)
{
    const auto& runs = widgetRuns();
    NetworkView view;
    view.resize(1280, 800);
    view.setResult(runs.current);
    const auto nodes = itemsOfType(view, "node");
    EXPECT_EQ(nodes.size(), runs.current->networkNodes.size());
    std::set<QString> ids;
    for (auto* n : nodes)
        ids.insert(n->data(RoleId).toString());
    for (const auto& n : runs.current->networkNodes)
        EXPECT_TRUE(ids.count(QString::fromStdString(n.id))) << n.id;
    // Nodes do not overlap, except data centres inside their jurisdiction's frame.
    for (std::size_t i = 0; i < nodes.size(); ++i)
        for (std::size_t k = i + 1; k < nodes.size(); ++k) {
            const bool frame = nodes[i]->zValue() < 0 || nodes[k]->zValue() < 0;
            if (!frame) {
                EXPECT_FALSE(nodes[i]->sceneBoundingRect().adjusted(2, 2, -2, -2).intersects(
                    nodes[k]->sceneBoundingRect().adjusted(2, 2, -2, -2)))
                    << nodes[i]->data(RoleId).toString().toStdString() << " / " << nodes[k]->data(RoleId).toString().toStdString();
            }
        }
}

TEST(NetworkView, BlockedRoutesSayWhichRuleAndSinceWhen)
{
    const auto& runs = widgetRuns();
    NetworkView view;
    view.resize(1280, 800);
    view.setResult(runs.current);
    view.setDate(core::fromDate(2024, 7, 15));
    const auto blocked = visibleEdges(view, "blocked");
    ASSERT_FALSE(blocked.empty());
    QStringList policyNames;
    for (const auto& b : runs.current->blockedRoutes)
        policyNames << QString::fromStdString(b.policyName);
    for (auto* e : blocked) {
        const QString tip = e->toolTip();
        EXPECT_TRUE(tip.contains(QStringLiteral("blocked by "))) << tip.toStdString();
        EXPECT_TRUE(tip.contains(QStringLiteral(" since 20"))) << tip.toStdString();
        bool names = false;
        for (const auto& p : policyNames)
            names = names || tip.contains(p);
        EXPECT_TRUE(names) << tip.toStdString();
        // The same text where the mouse would hover.
        EXPECT_EQ(view.edgeTooltipAt(e->mapToScene(e->path().pointAtPercent(0.5))), tip);
    }
    // The diffusion rule, kept, closes the offshore leases of Chinese firms.
    NetworkView ref;
    ref.resize(1280, 800);
    ref.setResult(runs.reference);
    ref.setDate(core::fromDate(2025, 10, 1));
    bool leaseBlocked = false;
    for (auto* e : visibleEdges(ref, "blocked"))
        leaseBlocked = leaseBlocked || (e->key().kind == gui::network::EdgeKind::Lease && e->toolTip().contains(QStringLiteral("AI diffusion rule")));
    EXPECT_TRUE(leaseBlocked);
}

TEST(NetworkView, OpenRoutesShowTheirFlow)
{
    const auto& runs = widgetRuns();
    NetworkView view;
    view.setResult(runs.current);
    view.setDate(core::fromDate(2025, 10, 1));
    const auto open = visibleEdges(view, "open");
    ASSERT_FALSE(open.empty());
    for (auto* e : open) {
        EXPECT_TRUE(e->toolTip().contains(QStringLiteral(" → "))) << e->toolTip().toStdString();
        EXPECT_TRUE(e->toolTip().contains(QStringLiteral("H100e/month"))) << e->toolTip().toStdString();
    }
    EXPECT_TRUE(view.edgeTooltipAt(QPointF(-1e6, -1e6)).isEmpty());
}

TEST(NetworkView, DatePicksTheMonthsSnapshot)
{
    const auto& runs = widgetRuns();
    NetworkView view;
    view.setResult(runs.current);
    const auto names = gui::network::makeNameBook(*runs.current);
    for (auto date : {core::fromDate(2022, 1, 20), core::fromDate(2024, 7, 1), core::fromDate(2025, 10, 17)}) {
        view.setDate(date);
        const auto month = core::fromDate(core::toDate(date).year, core::toDate(date).month, 1);
        const auto it = std::find_if(runs.current->network.begin(), runs.current->network.end(),
                                     [&](const model::NetworkSnapshot& s) { return s.date == month; });
        ASSERT_NE(it, runs.current->network.end());
        EXPECT_EQ(visibleEdges(view).size(), gui::network::aggregate(*it, names).size()) << core::formatDate(date);
    }
}

TEST(NetworkView, CtrlWheelZoomsAndResizeFits)
{
    const auto& runs = widgetRuns();
    NetworkView view;
    view.resize(1000, 700);
    view.setResult(runs.current);
    view.show();
    QCoreApplication::processEvents();
    const double fit = view.transform().m11();
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    EXPECT_TRUE(visible.adjusted(-2, -2, 2, 2).contains(view.sceneRect())) << "the whole network is in view";
    const QPointF centre = view.viewport()->rect().center();
    QWheelEvent zoomIn(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                       Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &zoomIn);
    EXPECT_GT(view.transform().m11(), fit * 1.2);
    view.resize(900, 650);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    EXPECT_LT(view.transform().m11(), fit * 1.05) << "a resize fits the network again";
}

TEST(NetworkView, OwnedDataCentresLinkToTheirFirm)
{
    const auto& runs = widgetRuns();
    NetworkView view;
    view.resize(1280, 800);
    view.setResult(runs.current, &runs.baseline);
    const auto date = core::fromDate(2025, 6, 1);
    view.setDate(date);
    const auto period = static_cast<std::size_t>(
        std::find(runs.current->periods.begin(), runs.current->periods.end(), date) - runs.current->periods.begin());
    ASSERT_LT(period, runs.current->periods.size());
    std::map<std::pair<std::string, std::string>, EdgeItem*> own;
    for (auto* e : visibleEdges(view))
        if (e->key().kind == gui::network::EdgeKind::Own)
            own[{e->key().from, e->key().to}] = e;
    int owned = 0;
    for (const auto& dc : runs.baseline.dataCentres) {
        if (dc.owner.empty())
            continue;
        ++owned;
        const auto it = own.find({dc.id, dc.owner});
        ASSERT_NE(it, own.end()) << dc.id << " -> " << dc.owner;
        const double capacity = runs.current->find(dc.id, "capacity_h100e")->values[period];
        EXPECT_TRUE(it->second->toolTip().contains(QStringLiteral("own capacity"))) << it->second->toolTip().toStdString();
        EXPECT_TRUE(it->second->toolTip().contains(QLocale::system().toString(static_cast<qlonglong>(std::llround(capacity)))))
            << it->second->toolTip().toStdString();
        EXPECT_DOUBLE_EQ(it->second->width(), std::max(1.0, EdgeItem::widthForFlow(capacity))) << dc.id;
    }
    EXPECT_EQ(own.size(), static_cast<std::size_t>(owned));
    EXPECT_GE(owned, 8);

    // Every firm that owns compute now has an edge, and sits level with its data centres:
    // nearer to them than to the average data centre.
    std::map<QString, QRectF> nodes;
    for (auto* n : itemsOfType(view, "node"))
        nodes[n->data(RoleId).toString()] = n->sceneBoundingRect();
    double meanGap = 0;
    int dcs = 0;
    for (const auto& n : runs.current->networkNodes)
        if (n.kind == model::NetworkNode::Kind::DataCentre) {
            for (const auto& f : runs.current->networkNodes)
                if (f.kind == model::NetworkNode::Kind::Firm) {
                    meanGap += std::abs(nodes[QString::fromStdString(n.id)].center().y() - nodes[QString::fromStdString(f.id)].center().y());
                    ++dcs;
                }
        }
    meanGap /= std::max(1, dcs);
    for (const auto& firm : {"meta", "google", "deepseek"}) {
        double best = 1e300;
        for (const auto& dc : runs.baseline.dataCentres)
            if (dc.owner == firm)
                best = std::min(best, std::abs(nodes[QString::fromStdString(dc.id)].center().y() - nodes[QString::fromLatin1(firm)].center().y()));
        EXPECT_LT(best, meanGap / 2) << firm;
    }

    // Without the scenario there is nothing to say who owns what: no own-capacity edges.
    NetworkView plain;
    plain.setResult(runs.current);
    plain.setDate(date);
    for (auto* e : visibleEdges(plain))
        EXPECT_NE(e->key().kind, gui::network::EdgeKind::Own);
}

TEST(NetworkView, WiderEdgesCarryMore)
{
    EXPECT_LT(EdgeItem::widthForFlow(100), EdgeItem::widthForFlow(10'000));
    EXPECT_LT(EdgeItem::widthForFlow(10'000), EdgeItem::widthForFlow(1'000'000));
    EXPECT_LT(EdgeItem::widthForFlow(1'000'000), 12.0);
}

TEST(NetworkView, LayoutIsDeterministic)
{
    const auto& runs = widgetRuns();
    NetworkView a, b;
    a.setResult(runs.current);
    b.setResult(runs.current);
    std::map<QString, QRectF> ra;
    for (auto* n : itemsOfType(a, "node"))
        ra[n->data(RoleId).toString()] = n->sceneBoundingRect();
    for (auto* n : itemsOfType(b, "node"))
        EXPECT_EQ(ra[n->data(RoleId).toString()], n->sceneBoundingRect());
}

TEST(NetworkView, WithoutARecordedNetworkShowsAHint)
{
    const auto& runs = widgetRuns();
    auto plain = std::make_shared<model::RunResult>(*runs.current);
    plain->network.clear();
    NetworkView view;
    view.setResult(plain);
    EXPECT_TRUE(itemsOfType(view, "node").empty());
    bool hint = false;
    for (auto* item : view.scene()->items())
        if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            hint = hint || t->text().contains(QStringLiteral("not recorded"));
    EXPECT_TRUE(hint);
    view.setDate(core::fromDate(2024, 1, 1)); // no crash
    view.setResult(nullptr);
    EXPECT_TRUE(itemsOfType(view, "node").empty());
}

TEST(NetworkModel, ChipLabels)
{
    EXPECT_EQ(gui::network::chipLabel("h100"), QStringLiteral("H100"));
    EXPECT_EQ(gui::network::chipLabel("ascend-910b"), QStringLiteral("Ascend 910B"));
}

} // namespace
} // namespace cp::test
