#include "sim/scenario/merge.hpp"

#include "sim/scenario/reader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cp::scenario {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& file, int line, int column, const std::string& key, std::string message)
{
    throw ScenarioError({Diagnostic{file, line, column, key, std::move(message)}});
}
[[noreturn]] void fail(const Mark& m, const std::string& key, std::string message)
{
    fail(m.file ? *m.file : std::string(), m.line, m.column, key, std::move(message));
}


bool isRemoval(const YamlNode& item)
{
    const YamlNode* r = item.isMap() ? item.find("remove") : nullptr;
    return r && r->isScalar() && r->scalar == "true";
}

void mergeList(YamlNode& base, const YamlNode& child, const std::string& path)
{
    const bool keyed = !child.seq.empty() &&
                       std::all_of(child.seq.begin(), child.seq.end(), [](const YamlNode& i) { return identityOf(i); }) &&
                       std::all_of(base.seq.begin(), base.seq.end(), [](const YamlNode& i) { return identityOf(i); });
    if (!keyed) {
        base = child;
        return;
    }
    for (const YamlNode& item : child.seq) {
        const std::string& id = identityOf(item)->scalar;
        auto it = std::find_if(base.seq.begin(), base.seq.end(),
                               [&](const YamlNode& b) { return identityOf(b)->scalar == id; });
        if (isRemoval(item)) {
            if (it == base.seq.end())
                fail(item.mark, path + "." + id, "nothing to remove: the base has no item '" + id + "'");
            base.seq.erase(it);
        } else if (it == base.seq.end()) {
            base.seq.push_back(item);
        } else {
            mergeInto(*it, item);
        }
    }
}

} // namespace

const YamlNode* identityOf(const YamlNode& item)
{
    if (!item.isMap())
        return nullptr;
    for (const char* k : {"id", "chip", "name"})
        if (const YamlNode* n = item.find(k); n && n->isScalar())
            return n;
    return nullptr;
}

bool isValueMap(const std::string& key, const YamlNode& n)
{
    if (key == "initial_fleet" || key == "dist" || key == "points")
        return true;
    if (n.find("value") || n.find("points"))
        return true;
    return !n.map.empty() && std::all_of(n.map.begin(), n.map.end(),
                                         [](const YamlNode::Entry& e) { return core::parseDate(e.key).has_value(); });
}

void mergeInto(YamlNode& base, const YamlNode& child)
{
    if (base.isMap() && child.isMap()) {
        for (const auto& e : child.map) {
            YamlNode* b = base.find(e.key);
            if (!b) {
                base.map.push_back(e);
            } else if (b->isMap() && e.value.isMap() && !isValueMap(e.key, *b) && !isValueMap(e.key, e.value)) {
                mergeInto(*b, e.value);
            } else if (b->isSeq() && e.value.isSeq()) {
                mergeList(*b, e.value, e.key);
            } else {
                *b = e.value;
            }
        }
        return;
    }
    base = child;
}

YamlNode mergeFromText(const std::string& text, const std::string& name, const fs::path& baseDir, const fs::path& sandbox,
                       std::vector<fs::path>& chain)
{
    YamlNode tree = parseYaml(text, name);
    const YamlNode* ext = tree.isMap() ? tree.find("extends") : nullptr;
    if (!ext || ext->kind == YamlNode::Kind::Null)
        return tree;
    if (!ext->isScalar() || ext->scalar.empty())
        fail(ext->mark, "extends", "expected the relative path of a base scenario, found " + ext->describe());
    const fs::path rel(ext->scalar);
    if (rel.is_absolute())
        fail(ext->mark, "extends", "expected a path relative to this file's folder, found the absolute path '" + ext->scalar + "'");
    // `chain` holds this file and every file that extends it, so following this extends makes
    // the chain one file longer.
    if (static_cast<int>(chain.size()) >= kMaxExtendsDepth)
        fail(ext->mark, "extends", "too many levels of extends: a chain holds at most " + std::to_string(kMaxExtendsDepth) +
                                       " files (the top file and " + std::to_string(kMaxExtendsDepth - 1) + " bases)");
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(baseDir / rel, ec);
    const fs::path root = fs::weakly_canonical(sandbox, ec);
    const auto [rootEnd, targetIt] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    if (ec || rootEnd != root.end())
        fail(ext->mark, "extends", "'" + ext->scalar + "' leaves the scenario folder " + root.string() +
                                       "; a scenario may only extend files inside it");
    if (std::find(chain.begin(), chain.end(), target) != chain.end())
        fail(ext->mark, "extends", "'" + ext->scalar + "' is already being loaded: extends forms a cycle");
    YamlNode base;
    try {
        base = loadMergedTree(target, sandbox, chain);
    } catch (const ScenarioError& e) {
        // Say which extends led here, then the base file's own problems.
        std::vector<Diagnostic> ds = e.diagnostics();
        ds.push_back(Diagnostic{name, ext->mark.line, ext->mark.column, "extends",
                                "the errors above are in the base scenario '" + ext->scalar + "'", Diagnostic::Severity::Note});
        throw ScenarioError(std::move(ds));
    }
    mergeInto(base, tree);
    return base;
}

