// The simulation controller and its worker threads: runs start on edits, edits made during a
// run are folded into one more run (a drag is followed live), results of superseded requests
// are never shown, failures are reported without losing the last good run, and the
// GUI thread's event loop keeps turning while runs and Monte Carlo batches execute.
#include "app/gui/simulation_controller.hpp"
#include "test_support.hpp"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

using namespace cp::gui;
using namespace cp::gui::test;

namespace {

double deepseekEfficiency(const SimulationController& c)
{
    return c.currentScenario()->findFirm("deepseek")->algorithmicEfficiency;
}

struct ControllerFixture : ::testing::Test {
    ScenarioDocument doc;
    SimulationController controller{&doc};
    QSignalSpy results{&controller, &SimulationController::resultReady};

    void openBaseline()
    {
        openInto(doc, baselinePath());
        ASSERT_TRUE(waitUntil([&] { return results.count() == 1 && !controller.isBusy(); }));
        results.clear();
    }
};

} // namespace

TEST_F(ControllerFixture, OpeningRunsTheScenarioAndPinsItAsReference)
{
    openInto(doc, baselinePath());
    ASSERT_TRUE(waitUntil([&] { return controller.currentResult() != nullptr; }));
    EXPECT_EQ(controller.currentResult()->periods.size(), 72u);
    EXPECT_FALSE(controller.currentResult()->network.empty()) << "network snapshots for the network view";
    EXPECT_EQ(controller.referenceResult(), controller.currentResult());
    EXPECT_FALSE(controller.isBusy());
}

TEST_F(ControllerFixture, AnEditReSimulatesAndKeepsTheReference)
{
    openBaseline();
    const ResultPtr reference = controller.referenceResult();
    doc.edit("firms.deepseek.algorithmic_efficiency", std::string("2.8"), "edit");
    EXPECT_TRUE(controller.isBusy());
    ASSERT_TRUE(waitUntil([&] { return results.count() == 1; }));
    EXPECT_DOUBLE_EQ(deepseekEfficiency(controller), 2.8);
    EXPECT_NE(controller.currentResult()->fingerprint, reference->fingerprint);
    EXPECT_EQ(controller.referenceResult(), reference);
    EXPECT_EQ(controller.currentOverrides().size(), 1u);
}

TEST_F(ControllerFixture, EditsMadeInOneTurnOfTheEventLoopRunOnceForTheLastValue)
{
    openBaseline();
    for (int i = 0; i < 20; ++i)
        doc.edit("firms.deepseek.algorithmic_efficiency", std::to_string(1.5 + 0.05 * i), "drag", 1);
    ASSERT_TRUE(waitUntil([&] { return results.count() >= 1 && !controller.isBusy(); }));
    QTest::qWait(100);
    EXPECT_EQ(results.count(), 1) << "one run for the edits of one turn";
    EXPECT_DOUBLE_EQ(deepseekEfficiency(controller), 1.5 + 0.05 * 19);
}

TEST_F(ControllerFixture, ADragIsFollowedLiveAndItsLastValueRunsLast)
{
    openBaseline();
    std::atomic<int> runs{0};
    controller.setBeforeRunHook([&](const RunRequest&) {
        ++runs;
        QThread::msleep(150); // a slow run: the drag goes on meanwhile
    });
    std::vector<double> shown;
    QObject::connect(&controller, &SimulationController::resultReady,
                     [&] { shown.push_back(deepseekEfficiency(controller)); });
    // Ten slider moves 40 ms apart: each in its own turn of the event loop, as a mouse drag.
    for (int i = 0; i < 10; ++i) {
        doc.edit("firms.deepseek.algorithmic_efficiency", std::to_string(1.5 + 0.1 * i), "drag", 1);
        QTest::qWait(40);
    }
    ASSERT_TRUE(waitUntil([&] { return !controller.isBusy(); }, 30000));
    QTest::qWait(200);
    // About 400 ms of dragging over 150 ms runs: a result at the first move, more during the
    // drag (not one at the end only), and never more runs than moves.
    ASSERT_GE(shown.size(), 3u) << "the charts did not follow the drag";
    EXPECT_LE(runs.load(), 5);
    EXPECT_EQ(static_cast<int>(shown.size()), runs.load()) << "every run that finished was shown";
    EXPECT_DOUBLE_EQ(shown.front(), 1.5);
    EXPECT_DOUBLE_EQ(shown.back(), 1.5 + 0.1 * 9) << "the value the drag ended on ran last";
    EXPECT_TRUE(std::is_sorted(shown.begin(), shown.end())) << "results come in the order of the drag";
    EXPECT_EQ(controller.staleResultsDropped(), 0);
}

