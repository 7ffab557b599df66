// Drives re-simulation for the window: watches the document, sends whole-scenario runs to a
// worker thread, and keeps the newest current run and the pinned reference.
//
// An edit runs at once when no run is under way (edits made in one turn of the event loop run
// together). Edits made while a run is under way are folded into one more run, started as soon
// as that run finishes, with the document as it is then. So while a slider is dragged the
// charts follow it as fast as runs finish (each finished run is shown, ~15 ms apart for the
// baseline), and the last state the user left always runs last.
//
// Requests superseded by an explicit runNow() (re-run, opening a file) are stale: generation
// numbers let the worker skip them if they have not started and the controller drop them if
// they finish late, so their results are never shown. Lives on the GUI thread.
#pragma once

#include "app/gui/run_types.hpp"
#include "app/gui/simulation_worker.hpp"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QThread;

namespace cp::gui {

class ScenarioDocument;

struct RunStats {
    double loadMs = 0, runMs = 0;
    double editToResultMs = 0; ///< from the first edit of a burst to its result arriving
    std::uint64_t generation = 0;
};

class SimulationController : public QObject {
    Q_OBJECT
public:
    explicit SimulationController(ScenarioDocument* document, QObject* parent = nullptr);
    ~SimulationController() override;

    /// Re-simulates for an edit: now if no run is under way, else once it has finished.
    void scheduleRun();
    /// Re-simulates now; a run under way becomes stale.
    void runNow();

    /// The current run becomes the reference drawn dashed.
    void pinCurrentAsReference();
    /// Runs another scenario file (e.g. a preset) as the reference.
    void setReferenceScenario(const QString& path, const QString& label);
    void clearReference();

    /// `chokepoint-batch run --runs N` on a second worker thread; writes to outDir if not empty.
    void startMonteCarlo(std::size_t runs, unsigned jobs, const QString& outDir);
    void cancelMonteCarlo();
    [[nodiscard]] bool isMonteCarloRunning() const { return m_monteCarloCancel != nullptr; }

    [[nodiscard]] const ResultPtr& currentResult() const { return m_current; }
    /// The file and overrides the current result was computed from (the last valid edit).
    [[nodiscard]] const std::string& currentPath() const { return m_currentPath; }
    [[nodiscard]] const std::vector<scenario::Override>& currentOverrides() const { return m_currentOverrides; }
    [[nodiscard]] const ScenarioPtr& currentScenario() const { return m_scenario; }
    [[nodiscard]] const ResultPtr& referenceResult() const { return m_reference; }
    [[nodiscard]] const QString& referenceLabel() const { return m_referenceLabel; }
    [[nodiscard]] bool isBusy() const { return runUnderWay() || m_editsWaiting; }
    [[nodiscard]] std::uint64_t generation() const { return m_generation; }
    [[nodiscard]] int staleResultsDropped() const { return m_staleDropped; }
    [[nodiscard]] const RunStats& lastStats() const { return m_stats; }
    /// The last run failed (the document holds an invalid edit); its diagnostics.
    [[nodiscard]] const QStringList& lastErrors() const { return m_lastErrors; }

    /// Installs a hook on both workers (blocking until installed). For tests.
    void setBeforeRunHook(const SimulationWorker::BeforeRunHook& hook);

signals:
    /// A newer current run is available (currentResult / currentScenario).
    void resultReady();
    void referenceChanged();
    /// The newest request failed: "file:line:column: error: key: message" lines.
    void runFailed(const QStringList& diagnostics);
    void busyChanged(bool busy);
    void monteCarloProgress(qulonglong done, qulonglong total);
    void monteCarloFinished(cp::gui::MonteCarloOutcomePtr outcome);

private:
    void onDocumentReset();
    void onRunFinished(const RunOutcomePtr& outcome);
    void post(RunRequest request);
    [[nodiscard]] bool runUnderWay() const { return m_received < m_generation; }
    void updateBusy();

    ScenarioDocument* m_document; // not owned
    std::shared_ptr<GenerationCounters> m_counters;
    QThread* m_runThread = nullptr;
    QThread* m_batchThread = nullptr;
    SimulationWorker* m_runWorker = nullptr;   // lives on m_runThread
    SimulationWorker* m_batchWorker = nullptr; // lives on m_batchThread
    QTimer m_nextTurn;         ///< runs the edits of one event-loop turn together
    bool m_editsWaiting = false; ///< edits not yet sent to the worker
    QElapsedTimer m_sinceEdit;
    std::uint64_t m_generation = 0, m_received = 0, m_referenceGeneration = 0;
    bool m_pinNextAsReference = false;
    bool m_wasBusy = false;
    int m_staleDropped = 0;
    ResultPtr m_current, m_reference;
    ScenarioPtr m_scenario;
    std::string m_currentPath;
    std::vector<scenario::Override> m_currentOverrides;
    QString m_referenceLabel;
    QStringList m_lastErrors;
    RunStats m_stats;
    std::shared_ptr<std::atomic<bool>> m_monteCarloCancel;
};

} // namespace cp::gui
