#include "app/gui/simulation_controller.hpp"

#include "app/gui/plural.hpp"
#include "app/gui/scenario_document.hpp"

#include <QFileInfo>
#include <QThread>

namespace cp::gui {

SimulationController::SimulationController(ScenarioDocument* document, QObject* parent)
    : QObject(parent), m_document(document), m_counters(std::make_shared<GenerationCounters>())
{
    qRegisterMetaType<cp::gui::RunOutcomePtr>();
    qRegisterMetaType<cp::gui::MonteCarloOutcomePtr>();

    m_nextTurn.setSingleShot(true);
    m_nextTurn.setInterval(0);
    connect(&m_nextTurn, &QTimer::timeout, this, &SimulationController::runNow);

    m_runThread = new QThread(this);
    m_runThread->setObjectName(QStringLiteral("chokepoint-run"));
    m_batchThread = new QThread(this);
    m_batchThread->setObjectName(QStringLiteral("chokepoint-batch"));
    m_runWorker = new SimulationWorker(m_counters);
    m_batchWorker = new SimulationWorker(m_counters);
    m_runWorker->moveToThread(m_runThread);
    m_batchWorker->moveToThread(m_batchThread);
    connect(m_runWorker, &SimulationWorker::runFinished, this, &SimulationController::onRunFinished,
            Qt::QueuedConnection);
    connect(m_batchWorker, &SimulationWorker::monteCarloProgress, this, &SimulationController::monteCarloProgress,
            Qt::QueuedConnection);
    connect(m_batchWorker, &SimulationWorker::monteCarloFinished, this,
            [this](const MonteCarloOutcomePtr& outcome) {
                m_monteCarloCancel.reset();
                emit monteCarloFinished(outcome);
            },
            Qt::QueuedConnection);
    m_runThread->start();
    m_batchThread->start();

    connect(m_document, &ScenarioDocument::overrideChanged, this, &SimulationController::scheduleRun);
    connect(m_document, &ScenarioDocument::documentReset, this, &SimulationController::onDocumentReset);
}

SimulationController::~SimulationController()
{
    if (m_monteCarloCancel)
        m_monteCarloCancel->store(true);
    m_runThread->quit();
    m_batchThread->quit();
    m_runThread->wait();
    m_batchThread->wait();
    delete m_runWorker;
    delete m_batchWorker;
}

void SimulationController::scheduleRun()
{
    if (!m_sinceEdit.isValid())
        m_sinceEdit.start(); // the first edit of a burst
    m_editsWaiting = true;
    if (!runUnderWay())
        m_nextTurn.start(); // else onRunFinished() sends them
    updateBusy();
}

void SimulationController::runNow()
{
    m_nextTurn.stop();
    m_editsWaiting = false;
    if (!m_document->isOpen())
        return;
    if (!m_sinceEdit.isValid())
        m_sinceEdit.start();
    m_generation += 1;
    m_counters->current.store(m_generation);
    post({RunKind::Current, m_generation, m_document->basePath().toStdString(), m_document->overrides()});
    updateBusy();
}

void SimulationController::post(RunRequest request)
{
    QMetaObject::invokeMethod(
        m_runWorker, [worker = m_runWorker, request = std::move(request)] { worker->simulate(request); },
        Qt::QueuedConnection);
}

void SimulationController::onDocumentReset()
{
    m_reference.reset();
    m_referenceLabel = tr("%1 as opened").arg(QFileInfo(m_document->basePath()).fileName());
    emit referenceChanged();
    if (m_document->overrides().empty()) {
        m_pinNextAsReference = true; // the first run is the base scenario itself
    } else {
        m_pinNextAsReference = false;
        m_referenceGeneration = m_counters->reference.fetch_add(1) + 1;
        post({RunKind::Reference, m_referenceGeneration, m_document->basePath().toStdString(), {}});
    }
    m_sinceEdit.invalidate();
    runNow();
}

void SimulationController::pinCurrentAsReference()
{
    if (!m_current)
        return;
    m_reference = m_current;
    m_referenceLabel = tr("pinned run (%1)")
                           .arg(countOf(static_cast<long long>(m_document->overrides().size()), tr("change"), tr("changes")));
    emit referenceChanged();
}

void SimulationController::setReferenceScenario(const QString& path, const QString& label)
{
    m_pinNextAsReference = false;
    m_referenceLabel = label;
    m_referenceGeneration = m_counters->reference.fetch_add(1) + 1;
    post({RunKind::Reference, m_referenceGeneration, path.toStdString(), {}});
}

void SimulationController::clearReference()
{
    m_pinNextAsReference = false;
    m_counters->reference.fetch_add(1); // any reference run in flight is now stale
    m_referenceGeneration = m_counters->reference.load();
    m_reference.reset();
    m_referenceLabel.clear();
    emit referenceChanged();
}

void SimulationController::onRunFinished(const RunOutcomePtr& outcome)
{
    if (outcome->kind == RunKind::Reference) {
        if (outcome->generation != m_referenceGeneration)
            return;
        if (outcome->ok()) {
            m_reference = outcome->result;
            emit referenceChanged();
        } else {
            emit runFailed(diagnosticLines(outcome->errors));
        }
        return;
    }
    if (outcome->generation != m_generation) {
        ++m_staleDropped; // finished after a newer request was made: never shown
        return;
    }
    m_received = outcome->generation;
    m_stats = {outcome->loadMs, outcome->runMs,
               m_sinceEdit.isValid() ? static_cast<double>(m_sinceEdit.nsecsElapsed()) / 1e6 : 0.0, outcome->generation};
    m_sinceEdit.invalidate();
    // Edits made meanwhile (a drag going on) run next, on the worker while this result is drawn.
    if (m_editsWaiting)
        runNow();
    if (!outcome->ok()) {
        m_lastErrors = diagnosticLines(outcome->errors);
        updateBusy();
        emit runFailed(m_lastErrors);
        return;
    }
    m_lastErrors.clear();
    m_current = outcome->result;
    m_scenario = outcome->scenario;
    m_currentPath = outcome->scenarioPath;
    m_currentOverrides = outcome->overrides;
    updateBusy();
    emit resultReady();
    if (m_pinNextAsReference) {
        m_pinNextAsReference = false;
        m_reference = m_current;
        emit referenceChanged();
    }
}

void SimulationController::updateBusy()
{
    const bool busy = isBusy();
    if (busy != m_wasBusy) {
        m_wasBusy = busy;
        emit busyChanged(busy);
    }
}

void SimulationController::startMonteCarlo(std::size_t runs, unsigned jobs, const QString& outDir)
{
    if (m_monteCarloCancel || !m_document->isOpen())
        return;
    m_monteCarloCancel = std::make_shared<std::atomic<bool>>(false);
    MonteCarloRequest request{m_document->basePath().toStdString(), m_document->overrides(), runs, jobs,
                              outDir.toStdString()};
    QMetaObject::invokeMethod(
        m_batchWorker,
        [worker = m_batchWorker, request = std::move(request), cancel = m_monteCarloCancel] {
            worker->runMonteCarlo(request, cancel);
        },
        Qt::QueuedConnection);
}

void SimulationController::cancelMonteCarlo()
{
    if (m_monteCarloCancel)
        m_monteCarloCancel->store(true);
}

void SimulationController::setBeforeRunHook(const SimulationWorker::BeforeRunHook& hook)
{
    for (SimulationWorker* w : {m_runWorker, m_batchWorker})
        QMetaObject::invokeMethod(w, [w, hook] { w->setBeforeRunHook(hook); }, Qt::BlockingQueuedConnection);
}

} // namespace cp::gui
