// A min-cost max-flow problem, the solver behind both monthly markets.
// Capacities and costs are integers (callers scale: centi-H100e, dollars/100), costs are
// non-negative. Node and edge indices are dense and stable, so iteration order (and thus the
// solution, including which of several equally cheap flows is returned) is deterministic.
// solve() is our own primal-dual solver; Boost.Graph's algorithm is kept as the reference
// (solveReference). No Boost type appears in this header.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace cp::net {

using NodeIndex = std::int32_t;
using EdgeIndex = std::int32_t;

/// One piece of a convex arc: up to `capacity` units at `cost` each.
struct FlowPiece {
    std::int64_t capacity = 0, cost = 0;
};

class FlowProblem {
public:
    FlowProblem();
    ~FlowProblem();
    FlowProblem(const FlowProblem&) = delete;
    FlowProblem& operator=(const FlowProblem&) = delete;

    /// Drops all nodes and edges but keeps allocated memory for the next month.
    void clear();
    NodeIndex addNode();
    /// Adds a directed edge; returns its index for flow() after solve().
    EdgeIndex addEdge(NodeIndex from, NodeIndex to, std::int64_t capacity, std::int64_t cost);
    /// Adds an arc whose unit cost rises piece by piece (costs strictly increasing), as the
    /// markets' fair-share tranches do. solve() returns exactly the flows that one arc per
    /// piece, added in a row, would get (at most one piece is ever at the margin, so the
    /// search order is unchanged), on a smaller graph. flow() of it is the pieces' sum.
    EdgeIndex addConvexEdge(NodeIndex from, NodeIndex to, std::span<const FlowPiece> pieces);

    /// Maximises flow from source to sink and, among maximum flows, minimises total cost, by
    /// the primal-dual method (see primal_dual.hpp). Where several flows are equally cheap it
    /// picks one deterministically (from the insertion order), not necessarily Boost's.
    void solve(NodeIndex source, NodeIndex sink);
    /// The same problem solved by Boost's successive_shortest_path_nonnegative_weights on an
    /// adjacency_list, for tests and benchmarks: solve() must match its totalFlow() and
    /// totalCost() (the per-edge flows may differ among equal-cost optima).
    void solveReference(NodeIndex source, NodeIndex sink);

    [[nodiscard]] std::int64_t flow(EdgeIndex e) const;
    /// Totals of the last solution, summed when asked (the markets read flows only).
    [[nodiscard]] std::int64_t totalCost() const;
    [[nodiscard]] std::int64_t totalFlow() const;
    [[nodiscard]] std::size_t nodeCount() const;
    [[nodiscard]] std::size_t edgeCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    NodeIndex m_source = -1; ///< of the last solve; -1 before one
};

} // namespace cp::net
