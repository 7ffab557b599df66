#include "app/gui/run_controls.hpp"

#include "app/gui/playback_controller.hpp"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

namespace cp::gui {

RunControls::RunControls(PlaybackController* playback, const QList<QAction*>& actions, QWidget* parent)
    : QWidget(parent), m_playback(playback)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(2);
    for (QAction* a : actions) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setAutoRaise(true);
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        layout->addWidget(b);
    }
    layout->addSpacing(6);
    auto* speedLabel = new QLabel(tr("Speed"), this);
    m_speed = new QComboBox(this);
    for (double s : PlaybackController::speeds())
        m_speed->addItem(tr("%1 mo/s").arg(s), s);
    m_speed->setToolTip(tr("Playback speed in simulated months per second"));
    speedLabel->setBuddy(m_speed);
    layout->addWidget(speedLabel);
    layout->addWidget(m_speed);
    layout->addSpacing(10);

    m_scrubber = new QSlider(Qt::Horizontal, this);
    m_scrubber->setMinimumWidth(160);
    m_scrubber->setPageStep(12);
    m_scrubber->setToolTip(tr("Date: drag to move through the run's months"));
    m_scrubber->setAccessibleName(tr("Date scrubber"));
    layout->addWidget(m_scrubber, 1);
    m_date = new QLabel(this);
    m_date->setMinimumWidth(m_date->fontMetrics().horizontalAdvance(QStringLiteral("2027-12  ")));
    m_date->setAlignment(Qt::AlignCenter);
    QFont f = m_date->font();
    f.setBold(true);
    m_date->setFont(f);
    layout->addWidget(m_date);

    connect(m_speed, &QComboBox::activated, this, [this](int i) { m_playback->setSpeed(m_speed->itemData(i).toDouble()); });
    connect(m_playback, &PlaybackController::speedChanged, this, &RunControls::syncSpeed);
    connect(m_scrubber, &QSlider::valueChanged, m_playback, &PlaybackController::seek);
    connect(m_playback, &PlaybackController::cursorChanged, this, [this](int index, core::SimTime date, bool) {
        const QSignalBlocker block(m_scrubber);
        m_scrubber->setRange(0, std::max(0, m_playback->periodCount() - 1));
        m_scrubber->setValue(index);
        m_date->setText(QString::fromStdString(core::formatDate(date)).left(7));
    });
    syncSpeed(m_playback->speed());
}

void RunControls::syncSpeed(double monthsPerSecond)
{
    const QSignalBlocker block(m_speed);
    int best = 0;
    for (int i = 0; i < m_speed->count(); ++i)
        if (std::abs(m_speed->itemData(i).toDouble() - monthsPerSecond) <
            std::abs(m_speed->itemData(best).toDouble() - monthsPerSecond))
            best = i;
    m_speed->setCurrentIndex(best);
}

} // namespace cp::gui
