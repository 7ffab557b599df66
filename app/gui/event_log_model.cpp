#include "app/gui/event_log_model.hpp"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace cp::gui {

void EventLogModel::setResult(ResultPtr result, ScenarioPtr scenario)
{
    beginResetModel();
    m_result = std::move(result);
    m_scenario = std::move(scenario);
    endResetModel();
}

void EventLogModel::setCursor(core::SimTime date, bool reveal)
{
    if (date == m_cursor && reveal == m_reveal)
        return;
    m_cursor = date;
    m_reveal = reveal;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::ForegroundRole, Qt::FontRole, Qt::BackgroundRole});
}

int EventLogModel::lastRowAtOrBefore(core::SimTime date) const
{
    if (!m_result)
        return -1;
    const auto& log = m_result->log;
    auto it = std::upper_bound(log.begin(), log.end(), date, [](core::SimTime t, const model::LogEntry& e) { return t < e.time; });
    return static_cast<int>(it - log.begin()) - 1;
}

std::vector<int> EventLogModel::sampleRows(Column column) const
{
    std::vector<int> rows;
    if (!m_result || column == TextColumn)
        return rows;
    // What the column's text and font depend on: the date, the kind (bold or coloured by kind),
    // the firm (its name and colour).
    std::set<std::string> firms;
    std::set<core::SimTime> dates;
    std::set<model::LogKind> kinds;
    const auto& log = m_result->log;
    for (std::size_t i = 0; i < log.size(); ++i) {
        const auto& e = log[i];
        const bool isNew = column == DateColumn   ? dates.insert(e.time).second
                           : column == KindColumn ? kinds.insert(e.kind).second
                                                  : firms.insert(e.firm).second;
        if (isNew)
            rows.push_back(static_cast<int>(i));
    }
    return rows;
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_result ? 0 : static_cast<int>(m_result->log.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::kindName(model::LogKind kind)
{
    using K = model::LogKind;
    switch (kind) {
    case K::Policy: return tr("Rule");
    case K::Shipment: return tr("Shipment");
    case K::Blocked: return tr("Blocked");
    case K::Lease: return tr("Lease");
    case K::Seizure: return tr("Seizure");
    case K::RunStarted: return tr("Training");
    case K::ModelReleased: return tr("Release");
    case K::Note: return tr("Note");
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_result || index.row() >= rowCount())
        return {};
    const auto& e = m_result->log[static_cast<std::size_t>(index.row())];
    const bool future = m_reveal && e.time > m_cursor;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn: return QString::fromStdString(core::formatDate(e.time));
        case KindColumn: return kindName(e.kind);
        case FirmColumn: {
            const auto* f = m_scenario && !e.firm.empty() ? m_scenario->findFirm(e.firm) : nullptr;
            return f ? QString::fromStdString(f->name) : QString::fromStdString(e.firm);
        }
        case TextColumn: return QString::fromStdString(e.text);
        }
        return {};
    case Qt::DecorationRole:
        // The firm's chart colour, so the log reads with the charts.
        if (index.column() == FirmColumn && m_scenario && !e.firm.empty())
            if (const auto* f = m_scenario->findFirm(e.firm); f && !f->color.empty())
                return QColor(QString::fromStdString(f->color));
        return {};
    case Qt::ToolTipRole:
        return QStringLiteral("%1: %2").arg(QString::fromStdString(core::formatDate(e.time)),
                                            QString::fromStdString(e.text));
    case Qt::ForegroundRole:
        if (future)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (index.column() == KindColumn && (e.kind == model::LogKind::Blocked || e.kind == model::LogKind::Seizure))
            return QBrush(QColor(0xb0, 0x30, 0x20));
        if (index.column() == KindColumn && e.kind == model::LogKind::ModelReleased)
            return QBrush(QColor(0x00, 0x70, 0x50));
        return {};
    case Qt::FontRole:
        if (e.kind == model::LogKind::Policy || e.kind == model::LogKind::ModelReleased) {
            QFont f;
            f.setBold(index.column() == KindColumn);
            return f;
        }
        return {};
    case TimeRole: return QVariant::fromValue<qlonglong>(e.time);
    case FirmIdRole: return QString::fromStdString(e.firm);
    case KindRole: return static_cast<int>(e.kind);
    default: return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn: return tr("Date");
    case KindColumn: return tr("Kind");
    case FirmColumn: return tr("Firm");
    case TextColumn: return tr("What happened");
    }
    return {};
}

void EventLogFilter::setFirm(const QString& firmId)
{
    m_firm = firmId;
    invalidateRowsFilter();
}

void EventLogFilter::setKind(std::optional<model::LogKind> kind)
{
    m_kind = kind;
    invalidateRowsFilter();
}

void EventLogFilter::setText(const QString& text)
{
    m_text = text;
    invalidateRowsFilter();
}

bool EventLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_firm.isEmpty() && idx.data(EventLogModel::FirmIdRole).toString() != m_firm)
        return false;
    if (m_kind && idx.data(EventLogModel::KindRole).toInt() != static_cast<int>(*m_kind))
        return false;
    if (!m_text.isEmpty()) {
        const QModelIndex text = sourceModel()->index(sourceRow, EventLogModel::TextColumn, sourceParent);
        if (!text.data().toString().contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace cp::gui
