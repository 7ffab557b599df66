// The chart panel: one line per firm, gaps where a firm has no model yet, reference and
// difference drawing, reveal for playback, compute stacks, exports, clicks.
#include "app/gui/charts/charts_panel.hpp"
#include "app/gui/charts/chart_style.hpp"
#include "widgets_fixture.hpp"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QGraphicsSimpleTextItem>
#include <QRegularExpression>
#include <QComboBox>
#include <QFile>
#include <QGraphicsItem>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace cp::test {
namespace {

using gui::ChartsPanel;

enum Tab { Capability = 0, Gap = 1, Compute = 2, Chips = 3 };

QChartView* showTab(ChartsPanel& panel, Tab tab)
{
    auto* tabs = panel.findChild<QTabWidget*>();
    EXPECT_NE(tabs, nullptr);
    tabs->setCurrentIndex(tab);
    static const char* names[] = {"chart:capability", "chart:gap", "chart:compute", "chart:chips"};
    auto* view = panel.findChild<QChartView*>(QString::fromLatin1(names[tab]));
    EXPECT_NE(view, nullptr);
    return view;
}

std::vector<QXYSeries*> seriesNamed(QChartView* view, const QString& prefix)
{
    std::vector<QXYSeries*> out;
    for (auto* s : view->chart()->series())
        if (s->objectName().startsWith(prefix))
            if (auto* xy = qobject_cast<QXYSeries*>(s))
                out.push_back(xy);
    return out;
}

/// Points drawn for one firm's current line (all its segments).
QList<QPointF> linePoints(QChartView* view, const QString& firm)
{
    QList<QPointF> pts;
    for (auto* s : view->chart()->series())
        if (s->objectName() == QStringLiteral("line:") + firm || s->objectName() == QStringLiteral("seg-line:") + firm)
            pts += qobject_cast<QXYSeries*>(s)->points();
    return pts;
}

int visibleLegendMarkers(QChartView* view)
{
    int n = 0;
    for (auto* m : view->chart()->legend()->markers())
        n += m->isVisible() ? 1 : 0;
    return n;
}

/// Index of the period at chart x (exact match expected).
std::ptrdiff_t periodAt(const model::RunResult& r, double x)
{
    for (std::size_t i = 0; i < r.periods.size(); ++i)
        if (std::abs(gui::charts::toChartX(r.periods[i]) - x) < 1.0)
            return static_cast<std::ptrdiff_t>(i);
    return -1;
}

class ChartsPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        panel.resize(1280, 800);
        panel.setResult(runs.current, runs.baseline);
    }
    const WidgetRuns& runs = widgetRuns();
    ChartsPanel panel;
};

TEST_F(ChartsPanelTest, OneLinePerFirmInCapabilityAndGapCharts)
{
    panel.show();
    for (Tab tab : {Capability, Gap}) {
        auto* view = showTab(panel, tab);
        EXPECT_EQ(seriesNamed(view, QStringLiteral("line:")).size(), runs.baseline.firms.size()) << tab;
        QCoreApplication::processEvents();
        EXPECT_EQ(visibleLegendMarkers(view), static_cast<int>(runs.baseline.firms.size())) << tab;
        for (const auto& f : runs.baseline.firms)
            EXPECT_EQ(seriesNamed(view, QStringLiteral("line:") + QString::fromStdString(f.id)).size(), 1u) << f.id;
    }
}

TEST_F(ChartsPanelTest, PeriodsWithoutAModelAreNotPlotted)
{
    auto* view = showTab(panel, Capability);
    int firmsWithGaps = 0;
    for (const auto& f : runs.baseline.firms) {
        const auto* s = runs.current->find(f.id, "capability_index");
        ASSERT_NE(s, nullptr);
        const auto finite = std::count_if(s->values.begin(), s->values.end(), [](double v) { return std::isfinite(v); });
        const auto pts = linePoints(view, QString::fromStdString(f.id));
        EXPECT_EQ(pts.size(), finite) << f.id;
        for (const auto& p : pts) {
            EXPECT_TRUE(std::isfinite(p.y())) << f.id;
            const auto i = periodAt(*runs.current, p.x());
            ASSERT_GE(i, 0) << f.id;
            EXPECT_DOUBLE_EQ(p.y(), s->values[static_cast<std::size_t>(i)]) << f.id;
        }
        if (std::isnan(s->values.front())) {
            ++firmsWithGaps;
            ASSERT_FALSE(pts.isEmpty());
            // The line starts at the first model, not at the start of the run (and not at 0).
            double minX = pts.front().x();
            for (const auto& p : pts)
                minX = std::min(minX, p.x());
            EXPECT_GT(minX, gui::charts::toChartX(runs.current->periods.front())) << f.id;
        }
    }
    EXPECT_GT(firmsWithGaps, 0) << "the baseline should have firms without a model in January 2022";
}

