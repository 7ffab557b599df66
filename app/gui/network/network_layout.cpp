#include "app/gui/network/network_layout.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace cp::gui::network {

namespace {

using Kind = model::NetworkNode::Kind;
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Topology = boost::square_topology<>;
using Point = Topology::point_type;

constexpr double kColumnGap = 240;   ///< room for the edges between columns
constexpr double kNodeGap = 5;       ///< between data centres in a frame
constexpr double kFramePad = 6;
constexpr double kFrameGap = 10;
constexpr double kSideGap = 12;      ///< between producers / firms

/// Force-directed positions, deterministic: circle start, fixed iterations.
std::vector<Point> forceLayout(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges)
{
    Graph g(n);
    for (const auto& [a, b] : edges)
        boost::add_edge(a, b, g);
    std::vector<Point> pos(n);
    auto map = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
    boost::circle_graph_layout(g, map, 250.0);
    if (n > 1) {
        const Topology topology(500.0);
        boost::fruchterman_reingold_force_directed_layout(g, map, topology,
                                                          boost::cooling(boost::linear_cooling<double>(200)));
    }
    return pos;
}

/// Stacks items (desired centre, height) top-down without overlap, each as close to its
/// desired centre as the order allows. Returns top edges.
std::vector<double> spread(const std::vector<std::pair<double, double>>& items, double gap, double lo, double hi)
{
    std::vector<double> top(items.size());
    double prev = lo - gap;
    for (std::size_t i = 0; i < items.size(); ++i) {
        top[i] = std::max(items[i].first - items[i].second / 2, prev + gap);
        prev = top[i] + items[i].second;
    }
    // Pull back up what ran past the bottom, keeping the gaps.
    double limit = hi;
    for (std::size_t k = items.size(); k-- > 0;) {
        const double maxTop = limit - items[k].second;
        if (top[k] > maxTop)
            top[k] = std::max(maxTop, lo);
        limit = top[k] - gap;
    }
    // ...which may have pushed the first ones above `lo`: forward pass again.
    prev = lo - gap;
    for (std::size_t i = 0; i < items.size(); ++i) {
        top[i] = std::max(top[i], prev + gap);
        prev = top[i] + items[i].second;
    }
    return top;
}

} // namespace

