// A line that breaks at missing values (NaN): one QLineSeries per unbroken run, so a firm's
// capability starts at its first model instead of being drawn from zero. Keeps the full
// points so Play can reveal them up to a date by replacing points only. Internal to charts.
#pragma once

#include <QList>
#include <QPen>
#include <QPointF>

#include <functional>
#include <limits>
#include <vector>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QXYSeries;
QT_END_NAMESPACE

namespace cp::gui::charts {

/// Shows the prefix of `full` with x <= xMax in `series` (replacing points only when the
/// shown count changes or `force`). `shown` caches the count currently shown.
void showPrefix(QXYSeries* series, const QList<QPointF>& full, double xMax, qsizetype& shown, bool force = false);

class PolyLine {
public:
    /// Creates a series already added to the chart and attached to its axes.
    using Factory = std::function<QLineSeries*()>;

    explicit PolyLine(Factory factory);

    /// Points (x, y); a NaN y breaks the line there.
    void setData(const std::vector<double>& xs, const std::vector<double>& ys);
    void clear();
    void applyReveal(double xMax);
    void setPen(const QPen& pen);
    void setVisible(bool visible);

    /// The first segment: the one shown in the legend.
    [[nodiscard]] QLineSeries* primary() const { return m_segments.front(); }
    [[nodiscard]] const std::vector<QLineSeries*>& segments() const { return m_segments; }
    /// All points drawn when fully revealed (for tests and tooltips).
    [[nodiscard]] qsizetype pointCount() const;

private:
    Factory m_factory;
    std::vector<QLineSeries*> m_segments;
    std::vector<QList<QPointF>> m_full;
    std::vector<qsizetype> m_shown;
    double m_xMax = std::numeric_limits<double>::infinity();
    QPen m_pen;
    bool m_visible = true;
};

} // namespace cp::gui::charts
