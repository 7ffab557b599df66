// The command line of `chokepoint`.
#include "app/gui/app_options.hpp"

#include <gtest/gtest.h>

using cp::gui::parseAppOptions;

TEST(AppOptions, ScenarioScreenshotAndSize)
{
    const auto o = parseAppOptions({"chokepoint", "--screenshot", "out.png", "--size", "1920x1080", "s.yaml"});
    EXPECT_TRUE(o.error.isEmpty()) << o.error.toStdString();
    EXPECT_EQ(o.scenario, "s.yaml");
    EXPECT_EQ(o.screenshot, "out.png");
    EXPECT_EQ(o.size, QSize(1920, 1080));
}

TEST(AppOptions, RepeatedSetsAndViewOptions)
{
    const auto o = parseAppOptions({"chokepoint", "--set", "a.b=1", "--set", "c=2", "--view", "network", "--chart", "2",
                                    "--date", "2025-06", "--difference"});
    EXPECT_TRUE(o.error.isEmpty());
    EXPECT_EQ(o.sets, QStringList({"a.b=1", "c=2"}));
    EXPECT_EQ(o.view, "network");
    EXPECT_EQ(o.chart, 2);
    EXPECT_EQ(o.date, "2025-06");
    EXPECT_TRUE(o.difference);
}

TEST(AppOptions, BadValuesAreErrorsNotGuesses)
{
    EXPECT_FALSE(parseAppOptions({"chokepoint", "--size", "big"}).error.isEmpty());
    EXPECT_FALSE(parseAppOptions({"chokepoint", "--view", "pie"}).error.isEmpty());
    EXPECT_FALSE(parseAppOptions({"chokepoint", "--set", "novalue"}).error.isEmpty());
    EXPECT_FALSE(parseAppOptions({"chokepoint", "a.yaml", "b.yaml"}).error.isEmpty());
    EXPECT_FALSE(parseAppOptions({"chokepoint", "--frobnicate"}).error.isEmpty());
}

TEST(AppOptions, HelpMentionsTheBatchTool)
{
    const auto o = parseAppOptions({"chokepoint", "--help"});
    EXPECT_TRUE(o.help);
    EXPECT_TRUE(o.helpText.contains("chokepoint-batch"));
    EXPECT_TRUE(o.helpText.contains("--screenshot"));
}
