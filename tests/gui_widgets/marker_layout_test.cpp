// Policy-marker labels: never overlapping, inside the plot, in few rows.
#include "app/gui/charts/chart_style.hpp"
#include "app/gui/charts/marker_layout.hpp"

#include <QApplication>

#include <gtest/gtest.h>

namespace cp::test {
namespace {

using gui::charts::layoutMarkerLabels;
using gui::charts::MarkerInput;
using gui::charts::MarkerLayoutOptions;

/// The fallbacks the chart gives a marker standing for `name` alone.
QStringList markerLabelCandidatesTail(const char* name)
{
    return gui::charts::markerLabelCandidates({QString::fromUtf8(name)}).mid(1);
}

void expectNoOverlap(const std::vector<MarkerInput>& in, const gui::charts::MarkerLayout& out, const MarkerLayoutOptions& o)
{
    ASSERT_EQ(out.placements.size(), in.size());
    EXPECT_LE(out.rows, o.maxRows);
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto& a = out.placements[i];
        if (a.width <= 0)
            continue;
        EXPECT_GE(a.left, o.minX - 1e-9);
        EXPECT_LE(a.left + a.width, o.maxX + 1e-9);
        // A label starts or ends next to its own line.
        EXPECT_TRUE(std::abs(a.left - (in[i].x + o.offset)) < 1e-9 || std::abs(a.left + a.width - (in[i].x - o.offset)) < 1e-9);
        for (std::size_t k = i + 1; k < in.size(); ++k) {
            const auto& b = out.placements[k];
            if (b.width <= 0 || a.row != b.row)
                continue;
            const bool apart = a.left + a.width + o.gap <= b.left + 1e-9 || b.left + b.width + o.gap <= a.left + 1e-9;
            EXPECT_TRUE(apart) << i << " and " << k << " overlap in row " << a.row;
        }
    }
}

TEST(MarkerLayout, DenseMarkersGetSeparateRowsOrShorterLabels)
{
    const QFontMetricsF fm(gui::charts::smallFont());
    MarkerLayoutOptions o;
    o.minX = 40;
    o.maxX = 1000;
    o.maxRows = 4;
    std::vector<MarkerInput> in{{200, "BIS advanced computing rule"},
                                {420, "BIS update"},
                                {432, "BIS licensing"},
                                {700, "H20 licence requirement"},
                                {752, "Malaysia permit"},
                                {760, "DOJ smuggling prosecutions"},
                                {763, "H20 licences resume"},
                                {765, "Beijing discourages H20…"},
                                {820, "China bans foreign AI chips"},
                                {850, "Chinese customs block the…"},
                                {995, "Ends at the right edge"}};
    const auto out = layoutMarkerLabels(in, fm, o);
    expectNoOverlap(in, out, o);
    int labelled = 0;
    for (const auto& p : out.placements)
        labelled += p.width > 0;
    EXPECT_GE(labelled, 9);
    EXPECT_GE(out.rows, 2);
}

TEST(MarkerLayout, SparseMarkersUseOneRow)
{
    const QFontMetricsF fm(gui::charts::smallFont());
    MarkerLayoutOptions o;
    o.minX = 0;
    o.maxX = 1200;
    std::vector<MarkerInput> in{{100, "First rule"}, {500, "Second rule"}, {900, "Third rule"}};
    const auto out = layoutMarkerLabels(in, fm, o);
    expectNoOverlap(in, out, o);
    EXPECT_EQ(out.rows, 1);
    for (std::size_t i = 0; i < in.size(); ++i)
        EXPECT_EQ(out.placements[i].text, in[i].text);
}

TEST(MarkerLayout, ShortPolicyNames)
{
    EXPECT_EQ(gui::charts::shortPolicyName("BIS update (Oct 2023)"), QStringLiteral("BIS update"));
    EXPECT_EQ(gui::charts::shortPolicyName("H20 licences resume with 15% revenue share"), QStringLiteral("H20 licences resume"));
    EXPECT_LE(gui::charts::shortPolicyName("China bans foreign AI chips in state-funded data centres and more").size(), 28);
    EXPECT_EQ(gui::charts::shortPolicyName("Chinese customs block the H200"), QStringLiteral("Chinese customs block the H200"));
    // Long names are cut at a word, never after a small one.
    const QString cut = gui::charts::shortPolicyName("Provincial authorities suspend the licensing of foreign accelerator imports");
    EXPECT_TRUE(cut.endsWith(QChar(0x2026))) << cut.toStdString();
    EXPECT_FALSE(cut.contains(QStringLiteral(" the…")) || cut.contains(QStringLiteral(" of…"))) << cut.toStdString();
}

TEST(MarkerLayout, ShorterLabelsCutAtWordsNotInsideThem)
{
    using gui::charts::markerLabelCandidates;
    const auto one = markerLabelCandidates({QStringLiteral("Chinese customs block the H200")});
    ASSERT_FALSE(one.isEmpty());
    EXPECT_EQ(one.front(), QStringLiteral("Chinese customs block the H200"));
    EXPECT_TRUE(one.contains(QStringLiteral("Chinese customs block H200")));
    EXPECT_TRUE(one.contains(QStringLiteral("Chinese customs block…")));
    for (const auto& c : one) {
        EXPECT_FALSE(c.endsWith(QStringLiteral(" the…"))) << c.toStdString();
        EXPECT_GE(c.size(), 8) << c.toStdString();
    }
    for (qsizetype i = 1; i < one.size(); ++i)
        EXPECT_LE(one[i].size(), one[i - 1].size()) << "longest first";

    const auto two = markerLabelCandidates({QStringLiteral("H20 licences resume"), QStringLiteral("Beijing discourages H20 purchases")});
    EXPECT_EQ(two.front(), QStringLiteral("H20 licences resume · Beijing discourages H20 purchases"));
    EXPECT_TRUE(two.contains(QStringLiteral("H20 licences resume +1")));
    EXPECT_TRUE(two.contains(QStringLiteral("H20 licences… +1")));
}

TEST(MarkerLayout, PrefersAShorterFormToAnotherRow)
{
    // Two markers 30 px apart with room on the right: the first label shortened fits one row.
    const QFontMetricsF fm(gui::charts::smallFont());
    MarkerLayoutOptions o;
    o.minX = 0;
    o.maxX = 1000;
    const double shortW = fm.horizontalAdvance(QStringLiteral("Chinese customs…")) + 2 * o.padding;
    std::vector<MarkerInput> in{
        {100, QStringLiteral("Chinese customs block the H200"), markerLabelCandidatesTail("Chinese customs block the H200")},
        {100 + shortW + o.gap + o.offset + 1, QStringLiteral("H200 case-by-case licensing"), {}}};
    const auto out = layoutMarkerLabels(in, fm, o);
    expectNoOverlap(in, out, o);
    EXPECT_EQ(out.rows, 1);
    EXPECT_TRUE(in[0].shorter.contains(out.placements[0].text)) << "a shorter form, cut at a word: "
                                                                 << out.placements[0].text.toStdString();
    EXPECT_EQ(out.placements[1].text, QStringLiteral("H200 case-by-case licensing"));
}

TEST(ChartStyle, CompactNumbers)
{
    using gui::charts::compactNumber;
    EXPECT_EQ(compactNumber(1), QStringLiteral("1"));
    EXPECT_EQ(compactNumber(10), QStringLiteral("10"));
    EXPECT_EQ(compactNumber(100), QStringLiteral("100"));
    EXPECT_EQ(compactNumber(1000), QStringLiteral("1k"));
    EXPECT_EQ(compactNumber(2500), QStringLiteral("2.5k"));
    EXPECT_EQ(compactNumber(10'000), QStringLiteral("10k"));
    EXPECT_EQ(compactNumber(100'000), QStringLiteral("100k"));
    EXPECT_EQ(compactNumber(1e6), QStringLiteral("1M"));
    EXPECT_EQ(compactNumber(1e7), QStringLiteral("10M"));
    EXPECT_EQ(compactNumber(1e9), QStringLiteral("1B"));
    EXPECT_EQ(compactNumber(0.1), QStringLiteral("0.1"));
    EXPECT_EQ(compactNumber(0), QStringLiteral("0"));
}

} // namespace
} // namespace cp::test
