// The run's event log as a table (date, kind, firm, what happened), and a filter by firm, kind
// and text. Rows after the playback cursor are dimmed while playing, the row at the cursor is
// highlighted, so the log reads like a story unfolding alongside the charts.
#pragma once

#include "app/gui/run_types.hpp"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <optional>
#include <set>
#include <vector>

namespace cp::gui {

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DateColumn, KindColumn, FirmColumn, TextColumn, ColumnCount };
    enum Role { TimeRole = Qt::UserRole + 1, FirmIdRole, KindRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setResult(ResultPtr result, ScenarioPtr scenario);
    /// Rows after `date` are dimmed when `reveal` (playback); the last row up to it is marked.
    void setCursor(core::SimTime date, bool reveal);
    /// The last row at or before `date`, or -1.
    [[nodiscard]] int lastRowAtOrBefore(core::SimTime date) const;
    /// One row for each different thing `column` shows (Date, Kind or Firm), so that a view
    /// can size the column from a few dozen rows instead of measuring every one.
    [[nodiscard]] std::vector<int> sampleRows(Column column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] static QString kindName(model::LogKind kind);

private:
    ResultPtr m_result;
    ScenarioPtr m_scenario;
    core::SimTime m_cursor = 0;
    bool m_reveal = false;
};

class EventLogFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    /// Empty = every firm.
    void setFirm(const QString& firmId);
    /// nullopt = every kind.
    void setKind(std::optional<model::LogKind> kind);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_firm, m_text;
    std::optional<model::LogKind> m_kind;
};

} // namespace cp::gui
