// The main window: scenario panel (left), charts and network view (centre, tabbed), event log
// (bottom), run controls (toolbar), status bar with the simulated date and run speed. It wires
// the document, the simulation controller and the playback controller to the views; it never
// simulates itself. Construction is split over main_window*.cpp: layout and result display
// here, actions and menus in _actions, files (open/save/export/recovery) in _files.
#pragma once

#include "app/gui/app_settings.hpp"
#include "app/gui/crash_recovery.hpp"
#include "app/gui/prompts.hpp"
#include "app/gui/run_types.hpp"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;
class QUndoView;

namespace cp::gui {

class ChartsPanel;
class ErrorBanner;
class EventLogView;
class NetworkView;
class PlaybackController;
class RunControls;
class ScenarioDocument;
class ScenarioPanel;
class SimulationController;

struct MainWindowOptions {
    std::shared_ptr<Prompts> prompts;  ///< null = real dialogs
    bool persistSettings = true;       ///< restore and save window layout, recent files
    bool offerRecovery = true;         ///< keep crash-recovery snapshots of unsaved edits
    QString recoveryDir;               ///< empty = the app's data folder
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(MainWindowOptions options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Files. Each returns false when it failed or the user cancelled.
    /// Opens a scenario file (asks first if there are unsaved changes). A bad file is reported
    /// (file, line, key) and the current scenario stays open.
    bool openScenario(const QString& path);
    bool save();
    /// `path` empty = ask for one.
    bool saveAs(const QString& path = {});
    /// PNG or SVG by the file suffix, with a provenance footer. `path` empty = ask.
    bool exportChart(const QString& path = {});
    /// timeseries.csv and summary.json as chokepoint-batch writes them. `dir` empty = ask.
    bool exportData(const QString& dir = {});
    /// Offers to restore unsaved edits left by a session that crashed.
    void offerRecovery();
    /// `--set KEY=VALUE` edits from the command line, as undoable unsaved edits.
    void applyEdits(const QStringList& sets);
    /// Asks to save unsaved changes; true when it is fine to go on.
    bool maybeSave();
    /// "charts" or "network".
    void showView(const QString& view);

    [[nodiscard]] ScenarioDocument* document() const { return m_document; }
    [[nodiscard]] SimulationController* controller() const { return m_controller; }
    [[nodiscard]] PlaybackController* playback() const { return m_playback; }
    [[nodiscard]] ChartsPanel* charts() const { return m_charts; }
    [[nodiscard]] NetworkView* network() const { return m_network; }
    [[nodiscard]] EventLogView* eventLog() const { return m_eventLog; }
    [[nodiscard]] ScenarioPanel* scenarioPanel() const { return m_panel; }
    [[nodiscard]] ErrorBanner* errorBanner() const { return m_banner; }
    [[nodiscard]] RunControls* runControls() const { return m_runControls; }
    [[nodiscard]] QTabWidget* centralTabs() const { return m_views; }
    /// An action by object name ("save", "undo", "playPause", ...), or nullptr.
    [[nodiscard]] QAction* action(const QString& name) const;

signals:
    /// The views now show a new current run.
    void resultShown();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // main_window.cpp
    void buildLayout();
    void connectModel();
    void onResultReady();
    /// Gives the network view the current run if it is the tab in front and shows an older one.
    void syncNetworkView();
    void onCursorChanged(int index, core::SimTime date, bool reveal);
    void jumpTo(core::SimTime date);
    void updateTitle();
    void updateRunStatus();
    void updateFirmMenu();
    void restoreLayout();
    void saveLayout();
    // main_window_actions.cpp
    void createActions();
    void createMenus();
    void createToolBar();
    QAction* addAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                       const QString& tip = {});
    void updatePresetAndRecentMenus();
    void startMonteCarlo();
    void onMonteCarloFinished(const MonteCarloOutcomePtr& outcome);
    // main_window_files.cpp
    bool writeScenario(const QString& path);
    void scheduleAutosave();
    void autosave();

    MainWindowOptions m_options;
    std::shared_ptr<Prompts> m_prompts;
    AppSettings m_settings;
    std::unique_ptr<CrashRecovery> m_recovery;
    QTimer m_autosave;

    ScenarioDocument* m_document = nullptr;
    SimulationController* m_controller = nullptr;
    PlaybackController* m_playback = nullptr;
    ScenarioPanel* m_panel = nullptr;
    ChartsPanel* m_charts = nullptr;
    NetworkView* m_network = nullptr;
    EventLogView* m_eventLog = nullptr;
    ErrorBanner* m_banner = nullptr;
    RunControls* m_runControls = nullptr;
    QTabWidget* m_views = nullptr;
    QUndoView* m_undoView = nullptr;
    QDockWidget* m_panelDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QDockWidget* m_undoDock = nullptr;
    QLabel* m_dateStatus = nullptr;
    QLabel* m_speedStatus = nullptr;
    QLabel* m_runStatus = nullptr;
    QLabel* m_referenceStatus = nullptr;
    QProgressBar* m_monteCarloProgress = nullptr;
    QToolButton* m_monteCarloCancel = nullptr;
    QMenu* m_presetMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_firmMenu = nullptr;
    std::map<QString, QAction*> m_actions;
    ScenarioPtr m_shownScenario; ///< kept alive while the charts show its run
    ResultPtr m_networkResult;   ///< the run the network view shows (it may lag while hidden)
    bool m_layoutRestored = false; ///< dock sizes came from the last session
    bool m_jumpFromLog = false;    ///< the log chose the date: do not re-select its row
};

} // namespace cp::gui
