// The solver behind FlowProblem::solve: exact min-cost max-flow by the primal-dual method.
//
// The monthly market graphs are small (tens of nodes, ~150 arcs) but need tens of augmenting
// paths each with successive shortest paths (one Dijkstra per path). Most of those paths
// are equally long: demand comes in tranches of a few
// distinct costs and many chips share a price. So here one Dijkstra serves all paths of one
// length: it stops once the sink's distance is final and shifts potentials by min(dist, dist(sink))
// (as LEMON and the AtCoder Library do), which turns the shortest s-t paths into exactly the
// s-t paths of zero reduced cost; then one depth-first pass with current-arc pointers (as in
// Dinic) pushes flow along those. About 14 searches per solve remain (~2,070 in the 142
// solves of a baseline run, both markets).
//
// What it guarantees: a maximum flow, and among maximum flows one of minimum total cost (the
// same totalFlow() and totalCost() as Boost's successive_shortest_path_nonnegative_weights,
// kept as FlowProblem::solveReference and compared in tests). Which of several equally cheap
// optima it returns may differ from Boost's; it is deterministic: it depends only on the nodes and
// arcs and their insertion order (index-ordered arrays, no pointers or hashing).
//
// Integer arithmetic only. An unreachable node's (infinite) distance is never added to a
// potential: nodes not settled before the sink move by the sink's distance, so no potential
// exceeds the sink's, the cost of a simple path. Unlike Boost's loop, nothing needs to
// saturate, and nothing overflows while costs times node count fit in int64. No allocation
// per solve once the buffers have grown.
#pragma once

#include "sim/network/flow_problem.hpp"

#include <cstdint>
#include <vector>

namespace cp::net::detail {

using Piece = FlowPiece;

/// An arc; with pieces > 0 a convex one whose pieces [firstPiece, firstPiece + pieces) fill
/// in order (capacity is their sum, cost the first piece's).
struct Arc {
    NodeIndex from = 0, to = 0;
    std::int64_t capacity = 0, cost = 0;
    std::uint32_t firstPiece = 0, pieces = 0;
};

class PrimalDual {
public:
    /// Min-cost max-flow from s to t over `arcs` on `nodes` nodes; flow[i] is arc i's flow.
    /// s == t gives zero flow.
    /// pieceFlow[k] is piece k's flow (pieces of convex arcs, see Arc).
    /// std::logic_error if a round finds a shortest path but pushes nothing along it, which a
    /// correct search cannot give (it would otherwise repeat that round forever).
    void solve(std::size_t nodes, const std::vector<Arc>& arcs, const std::vector<Piece>& pieces, NodeIndex s,
               NodeIndex t, std::vector<std::int64_t>& flow, std::vector<std::int64_t>& pieceFlow);

    /// Dijkstra searches in the last solve(), the last one finding the sink unreachable.
    [[nodiscard]] std::size_t searches() const { return m_searches; }

private:
    /// Sets up the residual graph of `arcs` (no flow): reset() or build().
    void prepare(std::size_t nodes, const std::vector<Arc>& arcs);
    /// Resets the current graph's residuals and costs if its arcs had the same ends as
    /// `arcs`, in order (so the same CSR); false otherwise.
    bool reset(std::size_t nodes, const std::vector<Arc>& arcs);
    void build(std::size_t nodes, const std::vector<Arc>& arcs);
    struct HalfEdge;
    /// Moves d > 0 units along half-edge e of a convex arc (its residual must allow them).
    void moveConvex(const HalfEdge& e, std::int64_t d);
    struct Margin;
    /// Moves a convex arc's forward half `fwd` to the first piece with room from m.open on,
    /// all empty.
    void openNext(Margin& m, HalfEdge& fwd);
    /// Dijkstra on reduced costs, stopped once t's distance is final; shifts the potentials so
    /// that shortest s-t paths have zero reduced cost, and fills m_reach. False if t is
    /// unreachable.
    bool shortestPaths(std::uint32_t s, std::uint32_t t);
    /// One depth-first pass: pushes up to `limit` from u (not the sink) to the sink along
    /// simple paths of admissible half-edges (residual > 0, zero reduced cost); returns the
    /// amount pushed. Recursive: depth up to the number of nodes, tens to a few hundred in
    /// the markets.
    std::int64_t push(std::uint32_t u, std::int64_t limit);

    /// One direction of an arc; half-edges sit in CSR order (by tail node, insertion order
    /// within a node, each arc's forward half before its reverse where both leave one node).
    struct HalfEdge {
        std::int64_t residual = 0;
        std::int64_t cost = 0; ///< the arc's cost, negated on the reverse half
        std::uint32_t head = 0;
        std::uint32_t rev = 0; ///< the opposite half-edge
        std::uint32_t arc = 0;
        bool convex = false;   ///< residual and cost are those of the marginal piece
    };

    struct Graph {
        std::vector<std::uint32_t> first; ///< by node, size nodes + 1
        std::vector<HalfEdge> edges;
        std::vector<std::uint32_t> forward; ///< arc index -> its forward half-edge
    };
    Graph m_graph;
    Graph m_spare; ///< the one before, for callers alternating two graphs (the markets)
    /// By arc, for convex arcs: its pieces and where their flow ends (the pieces' flows
    /// follow from these and the forward half's residual).
    struct Margin {
        const Piece* piece = nullptr;
        std::uint32_t n = 0;
        std::uint32_t open = 0; ///< pieces [0, open) are full (capacity 0 counts as full)
        std::uint32_t last = 0; ///< pieces [last, n) carry no flow
        std::uint32_t forward = 0, reverse = 0; ///< the arc's half-edges
    };
    std::vector<Margin> m_margin;
    std::vector<std::int64_t> m_potential;  ///< by node: every reduced cost is >= 0
    std::vector<std::int64_t> m_dist;       ///< by node, this search's reduced distance
    /// By node the search scanned: the least distance at which one of its arcs reached or tied
    /// its head's distance at the time (kInf: none did). Every arc with zero reduced cost after
    /// the search did so, at a distance of at most dist(t), so a node whose value is above
    /// dist(t) has no such arc: the depth-first pass would find a dead end there and need not
    /// enter it. Arcs the pass opens (reverses of pushed paths) leave only nodes it pushed
    /// through, which had such an arc. Unscanned nodes (kUnscanned) are always entered.
    std::vector<std::int64_t> m_reach;
    std::int64_t m_level = 0; ///< this round's dist(t)
    std::vector<std::uint32_t> m_frontier;  ///< nodes reached but not settled, this search
    std::vector<std::int64_t> m_frontierDist; ///< their distances, by frontier position
    std::vector<std::uint32_t> m_slot;      ///< by node in the frontier: its position there
    std::vector<std::uint32_t> m_ready;     ///< reached at the distance being settled, this search
    std::vector<std::uint8_t> m_onPath;     ///< by node: on the depth-first path now
    std::uint32_t m_sink = 0;               ///< this solve's
    std::vector<std::uint32_t> m_cursor;    ///< by node, current half-edge of the DFS (and build scratch)
    std::size_t m_searches = 0;
};

} // namespace cp::net::detail