TEST_F(ControllerFixture, AResultThatFinishesAfterANewerEditIsNeverShown)
{
    openBaseline();
    std::atomic<int> started{0};
    controller.setBeforeRunHook([&](const RunRequest&) {
        ++started;
        QThread::msleep(300); // a slow run
    });
    std::vector<std::pair<std::uint64_t, double>> shown; // (generation at emission, value shown)
    QObject::connect(&controller, &SimulationController::resultReady, [&] {
        shown.emplace_back(controller.generation(), deepseekEfficiency(controller));
    });
    doc.edit("firms.deepseek.algorithmic_efficiency", std::string("1.3"), "a");
    controller.runNow();
    ASSERT_TRUE(waitUntil([&] { return started.load() == 1; })); // the 1.3 run is under way
    doc.edit("firms.deepseek.algorithmic_efficiency", std::string("2.9"), "b");
    controller.runNow();
    ASSERT_TRUE(waitUntil([&] { return !controller.isBusy(); }, 30000));
    QTest::qWait(400);
    ASSERT_EQ(shown.size(), 1u) << "only the newest request's result is shown";
    EXPECT_DOUBLE_EQ(shown[0].second, 2.9);
    EXPECT_EQ(shown[0].first, controller.generation());
    EXPECT_GE(controller.staleResultsDropped(), 1);
}

TEST_F(ControllerFixture, QueuedStaleRequestsAreSkippedWithoutRunning)
{
    openBaseline();
    std::atomic<int> runs{0};
    controller.setBeforeRunHook([&](const RunRequest&) {
        ++runs;
        QThread::msleep(100);
    });
    for (int i = 0; i < 10; ++i) {
        doc.edit("firms.deepseek.mfu", std::to_string(0.2 + 0.01 * i), "edit");
        controller.runNow(); // no debounce: ten requests queue up behind the first
    }
    ASSERT_TRUE(waitUntil([&] { return !controller.isBusy(); }, 30000));
    EXPECT_LE(runs.load(), 3) << "requests made stale while queued do not run";
    EXPECT_EQ(results.count(), 1);
    EXPECT_DOUBLE_EQ(controller.currentScenario()->findFirm("deepseek")->mfu, 0.29);
}

TEST_F(ControllerFixture, AnInvalidEditIsReportedAndTheLastGoodRunStays)
{
    openBaseline();
    const ResultPtr good = controller.currentResult();
    QSignalSpy failed(&controller, &SimulationController::runFailed);
    doc.edit("policies.cn-h20-discouraged.until", std::string("2024-01-01"), "ends before it starts");
    ASSERT_TRUE(waitUntil([&] { return failed.count() == 1; }));
    const QStringList problems = failed.at(0).at(0).toStringList();
    ASSERT_FALSE(problems.isEmpty());
    EXPECT_TRUE(problems.join("\n").contains("policies.cn-h20-discouraged.until")) << problems.join("\n").toStdString();
    EXPECT_EQ(controller.currentResult(), good);
    doc.undoStack()->undo();
    ASSERT_TRUE(waitUntil([&] { return results.count() == 1; }));
    EXPECT_TRUE(controller.lastErrors().isEmpty());
}

