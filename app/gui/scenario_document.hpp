// The scenario being edited: a base scenario file plus an ordered list of overrides (the batch
// CLI's `--set KEY=VALUE`, by dotted key path). Every GUI edit sets or clears one override
// through the undo stack, and re-simulating is loadScenario(base, overrides). Lives on the GUI
// thread; the worker only ever sees copies of the overrides.
#pragma once

#include "app/gui/run_types.hpp"

#include <QObject>
#include <QUndoStack>

#include <optional>

namespace cp::gui {

class ScenarioDocument : public QObject {
    Q_OBJECT
public:
    explicit ScenarioDocument(QObject* parent = nullptr);
    ~ScenarioDocument() override;

    /// Starts a new document; clears the undo history. `modified` marks restored edits unsaved.
    void reset(ScenarioPtr baseScenario, const QString& basePath, const QString& filePath,
               std::vector<scenario::Override> overrides, bool modified = false);

    [[nodiscard]] bool isOpen() const { return m_base != nullptr; }
    [[nodiscard]] const QString& basePath() const { return m_basePath; }
    /// Where Save writes; empty until the document is saved (Save then asks for a name).
    [[nodiscard]] const QString& filePath() const { return m_filePath; }
    /// The base scenario as loaded, without overrides: default values, ranges, citations.
    [[nodiscard]] const ScenarioPtr& baseScenario() const { return m_base; }
    [[nodiscard]] const std::vector<scenario::Override>& overrides() const { return m_overrides; }
    [[nodiscard]] std::optional<std::string> overrideValue(const std::string& path) const;
    /// "Baseline: the reported path 2022-2027" or the file name.
    [[nodiscard]] QString displayName() const;

    /// An undoable edit: sets (or with nullopt clears) one override. Edits carrying the same
    /// non-zero `mergeSession` on the same key merge into one undo step (a slider drag).
    void edit(const std::string& path, std::optional<std::string> value, const QString& description,
              int mergeSession = 0);
    /// Applies an override without recording it (undo commands and Save use this).
    void applyOverride(const std::string& path, const std::optional<std::string>& value);

    [[nodiscard]] QUndoStack* undoStack() { return &m_undo; }
    [[nodiscard]] bool isModified() const { return m_restoredUnsaved || !m_undo.isClean(); }
    /// After a successful save to `filePath`.
    void markSaved(const QString& filePath);

signals:
    void overrideChanged(const QString& path);
    /// A different scenario (or a restored one) replaced everything.
    void documentReset();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& filePath);

private:
    ScenarioPtr m_base;
    QString m_basePath, m_filePath;
    std::vector<scenario::Override> m_overrides;
    QUndoStack m_undo;
    bool m_restoredUnsaved = false;
};

} // namespace cp::gui
