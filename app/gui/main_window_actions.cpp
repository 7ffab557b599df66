// Main window: actions, menus, toolbar and Monte Carlo (see main_window.hpp). Shortcuts follow
// desktop conventions for files and editing, and OMNeT++'s Qtenv for running (F5 run, F4 step).
#include "app/gui/main_window.hpp"

#include "app/gui/about_dialog.hpp"
#include "app/gui/app_paths.hpp"
#include "app/gui/charts/charts_panel.hpp"
#include "app/gui/param_editor.hpp"
#include "app/gui/plural.hpp"
#include "app/gui/playback_controller.hpp"
#include "app/gui/run_controls.hpp"
#include "app/gui/scenario_document.hpp"
#include "app/gui/scenario_panel.hpp"
#include "app/gui/simulation_controller.hpp"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QThread>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>

namespace cp::gui {

QAction* MainWindow::addAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                               const QString& tip)
{
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    const QString shortcutText = shortcut.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(shortcut.toString(QKeySequence::NativeText));
    a->setToolTip((tip.isEmpty() ? QString(text).remove(QLatin1Char('&')) : tip) + shortcutText);
    a->setStatusTip(tip);
    m_actions[name] = a;
    QMainWindow::addAction(a); // shortcuts work even when menus are hidden
    return a;
}

