// Placement of policy-marker labels in rows above the plot so that no two labels overlap and
// as few marker lines as possible pass behind a label. Pure geometry; internal to charts.
#pragma once

#include <QFontMetricsF>
#include <QString>

#include <vector>

namespace cp::gui::charts {

struct MarkerInput {
    double x = 0;  ///< pixel position of the marker line
    QString text;  ///< preferred label
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
/// line crossings and elisions.
[[nodiscard]] MarkerLayout layoutMarkerLabels(const std::vector<MarkerInput>& markers, const QFontMetricsF& fm,
                                              const MarkerLayoutOptions& options);

} // namespace cp::gui::charts
