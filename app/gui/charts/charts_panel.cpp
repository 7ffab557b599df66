#include "app/gui/charts/charts_panel.hpp"

#include "app/gui/charts/chart_context.hpp"
#include "app/gui/charts/chart_style.hpp"
#include "app/gui/charts/compute_chart.hpp"
#include "app/gui/charts/line_chart.hpp"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QVBoxLayout>

#include <array>

namespace cp::gui {

using charts::ChartContext;
using charts::ComputePage;
using charts::LineChart;
using charts::LineChartSpec;
using charts::TimeChartView;

struct ChartsPanel::Impl {
    ChartContext ctx;
    QTabWidget* tabs = nullptr;
    ComputePage* compute = nullptr;
    QCheckBox* chipsLog = nullptr;
    std::vector<TimeChartView*> views; ///< by tab index
    std::vector<bool> dataDirty, viewDirty;

    void markAll(bool data)
    {
        for (std::size_t i = 0; i < views.size(); ++i) {
            if (data)
                dataDirty[i] = true;
            viewDirty[i] = true;
        }
    }
    void refresh(int index)
    {
        if (index < 0 || static_cast<std::size_t>(index) >= views.size())
            return;
        const auto i = static_cast<std::size_t>(index);
        if (!dataDirty[i] && !viewDirty[i])
            return;
        views[i]->sync(ctx, dataDirty[i]);
        dataDirty[i] = viewDirty[i] = false;
    }
    void refreshCurrent() { refresh(tabs->currentIndex()); }
    bool exportTo(QPaintDevice* device, QSize size, const QString& footer);
};

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>())
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->tabs = new QTabWidget(this);
    d->tabs->setDocumentMode(true);
    layout->addWidget(d->tabs);

    auto* capability = new LineChart({tr("Capability index by firm"), "capability_index", LineChartSpec::Entities::Firms,
                                      tr("Capability index"), tr("points"), false, false, false},
                                     this);
    capability->setObjectName(QStringLiteral("chart:capability"));
    auto* gap = new LineChart({tr("Gap to the frontier by firm"), "frontier_gap_months", LineChartSpec::Entities::Firms,
                               tr("Behind the frontier"), tr("months"), true, false, false},
                              this);
    gap->setObjectName(QStringLiteral("chart:gap"));
    d->compute = new ComputePage(this);
    d->compute->chart()->setObjectName(QStringLiteral("chart:compute"));
    auto* chips = new LineChart({tr("AI chips installed by jurisdiction"), "chips_installed_h100e",
                                 LineChartSpec::Entities::Jurisdictions, tr("Chips installed"), tr("H100e"), true, true,
                                 true},
                                this);
    chips->setObjectName(QStringLiteral("chart:chips"));
    chips->setLogScale(true);
    auto* chipsPage = new QWidget(this);
    {
        auto* v = new QVBoxLayout(chipsPage);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        auto* bar = new QHBoxLayout;
        bar->setContentsMargins(8, 4, 8, 0);
        auto* log = new QCheckBox(tr("&Logarithmic scale"), chipsPage);
        log->setObjectName(QStringLiteral("chipsLogScale"));
        log->setToolTip(tr("Show the jurisdictions' installed chips on a log scale (the US has ten times more than the rest)"));
        log->setChecked(true);
        bar->addWidget(log);
        bar->addStretch(1);
        v->addLayout(bar);
        v->addWidget(chips, 1);
        connect(log, &QCheckBox::toggled, chips, &LineChart::setLogScale);
        d->chipsLog = log;
    }

    d->tabs->addTab(capability, tr("Capability"));
    d->tabs->addTab(gap, tr("Gap to frontier"));
    d->tabs->addTab(d->compute, tr("Compute by site"));
    d->tabs->addTab(chipsPage, tr("Chips installed"));
    d->views = {capability, gap, d->compute->chart(), chips};
    d->dataDirty.assign(d->views.size(), true);
    d->viewDirty.assign(d->views.size(), true);
    d->tabs->setTabToolTip(0, tr("Capability index of each firm's best model (ECI-like points)"));
    d->tabs->setTabToolTip(1, tr("How many months each firm's best model trails the frontier"));
    d->tabs->setTabToolTip(2, tr("Compute available to one firm, split by site or by chip"));
    d->tabs->setTabToolTip(3, tr("AI chips installed in each jurisdiction's data centres (H100-equivalents)"));

    for (auto* v : d->views)
        connect(v, &TimeChartView::dateClicked, this, &ChartsPanel::dateClicked);
    connect(d->tabs, &QTabWidget::currentChanged, this, [this](int i) { d->refresh(i); });
}

