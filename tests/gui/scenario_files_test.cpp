// Saving and opening scenario files: a saved file extends its base, holds only the changes,
// loads back (in the app and in the batch CLI's loader) to the same parameters and the same
// run, and opens again as base + overrides. Bad files are reported with file, line and key.
#include "app/gui/param_catalog.hpp"
#include "test_support.hpp"

#include "sim/runner/run.hpp"
#include "sim/scenario/loader.hpp"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cp::gui;
using namespace cp::gui::test;
using cp::scenario::Override;

namespace {

std::vector<Override> someEdits()
{
    const auto base = cp::scenario::loadScenario(baselinePath().toStdString());
    const auto controls = buildParamControls(base);
    auto dies = std::find_if(controls.begin(), controls.end(), [](const ParamControl& c) {
        return c.path == "producers.huawei.lines.ascend-910c.dies_per_month";
    });
    return {
        {"policies.us-diffusion-rule.enabled", "true"},
        {"policies.us-h20-licence.from", "2025-06-01"},
        {"policies.cn-h20-discouraged.until", "2026-03-01"},
        {"firms.deepseek.algorithmic_efficiency", "2.5"},         // cited, with a distribution
        {"policies.us-h200-case-by-case.approval_rate", "0.35"},  // cited
        {"firms.bytedance.mfu", "0.4"},                           // plain number
        {dies->path, *overrideFor(*dies, 1.5)},                   // a dated schedule
        {"run.seed", "7"},
        {"name", "\"Edited: diffusion rule kept\""},
    };
}

void expectSameRun(const cp::scenario::Scenario& a, const cp::scenario::Scenario& b)
{
    std::string why;
    EXPECT_TRUE(scenariosEquivalent(a, b, &why)) << why;
    const auto ra = cp::runner::runScenario(a, a.run.seed);
    const auto rb = cp::runner::runScenario(b, b.run.seed);
    EXPECT_EQ(ra.fingerprint, rb.fingerprint);
}

} // namespace

TEST(ScenarioFiles, SavedFileLoadsToTheSameScenarioAndRun)
{
    QTemporaryDir dir;
    const auto edits = someEdits();
    const QString target = dir.filePath("my-counterfactual.yaml");
    const SaveResult r = saveScenarioFile(target, baselinePath(), edits);
    EXPECT_EQ(r.extendsPath, "baseline.yaml");
    ASSERT_EQ(r.copiedFiles.size(), 1) << "the base is copied beside the file (extends: stays in its folder)";
    EXPECT_EQ(readFile(dir.filePath("baseline.yaml")), readFile(baselinePath()));

    const QString text = QString::fromUtf8(readFile(target));
    EXPECT_TRUE(text.startsWith(kSavedMarker));
    EXPECT_TRUE(text.contains("\nextends: baseline.yaml\n"));
    EXPECT_TRUE(text.contains("  - id: us-diffusion-rule\n    enabled: true\n")) << text.toStdString();
    EXPECT_TRUE(text.contains("      - chip: ascend-910c\n        dies_per_month: {points:")) << text.toStdString();
    EXPECT_LT(text.count('\n'), 40) << "only the changes";

    const auto saved = cp::scenario::loadScenario(target.toStdString());
    const auto edited = cp::scenario::loadScenario(baselinePath().toStdString(), {edits, {}});
    expectSameRun(saved, edited);
    EXPECT_EQ(saved.run.seed, 7u);
}

TEST(ScenarioFiles, ASavedFileOpensAgainAsItsBasePlusTheEdits)
{
    QTemporaryDir dir;
    const QString target = dir.filePath("edited.yaml");
    saveScenarioFile(target, baselinePath(), someEdits());
    const OpenedScenario o = openScenarioFile(target);
    EXPECT_EQ(o.filePath, QFileInfo(target).absoluteFilePath());
    EXPECT_EQ(QFileInfo(o.basePath).fileName(), "baseline.yaml");
    EXPECT_EQ(o.overrides.size(), someEdits().size());
    expectSameRun(cp::scenario::loadScenario(o.basePath.toStdString(), {o.overrides, {}}),
                  cp::scenario::loadScenario(target.toStdString()));
    // Saved again from what was opened: the same file.
    const QByteArray first = readFile(target);
    saveScenarioFile(target, o.basePath, o.overrides);
    EXPECT_EQ(readFile(target).mid(first.indexOf('\n')), first.mid(first.indexOf('\n')));
}

