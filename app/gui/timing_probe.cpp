// `chokepoint --measure N` (see screenshot.hpp): start-up to first charted run; N edits of one
// parameter, each timed from the edit to the charts having repainted; then a slider drag (a
// move every 16 ms, as a 60 Hz display, for a second): how often the charts were redrawn during
// it and how long after the last move its value was drawn; and peak memory.
#include "app/gui/screenshot.hpp"

#include "app/gui/charts/charts_panel.hpp"
#include "app/gui/main_window.hpp"
#include "app/gui/scenario_document.hpp"
#include "app/gui/simulation_controller.hpp"

#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace cp::gui {

namespace {

QString procStatus(const char* key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return QString::fromLatin1(line.mid(static_cast<int>(qstrlen(key)))).simplified();
    return QStringLiteral("?");
}

constexpr int kDragMoves = 60, kDragMoveMs = 16;

struct Probe {
    MainWindow* window;
    int edits;
    QElapsedTimer sinceStart, sinceEdit;
    std::vector<double> editMs, loadMs, runMs;
    int done = -1; // -1: waiting for the first run
    std::function<void(int)> finish;
    // The drag, after the edits.
    QTimer dragTimer;
    int moves = 0, redrawsDuringDrag = 0;
    double movesMs = 0; ///< from the first move to the last
    QElapsedTimer dragClock, sinceLastMove;
};

const char* const kParameter = "firms.deepseek.algorithmic_efficiency";

void nextEdit(const std::shared_ptr<Probe>& p)
{
    const double value = 1.5 + 0.01 * (p->done % 50); // DeepSeek's algorithmic efficiency
    p->sinceEdit.start();
    p->window->document()->edit(kParameter, std::to_string(value), QStringLiteral("probe"), 1);
}

void startDrag(const std::shared_ptr<Probe>& p)
{
    p->dragClock.start();
    p->dragTimer.setInterval(kDragMoveMs);
    QObject::connect(&p->dragTimer, &QTimer::timeout, p->window, [p] {
        const double value = 2.0 + 0.01 * p->moves++;
        p->sinceLastMove.start();
        p->window->document()->edit(kParameter, std::to_string(value), QStringLiteral("drag"), 2);
        if (p->moves == kDragMoves) {
            p->dragTimer.stop();
            p->movesMs = static_cast<double>(p->dragClock.nsecsElapsed()) / 1e6;
        }
    });
    p->dragTimer.start();
}

double percentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

void report(const Probe& p)
{
    // Moves come from a timer on the GUI thread, so redrawing delays them: they take longer
    // than 60 x 16 ms when a redraw takes longer than 16 ms.
    const double drawnMs = static_cast<double>(p.dragClock.nsecsElapsed()) / 1e6;
    std::printf("drag, %d moves due every %d ms (they took %.0f ms): charts redrawn %d times until the last "
                "move's value, %.0f a second; that value drawn %.1f ms after the last move\n",
                kDragMoves, kDragMoveMs, p.movesMs, p.redrawsDuringDrag, 1000.0 * p.redrawsDuringDrag / drawnMs,
                static_cast<double>(p.sinceLastMove.nsecsElapsed()) / 1e6);
    std::printf("memory: peak RSS %s, now %s\n", qPrintable(procStatus("VmHWM:")), qPrintable(procStatus("VmRSS:")));
    std::fflush(stdout);
    p.finish(0);
}

} // namespace

void measureWhenReady(MainWindow* window, int edits, QElapsedTimer sinceStart, std::function<void(int)> done)
{
    auto p = std::make_shared<Probe>();
    p->window = window;
    p->edits = edits;
    p->sinceStart = sinceStart;
    p->finish = std::move(done);
    QObject::connect(window, &MainWindow::resultShown, window, [p] {
        p->window->charts()->repaint(); // the redraw is part of the latency
        if (p->moves > 0) { // dragging
            ++p->redrawsDuringDrag;
            // Not busy once the run of the last move is shown: nothing left to run.
            if (p->moves == kDragMoves && !p->window->controller()->isBusy())
                report(*p);
            return;
        }
        if (p->done < 0) {
            std::printf("start-up to first charted run: %.0f ms\n", static_cast<double>(p->sinceStart.nsecsElapsed()) / 1e6);
        } else {
            p->editMs.push_back(static_cast<double>(p->sinceEdit.nsecsElapsed()) / 1e6);
            p->loadMs.push_back(p->window->controller()->lastStats().loadMs);
            p->runMs.push_back(p->window->controller()->lastStats().runMs);
        }
        if (++p->done < p->edits) {
            QTimer::singleShot(0, p->window, [p] { nextEdit(p); });
            return;
        }
        std::printf("%d edits, edit -> redrawn charts: median %.1f ms, p90 %.1f ms, max %.1f ms "
                    "(of which loading the scenario %.1f ms, simulating %.1f ms, medians)\n",
                    p->edits, percentile(p->editMs, 0.5), percentile(p->editMs, 0.9), percentile(p->editMs, 1.0),
                    percentile(p->loadMs, 0.5), percentile(p->runMs, 0.5));
        QTimer::singleShot(0, p->window, [p] { startDrag(p); });
    });
}

} // namespace cp::gui
