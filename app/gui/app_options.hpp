// The command line of `chokepoint`. Parsed without a QApplication, so --help, --version and
// the "no display" hint work on a machine without a display.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace cp::gui {

struct AppOptions {
    QString scenario;        ///< file to open; empty = the bundled baseline
    QStringList sets;        ///< KEY=VALUE edits applied after opening (unsaved, undoable)
    QString screenshot;      ///< render the window after the first run to this PNG and exit
    QSize size;              ///< window size (--size WxH); invalid = remembered or default
    QString view;            ///< "charts" or "network": the central tab
    int chart = -1;          ///< chart tab index (0 capability, 1 gap, 2 compute, 3 chips)
    QString panel;           ///< scenario panel page: "policies" or "parameters"
    QString date;            ///< put the playback cursor on this date (YYYY-MM[-DD])
    bool difference = false; ///< charts show the difference from the reference
    QString referencePreset; ///< a scenario file to pin as the reference
    bool noRestore = false;  ///< do not offer to restore unsaved edits from a crash
    int measure = 0;         ///< timing harness: N edits, print timings, exit
    bool help = false, version = false;
    QString error;    ///< non-empty: bad command line
    QString helpText; ///< what --help prints
};

[[nodiscard]] AppOptions parseAppOptions(const QStringList& arguments);

/// Whether a window can be shown: a display is set, or the platform renders off screen.
[[nodiscard]] bool haveDisplay();
/// Printed instead of failing obscurely when there is no display.
[[nodiscard]] QString noDisplayHint();

} // namespace cp::gui
