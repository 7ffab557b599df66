#include "sim/scenario/reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cp::scenario {

void BuildContext::error(const Mark& m, const std::string& keyPath, std::string message)
{
    diagnostics.push_back({m.file ? *m.file : std::string(), m.line, m.column, keyPath, std::move(message)});
}

void BuildContext::warning(const Mark& m, const std::string& keyPath, std::string message)
{
    diagnostics.push_back({m.file ? *m.file : std::string(), m.line, m.column, keyPath, std::move(message),
                           Diagnostic::Severity::Warning});
}

Mark BuildContext::markOf(const std::string& keyPath) const
{
    // Fall back to the closest enclosing object that has a mark.
    std::string p = keyPath;
    for (;;) {
        if (auto it = marks.find(p); it != marks.end())
            return it->second;
        const auto dot = p.rfind('.');
        if (dot == std::string::npos)
            return {};
        p.resize(dot);
    }
}

bool BuildContext::hasErrors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

std::optional<double> parseNumber(const std::string& text)
{
    if (text.empty() || text.size() > 64)
        return std::nullopt;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (*first == '+')
        ++first;
    double v = 0;
    const auto [p, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || p != last || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<bool> parseBool(const std::string& text)
{
    if (text == "true")
        return true;
    if (text == "false")
        return false;
    return std::nullopt;
}

bool isValidId(const std::string& id)
{
    if (id.empty() || id.size() > 64)
        return false;
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9')))
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

namespace {
std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::optional<Confidence> parseConfidence(const std::string& s)
{
    if (s == "disclosed")
        return Confidence::Disclosed;
    if (s == "estimate")
        return Confidence::Estimate;
    if (s == "assumption")
        return Confidence::Assumption;
    return std::nullopt;
}

std::string rangeText(const NumberSpec& spec)
{
    auto fmt = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return std::string(buf);
    };
    if (spec.min > -1e299 && spec.max < 1e299)
        return "a number from " + fmt(spec.min) + " to " + fmt(spec.max);
    if (spec.min > -1e299)
        return "a number >= " + fmt(spec.min);
    if (spec.max < 1e299)
        return "a number <= " + fmt(spec.max);
    return "a number";
}
} // namespace

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates)
{
    std::string best;
    std::size_t bestD = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        // The length difference is a lower bound of the distance: skipping hopeless candidates
        // keeps a file of many long unknown keys linear instead of length x length each.
        const std::size_t lengthGap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
        if (lengthGap >= bestD)
            continue;
        const std::size_t d = editDistance(word, c);
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    return best;
}

ObjReader::ObjReader(const YamlNode& node, std::string path, BuildContext& ctx)
    : m_node(node), m_path(std::move(path)), m_ctx(ctx)
{
    if (!node.isMap()) {
        m_ok = false;
        m_finished = true;
        ctx.error(node.mark, m_path, "expected a mapping of keys to values, found " + node.describe());
    }
    ctx.marks.insert_or_assign(m_path, node.mark); // the last of duplicates: where errors point
}

ObjReader::~ObjReader()
{
    if (!m_finished)
        finish();
}

std::string ObjReader::keyPath(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }

void ObjReader::allow(std::initializer_list<const char*> keys)
{
    for (const char* k : keys)
        m_known.emplace_back(k);
}

const YamlNode* ObjReader::get(const std::string& key, bool required)
{
    m_known.push_back(key);
    if (!m_ok)
        return nullptr;
    const YamlNode* n = m_node.find(key);
    if (n && n->kind == YamlNode::Kind::Null) {
        if (required)
            m_ctx.error(n->mark, keyPath(key), "a value is required, found nothing");
        return nullptr;
    }
    if (!n && required)
        m_ctx.error(m_node.mark, keyPath(key), "required key '" + key + "' is missing");
    if (n)
        m_ctx.marks.emplace(keyPath(key), n->mark);
    return n;
}

void ObjReader::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (const auto& e : m_node.map) {
        if (std::find(m_known.begin(), m_known.end(), e.key) != m_known.end())
            continue;
        std::string msg = "unknown key '" + e.key + "'";
        const std::string hint = didYouMean(e.key, m_known);
        if (!hint.empty())
            msg += " (did you mean '" + hint + "'?)";
        m_ctx.error(e.keyMark, keyPath(e.key), msg);
    }
}

void ObjReader::text(const std::string& key, std::string& out, bool required)
{
    const YamlNode* n = get(key, required);
    if (!n)
        return;
    if (!n->isScalar()) {
        m_ctx.error(n->mark, keyPath(key), "expected text, found " + n->describe());
        return;
    }
    if (n->scalar.size() > 4096) {
        m_ctx.error(n->mark, keyPath(key), "text longer than 4096 characters");
        return;
    }
    out = n->scalar;
}

