// Which parameters the panel offers and how: ranges from distributions, units, citations,
// schedules as factors; values read back from the overrides they write.
#include "app/gui/param_catalog.hpp"
#include "app/gui/yaml_text.hpp"
#include "test_support.hpp"

#include "sim/scenario/loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace cp::gui;
using namespace cp::gui::test;

namespace {

const cp::scenario::Scenario& baseline()
{
    static const auto s = cp::scenario::loadScenario(baselinePath().toStdString());
    return s;
}

const ParamControl& find(const std::vector<ParamControl>& controls, const std::string& path)
{
    static ParamControl none;
    auto it = std::find_if(controls.begin(), controls.end(), [&](const ParamControl& c) { return c.path == path; });
    return it == controls.end() ? none : *it;
}

} // namespace

TEST(ParamCatalog, UncertainValuesUseTheirDistributionAsRange)
{
    const auto controls = buildParamControls(baseline());
    const auto& c = find(controls, "firms.deepseek.algorithmic_efficiency");
    ASSERT_EQ(c.path, "firms.deepseek.algorithmic_efficiency");
    EXPECT_TRUE(c.key);
    EXPECT_DOUBLE_EQ(c.sliderMin, 1.2);
    EXPECT_DOUBLE_EQ(c.sliderMax, 3.0);
    EXPECT_DOUBLE_EQ(c.baseValue, 2.0);
    EXPECT_EQ(c.unit, "x");
    EXPECT_EQ(c.entity, "DeepSeek");
    const QString tip = tooltipFor(c, 2.0);
    EXPECT_TRUE(tip.contains("DeepSeek-V3")) << tip.toStdString(); // the citation
    EXPECT_TRUE(tip.contains("triangular"));
    EXPECT_TRUE(tip.contains("baseline.yaml, line"));
}

TEST(ParamCatalog, SharesSpanZeroToOneAndChipCriteriaAreNotOffered)
{
    const auto controls = buildParamControls(baseline());
    const auto& c = find(controls, "policies.us-h20-resumed.revenue_share");
    EXPECT_DOUBLE_EQ(c.sliderMin, 0);
    EXPECT_DOUBLE_EQ(c.sliderMax, 1);
    EXPECT_DOUBLE_EQ(c.validMax, 1);
    for (const auto& ctl : controls)
        EXPECT_EQ(ctl.path.find(".match."), std::string::npos) << ctl.path;
}

TEST(ParamCatalog, DatedSchedulesAreScaledAsAWhole)
{
    const auto controls = buildParamControls(baseline());
    const auto& c = find(controls, "producers.huawei.lines.ascend-910c.dies_per_month");
    ASSERT_TRUE(c.scheduleFactor);
    EXPECT_TRUE(c.key);
    EXPECT_EQ(c.baseValue, 1.0);
    const auto text = overrideFor(c, 1.5);
    ASSERT_TRUE(text);
    EXPECT_NE(text->find("2026-06-01: 199500"), std::string::npos) << *text;
    EXPECT_NEAR(controlValue(c, text), 1.5, 1e-6);
    EXPECT_FALSE(overrideFor(c, 1.0)) << "the scenario's own schedule needs no override";
    // Its Monte Carlo range is a factor too, and the slider spans it.
    EXPECT_TRUE(c.info.scheduleFactor);
    EXPECT_TRUE(tooltipFor(c, 1.0).contains("a factor on every point"));
    EXPECT_LE(c.sliderMin, c.info.dist.a);
    EXPECT_GE(c.sliderMax, c.info.dist.b);
    // The override loads and scales the line as asked.
    const auto s = cp::scenario::loadScenario(baselinePath().toStdString(), {{{c.path, *text}}, {}});
    const auto* sched = findSchedule(s, c.path);
    ASSERT_NE(sched, nullptr);
    EXPECT_DOUBLE_EQ(sched->points.back().second, 133000 * 1.5);
    // A yield schedule may not be scaled past 100%.
    const auto& yield = find(controls, "producers.huawei.lines.ascend-910c.yield");
    EXPECT_LE(yield.sliderMax * 0.6, 1.0 + 1e-9);
}

TEST(ParamCatalog, ScalarOverridesReadBack)
{
    const auto controls = buildParamControls(baseline());
    const auto& c = find(controls, "policies.cn-h20-discouraged.share_blocked");
    // The scenario's own value (whatever the calibration set it to) needs no override.
    double own = -1;
    for (const auto& p : baseline().policies)
        if (p.id == "cn-h20-discouraged")
            own = p.shareBlocked;
    ASSERT_GE(own, 0.0);
    ASSERT_NE(own, 0.65);
    EXPECT_FALSE(overrideFor(c, own));
    EXPECT_EQ(overrideFor(c, 0.65), std::optional<std::string>("0.65"));
    EXPECT_DOUBLE_EQ(controlValue(c, std::string("0.65")), 0.65);
    EXPECT_DOUBLE_EQ(controlValue(c, std::string("{value: 0.7, source: \"x\"}")), 0.7);
    EXPECT_TRUE(std::isnan(controlValue(c, std::string("not a number"))));
    EXPECT_DOUBLE_EQ(roundForDisplay(2.34567), 2.35);
    EXPECT_DOUBLE_EQ(roundForDisplay(49901.2), 49900);
}

TEST(YamlText, ScalarsArePlainOnlyWhenUnambiguous)
{
    EXPECT_EQ(yaml::quoteScalar("2025-06-01"), "2025-06-01");
    EXPECT_EQ(yaml::quoteScalar("0.35"), "0.35");
    EXPECT_EQ(yaml::quoteScalar("us-h20-licence"), "us-h20-licence");
    EXPECT_EQ(yaml::quoteScalar("Foo: bar"), "\"Foo: bar\"");
    EXPECT_EQ(yaml::quoteScalar("say \"hi\" #1"), "\"say \\\"hi\\\" #1\"");
    EXPECT_EQ(yaml::quoteScalar(""), "\"\"");
    EXPECT_EQ(yaml::quoteScalar("- x"), "\"- x\"");
    const auto node = yaml::parseValue("{points: {2024-01: 5, 2025-01: 9}, source: \"a, b: c\"}");
    EXPECT_EQ(yaml::emitFlow(node), "{points: {2024-01: 5, 2025-01: 9}, source: \"a, b: c\"}");
}
