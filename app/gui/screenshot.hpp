// Unattended runs of the window: `--screenshot FILE.png` (render the window after the first
// run and exit; used by tests and for the README's picture) and `--measure N` (time start-up
// and N edits from the edit to redrawn charts, report peak memory, exit).
#pragma once

#include "app/gui/app_options.hpp"

#include <QElapsedTimer>

#include <functional>

namespace cp::gui {

class MainWindow;

/// Applies the view options (--view, --chart, --date, --difference) to a window that shows a run.
void applyViewOptions(MainWindow* window, const AppOptions& options);

/// Once the window shows its first run (and the --reference run, if any): applies the view
/// options, saves the window as a PNG and calls done(0), or done(1) on failure or timeout.
void takeScreenshotWhenReady(MainWindow* window, const AppOptions& options, std::function<void(int)> done);

/// The timing harness behind --measure; prints a small report on stdout.
void measureWhenReady(MainWindow* window, int edits, QElapsedTimer sinceStart, std::function<void(int)> done);

} // namespace cp::gui