TEST_F(ChartsPanelTest, ReferenceIsDashedInTheFirmsColour)
{
    panel.setReference(runs.reference);
    auto* view = showTab(panel, Capability);
    for (const auto& f : runs.baseline.firms) {
        const QString id = QString::fromStdString(f.id);
        auto cur = seriesNamed(view, QStringLiteral("line:") + id);
        auto ref = seriesNamed(view, QStringLiteral("ref:") + id);
        ASSERT_EQ(cur.size(), 1u);
        ASSERT_EQ(ref.size(), 1u);
        EXPECT_TRUE(ref.front()->isVisible());
        EXPECT_NE(ref.front()->pen().style(), Qt::SolidLine);
        EXPECT_EQ(ref.front()->pen().color().rgb(), cur.front()->pen().color().rgb());
        EXPECT_EQ(cur.front()->pen().color(), QColor(QString::fromStdString(f.color)));
        EXPECT_GT(ref.front()->count(), 0);
    }
    panel.setReference(nullptr);
    for (auto* s : seriesNamed(view, QStringLiteral("ref:")))
        EXPECT_FALSE(s->isVisible());
}

TEST_F(ChartsPanelTest, DifferenceModeDrawsCurrentMinusReference)
{
    panel.setReference(runs.reference);
    panel.setDifferenceMode(true);
    EXPECT_TRUE(panel.differenceMode());
    for (Tab tab : {Capability, Gap}) {
        const char* metric = tab == Capability ? "capability_index" : "frontier_gap_months";
        auto* view = showTab(panel, tab);
        int nonzero = 0;
        for (const auto& f : runs.baseline.firms) {
            const auto& cur = runs.current->find(f.id, metric)->values;
            const auto& ref = runs.reference->find(f.id, metric)->values;
            const auto pts = linePoints(view, QString::fromStdString(f.id));
            for (const auto& p : pts) {
                const auto i = static_cast<std::size_t>(periodAt(*runs.current, p.x()));
                ASSERT_LT(i, cur.size());
                EXPECT_NEAR(p.y(), cur[i] - ref[i], 1e-9) << f.id << " period " << i;
                nonzero += std::abs(p.y()) > 1e-6;
            }
            for (auto* s : seriesNamed(view, QStringLiteral("ref:") + QString::fromStdString(f.id)))
                EXPECT_FALSE(s->isVisible());
        }
        EXPECT_GT(nonzero, 0) << "the diffusion rule changes some firm's " << metric;
    }
    panel.setDifferenceMode(false);
    auto* view = showTab(panel, Capability);
    const auto* s = runs.current->find("alibaba", "capability_index");
    const auto pts = linePoints(view, QStringLiteral("alibaba"));
    ASSERT_FALSE(pts.isEmpty());
    EXPECT_DOUBLE_EQ(pts.back().y(), s->values.back());
}

TEST_F(ChartsPanelTest, RevealShowsOnlyDataUpToTheCursor)
{
    auto* view = showTab(panel, Capability);
    const auto full = linePoints(view, QStringLiteral("openai")).size();
    const core::SimTime cut = core::fromDate(2024, 1, 1);
    panel.setCursorDate(cut, true);
    const double limit = gui::charts::toChartX(cut);
    const auto shown = linePoints(view, QStringLiteral("openai"));
    EXPECT_LT(shown.size(), full);
    EXPECT_GT(shown.size(), 0);
    for (auto* s : view->chart()->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(s)) {
            for (const auto& p : xy->points())
                EXPECT_LE(p.x(), limit) << s->objectName().toStdString();
        }
    }
    panel.setCursorDate(cut, false);
    EXPECT_EQ(linePoints(view, QStringLiteral("openai")).size(), full);
}

