// The event log panel: a dated, plain-language list of what happened in the run, filtered by
// firm, kind and text. Clicking an entry moves the charts and the network view to its date;
// during playback the list follows the cursor.
#pragma once

#include "app/gui/event_log_model.hpp"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace cp::gui {

class EventLogView : public QWidget {
    Q_OBJECT
public:
    explicit EventLogView(QWidget* parent = nullptr);

    void setResult(ResultPtr result, ScenarioPtr scenario);
    void setCursor(core::SimTime date, bool reveal, bool follow);
    /// Shows only this firm's entries (empty = all).
    void setFirmFilter(const QString& firmId);

    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] EventLogFilter* filter() const { return m_filter; }
    [[nodiscard]] EventLogModel* model() const { return m_model; }

signals:
    /// The user picked an entry: jump to its date.
    void dateActivated(core::SimTime date);

private:
    void updateCount();
    /// Widths of the date, kind and firm columns for the widest text each shows in this run.
    void fitColumns();

    EventLogModel* m_model = nullptr;
    EventLogFilter* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_firm = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace cp::gui