TEST_F(ControllerFixture, TheEventLoopKeepsTurningDuringALongRun)
{
    openBaseline();
    controller.setBeforeRunHook([](const RunRequest&) { QThread::msleep(1500); });
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(10);
    QElapsedTimer clock;
    clock.start();
    controller.runNow();
    ASSERT_TRUE(waitUntil([&] { return results.count() == 1; }, 30000));
    EXPECT_GE(clock.elapsed(), 1500);
    EXPECT_GE(ticks, 50) << "the GUI thread was blocked";
}

TEST_F(ControllerFixture, TheEventLoopKeepsTurningDuringA200RunMonteCarlo)
{
    openBaseline();
    QTemporaryDir out;
    QSignalSpy finished(&controller, &SimulationController::monteCarloFinished);
    QSignalSpy progress(&controller, &SimulationController::monteCarloProgress);
    int ticks = 0;
    qint64 longestGap = 0;
    QElapsedTimer sinceTick;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        ++ticks;
        longestGap = std::max(longestGap, sinceTick.restart());
    });
    timer.start(5);
    sinceTick.start();
    controller.startMonteCarlo(200, 2, out.path());
    EXPECT_TRUE(controller.isMonteCarloRunning());
    // Edits keep re-simulating meanwhile, on the other worker thread.
    doc.edit("firms.deepseek.mfu", std::string("0.3"), "edit");
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 300000));
    const auto outcome = finished.at(0).at(0).value<MonteCarloOutcomePtr>();
    ASSERT_TRUE(outcome->ok) << outcome->message.toStdString();
    EXPECT_EQ(outcome->runsDone, 200u);
    EXPECT_GT(QFileInfo(out.filePath("timeseries.csv")).size(), 0);
    EXPECT_GT(QFileInfo(out.filePath("summary.json")).size(), 0);
    EXPECT_TRUE(outcome->table.contains("deepseek") || outcome->table.contains("DeepSeek"));
    EXPECT_GT(progress.count(), 1);
    EXPECT_GE(results.count(), 1) << "the edit was simulated during the batch";
    // The GUI thread never stalled: the timer kept firing throughout the batch.
    EXPECT_GE(ticks, 20);
    EXPECT_LT(longestGap, 1000) << "the event loop stalled for " << longestGap << " ms";
    EXPECT_FALSE(controller.isMonteCarloRunning());
}

TEST_F(ControllerFixture, AMonteCarloBatchCanBeCancelled)
{
    openBaseline();
    QTemporaryDir out;
    QSignalSpy finished(&controller, &SimulationController::monteCarloFinished);
    QSignalSpy progress(&controller, &SimulationController::monteCarloProgress);
    controller.startMonteCarlo(100000, 2, out.path());
    ASSERT_TRUE(waitUntil([&] { return progress.count() >= 3; }));
    controller.cancelMonteCarlo();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 60000));
    const auto outcome = finished.at(0).at(0).value<MonteCarloOutcomePtr>();
    EXPECT_TRUE(outcome->cancelled);
    EXPECT_LT(outcome->runsDone, 100000u);
    EXPECT_FALSE(QFileInfo::exists(out.filePath("summary.json"))) << "a cancelled batch leaves no summary";
}

TEST_F(ControllerFixture, AReferenceCanBePinnedLoadedFromAPresetAndCleared)
{
    openBaseline();
    QSignalSpy refs(&controller, &SimulationController::referenceChanged);
    controller.setReferenceScenario(scenariosDir() + "/diffusion-rule-kept.yaml", "diffusion-rule-kept.yaml");
    ASSERT_TRUE(waitUntil([&] { return refs.count() == 1; }));
    EXPECT_EQ(controller.referenceResult()->scenarioId, "diffusion-rule-kept");
    controller.clearReference();
    EXPECT_EQ(controller.referenceResult(), nullptr);
    doc.edit("run.seed", std::string("5"), "seed");
    ASSERT_TRUE(waitUntil([&] { return results.count() == 1; }));
    controller.pinCurrentAsReference();
    EXPECT_EQ(controller.referenceResult(), controller.currentResult());
}