void MainWindow::createActions()
{
    QStyle* st = style();
    // File
    addAction(QStringLiteral("open"), tr("&Open…"), QKeySequence::Open, tr("Open a scenario file"))
        ->setIcon(st->standardIcon(QStyle::SP_DialogOpenButton));
    addAction(QStringLiteral("save"), tr("&Save"), QKeySequence::Save, tr("Save the changes as a small file that extends the base scenario"))
        ->setIcon(st->standardIcon(QStyle::SP_DialogSaveButton));
    addAction(QStringLiteral("saveAs"), tr("Save &As…"), QKeySequence::SaveAs);
    addAction(QStringLiteral("exportChart"), tr("Export &Chart…"), QKeySequence(tr("Ctrl+E")),
              tr("The visible chart as PNG or SVG, with scenario, seed and version in a footer"));
    addAction(QStringLiteral("exportData"), tr("Export &Data…"), QKeySequence(tr("Ctrl+Shift+E")),
              tr("timeseries.csv and summary.json, as chokepoint-batch writes them"));
    addAction(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit);
    // Edit
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo"), st->standardIcon(QStyle::SP_ArrowBack)));
    m_actions[QStringLiteral("undo")] = undo;
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(tr("Ctrl+Y"))});
    redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo"), st->standardIcon(QStyle::SP_ArrowForward)));
    m_actions[QStringLiteral("redo")] = redo;
    addAction(QStringLiteral("revertAll"), tr("Re&vert All Changes"), {}, tr("Back to the scenario as opened (undoable)"));
    addAction(QStringLiteral("findParameter"), tr("&Find Parameter"), QKeySequence::Find);
    // View
    addAction(QStringLiteral("viewCharts"), tr("&Charts"), QKeySequence(tr("Ctrl+1")));
    addAction(QStringLiteral("viewNetwork"), tr("&Network"), QKeySequence(tr("Ctrl+2")));
    addAction(QStringLiteral("fullScreen"), tr("&Full Screen"), QKeySequence::FullScreen)->setCheckable(true);
    // Simulation
    addAction(QStringLiteral("playPause"), tr("&Play"), QKeySequence(tr("F5")), tr("Play or pause 2022-2027 unfolding"))
        ->setIcon(st->standardIcon(QStyle::SP_MediaPlay));
    addAction(QStringLiteral("stepBack"), tr("Step &Back"), QKeySequence(tr("Shift+F4")), tr("One month back"))
        ->setIcon(st->standardIcon(QStyle::SP_MediaSeekBackward));
    addAction(QStringLiteral("stepForward"), tr("&Step"), QKeySequence(tr("F4")), tr("One month forward"))
        ->setIcon(st->standardIcon(QStyle::SP_MediaSeekForward));
    addAction(QStringLiteral("reset"), tr("&Reset"), QKeySequence(tr("Ctrl+F5")), tr("Back to the first month, ready to play"))
        ->setIcon(st->standardIcon(QStyle::SP_MediaSkipBackward));
    addAction(QStringLiteral("showAll"), tr("Show &Whole Run"), QKeySequence(tr("F8")), tr("Stop and show every month"))
        ->setIcon(st->standardIcon(QStyle::SP_MediaSkipForward));
    addAction(QStringLiteral("faster"), tr("&Faster"), QKeySequence(tr("Ctrl+]")));
    addAction(QStringLiteral("slower"), tr("S&lower"), QKeySequence(tr("Ctrl+[")));
    addAction(QStringLiteral("rerun"), tr("Re-run &Now"), QKeySequence(tr("Ctrl+R")), tr("Simulate the scenario again"));
    addAction(QStringLiteral("pinReference"), tr("&Pin as Reference"), QKeySequence(tr("Ctrl+Shift+P")),
              tr("Keep the current run as the dashed reference line"));
    addAction(QStringLiteral("clearReference"), tr("&Clear Reference"), {});
    QAction* diff = addAction(QStringLiteral("difference"), tr("&Difference from Reference"), QKeySequence(tr("Ctrl+D")),
                              tr("Charts show current minus reference"));
    diff->setCheckable(true);
    addAction(QStringLiteral("monteCarlo"), tr("&Monte Carlo Runs…"), QKeySequence(tr("Ctrl+M")),
              tr("Many runs with uncertain parameters drawn; writes the batch CLI's files"));
    // Help
    addAction(QStringLiteral("scenarioFormat"), tr("Scenario &Format"), QKeySequence::HelpContents);
    addAction(QStringLiteral("about"), tr("&About Chokepoint"), {});
    addAction(QStringLiteral("aboutQt"), tr("About &Qt"), {});

    auto on = [this](const char* name, auto slot) { connect(action(QLatin1String(name)), &QAction::triggered, this, slot); };
    on("open", [this] {
        const QString dir = m_document->isOpen() ? QFileInfo(m_document->basePath()).absolutePath() : m_settings.lastDir(QStringLiteral("open"));
        const QString path = m_prompts->openFileName(this, tr("Open scenario"), dir, tr("Scenarios (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty() && openScenario(path))
            m_settings.setLastDir(QStringLiteral("open"), QFileInfo(path).absolutePath());
    });
    on("save", [this] { save(); });
    on("saveAs", [this] { saveAs(); });
    on("exportChart", [this] { exportChart(); });
    on("exportData", [this] { exportData(); });
    on("quit", [this] { close(); });
    on("revertAll", [this] {
        const auto overrides = m_document->overrides();
        if (overrides.empty())
            return;
        m_document->undoStack()->beginMacro(tr("Revert all changes"));
        for (const auto& o : overrides)
            m_document->edit(o.path, std::nullopt, {});
        m_document->undoStack()->endMacro();
    });
    on("findParameter", [this] {
        m_panelDock->show();
        m_panel->pages()->setCurrentWidget(m_panel->parameters());
        if (auto* search = m_panel->parameters()->findChild<QLineEdit*>())
            search->setFocus(Qt::ShortcutFocusReason);
    });
    on("viewCharts", [this] { showView(QStringLiteral("charts")); });
    on("viewNetwork", [this] { showView(QStringLiteral("network")); });
    on("fullScreen", [this](bool full) { full ? showFullScreen() : showNormal(); });
    on("playPause", [this] { m_playback->togglePlay(); });
    on("stepBack", [this] { m_playback->stepBack(); });
    on("stepForward", [this] { m_playback->stepForward(); });
    on("reset", [this] { m_playback->reset(); });
    on("showAll", [this] { m_playback->showAll(); });
    on("faster", [this] { m_playback->faster(); });
    on("slower", [this] { m_playback->slower(); });
    on("rerun", [this] { m_controller->runNow(); });
    on("pinReference", [this] { m_controller->pinCurrentAsReference(); });
    on("clearReference", [this] { m_controller->clearReference(); });
    on("difference", [this](bool onOff) { m_charts->setDifferenceMode(onOff); });
    on("monteCarlo", [this] { startMonteCarlo(); });
    on("scenarioFormat", [] {
        const QString readme = bundledScenariosDir() + QStringLiteral("/README.md");
        QDesktopServices::openUrl(QUrl::fromLocalFile(readme));
    });
    on("about", [this] { showAbout(this); });
    on("aboutQt", [] { QApplication::aboutQt(); });
}

void MainWindow::createMenus()
{
    auto add = [this](QMenu* menu, std::initializer_list<const char*> names) {
        for (const char* n : names) {
            if (QLatin1String(n) == QLatin1String("-"))
                menu->addSeparator();
            else
                menu->addAction(action(QLatin1String(n)));
        }
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    add(file, {"open"});
    m_presetMenu = file->addMenu(tr("Open &Preset"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    add(file, {"-", "save", "saveAs", "-", "exportChart", "exportData", "-", "quit"});
    connect(file, &QMenu::aboutToShow, this, &MainWindow::updatePresetAndRecentMenus);
    updatePresetAndRecentMenus();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    add(edit, {"undo", "redo", "-", "revertAll", "-", "findParameter"});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    add(view, {"viewCharts", "viewNetwork", "-"});
    view->addAction(m_panelDock->toggleViewAction());
    view->addAction(m_logDock->toggleViewAction());
    view->addAction(m_undoDock->toggleViewAction());
    m_panelDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+3")));
    m_logDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+4")));
    m_firmMenu = view->addMenu(tr("F&irms in Charts"));
    add(view, {"-", "fullScreen"});

    QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
    add(sim, {"playPause", "stepBack", "stepForward", "reset", "showAll", "-", "faster", "slower", "-", "rerun", "-",
              "pinReference", "clearReference", "difference"});
    QMenu* refPreset = sim->addMenu(tr("Reference &from Preset"));
    for (const Preset& p : bundledPresets())
        connect(refPreset->addAction(p.name), &QAction::triggered, this,
                [this, p] { m_controller->setReferenceScenario(p.path, QFileInfo(p.path).fileName()); });
    add(sim, {"-", "monteCarlo"});

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, {"scenarioFormat", "-", "about", "aboutQt"});
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->addAction(action(QStringLiteral("open")));
    bar->addAction(action(QStringLiteral("save")));
    bar->addAction(action(QStringLiteral("undo")));
    bar->addAction(action(QStringLiteral("redo")));
    bar->addSeparator();
    m_runControls = new RunControls(m_playback,
                                    {action(QStringLiteral("playPause")), action(QStringLiteral("reset")),
                                     action(QStringLiteral("stepBack")), action(QStringLiteral("stepForward")),
                                     action(QStringLiteral("showAll"))},
                                    bar);
    bar->addWidget(m_runControls);
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("pinReference")));
    bar->addAction(action(QStringLiteral("difference")));
    for (const char* n : {"pinReference", "difference"})
        if (auto* b = qobject_cast<QToolButton*>(bar->widgetForAction(action(QLatin1String(n)))))
            b->setToolButtonStyle(Qt::ToolButtonTextOnly);
}

void MainWindow::updatePresetAndRecentMenus()
{
    m_presetMenu->clear();
    for (const Preset& p : bundledPresets())
        connect(m_presetMenu->addAction(p.name), &QAction::triggered, this, [this, p] { openScenario(p.path); });
    m_presetMenu->setEnabled(!m_presetMenu->isEmpty());
    m_recentMenu->clear();
    const QStringList recent = m_options.persistSettings ? m_settings.recentFiles() : QStringList();
    for (const QString& f : recent)
        connect(m_recentMenu->addAction(QFileInfo(f).fileName()), &QAction::triggered, this, [this, f] { openScenario(f); });
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this, [this] { m_settings.clearRecentFiles(); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::startMonteCarlo()
{
    if (m_controller->isMonteCarloRunning() || !m_document->isOpen())
        return;
    bool ok = false;
    const int runs = QInputDialog::getInt(this, tr("Monte Carlo runs"),
                                          tr("Runs (uncertain parameters drawn from their distributions):"), 200, 2,
                                          100000, 50, &ok);
    if (!ok)
        return;
    const QString dir = m_prompts->directory(this, tr("Folder for timeseries.csv and summary.json"),
                                             m_settings.lastDir(QStringLiteral("export")));
    if (dir.isEmpty())
        return;
    m_settings.setLastDir(QStringLiteral("export"), dir);
    m_monteCarloProgress->setRange(0, runs);
    m_monteCarloProgress->setValue(0);
    m_monteCarloProgress->show();
    m_monteCarloCancel->show();
    action(QStringLiteral("monteCarlo"))->setEnabled(false);
    m_controller->startMonteCarlo(static_cast<std::size_t>(runs), static_cast<unsigned>(std::max(1, QThread::idealThreadCount())),
                                  dir);
}

void MainWindow::onMonteCarloFinished(const MonteCarloOutcomePtr& outcome)
{
    m_monteCarloProgress->hide();
    m_monteCarloCancel->hide();
    action(QStringLiteral("monteCarlo"))->setEnabled(true);
    if (!outcome->ok) {
        m_prompts->error(this, tr("Monte Carlo failed"), outcome->message);
        return;
    }
    if (outcome->cancelled) {
        statusBar()->showMessage(tr("Monte Carlo cancelled after %1; nothing written")
                                     .arg(countOf(static_cast<long long>(outcome->runsDone), tr("run"), tr("runs"))),
                                 8000);
        return;
    }
    m_prompts->report(this, tr("Monte Carlo summary"),
                      tr("%1 in %2 s. Wrote %3.")
                          .arg(countOf(static_cast<long long>(outcome->runsDone), tr("run"), tr("runs")))
                          .arg(outcome->seconds, 0, 'f', 1)
                          .arg(outcome->files.join(QStringLiteral(", "))),
                      outcome->table);
}

} // namespace cp::gui
