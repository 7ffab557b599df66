#pragma once
// The pending-event set, ordered by (time, priority, sequence). Sequence numbers make the
// order total, so two events at the same time and priority always run in the order they
// were scheduled: the engine never depends on addresses or container internals.
//
// Structure: a radix heap (Ahuja et al.) over the 96-bit key (time, priority), because
// simulation time only moves forward. An event sits in bucket b = the bit width of
// key XOR (the last minimum taken out); higher buckets hold strictly larger keys. Pushing is
// an append. Events leave through the front run (bucket 0), consumed from its head; when it
// runs dry, the lowest non-empty bucket becomes the next run: whole and sorted if small
// (sparse events), else split around its minimum (equal keys form the run, the rest sink to
// lower buckets). Every bucket stays in sequence order (pushes append ever-larger
// sequences; a bucket is only split into empty lower ones), so equal keys never need
// sorting. A push inside the run's key range is inserted into it; a key below the last
// minimum (an event now with a more urgent priority) goes to a small heap served first.
// Events are stored inline, so the slot table is touched once per event, not per comparison.
//
// Cancellation is lazy: an id is (generation, slot); cancelling or running an event bumps
// its slot's generation and frees the slot at once, and an entry whose stamp no longer
// matches is dropped when it reaches the front. Generations are 32-bit: an id could only be
// confused after 2^32 reuses of one slot.
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "sim/core/sim_time.hpp"

namespace cp::core {

using EventId = std::uint64_t;
inline constexpr EventId kNoEvent = 0;

struct Event {
    SimTime time = 0;
    std::int32_t priority = 0;  // lower runs first among events at the same time
    std::uint32_t kind = 0;     // index returned by Simulation::registerKind
    std::uint32_t target = 0;   // model-defined (e.g. a firm index)
    std::uint64_t payload = 0;  // model-defined
    std::uint64_t sequence = 0; // scheduling order, assigned by the queue
    EventId id = kNoEvent;
};

class EventQueue {
public:
    EventId push(Event e)
    {
        const std::uint32_t slot = m_free.empty() ? newSlot() : takeFreeSlot();
        e.sequence = m_nextSequence++;
        e.id = (static_cast<std::uint64_t>(m_generation[slot]) << 32) | (static_cast<std::uint64_t>(slot) + 1);
        place(e);
        ++m_live;
        return e.id;
    }
    // Removes a pending event. Returns false if it already ran, was cancelled, or never existed.
    bool cancel(EventId id);
    [[nodiscard]] bool isPending(EventId id) const
    {
        const std::uint32_t slot = slotOf(id);
        return id != kNoEvent && slot < m_generation.size() && m_generation[slot] == generationOf(id);
    }
    // Removes and returns the earliest live event. Precondition: !empty().
    Event pop()
    {
        [[maybe_unused]] const Event* front = peek();
        assert(front != nullptr);
        return take();
    }
    // The earliest live event. Precondition: !empty(). Invalidated by any other call.
    [[nodiscard]] const Event& top() { return *peek(); }
    // The earliest live event, or nullptr when none is left. Invalidated by any other call.
    [[nodiscard]] const Event* peek()
    {
        for (;;) {
            const Event* e;
            if (!m_early.empty()) {
                e = &m_early.front();
            } else {
                // Pointer compare: size() would divide by the 48-byte event size.
                if (m_buckets[0].data() + m_head == std::to_address(m_buckets[0].end()) && !refill())
                    return nullptr;
                e = m_buckets[0].data() + m_head;
            }
            if (m_generation[slotOf(e->id)] == generationOf(e->id))
                return e;
            dropFront(); // a cancelled event's tombstone
        }
    }
    [[nodiscard]] bool empty() const { return m_live == 0; }
    [[nodiscard]] std::size_t size() const { return m_live; }
    void clear();
    void reserve(std::size_t n);

private:
    friend class Simulation; // runs peek() then take() without re-checking the front

    static constexpr std::size_t kBuckets = 1 + 64 + 32; // the front run, then one per key bit
    // refill() sorts buckets of up to 32 events whole (32 measured best for sparse PHOLD);
    // the sort packs an entry's index into the low 5 bits of a 64-bit sort word.
    static constexpr std::size_t kIndexBits = 5;
    static constexpr std::size_t kWholeBucket = std::size_t{1} << kIndexBits;

