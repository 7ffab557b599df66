// The supply and lease network at one date: producers, jurisdictions, data centres and firms,
// laid out with a Boost.Graph force-directed layout; flows as edge widths (a firm's own data
// centres linked to it by their installed compute), blocked routes dashed red, and on hover
// the rule that blocks a route and since when.
#pragma once

#include "sim/model/results.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <QGraphicsView>

#include <memory>

namespace cp::gui {

class NetworkView : public QGraphicsView {
    Q_OBJECT
public:
    explicit NetworkView(QWidget* parent = nullptr);
    ~NetworkView() override;

    /// A run recorded with WorldOptions::recordNetwork = true (otherwise shows a hint). With the
    /// scenario that was run, each owned data centre is also linked to its owner firm ("own
    /// capacity"); the view keeps only what it needs of `scenario`.
    void setResult(std::shared_ptr<const model::RunResult> result, const scenario::Scenario* scenario = nullptr);
    /// Shows the snapshot of the month containing `date`.
    void setDate(core::SimTime date);
    /// The run shown (nullptr before the first).
    [[nodiscard]] const std::shared_ptr<const model::RunResult>& result() const;

    /// Tooltip text of the edge nearest to a scene point (for tests), empty if none.
    [[nodiscard]] QString edgeTooltipAt(QPointF scenePos) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cp::gui