TEST_F(ChartsPanelTest, ComputeStackAddsUpToTheFirmsCompute)
{
    auto* view = showTab(panel, Compute);
    auto* firm = panel.findChild<QComboBox*>(QStringLiteral("computeFirm"));
    ASSERT_NE(firm, nullptr);
    EXPECT_EQ(firm->count(), static_cast<int>(runs.baseline.firms.size()));
    firm->setCurrentIndex(firm->findData(QStringLiteral("alibaba")));
    EXPECT_TRUE(panel.currentChartTitle().contains(QStringLiteral("Alibaba")));

    const auto& home = runs.current->find("alibaba", "compute_home_h100e")->values;
    const auto& offshore = runs.current->find("alibaba", "compute_offshore_h100e")->values;
    QAreaSeries* top = nullptr;
    for (auto* s : view->chart()->series())
        if (s->objectName() == QStringLiteral("area:leased-offshore"))
            top = qobject_cast<QAreaSeries*>(s);
    ASSERT_NE(top, nullptr);
    const auto pts = top->upperSeries()->points();
    ASSERT_EQ(pts.size(), static_cast<qsizetype>(home.size()));
    // Drawn in thousands of H100e: the top of the stack is home + offshore compute.
    for (qsizetype i = 0; i < pts.size(); ++i)
        EXPECT_NEAR(pts[i].y() * 1000.0, home[static_cast<std::size_t>(i)] + offshore[static_cast<std::size_t>(i)], 1e-6 * (1 + home[static_cast<std::size_t>(i)]));
    int areas = 0;
    for (auto* s : view->chart()->series())
        areas += s->objectName().startsWith(QStringLiteral("area:")) && s->isVisible();
    EXPECT_EQ(areas, 4);

    // By chip: one layer per chip the firm ever used.
    auto* mode = panel.findChild<QComboBox*>(QStringLiteral("computeMode"));
    mode->setCurrentIndex(1);
    std::size_t chips = 0;
    for (const auto& c : runs.baseline.chips) {
        const auto* s = runs.current->find("alibaba/" + c.id, "compute_h100e");
        chips += s && std::any_of(s->values.begin(), s->values.end(), [](double v) { return v > 0; });
    }
    areas = 0;
    for (auto* s : view->chart()->series())
        areas += s->objectName().startsWith(QStringLiteral("area:chip:")) && s->isVisible();
    EXPECT_EQ(static_cast<std::size_t>(areas), chips);
    EXPECT_GT(chips, 3u);
}

TEST_F(ChartsPanelTest, ComputeChartOpensOnAFirmWithComputeAtSeveralSites)
{
    auto* view = showTab(panel, Compute);
    auto* firm = panel.findChild<QComboBox*>(QStringLiteral("computeFirm"));
    ASSERT_NE(firm, nullptr);
    const std::string shown = firm->currentData().toString().toStdString();
    // The first firm in scenario order with compute at more than one kind of site.
    std::string expected;
    for (const auto& f : runs.baseline.firms) {
        int kinds = 0;
        for (const char* metric : {"compute_home_h100e", "compute_offshore_h100e"})
            if (const auto* s = runs.current->find(f.id, metric))
                kinds += std::any_of(s->values.begin(), s->values.end(), [](double v) { return v > 0; });
        if (kinds > 1) {
            expected = f.id;
            break;
        }
    }
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(shown, expected);
    EXPECT_NE(shown, runs.baseline.firms.front().id);
    int areas = 0;
    for (auto* s : view->chart()->series())
        areas += s->objectName().startsWith(QStringLiteral("area:")) && s->isVisible();
    EXPECT_GE(areas, 2);

    // The user's pick survives new runs (a slider drag) and a pinned reference.
    firm->setCurrentIndex(firm->findData(QStringLiteral("openai")));
    panel.setResult(runs.reference, runs.counterfactual);
    panel.setReference(runs.current);
    panel.setResult(runs.current, runs.baseline);
    EXPECT_EQ(firm->currentData().toString(), QStringLiteral("openai"));
    EXPECT_TRUE(panel.currentChartTitle().contains(QStringLiteral("OpenAI")));
}

