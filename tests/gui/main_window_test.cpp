// The main window, driven as a user would, with scripted answers instead of dialogs: opening a
// bad file, exports, undo through the actions, unsaved-changes prompts, autosave and recovery,
// edits during playback, the event log jumping to a date.
#include "app/gui/about_dialog.hpp"
#include "app/gui/charts/charts_panel.hpp"
#include "app/gui/error_banner.hpp"
#include "app/gui/event_log_view.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/network/network_view.hpp"
#include "app/gui/playback_controller.hpp"
#include "app/gui/policy_editor.hpp"
#include "app/gui/policy_row.hpp"
#include "app/gui/scenario_panel.hpp"
#include "app/gui/simulation_controller.hpp"
#include "test_support.hpp"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cp::gui;
using namespace cp::gui::test;

namespace {

struct WindowFixture : ::testing::Test {
    QTemporaryDir recoveryDir;
    std::shared_ptr<ScriptedPrompts> prompts = std::make_shared<ScriptedPrompts>();
    std::unique_ptr<MainWindow> window;

    void SetUp() override { window = makeWindow(); }
    void TearDown() override { window.reset(); }

    std::unique_ptr<MainWindow> makeWindow()
    {
        MainWindowOptions o;
        o.prompts = prompts;
        o.persistSettings = false;
        o.recoveryDir = recoveryDir.path();
        auto w = std::make_unique<MainWindow>(o);
        w->resize(1280, 800);
        w->show();
        return w;
    }

    void openAndWait(const QString& path)
    {
        QSignalSpy shown(window.get(), &MainWindow::resultShown);
        ASSERT_TRUE(window->openScenario(path));
        ASSERT_TRUE(waitUntil([&] { return shown.count() >= 1 && !window->controller()->isBusy(); }));
    }
};

} // namespace

TEST_F(WindowFixture, OpensTheBaselineAndShowsItsRun)
{
    openAndWait(baselinePath());
    EXPECT_TRUE(window->windowTitle().contains("Baseline")) << window->windowTitle().toStdString();
    EXPECT_GT(window->eventLog()->model()->rowCount(), 100);
    EXPECT_EQ(window->playback()->periodCount(), 72);
    EXPECT_EQ(window->scenarioPanel()->policies()->rowCount(), 13);
    EXPECT_TRUE(prompts->errors.empty());
}

TEST_F(WindowFixture, ABadFileIsReportedByFileLineAndKeyAndTheOpenScenarioStays)
{
    openAndWait(baselinePath());
    QTemporaryDir dir;
    writeFile(dir.filePath("broken.yaml"), "schema: 1\nrun:\n  start: 2022-01-01\n  end: 2028-01-01\nfirms:\n  - id: x\n    hq: us\n    mfuu: 0.3\n");
    EXPECT_FALSE(window->openScenario(dir.filePath("broken.yaml")));
    ASSERT_EQ(prompts->errors.size(), 1u);
    const auto& e = prompts->errors[0];
    EXPECT_TRUE(e.title.contains("broken.yaml"));
    EXPECT_TRUE(e.text.contains("broken.yaml, line 8")) << e.text.toStdString();
    EXPECT_TRUE(e.text.contains("key firms.x.mfuu")) << e.text.toStdString();
    EXPECT_TRUE(e.text.contains("did you mean")) << e.text.toStdString();
    EXPECT_EQ(window->document()->baseScenario()->id, "baseline");
}

TEST_F(WindowFixture, ExportsTheChartAndTheData)
{
    openAndWait(baselinePath());
    QTemporaryDir dir;
    EXPECT_TRUE(window->exportChart(dir.filePath("capability.png")));
    EXPECT_TRUE(window->exportChart(dir.filePath("capability.svg")));
    EXPECT_GT(QFileInfo(dir.filePath("capability.png")).size(), 1000);
    EXPECT_GT(QFileInfo(dir.filePath("capability.svg")).size(), 500);
    EXPECT_TRUE(QImage(dir.filePath("capability.png")).width() > 0);
    EXPECT_TRUE(readFile(dir.filePath("capability.svg")).contains("Chokepoint " CHOKEPOINT_VERSION))
        << "the provenance footer names scenario, seed and version";
    EXPECT_TRUE(window->exportData(dir.filePath("data")));
    EXPECT_GT(QFileInfo(dir.filePath("data/timeseries.csv")).size(), 10000);
    EXPECT_GT(QFileInfo(dir.filePath("data/summary.json")).size(), 1000);
    EXPECT_TRUE(readFile(dir.filePath("data/timeseries.csv")).startsWith("run,scenario,seed,date,entity,metric,value"));
    EXPECT_TRUE(prompts->errors.empty());
}