void ObjReader::id(const std::string& key, std::string& out, bool required)
{
    const YamlNode* n = get(key, required);
    if (!n)
        return;
    if (!n->isScalar() || !isValidId(n->scalar)) {
        m_ctx.error(n->mark, keyPath(key),
                    "expected a lowercase id (a-z, 0-9, '-', '_'; at most 64 characters), found " + n->describe());
        return;
    }
    out = n->scalar;
}

namespace {
// Reads a plain number; reports and returns nullopt otherwise.
std::optional<double> readPlainNumber(const YamlNode& n, const std::string& path, const NumberSpec& spec,
                                      BuildContext& ctx)
{
    std::optional<double> v = n.isScalar() ? parseNumber(n.scalar) : std::nullopt;
    if (!v) {
        std::string unit = *spec.unit ? std::string(" (") + spec.unit + ")" : std::string();
        ctx.error(n.mark, path, "expected " + rangeText(spec) + unit + ", found " + n.describe());
        return std::nullopt;
    }
    if (*v < spec.min || *v > spec.max) {
        ctx.error(n.mark, path, "expected " + rangeText(spec) + ", found " + n.scalar);
        return std::nullopt;
    }
    return v;
}

void readDistribution(const YamlNode& n, const std::string& path, const NumberSpec& spec, ParamInfo& info,
                      BuildContext& ctx)
{
    ObjReader r(n, path, ctx);
    using Kind = Distribution::Kind;
    static const std::pair<const char*, Kind> kKinds[] = {
        {"uniform", Kind::Uniform}, {"triangular", Kind::Triangular}, {"normal", Kind::Normal}, {"lognormal", Kind::LogNormal}};
    int found = 0;
    for (const auto& [name, kind] : kKinds) {
        const YamlNode* v = r.get(name);
        if (!v)
            continue;
        ++found;
        if (!v->isSeq() || v->seq.size() != 2) {
            ctx.error(v->mark, r.keyPath(name), "expected a list of two numbers [a, b], found " + v->describe());
            continue;
        }
        const NumberSpec any{spec.unit};
        const auto a = readPlainNumber(v->seq[0], r.keyPath(name), any, ctx);
        const auto b = readPlainNumber(v->seq[1], r.keyPath(name), any, ctx);
        if (!a || !b)
            continue;
        const bool bounded = kind == Kind::Uniform || kind == Kind::Triangular;
        if (bounded && !(*a <= *b))
            ctx.error(v->mark, r.keyPath(name), "expected low <= high");
        else if (kind == Kind::Triangular && !(*a <= info.central() && info.central() <= *b))
            ctx.error(v->mark, r.keyPath(name),
                      info.scheduleFactor ? "a factor on dated points is 1 as written, so 1 (the mode) must lie between low and high"
                                          : "the value (the mode) must lie between low and high");
        else if (!bounded && *b < 0)
            ctx.error(v->mark, r.keyPath(name), "the standard deviation must be >= 0");
        else if (bounded && (*a < spec.min || *b > spec.max))
            ctx.error(v->mark, r.keyPath(name), "the range must stay within the value's valid range (" + rangeText(spec) + ")");
        info.dist = {kind, *a, *b, spec.min, spec.max};
    }
    r.finish();
    if (found != 1 && r.ok())
        ctx.error(n.mark, path, "expected exactly one of uniform, triangular, normal, lognormal");
}

// Provenance keys shared by numeric leaves and schedules.
void readProvenance(ObjReader& r, ParamInfo& info, BuildContext& ctx)
{
    r.text("source", info.source);
    r.text("unit", info.unit);
    r.allow({"notes"});
    if (const YamlNode* y = r.get("source_year")) {
        const auto v = y->isScalar() ? parseNumber(y->scalar) : std::nullopt;
        if (!v || *v < 1900 || *v > 2200 || std::floor(*v) != *v)
            ctx.error(y->mark, r.keyPath("source_year"), "expected a year from 1900 to 2200, found " + y->describe());
        else
            info.sourceYear = static_cast<int>(*v);
    }
    if (const YamlNode* c = r.get("confidence")) {
        const auto v = c->isScalar() ? parseConfidence(c->scalar) : std::nullopt;
        if (!v)
            ctx.error(c->mark, r.keyPath("confidence"), "expected disclosed, estimate or assumption, found " + c->describe());
        else
            info.confidence = *v;
    }
}

ParamInfo makeInfo(const std::string& path, const YamlNode& n, const NumberSpec& spec)
{
    ParamInfo info;
    info.path = path;
    info.unit = spec.unit;
    info.file = n.mark.file ? *n.mark.file : std::string();
    info.line = n.mark.line;
    info.column = n.mark.column;
    return info;
}
} // namespace