TEST_F(ChartsPanelTest, LogScaleAxisReadsOneTenHundredThousand)
{
    panel.show();
    auto* view = showTab(panel, Chips);
    QCoreApplication::processEvents();
    QStringList labels;
    std::vector<QRectF> boxes;
    QGraphicsSimpleTextItem* title = nullptr;
    for (auto* item : view->scene()->items()) {
        if (item->data(0).toString() == QLatin1String("log-axis-label") && item->isVisible()) {
            labels << static_cast<QGraphicsSimpleTextItem*>(item)->text();
            boxes.push_back(item->sceneBoundingRect());
        }
        if (item->data(0).toString() == QLatin1String("log-axis-title") && item->isVisible())
            title = static_cast<QGraphicsSimpleTextItem*>(item);
    }
    ASSERT_GE(labels.size(), 3);
    ASSERT_NE(title, nullptr);
    EXPECT_TRUE(title->text().contains(QStringLiteral("log scale"))) << title->text().toStdString();
    EXPECT_FALSE(title->text().contains(QStringLiteral("thousand"))) << "plain units: the labels say k and M";
    const QRectF plot = view->chart()->mapRectToScene(view->chart()->plotArea());
    for (const auto& b : boxes) {
        EXPECT_FALSE(b.intersects(title->sceneBoundingRect())) << "labels clear of the axis title";
        EXPECT_LE(b.right(), plot.left());
        EXPECT_GE(title->sceneBoundingRect().left(), 0.0);
    }
    static const QRegularExpression decade(QStringLiteral("^(1|10|100)(k|M|B)?$|^0\\.0*1$"));
    for (const auto& l : labels)
        EXPECT_TRUE(decade.match(l).hasMatch()) << l.toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("1M")) || labels.contains(QStringLiteral("10M"))) << labels.join(' ').toStdString();
    // Linear again: the overlay labels go, the axis has thousands-scaled units.
    auto* log = panel.findChild<QCheckBox*>(QStringLiteral("chipsLogScale"));
    ASSERT_NE(log, nullptr);
    log->setChecked(false);
    QCoreApplication::processEvents();
    for (auto* item : view->scene()->items()) {
        if (item->data(0).toString() == QLatin1String("log-axis-label")) {
            EXPECT_FALSE(item->isVisible());
        }
    }
}

TEST_F(ChartsPanelTest, ChipsChartHasALinePerJurisdictionWithChips)
{
    auto* view = showTab(panel, Chips);
    std::size_t expected = 0;
    for (const auto& j : runs.baseline.jurisdictions) {
        const auto* s = runs.current->find(j.id, "chips_installed_h100e");
        expected += s && std::any_of(s->values.begin(), s->values.end(), [](double v) { return v > 0; });
    }
    int visible = 0;
    for (auto* s : seriesNamed(view, QStringLiteral("line:")))
        visible += s->isVisible();
    EXPECT_EQ(static_cast<std::size_t>(visible), expected);
    EXPECT_GE(expected, 3u);
}

TEST_F(ChartsPanelTest, VisibleFirmsFilterTheLines)
{
    panel.setVisibleFirms({QStringLiteral("openai"), QStringLiteral("deepseek")});
    auto* view = showTab(panel, Capability);
    int visible = 0;
    for (auto* s : seriesNamed(view, QStringLiteral("line:")))
        visible += s->isVisible();
    EXPECT_EQ(visible, 2);
    panel.setVisibleFirms({});
    visible = 0;
    for (auto* s : seriesNamed(view, QStringLiteral("line:")))
        visible += s->isVisible();
    EXPECT_EQ(visible, static_cast<int>(runs.baseline.firms.size()));
}

TEST_F(ChartsPanelTest, ClickingALegendMarkerHidesAndShowsTheFirm)
{
    panel.setReference(runs.reference);
    auto* view = showTab(panel, Capability);
    auto* line = seriesNamed(view, QStringLiteral("line:deepseek")).front();
    auto* ref = seriesNamed(view, QStringLiteral("ref:deepseek")).front();
    const auto markers = view->chart()->legend()->markers(line);
    ASSERT_EQ(markers.size(), 1);
    emit markers.front()->clicked();
    EXPECT_FALSE(line->isVisible());
    EXPECT_FALSE(ref->isVisible());
    EXPECT_TRUE(markers.front()->isVisible()) << "the marker stays, dimmed, to bring the firm back";
    // A new run keeps the choice.
    panel.setResult(runs.current, runs.baseline);
    EXPECT_FALSE(line->isVisible());
    emit markers.front()->clicked();
    EXPECT_TRUE(line->isVisible());
    EXPECT_TRUE(ref->isVisible());
}

