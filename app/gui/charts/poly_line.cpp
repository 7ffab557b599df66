#include "app/gui/charts/poly_line.hpp"

#include <QLineSeries>

#include <algorithm>
#include <cmath>

namespace cp::gui::charts {

void showPrefix(QXYSeries* series, const QList<QPointF>& full, double xMax, qsizetype& shown, bool force)
{
    const auto it = std::upper_bound(full.begin(), full.end(), xMax, [](double x, const QPointF& p) { return x < p.x(); });
    const auto n = static_cast<qsizetype>(it - full.begin());
    if (!force && n == shown)
        return;
    shown = n;
    series->replace(n == full.size() ? full : full.first(n));
}

PolyLine::PolyLine(Factory factory) : m_factory(std::move(factory))
{
    m_segments.push_back(m_factory());
    m_full.emplace_back();
    m_shown.push_back(0);
}

void PolyLine::setData(const std::vector<double>& xs, const std::vector<double>& ys)
{
    std::vector<QList<QPointF>> runs;
    QList<QPointF> run;
    const auto n = std::min(xs.size(), ys.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isfinite(ys[i])) {
            run.append(QPointF(xs[i], ys[i]));
        } else if (!run.isEmpty()) {
            runs.push_back(std::move(run));
            run = {};
        }
    }
    if (!run.isEmpty())
        runs.push_back(std::move(run));
    if (runs.empty())
        runs.emplace_back();
    while (m_segments.size() < runs.size()) {
        auto* s = m_factory();
        s->setPen(m_pen);
        s->setVisible(m_visible);
        m_segments.push_back(s);
        m_full.emplace_back();
        m_shown.push_back(0);
    }
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        m_full[i] = i < runs.size() ? std::move(runs[i]) : QList<QPointF>{};
        showPrefix(m_segments[i], m_full[i], m_xMax, m_shown[i], true);
    }
}

void PolyLine::clear()
{
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        m_full[i].clear();
        showPrefix(m_segments[i], m_full[i], m_xMax, m_shown[i], true);
    }
}

void PolyLine::applyReveal(double xMax)
{
    m_xMax = xMax;
    for (std::size_t i = 0; i < m_segments.size(); ++i)
        showPrefix(m_segments[i], m_full[i], m_xMax, m_shown[i]);
}

void PolyLine::setPen(const QPen& pen)
{
    m_pen = pen;
    for (auto* s : m_segments)
        if (s->pen() != pen)
            s->setPen(pen);
}

void PolyLine::setVisible(bool visible)
{
    m_visible = visible;
    for (auto* s : m_segments)
        if (s->isVisible() != visible)
            s->setVisible(visible);
}

qsizetype PolyLine::pointCount() const
{
    qsizetype n = 0;
    for (const auto& f : m_full)
        n += f.size();
    return n;
}

} // namespace cp::gui::charts
