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

/// An EventQueue beside a reference model (an ordered map by (time, priority, scheduling
/// order)) for the property tests: every push, pop and cancel goes to both, and every pop
/// must match. Ids that ran, were cancelled or were cleared are kept in `dead`.
struct ReferenceQueue {
    using Key = std::tuple<SimTime, std::int32_t, std::uint64_t>;
    EventQueue q;
    std::map<Key, EventId> ref;
    std::map<EventId, Key> live;
    std::vector<EventId> dead;
    std::uint64_t payload = 0;
    SimTime now = 0;

    /// Schedules an event and returns its id; `track` = false keeps it out of `live` (so
    /// cancelOne() never picks it).
    EventId push(SimTime t, std::int32_t priority, bool track = true)
    {
        const EventId id = q.push(at(t, priority, payload));
        EXPECT_TRUE(q.isPending(id));
        ref[{t, priority, payload}] = id;
        if (track)
            live[id] = {t, priority, payload};
        ++payload;
        return id;
    }

    /// Pops the next event and checks it against the reference.
    void pop()
    {
        ASSERT_FALSE(ref.empty());
        const auto& [key, id] = *ref.begin();
        ASSERT_EQ(q.top().payload, std::get<2>(key));
        const Event e = q.pop();
        ASSERT_EQ(e.payload, std::get<2>(key));
        ASSERT_EQ(e.time, std::get<0>(key));
        ASSERT_EQ(e.priority, std::get<1>(key));
        ASSERT_EQ(e.id, id);
        ASSERT_FALSE(q.isPending(e.id));
        now = e.time;
        live.erase(e.id);
        ref.erase(ref.begin());
        dead.push_back(e.id);
    }

    /// Cancels a pseudo-random live event (once: a second cancel must fail).
    void cancelOne(RngStream& rng)
    {
        if (live.empty())
            return;
        auto it = live.lower_bound(rng.next());
        if (it == live.end())
            it = live.begin();
        const EventId id = it->first;
        ASSERT_TRUE(q.cancel(id));
        ASSERT_FALSE(q.cancel(id));
        ref.erase(it->second);
        live.erase(it);
        dead.push_back(id);
    }

    /// A spent id is never pending and cannot be cancelled.
    void checkSpent(RngStream& rng, int samples)
    {
        for (int i = 0; i < samples && !dead.empty(); ++i) {
            const EventId old = dead[rng.below(dead.size())];
            ASSERT_FALSE(q.isPending(old));
            ASSERT_FALSE(q.cancel(old));
        }
    }

    void checkSize() const
    {
        ASSERT_EQ(q.size(), ref.size());
        ASSERT_EQ(q.empty(), ref.empty());
    }
};
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

namespace {
// Far-future events that keep a queue above EventQueue::kToLarge, so that it runs (and stays)
// in its radix mode while a test works on the events in front of them (never popping them).
constexpr SimTime kFarFuture = SimTime{1} << 50;
} // namespace

TEST(EventQueue, RandomOperationsMatchAReferenceModel)
{
    // Property test: interleaved push / pop / cancel against an ordered map, once in the
    // small-heap mode and once in the radix mode (held there by far-future filler events).
    for (const bool radix : {false, true}) {
        RngStream rng(12345);
        ReferenceQueue m;
        if (radix) {
            for (std::uint64_t i = 0; i <= EventQueue::kToLarge; ++i)
                m.push(kFarFuture + static_cast<SimTime>(i % 7), 0, false);
            ASSERT_FALSE(m.q.smallMode());
        }
        for (int step = 0; step < 200000; ++step) {
            const auto op = rng.below(10);
            if (op < 5) {
                m.push(m.now + static_cast<SimTime>(rng.below(1000)), static_cast<std::int32_t>(rng.below(4)));
            } else if (op < 8) {
                if (m.ref.empty()) {
                    ASSERT_TRUE(m.q.empty());
                    continue;
                }
                if (std::get<0>(m.ref.begin()->first) >= kFarFuture)
                    continue; // only filler left: keep it
                m.pop();
            } else {
                m.cancelOne(rng);
            }
            m.checkSize();
            if (testing::Test::HasFatalFailure())
                return;
        }
        EXPECT_EQ(m.q.smallMode(), !radix);
    }
}

