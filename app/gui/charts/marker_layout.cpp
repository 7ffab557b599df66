#include "app/gui/charts/marker_layout.hpp"

#include <QRegularExpression>

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
        QStringList texts{m.text};
        for (const auto& t : m.shorter)
            if (!t.isEmpty() && !texts.contains(t))
                texts << t;
        std::vector<State> next;
        next.reserve(beam.size() * (static_cast<std::size_t>(maxRows) * 2 * static_cast<std::size_t>(texts.size()) + 1));
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
                        const double end = m.x + m.span - o.offset;
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
                    for (qsizetype a = 0; a < texts.size(); ++a) {
                        const double fullW = fm.horizontalAdvance(texts[a]) + 2 * o.padding;
                        // Elide (mid-word) only the shortest form: a shorter form reads better.
                        if (fullW > free && a + 1 < texts.size())
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
                                for (const double lx : {m.x, m.x + m.span})
                                    if (lx >= iv.left - 1 && lx <= iv.right + 1)
                                        ++crossings;
                        // A new row costs more than shortening a label or two; a crossing
                        // or a mid-word elision more than a shorter form.
                        double cost = st.cost + 2.0 * r + 20.0 * crossings + (side == 1 ? 1.0 : 0.0) + 7.0 * static_cast<double>(a);
                        if (r > st.maxRow)
                            cost += 45.0 * (r - std::max(st.maxRow, 0));
                        if (w < fullW)
                            cost += 50.0 + (fullW - w) / 10.0; // worse than a new row
                        State s = st;
                        s.cost = cost;
                        s.maxRow = std::max(st.maxRow, r);
                        s.rows[static_cast<std::size_t>(r)].push_back({left, left + w});
                        s.lines.push_back({m.x, r});
                        if (m.span > 0)
                            s.lines.push_back({m.x + m.span, r});
                        QString text = texts[a];
                        if (w < fullW)
                            text = fm.elidedText(texts[a], Qt::ElideRight, w - 2 * o.padding);
                        s.placed.push_back({r, left, w, text});
                        next.push_back(std::move(s));
                    }
                }
            }
            // No label at all (the marker keeps its tooltip).
            State s = st;
            s.cost += 200.0; // worse than anything but overlapping
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

namespace {

/// "Chinese customs block the H200" -> {"Chinese customs block H200", "Chinese customs block…",
/// "Chinese customs…"}: articles dropped, then word-boundary cuts that do not end on a small
/// word and keep at least two words.
QStringList shorterForms(const QString& name)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    static const QStringList articles{QStringLiteral("the"), QStringLiteral("a"), QStringLiteral("an")};
    static const QStringList weak{QStringLiteral("the"), QStringLiteral("a"),    QStringLiteral("an"),  QStringLiteral("of"),
                                  QStringLiteral("in"),  QStringLiteral("on"),   QStringLiteral("at"),  QStringLiteral("to"),
                                  QStringLiteral("for"), QStringLiteral("with"), QStringLiteral("by"),  QStringLiteral("and"),
                                  QStringLiteral("or"),  QStringLiteral("from"), QStringLiteral("via"), QStringLiteral("·")};
    QStringList out;
    QStringList words = name.split(space, Qt::SkipEmptyParts);
    QStringList kept;
    for (const auto& w : words)
        if (!articles.contains(w, Qt::CaseInsensitive))
            kept << w;
    if (kept.size() >= 2 && kept.size() < words.size()) {
        out << kept.join(QLatin1Char(' '));
        words = kept;
    }
    const QChar ellipsis(0x2026);
    for (qsizetype n = words.size() - 1; n >= 2; --n) { // one word alone says too little ("Malaysia…")
        if (weak.contains(words[n - 1], Qt::CaseInsensitive))
            continue;
        out << words.mid(0, n).join(QLatin1Char(' ')) + ellipsis;
    }
    return out;
}

} // namespace

QStringList markerLabelCandidates(const QStringList& names)
{
    QStringList out;
    if (names.isEmpty())
        return out;
    out << names.join(QStringLiteral(" · "));
    const QString more = names.size() > 1 ? QStringLiteral(" +%1").arg(names.size() - 1) : QString();
    if (names.size() > 1)
        out << names.front() + more;
    for (const auto& s : shorterForms(names.front()))
        out << s + more;
    out.removeDuplicates();
    return out;
}

} // namespace cp::gui::charts
