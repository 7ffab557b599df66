#include "sim/core/event_queue.hpp"

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace cp::core {
namespace {
constexpr std::size_t kArity = 4;

EventId makeId(std::uint32_t slot, std::uint32_t generation)
{
    return (static_cast<std::uint64_t>(generation) << 32) | (static_cast<std::uint64_t>(slot) + 1);
}
std::uint32_t slotOf(EventId id) { return static_cast<std::uint32_t>((id & 0xffffffffULL) - 1); }
std::uint32_t generationOf(EventId id) { return static_cast<std::uint32_t>(id >> 32); }
}  // namespace

EventId EventQueue::push(Event e)
{
    std::uint32_t slot;
    if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
    } else {
        if (m_slots.size() >= 0xfffffffeULL)
            throw std::length_error("event queue: too many pending events");
        slot = static_cast<std::uint32_t>(m_slots.size());
        m_slots.emplace_back();
    }
    Slot& s = m_slots[slot];
    e.sequence = m_nextSequence++;
    e.id = makeId(slot, s.generation);
    s.event = e;
    s.live = true;
    m_heap.push_back({e.time, e.priority, slot, e.sequence});
    siftUp(m_heap.size() - 1);
    ++m_live;
    return e.id;
}

bool EventQueue::isPending(EventId id) const
{
    if (id == kNoEvent)
        return false;
    const std::uint32_t slot = slotOf(id);
    return slot < m_slots.size() && m_slots[slot].live && m_slots[slot].generation == generationOf(id);
}

bool EventQueue::cancel(EventId id)
{
    if (!isPending(id))
        return false;
    // The heap entry stays as a tombstone and is discarded when it reaches the root;
    // the slot is recycled only then, so the entry never points at a reused slot.
    m_slots[slotOf(id)].live = false;
    --m_live;
    return true;
}

void EventQueue::releaseSlot(std::uint32_t slot)
{
    Slot& s = m_slots[slot];
    s.live = false;
    ++s.generation;
    if (s.generation == 0)
        s.generation = 1;
    m_free.push_back(slot);
}

void EventQueue::dropDeadRoots()
{
    while (!m_heap.empty() && !m_slots[m_heap.front().slot].live) {
        releaseSlot(m_heap.front().slot);
        popHeapRoot();
    }
}

const Event& EventQueue::top()
{
    dropDeadRoots();
    assert(!m_heap.empty());
    return m_slots[m_heap.front().slot].event;
}

Event EventQueue::pop()
{
    dropDeadRoots();
    assert(!m_heap.empty());
    const std::uint32_t slot = m_heap.front().slot;
    Event e = m_slots[slot].event;
    releaseSlot(slot);
    popHeapRoot();
    --m_live;
    return e;
}

void EventQueue::popHeapRoot()
{
    m_heap.front() = m_heap.back();
    m_heap.pop_back();
    if (!m_heap.empty())
        siftDown(0);
}

void EventQueue::siftUp(std::size_t i)
{
    const Entry moving = m_heap[i];
    while (i > 0) {
        const std::size_t parent = (i - 1) / kArity;
        if (!before(moving, m_heap[parent]))
            break;
        m_heap[i] = m_heap[parent];
        i = parent;
    }
    m_heap[i] = moving;
}

void EventQueue::siftDown(std::size_t i)
{
    const std::size_t n = m_heap.size();
    const Entry moving = m_heap[i];
    for (;;) {
        const std::size_t first = i * kArity + 1;
        if (first >= n)
            break;
        std::size_t best = first;
        const std::size_t last = std::min(first + kArity, n);
        for (std::size_t c = first + 1; c < last; ++c)
            if (before(m_heap[c], m_heap[best]))
                best = c;
        if (!before(m_heap[best], moving))
            break;
        m_heap[i] = m_heap[best];
        i = best;
    }
    m_heap[i] = moving;
}

void EventQueue::clear()
{
    for (const Entry& e : m_heap)
        releaseSlot(e.slot);
    m_heap.clear();
    m_live = 0;
}

void EventQueue::reserve(std::size_t n)
{
    m_heap.reserve(n);
    m_slots.reserve(n);
}

}  // namespace cp::core
