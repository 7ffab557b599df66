#include "sim/network/primal_dual.hpp"

#include <algorithm>
#include <limits>

namespace cp::net::detail {

namespace {
constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max();
} // namespace

void PrimalDual::build(std::size_t nodes, const std::vector<Arc>& arcs)
{
    const std::size_t m = arcs.size();
    m_first.assign(nodes + 1, 0);
    for (const Arc& a : arcs) {
        ++m_first[static_cast<std::size_t>(a.from) + 1];
        ++m_first[static_cast<std::size_t>(a.to) + 1];
    }
    for (std::size_t v = 0; v < nodes; ++v)
        m_first[v + 1] += m_first[v];
    m_edges.resize(2 * m);
    m_forward.resize(m);
    std::vector<std::uint32_t>& next = m_cursor; // fill position per node
    next.assign(m_first.begin(), m_first.end() - 1);
    for (std::size_t i = 0; i < m; ++i) {
        const Arc& arc = arcs[i];
        const std::uint32_t e = next[static_cast<std::size_t>(arc.from)]++;
        const std::uint32_t r = next[static_cast<std::size_t>(arc.to)]++;
        m_edges[e] = {arc.capacity, arc.cost, static_cast<std::uint32_t>(arc.to), r};
        m_edges[r] = {0, -arc.cost, static_cast<std::uint32_t>(arc.from), e};
        m_forward[i] = e;
    }
}

void PrimalDual::solve(std::size_t nodes, const std::vector<Arc>& arcs, NodeIndex s, NodeIndex t,
                       std::vector<std::int64_t>& flow)
{
    build(nodes, arcs);
    // Costs are non-negative, so zero potentials are feasible to start with.
    m_potential.assign(nodes, 0);
    m_dist.resize(nodes);
    m_onPath.assign(nodes, 0);
    m_frontier.resize(nodes);
    m_frontierDist.resize(nodes);
    m_slot.resize(nodes);
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
    while (src != sink && shortestPaths(src, sink)) {
        std::copy(m_first.begin(), m_first.end() - 1, m_cursor.begin());
        push(src, sink, kInf); // > 0: the search's own path to t has zero reduced cost
    }
    flow.resize(arcs.size());
    for (std::size_t i = 0; i < arcs.size(); ++i)
        flow[i] = arcs[i].capacity - m_edges[m_forward[i]].residual;
}

bool PrimalDual::shortestPaths(std::uint32_t s, std::uint32_t t)
{
    ++m_searches;
    std::fill(m_dist.begin(), m_dist.end(), kInf);
    const std::int64_t* const potential = m_potential.data();
    std::int64_t* const dist = m_dist.data();
    // The frontier (reached, not yet settled) stays a handful of nodes in these graphs, so a
    // linear scan for its nearest node beats a heap; the first nearest in frontier order wins.
    // Its distances are kept next to it (m_frontierDist) for a scan over contiguous keys.
    std::uint32_t* const frontier = m_frontier.data();
    std::int64_t* const frontierDist = m_frontierDist.data();
    std::uint32_t* const slot = m_slot.data();
    std::size_t frontierSize = 1;
    frontier[0] = s;
    frontierDist[0] = 0;
    dist[s] = 0;
    while (frontierSize != 0) {
        std::size_t best = 0;
        std::int64_t bestDist = frontierDist[0];
        for (std::size_t k = 1; k < frontierSize; ++k) {
            if (frontierDist[k] < bestDist) {
                best = k;
                bestDist = frontierDist[k];
            }
        }
        const std::uint32_t u = frontier[best];
        --frontierSize;
        frontier[best] = frontier[frontierSize];
        frontierDist[best] = frontierDist[frontierSize];
        slot[frontier[best]] = static_cast<std::uint32_t>(best);
        if (u == t)
            break;
        const std::int64_t base = bestDist + potential[u];
        for (std::uint32_t i = m_first[u], end = m_first[u + 1]; i < end; ++i) {
            const HalfEdge& e = m_edges[i];
            if (e.residual <= 0)
                continue;
            // Reduced cost e.cost + p[u] - p[v] >= 0 by the potentials' invariant, so a
            // settled head is never improved (no settled marks needed).
            const std::uint32_t v = e.head;
            const std::int64_t d = base + e.cost - potential[v];
            if (d < dist[v]) {
                if (dist[v] == kInf) {
                    slot[v] = static_cast<std::uint32_t>(frontierSize);
                    frontier[frontierSize++] = v;
                }
                dist[v] = d;
                frontierDist[slot[v]] = d;
            }
        }
    }
    if (dist[t] == kInf)
        return false; // t never reached (once reached, it stays queued until settled)
    // Nodes settled before t move by their distance, all others by t's: reduced costs stay
    // non-negative, and those on shortest s-t paths become zero. Unreached nodes (dist =
    // infinity) move by the finite dist(t), so potentials stay bounded by path costs.
    const std::int64_t dt = dist[t];
    for (std::size_t v = 0; v < m_potential.size(); ++v)
        m_potential[v] += std::min(dist[v], dt);
    return true;
}

std::int64_t PrimalDual::push(std::uint32_t u, std::uint32_t t, std::int64_t limit)
{
    if (u == t)
        return limit;
    m_onPath[u] = 1;
    std::int64_t pushed = 0;
    for (std::uint32_t& i = m_cursor[u]; i < m_first[u + 1]; ++i) {
        HalfEdge& e = m_edges[i];
        // Heads on the current path are skipped: zero-reduced-cost cycles exist (an arc
        // and its reverse, zero-cost arcs), and a path must stay simple.
        if (m_onPath[e.head] || !admissible(u, e))
            continue;
        const std::int64_t d = push(e.head, t, std::min(limit - pushed, e.residual));
        if (d == 0)
            continue; // nothing more gets through e.head this round
        e.residual -= d;
        m_edges[e.rev].residual += d;
        pushed += d;
        if (pushed == limit)
            break; // keep the cursor here: this half-edge may have room left
    }
    m_onPath[u] = 0;
    return pushed;
}

} // namespace cp::net::detail
