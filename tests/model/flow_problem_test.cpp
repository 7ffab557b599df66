#include "sim/network/flow_problem.hpp"

#include "sim/core/rng.hpp"

#include <gtest/gtest.h>

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

// solve() replays Boost's successive_shortest_path_nonnegative_weights on flat arrays; it must
// return the very same flow on every edge as Boost's own algorithm (solveReference), including
// how ties between equally cheap paths are broken. Small cost ranges make ties common.
TEST(FlowProblem, FastSolveMatchesBoostEdgeForEdge)
{
    cp::core::RngStreams rngs(11);
    auto& rng = rngs.stream("equivalence");
    for (int trial = 0; trial < 400; ++trial) {
        FlowProblem fast, boost;
        const int n = 2 + static_cast<int>(rng.next() % 40);
        for (int i = 0; i < n; ++i) {
            fast.addNode();
            boost.addNode();
        }
        const int m = static_cast<int>(rng.next() % static_cast<std::uint64_t>(n * 6 + 1));
        const std::uint64_t costRange = 1 + rng.next() % (trial % 2 == 0 ? 3 : 1000);
        for (int k = 0; k < m; ++k) {
            const int a = static_cast<int>(rng.next() % static_cast<std::uint64_t>(n));
            const int b = static_cast<int>(rng.next() % static_cast<std::uint64_t>(n));
            const auto cap = static_cast<std::int64_t>(rng.next() % 100);
            const auto cost = static_cast<std::int64_t>(rng.next() % costRange);
            fast.addEdge(a, b, cap, cost);
            boost.addEdge(a, b, cap, cost);
        }
        const int s = static_cast<int>(rng.next() % static_cast<std::uint64_t>(n));
        const int t = (s + 1 + static_cast<int>(rng.next() % static_cast<std::uint64_t>(n - 1))) % n;
        fast.solve(s, t);
        boost.solveReference(s, t);
        ASSERT_EQ(fast.totalFlow(), boost.totalFlow()) << "trial " << trial;
        ASSERT_EQ(fast.totalCost(), boost.totalCost()) << "trial " << trial;
        for (int e = 0; e < static_cast<int>(fast.edgeCount()); ++e)
            ASSERT_EQ(fast.flow(e), boost.flow(e)) << "trial " << trial << " edge " << e;
        // Reuse after clear(), as the monthly markets do.
        fast.clear();
        EXPECT_EQ(fast.edgeCount(), 0u);
    }
}
