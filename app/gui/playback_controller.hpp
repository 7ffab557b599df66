// Play / pause / step / reset over the months of an already computed run: the whole scenario
// is simulated in milliseconds, so "playing" animates a cursor date through its results at a
// chosen speed (months per second), and edits during playback swap the results under the
// cursor without stopping it. No simulation happens here.
#pragma once

#include "sim/core/sim_time.hpp"

#include <QObject>
#include <QTimer>

#include <vector>

namespace cp::gui {

class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(QObject* parent = nullptr);

    /// New results: keeps the cursor on the same date when it still exists.
    void setPeriods(std::vector<core::SimTime> periods);

    [[nodiscard]] bool isPlaying() const { return m_timer.isActive(); }
    [[nodiscard]] int cursor() const { return m_cursor; }
    [[nodiscard]] int periodCount() const { return static_cast<int>(m_periods.size()); }
    [[nodiscard]] core::SimTime cursorDate() const;
    /// True once playback started: charts then show values only up to the cursor.
    [[nodiscard]] bool reveals() const { return m_reveal; }
    [[nodiscard]] double speed() const { return m_speed; }

    static const std::vector<double>& speeds(); ///< the offered months-per-second steps

public slots:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    /// Back to the first month, paused, ready to play.
    void reset();
    /// Stops and shows the whole run (cursor on the last month).
    void showAll();
    void seek(int index);
    void seekDate(core::SimTime date);
    void setSpeed(double monthsPerSecond);
    void faster();
    void slower();

signals:
    void cursorChanged(int index, core::SimTime date, bool reveal);
    void playingChanged(bool playing);
    void speedChanged(double monthsPerSecond);

private:
    void tick();
    void moveTo(int index, bool reveal);

    std::vector<core::SimTime> m_periods;
    QTimer m_timer;
    int m_cursor = 0;
    bool m_reveal = false;
    double m_speed = 4;
};

} // namespace cp::gui
