#include "app/gui/policy_row.hpp"

#include "app/gui/scenario_document.hpp"

#include <QCheckBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace cp::gui {

namespace {

QDate toQDate(core::SimTime t)
{
    const auto d = core::toDate(t);
    return QDate(d.year, d.month, d.day);
}

core::SimTime fromQDate(const QDate& d)
{
    return core::fromDate(d.year(), d.month(), d.day());
}

QString describeType(const scenario::Policy& p)
{
    using T = scenario::PolicyType;
    switch (p.type) {
    case T::ExportControl:
        return QObject::tr("export control (%1)").arg(QString::fromUtf8(scenario::toString(p.action)));
    case T::DiffusionRule: return QObject::tr("AI diffusion rule");
    case T::RemoteAccessControl: return QObject::tr("remote-access control");
    case T::StateDcDomesticOnly: return QObject::tr("state data centres: domestic chips only");
    case T::ImportBlock: return QObject::tr("import block");
    case T::DataLocalisation: return QObject::tr("data localisation");
    case T::SmugglingEnforcement: return QObject::tr("smuggling enforcement");
    }
    return {};
}

QDateEdit* makeDateEdit(QWidget* parent)
{
    auto* e = new QDateEdit(parent);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    e->setCalendarPopup(true);
    e->setKeyboardTracking(false);
    e->setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31));
    return e;
}

} // namespace

PolicyRow::PolicyRow(ScenarioDocument* document, scenario::Policy base, QWidget* parent)
    : QFrame(parent), m_document(document), m_base(std::move(base))
{
    setFrameShape(QFrame::StyledPanel);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);

    m_enabled = new QCheckBox(this);
    m_enabled->setAccessibleName(name());
    m_name = new QLabel(name(), this);
    m_name->setWordWrap(true);
    m_name->installEventFilter(this); // clicking the name toggles the rule, as a check box's text would
    m_reset = new QToolButton(this);
    m_reset->setText(QStringLiteral("↺"));
    m_reset->setAutoRaise(true);
    m_reset->setToolTip(tr("Back to the scenario's setting"));
    m_kind = new QLabel(this);
    m_kind->setForegroundRole(QPalette::PlaceholderText);
    m_kind->setText(tr("%1 · by %2").arg(describeType(m_base), QString::fromStdString(m_base.actor.empty() ? "?" : m_base.actor)));
    m_from = makeDateEdit(this);
    m_hasUntil = new QCheckBox(tr("until"), this);
    m_until = makeDateEdit(this);

    m_kind->setWordWrap(true);
    auto* fromLabel = new QLabel(tr("from"), this);
    grid->addWidget(m_enabled, 0, 0, Qt::AlignTop);
    grid->addWidget(m_name, 0, 1, 1, 3);
    grid->addWidget(m_reset, 0, 4, Qt::AlignTop);
    grid->addWidget(m_kind, 1, 1, 1, 4);
    grid->addWidget(fromLabel, 2, 0, 1, 1, Qt::AlignRight);
    grid->addWidget(m_from, 2, 1);
    grid->addWidget(m_hasUntil, 2, 2);
    grid->addWidget(m_until, 2, 3, 1, 2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    // Dates are never squeezed; "until" shows its date only when the rule has an end.
    m_from->setMinimumWidth(m_from->minimumSizeHint().width());
    m_until->setMinimumWidth(m_until->minimumSizeHint().width());

    QString tip = QStringLiteral("<b>%1</b> <code>%2</code><br/>%3").arg(
        QString::fromStdString(m_base.name).toHtmlEscaped(), QString::fromStdString(m_base.id).toHtmlEscaped(),
        QString::fromStdString(m_base.description).toHtmlEscaped());
    tip += tr("<br/><br/>Source: %1").arg(m_base.source.empty() ? tr("<i>none given</i>")
                                                                : QString::fromStdString(m_base.source).toHtmlEscaped());
    setToolTip(tip);
    m_enabled->setToolTip(tip);
    m_name->setToolTip(tip);

    connect(m_enabled, &QCheckBox::toggled, this, &PolicyRow::setEnabled);
    connect(m_from, &QDateEdit::dateChanged, this, [this](const QDate& d) { setFrom(fromQDate(d)); });
    connect(m_hasUntil, &QCheckBox::toggled, this, [this](bool on) {
        setUntil(on ? std::optional<core::SimTime>(fromQDate(m_until->date())) : std::nullopt);
    });
    connect(m_until, &QDateEdit::dateChanged, this, [this](const QDate& d) {
        if (m_hasUntil->isChecked())
            setUntil(fromQDate(d));
    });
    connect(m_reset, &QToolButton::clicked, this, [this] {
        m_document->undoStack()->beginMacro(tr("Reset %1").arg(name()));
        for (const char* f : {"enabled", "from", "until"})
            m_document->edit(key(f), std::nullopt, {});
        m_document->undoStack()->endMacro();
    });
    refresh();
}

