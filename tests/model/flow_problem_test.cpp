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
