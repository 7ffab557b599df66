#include "sim/scenario/yaml_tree.hpp"

#include "sim/scenario/errors.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <mutex>
#include <set>

namespace cp::scenario {

const YamlNode* YamlNode::find(const std::string& key) const
{
    for (const auto& e : map)
        if (e.key == key)
            return &e.value;
    return nullptr;
}

YamlNode* YamlNode::find(const std::string& key)
{
    for (auto& e : map)
        if (e.key == key)
            return &e.value;
    return nullptr;
}

void YamlNode::erase(const std::string& key)
{
    map.erase(std::remove_if(map.begin(), map.end(), [&](const Entry& e) { return e.key == key; }), map.end());
}

std::string YamlNode::describe() const
{
    switch (kind) {
    case Kind::Null: return "nothing (an empty value)";
    case Kind::Map: return "a mapping";
    case Kind::Seq: return "a list";
    case Kind::Scalar: break;
    }
    std::string s = scalar.size() > 40 ? scalar.substr(0, 37) + "..." : scalar;
    return "'" + s + "'";
}

namespace {

class Converter {
public:
    explicit Converter(std::shared_ptr<const std::string> file) : m_file(std::move(file)) {}

    YamlNode convert(const YAML::Node& n, int depth)
    {
        YamlNode out;
        out.mark = markOf(n.Mark());
        if (++m_count > kMaxYamlNodes)
            fail(out.mark, "the file has more than " + std::to_string(kMaxYamlNodes) +
                               " values (aliases included); scenario files are bounded");
        if (depth > kMaxYamlDepth)
            fail(out.mark, "nesting deeper than " + std::to_string(kMaxYamlDepth) + " levels");
        switch (n.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null: out.kind = YamlNode::Kind::Null; break;
        case YAML::NodeType::Scalar:
            out.kind = YamlNode::Kind::Scalar;
            out.scalar = n.Scalar();
            break;
        case YAML::NodeType::Sequence:
            out.kind = YamlNode::Kind::Seq;
            for (const auto& item : n)
                out.seq.push_back(convert(item, depth + 1));
            break;
        case YAML::NodeType::Map: {
            out.kind = YamlNode::Kind::Map;
            std::set<std::string> seen;
            for (const auto& kv : n) {
                const Mark km = markOf(kv.first.Mark());
                if (!kv.first.IsScalar())
                    fail(km, "a key must be a plain word, found a " +
                                 std::string(kv.first.IsMap() ? "mapping" : "list"));
                const std::string key = kv.first.Scalar();
                if (!seen.insert(key).second)
                    fail(km, "duplicate key '" + key + "' (each key may appear once per mapping)");
                out.map.push_back({key, km, convert(kv.second, depth + 1)});
            }
            break;
        }
        }
        return out;
    }

private:
    Mark markOf(const YAML::Mark& m) const
    {
        Mark r;
        r.file = m_file;
        r.line = m.is_null() ? 0 : m.line + 1;
        r.column = m.is_null() ? 0 : m.column + 1;
        return r;
    }
    [[noreturn]] void fail(const Mark& m, std::string message) const
    {
        throw ScenarioError({Diagnostic{*m_file, m.line, m.column, {}, std::move(message)}});
    }

    std::shared_ptr<const std::string> m_file;
    std::size_t m_count = 0;
};

} // namespace

namespace {
// The desktop app loads its scenario file again for every edit (the file plus the overrides,
// as the CLI does, so that both give the same numbers), and yaml-cpp takes about 90% of such a
// load: some 10 ms for the 45 KB baseline. So the trees of the last few texts parsed are kept
// and copied out when the same text comes again under the same file name. The same text and
// name always give the same tree, so nothing a caller sees can change. Only texts that parse
// are kept, and only files' sizes: short texts (a --set value) parse in microseconds and would
// push the files out, and up to 256 KB a text, so that the memo stays a few megabytes at most.
class ParseMemo {
public:
    static constexpr std::size_t kEntries = 8;
    static constexpr std::size_t kMinTextBytes = 1024;
    static constexpr std::size_t kMaxTextBytes = 256u << 10;

    static bool keeps(const std::string& text) { return text.size() >= kMinTextBytes && text.size() <= kMaxTextBytes; }

    std::shared_ptr<const YamlNode> find(const std::string& text, const std::string& file)
    {
        const std::lock_guard lock(m_mutex);
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->text == text && it->file == file) {
                auto tree = it->tree;
                std::rotate(m_entries.begin(), it, it + 1); // most recently used first
                return tree;
            }
        }
        return nullptr;
    }

    void add(const std::string& text, const std::string& file, std::shared_ptr<const YamlNode> tree)
    {
        const std::lock_guard lock(m_mutex);
        m_entries.push_front({file, text, std::move(tree)});
        if (m_entries.size() > kEntries)
            m_entries.pop_back();
    }

private:
    struct Entry {
        std::string file, text;
        std::shared_ptr<const YamlNode> tree;
    };
    std::mutex m_mutex; // the GUI's run and batch workers load on their own threads
    std::deque<Entry> m_entries;
};

ParseMemo& parseMemo()
{
    static ParseMemo memo;
    return memo;
}

YamlNode parseUnmemoised(const std::string& text, const std::string& file)
{
    if (text.size() > kMaxScenarioBytes)
        throw ScenarioError({Diagnostic{file, 0, 0, {},
                                        "file is " + std::to_string(text.size()) + " bytes; scenario files are limited to " +
                                            std::to_string(kMaxScenarioBytes) + " bytes"}});
    if (text.find('\0') != std::string::npos)
        throw ScenarioError({Diagnostic{file, 0, 0, {}, "file contains NUL bytes: not a text file"}});
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        const int col = e.mark.is_null() ? 0 : e.mark.column + 1;
        throw ScenarioError({Diagnostic{file, line, col, {}, "YAML syntax error: " + e.msg}});
    }
    Converter c(std::make_shared<const std::string>(file));
    return c.convert(root, 0);
}
} // namespace

YamlNode parseYaml(const std::string& text, const std::string& file)
{
    if (!ParseMemo::keeps(text))
        return parseUnmemoised(text, file);
    auto& memo = parseMemo();
    if (auto tree = memo.find(text, file))
        return *tree;
    auto tree = std::make_shared<const YamlNode>(parseUnmemoised(text, file));
    memo.add(text, file, tree);
    return *tree;
}

} // namespace cp::scenario