YamlNode loadMergedTree(const fs::path& path, const fs::path& sandbox, std::vector<fs::path>& chain)
{
    const std::string name = path.string();
    std::error_code ec;
    if (!fs::exists(path, ec))
        fail(name, 0, 0, {}, "cannot open scenario: no such file");
    if (fs::is_directory(path, ec))
        fail(name, 0, 0, {}, "cannot open scenario: it is a folder, not a file");
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxScenarioBytes)
        fail(name, 0, 0, {}, "file is " + std::to_string(size) + " bytes; scenario files are limited to " +
                                 std::to_string(kMaxScenarioBytes) + " bytes");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(name, 0, 0, {}, "cannot open scenario: permission denied or unreadable");
    std::ostringstream ss;
    ss << in.rdbuf();
    chain.push_back(fs::weakly_canonical(path, ec));
    YamlNode tree = mergeFromText(ss.str(), name, path.parent_path(), sandbox, chain);
    chain.pop_back();
    return tree;
}

void applyOverrides(YamlNode& root, const std::vector<Override>& overrides)
{
    for (const auto& o : overrides) {
        const std::string where = "--set " + o.path + "=" + o.value;
        auto failSet = [&](std::string msg) { fail(where, 0, 0, o.path, std::move(msg)); };
        if (o.path.empty())
            failSet("expected KEY=VALUE with a dotted key path");
        const std::vector<std::string> parts = splitKeyPath(o.path);
        YamlNode* node = &root;
        std::string at;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const std::string& part = parts[i];
            const bool last = i + 1 == parts.size();
            if (part.empty())
                failSet("empty segment in the key path");
            if (node->isMap()) {
                YamlNode* next = node->find(part);
                if (!next) {
                    if (!last) {
                        std::vector<std::string> keys;
                        for (const auto& e : node->map)
                            keys.push_back(e.key);
                        const std::string hint = didYouMean(part, keys);
                        failSet("no key '" + part + "'" + (at.empty() ? std::string() : " under '" + at + "'") +
                                (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
                    }
                    node->map.push_back({part, Mark{std::make_shared<const std::string>(where), 0, 0}, {}});
                    next = &node->map.back().value;
                }
                node = next;
            } else if (node->isSeq()) {
                auto it = std::find_if(node->seq.begin(), node->seq.end(), [&](const YamlNode& item) {
                    const YamlNode* id = identityOf(item);
                    return id && id->scalar == part;
                });
                if (it == node->seq.end()) {
                    std::vector<std::string> ids;
                    for (const auto& item : node->seq)
                        if (const YamlNode* id = identityOf(item))
                            ids.push_back(id->scalar);
                    const std::string hint = didYouMean(part, ids);
                    failSet("'" + at + "' has no item '" + part + "'" +
                            (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
                }
                node = &*it;
            } else {
                failSet("'" + at + "' is a single value; it has no '" + part + "'");
            }
            at = at.empty() ? part : at + "." + part;
        }
        YamlNode value;
        try {
            value = parseYaml(o.value, where);
        } catch (const ScenarioError&) {
            value.kind = YamlNode::Kind::Scalar;
            value.scalar = o.value;
        }
        value.mark = Mark{std::make_shared<const std::string>(where), 0, 0};
        if (node->isMap() && node->find("value") && value.isScalar()) {
            // Keep the citation; a fixed value no longer varies between Monte Carlo runs.
            *node->find("value") = value;
            node->erase("dist");
        } else {
            *node = value;
        }
    }
}

} // namespace cp::scenario
