// The scenario document and its undo stack: every edit is one override; slider drags merge.
#include "app/gui/param_editor.hpp"
#include "app/gui/param_row.hpp"
#include "app/gui/policy_editor.hpp"
#include "app/gui/policy_row.hpp"
#include "app/gui/value_spin_box.hpp"
#include "test_support.hpp"

#include <QCheckBox>
#include <QDateEdit>
#include <QSignalSpy>
#include <QSlider>

#include <gtest/gtest.h>

using namespace cp::gui;
using namespace cp::gui::test;

namespace {

struct DocumentFixture : ::testing::Test {
    ScenarioDocument doc;
    void SetUp() override { openInto(doc, baselinePath()); }
    QUndoStack& undo() { return *doc.undoStack(); }
};

// A slider drag as the user makes it: press, several moves, release.
void drag(ParamRow* row, std::initializer_list<int> positions)
{
    row->slider()->setSliderDown(true);
    for (int p : positions)
        row->slider()->setValue(p);
    row->slider()->setSliderDown(false);
}

} // namespace

TEST_F(DocumentFixture, EditSetsAnOverrideAndUndoRedoRestoreIt)
{
    QSignalSpy changed(&doc, &ScenarioDocument::overrideChanged);
    EXPECT_FALSE(doc.isModified());
    doc.edit("policies.us-diffusion-rule.enabled", std::string("true"), "on");
    ASSERT_EQ(doc.overrides().size(), 1u);
    EXPECT_EQ(doc.overrides()[0].path, "policies.us-diffusion-rule.enabled");
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(changed.count(), 1);
    undo().undo();
    EXPECT_TRUE(doc.overrides().empty());
    EXPECT_FALSE(doc.isModified());
    undo().redo();
    EXPECT_EQ(doc.overrideValue("policies.us-diffusion-rule.enabled"), std::optional<std::string>("true"));
}

TEST_F(DocumentFixture, SettingAnExistingKeyReplacesItInPlace)
{
    doc.edit("firms.deepseek.mfu", std::string("0.3"), "a");
    doc.edit("run.seed", std::string("7"), "b");
    doc.edit("firms.deepseek.mfu", std::string("0.31"), "c");
    ASSERT_EQ(doc.overrides().size(), 2u);
    EXPECT_EQ(doc.overrides()[0].value, "0.31");
    EXPECT_EQ(undo().count(), 3);
    undo().undo();
    EXPECT_EQ(doc.overrides()[0].value, "0.3");
}

TEST_F(DocumentFixture, ASliderDragIsOneUndoStep)
{
    ParamEditor editor(&doc);
    editor.setShow(ParamEditor::Show::All);
    ParamRow* row = editor.row("firms.deepseek.algorithmic_efficiency");
    ASSERT_NE(row, nullptr);
    drag(row, {100, 300, 500, 700});
    EXPECT_EQ(undo().count(), 1);
    const auto after = doc.overrideValue("firms.deepseek.algorithmic_efficiency");
    ASSERT_TRUE(after);
    EXPECT_NEAR(std::stod(*after), row->value(), 1e-9);
    undo().undo();
    EXPECT_FALSE(doc.overrideValue("firms.deepseek.algorithmic_efficiency"));
    EXPECT_DOUBLE_EQ(row->value(), 2.0); // the control follows the document back
}

TEST_F(DocumentFixture, TwoDragsAreTwoStepsAndADragBackToTheStartLeavesNothing)
{
    ParamEditor editor(&doc);
    ParamRow* row = editor.row("firms.deepseek.algorithmic_efficiency");
    ASSERT_NE(row, nullptr);
    drag(row, {100, 200});
    drag(row, {600, 900});
    EXPECT_EQ(undo().count(), 2);
    const int start = row->slider()->value();
    drag(row, {100, start});
    EXPECT_EQ(undo().count(), 2) << "a drag that returns to where it began is not a step";
}

TEST_F(DocumentFixture, TypingInTheSpinBoxSetsTheExactValue)
{
    ParamEditor editor(&doc);
    ParamRow* row = editor.row("policies.us-h200-case-by-case.approval_rate");
    ASSERT_NE(row, nullptr);
    row->spinBox()->setValue(0.35);
    EXPECT_EQ(doc.overrideValue("policies.us-h200-case-by-case.approval_rate"), std::optional<std::string>("0.35"));
    row->spinBox()->setValue(0.5); // the scenario's value: no override left
    EXPECT_FALSE(doc.overrideValue("policies.us-h200-case-by-case.approval_rate"));
}

TEST_F(DocumentFixture, PolicySwitchesAndDatesAreUndoableOverrides)
{
    PolicyEditor editor(&doc);
    PolicyRow* row = editor.row("us-diffusion-rule");
    ASSERT_NE(row, nullptr);
    EXPECT_FALSE(row->enabledBox()->isChecked());
    row->enabledBox()->setChecked(true);
    EXPECT_EQ(doc.overrideValue("policies.us-diffusion-rule.enabled"), std::optional<std::string>("true"));
    PolicyRow* h20 = editor.row("us-h20-licence");
    h20->fromEdit()->setDate(QDate(2025, 6, 1));
    EXPECT_EQ(doc.overrideValue("policies.us-h20-licence.from"), std::optional<std::string>("2025-06-01"));
    h20->untilBox()->setChecked(true);
    EXPECT_TRUE(doc.overrideValue("policies.us-h20-licence.until"));
    EXPECT_EQ(undo().count(), 3);
    undo().undo();
    undo().undo();
    EXPECT_EQ(h20->fromEdit()->date(), QDate(2025, 4, 9));
    undo().undo();
    EXPECT_FALSE(row->enabledBox()->isChecked());
    EXPECT_TRUE(doc.overrides().empty());
}

TEST_F(DocumentFixture, ResetDiscardsUndoHistoryAndModifiedState)
{
    doc.edit("run.seed", std::string("9"), "seed");
    openInto(doc, baselinePath());
    EXPECT_EQ(undo().count(), 0);
    EXPECT_FALSE(doc.isModified());
    doc.reset(doc.baseScenario(), doc.basePath(), {}, {{"run.seed", "3"}}, true);
    EXPECT_TRUE(doc.isModified()) << "restored edits are unsaved";
    doc.markSaved("/tmp/x.yaml");
    EXPECT_FALSE(doc.isModified());
}
