// One policy in the scenario panel: an on/off switch with the rule's name, its "from" date and
// an optional "until" date, and a line saying what kind of rule it is and who imposes it.
#pragma once

#include "sim/scenario/scenario_spec.hpp"

#include <QFrame>

#include <optional>

class QCheckBox;
class QDateEdit;
class QLabel;
class QToolButton;
class QEvent;

namespace cp::gui {

class ScenarioDocument;

class PolicyRow : public QFrame {
    Q_OBJECT
public:
    PolicyRow(ScenarioDocument* document, scenario::Policy base, QWidget* parent = nullptr);

    /// Re-reads enabled/from/until from the document (base value or override).
    void refresh();

    [[nodiscard]] QCheckBox* enabledBox() const { return m_enabled; }
    [[nodiscard]] QString name() const;
    [[nodiscard]] QDateEdit* fromEdit() const { return m_from; }
    [[nodiscard]] QCheckBox* untilBox() const { return m_hasUntil; }
    [[nodiscard]] QDateEdit* untilEdit() const { return m_until; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] std::string key(const char* field) const;
    [[nodiscard]] bool currentEnabled() const;
    [[nodiscard]] core::SimTime currentFrom() const;
    [[nodiscard]] std::optional<core::SimTime> currentUntil() const;
    void setEnabled(bool on);
    void setFrom(core::SimTime t);
    void setUntil(std::optional<core::SimTime> t);

    ScenarioDocument* m_document; // not owned
    scenario::Policy m_base;
    QCheckBox* m_enabled = nullptr;
    QLabel* m_name = nullptr; ///< wraps, unlike a check box's own text
    QDateEdit* m_from = nullptr;
    QCheckBox* m_hasUntil = nullptr;
    QDateEdit* m_until = nullptr;
    QLabel* m_kind = nullptr;
    QToolButton* m_reset = nullptr;
};

} // namespace cp::gui
