// Main window: layout, and showing results (see main_window.hpp).
#include "app/gui/main_window.hpp"

#include "app/gui/app_paths.hpp"
#include "app/gui/charts/charts_panel.hpp"
#include "app/gui/error_banner.hpp"
#include "app/gui/event_log_view.hpp"
#include "app/gui/network/network_view.hpp"
#include "app/gui/playback_controller.hpp"
#include "app/gui/run_controls.hpp"
#include "app/gui/scenario_document.hpp"
#include "app/gui/scenario_panel.hpp"
#include "app/gui/simulation_controller.hpp"

#include <QAction>

#include <algorithm>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoView>
#include <QVBoxLayout>

namespace cp::gui {

MainWindow::MainWindow(MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent), m_options(std::move(options)), m_prompts(m_options.prompts)
{
    if (!m_prompts)
        m_prompts = std::make_shared<DialogPrompts>();
    if (m_options.offerRecovery)
        m_recovery = std::make_unique<CrashRecovery>(m_options.recoveryDir);
    setObjectName(QStringLiteral("chokepointMainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/chokepoint/chokepoint.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_document = new ScenarioDocument(this);
    m_controller = new SimulationController(m_document, this);
    m_playback = new PlaybackController(this);
    if (m_options.persistSettings)
        m_playback->setSpeed(m_settings.playbackSpeed());

    createActions();
    buildLayout();
    createMenus();
    createToolBar();
    connectModel();
    updateTitle();
    updateRunStatus();
    resize(1280, 800);
    if (m_options.persistSettings)
        restoreLayout();

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(400);
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::autosave);
}

MainWindow::~MainWindow()
{
    // Children outlive the members: stop the worker threads and silence the document first.
    m_autosave.stop();
    m_document->disconnect(this);
    delete m_controller;
    m_controller = nullptr;
}

void MainWindow::buildLayout()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    m_banner = new ErrorBanner(central);
    m_views = new QTabWidget(central);
    m_views->setDocumentMode(true);
    m_charts = new ChartsPanel(m_views);
    m_network = new NetworkView(m_views);
    m_views->addTab(m_charts, tr("Charts"));
    m_views->addTab(m_network, tr("Network"));
    m_views->setTabToolTip(0, tr("Capability, gap to the frontier, compute by site and chip, chips per jurisdiction (Ctrl+1)"));
    m_views->setTabToolTip(1, tr("Supply and lease routes at the cursor date; hover a route for the rule that blocks it (Ctrl+2)"));
    layout->addWidget(m_banner);
    layout->addWidget(m_views, 1);
    setCentralWidget(central);
    connect(m_views, &QTabWidget::currentChanged, this, &MainWindow::syncNetworkView);

    m_panel = new ScenarioPanel(m_document, bundledPresets(), this);
    m_panelDock = new QDockWidget(tr("Scenario"), this);
    m_panelDock->setObjectName(QStringLiteral("scenarioDock"));
    m_panelDock->setWidget(m_panel);
    m_panelDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_panelDock);

    m_eventLog = new EventLogView(this);
    m_logDock = new QDockWidget(tr("Event log"), this);
    m_logDock->setObjectName(QStringLiteral("eventLogDock"));
    m_logDock->setWidget(m_eventLog);
    m_logDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                           QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    m_undoView = new QUndoView(m_document->undoStack(), this);
    m_undoView->setEmptyLabel(tr("<scenario as opened>"));
    m_undoDock = new QDockWidget(tr("Edit history"), this);
    m_undoDock->setObjectName(QStringLiteral("undoDock"));
    m_undoDock->setWidget(m_undoView);
    addDockWidget(Qt::RightDockWidgetArea, m_undoDock);
    m_undoDock->hide();


    m_dateStatus = new QLabel(this);
    m_speedStatus = new QLabel(this);
    m_runStatus = new QLabel(this);
    m_referenceStatus = new QLabel(this);
    m_monteCarloProgress = new QProgressBar(this);
    m_monteCarloProgress->setMaximumWidth(180);
    m_monteCarloProgress->setFormat(tr("Monte Carlo %v/%m"));
    m_monteCarloProgress->hide();
    m_monteCarloCancel = new QToolButton(this);
    m_monteCarloCancel->setText(tr("Cancel"));
    m_monteCarloCancel->hide();
    for (QWidget* w : {static_cast<QWidget*>(m_monteCarloProgress), static_cast<QWidget*>(m_monteCarloCancel),
                       static_cast<QWidget*>(m_referenceStatus), static_cast<QWidget*>(m_runStatus),
                       static_cast<QWidget*>(m_speedStatus), static_cast<QWidget*>(m_dateStatus)})
        statusBar()->addPermanentWidget(w);
    connect(m_monteCarloCancel, &QToolButton::clicked, m_controller, &SimulationController::cancelMonteCarlo);
}

