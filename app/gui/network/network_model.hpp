// The network view's data: one month's edges aggregated per (from, to, kind, blocked) with the
// per-chip flows and the rules behind blocked and capped routes, as tooltip text. Qt types
// for text only; internal to app/gui/network.
#pragma once

#include "sim/model/results.hpp"

#include <QString>
#include <QStringList>

#include <map>
#include <string>
#include <vector>

namespace cp::gui::network {

enum class EdgeState { Open, Capped, Blocked };

/// Identity of a drawn edge: parallel per-chip edges of one kind share it.
struct EdgeKey {
    std::string from, to;
    net::RouteKind kind = net::RouteKind::Hardware;
    bool blocked = false;
    auto operator<=>(const EdgeKey&) const = default;
    [[nodiscard]] QString text() const;
};

struct AggregatedEdge {
    EdgeKey key;
    double flowH100e = 0; ///< summed over chips, per month
    bool capped = false;
    QStringList policies; ///< names of the rules that block or cap it
    QString tooltip;
    [[nodiscard]] EdgeState state() const
    {
        return key.blocked ? EdgeState::Blocked : capped ? EdgeState::Capped : EdgeState::Open;
    }
};

/// Names used in tooltips: node labels by id, policy names by id.
struct NameBook {
    std::map<std::string, QString> nodes;
    std::map<std::string, QString> policies;
    [[nodiscard]] QString node(const std::string& id) const;
    [[nodiscard]] QString policy(const std::string& id) const;
};

[[nodiscard]] NameBook makeNameBook(const model::RunResult& result);
/// "h100" -> "H100", "ascend-910b" -> "Ascend 910B".
[[nodiscard]] QString chipLabel(const std::string& id);
/// The month's edges, aggregated, in a stable order.
[[nodiscard]] std::vector<AggregatedEdge> aggregate(const model::NetworkSnapshot& snapshot, const NameBook& names);

} // namespace cp::gui::network
