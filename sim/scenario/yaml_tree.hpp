// A parsed scenario file as a small owned tree. yaml-cpp stays private to sim/scenario; this
// tree remembers the file each node came from, so that after `extends:` merging and `--set`
// overrides an error still points at the line the user wrote.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace cp::scenario {

struct Mark {
    std::shared_ptr<const std::string> file;
    int line = 0, column = 0; ///< 1-based
};

struct YamlNode {
    enum class Kind { Null, Scalar, Map, Seq };
    struct Entry;

    Kind kind = Kind::Null;
    std::string scalar;        ///< Scalar only
    std::vector<Entry> map;    ///< Map only, in file order
    std::vector<YamlNode> seq; ///< Seq only
    Mark mark;

    [[nodiscard]] bool isMap() const { return kind == Kind::Map; }
    [[nodiscard]] bool isSeq() const { return kind == Kind::Seq; }
    [[nodiscard]] bool isScalar() const { return kind == Kind::Scalar; }
    [[nodiscard]] const YamlNode* find(const std::string& key) const;
    [[nodiscard]] YamlNode* find(const std::string& key);
    void erase(const std::string& key);
    /// "a mapping", "a list", "the number 3" ...: for "found ..." in messages.
    [[nodiscard]] std::string describe() const;
};

struct YamlNode::Entry {
    std::string key;
    Mark keyMark;
    YamlNode value;
};

/// Bounds for untrusted files.
inline constexpr std::size_t kMaxScenarioBytes = 4u << 20;
inline constexpr int kMaxYamlDepth = 48;
inline constexpr std::size_t kMaxYamlNodes = 500000;

/// Parses text (the contents of `file`); throws ScenarioError with the parser's position.
YamlNode parseYaml(const std::string& text, const std::string& file);

} // namespace cp::scenario
