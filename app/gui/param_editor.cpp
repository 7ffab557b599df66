#include "app/gui/param_editor.hpp"

#include "app/gui/param_row.hpp"
#include "app/gui/scenario_document.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>

namespace cp::gui {

ParamEditor::ParamEditor(ScenarioDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* bar = new QHBoxLayout;
    m_show = new QComboBox(this);
    m_show->addItem(tr("Key parameters"));
    m_show->addItem(tr("Changed"));
    m_show->addItem(tr("All parameters"));
    m_show->setToolTip(tr("Key: the uncertain values that drive the story; Changed: your edits"));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Filter, e.g. huawei, deepseek"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_show);
    bar->addWidget(m_search, 1);
    layout->addLayout(bar);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    m_rows = new QVBoxLayout(content);
    m_rows->setContentsMargins(4, 0, 8, 0);
    m_rows->setSpacing(0);
    m_empty = new QLabel(tr("No parameter matches."), content);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_rows->addWidget(m_empty);
    m_rows->addStretch(1);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    connect(m_show, &QComboBox::currentIndexChanged, this, &ParamEditor::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &ParamEditor::applyFilter);
    connect(m_document, &ScenarioDocument::documentReset, this, &ParamEditor::rebuild);
    connect(m_document, &ScenarioDocument::overrideChanged, this, [this](const QString& path) {
        refresh(path.toStdString());
        if (m_show->currentIndex() == static_cast<int>(Show::Changed))
            applyFilter();
    });
    rebuild(); // the document may already be open
}

void ParamEditor::setShow(Show show)
{
    m_show->setCurrentIndex(static_cast<int>(show));
}

void ParamEditor::setSearchText(const QString& text)
{
    m_search->setText(text);
}

ParamRow* ParamEditor::row(const std::string& path) const
{
    auto it = m_byPath.find(path);
    return it == m_byPath.end() ? nullptr : it->second;
}

int ParamEditor::visibleRowCount() const
{
    int n = 0;
    for (const auto& [path, row] : m_byPath)
        n += row->isVisibleTo(this) ? 1 : 0;
    return n;
}

void ParamEditor::rebuild()
{
    for (auto& [path, row] : m_byPath)
        delete row;
    for (auto& [group, header] : m_headers)
        delete header;
    for (auto& [key, header] : m_entityHeaders)
        delete header;
    m_byPath.clear();
    m_headers.clear();
    m_entityHeaders.clear();
    if (!m_document->isOpen())
        return;
    setUpdatesEnabled(false);
    int at = 0;
    QString group, entity;
    for (ParamControl& c : buildParamControls(*m_document->baseScenario())) {
        if (c.group != group) {
            group = c.group;
            entity.clear();
            auto* header = new QLabel(group.toUpper(), m_rows->parentWidget());
            QFont f = header->font();
            f.setBold(true);
            f.setPointSizeF(f.pointSizeF() * 0.85);
            f.setLetterSpacing(QFont::PercentageSpacing, 108);
            header->setFont(f);
            header->setForegroundRole(QPalette::PlaceholderText);
            header->setContentsMargins(0, 12, 0, 0);
            m_rows->insertWidget(at++, header);
            m_headers[group] = header;
        }
        const QString entityKey = group + QLatin1Char('/') + c.entity;
        if (c.entity != entity) {
            entity = c.entity;
            auto* header = new QLabel(entity, m_rows->parentWidget());
            header->setWordWrap(true);
            QFont f = header->font();
            f.setBold(true);
            header->setFont(f);
            header->setContentsMargins(0, 6, 0, 0);
            m_rows->insertWidget(at++, header);
            m_entityHeaders[entityKey] = header;
        }
        const std::string path = c.path;
        auto* row = new ParamRow(std::move(c), m_rows->parentWidget());
        row->setProperty("group", group);
        row->setProperty("entity", entityKey);
        m_rows->insertWidget(at++, row);
        m_byPath[path] = row;
        connect(row, &ParamRow::edited, this, [this, row](double v, int gesture) {
            const auto& ctl = row->control();
            m_document->edit(ctl.path, overrideFor(ctl, v), tr("Set %1 to %2").arg(ctl.label()).arg(v), gesture);
        });
        connect(row, &ParamRow::resetRequested, this, [this, row] {
            m_document->edit(row->control().path, std::nullopt, tr("Reset %1").arg(row->control().label()));
        });
        refresh(path);
    }
    applyFilter();
    setUpdatesEnabled(true);
}

void ParamEditor::refresh(const std::string& path)
{
    ParamRow* r = row(path);
    if (!r)
        return;
    const auto value = m_document->overrideValue(path);
    r->setValue(controlValue(r->control(), value), value.has_value());
}

void ParamEditor::applyFilter()
{
    const auto show = static_cast<Show>(m_show->currentIndex());
    const QStringList words = m_search->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::map<QString, bool> groupVisible, entityVisible;
    int shown = 0;
    for (const auto& [path, row] : m_byPath) {
        const auto& c = row->control();
        bool visible = show == Show::All || (show == Show::Key && (c.key || row->isOverridden())) ||
                       (show == Show::Changed && row->isOverridden());
        const QString haystack = c.label() + QLatin1Char(' ') + QString::fromStdString(path);
        for (const QString& w : words)
            visible = visible && haystack.contains(w, Qt::CaseInsensitive);
        row->setVisible(visible);
        groupVisible[row->property("group").toString()] |= visible;
        entityVisible[row->property("entity").toString()] |= visible;
        shown += visible ? 1 : 0;
    }
    for (auto& [group, header] : m_headers)
        header->setVisible(groupVisible[group]);
    for (auto& [key, header] : m_entityHeaders)
        header->setVisible(entityVisible[key]);
    m_empty->setVisible(shown == 0 && m_document->isOpen());
}

} // namespace cp::gui
