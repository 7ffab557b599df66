#include "app/gui/event_log_view.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cp::gui {

namespace {
// Sizes a column to the widest of some rows' texts, as ResizeToContents would over all rows.
class LogTable : public QTableView {
public:
    using QTableView::QTableView;
    [[nodiscard]] int widthFor(const QAbstractItemModel& model, int column, const std::vector<int>& rows) const
    {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        int width = horizontalHeader()->sectionSizeHint(column);
        for (int row : rows)
            width = std::max(width, itemDelegate()->sizeHint(option, model.index(row, column)).width());
        return width + (showGrid() ? 1 : 0);
    }
};
} // namespace

EventLogView::EventLogView(QWidget* parent) : QWidget(parent)
{
    m_model = new EventLogModel(this);
    m_filter = new EventLogFilter(this);
    m_filter->setSourceModel(m_model);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    auto* bar = new QHBoxLayout;
    m_firm = new QComboBox(this);
    m_firm->setToolTip(tr("Show one firm's events"));
    m_firm->addItem(tr("All firms"), QString());
    m_kind = new QComboBox(this);
    m_kind->setToolTip(tr("Show one kind of event"));
    m_kind->addItem(tr("All kinds"), -1);
    using K = model::LogKind;
    for (K k : {K::Policy, K::Blocked, K::Shipment, K::Lease, K::RunStarted, K::ModelReleased, K::Seizure, K::Note})
        m_kind->addItem(EventLogModel::kindName(k), static_cast<int>(k));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    bar->addWidget(m_firm);
    bar->addWidget(m_kind);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    m_table = new LogTable(this);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // Sized by fitColumns() on each result: ResizeToContents measured every row (some 500 in
    // the baseline) again at each change, a third of the GUI thread's work per result.
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setIconSize(QSize(10, 10));
    layout->addWidget(m_table, 1);

    connect(m_firm, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setFirm(m_firm->currentData().toString());
        updateCount();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_kind->currentData().toInt();
        m_filter->setKind(k < 0 ? std::nullopt : std::optional<model::LogKind>(static_cast<model::LogKind>(k)));
        updateCount();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& t) {
        m_filter->setText(t);
        updateCount();
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        emit dateActivated(index.data(EventLogModel::TimeRole).toLongLong());
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit dateActivated(index.data(EventLogModel::TimeRole).toLongLong());
    });
}

void EventLogView::setResult(ResultPtr result, ScenarioPtr scenario)
{
    const QString firm = m_firm->currentData().toString();
    {
        const QSignalBlocker block(m_firm);
        m_firm->clear();
        m_firm->addItem(tr("All firms"), QString());
        if (scenario)
            for (const auto& f : scenario->firms)
                m_firm->addItem(QString::fromStdString(f.name), QString::fromStdString(f.id));
        m_firm->setCurrentIndex(std::max(0, m_firm->findData(firm)));
    }
    m_filter->setFirm(m_firm->currentData().toString());
    m_model->setResult(std::move(result), std::move(scenario));
    fitColumns();
    updateCount();
}

void EventLogView::fitColumns()
{
    const auto* table = static_cast<const LogTable*>(m_table);
    for (auto column : {EventLogModel::DateColumn, EventLogModel::KindColumn, EventLogModel::FirmColumn})
        m_table->horizontalHeader()->resizeSection(column, table->widthFor(*m_model, column, m_model->sampleRows(column)));
}

void EventLogView::setFirmFilter(const QString& firmId)
{
    m_firm->setCurrentIndex(std::max(0, m_firm->findData(firmId)));
}

void EventLogView::setCursor(core::SimTime date, bool reveal, bool follow)
{
    m_model->setCursor(date, reveal);
    if (!follow)
        return;
    // Select the newest visible entry up to the cursor and keep it in view.
    for (int row = m_model->lastRowAtOrBefore(date); row >= 0; --row) {
        const QModelIndex proxy = m_filter->mapFromSource(m_model->index(row, 0));
        if (proxy.isValid()) {
            const QSignalBlocker block(m_table->selectionModel());
            m_table->selectRow(proxy.row());
            m_table->scrollTo(proxy, QAbstractItemView::PositionAtCenter);
            return;
        }
    }
}

void EventLogView::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

} // namespace cp::gui
