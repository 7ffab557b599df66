// chokepoint: the desktop app. `chokepoint [SCENARIO]` opens the scenario (the bundled
// baseline by default), simulates it and charts it. Without a display it says how to run
// headless instead of failing obscurely.
#include "app/gui/app_options.hpp"
#include "app/gui/app_paths.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/scenario_document.hpp"
#include "app/gui/simulation_controller.hpp"
#include "app/gui/screenshot.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char** argv)
{
    using namespace cp::gui;
    QElapsedTimer sinceStart;
    sinceStart.start();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const AppOptions options = parseAppOptions(arguments);
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "chokepoint: %s\n\n%s", qPrintable(options.error), qPrintable(options.helpText));
        return 2;
    }
    if (options.help) {
        std::fputs(qPrintable(options.helpText), stdout);
        return 0;
    }
    if (options.version) {
        std::printf("chokepoint %s\n", CHOKEPOINT_VERSION);
        return 0;
    }
    const bool unattended = !options.screenshot.isEmpty() || options.measure > 0;
    if (unattended && !haveDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a screenshot needs no screen
    if (!haveDisplay()) {
        std::fprintf(stderr, "%s\n", qPrintable(noDisplayHint()));
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Chokepoint"));
    QApplication::setApplicationName(QStringLiteral("chokepoint"));
    QApplication::setApplicationDisplayName(QStringLiteral("Chokepoint"));
    QApplication::setApplicationVersion(QStringLiteral(CHOKEPOINT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("chokepoint"));

    MainWindowOptions windowOptions;
    if (unattended) {
        windowOptions.prompts = std::make_shared<ConsolePrompts>();
        windowOptions.persistSettings = false;
        windowOptions.offerRecovery = false;
    }
    MainWindow window(windowOptions);
    if (options.size.isValid())
        window.resize(options.size);
    window.show();

    const QString path = options.scenario.isEmpty() ? defaultScenarioPath() : options.scenario;
    if (!unattended && !options.noRestore)
        window.offerRecovery();
    if (!window.document()->isOpen()) {
        const bool opened = !path.isEmpty() && window.openScenario(path);
        if (!opened) {
            if (unattended || defaultScenarioPath().isEmpty() || options.scenario.isEmpty())
                return 2; // the reason was printed or shown
            window.openScenario(defaultScenarioPath()); // the bad file was reported; show something useful
        }
    }
    window.applyEdits(options.sets);
    if (!options.referencePreset.isEmpty())
        window.controller()->setReferenceScenario(QFileInfo(options.referencePreset).absoluteFilePath(),
                                                  QFileInfo(options.referencePreset).fileName());

    auto quitWith = [](int code) { QCoreApplication::exit(code); };
    if (!options.screenshot.isEmpty())
        takeScreenshotWhenReady(&window, options, quitWith);
    else if (options.measure > 0)
        measureWhenReady(&window, options.measure, sinceStart, quitWith);
    else if (!options.view.isEmpty() || options.chart >= 0 || !options.panel.isEmpty() || !options.date.isEmpty() ||
             options.difference)
        QObject::connect(&window, &MainWindow::resultShown, &window, [&window, &options] { applyViewOptions(&window, options); },
                         Qt::SingleShotConnection);
    return app.exec();
}
