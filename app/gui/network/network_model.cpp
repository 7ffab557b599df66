#include "app/gui/network/network_model.hpp"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace cp::gui::network {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("NetworkView", text);
}

const char* kindName(EdgeKind k)
{
    switch (k) {
    case EdgeKind::Hardware:
        return "hardware";
    case EdgeKind::Lease:
        return "lease";
    case EdgeKind::Smuggling:
        return "smuggling";
    case EdgeKind::Own:
        return "own";
    }
    return "?";
}

QString flowText(double flow)
{
    return QLocale::system().toString(static_cast<qlonglong>(std::llround(flow)));
}

/// "(H100)", "(H100, smuggled)", "(lease)"
QString routeTag(EdgeKind kind, const QString& chips)
{
    switch (kind) {
    case EdgeKind::Lease:
        return chips.isEmpty() ? tr("(lease)") : QStringLiteral("(%1, %2)").arg(chips, tr("lease"));
    case EdgeKind::Smuggling:
        return QStringLiteral("(%1, %2)").arg(chips.isEmpty() ? tr("chips") : chips, tr("smuggled"));
    case EdgeKind::Own:
        return tr("(own capacity)");
    case EdgeKind::Hardware:
        break;
    }
    return QStringLiteral("(%1)").arg(chips.isEmpty() ? tr("chips") : chips);
}

} // namespace

EdgeKind edgeKind(net::RouteKind kind)
{
    switch (kind) {
    case net::RouteKind::Hardware:
        return EdgeKind::Hardware;
    case net::RouteKind::Lease:
        return EdgeKind::Lease;
    case net::RouteKind::Smuggling:
        return EdgeKind::Smuggling;
    }
    return EdgeKind::Hardware;
}

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
        EdgeKey key{e.from, e.to, edgeKind(e.kind), e.blocked};
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

OwnerBook makeOwnerBook(const scenario::Scenario& scenario)
{
    OwnerBook owners;
    for (const auto& dc : scenario.dataCentres)
        if (!dc.owner.empty())
            owners[dc.id] = dc.owner;
    return owners;
}

std::vector<AggregatedEdge> ownEdges(const OwnerBook& owners, const model::RunResult& result, core::SimTime date,
                                     const NameBook& names)
{
    std::vector<AggregatedEdge> out;
    if (owners.empty())
        return out;
    std::map<std::string, model::NetworkNode::Kind> kinds;
    for (const auto& n : result.networkNodes)
        kinds[n.id] = n.kind;
    const auto is = [&](const std::string& id, model::NetworkNode::Kind kind) {
        const auto it = kinds.find(id);
        return it != kinds.end() && it->second == kind;
    };
    const auto period = std::lower_bound(result.periods.begin(), result.periods.end(), date);
    const bool inRun = period != result.periods.end() && *period == date;
    const auto index = static_cast<std::size_t>(period - result.periods.begin());
    for (const auto& [dc, firm] : owners) {
        if (!is(dc, model::NetworkNode::Kind::DataCentre) || !is(firm, model::NetworkNode::Kind::Firm))
            continue;
        AggregatedEdge edge;
        edge.key = EdgeKey{dc, firm, EdgeKind::Own, false};
        const QString route = QStringLiteral("%1 → %2 %3").arg(names.node(dc), names.node(firm), routeTag(EdgeKind::Own, {}));
        const auto* series = result.find(dc, "capacity_h100e");
        if (series && inRun && index < series->values.size() && std::isfinite(series->values[index])) {
            edge.flowH100e = std::max(0.0, series->values[index]);
            edge.tooltip = QStringLiteral("%1: %2 %3").arg(route, flowText(edge.flowH100e), tr("H100e installed"));
        } else {
            edge.tooltip = QStringLiteral("%1: %2").arg(route, tr("the firm owns and uses this data centre"));
        }
        out.push_back(std::move(edge));
    }
    return out;
}

} // namespace cp::gui::network
