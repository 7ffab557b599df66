#include "sim/network/primal_dual.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace cp::net::detail {

namespace {
constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kUnscanned = std::numeric_limits<std::int64_t>::min(); // m_reach: never ruled out
} // namespace

void PrimalDual::prepare(std::size_t nodes, const std::vector<Arc>& arcs)
{
    // The two markets take turns on one FlowProblem, and most months a market's arcs join
    // the same nodes in the same order as the month before: then its graph, kept as the spare
    // in between, serves again with only residuals and costs reset.
    if (reset(nodes, arcs))
        return;
    std::swap(m_graph, m_spare);
    if (!reset(nodes, arcs))
        build(nodes, arcs);
}

bool PrimalDual::reset(std::size_t nodes, const std::vector<Arc>& arcs)
{
    Graph& g = m_graph;
    if (g.first.size() != nodes + 1 || g.forward.size() != arcs.size())
        return false;
    // The same ends, arc by arc, give the same CSR order. A mismatch leaves some residuals
    // reset, which build() overwrites.
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        const Arc& arc = arcs[i];
        HalfEdge& fwd = g.edges[g.forward[i]];
        HalfEdge& rev = g.edges[fwd.rev];
        if (fwd.head != static_cast<std::uint32_t>(arc.to) || rev.head != static_cast<std::uint32_t>(arc.from) ||
            fwd.convex != (arc.pieces > 0))
            return false;
        fwd.residual = arc.capacity;
        fwd.cost = arc.cost;
        rev.residual = 0;
        rev.cost = -arc.cost;
    }
    return true;
}

void PrimalDual::build(std::size_t nodes, const std::vector<Arc>& arcs)
{
    Graph& g = m_graph;
    const std::size_t m = arcs.size();
    g.first.assign(nodes + 1, 0);
    for (const Arc& a : arcs) {
        ++g.first[static_cast<std::size_t>(a.from) + 1];
        ++g.first[static_cast<std::size_t>(a.to) + 1];
    }
    for (std::size_t v = 0; v < nodes; ++v)
        g.first[v + 1] += g.first[v];
    g.edges.resize(2 * m);
    g.forward.resize(m);
    std::vector<std::uint32_t>& next = m_cursor; // fill position per node
    next.assign(g.first.begin(), g.first.end() - 1);
    for (std::size_t i = 0; i < m; ++i) {
        const Arc& arc = arcs[i];
        const std::uint32_t e = next[static_cast<std::size_t>(arc.from)]++;
        const std::uint32_t r = next[static_cast<std::size_t>(arc.to)]++;
        const bool convex = arc.pieces > 0;
        g.edges[e] = {arc.capacity, arc.cost, static_cast<std::uint32_t>(arc.to), r, static_cast<std::uint32_t>(i), convex};
        g.edges[r] = {0, -arc.cost, static_cast<std::uint32_t>(arc.from), e, static_cast<std::uint32_t>(i), convex};
        g.forward[i] = e;
    }
}

void PrimalDual::moveConvex(const HalfEdge& e, std::int64_t d)
{
    Margin& m = m_margin[e.arc];
    HalfEdge& fwd = m_graph.edges[m.forward];
    HalfEdge& rev = m_graph.edges[m.reverse];
    // Pieces fill in order: [0, open) are full, [last, n) are empty, and last <= open + 1 (any
    // pieces between are of capacity 0). The forward half sits on piece open, its residual
    // the room there; the reverse half on piece last - 1, its residual the flow there. A push
    // on either half leaves its piece the one at both margins (partly filled), with their
    // residuals adding up to its capacity, until it fills or empties it.
    if (&e == &fwd) {
        const Piece& p = m.piece[m.open];
        fwd.residual -= d;
        rev.residual = p.capacity - fwd.residual;
        rev.cost = -p.cost;
        m.last = m.open + 1;
        if (fwd.residual == 0) {
            ++m.open;
            openNext(m, fwd);
        }
    } else {
        const Piece& p = m.piece[m.last - 1];
        rev.residual -= d;
        fwd.residual = p.capacity - rev.residual;
        fwd.cost = p.cost;
        m.open = m.last - 1;
        if (rev.residual == 0) {
            // The pieces below are full: the next with flow is the next of capacity > 0.
            do
                --m.last;
            while (m.last > 0 && m.piece[m.last - 1].capacity == 0);
            rev.residual = m.last > 0 ? m.piece[m.last - 1].capacity : 0;
            rev.cost = -m.piece[m.last > 0 ? m.last - 1 : 0].cost;
        }
    }
}

