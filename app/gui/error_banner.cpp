#include "app/gui/error_banner.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace cp::gui {

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setStyleSheet(QStringLiteral("#errorBanner { background: #fbe9e7; border: 1px solid #d84315; border-radius: 3px; }"
                                 "#errorBanner QLabel { color: #5d1a0b; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_undo = new QPushButton(tr("Undo last edit"), this);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_undo);
    layout->addWidget(close);
    connect(m_undo, &QPushButton::clicked, this, &ErrorBanner::undoRequested);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void ErrorBanner::showProblems(const QStringList& diagnostics)
{
    QStringList shown = diagnostics.mid(0, 3);
    if (diagnostics.size() > 3)
        shown << tr("… and %1 more").arg(diagnostics.size() - 3);
    m_text->setText(tr("This edit cannot be simulated; the charts show the last valid run.\n%1")
                        .arg(shown.join(QLatin1Char('\n'))));
    m_text->setToolTip(diagnostics.join(QLatin1Char('\n')));
    show();
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

} // namespace cp::gui
