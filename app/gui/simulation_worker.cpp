#include "app/gui/simulation_worker.hpp"

#include "app/gui/export.hpp"
#include "sim/runner/batch.hpp"
#include "sim/runner/result_writers.hpp"

#include <QElapsedTimer>

#include <filesystem>

namespace cp::gui {

namespace {

double msSince(const QElapsedTimer& t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

} // namespace

SimulationWorker::SimulationWorker(std::shared_ptr<const GenerationCounters> counters, QObject* parent)
    : QObject(parent), m_counters(std::move(counters))
{
}

void SimulationWorker::simulate(const RunRequest& request)
{
    if (request.generation < m_counters->latest(request.kind))
        return; // superseded while it waited in the queue
    if (m_hook)
        m_hook(request);
    auto outcome = std::make_shared<RunOutcome>();
    outcome->kind = request.kind;
    outcome->generation = request.generation;
    outcome->scenarioPath = request.scenarioPath;
    outcome->overrides = request.overrides;
    QElapsedTimer timer;
    timer.start();
    try {
        auto scen = std::make_shared<scenario::Scenario>(
            scenario::loadScenario(request.scenarioPath, scenario::LoadOptions{request.overrides, {}}));
        outcome->loadMs = msSince(timer);
        timer.restart();
        model::WorldOptions options;
        options.recordNetwork = true;
        outcome->result = std::make_shared<model::RunResult>(runner::runScenario(*scen, scen->run.seed, options));
        outcome->runMs = msSince(timer);
        outcome->scenario = std::move(scen);
    } catch (const scenario::ScenarioError& e) {
        outcome->errors = e.diagnostics();
    } catch (const std::exception& e) {
        outcome->errors.push_back({request.scenarioPath, 0, 0, {}, std::string("run failed: ") + e.what()});
    }
    emit runFinished(std::move(outcome));
}

void SimulationWorker::runMonteCarlo(const MonteCarloRequest& request, const std::shared_ptr<std::atomic<bool>>& cancel)
{
    auto outcome = std::make_shared<MonteCarloOutcome>();
    QElapsedTimer timer;
    timer.start();
    try {
        const auto scen = scenario::loadScenario(request.scenarioPath, scenario::LoadOptions{request.overrides, {}});
        runner::BatchConfig config;
        config.runs = request.runs;
        config.jobs = std::max(1u, request.jobs);
        config.masterSeed = scen.run.seed;
        config.options.recordLog = false;
        const std::filesystem::path out(request.outDir);
        const bool writeFiles = !request.outDir.empty();
        if (writeFiles)
            std::filesystem::create_directories(out);
        runner::BatchOutput output(scen, writeFiles ? std::optional<std::filesystem::path>(out / "timeseries.csv")
                                                    : std::nullopt);
        runner::runBatch(
            scen, config,
            [&](std::size_t index, std::uint64_t seed, const runner::RunResult& r) {
                output.add(index, seed, r);
                outcome->runsDone = index + 1;
            },
            [&](std::size_t done, std::size_t total) { emit monteCarloProgress(done, total); }, cancel.get());
        outcome->cancelled = cancel && cancel->load();
        outcome->table = QString::fromStdString(output.summary().table());
        if (writeFiles && !outcome->cancelled) {
            output.commit(out / "summary.json",
                          provenanceFor(request.scenarioPath, request.overrides, config.masterSeed, config.runs));
            outcome->files << QString::fromStdString((out / "timeseries.csv").string())
                           << QString::fromStdString((out / "summary.json").string());
        }
        outcome->ok = true;
    } catch (const scenario::ScenarioError& e) {
        outcome->message = diagnosticLines(e.diagnostics()).join(QLatin1Char('\n'));
    } catch (const std::exception& e) {
        outcome->message = QString::fromUtf8(e.what());
    }
    outcome->seconds = msSince(timer) / 1000.0;
    emit monteCarloFinished(std::move(outcome));
}

} // namespace cp::gui
