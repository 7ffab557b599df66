// The run controls: play/pause, step back and forward, reset, show the whole run, playback
// speed, and a date scrubber over the run's months. Buttons are the window's actions, so
// menus, shortcuts and buttons stay in step.
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

namespace cp::gui {

class PlaybackController;

class RunControls : public QWidget {
    Q_OBJECT
public:
    RunControls(PlaybackController* playback, const QList<QAction*>& actions, QWidget* parent = nullptr);

    [[nodiscard]] QSlider* scrubber() const { return m_scrubber; }
    [[nodiscard]] QComboBox* speedBox() const { return m_speed; }
    [[nodiscard]] QLabel* dateLabel() const { return m_date; }

private:
    void syncSpeed(double monthsPerSecond);

    PlaybackController* m_playback; // not owned
    QSlider* m_scrubber = nullptr;
    QComboBox* m_speed = nullptr;
    QLabel* m_date = nullptr;
};

} // namespace cp::gui
