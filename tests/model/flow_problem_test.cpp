#include "sim/network/flow_problem.hpp"

#include "sim/core/rng.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

using cp::net::FlowProblem;

TEST(FlowProblem, PrefersCheaperPathAndFillsBoth)
{
    FlowProblem p;
    const auto s = p.addNode(), a = p.addNode(), b = p.addNode(), t = p.addNode();
    const auto sa = p.addEdge(s, a, 10, 0);
    const auto sb = p.addEdge(s, b, 10, 0);
    const auto at = p.addEdge(a, t, 6, 5);
    const auto bt = p.addEdge(b, t, 6, 1);
    p.solve(s, t);
    EXPECT_EQ(p.totalFlow(), 12);
    EXPECT_EQ(p.flow(at), 6);
    EXPECT_EQ(p.flow(bt), 6);
    EXPECT_EQ(p.flow(sa) + p.flow(sb), 12);
    EXPECT_EQ(p.totalCost(), 6 * 5 + 6 * 1);
}

TEST(FlowProblem, CheapRouteTakenFirstWhenDemandIsShort)
{
    FlowProblem p;
    const auto s = p.addNode(), x = p.addNode(), t = p.addNode();
    const auto cheap = p.addEdge(s, x, 5, 1);
    const auto dear = p.addEdge(s, x, 5, 9);
    p.addEdge(x, t, 7, 0);
    p.solve(s, t);
    EXPECT_EQ(p.flow(cheap), 5);
    EXPECT_EQ(p.flow(dear), 2);
}

TEST(FlowProblem, RandomGraphsConserveFlowAndRespectCapacities)
{
    cp::core::RngStreams rngs(3);
    auto& rng = rngs.stream("graphs");
    for (int trial = 0; trial < 50; ++trial) {
        FlowProblem p;
        const int n = 3 + static_cast<int>(rng.next() % 10);
        for (int i = 0; i < n; ++i)
            p.addNode();
        struct E { int from, to; std::int64_t cap; cp::net::EdgeIndex id; };
        std::vector<E> edges;
        const int m = n * 3;
        for (int k = 0; k < m; ++k) {
            const int a = static_cast<int>(rng.next() % static_cast<std::uint64_t>(n));
            const int b = static_cast<int>(rng.next() % static_cast<std::uint64_t>(n));
            if (a == b)
                continue;
            const auto cap = static_cast<std::int64_t>(rng.next() % 50);
            edges.push_back({a, b, cap, p.addEdge(a, b, cap, static_cast<std::int64_t>(rng.next() % 20))});
        }
        p.solve(0, n - 1);
        std::vector<std::int64_t> balance(static_cast<std::size_t>(n), 0);
        for (const auto& e : edges) {
            const auto f = p.flow(e.id);
            ASSERT_GE(f, 0);
            ASSERT_LE(f, e.cap);
            balance[static_cast<std::size_t>(e.from)] -= f;
            balance[static_cast<std::size_t>(e.to)] += f;
        }
        for (int i = 1; i < n - 1; ++i)
            EXPECT_EQ(balance[static_cast<std::size_t>(i)], 0) << "node " << i;
        EXPECT_EQ(balance[static_cast<std::size_t>(n - 1)], p.totalFlow());
        EXPECT_EQ(-balance[0], p.totalFlow());
    }
}

TEST(FlowProblem, RejectsNegativeCapacity)
{
    FlowProblem p;
    const auto a = p.addNode(), b = p.addNode();
    EXPECT_THROW(p.addEdge(a, b, -1, 0), std::invalid_argument);
}

