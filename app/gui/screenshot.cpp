#include "app/gui/screenshot.hpp"

#include "app/gui/charts/charts_panel.hpp"
#include "app/gui/event_log_view.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/playback_controller.hpp"
#include "app/gui/param_editor.hpp"
#include "app/gui/policy_editor.hpp"
#include "app/gui/scenario_panel.hpp"
#include "app/gui/simulation_controller.hpp"

#include <QAction>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace cp::gui {

void applyViewOptions(MainWindow* window, const AppOptions& options)
{
    if (!options.view.isEmpty())
        window->showView(options.view);
    if (options.panel == QLatin1String("parameters"))
        window->scenarioPanel()->pages()->setCurrentWidget(window->scenarioPanel()->parameters());
    if (options.chart >= 0)
        if (auto* tabs = window->charts()->findChild<QTabWidget*>(); tabs && options.chart < tabs->count())
            tabs->setCurrentIndex(options.chart);
    if (QAction* diff = window->action(QStringLiteral("difference")); options.difference && !diff->isChecked())
        diff->trigger(); // checks it and switches the charts
    if (!options.date.isEmpty())
        if (const auto t = core::parseDate(options.date.toStdString())) {
            window->playback()->reset();
            window->playback()->seekDate(*t);
            window->eventLog()->setCursor(window->playback()->cursorDate(), true, true);
        }
}

void takeScreenshotWhenReady(MainWindow* window, const AppOptions& options, std::function<void(int)> done)
{
    auto finished = std::make_shared<bool>(false);
    auto finish = [finished, done](int code) {
        if (!*finished) {
            *finished = true;
            done(code);
        }
    };
    auto shoot = [window, options, finish] {
        applyViewOptions(window, options);
        // Let layouts and chart items settle before rendering.
        QTimer::singleShot(700, window, [window, options, finish] {
            const QPixmap pixmap = window->grab();
            const bool ok = !pixmap.isNull() && pixmap.save(options.screenshot, "PNG");
            if (!ok)
                std::fprintf(stderr, "chokepoint: cannot write %s\n", qPrintable(options.screenshot));
            finish(ok ? 0 : 1);
        });
    };
    auto ready = std::make_shared<int>(options.referencePreset.isEmpty() ? 1 : 2);
    auto countDown = [ready, shoot] {
        if (--*ready == 0)
            shoot();
    };
    QObject::connect(window, &MainWindow::resultShown, window, [window, countDown, fired = std::make_shared<bool>(false)] {
        // The run with every command-line edit applied: nothing newer is on its way.
        if (!*fired && !window->controller()->isBusy()) {
            *fired = true;
            countDown();
        }
    });
    if (!options.referencePreset.isEmpty())
        QObject::connect(window->controller(), &SimulationController::referenceChanged, window,
                         [window, countDown, fired = std::make_shared<bool>(false)] {
                             if (!*fired && window->controller()->referenceResult()) {
                                 *fired = true;
                                 countDown();
                             }
                         });
    QObject::connect(window->controller(), &SimulationController::runFailed, window, [finish](const QStringList& problems) {
        std::fprintf(stderr, "chokepoint: the scenario cannot be simulated:\n%s\n", qPrintable(problems.join('\n')));
        finish(2);
    });
    QTimer::singleShot(60000, window, [finish] {
        std::fprintf(stderr, "chokepoint: no run finished within 60 s; no screenshot\n");
        finish(1);
    });
}

} // namespace cp::gui
