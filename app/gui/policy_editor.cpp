#include "app/gui/policy_editor.hpp"

#include "app/gui/policy_row.hpp"
#include "app/gui/scenario_document.hpp"

#include <QScrollArea>
#include <QVBoxLayout>

namespace cp::gui {

PolicyEditor::PolicyEditor(ScenarioDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 4, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    m_layout = new QVBoxLayout(content);
    m_layout->setContentsMargins(4, 0, 8, 0);
    m_layout->setSpacing(4);
    m_layout->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    connect(m_document, &ScenarioDocument::documentReset, this, &PolicyEditor::rebuild);
    connect(m_document, &ScenarioDocument::overrideChanged, this, [this](const QString& path) {
        const QStringList parts = path.split(QLatin1Char('.'));
        if (parts.size() == 3 && parts[0] == QLatin1String("policies"))
            if (PolicyRow* r = row(parts[1].toStdString()))
                r->refresh();
    });
    rebuild(); // the document may already be open
}

PolicyRow* PolicyEditor::row(const std::string& policyId) const
{
    auto it = m_rows.find(policyId);
    return it == m_rows.end() ? nullptr : it->second;
}

void PolicyEditor::rebuild()
{
    for (auto& [id, r] : m_rows)
        delete r;
    m_rows.clear();
    if (!m_document->isOpen())
        return;
    // By start date: the order in which the story unfolds.
    std::vector<scenario::Policy> policies = m_document->baseScenario()->policies;
    std::stable_sort(policies.begin(), policies.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
    int at = 0;
    for (auto& p : policies) {
        const std::string id = p.id;
        auto* r = new PolicyRow(m_document, std::move(p), m_layout->parentWidget());
        m_layout->insertWidget(at++, r);
        m_rows[id] = r;
    }
}

} // namespace cp::gui
