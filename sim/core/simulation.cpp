#include "sim/core/simulation.hpp"

#include <algorithm>
#include <stdexcept>

namespace cp::core {

std::uint32_t Simulation::registerKind(std::string name, Handler handler)
{
    if (!handler)
        throw std::invalid_argument("simulation: event kind '" + name + "' has no handler");
    m_kinds.push_back({std::move(name), std::move(handler)});
    return static_cast<std::uint32_t>(m_kinds.size() - 1);
}

const std::string& Simulation::kindName(std::uint32_t kind) const { return m_kinds.at(kind).name; }

void Simulation::setStartTime(SimTime t)
{
    if (m_eventCount != 0 || !m_queue.empty())
        throw std::logic_error("simulation: start time set after events were scheduled");
    m_now = t;
}

void Simulation::rejectSchedule(SimTime t, std::uint32_t kind) const
{
    if (t < m_now)
        throw std::logic_error("simulation: event of kind '" + kindName(kind) + "' scheduled at " + formatDate(t) +
                               ", before the current time " + formatDate(m_now));
    throw std::out_of_range("simulation: unknown event kind");
}

bool Simulation::step()
{
    if (m_queue.peek() == nullptr)
        return false;
    dispatch(m_queue.take());
    return true;
}

StopReason Simulation::runUntil(SimTime end)
{
    m_stopRequested = false;
    while (const Event* next = m_queue.peek()) {
        if (next->time >= end) {
            m_now = std::max(m_now, end);
            return StopReason::ReachedTime;
        }
        dispatch(m_queue.take());
        if (m_stopRequested)
            return StopReason::Stopped;
    }
    m_now = std::max(m_now, end);
    return StopReason::QueueEmpty;
}

StopReason Simulation::runFor(std::uint64_t maxEvents)
{
    m_stopRequested = false;
    for (std::uint64_t i = 0; i < maxEvents; ++i) {
        if (m_queue.peek() == nullptr)
            return StopReason::QueueEmpty;
        dispatch(m_queue.take());
        if (m_stopRequested)
            return StopReason::Stopped;
    }
    return m_queue.empty() ? StopReason::QueueEmpty : StopReason::BudgetExhausted;
}

}  // namespace cp::core
