// One line per entity (firm or jurisdiction) for one metric: the current run solid, the
// reference dashed in the same colour, or current minus reference. Internal to charts.
#pragma once

#include "app/gui/charts/poly_line.hpp"
#include "app/gui/charts/time_chart_view.hpp"

#include <map>
#include <memory>
#include <vector>

namespace cp::gui::charts {

struct LineChartSpec {
    enum class Entities { Firms, Jurisdictions };
    QString title;      ///< "Capability index by firm"
    std::string metric; ///< "capability_index"
    Entities entities = Entities::Firms;
    QString axisTitle;  ///< quantity, e.g. "Capability index"
    QString unit;       ///< "points", "months", "H100e" (scaled units prefix it: "million H100e")
    bool zeroBased = false;   ///< the value axis includes 0
    bool scaleUnits = false;  ///< divide by thousand/million and say so in the axis title
    bool skipAllZero = false; ///< leave out entities whose series are zero throughout
};

class LineChart : public TimeChartView {
    Q_OBJECT
public:
    explicit LineChart(LineChartSpec spec, QWidget* parent = nullptr);
    ~LineChart() override;

    /// Logarithmic value axis (ignored in difference mode, where values can be negative).
    void setLogScale(bool on);
    [[nodiscard]] bool wantsLogScale() const { return m_wantLog; }
    /// Entity ids with a line in the current data (tests).
    [[nodiscard]] QStringList entityIds() const;

protected:
    void updateData(const ChartContext& ctx) override;
    void updateReveal(double xMax) override;

private:
    struct Entry;
    Entry& entry(const EntityInfo& info);
    void applyVisibility(Entry& e);
    void hover(const Entry& e, const QPointF& point, bool state);

    LineChartSpec m_spec;
    const ChartContext* m_ctx = nullptr;
    bool m_wantLog = false;
    std::map<QString, std::unique_ptr<Entry>> m_entries;
    std::vector<QString> m_order;
    bool m_difference = false;
    bool m_hasReference = false;
    QString m_unitText;
    std::vector<double> m_xs; ///< chart x of the current run's periods
    std::vector<core::SimTime> m_periods;
};

} // namespace cp::gui::charts
