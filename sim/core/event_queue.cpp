#include "sim/core/event_queue.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace cp::core {
namespace {
// Full order, for the early heap (std heaps keep the greatest element in front).
bool later(const Event& a, const Event& b)
{
    if (a.time != b.time)
        return a.time > b.time;
    if (a.priority != b.priority)
        return a.priority > b.priority;
    return a.sequence > b.sequence;
}
}  // namespace

std::uint32_t EventQueue::newSlot()
{
    if (m_generation.size() >= 0xfffffffeULL)
        throw std::length_error("event queue: too many pending events");
    m_generation.push_back(0);
    return static_cast<std::uint32_t>(m_generation.size() - 1);
}

bool EventQueue::cancel(EventId id)
{
    if (!isPending(id))
        return false;
    // The entry stays where it is as a tombstone and is dropped when it reaches the front;
    // its stamp no longer matches, so the slot can be reused right away.
    retire(slotOf(id));
    --m_live;
    return true;
}

void EventQueue::dropFront()
{
    if (!m_early.empty()) {
        std::pop_heap(m_early.begin(), m_early.end(), later);
        m_early.pop_back();
    } else {
        ++m_head;
    }
}

void EventQueue::pushEarly(const Event& e)
{
    m_early.push_back(e);
    std::push_heap(m_early.begin(), m_early.end(), later);
}

// The front run is used up: refill it from the lowest non-empty bucket, whose keys are all
// below those of higher buckets. A small bucket becomes the front run whole, sorted (it is
// in sequence order already, so a stable sort by key gives the full order); that saves the
// repeated splitting that costs most when events are sparse. A large one is split around its
// minimum: equal keys form the front run, the rest move to strictly lower buckets. Buckets
// above keep their meaning because the new minimum shares all their higher key bits.
bool EventQueue::refill()
{
    std::vector<Event>& front = m_buckets[0];
    front.clear();
    m_head = 0;
    if (m_live < kToSmall) {
        toSmall();
        return false;
    }
    m_nonEmpty[0] &= ~std::uint64_t{1}; // bit 0 (the front) may be set by splitting
    std::size_t b;
    if (m_nonEmpty[0] != 0)
        b = static_cast<std::size_t>(std::countr_zero(m_nonEmpty[0]));
    else if (m_nonEmpty[1] != 0)
        b = 64 + static_cast<std::size_t>(std::countr_zero(m_nonEmpty[1]));
    else
        return false;
    std::vector<Event>& from = m_buckets[b];
    m_nonEmpty[b >> 6] &= ~(std::uint64_t{1} << (b & 63));

    if (from.size() <= kWholeBucket && b <= 64 - kIndexBits) {
        // Sort small words instead of events: the keys of bucket b differ only in their low
        // b - 1 bits, which leaves room for the entry's index below them. The index, being in
        // sequence order, breaks ties, so the sort gives the full (key, sequence) order.
        const std::uint64_t varying = (std::uint64_t{1} << (b - 1)) - 1;
        std::array<std::uint64_t, kWholeBucket> order;
        const std::size_t n = from.size();
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t w = ((static_cast<std::uint64_t>(keyOf(from[i])) & varying) << kIndexBits) | i;
            std::size_t j = i;
            for (; j > 0 && order[j - 1] > w; --j)
                order[j] = order[j - 1];
            order[j] = w;
        }
        for (std::size_t i = 0; i < n; ++i)
            front.push_back(from[order[i] & (kWholeBucket - 1)]);
        from.clear();
        m_lastKey = keyOf(front.front());
        m_bound = keyOf(front.back());
        return true;
    }

    Key least = keyOf(from.front());
    for (const Event& e : from) {
        const Key k = keyOf(e);
        least = k < least ? k : least;
    }
    m_lastKey = least;
    m_bound = least;
    // In order, so every target bucket (empty until now) stays sorted by sequence. The key
    // is held in a local: the bucket stores could alias the member and force reloads.
    const Key last = least;
    if (b <= 64) {
        std::uint64_t marked = 0; // all targets are below 64: merge their bits once
        for (const Event& e : from) {
            const std::size_t to = bucketOf(keyOf(e), last);
            m_buckets[to].push_back(e);
            marked |= std::uint64_t{1} << to;
        }
        m_nonEmpty[0] |= marked;
    } else {
        for (const Event& e : from) {
            const std::size_t to = bucketOf(keyOf(e), last);
            m_buckets[to].push_back(e);
            m_nonEmpty[to >> 6] |= std::uint64_t{1} << (to & 63);
        }
    }
    from.clear();
    return true;
}

// The heap is full, or the ticks are running out. Below kToLarge the heap grows. At kToLarge,
// mostly live: turn radix and place e there (returns true); mostly cancelled: compact the
// heap and stay small. Running out of ticks compacts too (renumbering them from 0).
bool EventQueue::growSmall(const Event& e)
{
    if (m_rootTaken)
        popRoot();
    if (m_heapSize >= m_heapCapacity) {
        if (m_heapCapacity < kToLarge) {
            growCapacity();
        } else if (m_live > kToLarge / 2) {
            toLarge();
            place(e);
            return true;
        } else {
            compactSmall();
        }
    }
    if (m_tick >= kTickLimit)
        compactSmall();
    return false;
}

