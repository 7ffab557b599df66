// The fast path of FlowProblem::solve: Boost.Graph's successive_shortest_path_nonnegative_weights
// replayed step for step on flat arrays. The monthly market graphs are small (tens of nodes,
// ~150 edges) but need ~80 augmenting paths each, so Boost's generic per-Dijkstra costs
// (filtered residual graph, a freshly allocated colour map and heap index per search, one heap
// allocation per edge property) dominated a whole run. This solver keeps Boost's exact order
// of work, so it returns the very same flow on every edge, not just another optimum:
//   - out-edges of a node in insertion order, each edge followed by its reverse, as
//     adjacency_list<vecS, vecS, directedS> stores them;
//   - Dijkstra as boost::dijkstra_shortest_paths over the residual edges (capacity > 0): the
//     same relax/update order and reduced costs, and a 4-ary heap that repeats Boost's
//     d_ary_heap_indirect operation for operation (so ties break the same way);
//   - after each search, saturating potential update and one augmentation along the
//     predecessor edges, as Boost's loop and detail::augment do.
// FlowProblem::solveReference runs Boost's own algorithm; tests compare the two.
#pragma once

#include "sim/network/flow_problem.hpp"

#include <cstdint>
#include <vector>

namespace cp::net::detail {

struct Arc {
    NodeIndex from = 0, to = 0;
    std::int64_t capacity = 0, cost = 0;
};

class CompactSsp {
public:
    /// Min-cost max-flow from s to t over `arcs` on `nodes` nodes; flow[i] is arc i's flow.
    void solve(std::size_t nodes, const std::vector<Arc>& arcs, NodeIndex s, NodeIndex t,
               std::vector<std::int64_t>& flow);

    /// A potential that saturates instead of overflowing when an unreachable node's
    /// distance (INT64_MAX) is added (same rule as the Boost reference path).
    static constexpr std::int64_t kUnreachable = INT64_MAX / 4;

private:
    void build(std::size_t nodes, const std::vector<Arc>& arcs);
    /// One boost::dijkstra_shortest_paths round from src.
    void dijkstra(std::uint32_t src);
    void heapPush(std::uint32_t v, std::int64_t key);
    void heapDecrease(std::uint32_t v, std::int64_t key);
    std::uint32_t heapPop();
    void siftUp(std::size_t index);

    /// One direction of an edge; half-edges sit in CSR order (by source node, insertion
    /// order within a node).
    struct HalfEdge {
        std::int64_t residual = 0;
        std::int64_t cost = 0;
        std::uint32_t head = 0; ///< target node
        std::uint32_t rev = 0;  ///< the reverse half-edge
    };

    std::vector<std::uint32_t> m_first; ///< by node, size nodes + 1
    std::vector<HalfEdge> m_edges;
    std::vector<std::uint32_t> m_forward; ///< arc index -> its forward half-edge
    // Per node, reused between searches.
    struct NodeState {
        std::int64_t dist = INT64_MAX; ///< this search's reduced distance; INT64_MAX = unreached
        std::int64_t potential = 0;    ///< sum of earlier searches' distances (saturating)
        std::int32_t pred = -1;        ///< half-edge into the node on the search tree, -1 none
    };
    std::vector<NodeState> m_nodes;
    struct HeapEntry {
        std::int64_t key;
        std::uint32_t vertex;
    };
    std::vector<HeapEntry> m_heap;       ///< 4-ary min-heap, as Boost's d_ary_heap_indirect
    std::size_t m_heapSize = 0;
    std::vector<std::uint32_t> m_heapPos; ///< position of each queued node in m_heap
    std::vector<std::uint32_t> m_cursor; ///< build scratch
};

} // namespace cp::net::detail
