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
    std::vector<std::int64_t> flow;  ///< by EdgeIndex, after solve
    detail::PrimalDual solver;       ///< keeps its buffers from month to month
};

FlowProblem::FlowProblem() : m_impl(std::make_unique<Impl>()) {}
FlowProblem::~FlowProblem() = default;

void FlowProblem::clear()
{
    m_impl->nodes = 0;
    m_impl->arcs.clear();
    m_impl->flow.clear();
    m_totalCost = m_totalFlow = 0;
}

NodeIndex FlowProblem::addNode() { return static_cast<NodeIndex>(m_impl->nodes++); }

EdgeIndex FlowProblem::addEdge(NodeIndex from, NodeIndex to, std::int64_t capacity, std::int64_t cost)
{
    if (capacity < 0 || cost < 0)
        throw std::invalid_argument("FlowProblem: negative capacity or cost");
    if (from < 0 || to < 0 || static_cast<std::size_t>(from) >= m_impl->nodes || static_cast<std::size_t>(to) >= m_impl->nodes)
        throw std::out_of_range("FlowProblem: edge to a node that was not added");
    m_impl->arcs.push_back({from, to, capacity, cost});
    return static_cast<EdgeIndex>(m_impl->arcs.size() - 1);
}

void FlowProblem::solve(NodeIndex source, NodeIndex sink)
{
    if (source < 0 || sink < 0 || static_cast<std::size_t>(source) >= m_impl->nodes ||
        static_cast<std::size_t>(sink) >= m_impl->nodes)
        throw std::out_of_range("FlowProblem: source or sink was not added");
    m_impl->solver.solve(m_impl->nodes, m_impl->arcs, source, sink, m_impl->flow);
    summarise(source);
}

void FlowProblem::solveReference(NodeIndex source, NodeIndex sink)
{
    // Boost's own algorithm on an adjacency_list built edge by edge, each with its reverse.
    Graph g(m_impl->nodes);
    auto capacityMap = boost::get(boost::edge_capacity, g);
    auto weightMap = boost::get(boost::edge_weight, g);
    auto reverseMap = boost::get(boost::edge_reverse, g);
    std::vector<Edge> forward;
    forward.reserve(m_impl->arcs.size());
    for (const auto& a : m_impl->arcs) {
        const Edge e = boost::add_edge(static_cast<std::size_t>(a.from), static_cast<std::size_t>(a.to), g).first;
        const Edge r = boost::add_edge(static_cast<std::size_t>(a.to), static_cast<std::size_t>(a.from), g).first;
        capacityMap[e] = a.capacity;
        capacityMap[r] = 0;
        weightMap[e] = a.cost;
        weightMap[r] = -a.cost;
        reverseMap[e] = r;
        reverseMap[r] = e;
        forward.push_back(e);
    }
    std::vector<Potential> potential(boost::num_vertices(g));
    boost::successive_shortest_path_nonnegative_weights(
        g, static_cast<std::size_t>(source), static_cast<std::size_t>(sink),
        boost::distance_map2(boost::make_iterator_property_map(potential.begin(), boost::get(boost::vertex_index, g))));
    auto residualMap = boost::get(boost::edge_residual_capacity, g);
    m_impl->flow.resize(forward.size());
    for (std::size_t i = 0; i < forward.size(); ++i)
        m_impl->flow[i] = capacityMap[forward[i]] - residualMap[forward[i]];
    summarise(source);
}

void FlowProblem::summarise(NodeIndex source)
{
    // As boost::find_flow_cost (edges with capacity > 0) and the flow out of the source.
    m_totalCost = m_totalFlow = 0;
    const auto& arcs = m_impl->arcs;
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        if (arcs[i].capacity <= 0)
            continue;
        m_totalCost += m_impl->flow[i] * arcs[i].cost;
        if (arcs[i].from == source)
            m_totalFlow += m_impl->flow[i];
    }
}

std::int64_t FlowProblem::flow(EdgeIndex e) const { return m_impl->flow.at(static_cast<std::size_t>(e)); }

std::size_t FlowProblem::nodeCount() const { return m_impl->nodes; }
std::size_t FlowProblem::edgeCount() const { return m_impl->arcs.size(); }

} // namespace cp::net
