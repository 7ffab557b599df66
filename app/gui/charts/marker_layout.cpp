#include "app/gui/charts/marker_layout.hpp"

#include <algorithm>
#include <limits>

namespace cp::gui::charts {

namespace {

struct Interval {
    double left, right;
};

struct Line {
    double x;
    int top; ///< the row its label sits in; -1 = no label
};

struct State {
    std::vector<std::vector<Interval>> rows;
    std::vector<Line> lines;
    std::vector<MarkerPlacement> placed;
    double cost = 0;
    int maxRow = -1;
};

constexpr std::size_t kBeamWidth = 48;

} // namespace

MarkerLayout layoutMarkerLabels(const std::vector<MarkerInput>& markers, const QFontMetricsF& fm,
                                const MarkerLayoutOptions& o)
{
    const int maxRows = std::max(1, o.maxRows);
    State init;
    init.rows.resize(static_cast<std::size_t>(maxRows));
    std::vector<State> beam{init};

    for (const auto& m : markers) {
        const double fullW = fm.horizontalAdvance(m.text) + 2 * o.padding;
        std::vector<State> next;
        next.reserve(beam.size() * static_cast<std::size_t>(maxRows * 2 + 1));
        for (const auto& st : beam) {
            for (int r = 0; r < maxRows; ++r) {
                const auto& row = st.rows[static_cast<std::size_t>(r)];
                for (int side = 0; side < 2; ++side) {
                    double lo = o.minX, hi = o.maxX;
                    bool blocked = false;
                    if (side == 0) {
                        const double start = m.x + o.offset;
                        lo = start;
                        for (const auto& iv : row) {
                            if (iv.left - o.gap < start && start < iv.right + o.gap)
                                blocked = true;
                            else if (iv.left >= start)
                                hi = std::min(hi, iv.left - o.gap);
                        }
                    } else {
                        const double end = m.x - o.offset;
                        hi = end;
                        for (const auto& iv : row) {
                            if (iv.left - o.gap < end && end < iv.right + o.gap)
                                blocked = true;
                            else if (iv.right <= end)
                                lo = std::max(lo, iv.right + o.gap);
                        }
                    }
                    const double free = hi - lo;
                    if (blocked || free <= 0)
                        continue;
                    const double w = std::min(fullW, free);
                    if (w < std::min(fullW, o.minWidth))
                        continue;
                    const double left = side == 0 ? lo : hi - w;
                    int crossings = 0;
                    for (const auto& ln : st.lines)
                        if (ln.top > r && ln.x >= left - 1 && ln.x <= left + w + 1)
                            ++crossings;
                    for (int below = 0; below < r; ++below)
                        for (const auto& iv : st.rows[static_cast<std::size_t>(below)])
                            if (m.x >= iv.left - 1 && m.x <= iv.right + 1)
                                ++crossings;
                    double cost = st.cost + 2.0 * r + 20.0 * crossings + (side == 1 ? 1.0 : 0.0);
                    if (r > st.maxRow)
                        cost += 8.0 * (r - std::max(st.maxRow, 0));
                    if (w < fullW)
                        cost += 6.0 + (fullW - w) / 20.0;
                    State s = st;
                    s.cost = cost;
                    s.maxRow = std::max(st.maxRow, r);
                    s.rows[static_cast<std::size_t>(r)].push_back({left, left + w});
                    s.lines.push_back({m.x, r});
                    QString text = m.text;
                    if (w < fullW)
                        text = fm.elidedText(m.text, Qt::ElideRight, w - 2 * o.padding);
                    s.placed.push_back({r, left, w, text});
                    next.push_back(std::move(s));
                }
            }
            // No label at all (the marker keeps its tooltip).
            State s = st;
            s.cost += 60.0;
            s.lines.push_back({m.x, -1});
            s.placed.push_back({0, m.x, 0, QString()});
            next.push_back(std::move(s));
        }
        std::stable_sort(next.begin(), next.end(), [](const State& a, const State& b) { return a.cost < b.cost; });
        if (next.size() > kBeamWidth)
            next.resize(kBeamWidth);
        beam = std::move(next);
    }
    MarkerLayout out;
    out.placements = std::move(beam.front().placed);
    out.rows = beam.front().maxRow + 1;
    return out;
}

} // namespace cp::gui::charts
