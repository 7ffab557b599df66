// Saving scenario files (see scenario_files.hpp): overrides -> nested YAML that `extends:` the base.
#include "app/gui/scenario_files.hpp"

#include "app/gui/yaml_text.hpp"
#include "sim/scenario/merge.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <set>
#include <sstream>

namespace cp::gui {
namespace {

namespace fs = std::filesystem;
using scenario::YamlNode;

// Lists whose items a key path names by identity, and that identity's key.
const char* listIdentity(const std::string& parentPath, const std::string& key)
{
    static const std::set<std::string> topLists = {"jurisdictions", "chips",    "producers", "data_centres",
                                                   "firms",         "policies", "smuggling"};
    if (parentPath.empty() && topLists.count(key))
        return "id";
    if (key == "lines" && parentPath.rfind("producers.", 0) == 0)
        return "chip";
    if (key == "prior_models" && parentPath.rfind("firms.", 0) == 0)
        return "name";
    return nullptr;
}

// The overrides as an ordered tree: maps, lists of identified items, leaves (flow YAML).
struct OutNode {
    std::string key;
    const char* identity = nullptr; ///< non-null: a list whose children are items
    bool item = false;              ///< a list item; `key` is its identity value
    std::string leaf;               ///< non-empty: a value
    std::vector<OutNode> children;