TEST(ScenarioFiles, SavedNextToItsBaseExtendsItDirectly)
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath("scenarios"));
    QFile::copy(baselinePath(), dir.filePath("scenarios/baseline.yaml"));
    const SaveResult r = saveScenarioFile(dir.filePath("scenarios/mine.yaml"), dir.filePath("scenarios/baseline.yaml"),
                                          {{"policies.us-diffusion-rule.enabled", "true"}});
    EXPECT_EQ(r.extendsPath, "baseline.yaml");
    EXPECT_TRUE(r.copiedFiles.isEmpty());
    EXPECT_NO_THROW(cp::scenario::loadScenario(dir.filePath("scenarios/mine.yaml").toStdString()));
}

TEST(ScenarioFiles, ADifferentFileOfTheSameNameIsNeverOverwritten)
{
    QTemporaryDir dir;
    writeFile(dir.filePath("baseline.yaml"), "schema: 1\n# someone else's baseline\n");
    const SaveResult r = saveScenarioFile(dir.filePath("mine.yaml"), baselinePath(), {{"run.seed", "3"}});
    EXPECT_EQ(r.extendsPath, "mine-base/baseline.yaml");
    EXPECT_EQ(readFile(dir.filePath("baseline.yaml")), "schema: 1\n# someone else's baseline\n");
    EXPECT_EQ(cp::scenario::loadScenario(dir.filePath("mine.yaml").toStdString()).run.seed, 3u);
}

TEST(ScenarioFiles, TheBasesOwnExtendsChainIsCopiedToo)
{
    QTemporaryDir dir;
    const QString base = scenariosDir() + "/diffusion-rule-kept.yaml";
    const SaveResult r = saveScenarioFile(dir.filePath("kept-late.yaml"), base, {{"policies.us-diffusion-rule.from", "2026-01-01"}});
    EXPECT_EQ(r.copiedFiles.size(), 2);
    const auto s = cp::scenario::loadScenario(dir.filePath("kept-late.yaml").toStdString());
    EXPECT_TRUE(s.findPolicy("us-diffusion-rule")->enabled);
    EXPECT_EQ(cp::core::formatDate(s.findPolicy("us-diffusion-rule")->from), "2026-01-01");
}

TEST(ScenarioFiles, SavingOverTheBaseItselfIsRefused)
{
    QTemporaryDir dir;
    QFile::copy(baselinePath(), dir.filePath("baseline.yaml"));
    EXPECT_THROW(saveScenarioFile(dir.filePath("baseline.yaml"), dir.filePath("baseline.yaml"), {{"run.seed", "3"}}),
                 SaveError);
}

TEST(ScenarioFiles, BundledAndHandWrittenFilesOpenAsThemselves)
{
    const OpenedScenario o = openScenarioFile(scenariosDir() + "/diffusion-rule-kept.yaml");
    EXPECT_TRUE(o.filePath.isEmpty()) << "never rewritten by Save";
    EXPECT_TRUE(o.overrides.empty());
    EXPECT_TRUE(o.baseScenario->findPolicy("us-diffusion-rule")->enabled);
}

TEST(ScenarioFiles, ABadFileNamesFileLineAndKey)
{
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.yaml");
    writeFile(bad, "schema: 1\nextends: baseline.yaml\npolicies:\n  - id: us-h20-licence\n    from: 2025-13-45\n");
    QFile::copy(baselinePath(), dir.filePath("baseline.yaml"));
    try {
        (void)openScenarioFile(bad);
        FAIL() << "expected a ScenarioError";
    } catch (const cp::scenario::ScenarioError& e) {
        const ErrorReport report = describeScenarioError(e);
        EXPECT_TRUE(report.text.contains("bad.yaml, line 5")) << report.text.toStdString();
        EXPECT_TRUE(report.text.contains("key policies.us-h20-licence.from")) << report.text.toStdString();
        EXPECT_TRUE(report.details.contains("bad.yaml:5:")) << report.details.toStdString();
    }
}

TEST(ScenarioFiles, IdsFromFileNames)
{
    EXPECT_EQ(scenarioIdFromFileName("/x/My Edit (2).yaml"), "my-edit-2");
    EXPECT_EQ(scenarioIdFromFileName("h200_open.yaml"), "h200_open");
    EXPECT_EQ(scenarioIdFromFileName("/x/###.yaml"), "scenario");
}
