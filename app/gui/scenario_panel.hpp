// The left-hand scenario panel: the preset list of bundled scenarios, the scenario's name and
// description, the number of unsaved changes, and two pages: policies (switches and dates) and
// parameters (sliders with units and citations).
#pragma once

#include "app/gui/app_paths.hpp"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace cp::gui {

class ParamEditor;
class PolicyEditor;
class ScenarioDocument;

class ScenarioPanel : public QWidget {
    Q_OBJECT
public:
    ScenarioPanel(ScenarioDocument* document, QList<Preset> presets, QWidget* parent = nullptr);

    [[nodiscard]] PolicyEditor* policies() const { return m_policies; }
    [[nodiscard]] ParamEditor* parameters() const { return m_params; }
    [[nodiscard]] QTabWidget* pages() const { return m_tabs; }

signals:
    /// The user picked a bundled scenario from the preset list.
    void presetChosen(const QString& path);
    /// The user picked "(other file)".
    void openFileRequested();
    void revertAllRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refreshHeader();
    void layoutDescription();
    void selectCurrentPreset();

    ScenarioDocument* m_document; // not owned
    QList<Preset> m_presets;
    QComboBox* m_presetBox = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_description = nullptr;
    QString m_fullDescription;
    QLabel* m_changes = nullptr;
    QPushButton* m_revert = nullptr;
    QTabWidget* m_tabs = nullptr;
    PolicyEditor* m_policies = nullptr;
    ParamEditor* m_params = nullptr;
};

} // namespace cp::gui