void PrimalDual::openNext(Margin& m, HalfEdge& fwd)
{
    // The pieces from open on are empty: the first with room is the first of capacity > 0.
    while (m.open < m.n && m.piece[m.open].capacity == 0)
        ++m.open;
    fwd.residual = m.open < m.n ? m.piece[m.open].capacity : 0;
    fwd.cost = m.piece[m.open < m.n ? m.open : m.n - 1].cost;
}

void PrimalDual::solve(std::size_t nodes, const std::vector<Arc>& arcs, const std::vector<Piece>& pieces, NodeIndex s,
                       NodeIndex t, std::vector<std::int64_t>& flow, std::vector<std::int64_t>& pieceFlow)
{
    prepare(nodes, arcs);
    // A convex arc starts at its first piece with room (pieces of capacity 0 count as full);
    // its reverse half, as built, has no residual and the first piece's cost.
    m_margin.resize(arcs.size());
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        if (arcs[i].pieces == 0)
            continue;
        const std::uint32_t e = m_graph.forward[i];
        Margin& m = m_margin[i];
        m = {pieces.data() + arcs[i].firstPiece, arcs[i].pieces, 0, 0, e, m_graph.edges[e].rev};
        openNext(m, m_graph.edges[e]);
    }
    // Costs are non-negative, so zero potentials are feasible to start with.
    m_potential.assign(nodes, 0);
    m_dist.assign(nodes, kInf); // then reset by each search as it moves the potentials
    m_reach.resize(nodes);
    m_onPath.assign(nodes, 0);
    m_frontier.resize(nodes);
    m_frontierDist.resize(nodes);
    m_slot.resize(nodes);
    m_ready.resize(nodes);
    m_cursor.resize(nodes);
    m_searches = 0;
    const auto src = static_cast<std::uint32_t>(s), sink = static_cast<std::uint32_t>(t);
    // Each round: one search for the next shortest distance, which makes the shortest s-t
    // paths exactly the s-t paths of zero reduced cost, then one depth-first pass that pushes
    // flow along such paths, each half-edge's cursor only moving forward (as in Dinic, but
    // without BFS levels). The pass may leave some of them open (a head skipped because it
    // was on the path at the time stays skipped); then the next search finds the same
    // distance again (a zero shift) and the next pass continues. That is rare here and
    // cheaper than proving every round's flow maximal.
    m_sink = sink;
    while (src != sink && shortestPaths(src, sink)) {
        std::copy(m_graph.first.begin(), m_graph.first.end() - 1, m_cursor.begin());
        // > 0: the search's own path to t has zero reduced cost. Nothing would mean a wrong
        // search, and the same round again forever: stop with an error instead.
        if (push(src, kInf) == 0)
            throw std::logic_error("min-cost flow: a round found a shortest path but pushed nothing along it");
    }
    flow.resize(arcs.size());
    pieceFlow.resize(pieces.size());
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        const std::int64_t residual = m_graph.edges[m_graph.forward[i]].residual;
        if (arcs[i].pieces == 0) {
            flow[i] = arcs[i].capacity - residual;
            continue;
        }
        // Full up to the open piece, which has `residual` room left, and empty after it.
        const Margin& m = m_margin[i];
        flow[i] = 0;
        for (std::uint32_t k = 0; k < m.n; ++k) {
            const std::int64_t f = k < m.open ? m.piece[k].capacity : k == m.open ? m.piece[k].capacity - residual : 0;
            pieceFlow[arcs[i].firstPiece + k] = f;
            flow[i] += f;
        }
    }
}