// Doubles the heap's room and the store ring. Every event keeps its tick; two live ticks
// cannot meet in the larger ring, as they differ in the bits the smaller one looked at.
void EventQueue::growCapacity()
{
    const std::size_t capacity = m_heapCapacity == 0 ? kFirstCapacity : 2 * m_heapCapacity;
    // A node's four children start at an odd place: start the heap so that place 1 is on a
    // 64-byte line, and every group of children sits in one line.
    std::vector<Key> heap(capacity + kPadding + kAlignSlack, kSentinel);
    const auto address = reinterpret_cast<std::uintptr_t>(heap.data() + 1);
    const std::size_t offset = ((64 - address % 64) % 64) / kEntry;
    std::copy(this->heap(), this->heap() + static_cast<std::ptrdiff_t>(m_heapSize), heap.data() + offset);
    std::vector<Event> store(kRingPerEntry * capacity);
    const auto mask = static_cast<std::uint32_t>(store.size() - 1);
    for (std::size_t i = 0; i < m_heapSize; ++i)
        store[tickOf(heap[offset + i]) & mask] = storeOf(heap[offset + i]);
    m_heap = std::move(heap);
    m_heapOffset = offset;
    m_store = std::move(store);
    m_ringMask = mask;
    m_heapCapacity = capacity;
}

// Drops the tombstones and renumbers the live entries' ticks 0..n-1 in the same order,
// moving their events to those places of the ring. Precondition: no root taken.
void EventQueue::compactSmall()
{
    std::vector<Key> live;
    live.reserve(m_heapSize);
    for (std::size_t i = 0; i < m_heapSize; ++i) {
        const Key k = heap()[i];
        Event& e = storeOf(k);
        if (isPending(e.id))
            live.push_back(k);
        else
            e.id = kNoEvent;
    }
    std::sort(live.begin(), live.end(), [](Key a, Key b) { return tickOf(a) < tickOf(b); });
    std::vector<Event> events;
    events.reserve(live.size());
    for (const Key k : live) {
        events.push_back(storeOf(k));
        storeOf(k).id = kNoEvent;
    }
    for (std::size_t rank = 0; rank < live.size(); ++rank) {
        m_store[rank] = events[rank];
        live[rank] = (live[rank] & ~Key{0xffffffffU}) | rank;
    }
    std::sort(live.begin(), live.end()); // a sorted array is a heap
    std::fill(m_heap.begin(), m_heap.end(), kSentinel);
    std::copy(live.begin(), live.end(), heap());
    m_heapSize = live.size();
    m_tick = static_cast<std::uint32_t>(m_heapSize);
}

// Moves the live events of the heap into the radix structure, in sequence order (tick
// order) so that every bucket stays sorted by sequence; the least key becomes the minimum.
// Precondition: no root taken.
void EventQueue::toLarge()
{
    std::vector<Key> entries(heap(), heap() + static_cast<std::ptrdiff_t>(m_heapSize));
    std::fill(m_heap.begin(), m_heap.end(), kSentinel);
    m_heapSize = 0;
    std::sort(entries.begin(), entries.end(), [](Key a, Key b) { return tickOf(a) < tickOf(b); });
    m_buckets[0].clear();
    m_head = 0;
    m_nonEmpty = {};
    m_small = false;
    bool any = false;
    Key least = 0;
    for (const Key k : entries) {
        const Event& e = storeOf(k);
        if (isPending(e.id)) {
            least = any ? std::min(least, keyOf(e)) : keyOf(e);
            any = true;
        }
    }
    m_lastKey = least;
    m_bound = least;
    for (const Key k : entries) {
        Event& e = storeOf(k);
        if (isPending(e.id))
            place(e);
        e.id = kNoEvent;
    }
    m_tick = 0;
}

// Empties the radix structure (events must have been moved out or released first).
void EventQueue::resetRadix()
{
    for (auto& bucket : m_buckets)
        bucket.clear();
    m_early.clear();
    m_head = 0;
    m_nonEmpty = {};
    m_lastKey = 0;
    m_bound = 0;
}

// Few events are left in the radix structure: move the live ones into the heap, in sequence
// order, so that their ticks follow it.
void EventQueue::toSmall()
{
    std::vector<Event> live;
    live.reserve(m_live);
    auto collect = [&](const Event& e) {
        if (isPending(e.id))
            live.push_back(e);
    };
    forEachRadixEvent(collect);
    assert(live.size() == m_live);
    std::sort(live.begin(), live.end(), [](const Event& a, const Event& b) { return a.sequence < b.sequence; });
    resetRadix();
    m_small = true;
    std::fill(m_heap.begin(), m_heap.end(), kSentinel);
    m_heapSize = 0;
    m_rootTaken = false;
    m_tick = 0;
    for (const Event& e : live)
        pushSmall(e);
}

void EventQueue::clear()
{
    auto release = [this](const Event& e) {
        if (isPending(e.id))
            retire(slotOf(e.id));
    };
    if (m_rootTaken)
        popRoot();
    for (std::size_t i = 0; i < m_heapSize; ++i) {
        release(storeOf(heap()[i]));
        storeOf(heap()[i]).id = kNoEvent;
    }
    std::fill(m_heap.begin(), m_heap.end(), kSentinel);
    m_heapSize = 0;
    m_tick = 0;
    m_small = true;
    forEachRadixEvent(release);
    resetRadix();
    m_live = 0;
}

void EventQueue::reserve(std::size_t n)
{
    m_generation.reserve(n);
    m_free.reserve(n);
}

}  // namespace cp::core
