// `chokepoint --measure N` (see screenshot.hpp): start-up to first charted run, then N edits of
// one parameter, each timed from the edit to the charts having repainted, and peak memory.
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

struct Probe {
    MainWindow* window;
    int edits;
    QElapsedTimer sinceStart, sinceEdit;
    std::vector<double> editMs, loadMs, runMs;
    int done = -1; // -1: waiting for the first run
    std::function<void(int)> finish;
};

void nextEdit(const std::shared_ptr<Probe>& p)
{
    const double value = 1.5 + 0.01 * (p->done % 50); // DeepSeek's algorithmic efficiency
    p->sinceEdit.start();
    p->window->document()->edit("firms.deepseek.algorithmic_efficiency", std::to_string(value), QStringLiteral("probe"),
                                1);
}

double percentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

} // namespace

void measureWhenReady(MainWindow* window, int edits, QElapsedTimer sinceStart, std::function<void(int)> done)
{
    auto p = std::make_shared<Probe>(Probe{window, edits, sinceStart, {}, {}, {}, {}, -1, std::move(done)});
    window->controller()->setDebounceInterval(0); // measure the work; the 50 ms debounce is added on top
    QObject::connect(window, &MainWindow::resultShown, window, [p] {
        p->window->charts()->repaint(); // the redraw is part of the latency
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
                    "(of which loading the scenario %.1f ms, simulating %.1f ms, medians); "
                    "the 50 ms debounce comes on top while dragging\n",
                    p->edits, percentile(p->editMs, 0.5), percentile(p->editMs, 0.9), percentile(p->editMs, 1.0),
                    percentile(p->loadMs, 0.5), percentile(p->runMs, 0.5));
        std::printf("memory: peak RSS %s, now %s\n", qPrintable(procStatus("VmHWM:")), qPrintable(procStatus("VmRSS:")));
        std::fflush(stdout);
        p->finish(0);
    });
}

} // namespace cp::gui