TEST_F(WindowFixture, UndoAndRedoActionsRevertAPolicySwitch)
{
    openAndWait(baselinePath());
    PolicyRow* row = window->scenarioPanel()->policies()->row("us-diffusion-rule");
    ASSERT_NE(row, nullptr);
    row->enabledBox()->click();
    EXPECT_TRUE(window->document()->overrideValue("policies.us-diffusion-rule.enabled"));
    EXPECT_TRUE(window->isWindowModified());
    window->action("undo")->trigger();
    EXPECT_FALSE(window->document()->overrideValue("policies.us-diffusion-rule.enabled"));
    EXPECT_FALSE(row->enabledBox()->isChecked());
    EXPECT_FALSE(window->isWindowModified());
    window->action("redo")->trigger();
    EXPECT_TRUE(row->enabledBox()->isChecked());
}

TEST_F(WindowFixture, ClosingWithUnsavedChangesAsksAndCancelKeepsTheWindow)
{
    openAndWait(baselinePath());
    window->applyEdits({"policies.us-diffusion-rule.enabled=true"});
    prompts->saveChoices = {Prompts::SaveChoice::Cancel};
    EXPECT_FALSE(window->close());
    EXPECT_EQ(prompts->saveQuestions, 1);
    EXPECT_TRUE(window->isVisible());
    prompts->saveChoices = {Prompts::SaveChoice::Discard};
    EXPECT_TRUE(window->close());
}

TEST_F(WindowFixture, SaveAsWritesTheFileAndClearsTheModifiedMark)
{
    openAndWait(baselinePath());
    window->applyEdits({"policies.us-diffusion-rule.enabled=true", "firms.deepseek.algorithmic_efficiency=2.6"});
    QTemporaryDir dir;
    prompts->fileNames = {dir.filePath("kept")};
    ASSERT_TRUE(window->save()); // untitled: asks for a name
    EXPECT_TRUE(QFileInfo::exists(dir.filePath("kept.yaml")));
    EXPECT_FALSE(window->document()->isModified());
    EXPECT_EQ(window->document()->filePath(), QFileInfo(dir.filePath("kept.yaml")).absoluteFilePath());
    const auto saved = cp::scenario::loadScenario(dir.filePath("kept.yaml").toStdString());
    EXPECT_EQ(saved.id, "kept");
    EXPECT_TRUE(saved.findPolicy("us-diffusion-rule")->enabled);
    // Reopened tomorrow: the same edits, relative to the same base.
    auto second = makeWindow();
    ASSERT_TRUE(second->openScenario(dir.filePath("kept.yaml")));
    EXPECT_EQ(second->document()->overrideValue("policies.us-diffusion-rule.enabled"), std::optional<std::string>("true"));
    EXPECT_FALSE(second->document()->isModified());
}

TEST_F(WindowFixture, UnsavedEditsAreAutosavedAndOfferedBackAfterACrash)
{
    openAndWait(baselinePath());
    window->applyEdits({"policies.us-diffusion-rule.enabled=true"});
    ASSERT_TRUE(waitUntil([&] { return !QDir(recoveryDir.path()).entryList({"session-*.json"}).isEmpty(); }, 20000));
    // A session that died: its snapshot is there and nobody holds its lock.
    const QJsonObject snapshot{{"base", baselinePath()},
                               {"file", ""},
                               {"savedAt", "2025-01-01T10:00:00"},
                               {"overrides", QJsonArray{QJsonArray{"firms.deepseek.mfu", "0.25"}}}};
    writeFile(recoveryDir.filePath("session-1-1.json"), QJsonDocument(snapshot).toJson());
    auto next = makeWindow();
    prompts->yesNo = {true};
    next->offerRecovery();
    EXPECT_EQ(next->document()->overrideValue("firms.deepseek.mfu"), std::optional<std::string>("0.25"));
    EXPECT_TRUE(next->document()->isModified());
    EXPECT_FALSE(QFileInfo::exists(recoveryDir.filePath("session-1-1.json")));
    prompts->saveChoices.push_back(Prompts::SaveChoice::Discard);
    next->close();
    // Saving or discarding removes this session's snapshot.
    prompts->saveChoices.push_back(Prompts::SaveChoice::Discard);
    window->close();
    QTest::qWait(50);
    EXPECT_TRUE(QDir(recoveryDir.path()).entryList({"session-*.json"}).isEmpty());
}

TEST_F(WindowFixture, EditsDuringPlaybackSwapTheResultsWithoutStopping)
{
    openAndWait(baselinePath());
    window->playback()->setSpeed(4);
    window->action("reset")->trigger();
    window->action("playPause")->trigger();
    ASSERT_TRUE(window->playback()->isPlaying());
    QSignalSpy shown(window.get(), &MainWindow::resultShown);
    window->applyEdits({"firms.deepseek.algorithmic_efficiency=2.9"});
    ASSERT_TRUE(waitUntil([&] { return shown.count() == 1; }));
    EXPECT_TRUE(window->playback()->isPlaying());
    EXPECT_LT(window->playback()->cursor(), 20) << "the cursor kept its place, not reset to the end";
    window->action("playPause")->trigger();
    EXPECT_FALSE(window->playback()->isPlaying());
}

