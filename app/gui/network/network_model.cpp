#include "app/gui/network/network_model.hpp"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <tuple>

namespace cp::gui::network {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("NetworkView", text);
}

const char* kindName(net::RouteKind k)
{
    switch (k) {
    case net::RouteKind::Hardware:
        return "hardware";
    case net::RouteKind::Lease:
        return "lease";
    case net::RouteKind::Smuggling:
        return "smuggling";
    }
    return "?";
}

QString flowText(double flow)
{
    return QLocale::system().toString(static_cast<qlonglong>(std::llround(flow)));
}

/// "(H100)", "(H100, smuggled)", "(lease)"
QString routeTag(net::RouteKind kind, const QString& chips)
{
    switch (kind) {
    case net::RouteKind::Lease:
        return chips.isEmpty() ? tr("(lease)") : QStringLiteral("(%1, %2)").arg(chips, tr("lease"));
    case net::RouteKind::Smuggling:
        return QStringLiteral("(%1, %2)").arg(chips.isEmpty() ? tr("chips") : chips, tr("smuggled"));
    case net::RouteKind::Hardware:
        break;
    }
    return QStringLiteral("(%1)").arg(chips.isEmpty() ? tr("chips") : chips);
}

} // namespace

QString EdgeKey::text() const
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(QString::fromStdString(from), QString::fromStdString(to), QString::fromLatin1(kindName(kind)),
             blocked ? QStringLiteral("blocked") : QStringLiteral("open"));
}

QString NameBook::node(const std::string& id) const
{
    const auto it = nodes.find(id);
    return it != nodes.end() ? it->second : QString::fromStdString(id);
}

QString NameBook::policy(const std::string& id) const
{
    const auto it = policies.find(id);
    return it != policies.end() ? it->second : QString::fromStdString(id);
}

NameBook makeNameBook(const model::RunResult& result)
{
    NameBook b;
    for (const auto& n : result.networkNodes)
        b.nodes[n.id] = QString::fromStdString(n.label.empty() ? n.id : n.label);
    for (const auto& r : result.blockedRoutes)
        if (!r.policyId.empty() && !r.policyName.empty())
            b.policies[r.policyId] = QString::fromStdString(r.policyName);
    return b;
}

QString chipLabel(const std::string& id)
{
    QStringList parts;
    for (const auto& token : QString::fromStdString(id).split(QLatin1Char('-'), Qt::SkipEmptyParts)) {
        bool alpha = true;
        for (QChar c : token)
            alpha = alpha && c.isLetter();
        parts << (alpha ? token.left(1).toUpper() + token.mid(1) : token.toUpper());
    }
    return parts.join(QLatin1Char(' '));
}

std::vector<AggregatedEdge> aggregate(const model::NetworkSnapshot& snapshot, const NameBook& names)
{
    struct Acc {
        std::map<std::string, double> flowByChip; ///< open edges: chip -> flow (insertion by chip id)
        std::vector<std::string> chipOrder;
        /// blocked/capped reasons: (policy, since, reason) -> chips
        std::map<std::tuple<std::string, core::SimTime, std::string>, QStringList> rules;
        bool capped = false;
    };
    std::map<EdgeKey, Acc> acc;
    for (const auto& e : snapshot.edges) {
        EdgeKey key{e.from, e.to, e.kind, e.blocked};
        auto& a = acc[key];
        if (!e.blocked) {
            if (!a.flowByChip.count(e.chip))
                a.chipOrder.push_back(e.chip);
            a.flowByChip[e.chip] += e.flowH100e;
        }
        if (e.capped)
            a.capped = true;
        if ((e.blocked || e.capped) && !e.policyId.empty()) {
            auto& chips = a.rules[{e.policyId, e.since, e.reason}];
            const QString chip = chipLabel(e.chip);
            if (!chip.isEmpty() && !chips.contains(chip))
                chips << chip;
        }
    }
    std::vector<AggregatedEdge> out;
    out.reserve(acc.size());
    for (auto& [key, a] : acc) {
        AggregatedEdge edge;
        edge.key = key;
        edge.capped = a.capped;
        const QString route = QStringLiteral("%1 → %2").arg(names.node(key.from), names.node(key.to));
        QStringList lines;
        if (!key.blocked) {
            for (const auto& chip : a.chipOrder) {
                const double flow = a.flowByChip[chip];
                edge.flowH100e += flow;
                if (flow <= 0 && a.capped)
                    continue; // the capped marker of a route; its flow is on another entry
                lines << QStringLiteral("%1 %2: %3 %4")
                             .arg(route, routeTag(key.kind, chipLabel(chip)), flowText(flow), tr("H100e/month"));
            }
            if (lines.isEmpty())
                lines << QStringLiteral("%1 %2: %3 %4").arg(route, routeTag(key.kind, QString()), flowText(0), tr("H100e/month"));
        }
        for (const auto& [rule, chips] : a.rules) {
            const auto& [policyId, since, reason] = rule;
            const QString policy = names.policy(policyId);
            if (!edge.policies.contains(policy))
                edge.policies << policy;
            const QString what = key.blocked ? tr("blocked by") : tr("capped by");
            QString line = QStringLiteral("%1 %2 since %3").arg(what, policy, QString::fromStdString(core::formatDate(since)));
            if (!reason.empty())
                line += QStringLiteral(": ") + QString::fromStdString(reason);
            lines << (key.blocked ? QStringLiteral("%1 %2: %3").arg(route, routeTag(key.kind, chips.join(QStringLiteral(", "))), line)
                                  : QStringLiteral("%1 %2").arg(chips.isEmpty() ? QString() : chips.join(QStringLiteral(", ")) + QStringLiteral(" "), line).trimmed());
        }
        edge.tooltip = lines.join(QLatin1Char('\n'));
        out.push_back(std::move(edge));
    }
    return out;
}

} // namespace cp::gui::network
