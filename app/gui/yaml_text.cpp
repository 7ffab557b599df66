#include "app/gui/yaml_text.hpp"

#include "sim/runner/result_writers.hpp"
#include "sim/scenario/errors.hpp"

#include <cstdio>
#include <cstdlib>

namespace cp::gui::yaml {
namespace {

bool plainChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' ||
           c == '_' || c == '-' || c == '+' || c == '/' || c == '(' || c == ')' || c == '%' || c == '^' || c == '=';
}

bool isPlainSafe(const std::string& s)
{
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s == "~")
        return false;
    const char first = s.front();
    if (first == '-' && (s.size() == 1 || s[1] == ' '))
        return false;
    for (char c : s)
        if (!plainChar(c))
            return false;
    return true;
}

} // namespace

std::string quoteScalar(const std::string& text)
{
    if (isPlainSafe(text))
        return text;
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string emitFlow(const scenario::YamlNode& node)
{
    using Kind = scenario::YamlNode::Kind;
    switch (node.kind) {
    case Kind::Null: return "null";
    case Kind::Scalar: return quoteScalar(node.scalar);
    case Kind::Seq: {
        std::string out = "[";
        for (std::size_t i = 0; i < node.seq.size(); ++i)
            out += (i ? ", " : "") + emitFlow(node.seq[i]);
        return out + "]";
    }
    case Kind::Map: {
        std::string out = "{";
        for (std::size_t i = 0; i < node.map.size(); ++i)
            out += (i ? ", " : "") + quoteScalar(node.map[i].key) + ": " + emitFlow(node.map[i].value);
        return out + "}";
    }
    }
    return "null";
}

std::string formatNumber(double v)
{
    return runner::formatValue(v);
}

scenario::YamlNode parseValue(const std::string& valueText)
{
    try {
        return scenario::parseYaml(valueText, "<value>");
    } catch (const scenario::ScenarioError&) {
        // As `--set` does: text that is not YAML is taken as a plain string.
        scenario::YamlNode n;
        n.kind = scenario::YamlNode::Kind::Scalar;
        n.scalar = valueText;
        return n;
    }
}

bool parseNumber(const std::string& text, double& out)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size())
        return false;
    out = v;
    return true;
}

} // namespace cp::gui::yaml