// solve() (primal-dual) need not return Boost's flow edge for edge: where several maximum
// flows are equally cheap it may pick another. What it must match is the value of the optimum:
// the same total flow and total cost as Boost's successive_shortest_path_nonnegative_weights
// (solveReference), with a feasible flow, and the same flow again for the same input.
namespace {

struct RandomArc {
    int from, to;
    std::int64_t capacity, cost;
};
struct RandomGraph {
    int nodes = 0, source = 0, sink = 0;
    std::vector<RandomArc> arcs;
};

void load(FlowProblem& p, const RandomGraph& g)
{
    p.clear();
    for (int i = 0; i < g.nodes; ++i)
        p.addNode();
    for (const auto& a : g.arcs)
        p.addEdge(a.from, a.to, a.capacity, a.cost);
}

// Graph families the markets produce and their edge cases: costs drawn from a tiny range (many
// equally cheap paths), zero-capacity arcs, arcs repeated in parallel, isolated nodes (some
// unreachable from the source, sometimes the sink), and capacities near the int64 limit on
// inner arcs (the source's arcs stay small enough for total flow times cost to fit in int64).
RandomGraph randomGraph(cp::core::RngStream& rng, int trial)
{
    const auto below = [&](std::uint64_t n) { return static_cast<std::int64_t>(rng.next() % n); };
    RandomGraph g;
    g.nodes = 2 + static_cast<int>(below(40));
    const int reachableNodes = trial % 5 == 0 ? std::max(2, g.nodes - 1 - static_cast<int>(below(4))) : g.nodes;
    const std::int64_t costRange = 1 + below(trial % 3 == 0 ? 1000 : 3);
    const bool huge = trial % 4 == 3;
    const int m = static_cast<int>(below(static_cast<std::uint64_t>(g.nodes * 6 + 1)));
    for (int k = 0; k < m; ++k) {
        RandomArc a{static_cast<int>(below(static_cast<std::uint64_t>(reachableNodes))),
                    static_cast<int>(below(static_cast<std::uint64_t>(reachableNodes))), below(100), below(costRange)};
        if (rng.bernoulli(0.1))
            a.capacity = 0;
        else if (huge && a.from != 0)
            a.capacity = rng.bernoulli(0.5) ? std::numeric_limits<std::int64_t>::max() / 4 - below(3)
                                             : std::numeric_limits<std::int64_t>::max() - below(3);
        else if (huge)
            a.capacity = (std::int64_t{1} << 36) - below(1000);
        g.arcs.push_back(a);
        if (rng.bernoulli(0.15))
            g.arcs.push_back(a); // a parallel twin
    }
    g.source = 0;
    g.sink = 1 + static_cast<int>(below(static_cast<std::uint64_t>(g.nodes - 1)));
    return g;
}

// Bounds, conservation at every node but the source and sink, and the flow out of the source.
void expectFeasible(const FlowProblem& p, const RandomGraph& g, int trial)
{
    std::vector<std::int64_t> balance(static_cast<std::size_t>(g.nodes), 0);
    for (std::size_t e = 0; e < g.arcs.size(); ++e) {
        const auto f = p.flow(static_cast<cp::net::EdgeIndex>(e));
        ASSERT_GE(f, 0) << "trial " << trial << " edge " << e;
        ASSERT_LE(f, g.arcs[e].capacity) << "trial " << trial << " edge " << e;
        balance[static_cast<std::size_t>(g.arcs[e].from)] -= f;
        balance[static_cast<std::size_t>(g.arcs[e].to)] += f;
    }
    for (int v = 0; v < g.nodes; ++v) {
        if (v != g.source && v != g.sink) {
            ASSERT_EQ(balance[static_cast<std::size_t>(v)], 0) << "trial " << trial << " node " << v;
        }
    }
    ASSERT_EQ(balance[static_cast<std::size_t>(g.sink)], p.totalFlow()) << "trial " << trial;
}

} // namespace

TEST(FlowProblem, SolveMatchesBoostOptimumOnRandomGraphs)
{
    cp::core::RngStreams rngs(11);
    auto& rng = rngs.stream("equivalence");
    FlowProblem fast, boost; // `fast` is reused across trials, as the markets reuse theirs
    for (int trial = 0; trial < 1000; ++trial) {
        const RandomGraph g = randomGraph(rng, trial);
        load(fast, g);
        load(boost, g);
        fast.solve(g.source, g.sink);
        boost.solveReference(g.source, g.sink);
        ASSERT_EQ(fast.totalFlow(), boost.totalFlow()) << "trial " << trial;
        ASSERT_EQ(fast.totalCost(), boost.totalCost()) << "trial " << trial;
        ASSERT_NO_FATAL_FAILURE(expectFeasible(fast, g, trial));

        // Deterministic: a fresh problem with the same input gives the same flow on every arc.
        FlowProblem fresh;
        load(fresh, g);
        fresh.solve(g.source, g.sink);
        for (std::size_t e = 0; e < g.arcs.size(); ++e)
            ASSERT_EQ(fresh.flow(static_cast<cp::net::EdgeIndex>(e)), fast.flow(static_cast<cp::net::EdgeIndex>(e)))
                << "trial " << trial << " edge " << e;
    }
}

TEST(FlowProblem, UnreachableSinkGivesZeroFlow)
{
    FlowProblem p;
    const auto s = p.addNode(), a = p.addNode(), t = p.addNode(), lone = p.addNode();
    const auto sa = p.addEdge(s, a, 5, 1);
    p.addEdge(t, lone, 5, 1);
    p.solve(s, t);
    EXPECT_EQ(p.totalFlow(), 0);
    EXPECT_EQ(p.totalCost(), 0);
    EXPECT_EQ(p.flow(sa), 0);
}