NetworkLayout layoutNetwork(const LayoutInput& in)
{
    NetworkLayout out;
    const auto n = in.nodes.size();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i)
        index[in.nodes[i].id] = i;

    // The graph the force layout sees: the flows plus "located in" / "headquartered in" links,
    // so that a jurisdiction's data centres and firms attract each other.
    std::set<std::pair<std::size_t, std::size_t>> edgeSet;
    const auto link = [&](const std::string& a, const std::string& b) {
        const auto ia = index.find(a), ib = index.find(b);
        if (ia == index.end() || ib == index.end() || ia->second == ib->second)
            return;
        edgeSet.insert(std::minmax(ia->second, ib->second));
    };
    for (const auto& [a, b] : in.edges)
        link(a, b);
    for (const auto& node : in.nodes)
        if (node.kind != Kind::Jurisdiction && !node.jurisdiction.empty())
            link(node.id, node.jurisdiction);
    const std::vector<std::pair<std::size_t, std::size_t>> edges(edgeSet.begin(), edgeSet.end());
    const auto pos = forceLayout(n, edges);
    for (std::size_t i = 0; i < n; ++i)
        out.forcePositions[in.nodes[i].id] = {pos[i][0], pos[i][1]};
    const auto fy = [&](std::size_t i) { return pos[i][1]; };

    std::vector<std::vector<std::size_t>> neighbours(n);
    for (const auto& [a, b] : in.edges) {
        const auto ia = index.find(a), ib = index.find(b);
        if (ia == index.end() || ib == index.end())
            continue;
        neighbours[ia->second].push_back(ib->second);
        neighbours[ib->second].push_back(ia->second);
    }

    const auto size = [&](std::size_t i) {
        const auto it = in.nodeSizes.find(in.nodes[i].id);
        return it != in.nodeSizes.end() ? it->second : QSizeF(120, 26);
    };
    std::vector<std::size_t> producers, firms, dcs, jurisdictions;
    for (std::size_t i = 0; i < n; ++i) {
        switch (in.nodes[i].kind) {
        case Kind::Producer:
            producers.push_back(i);
            break;
        case Kind::Firm:
            firms.push_back(i);
            break;
        case Kind::DataCentre:
            dcs.push_back(i);
            break;
        case Kind::Jurisdiction:
            jurisdictions.push_back(i);
            break;
        }
    }
    const auto maxWidth = [&](const std::vector<std::size_t>& v, double minimum) {
        double w = minimum;
        for (auto i : v)
            w = std::max(w, size(i).width());
        return w;
    };
    out.columnWidth[0] = maxWidth(producers, 110);
    out.columnWidth[1] = maxWidth(dcs, 150) + 2 * kFramePad;
    out.columnWidth[2] = maxWidth(firms, 110);
    out.columnX[0] = 0;
    out.columnX[1] = out.columnX[0] + out.columnWidth[0] + kColumnGap;
    out.columnX[2] = out.columnX[1] + out.columnWidth[1] + kColumnGap;

    // Middle column: data centres grouped by jurisdiction, groups and members in force-layout order.
    struct Group {
        std::size_t jurisdiction;
        std::vector<std::size_t> members;
        double key = 0;
    };
    std::vector<Group> groups;
    std::vector<std::size_t> lonely; // jurisdictions without data centres
    std::set<std::size_t> grouped;
    for (auto j : jurisdictions) {
        Group g{j, {}, 0};
        for (auto d : dcs)
            if (in.nodes[d].jurisdiction == in.nodes[j].id)
                g.members.push_back(d);
        if (g.members.empty()) {
            lonely.push_back(j);
            continue;
        }
        std::stable_sort(g.members.begin(), g.members.end(), [&](auto a, auto b) { return fy(a) < fy(b); });
        for (auto d : g.members) {
            g.key += fy(d);
            grouped.insert(d);
        }
        g.key /= static_cast<double>(g.members.size());
        groups.push_back(std::move(g));
    }
    // Data centres in no known jurisdiction get a frame of their own, without a title.
    for (auto d : dcs)
        if (!grouped.count(d))
            groups.push_back({n, {d}, fy(d)});
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.key < b.key; });

    const double dcWidth = out.columnWidth[1] - 2 * kFramePad;
    double y = 0;
    std::map<std::size_t, double> centreY;
    const auto placeMiddle = [&] {
        y = 0;
        centreY.clear();
        for (const auto& g : groups) {
            const double top = y;
            y += g.jurisdiction < n ? in.jurisdictionHeader : kFramePad;
            for (auto d : g.members) {
                const double h = size(d).height();
                out.nodes[in.nodes[d].id] = QRectF(out.columnX[1] + kFramePad, y, dcWidth, h);
                centreY[d] = y + h / 2;
                y += h + kNodeGap;
            }
            y += kFramePad - kNodeGap;
            if (g.jurisdiction < n) {
                out.frames[in.nodes[g.jurisdiction].id] = QRectF(out.columnX[1], top, out.columnWidth[1], y - top);
                centreY[g.jurisdiction] = (top + y) / 2;
            }
            y += kFrameGap;
        }
    };
    placeMiddle();
    // Jurisdictions without data centres: rows of small tags centred under the frames, as
    // wide as the column and most of the gaps beside it.
    if (!lonely.empty()) {
        const double rowMax = out.columnWidth[1] + kColumnGap;
        std::vector<std::vector<std::size_t>> rows(1);
        double w = 0;
        for (auto j : lonely) {
            const double tw = size(j).width();
            if (!rows.back().empty() && w + 6 + tw > rowMax) {
                rows.emplace_back();
                w = 0;
            }
            w += (rows.back().empty() ? 0 : 6) + tw;
            rows.back().push_back(j);
        }
        for (const auto& row : rows) {
            double rowW = -6, rowH = 0;
            for (auto j : row) {
                rowW += size(j).width() + 6;
                rowH = std::max(rowH, size(j).height());
            }
            double x = out.columnX[1] + (out.columnWidth[1] - rowW) / 2;
            for (auto j : row) {
                const QSizeF s = size(j);
                out.nodes[in.nodes[j].id] = QRectF(x, y, s.width(), s.height());
                x += s.width() + 6;
            }
            y += rowH + 6;
        }
        y -= 6;
    } else {
        y -= kFrameGap;
    }
    const double columnBottom = std::max(y, 1.0);

    // Side columns: each node level with the mean of its data centres (else its home
    // jurisdiction's frame, else where the force layout put it), in that order, spread apart.
    const auto side = [&](const std::vector<std::size_t>& members, int column) {
        std::vector<std::pair<double, std::size_t>> wanted;
        double fyLo = 1e300, fyHi = -1e300;
        for (auto i : members) {
            fyLo = std::min(fyLo, fy(i));
            fyHi = std::max(fyHi, fy(i));
        }
        for (auto i : members) {
            double sum = 0;
            int count = 0;
            for (auto k : neighbours[i])
                if (auto it = centreY.find(k); it != centreY.end() && in.nodes[k].kind == Kind::DataCentre) {
                    sum += it->second;
                    ++count;
                }
            double want = 0;
            if (count > 0) {
                want = sum / count;
            } else if (auto j = index.find(in.nodes[i].jurisdiction); j != index.end() && centreY.count(j->second)) {
                want = centreY[j->second];
            } else {
                want = fyHi > fyLo ? (fy(i) - fyLo) / (fyHi - fyLo) * columnBottom : columnBottom / 2;
            }
            wanted.push_back({want, i});
        }
        std::stable_sort(wanted.begin(), wanted.end(), [&](const auto& a, const auto& b) {
            return a.first < b.first || (a.first == b.first && fy(a.second) < fy(b.second));
        });
        std::vector<std::pair<double, double>> items;
        for (const auto& [want, i] : wanted)
            items.push_back({want, size(i).height()});
        const auto tops = spread(items, kSideGap, 0, columnBottom);
        const double w = out.columnWidth[column];
        for (std::size_t k = 0; k < wanted.size(); ++k) {
            const auto i = wanted[k].second;
            out.nodes[in.nodes[i].id] = QRectF(out.columnX[column], tops[k], w, size(i).height());
        }
    };
    side(producers, 0);
    side(firms, 2);

    // One barycentric sweep against edge crossings: inside each frame, order the data centres
    // by the mean height of the firms they serve (those serving none keep their place), then
    // place the side columns again.
    bool reordered = false;
    for (auto& g : groups) {
        std::vector<std::pair<double, std::size_t>> keyed;
        for (auto d : g.members) {
            double sum = 0;
            int count = 0;
            for (auto k : neighbours[d])
                if (in.nodes[k].kind == Kind::Firm)
                    if (auto it = out.nodes.find(in.nodes[k].id); it != out.nodes.end()) {
                        sum += it->second.center().y();
                        ++count;
                    }
            keyed.push_back({count > 0 ? sum / count : centreY[d], d});
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t k = 0; k < keyed.size(); ++k) {
            reordered = reordered || g.members[k] != keyed[k].second;
            g.members[k] = keyed[k].second;
        }
    }
    if (reordered) {
        placeMiddle();
        side(producers, 0);
        side(firms, 2);
    }

    QRectF bounds;
    for (const auto& [id, r] : out.nodes)
        bounds = bounds.isNull() ? r : bounds.united(r);
    for (const auto& [id, r] : out.frames)
        bounds = bounds.isNull() ? r : bounds.united(r);
    out.bounds = bounds;
    return out;
}

} // namespace cp::gui::network
