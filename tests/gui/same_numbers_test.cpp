// The GUI computes nothing of its own: the same scenario, edits and seed give the same run as
// runner::runScenario, and "Export data" writes byte for byte what chokepoint-batch writes.
#include "app/gui/main_window.hpp"
#include "app/gui/simulation_controller.hpp"
#include "test_support.hpp"

#include "sim/runner/run.hpp"
#include "sim/scenario/loader.hpp"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cp::gui;
using namespace cp::gui::test;

namespace {
const QStringList kEdits = {"policies.us-diffusion-rule.enabled=true", "firms.deepseek.algorithmic_efficiency=2.5",
                            "policies.us-h20-licence.from=2025-06-01"};

std::vector<cp::scenario::Override> asOverrides(const QStringList& sets)
{
    std::vector<cp::scenario::Override> out;
    for (const QString& s : sets)
        out.push_back({s.section('=', 0, 0).toStdString(), s.section('=', 1).toStdString()});
    return out;
}
} // namespace

TEST(SameNumbers, TheGuiRunIsTheRunnersRun)
{
    ScenarioDocument doc;
    SimulationController controller(&doc);
    openInto(doc, baselinePath());
    for (const auto& o : asOverrides(kEdits))
        doc.edit(o.path, o.value, "edit");
    ASSERT_TRUE(waitUntil([&] { return controller.currentResult() && controller.currentOverrides().size() == 3 && !controller.isBusy(); }));
    const auto scenario = cp::scenario::loadScenario(baselinePath().toStdString(), {asOverrides(kEdits), {}});
    const auto expected = cp::runner::runScenario(scenario, scenario.run.seed);
    const auto& got = *controller.currentResult();
    EXPECT_EQ(got.fingerprint, expected.fingerprint);
    ASSERT_EQ(got.series.size(), expected.series.size());
    for (std::size_t i = 0; i < got.series.size(); ++i) {
        EXPECT_EQ(got.series[i].entity, expected.series[i].entity);
        EXPECT_EQ(got.series[i].metric, expected.series[i].metric);
        EXPECT_EQ(got.series[i].values.size(), expected.series[i].values.size());
        for (std::size_t k = 0; k < got.series[i].values.size(); ++k) {
            const double a = got.series[i].values[k], b = expected.series[i].values[k];
            EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << got.series[i].entity << " " << got.series[i].metric;
        }
    }
}

TEST(SameNumbers, ExportedDataIsWhatTheBatchCliWrites)
{
    QTemporaryDir dir;
    auto prompts = std::make_shared<ScriptedPrompts>();
    MainWindowOptions options;
    options.prompts = prompts;
    options.persistSettings = false;
    options.offerRecovery = false;
    MainWindow window(options);
    QSignalSpy shown(&window, &MainWindow::resultShown);
    ASSERT_TRUE(window.openScenario(baselinePath()));
    window.applyEdits(kEdits);
    ASSERT_TRUE(waitUntil([&] {
        return !window.controller()->isBusy() && window.controller()->currentOverrides().size() == 3;
    }));
    ASSERT_TRUE(window.exportData(dir.filePath("gui")));

    QStringList args{"run", QFileInfo(baselinePath()).canonicalFilePath(), "--out", dir.filePath("cli"), "--quiet"};
    for (const QString& s : kEdits)
        args << "--set" << s;
    QProcess batch;
    batch.start(QStringLiteral(CHOKEPOINT_BATCH_EXE), args);
    ASSERT_TRUE(batch.waitForFinished(120000));
    ASSERT_EQ(batch.exitCode(), 0) << batch.readAllStandardError().toStdString();

    const QByteArray guiCsv = readFile(dir.filePath("gui/timeseries.csv"));
    EXPECT_GT(guiCsv.size(), 10000);
    EXPECT_TRUE(guiCsv == readFile(dir.filePath("cli/timeseries.csv"))) << "timeseries.csv differs";
    const QByteArray guiJson = readFile(dir.filePath("gui/summary.json"));
    EXPECT_TRUE(guiJson == readFile(dir.filePath("cli/summary.json"))) << guiJson.left(600).toStdString();
}