bool PrimalDual::shortestPaths(std::uint32_t s, std::uint32_t t)
{
    ++m_searches;
    std::fill(m_reach.begin(), m_reach.end(), kUnscanned);
    const std::int64_t* const potential = m_potential.data();
    std::int64_t* const dist = m_dist.data();
    std::int64_t* const reach = m_reach.data();
    // The potentials this search leaves, min(dist, dist(t)), do not depend on the order in
    // which nodes of equal distance are settled, so the search may pick any of them. Most
    // reduced costs are zero once the first rounds have run: a node reached at the distance
    // being settled goes on a stack (m_ready) and is settled next without a scan; the others
    // wait in the frontier (reached, not yet settled), which stays a handful of nodes in these
    // graphs, so a linear scan for its nearest node beats a heap. Its distances are kept next
    // to it (m_frontierDist) for a scan over contiguous keys.
    std::uint32_t* const frontier = m_frontier.data();
    std::int64_t* const frontierDist = m_frontierDist.data();
    std::uint32_t* const slot = m_slot.data();
    std::uint32_t* const ready = m_ready.data();
    const HalfEdge* const edges = m_graph.edges.data();
    const std::uint32_t* const first = m_graph.first.data();
    std::size_t frontierSize = 0, readySize = 1;
    ready[0] = s;
    dist[s] = 0;
    std::int64_t current = 0; // the distance being settled
    bool tFinal = false;      // t reached at the distance being settled
    while (!tFinal) {
        if (readySize == 0) {
            if (frontierSize == 0)
                break;
            std::size_t best = 0;
            current = frontierDist[0];
            for (std::size_t k = 1; k < frontierSize; ++k) {
                if (frontierDist[k] < current) {
                    best = k;
                    current = frontierDist[k];
                }
            }
            if (dist[t] == current)
                break; // nothing left is nearer than t: its distance is final
            ready[readySize++] = frontier[best];
            --frontierSize;
            frontier[best] = frontier[frontierSize];
            frontierDist[best] = frontierDist[frontierSize];
            slot[frontier[best]] = static_cast<std::uint32_t>(best);
        }
        const std::uint32_t u = ready[--readySize]; // never t: the checks above stop first
        const std::int64_t base = current + potential[u];
        std::int64_t nearest = kInf; // see m_reach
        for (const HalfEdge *e = edges + first[u], *end = edges + first[u + 1]; e != end; ++e) {
            if (e->residual <= 0)
                continue;
            // Reduced cost e.cost + p[u] - p[v] >= 0 by the potentials' invariant, so a
            // settled head is never improved.
            const std::uint32_t v = e->head;
            const std::int64_t d = base + e->cost - potential[v];
            if (d > dist[v])
                continue;
            nearest = std::min(nearest, d);
            if (d == dist[v])
                continue;
            const bool reached = dist[v] != kInf;
            dist[v] = d;
            if (d == current && v == t) {
                tFinal = true; // nothing is nearer: final, and the search can stop
                break;
            }
            if (d == current) {
                if (reached) { // leaves the frontier for the stack
                    const std::uint32_t k = slot[v];
                    --frontierSize;
                    frontier[k] = frontier[frontierSize];
                    frontierDist[k] = frontierDist[frontierSize];
                    slot[frontier[k]] = k;
                }
                ready[readySize++] = v;
            } else if (reached) {
                frontierDist[slot[v]] = d;
            } else {
                slot[v] = static_cast<std::uint32_t>(frontierSize);
                frontier[frontierSize] = v;
                frontierDist[frontierSize++] = d;
            }
        }
        reach[u] = nearest;
    }
    if (dist[t] == kInf)
        return false; // t never reached (once reached, it stays queued until settled)
    // Nodes settled before t move by their distance, all others by t's: reduced costs stay
    // non-negative, and those on shortest s-t paths become zero. Unreached nodes (dist =
    // infinity) move by the finite dist(t), so potentials stay bounded by path costs.
    const std::int64_t dt = dist[t];
    m_level = dt;
    std::int64_t* const p = m_potential.data();
    for (std::size_t v = 0, n = m_potential.size(); v < n; ++v) {
        p[v] += std::min(dist[v], dt);
        dist[v] = kInf; // ready for the next search
    }
    return true;
}

std::int64_t PrimalDual::push(std::uint32_t u, std::int64_t limit)
{
    m_onPath[u] = 1;
    std::int64_t pushed = 0;
    const std::int64_t pu = m_potential[u];
    HalfEdge* const edges = m_graph.edges.data();
    HalfEdge* e = edges + m_cursor[u];
    for (HalfEdge* const end = edges + m_graph.first[u + 1]; e != end; ++e) {
        // Admissible: residual left and zero reduced cost. Heads on the current path are
        // skipped: zero-reduced-cost cycles exist (an arc and its reverse, zero-cost arcs),
        // and a path must stay simple.
        if (e->residual <= 0)
            continue;
        const std::uint32_t v = e->head;
        if (e->cost + pu != m_potential[v] || m_onPath[v] || m_reach[v] > m_level)
            continue;
        const std::int64_t room = std::min(limit - pushed, e->residual);
        const std::int64_t d = v == m_sink ? room : push(v, room);
        if (d == 0)
            continue; // nothing more gets through v this round
        if (e->convex) {
            moveConvex(*e, d);
        } else {
            e->residual -= d;
            edges[e->rev].residual += d;
        }
        pushed += d;
        if (pushed == limit)
            break; // keep the cursor here: this half-edge may have room left
    }
    m_cursor[u] = static_cast<std::uint32_t>(e - edges);
    m_onPath[u] = 0;
    return pushed;
}

} // namespace cp::net::detail
