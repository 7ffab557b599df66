#include "sim/network/flow_problem.hpp"

#include "sim/network/primal_dual.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <limits>
#include <stdexcept>

namespace cp::net {

namespace {
using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, std::int64_t,
        boost::property<boost::edge_residual_capacity_t, std::int64_t,
            boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                boost::property<boost::edge_weight_t, std::int64_t>>>>>;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// A vertex potential (Boost's "distance_prev" map) that saturates instead of overflowing.
// After each Dijkstra round Boost adds the round's distance to every vertex's potential, and
// an unreachable vertex's distance is INT64_MAX: with plain int64 potentials that is signed
// overflow (UB) from the first unreachable vertex on. Reachable sets only shrink during a
// solve (augmenting adds residual edges only between reachable vertices), so Dijkstra never
// reads an unreachable vertex's potential again; pinning it at kUnreachable keeps the
// arithmetic defined and leaves every reduced cost Dijkstra uses, and thus the flow, as is.
struct Potential {
    static constexpr std::int64_t kUnreachable = std::numeric_limits<std::int64_t>::max() / 4;
    std::int64_t value = 0;

    Potential(std::int64_t v = 0) : value(v) {} // NOLINT: implicit, Boost writes put(map, v, 0)
    friend Potential operator+(Potential p, std::int64_t distance)
    {
        // Saturate: finite potentials are path costs, far below kUnreachable.
        if (p.value >= kUnreachable || distance >= kUnreachable - p.value)
            return Potential{kUnreachable};
        return Potential{p.value + distance};
    }
    /// The potential difference in a reduced cost; only read between reachable vertices.
    friend std::int64_t operator-(Potential a, Potential b) { return a.value - b.value; }
};
} // namespace

struct FlowProblem::Impl {
    std::size_t nodes = 0;
    std::vector<detail::Arc> arcs;   ///< by EdgeIndex
    std::vector<FlowPiece> pieces;   ///< of convex arcs
    std::vector<std::int64_t> flow;  ///< by EdgeIndex, after solve
    std::vector<std::int64_t> pieceFlow; ///< by piece, after solve
    detail::PrimalDual solver;       ///< keeps its buffers from month to month
};

FlowProblem::FlowProblem() : m_impl(std::make_unique<Impl>()) {}
FlowProblem::~FlowProblem() = default;

void FlowProblem::clear()
{
    m_impl->nodes = 0;
    m_impl->arcs.clear();
    m_impl->pieces.clear();
    m_impl->flow.clear();
    m_impl->pieceFlow.clear();
    m_source = -1;
}

NodeIndex FlowProblem::addNode() { return static_cast<NodeIndex>(m_impl->nodes++); }

namespace {
void checkEdge(std::size_t nodes, NodeIndex from, NodeIndex to, std::int64_t capacity, std::int64_t cost)
{
    if (capacity < 0 || cost < 0)
        throw std::invalid_argument("FlowProblem: negative capacity or cost");
    if (from < 0 || to < 0 || static_cast<std::size_t>(from) >= nodes || static_cast<std::size_t>(to) >= nodes)
        throw std::out_of_range("FlowProblem: edge to a node that was not added");
}
} // namespace

EdgeIndex FlowProblem::addEdge(NodeIndex from, NodeIndex to, std::int64_t capacity, std::int64_t cost)
{
    checkEdge(m_impl->nodes, from, to, capacity, cost);
    m_impl->arcs.push_back({from, to, capacity, cost});
    return static_cast<EdgeIndex>(m_impl->arcs.size() - 1);
}

EdgeIndex FlowProblem::addConvexEdge(NodeIndex from, NodeIndex to, std::span<const FlowPiece> pieces)
{
    if (pieces.empty())
        throw std::invalid_argument("FlowProblem: a convex edge needs a piece");
    std::int64_t capacity = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        checkEdge(m_impl->nodes, from, to, pieces[k].capacity, pieces[k].cost);
        if (k > 0 && pieces[k].cost <= pieces[k - 1].cost)
            throw std::invalid_argument("FlowProblem: a convex edge's piece costs must rise");
        if (pieces[k].capacity > std::numeric_limits<std::int64_t>::max() - capacity)
            throw std::overflow_error("FlowProblem: a convex edge's capacity overflows");
        capacity += pieces[k].capacity;
    }
    const auto first = static_cast<std::uint32_t>(m_impl->pieces.size());
    m_impl->pieces.insert(m_impl->pieces.end(), pieces.begin(), pieces.end());
    m_impl->arcs.push_back({from, to, capacity, pieces[0].cost, first, static_cast<std::uint32_t>(pieces.size())});
    return static_cast<EdgeIndex>(m_impl->arcs.size() - 1);
}

