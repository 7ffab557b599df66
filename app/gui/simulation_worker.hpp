// Runs simulations off the GUI thread. A SimulationWorker lives on its own QThread; requests
// arrive as queued calls and results leave as queued signals carrying immutable snapshots, so
// nothing is shared mutably with the GUI. A request that a newer one of the same kind has made
// stale (the user kept dragging) is skipped without running.
#pragma once

#include "app/gui/run_types.hpp"

#include <QObject>

#include <atomic>
#include <functional>

namespace cp::gui {

/// The newest generation requested per run kind; written by the controller, read by workers.
struct GenerationCounters {
    std::atomic<std::uint64_t> current{0};
    std::atomic<std::uint64_t> reference{0};
    [[nodiscard]] std::uint64_t latest(RunKind kind) const
    {
        return kind == RunKind::Current ? current.load() : reference.load();
    }
};

class SimulationWorker : public QObject {
    Q_OBJECT
public:
    /// Called on the worker thread before each run; tests use it to make runs slow.
    using BeforeRunHook = std::function<void(const RunRequest&)>;

    explicit SimulationWorker(std::shared_ptr<const GenerationCounters> counters, QObject* parent = nullptr);

    void setBeforeRunHook(BeforeRunHook hook) { m_hook = std::move(hook); }

    /// Loads and runs one scenario (with network snapshots for the network view).
    void simulate(const RunRequest& request);
    /// Many runs on a thread pool; `cancel` stops it early.
    void runMonteCarlo(const MonteCarloRequest& request, const std::shared_ptr<std::atomic<bool>>& cancel);

signals:
    void runFinished(cp::gui::RunOutcomePtr outcome);
    void monteCarloProgress(qulonglong done, qulonglong total);
    void monteCarloFinished(cp::gui::MonteCarloOutcomePtr outcome);

private:
    std::shared_ptr<const GenerationCounters> m_counters;
    BeforeRunHook m_hook;
};

} // namespace cp::gui
