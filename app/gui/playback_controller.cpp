#include "app/gui/playback_controller.hpp"

#include <algorithm>
#include <cmath>

namespace cp::gui {

PlaybackController::PlaybackController(QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackController::tick);
    setSpeed(m_speed);
}

const std::vector<double>& PlaybackController::speeds()
{
    static const std::vector<double> s = {0.5, 1, 2, 4, 8, 12, 24};
    return s;
}

core::SimTime PlaybackController::cursorDate() const
{
    return m_periods.empty() ? 0 : m_periods[static_cast<std::size_t>(m_cursor)];
}

void PlaybackController::setPeriods(std::vector<core::SimTime> periods)
{
    const core::SimTime date = cursorDate();
    const bool first = m_periods.empty();
    m_periods = std::move(periods);
    if (m_periods.empty()) {
        pause();
        m_cursor = 0;
        return;
    }
    int index = static_cast<int>(m_periods.size()) - 1; // a fresh run shows everything
    if (!first) {
        auto it = std::upper_bound(m_periods.begin(), m_periods.end(), date);
        index = std::max(0, static_cast<int>(it - m_periods.begin()) - 1);
    }
    moveTo(index, m_reveal);
}

void PlaybackController::play()
{
    if (m_periods.empty() || isPlaying())
        return;
    if (m_cursor >= periodCount() - 1)
        moveTo(0, true); // at the end: play from the start
    m_reveal = true;
    m_timer.start();
    emit playingChanged(true);
    moveTo(m_cursor, true);
}

void PlaybackController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void PlaybackController::togglePlay()
{
    isPlaying() ? pause() : play();
}

void PlaybackController::stepForward()
{
    pause();
    moveTo(std::min(m_cursor + 1, periodCount() - 1), true);
}

void PlaybackController::stepBack()
{
    pause();
    moveTo(std::max(m_cursor - 1, 0), true);
}

void PlaybackController::reset()
{
    pause();
    moveTo(0, true);
}

void PlaybackController::showAll()
{
    pause();
    moveTo(periodCount() - 1, false);
}

void PlaybackController::seek(int index)
{
    moveTo(std::clamp(index, 0, std::max(0, periodCount() - 1)), m_reveal);
}

void PlaybackController::seekDate(core::SimTime date)
{
    auto it = std::upper_bound(m_periods.begin(), m_periods.end(), date);
    seek(static_cast<int>(it - m_periods.begin()) - 1);
}

void PlaybackController::setSpeed(double monthsPerSecond)
{
    m_speed = std::clamp(monthsPerSecond, 0.1, 60.0);
    m_timer.setInterval(static_cast<int>(std::lround(1000.0 / m_speed)));
    emit speedChanged(m_speed);
}

void PlaybackController::faster()
{
    const auto& s = speeds();
    auto it = std::upper_bound(s.begin(), s.end(), m_speed);
    setSpeed(it == s.end() ? s.back() : *it);
}

void PlaybackController::slower()
{
    const auto& s = speeds();
    auto it = std::lower_bound(s.begin(), s.end(), m_speed);
    setSpeed(it == s.begin() ? s.front() : *(it - 1));
}

void PlaybackController::tick()
{
    if (m_cursor >= periodCount() - 1) {
        pause();
        return;
    }
    moveTo(m_cursor + 1, true);
    if (m_cursor >= periodCount() - 1)
        pause(); // reached the end of the run
}

void PlaybackController::moveTo(int index, bool reveal)
{
    if (m_periods.empty())
        return;
    m_cursor = index;
    m_reveal = reveal;
    emit cursorChanged(m_cursor, cursorDate(), m_reveal);
}

} // namespace cp::gui
