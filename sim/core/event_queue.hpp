#pragma once
// The pending-event set: a 4-ary min-heap ordered by (time, priority, sequence), with O(1)
// cancellation through generation-checked slots. Sequence numbers make the order total, so
// two events at the same time and priority always run in the order they were scheduled:
// the engine never depends on heap internals or addresses for determinism.
#include <cstdint>
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
    EventId push(Event e);
    // Removes a pending event. Returns false if it already ran, was cancelled, or never existed.
    bool cancel(EventId id);
    [[nodiscard]] bool isPending(EventId id) const;
    // Removes and returns the earliest live event. Precondition: !empty().
    Event pop();
    // The earliest live event. Precondition: !empty().
    [[nodiscard]] const Event& top();
    [[nodiscard]] bool empty() { return size() == 0; }
    [[nodiscard]] std::size_t size() const { return m_live; }
    void clear();
    void reserve(std::size_t n);

private:
    struct Entry {
        SimTime time;
        std::int32_t priority;
        std::uint32_t slot;
        std::uint64_t sequence;
    };
    struct Slot {
        Event event;
        std::uint32_t generation = 1;
        bool live = false;
    };
    static bool before(const Entry& a, const Entry& b)
    {
        if (a.time != b.time)
            return a.time < b.time;
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.sequence < b.sequence;
    }
    void siftUp(std::size_t i);
    void siftDown(std::size_t i);
    void popHeapRoot();
    void dropDeadRoots();
    void releaseSlot(std::uint32_t slot);

    std::vector<Entry> m_heap;
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_free;
    std::uint64_t m_nextSequence = 0;
    std::size_t m_live = 0;
};

}  // namespace cp::core
