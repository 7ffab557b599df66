// Where the network's nodes go. A Fruchterman-Reingold force-directed layout (Boost.Graph,
// started from a circle: deterministic) over the union of all months' edges decides the
// order of nodes; they are then set in columns that read left to right like the supply
// chain: chip producers, data centres grouped in their jurisdiction's frame, AI firms.
// Internal to app/gui/network.
#pragma once

#include "sim/model/results.hpp"

#include <QRectF>
#include <QSizeF>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cp::gui::network {

struct LayoutInput {
    std::vector<model::NetworkNode> nodes;
    std::vector<std::pair<std::string, std::string>> edges; ///< union over months, (from, to)
    std::map<std::string, QSizeF> nodeSizes;                ///< by id (jurisdiction frames excluded)
    double jurisdictionHeader = 22; ///< frame title height
};

struct NetworkLayout {
    std::map<std::string, QRectF> nodes;   ///< producers, data centres, firms, and jurisdictions without data centres
    std::map<std::string, QRectF> frames;  ///< jurisdictions with data centres: the frame around them
    std::map<std::string, std::pair<double, double>> forcePositions; ///< the Boost layout, for reference
    double columnX[3] = {0, 0, 0};          ///< left edges: producers, data centres, firms
    double columnWidth[3] = {0, 0, 0};
    QRectF bounds;
};

[[nodiscard]] NetworkLayout layoutNetwork(const LayoutInput& input);

} // namespace cp::gui::network