void FlowProblem::solve(NodeIndex source, NodeIndex sink)
{
    if (source < 0 || sink < 0 || static_cast<std::size_t>(source) >= m_impl->nodes ||
        static_cast<std::size_t>(sink) >= m_impl->nodes)
        throw std::out_of_range("FlowProblem: source or sink was not added");
    m_impl->solver.solve(m_impl->nodes, m_impl->arcs, m_impl->pieces, source, sink, m_impl->flow, m_impl->pieceFlow);
    m_source = source;
}

void FlowProblem::solveReference(NodeIndex source, NodeIndex sink)
{
    // Boost's own algorithm on an adjacency_list built edge by edge, each with its reverse.
    Graph g(m_impl->nodes);
    auto capacityMap = boost::get(boost::edge_capacity, g);
    auto weightMap = boost::get(boost::edge_weight, g);
    auto reverseMap = boost::get(boost::edge_reverse, g);
    // A convex arc is its pieces as parallel arcs in a row (what addConvexEdge stands for).
    std::vector<Edge> forward; // by arc, or by piece for convex arcs (pieceEdge)
    std::vector<Edge> pieceEdge(m_impl->pieces.size());
    forward.reserve(m_impl->arcs.size());
    auto addArc = [&](const detail::Arc& a, std::int64_t capacity, std::int64_t cost) {
        const Edge e = boost::add_edge(static_cast<std::size_t>(a.from), static_cast<std::size_t>(a.to), g).first;
        const Edge r = boost::add_edge(static_cast<std::size_t>(a.to), static_cast<std::size_t>(a.from), g).first;
        capacityMap[e] = capacity;
        capacityMap[r] = 0;
        weightMap[e] = cost;
        weightMap[r] = -cost;
        reverseMap[e] = r;
        reverseMap[r] = e;
        return e;
    };
    for (const auto& a : m_impl->arcs) {
        if (a.pieces == 0) {
            forward.push_back(addArc(a, a.capacity, a.cost));
            continue;
        }
        for (std::uint32_t k = a.firstPiece; k < a.firstPiece + a.pieces; ++k)
            pieceEdge[k] = addArc(a, m_impl->pieces[k].capacity, m_impl->pieces[k].cost);
        forward.push_back(pieceEdge[a.firstPiece]);
    }
    std::vector<Potential> potential(boost::num_vertices(g));
    boost::successive_shortest_path_nonnegative_weights(
        g, static_cast<std::size_t>(source), static_cast<std::size_t>(sink),
        boost::distance_map2(boost::make_iterator_property_map(potential.begin(), boost::get(boost::vertex_index, g))));
    auto residualMap = boost::get(boost::edge_residual_capacity, g);
    auto flowOf = [&](Edge e) { return capacityMap[e] - residualMap[e]; };
    m_impl->pieceFlow.resize(pieceEdge.size());
    for (std::size_t k = 0; k < pieceEdge.size(); ++k)
        m_impl->pieceFlow[k] = flowOf(pieceEdge[k]);
    m_impl->flow.resize(forward.size());
    for (std::size_t i = 0; i < forward.size(); ++i) {
        const auto& a = m_impl->arcs[i];
        m_impl->flow[i] = 0;
        if (a.pieces == 0)
            m_impl->flow[i] = flowOf(forward[i]);
        for (std::uint32_t k = a.firstPiece; k < a.firstPiece + a.pieces; ++k)
            m_impl->flow[i] += m_impl->pieceFlow[k];
    }
    m_source = source;
}

std::int64_t FlowProblem::totalCost() const
{
    // As boost::find_flow_cost: flow times cost over the arcs (of a convex arc, its pieces).
    std::int64_t cost = 0;
    if (m_source < 0)
        return cost;
    const auto& arcs = m_impl->arcs;
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        if (arcs[i].pieces == 0)
            cost += m_impl->flow[i] * arcs[i].cost;
        for (std::uint32_t k = arcs[i].firstPiece; k < arcs[i].firstPiece + arcs[i].pieces; ++k)
            cost += m_impl->pieceFlow[k] * m_impl->pieces[k].cost;
    }
    return cost;
}

std::int64_t FlowProblem::totalFlow() const
{
    std::int64_t total = 0;
    if (m_source < 0)
        return total;
    for (std::size_t i = 0; i < m_impl->arcs.size(); ++i)
        if (m_impl->arcs[i].from == m_source)
            total += m_impl->flow[i];
    return total;
}

std::int64_t FlowProblem::flow(EdgeIndex e) const { return m_impl->flow.at(static_cast<std::size_t>(e)); }

std::size_t FlowProblem::nodeCount() const { return m_impl->nodes; }
std::size_t FlowProblem::edgeCount() const { return m_impl->arcs.size(); }

} // namespace cp::net
