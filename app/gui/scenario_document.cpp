#include "app/gui/scenario_document.hpp"

#include "app/gui/edit_commands.hpp"

#include <QFileInfo>

#include <algorithm>

namespace cp::gui {

QStringList diagnosticLines(const std::vector<scenario::Diagnostic>& diagnostics)
{
    QStringList out;
    for (const auto& d : diagnostics)
        out << QString::fromStdString(d.str());
    return out;
}

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] { emit modifiedChanged(isModified()); });
}

ScenarioDocument::~ScenarioDocument()
{
    // The undo stack's destructor reports a clean-state change; nobody should hear of it.
    m_undo.disconnect(this);
    blockSignals(true);
}

void ScenarioDocument::reset(ScenarioPtr baseScenario, const QString& basePath, const QString& filePath,
                             std::vector<scenario::Override> overrides, bool modified)
{
    const bool wasModified = isModified();
    m_base = std::move(baseScenario);
    m_basePath = basePath;
    m_overrides = std::move(overrides);
    m_restoredUnsaved = modified;
    m_undo.clear();
    m_undo.setClean();
    if (m_filePath != filePath) {
        m_filePath = filePath;
        emit filePathChanged(m_filePath);
    }
    emit documentReset();
    if (wasModified != isModified())
        emit modifiedChanged(isModified());
}

std::optional<std::string> ScenarioDocument::overrideValue(const std::string& path) const
{
    auto it = std::find_if(m_overrides.begin(), m_overrides.end(), [&](const auto& o) { return o.path == path; });
    if (it == m_overrides.end())
        return std::nullopt;
    return it->value;
}

QString ScenarioDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (m_base && !m_base->name.empty())
        return QString::fromStdString(m_base->name);
    return QFileInfo(m_basePath).fileName();
}

void ScenarioDocument::edit(const std::string& path, std::optional<std::string> value, const QString& description,
                            int mergeSession)
{
    if (overrideValue(path) == value)
        return;
    m_undo.push(new SetOverrideCommand(this, path, std::move(value), description, mergeSession));
}

void ScenarioDocument::applyOverride(const std::string& path, const std::optional<std::string>& value)
{
    auto it = std::find_if(m_overrides.begin(), m_overrides.end(), [&](const auto& o) { return o.path == path; });
    if (!value) {
        if (it == m_overrides.end())
            return;
        m_overrides.erase(it);
    } else if (it != m_overrides.end()) {
        if (it->value == *value)
            return;
        it->value = *value;
    } else {
        m_overrides.push_back({path, *value});
    }
    emit overrideChanged(QString::fromStdString(path));
}

void ScenarioDocument::markSaved(const QString& filePath)
{
    const bool wasModified = isModified();
    m_restoredUnsaved = false;
    m_undo.setClean();
    if (m_filePath != filePath) {
        m_filePath = filePath;
        emit filePathChanged(m_filePath);
    }
    if (wasModified)
        emit modifiedChanged(false);
}

} // namespace cp::gui