void ObjReader::number(const std::string& key, double& out, const NumberSpec& spec, bool required)
{
    const YamlNode* n = get(key, required);
    if (!n)
        return;
    const std::string path = keyPath(key);
    ParamInfo info = makeInfo(path, *n, spec);
    if (n->isMap()) {
        ObjReader r(*n, path, m_ctx);
        const YamlNode* v = r.get("value", true);
        std::optional<double> value = v ? readPlainNumber(*v, r.keyPath("value"), spec, m_ctx) : std::nullopt;
        readProvenance(r, info, m_ctx);
        const YamlNode* d = r.get("dist");
        r.finish();
        if (!value)
            return;
        info.value = *value;
        if (d) {
            if (!spec.allowDistribution)
                m_ctx.error(d->mark, r.keyPath("dist"), "this value cannot vary between Monte Carlo runs");
            else
                readDistribution(*d, r.keyPath("dist"), spec, info, m_ctx);
        }
    } else {
        const auto value = readPlainNumber(*n, path, spec, m_ctx);
        if (!value)
            return;
        info.value = *value;
    }
    out = info.value;
    m_ctx.params.push_back(std::move(info));
}

void ObjReader::optionalNumber(const std::string& key, std::optional<double>& out, const NumberSpec& spec)
{
    if (!m_ok || !m_node.find(key) || m_node.find(key)->kind == YamlNode::Kind::Null) {
        m_known.push_back(key);
        return;
    }
    double v = 0;
    const std::size_t before = m_ctx.params.size();
    number(key, v, spec);
    if (m_ctx.params.size() > before)
        out = v;
}

