// The chart views of the desktop app (Qt Charts lives only in this folder). A tabbed panel:
// capability index per firm, gap to the frontier, compute per firm by site and by chip, chips
// installed per jurisdiction. Draws the current run solid and the pinned reference dashed,
// or the difference from the reference; policy changes as vertical markers.
#pragma once

#include "sim/model/results.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <QWidget>

#include <memory>

namespace cp::gui {

using ResultPtr = std::shared_ptr<const model::RunResult>;

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);
    ~ChartsPanel() override;

    /// The run to draw and the scenario it came from (firm names/colours, policy markers).
    void setResult(ResultPtr current, const scenario::Scenario& scenario);
    /// The pinned reference run (drawn dashed); nullptr clears it.
    void setReference(ResultPtr reference);
    /// Draw current minus reference instead of both (no effect without a reference).
    void setDifferenceMode(bool on);
    [[nodiscard]] bool differenceMode() const;
    /// A vertical cursor at this date (playback / scrubber); values shown up to it only when
    /// `revealUpTo` is true (Play animates 2022-2027 unfolding).
    void setCursorDate(core::SimTime date, bool revealUpTo = false);
    /// Which firms are shown (by id); empty = all.
    void setVisibleFirms(const QStringList& firmIds);

    /// Title of the chart on the visible tab, for export file names.
    [[nodiscard]] QString currentChartTitle() const;
    /// Renders the visible chart with a provenance footer line (scenario, seed, version).
    bool exportPng(const QString& path, const QString& footer, QSize size = {1600, 1000}) const;
    bool exportSvg(const QString& path, const QString& footer, QSize size = {1600, 1000}) const;

signals:
    /// The user clicked a chart at this date.
    void dateClicked(core::SimTime date);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cp::gui
