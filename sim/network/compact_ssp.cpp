#include "sim/network/compact_ssp.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace cp::net::detail {

namespace {
constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max(); // Boost's default distance_inf

std::int64_t saturatingAdd(std::int64_t potential, std::int64_t distance)
{
    if (potential >= CompactSsp::kUnreachable || distance >= CompactSsp::kUnreachable - potential)
        return CompactSsp::kUnreachable;
    return potential + distance;
}
} // namespace

// boost::d_ary_heap_indirect<Vertex, 4, ...> as Dijkstra uses it, operation for operation:
// same child/parent arithmetic, strict comparisons, first smallest child wins, the last
// element moved to the root on pop. Keys are stored next to the vertex (Boost reads them
// from the distance map; they are equal because a key changes only by update()).
void CompactSsp::heapPush(std::uint32_t v, std::int64_t key)
{
    m_heap[m_heapSize] = {key, v};
    siftUp(m_heapSize++);
}

void CompactSsp::heapDecrease(std::uint32_t v, std::int64_t key)
{
    const std::size_t i = m_heapPos[v];
    m_heap[i].key = key;
    siftUp(i);
}

void CompactSsp::siftUp(std::size_t index)
{
    HeapEntry* const h = m_heap.data();
    std::uint32_t* const pos = m_heapPos.data();
    const HeapEntry moving = h[index];
    while (index != 0) {
        const std::size_t parent = (index - 1) / 4;
        if (!(moving.key < h[parent].key))
            break;
        h[index] = h[parent];
        pos[h[index].vertex] = static_cast<std::uint32_t>(index);
        index = parent;
    }
    h[index] = moving;
    pos[moving.vertex] = static_cast<std::uint32_t>(index);
}

std::uint32_t CompactSsp::heapPop()
{
    HeapEntry* const h = m_heap.data();
    std::uint32_t* const pos = m_heapPos.data();
    const std::uint32_t top = h[0].vertex;
    const std::size_t size = --m_heapSize;
    if (size == 0)
        return top;
    const HeapEntry moving = h[size];
    std::size_t index = 0;
    for (;;) {
        const std::size_t firstChild = index * 4 + 1;
        if (firstChild >= size)
            break;
        const std::size_t lastChild = std::min(firstChild + 4, size);
        std::size_t smallest = firstChild;
        std::int64_t smallestKey = h[firstChild].key;
        for (std::size_t c = firstChild + 1; c < lastChild; ++c) {
            if (h[c].key < smallestKey) {
                smallest = c;
                smallestKey = h[c].key;
            }
        }
        if (!(smallestKey < moving.key))
            break;
        h[index] = h[smallest];
        pos[h[index].vertex] = static_cast<std::uint32_t>(index);
        index = smallest;
    }
    h[index] = moving;
    pos[moving.vertex] = static_cast<std::uint32_t>(index);
    return top;
}

void CompactSsp::build(std::size_t nodes, const std::vector<Arc>& arcs)
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
        // As add_edge(from, to) then add_edge(to, from): the edge, then its reverse.
        const std::uint32_t e = next[static_cast<std::size_t>(arc.from)]++;
        const std::uint32_t r = next[static_cast<std::size_t>(arc.to)]++;
        // Boost starts with residual = capacity (0 for the reverse edges).
        m_edges[e] = {arc.capacity, arc.cost, static_cast<std::uint32_t>(arc.to), r};
        m_edges[r] = {0, -arc.cost, static_cast<std::uint32_t>(arc.from), e};
        m_forward[i] = e;
    }
}

void CompactSsp::solve(std::size_t nodes, const std::vector<Arc>& arcs, NodeIndex s, NodeIndex t,
                       std::vector<std::int64_t>& flow)
{
    build(nodes, arcs);
    m_nodes.assign(nodes, NodeState{});
    m_heapPos.assign(nodes, 0);
    m_heap.resize(nodes); // a node is queued at most once
    m_heapSize = 0;
    const auto src = static_cast<std::uint32_t>(s), sink = static_cast<std::uint32_t>(t);
    for (;;) {
        dijkstra(src);
        if (m_nodes[sink].pred < 0)
            break;
        for (NodeState& n : m_nodes)
            n.potential = saturatingAdd(n.potential, n.dist);
        // detail::augment: bottleneck along the predecessor edges, then push it.
        std::int64_t delta = kInf;
        std::uint32_t u = sink;
        do {
            const HalfEdge& e = m_edges[static_cast<std::uint32_t>(m_nodes[u].pred)];
            delta = std::min(delta, e.residual);
            u = m_edges[e.rev].head;
        } while (u != src);
        u = sink;
        do {
            const auto e = static_cast<std::uint32_t>(m_nodes[u].pred);
            const std::uint32_t r = m_edges[e].rev;
            m_edges[e].residual -= delta;
            m_edges[r].residual += delta;
            u = m_edges[r].head;
        } while (u != src);
    }
    flow.resize(arcs.size());
    for (std::size_t i = 0; i < arcs.size(); ++i)
        flow[i] = arcs[i].capacity - m_edges[m_forward[i]].residual;
}

void CompactSsp::dijkstra(std::uint32_t src)
{
    // Raw pointers, so the edge loop does not reload vectors' data pointers after each store.
    NodeState* const node = m_nodes.data();
    const std::uint32_t* const first = m_first.data();
    const HalfEdge* const edges = m_edges.data();
    // boost::dijkstra_shortest_paths: every node at infinity (white), the source at zero.
    // Colours are implied: white = infinite distance; gray and black need no distinction
    // because a black node (popped at a distance <= the current one) never relaxes with
    // non-negative reduced costs, so Boost's black_target does nothing, as here.
    // (Boost's successive-shortest-path loop also clears every predecessor before a search.)
    for (NodeState& n : m_nodes) {
        n.dist = kInf;
        n.pred = -1;
    }
    node[src].dist = 0;
    // breadth_first_visit with dijkstra_bfs_visitor
    heapPush(src, 0);
    while (m_heapSize != 0) {
        const std::uint32_t u = heapPop();
        const std::int64_t du = node[u].dist, pu = node[u].potential;
        for (std::uint32_t e = first[u], end = first[u + 1]; e < end; ++e) {
            const HalfEdge& he = edges[e];
            if (he.residual <= 0)
                continue; // not a residual edge: filtered out
            const std::uint32_t v = he.head;
            NodeState& nv = node[v];
            const std::int64_t w = pu - nv.potential + he.cost; // reduced cost
            if (w < 0)
                throw std::logic_error("FlowProblem: negative reduced cost");
            const std::int64_t dv = nv.dist;
            if (du + w < dv) {
                nv.dist = du + w;
                nv.pred = static_cast<std::int32_t>(e);
                if (dv == kInf)
                    heapPush(v, du + w);     // tree_edge: first discovery
                else
                    heapDecrease(v, du + w); // gray_target: decrease-key
            }
        }
    }
}

} // namespace cp::net::detail