void MainWindow::connectModel()
{
    connect(m_controller, &SimulationController::resultReady, this, &MainWindow::onResultReady);
    connect(m_controller, &SimulationController::referenceChanged, this, [this] {
        m_charts->setReference(m_controller->referenceResult());
        updateRunStatus();
    });
    connect(m_controller, &SimulationController::runFailed, this, [this](const QStringList& problems) {
        m_banner->showProblems(problems);
        updateRunStatus();
    });
    connect(m_controller, &SimulationController::busyChanged, this, &MainWindow::updateRunStatus);
    connect(m_controller, &SimulationController::monteCarloProgress, this, [this](qulonglong done, qulonglong total) {
        m_monteCarloProgress->setRange(0, static_cast<int>(total));
        m_monteCarloProgress->setValue(static_cast<int>(done));
    });
    connect(m_controller, &SimulationController::monteCarloFinished, this, &MainWindow::onMonteCarloFinished);
    connect(m_banner, &ErrorBanner::undoRequested, m_document->undoStack(), &QUndoStack::undo);

    connect(m_playback, &PlaybackController::cursorChanged, this, &MainWindow::onCursorChanged);
    connect(m_playback, &PlaybackController::speedChanged, this, &MainWindow::updateRunStatus);
    connect(m_playback, &PlaybackController::playingChanged, this, [this](bool playing) {
        QAction* play = action(QStringLiteral("playPause"));
        play->setText(playing ? tr("&Pause") : tr("&Play"));
        play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        updateRunStatus();
    });
    connect(m_charts, &ChartsPanel::dateClicked, this, &MainWindow::jumpTo);
    connect(m_eventLog, &EventLogView::dateActivated, this, [this](core::SimTime date) {
        m_jumpFromLog = true;
        jumpTo(date);
        m_jumpFromLog = false;
    });

    connect(m_document, &ScenarioDocument::modifiedChanged, this, [this] {
        updateTitle();
        scheduleAutosave();
    });
    connect(m_document, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::documentReset, this, [this] {
        m_banner->hide();
        updateTitle();
        scheduleAutosave();
    });
    connect(m_document, &ScenarioDocument::overrideChanged, this, &MainWindow::scheduleAutosave);
    connect(m_panel, &ScenarioPanel::presetChosen, this, &MainWindow::openScenario);
    connect(m_panel, &ScenarioPanel::openFileRequested, action(QStringLiteral("open")), &QAction::trigger);
    connect(m_panel, &ScenarioPanel::revertAllRequested, action(QStringLiteral("revertAll")), &QAction::trigger);
}

void MainWindow::onResultReady()
{
    const ScenarioPtr scenario = m_controller->currentScenario();
    const ResultPtr result = m_controller->currentResult();
    auto firmIds = [](const scenario::Scenario& s) {
        std::vector<std::string> ids;
        for (const auto& f : s.firms)
            ids.push_back(f.id);
        return ids;
    };
    const bool firmsChanged = !m_shownScenario || firmIds(*m_shownScenario) != firmIds(*scenario);
    m_charts->setResult(result, *scenario);
    m_shownScenario = scenario; // kept alive while the charts may refer to it
    syncNetworkView();
    m_eventLog->setResult(result, scenario);
    m_banner->hide();
    if (firmsChanged)
        updateFirmMenu();
    m_playback->setPeriods(result->periods); // re-applies the cursor to the new views
    updateRunStatus();
    emit resultShown();
}

void MainWindow::syncNetworkView()
{
    // Built only while it is on screen: building it took a third of the GUI thread's work per
    // result, which a dragged slider would pay on every frame with the charts in front.
    const ResultPtr& result = m_controller->currentResult();
    if (m_views->currentWidget() != m_network || !result || m_networkResult == result)
        return;
    m_networkResult = result;
    // At the cursor date: the view keeps the date of every onCursorChanged(), hidden or not.
    m_network->setResult(result, m_shownScenario.get());
}

