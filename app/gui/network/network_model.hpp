// The network view's data: one month's edges aggregated per (from, to, kind, blocked) with the
// per-chip flows and the rules behind blocked and capped routes, as tooltip text, plus each
// owned data centre's capacity flowing to its owner firm. Qt types for text only; internal
// to app/gui/network.
#pragma once

#include "sim/model/results.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <QString>
#include <QStringList>

#include <map>
#include <string>
#include <vector>

namespace cp::gui::network {

enum class EdgeState { Open, Capped, Blocked };

/// What an edge carries: the simulation's route kinds, plus a data centre's capacity used by
/// the firm that owns it (not a market flow, so the simulation's network has no such edge).
enum class EdgeKind { Hardware, Lease, Smuggling, Own };

[[nodiscard]] EdgeKind edgeKind(net::RouteKind kind);

/// Identity of a drawn edge: parallel per-chip edges of one kind share it.
struct EdgeKey {
    std::string from, to;
    EdgeKind kind = EdgeKind::Hardware;
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

/// Owned data centres: data-centre id -> owner firm id (from the scenario; none without one).
using OwnerBook = std::map<std::string, std::string>;
[[nodiscard]] OwnerBook makeOwnerBook(const scenario::Scenario& scenario);
/// "Own capacity" edges (data centre -> owner firm) of the month starting at `date`, with the
/// data centre's installed compute as flow when the run recorded it per data centre
/// ("capacity_h100e"); only owners and data centres that are network nodes.
[[nodiscard]] std::vector<AggregatedEdge> ownEdges(const OwnerBook& owners, const model::RunResult& result,
                                                   core::SimTime date, const NameBook& names);

} // namespace cp::gui::network