    OutNode& child(const std::string& k)
    {
        for (auto& c : children)
            if (c.key == k)
                return c;
        OutNode n;
        n.key = k;
        children.push_back(std::move(n));
        return children.back();
    }
};

void insert(OutNode& root, const std::string& path, const std::string& value)
{
    const auto parts = yaml::splitKeyPath(path);
    OutNode* node = &root;
    std::string at;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const bool inList = node->identity != nullptr;
        node = &node->child(parts[i]);
        if (inList) {
            node->item = true;
        } else if (i + 1 < parts.size()) {
            node->identity = listIdentity(at, parts[i]);
        }
        at = at.empty() ? parts[i] : at + "." + parts[i];
    }
    node->leaf = value;
}

void writeNode(const OutNode& node, const char* identity, int indent, std::ostringstream& out)
{
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (node.item) {
        out << pad << "- " << identity << ": " << yaml::quoteScalar(node.key) << "\n";
        for (const auto& c : node.children)
            writeNode(c, node.identity, indent + 2, out);
        return;
    }
    out << pad << yaml::quoteScalar(node.key) << ":";
    if (!node.leaf.empty()) {
        out << " " << node.leaf << "\n";
        return;
    }
    out << "\n";
    for (const auto& c : node.children)
        writeNode(c, node.identity, indent + 2, out);
}

const YamlNode* findPath(const YamlNode& root, const std::string& path)
{
    const YamlNode* node = &root;
    for (const auto& part : yaml::splitKeyPath(path)) {
        if (node->isMap()) {
            node = node->find(part);
        } else if (node->isSeq()) {
            const YamlNode* next = nullptr;
            for (const auto& item : node->seq)
                for (const char* k : {"id", "chip", "name"})
                    if (const YamlNode* id = item.isMap() ? item.find(k) : nullptr; !next && id && id->scalar == part)
                        next = &item;
            node = next;
        } else {
            node = nullptr;
        }
        if (!node)
            return nullptr;
    }
    return node;
}

// Each override's value as the loader ends up holding it: a number set on a cited value keeps
// its citation (and drops its distribution), exactly as `--set` does, so the saved file loads
// to the same parameters and sources.
std::vector<std::string> resolvedValues(const QString& basePath, const std::vector<scenario::Override>& overrides)
{
    std::vector<std::string> values;
    YamlNode tree;
    bool haveTree = false;
    try {
        std::vector<fs::path> chain;
        const fs::path base(basePath.toStdString());
        tree = scenario::loadMergedTree(base, base.parent_path(), chain);
        haveTree = true;
    } catch (const scenario::ScenarioError&) {
    }
    for (const auto& o : overrides) {
        const YamlNode* node = nullptr;
        if (haveTree) {
            try {
                scenario::applyOverrides(tree, {o});
                node = findPath(tree, o.path);
            } catch (const scenario::ScenarioError&) {
            }
        }
        values.push_back(node ? yaml::emitFlow(*node) : yaml::emitFlow(yaml::parseValue(o.value)));
    }
    return values;
}

QStringList extendsChain(const QString& basePath)
{
    QStringList chain{QFileInfo(basePath).absoluteFilePath()};
    while (chain.size() <= scenario::kMaxExtendsDepth) {
        QFile f(chain.back());
        if (!f.open(QIODevice::ReadOnly))
            break;
        YamlNode tree;
        try {
            tree = scenario::parseYaml(f.readAll().toStdString(), chain.back().toStdString());
        } catch (const scenario::ScenarioError&) {
            break;
        }
        const YamlNode* ext = tree.isMap() ? tree.find("extends") : nullptr;
        if (!ext || !ext->isScalar())
            break;
        chain << QDir::cleanPath(QFileInfo(chain.back()).dir().absoluteFilePath(QString::fromStdString(ext->scalar)));
    }
    return chain;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAtomically(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        throw SaveError(QStringLiteral("%1: %2").arg(path, f.errorString()).toStdString());
}

bool isInside(const QString& file, const QString& dir)
{
    const QString rel = QDir(dir).relativeFilePath(file);
    return !rel.startsWith(QLatin1String("..")) && !QFileInfo(rel).isAbsolute();
}

enum class CopyMode { Check, Copy, Overwrite };

// Copies the base chain under `root` (same layout relative to the base's folder), listing the
// files written; false when a different file occupies a destination (unless overwriting).
bool copyChain(const QStringList& chain, const QString& root, const QString& target, QStringList& copied, CopyMode mode)
{
    const QDir baseDir = QFileInfo(chain.front()).dir();
    for (const QString& src : chain) {
        const QString dest = QDir::cleanPath(QDir(root).absoluteFilePath(baseDir.relativeFilePath(src)));
        if (QFileInfo(dest).absoluteFilePath() == QFileInfo(target).absoluteFilePath())
            return false;
        const QByteArray bytes = fileBytes(src);
        if (QFileInfo::exists(dest)) {
            if (fileBytes(dest) == bytes)
                continue;
            if (mode != CopyMode::Overwrite)
                return false;
        }
        if (mode != CopyMode::Check) {
            writeAtomically(dest, bytes);
            copied << dest;
        }
    }
    return true;
}

} // namespace

std::string scenarioFileText(const std::string& extendsPath, const QString& basePath,
                             const std::vector<scenario::Override>& overrides)
{
    const auto values = resolvedValues(basePath, overrides);
    OutNode root;
    for (std::size_t i = 0; i < overrides.size(); ++i)
        insert(root, overrides[i].path, values[i]);
    // Identity and run settings first, as in hand-written files.
    auto rank = [](const OutNode& n) {
        static const char* const first[] = {"id", "name", "description", "run"};
        for (int i = 0; i < 4; ++i)
            if (n.key == first[i])
                return i;
        return 4;
    };
    std::stable_sort(root.children.begin(), root.children.end(),
                     [&](const OutNode& a, const OutNode& b) { return rank(a) < rank(b); });
    std::ostringstream out;
    out << kSavedMarker << " " << CHOKEPOINT_VERSION << ": " << overrides.size() << " change"
        << (overrides.size() == 1 ? "" : "s") << " to " << QFileInfo(basePath).fileName().toStdString() << ".\n"
        << "# Run it with `chokepoint FILE` or `chokepoint-batch run FILE`.\n"
        << "schema: 1\n"
        << "extends: " << yaml::quoteScalar(extendsPath) << "\n";
    for (const auto& c : root.children)
        writeNode(c, nullptr, 0, out);
    return out.str();
}

SaveResult saveScenarioFile(const QString& target, const QString& basePath,
                            const std::vector<scenario::Override>& overrides)
{
    const QString abs = QFileInfo(target).absoluteFilePath();
    const QString base = QFileInfo(basePath).canonicalFilePath();
    if (base.isEmpty())
        throw SaveError(QStringLiteral("%1: the base scenario no longer exists").arg(basePath).toStdString());
    if (QFileInfo(abs).canonicalFilePath() == base)
        throw SaveError(QStringLiteral("%1 is the scenario these changes extend; choose another file name")
                            .arg(QFileInfo(abs).fileName())
                            .toStdString());
    const QDir targetDir = QFileInfo(abs).dir();
    SaveResult result{abs, {}, {}};
    QString baseInFolder = base;
    if (!isInside(base, targetDir.absolutePath())) {
        const QStringList chain = extendsChain(base);
        QString root = targetDir.absolutePath();
        CopyMode mode = CopyMode::Copy;
        if (!copyChain(chain, root, abs, result.copiedFiles, CopyMode::Check)) {
            // A different file of the same name is there: use a folder of this scenario's own.
            root = targetDir.absoluteFilePath(QFileInfo(abs).completeBaseName() + QStringLiteral("-base"));
            mode = CopyMode::Overwrite;
        }
        if (!copyChain(chain, root, abs, result.copiedFiles, mode))
            throw SaveError(QStringLiteral("%1: cannot place a copy of the base scenario there").arg(root).toStdString());
        baseInFolder = QDir(root).absoluteFilePath(QFileInfo(base).fileName());
    }
    result.extendsPath = targetDir.relativeFilePath(baseInFolder);
    const std::string text = scenarioFileText(result.extendsPath.toStdString(), baseInFolder, overrides);
    writeAtomically(abs, QByteArray::fromStdString(text));
    return result;
}

} // namespace cp::gui
