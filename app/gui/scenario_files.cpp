// Opening scenario files (see scenario_files.hpp); saving is in scenario_writer.cpp.
#include "app/gui/scenario_files.hpp"

#include "app/gui/yaml_text.hpp"
#include "sim/scenario/merge.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <set>

namespace cp::gui {
namespace {

using scenario::YamlNode;
using scenario::identityOf;
using scenario::isValueMap;


// Turns a saved file's tree into `--set` overrides; false when it holds something an
// override cannot express (a new list item, a removal).
bool flatten(const YamlNode& node, const std::string& key, const std::string& path,
             std::vector<scenario::Override>& out)
{
    if (node.isMap() && !isValueMap(key, node)) {
        for (const auto& e : node.map)
            if (!flatten(e.value, e.key, path + "." + e.key, out))
                return false;
        return true;
    }
    const bool keyedList = node.isSeq() && !node.seq.empty() &&
                           std::all_of(node.seq.begin(), node.seq.end(), [](const YamlNode& i) { return identityOf(i); });
    if (keyedList) {
        for (const YamlNode& item : node.seq) {
            const YamlNode* id = identityOf(item);
            if (item.find("remove"))
                return false;
            for (const auto& e : item.map)
                if (&e.value != id && !flatten(e.value, e.key, path + "." + id->scalar + "." + e.key, out))
                    return false;
        }
        return true;
    }
    out.push_back({path, yaml::emitFlow(node)});
    return true;
}

std::string readText(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > static_cast<qint64>(scenario::kMaxScenarioBytes))
        return {};
    return f.readAll().toStdString();
}

// A file Chokepoint saved, as (absolute base path, overrides); nullopt when it is not one.
std::optional<std::pair<QString, std::vector<scenario::Override>>> decompose(const QString& path)
{
    const std::string text = readText(path);
    if (text.rfind(kSavedMarker, 0) != 0)
        return std::nullopt;
    YamlNode tree;
    try {
        tree = scenario::parseYaml(text, path.toStdString());
    } catch (const scenario::ScenarioError&) {
        return std::nullopt;
    }
    const YamlNode* ext = tree.isMap() ? tree.find("extends") : nullptr;
    if (!ext || !ext->isScalar())
        return std::nullopt;
    std::vector<scenario::Override> overrides;
    for (const auto& e : tree.map) {
        if (e.key == "schema" || e.key == "extends")
            continue;
        if (!flatten(e.value, e.key, e.key, overrides))
            return std::nullopt;
    }
    const QString base = QFileInfo(QFileInfo(path).dir(), QString::fromStdString(ext->scalar)).absoluteFilePath();
    return std::make_pair(QDir::cleanPath(base), std::move(overrides));
}

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace

OpenedScenario openScenarioFile(const QString& path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    auto loaded = std::make_shared<scenario::Scenario>(scenario::loadScenario(abs.toStdString()));
    if (auto parts = decompose(abs)) {
        try {
            auto base = std::make_shared<scenario::Scenario>(scenario::loadScenario(parts->first.toStdString()));
            const auto edited = scenario::loadScenario(parts->first.toStdString(), {parts->second, {}});
            if (scenariosEquivalent(edited, *loaded))
                return {parts->first, abs, std::move(parts->second), std::move(base)};
        } catch (const scenario::ScenarioError&) {
            // Not expressible as base + overrides after all: open the file itself.
        }
    }
    return {abs, {}, {}, std::move(loaded)};
}

bool scenariosEquivalent(const scenario::Scenario& a, const scenario::Scenario& b, std::string* firstDifference)
{
    auto differ = [&](const std::string& what) {
        if (firstDifference)
            *firstDifference = what;
        return false;
    };
    if (a.id != b.id || a.name != b.name)
        return differ("id or name");
    if (a.run.start != b.run.start || a.run.end != b.run.end || a.run.seed != b.run.seed)
        return differ("run settings");
    if (a.params.size() != b.params.size())
        return differ("number of parameters");
    for (std::size_t i = 0; i < a.params.size(); ++i) {
        const auto &p = a.params[i], &q = b.params[i];
        if (p.path != q.path || !sameNumber(p.value, q.value) || p.unit != q.unit || p.source != q.source ||
            p.confidence != q.confidence || p.dist.kind != q.dist.kind || !sameNumber(p.dist.a, q.dist.a) ||
            !sameNumber(p.dist.b, q.dist.b))
            return differ("parameter " + p.path);
    }
    if (a.policies.size() != b.policies.size())
        return differ("number of policies");
    for (std::size_t i = 0; i < a.policies.size(); ++i) {
        const auto &p = a.policies[i], &q = b.policies[i];
        if (p.id != q.id || p.enabled != q.enabled || p.from != q.from || p.until != q.until || p.source != q.source ||
            p.type != q.type)
            return differ("policy " + p.id);
    }
    auto ids = [](const auto& items) {
        std::vector<std::string> out;
        for (const auto& i : items)
            out.push_back(i.id);
        return out;
    };
    if (ids(a.firms) != ids(b.firms) || ids(a.chips) != ids(b.chips) || ids(a.dataCentres) != ids(b.dataCentres) ||
        ids(a.producers) != ids(b.producers) || ids(a.jurisdictions) != ids(b.jurisdictions) ||
        ids(a.smuggling) != ids(b.smuggling))
        return differ("entities");
    return true;
}

std::string scenarioIdFromFileName(const QString& path)
{
    std::string id;
    for (QChar c : QFileInfo(path).completeBaseName().toLower()) {
        const char ch = c.toLatin1();
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
        if (ok)
            id += ch;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && (id.back() == '-' || id.back() == '_'))
        id.pop_back();
    if (id.size() > 64)
        id.resize(64);
    return id.empty() ? std::string("scenario") : id;
}

} // namespace cp::gui