QString PolicyRow::name() const
{
    return QString::fromStdString(m_base.name.empty() ? m_base.id : m_base.name);
}

bool PolicyRow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_name && event->type() == QEvent::MouseButtonRelease && m_enabled->isEnabled()) {
        m_enabled->toggle();
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

std::string PolicyRow::key(const char* field) const
{
    return "policies." + m_base.id + "." + field;
}

bool PolicyRow::currentEnabled() const
{
    const auto v = m_document->overrideValue(key("enabled"));
    return v ? *v == "true" : m_base.enabled;
}

core::SimTime PolicyRow::currentFrom() const
{
    const auto v = m_document->overrideValue(key("from"));
    const auto t = v ? core::parseDate(*v) : std::nullopt;
    return t ? *t : m_base.from;
}

std::optional<core::SimTime> PolicyRow::currentUntil() const
{
    const auto v = m_document->overrideValue(key("until"));
    if (!v)
        return m_base.until;
    return core::parseDate(*v);
}

void PolicyRow::refresh()
{
    const bool on = currentEnabled();
    const auto until = currentUntil();
    const QSignalBlocker b1(m_enabled), b2(m_from), b3(m_hasUntil), b4(m_until);
    m_enabled->setChecked(on);
    m_from->setDate(toQDate(currentFrom()));
    m_hasUntil->setChecked(until.has_value());
    m_until->setEnabled(until.has_value());
    m_until->setDate(toQDate(until.value_or(core::addMonths(currentFrom(), 12))));
    const bool changed = m_document->overrideValue(key("enabled")) || m_document->overrideValue(key("from")) ||
                         m_document->overrideValue(key("until"));
    m_reset->setVisible(changed);
    QFont f = m_name->font();
    f.setBold(changed);
    m_name->setFont(f);
    m_from->setEnabled(on);
    m_hasUntil->setEnabled(on);
    m_until->setEnabled(on && until.has_value());
    m_until->setVisible(until.has_value());
}

void PolicyRow::setEnabled(bool on)
{
    m_document->edit(key("enabled"), on == m_base.enabled ? std::nullopt : std::optional<std::string>(on ? "true" : "false"),
                     on ? tr("Switch on %1").arg(name()) : tr("Switch off %1").arg(name()));
}

void PolicyRow::setFrom(core::SimTime t)
{
    m_document->edit(key("from"), t == m_base.from ? std::nullopt : std::optional<std::string>(core::formatDate(t)),
                     tr("Move %1 to %2").arg(name(), QString::fromStdString(core::formatDate(t))));
}

void PolicyRow::setUntil(std::optional<core::SimTime> t)
{
    std::optional<std::string> value;
    if (t != m_base.until)
        value = t ? core::formatDate(*t) : std::string("null");
    m_document->edit(key("until"), value,
                     t ? tr("End %1 on %2").arg(name(), QString::fromStdString(core::formatDate(*t)))
                       : tr("%1 without an end date").arg(name()));
}

} // namespace cp::gui
