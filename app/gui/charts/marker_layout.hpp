// Placement of policy-marker labels in rows above the plot so that no two labels overlap and
// as few marker lines as possible pass behind a label. Pure geometry; internal to charts.
#pragma once

#include <QFontMetricsF>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace cp::gui::charts {

struct MarkerInput {
    double x = 0;  ///< pixel position of the marker line
    QString text;  ///< preferred label
    QStringList shorter; ///< fallbacks when `text` does not fit, longest first (e.g. cut at a word)
    double span = 0; ///< a group of lines from x to x + span shares the label

    MarkerInput() = default;
    MarkerInput(double x_, QString text_, QStringList shorter_ = {})
        : x(x_), text(std::move(text_)), shorter(std::move(shorter_))
    {
    }
};

struct MarkerPlacement {
    int row = 0;        ///< 0 = the row next to the plot, counting upwards
    double left = 0;    ///< label box left edge (pixels)
    double width = 0;   ///< label box width (0 = no label: not enough room)
    QString text;       ///< possibly elided
};

struct MarkerLayoutOptions {
    double minX = 0, maxX = 0; ///< labels stay inside
    int maxRows = 4;
    double padding = 4;  ///< text padding inside the box (each side)
    double gap = 6;      ///< minimum space between two boxes in a row
    double offset = 3;   ///< box starts this far from its line
    double minWidth = 42; ///< below this a label is dropped rather than elided
};

struct MarkerLayout {
    std::vector<MarkerPlacement> placements; ///< one per input, same order
    int rows = 0; ///< rows used
};

/// Inputs must be sorted by x. Searches (beam search) for the placement with the fewest rows,
/// line crossings, shortened labels and elisions, in that order of importance.
[[nodiscard]] MarkerLayout layoutMarkerLabels(const std::vector<MarkerInput>& markers, const QFontMetricsF& fm,
                                              const MarkerLayoutOptions& options);

/// Labels for one marker line that stands for `names` (the short names of the policies that
/// change there), longest first: all names joined, then shorter forms that stay readable:
/// the first name cut at a word boundary ("Chinese customs block…"), "+N" for the others.
[[nodiscard]] QStringList markerLabelCandidates(const QStringList& names);

} // namespace cp::gui::charts