void MainWindow::onCursorChanged(int, core::SimTime date, bool reveal)
{
    m_charts->setCursorDate(date, reveal);
    m_network->setDate(date);
    // The log follows playback and the scrubber, but not a jump the user made from the log.
    m_eventLog->setCursor(date, reveal, reveal && !m_jumpFromLog);
    m_dateStatus->setText(tr("Simulated date: %1").arg(QString::fromStdString(core::formatDate(date)).left(7)));
}

void MainWindow::jumpTo(core::SimTime date)
{
    m_playback->pause();
    m_playback->seekDate(date);
}

void MainWindow::updateTitle()
{
    const QString name = m_document->isOpen() ? m_document->displayName() : tr("no scenario");
    setWindowTitle(tr("%1[*] — Chokepoint").arg(name));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->filePath());
}

void MainWindow::updateRunStatus()
{
    m_speedStatus->setText(tr("%1 %2 mo/s").arg(m_playback->isPlaying() ? QStringLiteral("▶") : QStringLiteral("❚❚"))
                               .arg(m_playback->speed()));
    m_speedStatus->setToolTip(tr("Playback speed in simulated months per second"));
    const RunStats& s = m_controller->lastStats();
    if (m_controller->isBusy())
        m_runStatus->setText(tr("Simulating…"));
    else if (!m_controller->lastErrors().isEmpty())
        m_runStatus->setText(tr("Last edit invalid"));
    else if (m_controller->currentResult())
        m_runStatus->setText(tr("Run %1 ms").arg(s.runMs + s.loadMs, 0, 'f', 0));
    m_runStatus->setToolTip(tr("Load %1 ms, simulate %2 ms; edit to result %3 ms (run #%4, fingerprint %5)")
                                .arg(s.loadMs, 0, 'f', 1)
                                .arg(s.runMs, 0, 'f', 1)
                                .arg(s.editToResultMs, 0, 'f', 1)
                                .arg(s.generation)
                                .arg(m_controller->currentResult()
                                         ? QString::fromStdString(m_controller->currentResult()->fingerprint)
                                         : QString()));
    const QString ref = m_controller->referenceResult() ? m_controller->referenceLabel() : tr("none");
    m_referenceStatus->setText(tr("Reference: %1").arg(ref));
    m_referenceStatus->setToolTip(tr("Drawn dashed beside the current run (Simulation > Reference)"));
}

void MainWindow::updateFirmMenu()
{
    m_firmMenu->clear();
    if (!m_shownScenario)
        return;
    QAction* all = m_firmMenu->addAction(tr("Show all firms"));
    m_firmMenu->addSeparator();
    QList<QAction*> firms;
    for (const auto& f : m_shownScenario->firms) {
        QAction* a = m_firmMenu->addAction(QString::fromStdString(f.name));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(QString::fromStdString(f.id));
        firms << a;
    }
    auto apply = [this, firms] {
        QStringList ids;
        for (QAction* a : firms)
            if (a->isChecked())
                ids << a->data().toString();
        m_charts->setVisibleFirms(ids.size() == firms.size() ? QStringList() : ids);
    };
    for (QAction* a : firms)
        connect(a, &QAction::toggled, this, apply);
    connect(all, &QAction::triggered, this, [firms] {
        for (QAction* a : firms)
            a->setChecked(true);
    });
    m_charts->setVisibleFirms({});
}

void MainWindow::showView(const QString& view)
{
    m_views->setCurrentIndex(view == QLatin1String("network") ? 1 : 0);
}

QAction* MainWindow::action(const QString& name) const
{
    auto it = m_actions.find(name);
    return it == m_actions.end() ? nullptr : it->second;
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings.windowState();
    if (!state.isEmpty())
        m_layoutRestored = restoreState(state);
}

void MainWindow::saveLayout()
{
    if (!m_options.persistSettings)
        return;
    m_settings.setWindowLayout(saveGeometry(), saveState());
    m_settings.setPlaybackSpeed(m_playback->speed());
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_layoutRestored)
        return;
    // First start: the charts get most of the room, at any window size.
    m_layoutRestored = true;
    resizeDocks({m_panelDock}, {std::clamp(width() / 5, 340, 420)}, Qt::Horizontal);
    resizeDocks({m_logDock}, {std::clamp(height() / 5, 140, 260)}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_playback->pause();
    saveLayout();
    if (m_recovery)
        m_recovery->clear();
    event->accept();
}

} // namespace cp::gui
