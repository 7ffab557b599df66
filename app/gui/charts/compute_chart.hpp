// Compute available to one firm as stacked areas: by site (home, smuggled chips, own sites
// abroad, leased abroad) or by chip. The reference run is drawn as dashed stack boundaries;
// difference mode draws one line per layer plus the total. Internal to app/gui/charts.
#pragma once

#include "app/gui/charts/poly_line.hpp"
#include "app/gui/charts/time_chart_view.hpp"

#include <QWidget>

#include <map>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QComboBox;
QT_END_NAMESPACE

namespace cp::gui::charts {

class ComputeChart : public TimeChartView {
    Q_OBJECT
public:
    enum class Mode { BySite, ByChip };

    explicit ComputeChart(QWidget* parent = nullptr);
    ~ComputeChart() override;

    void setFirm(const QString& firmId);
    [[nodiscard]] QString firm() const { return m_firm; }
    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const { return m_mode; }
    /// Keys of the layers drawn ("home", "chip:h100", ...), bottom first (tests).
    [[nodiscard]] QStringList layerKeys() const;

protected:
    void updateData(const ChartContext& ctx) override;
    void updateReveal(double xMax) override;

private:
    struct Layer;
    Layer& layer(const QString& key);
    void restack();
    void applyVisibility();
    void hover(const Layer& l, const QPointF& point, bool state);

    const ChartContext* m_ctx = nullptr;
    QString m_firm;
    QString m_firmName;
    Mode m_mode = Mode::BySite;
    std::map<QString, std::unique_ptr<Layer>> m_layers;
    std::vector<QString> m_order; ///< present layers, bottom first
    std::unique_ptr<PolyLine> m_total; ///< difference of the totals
    std::vector<double> m_totalDiff;
    bool m_difference = false;
    bool m_hasReference = false;
    double m_revealX;
    double m_scale = 1;
    QString m_unitText;
    std::vector<double> m_xs;
    std::vector<core::SimTime> m_periods;
};

/// The compute tab: firm and mode pickers above the chart.
class ComputePage : public QWidget {
    Q_OBJECT
public:
    explicit ComputePage(QWidget* parent = nullptr);
    [[nodiscard]] ComputeChart* chart() const { return m_chart; }
    [[nodiscard]] QComboBox* firmBox() const { return m_firms; }
    [[nodiscard]] QComboBox* modeBox() const { return m_modes; }
    /// Refills the firm picker. Keeps the firm the user picked while it is in the list; else
    /// shows `preferred` (when the list changes or is first filled), else the first firm.
    void setFirms(const std::vector<EntityInfo>& firms, const QString& preferred = QString());

private:
    ComputeChart* m_chart;
    QComboBox* m_firms;
    QComboBox* m_modes;
    QString m_userFirm; ///< last firm picked in the combo box (not by setFirms)
};

/// The firm the compute chart opens on: the first (in scenario order) whose compute sits at
/// more than one kind of site in the current run (a split worth showing), else the first firm.
[[nodiscard]] QString defaultComputeFirm(const ChartContext& ctx);

} // namespace cp::gui::charts
