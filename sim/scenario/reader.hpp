// Typed, schema-checked reading of one YAML mapping. Each typed call names a key the mapping
// may hold; finish() reports every key that no call asked for as unknown, with a
// did-you-mean hint drawn from the keys that were asked for. Problems are collected, not
// thrown, so one load reports all of them.
#pragma once

#include "sim/scenario/errors.hpp"
#include "sim/scenario/scenario_spec.hpp"
#include "sim/scenario/yaml_tree.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cp::scenario {

/// Range and documentation of a numeric value.
struct NumberSpec {
    const char* unit = "";
    double min = -1e300;
    double max = 1e300;
    bool allowDistribution = true;
};

class BuildContext {
public:
    void error(const Mark& m, const std::string& keyPath, std::string message);
    void warning(const Mark& m, const std::string& keyPath, std::string message);
    [[nodiscard]] bool hasErrors() const;
    std::vector<Diagnostic> diagnostics;
    std::vector<ParamInfo> params;
    /// Where each object and key was written, by key path: for cross-reference errors.
    std::map<std::string, Mark> marks;
    [[nodiscard]] Mark markOf(const std::string& keyPath) const;
};

class ObjReader {
public:
    /// Reports an error if node is not a mapping (the reader then yields nothing).
    ObjReader(const YamlNode& node, std::string path, BuildContext& ctx);
    ObjReader(const ObjReader&) = delete;
    ObjReader& operator=(const ObjReader&) = delete;

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] std::string keyPath(const std::string& key) const;
    [[nodiscard]] const Mark& mark() const { return m_node.mark; }
    /// Declares a key as known and returns its node (nullptr when absent).
    const YamlNode* get(const std::string& key, bool required = false);
    /// Declares keys that are documentation only (notes, confidence ...).
    void allow(std::initializer_list<const char*> keys);

    void text(const std::string& key, std::string& out, bool required = false);
    void id(const std::string& key, std::string& out, bool required = false);
    void number(const std::string& key, double& out, const NumberSpec& spec, bool required = false);
    void optionalNumber(const std::string& key, std::optional<double>& out, const NumberSpec& spec);
    void integer(const std::string& key, int& out, int min, int max, bool required = false);
    void unsignedInteger(const std::string& key, std::uint64_t& out, bool required = false);
    void boolean(const std::string& key, bool& out);
    void date(const std::string& key, SimTime& out, bool required = false);
    void optionalDate(const std::string& key, std::optional<SimTime>& out);
    void schedule(const std::string& key, Schedule& out, const NumberSpec& spec, bool required = false);
    void optionalSchedule(const std::string& key, std::optional<Schedule>& out, const NumberSpec& spec);
    void idList(const std::string& key, std::vector<std::string>& out);

    /// Reports unknown keys. Called by the destructor if not called before.
    void finish();
    ~ObjReader();

private:
    /// `dist` of a schedule: of the value for a single value, of a factor for dated points.
    bool readScheduleDistribution(const YamlNode& d, const std::string& path, const NumberSpec& spec, bool dated,
                                  const Schedule& s, ParamInfo& info);

    const YamlNode& m_node;
    std::string m_path;
    BuildContext& m_ctx;
    std::vector<std::string> m_known;
    bool m_ok = true;
    bool m_finished = false;
};

// Scalar conversions shared with overrides; nullopt when the text is not of that type.
std::optional<double> parseNumber(const std::string& text);
std::optional<bool> parseBool(const std::string& text);
bool isValidId(const std::string& id);
/// Closest candidate by edit distance, or empty when nothing is close.
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

} // namespace cp::scenario
