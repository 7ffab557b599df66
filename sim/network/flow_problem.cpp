#include "sim/network/flow_problem.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <boost/graph/find_flow_cost.hpp>

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
} // namespace

struct FlowProblem::Impl {
    Graph graph;
    std::vector<Edge> forward; ///< by EdgeIndex
};

FlowProblem::FlowProblem() : m_impl(std::make_unique<Impl>()) {}
FlowProblem::~FlowProblem() = default;

void FlowProblem::clear()
{
    m_impl->graph.clear();
    m_impl->forward.clear();
    m_totalCost = m_totalFlow = 0;
}

NodeIndex FlowProblem::addNode() { return static_cast<NodeIndex>(boost::add_vertex(m_impl->graph)); }

EdgeIndex FlowProblem::addEdge(NodeIndex from, NodeIndex to, std::int64_t capacity, std::int64_t cost)
{
    if (capacity < 0 || cost < 0)
        throw std::invalid_argument("FlowProblem: negative capacity or cost");
    auto& g = m_impl->graph;
    auto capacityMap = boost::get(boost::edge_capacity, g);
    auto weightMap = boost::get(boost::edge_weight, g);
    auto reverseMap = boost::get(boost::edge_reverse, g);
    // Boost's flow algorithms need an explicit reverse edge with zero capacity and -cost.
    const Edge e = boost::add_edge(static_cast<std::size_t>(from), static_cast<std::size_t>(to), g).first;
    const Edge r = boost::add_edge(static_cast<std::size_t>(to), static_cast<std::size_t>(from), g).first;
    capacityMap[e] = capacity;
    capacityMap[r] = 0;
    weightMap[e] = cost;
    weightMap[r] = -cost;
    reverseMap[e] = r;
    reverseMap[r] = e;
    m_impl->forward.push_back(e);
    return static_cast<EdgeIndex>(m_impl->forward.size() - 1);
}

void FlowProblem::solve(NodeIndex source, NodeIndex sink)
{
    auto& g = m_impl->graph;
    boost::successive_shortest_path_nonnegative_weights(g, static_cast<std::size_t>(source),
                                                         static_cast<std::size_t>(sink));
    m_totalCost = boost::find_flow_cost(g);
    m_totalFlow = 0;
    auto capacityMap = boost::get(boost::edge_capacity, g);
    auto residualMap = boost::get(boost::edge_residual_capacity, g);
    for (auto [it, end] = boost::out_edges(static_cast<std::size_t>(source), g); it != end; ++it)
        if (capacityMap[*it] > 0)
            m_totalFlow += capacityMap[*it] - residualMap[*it];
}

std::int64_t FlowProblem::flow(EdgeIndex e) const
{
    const auto& g = m_impl->graph;
    const Edge edge = m_impl->forward.at(static_cast<std::size_t>(e));
    return boost::get(boost::edge_capacity, g, edge) - boost::get(boost::edge_residual_capacity, g, edge);
}

std::size_t FlowProblem::nodeCount() const { return boost::num_vertices(m_impl->graph); }
std::size_t FlowProblem::edgeCount() const { return m_impl->forward.size(); }

} // namespace cp::net