TEST_F(ChartsPanelTest, ExportsPngOfTheRequestedSizeAndSvg)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    panel.setReference(runs.reference);
    for (Tab tab : {Capability, Compute, Chips}) {
        showTab(panel, tab);
        const QString png = dir.filePath(QStringLiteral("chart%1.png").arg(tab));
        const QString svg = dir.filePath(QStringLiteral("chart%1.svg").arg(tab));
        ASSERT_TRUE(panel.exportPng(png, QStringLiteral("baseline · seed 42 · test"), QSize(900, 560)));
        ASSERT_TRUE(panel.exportSvg(svg, QStringLiteral("baseline · seed 42 · test"), QSize(900, 560)));
        QImage image(png);
        ASSERT_FALSE(image.isNull());
        EXPECT_EQ(image.size(), QSize(900, 560));
        // Not blank: some pixels are far from white.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                dark += qGray(image.pixel(x, y)) < 128;
        EXPECT_GT(dark, 100);
        QFile f(svg);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        EXPECT_GT(text.size(), 1000);
        EXPECT_TRUE(text.contains("<svg"));
        EXPECT_TRUE(text.contains("seed 42"));
    }
    EXPECT_FALSE(panel.currentChartTitle().isEmpty());
}

TEST_F(ChartsPanelTest, ClickingAChartEmitsItsMonth)
{
    panel.show();
    auto* view = showTab(panel, Capability);
    QCoreApplication::processEvents();
    QSignalSpy spy(&panel, &ChartsPanel::dateClicked);
    const QRectF plot = view->chart()->plotArea();
    ASSERT_FALSE(plot.isEmpty());
    const QPoint at = view->mapFromScene(view->chart()->mapToScene(plot.center()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(spy.count(), 1);
    const auto date = spy.front().front().value<core::SimTime>();
    const auto d = core::toDate(date);
    EXPECT_EQ(d.day, 1);
    EXPECT_GT(date, runs.current->periods.front());
    EXPECT_LT(date, runs.current->periods.back());
}

TEST_F(ChartsPanelTest, PolicyMarkerLabelsDoNotOverlap)
{
    panel.show();
    for (Tab tab : {Capability, Compute}) {
        auto* view = showTab(panel, tab);
        QCoreApplication::processEvents();
        std::vector<QRectF> labels;
        QStringList tips;
        for (auto* item : view->scene()->items())
            if (item->data(0).toString() == QLatin1String("policy-marker-label") && item->isVisible()) {
                labels.push_back(item->sceneBoundingRect());
                tips << item->toolTip();
            }
        EXPECT_GE(labels.size(), 6u);
        for (std::size_t i = 0; i < labels.size(); ++i)
            for (std::size_t k = i + 1; k < labels.size(); ++k)
                EXPECT_FALSE(labels[i].intersects(labels[k])) << tips[static_cast<qsizetype>(i)].toStdString() << " / "
                                                              << tips[static_cast<qsizetype>(k)].toStdString();
        EXPECT_TRUE(tips.join(QLatin1Char('\n')).contains(QStringLiteral("BIS update (Oct 2023)")));
        // Few rows (twelve policy dates, seven of them within a year): close markers share a
        // label ("Malaysia permit +3") or take a shorter form before a new row opens.
        std::set<int> rows;
        for (const auto& r : labels)
            rows.insert(static_cast<int>(std::lround(r.top())));
        EXPECT_LE(rows.size(), 3u);
        // Hovering a label names each policy in full, with its date.
        for (const auto& tip : tips)
            EXPECT_TRUE(tip.contains(QStringLiteral(" — from ")) || tip.contains(QStringLiteral(" — ends "))) << tip.toStdString();
    }
}

} // namespace
} // namespace cp::test
