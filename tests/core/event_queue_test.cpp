#include "sim/core/event_queue.hpp"
#include "sim/core/rng.hpp"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

using namespace cp::core;

namespace {
Event at(SimTime t, std::int32_t priority = 0, std::uint64_t payload = 0)
{
    Event e;
    e.time = t;
    e.priority = priority;
    e.payload = payload;
    return e;
}
} // namespace

TEST(EventQueue, OrdersByTimeThenPriorityThenSchedulingOrder)
{
    EventQueue q;
    q.push(at(10, 0, 1));
    q.push(at(5, 2, 2));
    q.push(at(5, 1, 3));
    q.push(at(5, 1, 4)); // same time and priority as 3: runs after it
    q.push(at(0, 9, 5));
    std::vector<std::uint64_t> order;
    while (!q.empty())
        order.push_back(q.pop().payload);
    EXPECT_EQ(order, (std::vector<std::uint64_t>{5, 3, 4, 2, 1}));
}

TEST(EventQueue, CancellationIsExactAndIdsAreNotConfusedAfterReuse)
{
    EventQueue q;
    const EventId a = q.push(at(1, 0, 1));
    const EventId b = q.push(at(2, 0, 2));
    EXPECT_TRUE(q.isPending(a));
    EXPECT_TRUE(q.cancel(a));
    EXPECT_FALSE(q.cancel(a));
    EXPECT_FALSE(q.isPending(a));
    EXPECT_EQ(q.size(), 1u);
    EXPECT_EQ(q.pop().payload, 2u);
    EXPECT_FALSE(q.cancel(b)); // already ran
    // The slots are recycled; old ids must not cancel the new events.
    const EventId c = q.push(at(3, 0, 3));
    EXPECT_FALSE(q.cancel(a));
    EXPECT_FALSE(q.cancel(b));
    EXPECT_TRUE(q.isPending(c));
    EXPECT_FALSE(q.cancel(kNoEvent));
    EXPECT_EQ(q.pop().payload, 3u);
    EXPECT_TRUE(q.empty());
}

TEST(EventQueue, RandomOperationsMatchAReferenceModel)
{
    // Property test: interleaved push / pop / cancel against an ordered map.
    RngStream rng(12345);
    EventQueue q;
    std::map<std::tuple<SimTime, std::int32_t, std::uint64_t>, std::uint64_t> ref; // key -> payload
    std::map<std::uint64_t, std::pair<EventId, std::tuple<SimTime, std::int32_t, std::uint64_t>>> live;
    std::uint64_t seq = 0;
    SimTime now = 0;
    for (int step = 0; step < 200000; ++step) {
        const auto op = rng.below(10);
        if (op < 5) {
            const SimTime t = now + static_cast<SimTime>(rng.below(1000));
            const auto pr = static_cast<std::int32_t>(rng.below(4));
            const EventId id = q.push(at(t, pr, seq));
            ref[{t, pr, seq}] = seq;
            live[seq] = {id, {t, pr, seq}};
            ++seq;
        } else if (op < 8) {
            if (ref.empty()) {
                ASSERT_TRUE(q.empty());
                continue;
            }
            const Event e = q.pop();
            const auto expected = ref.begin();
            ASSERT_EQ(e.payload, expected->second);
            ASSERT_EQ(e.time, std::get<0>(expected->first));
            now = e.time;
            live.erase(e.payload);
            ref.erase(expected);
        } else if (!live.empty()) {
            auto it = live.lower_bound(rng.below(seq));
            if (it == live.end())
                it = live.begin();
            ASSERT_TRUE(q.cancel(it->second.first));
            ref.erase(it->second.second);
            live.erase(it);
        }
        ASSERT_EQ(q.size(), ref.size());
    }
}