// Inner arcs as wide as int64 allows and nodes the source cannot reach (which Boost's
// potentials must saturate for): no overflow (UBSan in .ci/sanitize) and the optimum.
TEST(FlowProblem, HugeCapacitiesAndUnreachableNodes)
{
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    FlowProblem p;
    const auto s = p.addNode(), a = p.addNode(), b = p.addNode(), t = p.addNode();
    const auto u = p.addNode(), w = p.addNode(); // unreachable: only arcs out of them and between them
    const auto sa = p.addEdge(s, a, std::int64_t{1} << 40, 0);
    const auto sb = p.addEdge(s, b, std::int64_t{1} << 40, 3);
    p.addEdge(a, b, kMax, 0);
    const auto at = p.addEdge(a, t, kMax / 4, 5);
    const auto bt = p.addEdge(b, t, kMax, 1);
    p.addEdge(u, w, kMax, 7);
    p.addEdge(w, t, kMax, 0);
    p.addEdge(u, s, 3, 0);
    p.solve(s, t);
    EXPECT_EQ(p.totalFlow(), std::int64_t{1} << 41);
    EXPECT_EQ(p.flow(sa) + p.flow(sb), std::int64_t{1} << 41);
    EXPECT_EQ(p.flow(at), 0);
    EXPECT_EQ(p.flow(bt), std::int64_t{1} << 41);
    EXPECT_EQ(p.totalCost(), (std::int64_t{1} << 40) * 3 + (std::int64_t{1} << 41) * 1);
}

// A convex arc must give exactly the flows its pieces get as plain parallel arcs added in a
// row (the markets' fair-share tranches), on every other arc too, and Boost's optimum.
TEST(FlowProblem, ConvexArcGetsTheFlowsOfItsPiecesInARow)
{
    cp::core::RngStreams rngs(12);
    auto& rng = rngs.stream("convex");
    const auto below = [&](std::uint64_t n) { return static_cast<std::int64_t>(rng.next() % n); };
    for (int trial = 0; trial < 1000; ++trial) {
        RandomGraph g = randomGraph(rng, trial % 4 == 3 ? trial - 1 : trial); // no int64-sized capacities
        // Runs of 2-6 pieces of rising cost between random nodes; ties in cost with other arcs
        // are likely (costs from a small range), which is what the search order must survive.
        struct Run {
            std::size_t first, count;
        };
        std::vector<Run> runs;
        std::vector<RandomArc> arcs;
        for (const auto& a : g.arcs) {
            arcs.push_back(a);
            if (!rng.bernoulli(0.3))
                continue;
            Run run{arcs.size(), static_cast<std::size_t>(2 + below(5))};
            std::int64_t cost = below(4);
            for (std::size_t k = 0; k < run.count; ++k) {
                arcs.push_back({a.from, a.to, rng.bernoulli(0.1) ? 0 : below(60), cost});
                cost += 1 + below(3);
            }
            runs.push_back(run);
        }
        g.arcs = arcs;
        FlowProblem plain, convex, boost;
        load(plain, g);
        plain.solve(g.source, g.sink);
        for (FlowProblem* p : {&convex, &boost}) {
            p->clear();
            for (int i = 0; i < g.nodes; ++i)
                p->addNode();
        }
        std::vector<cp::net::EdgeIndex> edgeOf(g.arcs.size(), -1); // plain arc -> convex problem edge
        std::size_t next = 0;
        for (const Run& run : runs) {
            for (; next < run.first; ++next)
                for (FlowProblem* p : {&convex, &boost})
                    edgeOf[next] = p->addEdge(g.arcs[next].from, g.arcs[next].to, g.arcs[next].capacity, g.arcs[next].cost);
            std::vector<cp::net::FlowPiece> pieces;
            for (std::size_t k = run.first; k < run.first + run.count; ++k)
                pieces.push_back({g.arcs[k].capacity, g.arcs[k].cost});
            for (FlowProblem* p : {&convex, &boost})
                edgeOf[run.first] = p->addConvexEdge(g.arcs[run.first].from, g.arcs[run.first].to, pieces);
            next = run.first + run.count;
        }
        for (; next < g.arcs.size(); ++next)
            for (FlowProblem* p : {&convex, &boost})
                edgeOf[next] = p->addEdge(g.arcs[next].from, g.arcs[next].to, g.arcs[next].capacity, g.arcs[next].cost);
        convex.solve(g.source, g.sink);
        boost.solveReference(g.source, g.sink);
        ASSERT_EQ(convex.totalFlow(), plain.totalFlow()) << "trial " << trial;
        ASSERT_EQ(convex.totalCost(), plain.totalCost()) << "trial " << trial;
        ASSERT_EQ(boost.totalFlow(), plain.totalFlow()) << "trial " << trial;
        ASSERT_EQ(boost.totalCost(), plain.totalCost()) << "trial " << trial;
        std::size_t r = 0;
        for (std::size_t e = 0; e < g.arcs.size(); ++e) {
            if (r < runs.size() && e == runs[r].first) {
                std::int64_t sum = 0;
                for (std::size_t k = e; k < e + runs[r].count; ++k)
                    sum += plain.flow(static_cast<cp::net::EdgeIndex>(k));
                ASSERT_EQ(convex.flow(edgeOf[e]), sum) << "trial " << trial << " convex arc at " << e;
                e += runs[r++].count - 1;
                continue;
            }
            ASSERT_EQ(convex.flow(edgeOf[e]), plain.flow(static_cast<cp::net::EdgeIndex>(e))) << "trial " << trial << " arc " << e;
        }
    }
}