    static std::uint32_t slotOf(EventId id) { return static_cast<std::uint32_t>(id) - 1; }
    static std::uint32_t generationOf(EventId id) { return static_cast<std::uint32_t>(id >> 32); }

    // Removes the front found by the last peek(), which returned non-null.
    Event take()
    {
        Event e;
        if (!m_early.empty()) {
            e = m_early.front();
            dropFront();
        } else {
            const Event* next = m_buckets[0].data() + m_head++;
            e = *next++;
            // The next front's generation is checked soon; start loading it now (it is a
            // cache miss when a million events are pending).
            if (next != std::to_address(m_buckets[0].end()))
                __builtin_prefetch(&m_generation[slotOf(next->id)]);
        }
        retire(slotOf(e.id));
        --m_live;
        return e;
    }
    // The 96-bit key (time, priority) as one unsigned number: sign bits flipped so that
    // unsigned order is the signed order, time above priority.
    __extension__ using Key = unsigned __int128;
    static Key keyOf(const Event& e)
    {
        return (static_cast<Key>(static_cast<std::uint64_t>(e.time) ^ (std::uint64_t{1} << 63)) << 32) |
               (static_cast<std::uint32_t>(e.priority) ^ (std::uint32_t{1} << 31));
    }
    // Bucket of key k: the bit width of k ^ last (0 when equal). No zero test: v | 1 has the
    // top bit of any v > 0, and (v == 0) corrects the width of 0.
    static std::size_t bucketOf(Key k, Key last)
    {
        const Key x = k ^ last;
        const auto high = static_cast<std::uint64_t>(x >> 64);
        const auto low = static_cast<std::uint64_t>(x);
        if (high != 0) [[unlikely]] // time differences of 2^32 and more
            return 128 - static_cast<std::size_t>(std::countl_zero(high));
        return 64 - static_cast<std::size_t>(std::countl_zero(low | 1)) - (low == 0 ? 1 : 0);
    }
    void place(const Event& e)
    {
        const Key k = keyOf(e);
        if (k > m_bound) {
            const std::size_t b = bucketOf(k, m_lastKey); // >= 1: k > bound >= last
            m_buckets[b].push_back(e);
            m_nonEmpty[b >> 6] |= std::uint64_t{1} << (b & 63);
        } else if (k >= m_lastKey) {
            insertFront(e, k);
        } else [[unlikely]] {
            pushEarly(e);
        }
    }
    // Sorted insertion into the front run; the new event has the largest sequence, so it goes
    // after every equal key. Usually an append: same key as the front, or a short run.
    void insertFront(const Event& e, Key k)
    {
        std::vector<Event>& front = m_buckets[0];
        front.push_back(e);
        std::size_t i = front.size() - 1;
        while (i > m_head && keyOf(front[i - 1]) > k) {
            front[i] = front[i - 1];
            --i;
        }
        front[i] = e;
    }
    void retire(std::uint32_t slot)
    {
        ++m_generation[slot];
        m_free.push_back(slot);
    }
    std::uint32_t takeFreeSlot()
    {
        const std::uint32_t slot = m_free.back();
        m_free.pop_back();
        return slot;
    }
    std::uint32_t newSlot();
    bool refill();
    void dropFront();
    void pushEarly(const Event& e);

    std::array<std::vector<Event>, kBuckets> m_buckets;
    std::size_t m_head = 0;                     // consumed prefix of the front run
    std::array<std::uint64_t, 2> m_nonEmpty{};  // bit b: bucket b has entries (bit 0 ignored)
    Key m_lastKey = 0;                          // minimum of the bucket last turned into the run
    Key m_bound = 0;                            // largest key that belongs in the front run
    std::vector<Event> m_early;                 // min-heap of keys below m_lastKey
    std::vector<std::uint32_t> m_generation;    // per slot: stamp of its current id
    std::vector<std::uint32_t> m_free;
    std::uint64_t m_nextSequence = 0;
    std::size_t m_live = 0;
};

}  // namespace cp::core
