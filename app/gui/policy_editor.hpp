// The "Policies" page of the scenario panel: every rule of the scenario as a switch with its
// dates (in force from, and optionally until), what it does and its citation on hover. Each
// change is one undoable override (policies.<id>.enabled / .from / .until).
#pragma once

#include <QWidget>

#include <map>
#include <string>

class QVBoxLayout;

namespace cp::gui {

class PolicyRow;
class ScenarioDocument;

class PolicyEditor : public QWidget {
    Q_OBJECT
public:
    explicit PolicyEditor(ScenarioDocument* document, QWidget* parent = nullptr);

    [[nodiscard]] PolicyRow* row(const std::string& policyId) const;
    [[nodiscard]] int rowCount() const { return static_cast<int>(m_rows.size()); }

private:
    void rebuild();

    ScenarioDocument* m_document; // not owned
    QVBoxLayout* m_layout = nullptr;
    std::map<std::string, PolicyRow*> m_rows;
};

} // namespace cp::gui