void ObjReader::integer(const std::string& key, int& out, int min, int max, bool required)
{
    const YamlNode* n = get(key, required);
    if (!n)
        return;
    const auto v = n->isScalar() ? parseNumber(n->scalar) : std::nullopt;
    if (!v || std::floor(*v) != *v || *v < min || *v > max) {
        m_ctx.error(n->mark, keyPath(key),
                    "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                        n->describe());
        return;
    }
    out = static_cast<int>(*v);
}

void ObjReader::unsignedInteger(const std::string& key, std::uint64_t& out, bool required)
{
    const YamlNode* n = get(key, required);
    if (!n)
        return;
    std::uint64_t v = 0;
    const std::string& s = n->scalar;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (!n->isScalar() || s.empty() || ec != std::errc() || p != s.data() + s.size()) {
        m_ctx.error(n->mark, keyPath(key), "expected a whole number from 0 to 18446744073709551615, found " + n->describe());
        return;
    }
    out = v;
}

void ObjReader::boolean(const std::string& key, bool& out)
{
    const YamlNode* n = get(key);
    if (!n)
        return;
    const auto v = n->isScalar() ? parseBool(n->scalar) : std::nullopt;
    if (!v) {
        m_ctx.error(n->mark, keyPath(key), "expected true or false, found " + n->describe());
        return;
    }
    out = *v;
}

void ObjReader::date(const std::string& key, SimTime& out, bool required)
{
    const YamlNode* n = get(key, required);
    if (!n)
        return;
    const auto v = n->isScalar() ? core::parseDate(n->scalar) : std::nullopt;
    if (!v) {
        m_ctx.error(n->mark, keyPath(key), "expected a date YYYY-MM-DD or YYYY-MM (years 1900-2200), found " + n->describe());
        return;
    }
    out = *v;
}

void ObjReader::optionalDate(const std::string& key, std::optional<SimTime>& out)
{
    SimTime t = 0;
    const YamlNode* n = m_ok ? m_node.find(key) : nullptr;
    const bool present = n && n->kind != YamlNode::Kind::Null;
    date(key, t);
    if (present && core::parseDate(n->isScalar() ? n->scalar : std::string()))
        out = t;
}

namespace {
bool readPoints(const YamlNode& n, const std::string& path, const NumberSpec& spec, Schedule& out, BuildContext& ctx)
{
    bool good = true;
    for (const auto& e : n.map) {
        const auto t = core::parseDate(e.key);
        if (!t) {
            std::string msg = "expected a date key YYYY-MM-DD or YYYY-MM, found '" + e.key + "'";
            const std::string hint = didYouMean(e.key, {"points", "mode", "source", "confidence", "value"});
            if (!hint.empty())
                msg += " (did you mean '" + hint + "'?)";
            ctx.error(e.keyMark, path + "." + e.key, msg);
            good = false;
            continue;
        }
        const auto v = readPlainNumber(e.value, path + "." + e.key, spec, ctx);
        if (!v) {
            good = false;
            continue;
        }
        out.points.emplace_back(*t, *v);
    }
    if (good && out.points.empty()) {
        ctx.error(n.mark, path, "expected at least one dated point");
        return false;
    }
    std::sort(out.points.begin(), out.points.end());
    return good;
}
} // namespace

void ObjReader::schedule(const std::string& key, Schedule& out, const NumberSpec& spec, bool required)
{
    const YamlNode* n = get(key, required);
    if (!n)
        return;
    const std::string path = keyPath(key);
    ParamInfo info = makeInfo(path, *n, spec);
    Schedule s;
    if (n->isScalar()) {
        const auto v = readPlainNumber(*n, path, spec, m_ctx);
        if (!v)
            return;
        s = Schedule::constant(*v);
    } else if (n->isMap() && (n->find("points") || n->find("value"))) {
        ObjReader r(*n, path, m_ctx);
        const YamlNode* pts = r.get("points");
        const YamlNode* val = r.get("value");
        const YamlNode* mode = r.get("mode");
        const YamlNode* dist = r.get("dist");
        readProvenance(r, info, m_ctx);
        r.finish();
        if (pts && val) {
            m_ctx.error(val->mark, r.keyPath("value"), "give either 'value' or 'points', not both");
            return;
        }
        if (!pts && !val) { // `points:` or `value:` with nothing after it (get() gives no node)
            const std::string given = n->find("points") ? "points" : "value";
            const auto entry = std::find_if(n->map.begin(), n->map.end(), [&](const auto& e) { return e.key == given; });
            m_ctx.error(entry->keyMark, r.keyPath(given), "a value is required, found nothing");
            return;
        }
        if (val) {
            const auto v = readPlainNumber(*val, r.keyPath("value"), spec, m_ctx);
            if (!v)
                return;
            s = Schedule::constant(*v);
        } else if (!pts->isMap()) {
            m_ctx.error(pts->mark, r.keyPath("points"), "expected a mapping of dates to numbers, found " + pts->describe());
            return;
        } else if (!readPoints(*pts, r.keyPath("points"), spec, s, m_ctx)) {
            return;
        }
        if (mode) {
            if (mode->isScalar() && mode->scalar == "linear")
                s.mode = Schedule::Mode::Linear;
            else if (mode->isScalar() && mode->scalar == "step")
                s.mode = Schedule::Mode::Step;
            else {
                m_ctx.error(mode->mark, r.keyPath("mode"), "expected linear or step, found " + mode->describe());
                return;
            }
        }
        if (dist && !readScheduleDistribution(*dist, r.keyPath("dist"), spec, pts != nullptr, s, info))
            return;
    } else if (n->isMap()) {
        if (!readPoints(*n, path, spec, s, m_ctx))
            return;
    } else {
        m_ctx.error(n->mark, path,
                    "expected a number, a mapping of dates to numbers, or {points: ..., mode: ...}, found " + n->describe());
        return;
    }
    info.value = s.points.front().second;
    info.schedule = true;
    info.validMin = spec.min;
    info.validMax = spec.max;
    out = std::move(s);
    m_ctx.params.push_back(std::move(info));
}

bool ObjReader::readScheduleDistribution(const YamlNode& d, const std::string& path, const NumberSpec& spec, bool dated,
                                         const Schedule& s, ParamInfo& info)
{
    if (!spec.allowDistribution) {
        m_ctx.error(d.mark, path, "this value cannot vary between Monte Carlo runs");
        return false;
    }
    const std::size_t errors = m_ctx.diagnostics.size();
    if (!dated) {
        // A single value: the distribution is of the value itself, as for any number.
        info.value = s.points.front().second;
        readDistribution(d, path, spec, info, m_ctx);
        return m_ctx.diagnostics.size() == errors;
    }
    // Dated points: the distribution is of a factor on the whole schedule (1 = as written),
    // so a range from the sources scales the series without changing its shape.
    info.scheduleFactor = true;
    readDistribution(d, path, NumberSpec{"x (factor on every point)", 0, 1e6}, info, m_ctx);
    return m_ctx.diagnostics.size() == errors;
}

void ObjReader::optionalSchedule(const std::string& key, std::optional<Schedule>& out, const NumberSpec& spec)
{
    Schedule s;
    const std::size_t before = m_ctx.params.size();
    schedule(key, s, spec);
    if (m_ctx.params.size() > before)
        out = std::move(s);
}

void ObjReader::idList(const std::string& key, std::vector<std::string>& out)
{
    const YamlNode* n = get(key);
    if (!n)
        return;
    if (!n->isSeq()) {
        m_ctx.error(n->mark, keyPath(key), "expected a list of ids like [china, singapore], found " + n->describe());
        return;
    }
    out.clear();
    for (const auto& item : n->seq) {
        if (!item.isScalar() || !isValidId(item.scalar)) {
            m_ctx.error(item.mark, keyPath(key), "expected a lowercase id, found " + item.describe());
            continue;
        }
        out.push_back(item.scalar);
    }
}

} // namespace cp::scenario
