#include "sim/core/simulation.hpp"

#include <gtest/gtest.h>

using namespace cp::core;

TEST(Simulation, HandlersRunInOrderAndCanScheduleMore)
{
    Simulation sim;
    std::vector<std::pair<SimTime, std::uint64_t>> seen;
    std::uint32_t kind = 0;
    kind = sim.registerKind("tick", [&](Simulation& s, const Event& e) {
        seen.emplace_back(s.now(), e.payload);
        if (e.payload < 3)
            s.scheduleIn(10, kind, 0, e.payload + 1);
    });
    sim.scheduleAt(5, kind, 0, 0);
    EXPECT_EQ(sim.runUntil(1000), StopReason::QueueEmpty);
    EXPECT_EQ(seen, (std::vector<std::pair<SimTime, std::uint64_t>>{{5, 0}, {15, 1}, {25, 2}, {35, 3}}));
    EXPECT_EQ(sim.eventCount(), 4u);
    EXPECT_EQ(sim.now(), 1000);
}

TEST(Simulation, RunUntilIsExclusive)
{
    Simulation sim;
    int runs = 0;
    const auto k = sim.registerKind("x", [&](Simulation&, const Event&) { ++runs; });
    sim.scheduleAt(100, k);
    EXPECT_EQ(sim.runUntil(100), StopReason::ReachedTime);
    EXPECT_EQ(runs, 0);
    EXPECT_EQ(sim.now(), 100);
    EXPECT_EQ(sim.pending(), 1u);
    sim.runUntil(101);
    EXPECT_EQ(runs, 1);
}

TEST(Simulation, BudgetStopAndCancel)
{
    Simulation sim;
    int runs = 0;
    std::uint32_t k = 0;
    k = sim.registerKind("x", [&](Simulation& s, const Event& e) {
        ++runs;
        if (e.payload == 7)
            s.stop();
    });
    for (std::uint64_t i = 0; i < 10; ++i)
        sim.scheduleAt(static_cast<SimTime>(i), k, 0, i);
    const EventId doomed = sim.scheduleAt(5, k, 0, 99, -1);
    EXPECT_TRUE(sim.cancel(doomed));
    EXPECT_EQ(sim.runFor(3), StopReason::BudgetExhausted);
    EXPECT_EQ(runs, 3);
    EXPECT_EQ(sim.runUntil(1000), StopReason::Stopped); // payload 7 asks to stop
    EXPECT_EQ(runs, 8);
    EXPECT_TRUE(sim.step());
    EXPECT_EQ(sim.runFor(100), StopReason::QueueEmpty);
    EXPECT_EQ(runs, 10);
    EXPECT_FALSE(sim.step());
}

TEST(Simulation, SchedulingInThePastThrows)
{
    Simulation sim;
    const auto k = sim.registerKind("x", [](Simulation&, const Event&) {});
    sim.setStartTime(1000);
    EXPECT_THROW(sim.scheduleAt(999, k), std::logic_error);
    EXPECT_THROW(sim.scheduleAt(1000, 42), std::out_of_range);
    sim.scheduleAt(1000, k);
    sim.step();
    EXPECT_THROW(sim.setStartTime(0), std::logic_error);
    EXPECT_THROW(sim.registerKind("y", nullptr), std::invalid_argument);
}

TEST(Simulation, FingerprintFollowsTheProcessedEvents)
{
    auto run = [](std::uint64_t lastPayload) {
        Simulation sim;
        const auto k = sim.registerKind("x", [](Simulation&, const Event&) {});
        sim.scheduleAt(1, k, 0, 1);
        sim.scheduleAt(2, k, 3, lastPayload);
        sim.runUntil(10);
        return sim.fingerprint().hex();
    };
    EXPECT_EQ(run(5), run(5));
    EXPECT_NE(run(5), run(6));
    EXPECT_EQ(run(5).size(), 16u);
}

TEST(Simulation, AnEventAtTheCurrentTimeWithAMoreUrgentPriorityRunsNext)
{
    // Scheduling at now with a lower priority value than the running event is allowed and
    // must run before the remaining events of that time (the queue's early path).
    Simulation sim;
    std::vector<std::uint64_t> order;
    std::uint32_t k = 0;
    k = sim.registerKind("x", [&](Simulation& s, const Event& e) {
        order.push_back(e.payload);
        if (e.payload == 1)
            s.scheduleAt(s.now(), k, 0, 10, -5);
        if (e.payload == 10)
            s.scheduleAt(s.now(), k, 0, 11, 0); // priority 0: still ahead of payload 3
    });
    sim.scheduleAt(7, k, 0, 1, 1);
    sim.scheduleAt(7, k, 0, 2, 0);
    sim.scheduleAt(7, k, 0, 3, 1);
    sim.scheduleAt(8, k, 0, 4, -9);
    sim.runUntil(100);
    EXPECT_EQ(order, (std::vector<std::uint64_t>{2, 1, 10, 11, 3, 4}));
}
