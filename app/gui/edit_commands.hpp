// Undo commands for scenario edits. Every edit is "set or clear one override"; a slider drag
// produces many of them with one merge session, which QUndoStack collapses into one step.
#pragma once

#include <QUndoCommand>

#include <optional>
#include <string>

namespace cp::gui {

class ScenarioDocument;

class SetOverrideCommand : public QUndoCommand {
public:
    /// Captures the current value of `path` as the undo state. `mergeSession` 0 = never merge.
    SetOverrideCommand(ScenarioDocument* document, std::string path, std::optional<std::string> value,
                       const QString& description, int mergeSession);

    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    ScenarioDocument* m_document; // not owned
    std::string m_path;
    std::optional<std::string> m_before, m_after;
    int m_session;
};

} // namespace cp::gui
