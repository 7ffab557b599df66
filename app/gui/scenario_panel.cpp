#include "app/gui/scenario_panel.hpp"

#include "app/gui/param_editor.hpp"
#include "app/gui/plural.hpp"
#include "app/gui/policy_editor.hpp"
#include "app/gui/scenario_document.hpp"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTextLayout>
#include <QVBoxLayout>

namespace cp::gui {

ScenarioPanel::ScenarioPanel(ScenarioDocument* document, QList<Preset> presets, QWidget* parent)
    : QWidget(parent), m_document(document), m_presets(std::move(presets))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 2, 6);

    auto* presetRow = new QHBoxLayout;
    auto* presetLabel = new QLabel(tr("&Preset:"), this);
    m_presetBox = new QComboBox(this);
    m_presetBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_presetBox->setMinimumContentsLength(12);
    m_presetBox->setToolTip(tr("Open one of the bundled scenarios"));
    presetLabel->setBuddy(m_presetBox);
    for (const Preset& p : m_presets)
        m_presetBox->addItem(p.name, p.path);
    m_presetBox->addItem(tr("(other file)"));
    presetRow->addWidget(presetLabel);
    presetRow->addWidget(m_presetBox, 1);
    layout->addLayout(presetRow);

    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.1);
    m_title->setFont(tf);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_title);
    layout->addWidget(m_description);

    auto* changesRow = new QHBoxLayout;
    m_changes = new QLabel(this);
    m_revert = new QPushButton(tr("Revert all"), this);
    m_revert->setToolTip(tr("Undo every change to the scenario (one undoable step)"));
    changesRow->addWidget(m_changes, 1);
    changesRow->addWidget(m_revert);
    layout->addLayout(changesRow);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_policies = new PolicyEditor(document, m_tabs);
    m_params = new ParamEditor(document, m_tabs);
    m_tabs->addTab(m_policies, tr("Policies"));
    m_tabs->addTab(m_params, tr("Parameters"));
    layout->addWidget(m_tabs, 1);

    connect(m_presetBox, &QComboBox::activated, this, [this](int index) {
        const QString path = m_presetBox->itemData(index).toString();
        if (!path.isEmpty())
            emit presetChosen(path);
        else
            emit openFileRequested();
        selectCurrentPreset(); // stays on the open scenario if the user cancels
    });
    connect(m_revert, &QPushButton::clicked, this, &ScenarioPanel::revertAllRequested);
    connect(m_document, &ScenarioDocument::documentReset, this, [this] {
        refreshHeader();
        selectCurrentPreset();
    });
    connect(m_document, &ScenarioDocument::overrideChanged, this, &ScenarioPanel::refreshHeader);
    refreshHeader();
}

void ScenarioPanel::refreshHeader()
{
    if (!m_document->isOpen()) {
        m_title->setText(tr("No scenario"));
        m_description->clear();
        m_changes->clear();
        m_revert->setEnabled(false);
        return;
    }
    const auto& base = *m_document->baseScenario();
    m_title->setText(QString::fromStdString(base.name));
    const QString description = QString::fromStdString(base.description).simplified();
    m_fullDescription = description;
    layoutDescription();
    m_description->setToolTip(QStringLiteral("<p>%1</p><p>%2</p>").arg(description.toHtmlEscaped(),
                                                                     m_document->basePath().toHtmlEscaped()));
    const int n = static_cast<int>(m_document->overrides().size());
    m_changes->setText(n == 0 ? tr("As in %1").arg(QFileInfo(m_document->basePath()).fileName())
                              : tr("%1 to %2").arg(countOf(n, tr("change"), tr("changes")),
                                                  QFileInfo(m_document->basePath()).fileName()));
    m_revert->setEnabled(n > 0);
    m_tabs->setTabText(0, tr("Policies (%1)").arg(base.policies.size()));
}

namespace {

// The first `maxLines` lines of `text` wrapped to `width`, with "…" when it goes on.
QString elidedLines(const QString& text, const QFont& font, int width, int maxLines)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    QString out;
    for (int i = 0; i < maxLines; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        const QString part = text.mid(line.textStart(), line.textLength());
        if (i + 1 == maxLines && line.textStart() + line.textLength() < text.size())
            out += QFontMetrics(font).elidedText(part.trimmed() + QStringLiteral(" …"), Qt::ElideRight, width);
        else
            out += part;
    }
    layout.endLayout();
    return out;
}

} // namespace

void ScenarioPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutDescription();
}

void ScenarioPanel::layoutDescription()
{
    const int width = std::max(100, m_description->contentsRect().width());
    m_description->setText(elidedLines(m_fullDescription, m_description->font(), width, 3));
}

void ScenarioPanel::selectCurrentPreset()
{
    const QSignalBlocker block(m_presetBox);
    const QString base = QFileInfo(m_document->basePath()).canonicalFilePath();
    for (int i = 0; i < m_presetBox->count(); ++i) {
        if (!base.isEmpty() && QFileInfo(m_presetBox->itemData(i).toString()).canonicalFilePath() == base) {
            m_presetBox->setCurrentIndex(i);
            return;
        }
    }
    m_presetBox->setCurrentIndex(m_presetBox->count() - 1);
}

} // namespace cp::gui