ChartsPanel::~ChartsPanel() = default;

void ChartsPanel::setResult(ResultPtr current, const scenario::Scenario& scenario)
{
    d->ctx.current = std::move(current);
    charts::fillFromScenario(d->ctx, scenario);
    d->markAll(true);
    d->compute->setFirms(d->ctx.firms, charts::defaultComputeFirm(d->ctx));
    d->refreshCurrent();
}

void ChartsPanel::setReference(ResultPtr reference)
{
    d->ctx.reference = std::move(reference);
    d->markAll(true);
    d->refreshCurrent();
}

void ChartsPanel::setDifferenceMode(bool on)
{
    if (d->ctx.difference == on)
        return;
    d->ctx.difference = on;
    d->chipsLog->setEnabled(!on); // differences can be negative: always a linear axis
    d->markAll(true);
    d->refreshCurrent();
}

bool ChartsPanel::differenceMode() const
{
    return d->ctx.difference;
}

void ChartsPanel::setCursorDate(core::SimTime date, bool revealUpTo)
{
    if (d->ctx.hasCursor && d->ctx.cursor == date && d->ctx.reveal == revealUpTo)
        return;
    d->ctx.hasCursor = true;
    d->ctx.cursor = date;
    d->ctx.reveal = revealUpTo;
    d->markAll(false);
    d->refreshCurrent();
}

void ChartsPanel::setVisibleFirms(const QStringList& firmIds)
{
    QSet<QString> set(firmIds.begin(), firmIds.end());
    if (set == d->ctx.visibleFirms)
        return;
    d->ctx.visibleFirms = std::move(set);
    d->markAll(true);
    d->refreshCurrent();
}

QString ChartsPanel::currentChartTitle() const
{
    const auto i = d->tabs->currentIndex();
    if (i < 0 || static_cast<std::size_t>(i) >= d->views.size())
        return {};
    d->refresh(i);
    return d->views[static_cast<std::size_t>(i)]->title();
}

bool ChartsPanel::Impl::exportTo(QPaintDevice* device, QSize size, const QString& footer)
{
    const int index = tabs->currentIndex();
    if (index < 0 || static_cast<std::size_t>(index) >= views.size())
        return false;
    refresh(index);
    QPainter p;
    if (!p.begin(device))
        return false;
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    const QFont font = charts::smallFont();
    const QFontMetricsF fm(font);
    const double footerH = footer.isEmpty() ? 0 : fm.height() + 14;
    views[static_cast<std::size_t>(index)]->renderTo(&p, QRectF(0, 0, size.width(), size.height() - footerH));
    if (!footer.isEmpty()) {
        const double y = size.height() - footerH;
        p.setPen(QPen(QColor(0xd0, 0xd0, 0xd0), 1));
        p.drawLine(QPointF(12, y + 3), QPointF(size.width() - 12, y + 3));
        p.setFont(font);
        p.setPen(QColor(0x55, 0x55, 0x55));
        const QString text = fm.elidedText(footer, Qt::ElideMiddle, size.width() - 24);
        p.drawText(QRectF(12, y + 5, size.width() - 24, footerH - 5), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    return p.end();
}

bool ChartsPanel::exportPng(const QString& path, const QString& footer, QSize size) const
{
    if (size.isEmpty())
        return false;
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    if (!d->exportTo(&image, size, footer))
        return false;
    return image.save(path, "PNG");
}

bool ChartsPanel::exportSvg(const QString& path, const QString& footer, QSize size) const
{
    if (size.isEmpty())
        return false;
    {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(currentChartTitle());
        svg.setDescription(footer);
        if (!d->exportTo(&svg, size, footer))
            return false;
    } // the generator writes and closes the file when destroyed
    const QFileInfo info(path);
    return info.exists() && info.size() > 0;
}

} // namespace cp::gui