TEST(FlowProblem, ConvexArcFillsItsCheapestPiecesFirstAndRejectsBadPieces)
{
    FlowProblem p;
    const auto s = p.addNode(), t = p.addNode();
    const std::vector<cp::net::FlowPiece> pieces{{4, 1}, {0, 2}, {3, 5}, {10, 9}};
    const auto e = p.addConvexEdge(s, t, pieces);
    const auto other = p.addEdge(s, t, 2, 6); // dearer than the first two pieces, cheaper than the last
    p.solve(s, t);
    EXPECT_EQ(p.flow(e), 17);
    EXPECT_EQ(p.flow(other), 2);
    EXPECT_EQ(p.totalCost(), 4 * 1 + 3 * 5 + 10 * 9 + 2 * 6);
    EXPECT_THROW(p.addConvexEdge(s, t, std::vector<cp::net::FlowPiece>{}), std::invalid_argument);
    EXPECT_THROW(p.addConvexEdge(s, t, std::vector<cp::net::FlowPiece>{{1, 3}, {1, 3}}), std::invalid_argument);
    EXPECT_THROW(p.addConvexEdge(s, t, std::vector<cp::net::FlowPiece>{{-1, 3}}), std::invalid_argument);
}

// The markets take turns on one FlowProblem, month after month, mostly with the arcs of the
// month before (new capacities and costs, the same ends): solve() reuses a graph it built
// before then. Alternating two graphs, sometimes with one arc moved or turned convex, every
// solve must give a fresh problem's flows.
TEST(FlowProblem, ReusedProblemGivesAFreshOnesFlowsWhenGraphsAlternate)
{
    cp::core::RngStreams rngs(13);
    auto& rng = rngs.stream("reuse");
    const auto below = [&](std::uint64_t n) { return static_cast<std::int64_t>(rng.next() % n); };
    const RandomGraph shapes[2] = {randomGraph(rng, 1), randomGraph(rng, 2)};
    FlowProblem reused;
    for (int trial = 0; trial < 400; ++trial) {
        RandomGraph g = shapes[trial % 2];
        for (auto& a : g.arcs) {
            a.capacity = below(100);
            a.cost = below(4);
        }
        if (!g.arcs.empty() && rng.bernoulli(0.2))
            g.arcs[static_cast<std::size_t>(below(g.arcs.size()))].to = static_cast<int>(below(static_cast<std::uint64_t>(g.nodes)));
        const std::size_t convexArc = rng.bernoulli(0.3) ? static_cast<std::size_t>(below(g.arcs.size() + 1)) : g.arcs.size();
        std::vector<cp::net::EdgeIndex> reusedEdge, freshEdge;
        FlowProblem fresh;
        for (auto [p, edge] : {std::pair{&reused, &reusedEdge}, std::pair{&fresh, &freshEdge}}) {
            p->clear();
            for (int i = 0; i < g.nodes; ++i)
                p->addNode();
            for (std::size_t e = 0; e < g.arcs.size(); ++e) {
                const auto& a = g.arcs[e];
                edge->push_back(e == convexArc ? p->addConvexEdge(a.from, a.to, std::vector<cp::net::FlowPiece>{{a.capacity, a.cost}, {7, a.cost + 2}})
                                               : p->addEdge(a.from, a.to, a.capacity, a.cost));
            }
            p->solve(g.source, g.sink);
        }
        for (std::size_t e = 0; e < g.arcs.size(); ++e)
            ASSERT_EQ(reused.flow(reusedEdge[e]), fresh.flow(freshEdge[e])) << "trial " << trial << " edge " << e;
    }
}
