#include "app/gui/edit_commands.hpp"

#include "app/gui/scenario_document.hpp"

namespace cp::gui {

namespace {
constexpr int kMergeableId = 0x5e7;
}

SetOverrideCommand::SetOverrideCommand(ScenarioDocument* document, std::string path, std::optional<std::string> value,
                                       const QString& description, int mergeSession)
    : QUndoCommand(description), m_document(document), m_path(std::move(path)),
      m_before(document->overrideValue(m_path)), m_after(std::move(value)), m_session(mergeSession)
{
}

void SetOverrideCommand::redo()
{
    m_document->applyOverride(m_path, m_after);
}

void SetOverrideCommand::undo()
{
    m_document->applyOverride(m_path, m_before);
}

int SetOverrideCommand::id() const
{
    return m_session != 0 ? kMergeableId : -1;
}

bool SetOverrideCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const SetOverrideCommand*>(other);
    if (!o || o->m_session != m_session || o->m_path != m_path)
        return false;
    m_after = o->m_after;
    // A drag that ends where it started leaves nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

} // namespace cp::gui
