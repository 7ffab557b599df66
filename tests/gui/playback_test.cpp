// Play / pause / step / reset over a run's months.
#include "app/gui/playback_controller.hpp"
#include "test_support.hpp"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace cp::gui;
using namespace cp::gui::test;
using cp::core::SimTime;

namespace {
std::vector<SimTime> months(int n)
{
    std::vector<SimTime> out;
    for (int i = 0; i < n; ++i)
        out.push_back(cp::core::addMonths(cp::core::fromDate(2022, 1, 1), i));
    return out;
}
} // namespace

TEST(Playback, AFreshRunShowsEverything)
{
    PlaybackController p;
    QSignalSpy cursor(&p, &PlaybackController::cursorChanged);
    p.setPeriods(months(72));
    EXPECT_EQ(p.cursor(), 71);
    EXPECT_FALSE(p.reveals());
    ASSERT_EQ(cursor.count(), 1);
}

TEST(Playback, PlayAdvancesPauseHoldsResetReturns)
{
    PlaybackController p;
    p.setPeriods(months(72));
    p.setSpeed(24);
    p.play(); // at the end: starts over
    EXPECT_TRUE(p.isPlaying());
    EXPECT_TRUE(p.reveals());
    ASSERT_TRUE(waitUntil([&] { return p.cursor() >= 4; }, 5000));
    p.pause();
    const int at = p.cursor();
    QTest::qWait(200);
    EXPECT_EQ(p.cursor(), at);
    EXPECT_FALSE(p.isPlaying());
    p.stepForward();
    EXPECT_EQ(p.cursor(), at + 1);
    p.stepBack();
    p.stepBack();
    EXPECT_EQ(p.cursor(), at - 1);
    p.reset();
    EXPECT_EQ(p.cursor(), 0);
    EXPECT_TRUE(p.reveals());
    p.showAll();
    EXPECT_EQ(p.cursor(), 71);
    EXPECT_FALSE(p.reveals());
}

TEST(Playback, StopsAtTheEnd)
{
    PlaybackController p;
    p.setPeriods(months(6));
    p.setSpeed(60);
    p.reset();
    p.play();
    ASSERT_TRUE(waitUntil([&] { return !p.isPlaying(); }, 5000));
    EXPECT_EQ(p.cursor(), 5);
}

TEST(Playback, NewResultsKeepTheCursorDate)
{
    PlaybackController p;
    p.setPeriods(months(72));
    p.reset();
    p.seek(30);
    p.setPeriods(months(72));
    EXPECT_EQ(p.cursor(), 30);
    EXPECT_TRUE(p.reveals());
    p.seekDate(cp::core::fromDate(2025, 6, 15));
    EXPECT_EQ(p.cursorDate(), cp::core::fromDate(2025, 6, 1));
}

TEST(Playback, SpeedSteps)
{
    PlaybackController p;
    p.setSpeed(4);
    p.faster();
    EXPECT_EQ(p.speed(), 8);
    p.slower();
    p.slower();
    EXPECT_EQ(p.speed(), 2);
}