TEST(EventQueue, DenseTiesPastKeysCancelAndClearMatchAReferenceModel)
{
    // The radix structure has three ways in: above the front run's range (buckets), inside
    // it (sorted insertion into the run) and below the last minimum (the early heap: an
    // event at the current time with a more urgent priority, or a plain queue used out of
    // time order). Few distinct times and a wide priority range hit all three, and refills
    // both sort small buckets whole and split large ones; ids of events that ran, were
    // cancelled or were cleared must never be pending again. Run in both queue modes: the
    // radix one is held by far-future filler events (never cancelled, refilled after clear).
    for (const bool radix : {false, true})
    for (const std::uint64_t timeSpread : {1U, 3U, 1U << 20}) {
        RngStream rng(99 + timeSpread);
        ReferenceQueue m;
        std::vector<EventId> filler;
        auto fill = [&] {
            if (!radix)
                return;
            for (std::uint64_t i = 0; i <= EventQueue::kToLarge; ++i)
                filler.push_back(m.push(kFarFuture + static_cast<SimTime>(i % 7), 0, false));
            ASSERT_FALSE(m.q.smallMode());
        };
        fill();
        for (int step = 0; step < 100000; ++step) {
            const auto op = rng.below(100);
            if (op < 50) {
                SimTime t = m.now + static_cast<SimTime>(rng.below(timeSpread));
                if (rng.below(50) == 0)
                    t -= static_cast<SimTime>(rng.below(5)); // behind the last event taken
                m.push(t, static_cast<std::int32_t>(rng.below(9)) - 4);
            } else if (op < 85) {
                if (m.ref.empty()) {
                    ASSERT_TRUE(m.q.empty());
                    continue;
                }
                if (std::get<0>(m.ref.begin()->first) >= kFarFuture)
                    continue; // only filler left: keep it
                m.pop();
            } else if (op < 99) {
                m.cancelOne(rng);
                m.checkSpent(rng, 1);
            } else if (rng.below(20) == 0) {
                for (const auto& [id, key] : m.live)
                    m.dead.push_back(id);
                m.dead.insert(m.dead.end(), filler.begin(), filler.end());
                filler.clear();
                m.q.clear();
                m.ref.clear();
                m.live.clear();
                m.now = 0;
                fill();
            }
            m.checkSize();
            if (testing::Test::HasFatalFailure())
                return;
        }
        for (const EventId old : m.dead)
            ASSERT_FALSE(m.q.isPending(old));
        EXPECT_EQ(m.q.smallMode(), !radix);
    }
}

TEST(EventQueue, ModeSwitchesAtTheThresholdsKeepTheOrderWithTiesAndCancellations)
{
    // The queue turns radix when its small heap fills with live events (kToLarge) and small
    // again at a refill below kToSmall live events. Drive the size across both thresholds,
    // and hover right at them, with heavy ties (one or a few distinct times, five
    // priorities), events behind the last one taken, and cancellations of events scheduled
    // in either mode; every pop must match the reference and no spent id may be pending.
    constexpr std::size_t kLarge = EventQueue::kToLarge;
    constexpr std::size_t kSmall = EventQueue::kToSmall;
    const std::vector<std::size_t> targets = {kLarge + 300, kSmall / 2,    kLarge - 1,  kLarge + 1, kLarge - 6,
                                              kLarge + 6,   kSmall + 6,    kSmall - 6,  kSmall + 6, kSmall - 1,
                                              0,            kLarge + 40,   kLarge / 2, kSmall - 20, 0};
    for (const std::uint64_t timeSpread : {1U, 4U, 3000U}) {
        RngStream rng(4242 + timeSpread);
        ReferenceQueue m;
        int toLarge = 0;
        int toSmall = 0;
        bool small = m.q.smallMode();
        auto push = [&] {
            SimTime t = m.now + static_cast<SimTime>(rng.below(timeSpread));
            if (rng.below(40) == 0)
                t -= static_cast<SimTime>(rng.below(3)); // behind the last event taken
            m.push(t, static_cast<std::int32_t>(rng.below(5)) - 2);
        };
        auto step = [&](bool growing) {
            const auto op = rng.below(100);
            if (op < (growing ? 60U : 25U))
                push();
            else if (op < 85 && !m.ref.empty())
                m.pop();
            else if (op < 85)
                push();
            else
                m.cancelOne(rng);
            if (m.q.smallMode() != small) {
                small = m.q.smallMode();
                ++(small ? toSmall : toLarge);
            }
            m.checkSize();
        };
        for (const std::size_t target : targets) {
            while (m.ref.size() != target) {
                step(m.ref.size() < target);
                if (testing::Test::HasFatalFailure())
                    return;
            }
            for (int hover = 0; hover < 300; ++hover) { // stay near the target
                step(m.ref.size() < target);
                if (testing::Test::HasFatalFailure())
                    return;
            }
            m.checkSpent(rng, 50);
        }
        while (!m.ref.empty()) {
            m.pop();
            if (testing::Test::HasFatalFailure())
                return;
        }
        EXPECT_TRUE(m.q.empty());
        EXPECT_GE(toLarge, 2);
        EXPECT_GE(toSmall, 2);
        for (const EventId old : m.dead)
            ASSERT_FALSE(m.q.isPending(old));
    }
}

