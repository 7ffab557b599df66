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
// Small-queue mode: while at most kToLarge entries are pending, the queue is instead a 4-ary
// min-heap of 16-byte words (time, priority, tick) with the events themselves in a store
// ring. The tick is a 32-bit push counter, so one 128-bit comparison gives the full order
// (it stands in for the sequence; renumbered before it could wrap), and its low bits name
// the event's place in the ring. A taken root stays in place until the next push replaces
// it (a handler usually schedules one event: one heap walk per event instead of two); the
// walks sink the hole along the least children, then let the entry rise. For a few thousand
// events this beats the radix structure's refills (measured with PHOLD: bench/README.md).
// The queue turns radix when the heap is full of live entries (kToLarge), and turns small
// again at a refill once fewer than kToSmall events are live: the gap keeps a queue hovering
// near one size from switching back and forth (a switch moves every pending event).
//
// Cancellation is lazy: an id is (generation, slot); cancelling or running an event bumps
// its slot's generation and frees the slot at once, and an entry whose stamp no longer
// matches is dropped when it reaches the front. Generations are 32-bit: an id could only be
// confused after 2^32 reuses of one slot.
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <cstring>
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
    EventId push(const Event& e) { return emplace(e.time, e.priority, e.kind, e.target, e.payload); }
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
    [[nodiscard, gnu::always_inline]] const Event* peek()
    {
        if (m_small) [[likely]]
            return peekSmall();
        for (;;) {
            const Event* e;
            if (!m_early.empty()) {
                e = &m_early.front();
            } else {
                // Pointer compare: size() would divide by the 48-byte event size.
                if (m_buckets[0].data() + m_head == std::to_address(m_buckets[0].end()) && !refill())
                    return m_small ? peekSmall() : nullptr; // empty, or turned small
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

    // Mode thresholds (see the top): heap entries, live or cancelled, that turn the queue
    // radix; live events below which it turns small again. Public for tests.
    static constexpr std::size_t kToLarge = 4096;
    static constexpr std::size_t kToSmall = 1024;
    // Whether the small heap holds the events now (for tests and diagnostics).
    [[nodiscard]] bool smallMode() const { return m_small; }

private:
    friend class Simulation; // runs peek() then take() without re-checking the front; emplace()

    static constexpr std::size_t kBuckets = 1 + 64 + 32; // the front run, then one per key bit
    // refill() sorts buckets of up to 32 events whole (32 measured best for sparse PHOLD);
    // the sort packs an entry's index into the low 5 bits of a 64-bit sort word.
    static constexpr std::size_t kIndexBits = 5;
    static constexpr std::size_t kWholeBucket = std::size_t{1} << kIndexBits;

    static std::uint32_t slotOf(EventId id) { return static_cast<std::uint32_t>(id) - 1; }
    static std::uint32_t generationOf(EventId id) { return static_cast<std::uint32_t>(id >> 32); }

    // Removes the front found by the last peek(), which returned non-null.
    [[gnu::always_inline]] Event take()
    {
        if (m_small) [[likely]]
            return takeSmall();
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
    // ---- small-queue mode ----
    // The heap holds 128-bit words: time (sign flipped), priority (sign flipped), tick. The
    // tick is a push counter, so it orders equal keys by sequence; its low bits also name the
    // event's place in the store ring (a push skips places still taken: ticks only grow).
    static constexpr std::size_t kFirstCapacity = 64; // heap entries; doubles up to kToLarge
    static constexpr std::size_t kRingPerEntry = 4;   // store places per heap entry: few pushes skip
    static constexpr std::uint32_t kTickLimit = 0xffffffffU - kRingPerEntry * kToLarge; // renumber before wrapping
    static_assert(std::has_single_bit(kToLarge) && std::has_single_bit(kFirstCapacity) && kToSmall < kToLarge);
    static std::uint32_t tickOf(Key entry) { return static_cast<std::uint32_t>(entry); }
    Event& storeOf(Key entry) { return m_store[tickOf(entry) & m_ringMask]; }

    const Event* peekSmall()
    {
        for (;;) {
            if (m_rootTaken)
                popRoot();
            if (m_heapSize == 0)
                return nullptr;
            Event& e = storeOf(heap()[0]);
            if (m_generation[slotOf(e.id)] == generationOf(e.id)) [[likely]]
                return &e;
            e.id = kNoEvent; // a tombstone: free its place
            m_rootTaken = true;
        }
    }
    // The root's entry stays in the heap, marked taken: the next push usually replaces it
    // (one heap walk per event instead of a pop's and a push's).
    Event takeSmall()
    {
        Event& stored = storeOf(heap()[0]);
        const Event e = stored;
        stored.id = kNoEvent;
        m_rootTaken = true;
        retire(slotOf(e.id));
        --m_live;
        return e;
    }
    // Builds the event in place (in the small mode, straight into its store place).
    [[gnu::always_inline]] EventId emplace(SimTime time, std::int32_t priority, std::uint32_t kind,
                                           std::uint32_t target, std::uint64_t payload)
    {
        const std::uint32_t slot = m_free.empty() ? newSlot() : takeFreeSlot();
        const EventId id = (static_cast<std::uint64_t>(m_generation[slot]) << 32) | (static_cast<std::uint64_t>(slot) + 1);
        const std::uint64_t sequence = m_nextSequence++;
        ++m_live;
        if (m_small && m_heapSize < m_heapCapacity && m_tick < kTickLimit) [[likely]] {
            std::uint32_t tick = m_tick;
            while (m_store[tick & m_ringMask].id != kNoEvent) [[unlikely]]
                ++tick;
            m_tick = tick + 1;
            Event& e = m_store[tick & m_ringMask];
            e.time = time;
            e.priority = priority;
            e.kind = kind;
            e.target = target;
            e.payload = payload;
            e.sequence = sequence;
            e.id = id;
            pushSmallEntry(entryOf(time, priority, tick));
        } else {
            Event e;
            e.time = time;
            e.priority = priority;
            e.kind = kind;
            e.target = target;
            e.payload = payload;
            e.sequence = sequence;
            e.id = id;
            if (m_small)
                pushSmall(e);
            else
                place(e);
        }
        return id;
    }
    static Key entryOf(SimTime time, std::int32_t priority, std::uint32_t tick)
    {
        return (static_cast<Key>(static_cast<std::uint64_t>(time) ^ (std::uint64_t{1} << 63)) << 64) |
               (static_cast<std::uint64_t>(static_cast<std::uint32_t>(priority) ^ (1U << 31)) << 32) | tick;
    }
    void pushSmall(const Event& e)
    {
        if (m_heapSize >= m_heapCapacity || m_tick >= kTickLimit) [[unlikely]] {
            if (growSmall(e))
                return;
        }
        std::uint32_t tick = m_tick;
        while (m_store[tick & m_ringMask].id != kNoEvent) [[unlikely]]
            ++tick;
        m_tick = tick + 1;
        m_store[tick & m_ringMask] = e;
        pushSmallEntry(entryOf(e.time, e.priority, tick));
    }
    void pushSmallEntry(Key entry)
    {
        if (m_rootTaken) {
            m_rootTaken = false;
            replaceRoot(entry);
        } else {
            siftUp(heap(), m_heapSize++ * kEntry, entry);
        }
    }
    // The heap is 4-ary: half the levels of a binary heap, and the four children of a node
    // are adjacent. Places past the last entry hold kSentinel (above any entry: ticks stay
    // below 2^32 - 1), so a node's four children can be compared without bound checks.
    // The walks use byte offsets: child and parent are one shift and add away.
    static constexpr Key kSentinel = ~Key{0};
    static constexpr std::size_t kPadding = 3;   // sentinels past the last possible entry
    static constexpr std::size_t kAlignSlack = 3; // places to start at, so children share a cache line
    Key* heap() { return m_heap.data() + m_heapOffset; }
    static constexpr std::size_t kEntry = sizeof(Key);
    static Key& at(Key* h, std::size_t offset) { return *reinterpret_cast<Key*>(reinterpret_cast<char*>(h) + offset); }
    // Offset of the lesser of the entries at offsets a and b.
    static std::size_t lesser(Key* h, std::size_t a, std::size_t b) { return at(h, b) < at(h, a) ? b : a; }
    static void siftUp(Key* h, std::size_t hole, Key entry) // hole: byte offset
    {
        while (hole > 0) {
            const std::size_t parent = ((hole - kEntry) >> 2) & ~(kEntry - 1);
            const Key p = at(h, parent);
            if (!(entry < p))
                break;
            at(h, hole) = p;
            hole = parent;
        }
        at(h, hole) = entry;
    }
    // Moves the root's hole down to the bottom along the least children; returns its offset.
    static std::size_t sinkHole(Key* h, std::size_t end)
    {
        std::size_t hole = 0;
        for (std::size_t c = kEntry; c < end; c = 4 * hole + kEntry) {
            const std::size_t m = lesser(h, lesser(h, c, c + kEntry), lesser(h, c + 2 * kEntry, c + 3 * kEntry));
            std::memcpy(&at(h, hole), &at(h, m), kEntry);
            hole = m;
        }
        return hole;
    }
    // Puts entry in place of the taken root: the hole sinks to the bottom and entry rises
    // from there (a new event is seldom among the first, so it rarely rises far).
    void replaceRoot(Key entry)
    {
        Key* const h = heap();
        siftUp(h, sinkHole(h, m_heapSize * kEntry), entry);
    }
    // Removes the taken root: the last entry fills the sunk hole.
    void popRoot()
    {
        m_rootTaken = false;
        Key* const h = heap();
        const Key last = h[--m_heapSize];
        h[m_heapSize] = kSentinel;
        if (m_heapSize != 0)
            siftUp(h, sinkHole(h, m_heapSize * kEntry), last);
    }
    bool growSmall(const Event& e);
    void growCapacity();
    void compactSmall();
    void toLarge();
    void toSmall();
    void resetRadix();
    /// Calls f on every event stored in the radix structure (cancelled ones included).
    template <class F>
    void forEachRadixEvent(F&& f) const
    {
        std::for_each(m_buckets[0].begin() + static_cast<std::ptrdiff_t>(m_head), m_buckets[0].end(), f);
        for (std::size_t b = 1; b < kBuckets; ++b)
            std::for_each(m_buckets[b].begin(), m_buckets[b].end(), f);
        std::for_each(m_early.begin(), m_early.end(), f);
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
    // Small-queue mode (see the top): the heap and the ring of events its entries name.
    bool m_small = true;
    bool m_rootTaken = false; // the heap's root was taken and awaits its replacement
    std::uint32_t m_tick = 0;
    std::size_t m_heapSize = 0;
    std::size_t m_heapCapacity = 0;                // entries the heap has room for
    std::size_t m_heapOffset = 0;                  // heap() == m_heap.data() + m_heapOffset
    std::uint32_t m_ringMask = 0;                  // m_store.size() - 1
    std::vector<Key> m_heap;                       // m_heapCapacity + kPadding places, + kAlignSlack
    std::vector<Event> m_store;                    // kRingPerEntry * m_heapCapacity places
};

}  // namespace cp::core
