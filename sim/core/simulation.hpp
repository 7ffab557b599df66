#pragma once
// The discrete-event engine: a clock, the pending-event queue and a table of named event
// kinds with their handlers. No globals: every run owns its Simulation, so runs can go on
// in parallel threads without sharing anything.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/core/event_queue.hpp"
#include "sim/core/fingerprint.hpp"

namespace cp::core {

class Simulation;
using Handler = std::function<void(Simulation&, const Event&)>;

enum class StopReason { QueueEmpty, ReachedTime, BudgetExhausted, Stopped };

class Simulation {
public:
    // Registers an event kind; the returned index is what scheduleAt takes.
    std::uint32_t registerKind(std::string name, Handler handler);
    [[nodiscard]] const std::string& kindName(std::uint32_t kind) const;

    [[nodiscard]] SimTime now() const { return m_now; }
    // Sets the clock before the first event; throws if events already ran.
    void setStartTime(SimTime t);

    // Schedules an event. Scheduling in the past throws std::logic_error: an event can
    // never run before the event that scheduled it.
    // Inline: handlers schedule on every event, and the call would cost more than the push.
    EventId scheduleAt(SimTime t, std::uint32_t kind, std::uint32_t target = 0, std::uint64_t payload = 0,
                       std::int32_t priority = 0)
    {
        if (t < m_now || kind >= m_kinds.size()) [[unlikely]]
            rejectSchedule(t, kind);
        return m_queue.emplace(t, priority, kind, target, payload);
    }
    EventId scheduleIn(SimTime delay, std::uint32_t kind, std::uint32_t target = 0, std::uint64_t payload = 0,
                       std::int32_t priority = 0)
    {
        return scheduleAt(m_now + delay, kind, target, payload, priority);
    }
    bool cancel(EventId id) { return m_queue.cancel(id); }
    [[nodiscard]] bool isPending(EventId id) const { return m_queue.isPending(id); }

    // Runs the single next event; false when the queue is empty.
    bool step();
    // Runs every event with time < end (exclusive), then sets the clock to end.
    StopReason runUntil(SimTime end);
    // Runs at most maxEvents events (for interactive stepping and watchdogs).
    StopReason runFor(std::uint64_t maxEvents);
    // Asks a running runUntil/runFor to return after the current event.
    void stop() { m_stopRequested = true; }

    [[nodiscard]] std::uint64_t eventCount() const { return m_eventCount; }
    [[nodiscard]] std::size_t pending() const { return m_queue.size(); }
    [[nodiscard]] bool hasPending() { return !m_queue.empty(); }
    [[nodiscard]] SimTime nextTime() { return m_queue.top().time; }
    // Hash of every processed event's (time, kind, target, payload), in order.
    [[nodiscard]] const Fingerprint& fingerprint() const { return m_fingerprint; }
    void reserve(std::size_t events) { m_queue.reserve(events); }

private:
    [[noreturn]] void rejectSchedule(SimTime t, std::uint32_t kind) const;
    [[gnu::always_inline]] void dispatch(const Event& e)
    {
        m_now = e.time;
        ++m_eventCount;
        m_fingerprint.addSigned(e.time);
        m_fingerprint.add((static_cast<std::uint64_t>(e.kind) << 32) | e.target);
        m_fingerprint.add(e.payload);
        m_kinds[e.kind].handler(*this, e);
    }

    struct Kind {
        std::string name;
        Handler handler;
    };
    std::vector<Kind> m_kinds;
    EventQueue m_queue;
    Fingerprint m_fingerprint;
    SimTime m_now = 0;
    std::uint64_t m_eventCount = 0;
    bool m_stopRequested = false;
};

}  // namespace cp::core