TEST(EventQueue, ASmallHeapFullOfCancelledEventsIsCompactedNotTurnedRadix)
{
    // Mostly cancelled entries fill the small heap: it drops them and renumbers the ticks of
    // the rest (keeping their order, ties included) instead of turning radix.
    using Key = std::tuple<SimTime, std::int32_t, std::uint64_t>;
    RngStream rng(77);
    EventQueue q;
    std::map<Key, EventId> ref;
    std::vector<EventId> ids;
    std::uint64_t payload = 0;
    // Each round adds kToLarge / 3 entries and leaves about an eighth of them live: the heap
    // fills up every few rounds while fewer than kToLarge / 2 events are live.
    for (int round = 0; round < 10; ++round) {
        for (std::size_t i = 0; i < EventQueue::kToLarge / 3; ++i) {
            const auto t = static_cast<SimTime>(rng.below(3));
            const auto pr = static_cast<std::int32_t>(rng.below(2));
            const EventId id = q.push(at(t, pr, payload));
            ref[{t, pr, payload}] = id;
            ids.push_back(id);
            ++payload;
            ASSERT_TRUE(q.smallMode());
        }
        for (auto it = ref.begin(); it != ref.end();) { // keep about one in eight
            if (rng.below(8) != 0) {
                ASSERT_TRUE(q.cancel(it->second));
                it = ref.erase(it);
            } else {
                ++it;
            }
        }
        ASSERT_EQ(q.size(), ref.size());
    }
    ASSERT_TRUE(q.smallMode());
    for (const auto& [key, id] : ref) {
        const Event e = q.pop();
        ASSERT_EQ(e.id, id);
        ASSERT_EQ(e.payload, std::get<2>(key));
    }
    EXPECT_TRUE(q.empty());
    for (const EventId id : ids)
        ASSERT_FALSE(q.isPending(id));
}

TEST(EventQueue, ExtremeKeysKeepTheFullOrder)
{
    // Times across the whole signed 64-bit range and priorities across the 32-bit range
    // reach the highest buckets (key differences above bit 63) and the split path.
    RngStream rng(2024);
    EventQueue q;
    std::map<std::tuple<SimTime, std::int32_t, std::uint64_t>, std::uint64_t> ref;
    for (std::uint64_t i = 0; i < 5000; ++i) {
        const auto t = static_cast<SimTime>(rng.next() >> rng.below(64));
        const auto pr = static_cast<std::int32_t>(static_cast<std::uint32_t>(rng.next()) >> rng.below(32));
        const SimTime time = rng.below(2) == 0 ? t : -t;
        q.push(at(time, pr, i));
        ref[{time, pr, i}] = i;
        if (i % 7 == 0) { // some pops in between move the last minimum around
            ASSERT_EQ(q.pop().payload, ref.begin()->second);
            ref.erase(ref.begin());
        }
    }
    for (const auto& [key, payload] : ref)
        ASSERT_EQ(q.pop().payload, payload);
    EXPECT_TRUE(q.empty());
}