TEST_F(WindowFixture, ClickingTheEventLogJumpsToThatDate)
{
    openAndWait(baselinePath());
    QTableView* table = window->eventLog()->table();
    const QModelIndex index = table->model()->index(40, 0);
    const auto date = index.data(EventLogModel::TimeRole).toLongLong();
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    EXPECT_EQ(window->playback()->cursorDate(), cp::core::startOfMonth(date));
    window->eventLog()->setFirmFilter("deepseek");
    EXPECT_GT(window->eventLog()->filter()->rowCount(), 0);
    for (int r = 0; r < window->eventLog()->filter()->rowCount(); ++r)
        EXPECT_EQ(window->eventLog()->filter()->index(r, 0).data(EventLogModel::FirmIdRole).toString(), "deepseek");
}

TEST_F(WindowFixture, TheNetworkViewIsRebuiltOnlyWhileInFront)
{
    openAndWait(baselinePath());
    QSignalSpy shown(window.get(), &MainWindow::resultShown);
    window->centralTabs()->setCurrentWidget(window->charts());
    window->applyEdits({"firms.deepseek.algorithmic_efficiency=2.9"});
    ASSERT_TRUE(waitUntil([&] { return shown.count() == 1; }));
    const auto current = window->controller()->currentResult();
    EXPECT_NE(window->network()->result(), current) << "built while the charts were in front";
    window->centralTabs()->setCurrentWidget(window->network());
    EXPECT_EQ(window->network()->result(), current) << "not brought up to date when shown";
    window->applyEdits({"firms.deepseek.algorithmic_efficiency=3.1"});
    ASSERT_TRUE(waitUntil([&] { return shown.count() == 2; }));
    EXPECT_EQ(window->network()->result(), window->controller()->currentResult()) << "in front, each run is shown";
}

TEST_F(WindowFixture, TheEventLogsColumnsFitEveryRowsText)
{
    openAndWait(baselinePath());
    QTableView* table = window->eventLog()->table();
    ASSERT_GT(table->model()->rowCount(), 100);
    // What ResizeToContents would give over every row: the columns are sized from a sample of
    // rows, one per distinct date, kind and firm.
    table->verticalHeader()->setResizeContentsPrecision(-1);
    table->horizontalHeader()->setResizeContentsPrecision(-1);
    for (int column : {EventLogModel::DateColumn, EventLogModel::KindColumn, EventLogModel::FirmColumn}) {
        // (QTableView makes its override protected; QAbstractItemView has it public.)
        const int needed = std::max(static_cast<const QAbstractItemView*>(table)->sizeHintForColumn(column), table->horizontalHeader()->sectionSizeHint(column));
        const int width = table->horizontalHeader()->sectionSize(column);
        EXPECT_GE(width, needed) << "column " << column << " cuts some row's text";
        EXPECT_LE(width, needed + 2) << "column " << column << " wider than its widest text";
    }
}

TEST_F(WindowFixture, AnInvalidEditShowsABannerNotADialog)
{
    openAndWait(baselinePath());
    window->applyEdits({"policies.cn-h20-discouraged.until=2024-01-01"});
    ASSERT_TRUE(waitUntil([&] { return window->errorBanner()->isVisible(); }));
    EXPECT_TRUE(window->errorBanner()->text().contains("policies.cn-h20-discouraged.until"));
    EXPECT_TRUE(prompts->errors.empty());
    window->action("undo")->trigger();
    ASSERT_TRUE(waitUntil([&] { return !window->errorBanner()->isVisible(); }));
}

TEST_F(WindowFixture, MenusAndShortcutsFollowDesktopConventions)
{
    QStringList menus;
    for (QAction* a : window->menuBar()->actions())
        menus << a->text().remove('&');
    EXPECT_EQ(menus, QStringList({"File", "Edit", "View", "Simulation", "Help"}));
    EXPECT_EQ(window->action("open")->shortcut(), QKeySequence(QKeySequence::Open));
    EXPECT_EQ(window->action("save")->shortcut(), QKeySequence(QKeySequence::Save));
    EXPECT_EQ(window->action("undo")->shortcut(), QKeySequence(QKeySequence::Undo));
    EXPECT_FALSE(window->action("playPause")->shortcut().isEmpty());
    EXPECT_FALSE(window->action("stepForward")->shortcut().isEmpty());
    EXPECT_FALSE(window->action("exportChart")->shortcut().isEmpty());
    EXPECT_FALSE(window->action("pinReference")->shortcut().isEmpty());
}

TEST(About, NamesTheDataSources)
{
    const QString html = aboutHtml();
    for (const char* source : {"Epoch AI", "SemiAnalysis", "Financial Times", "Reuters", "Bureau of Industry and Security"})
        EXPECT_TRUE(html.contains(source)) << source;
    EXPECT_TRUE(html.contains(CHOKEPOINT_VERSION));
}
