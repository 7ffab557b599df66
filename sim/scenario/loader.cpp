#include "sim/scenario/loader.hpp"

#include "sim/scenario/build.hpp"
#include "sim/scenario/merge.hpp"
#include "sim/scenario/provenance.hpp"
#include "sim/scenario/validate.hpp"

#include <filesystem>

namespace cp::scenario {
namespace fs = std::filesystem;
namespace {

Scenario finish(YamlNode tree, const LoadOptions& options, const std::string& file, const std::string& defaultId)
{
    applyOverrides(tree, options.overrides);
    BuildContext ctx;
    Scenario s;
    buildScenario(tree, s, ctx);
    if (!ctx.hasErrors())
        validateScenario(s, ctx);
    std::vector<Diagnostic> errors;
    for (auto& d : ctx.diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            errors.push_back(std::move(d));
    if (!errors.empty())
        throw ScenarioError(std::move(errors));
    s.params = std::move(ctx.params);
    completeProvenance(s);
    s.file = file;
    if (const YamlNode* ext = tree.find("extends"); ext && ext->isScalar())
        s.extends = ext->scalar;
    if (s.id.empty())
        s.id = defaultId;
    if (s.name.empty())
        s.name = s.id;
    return s;
}

std::string idFromStem(const std::string& stem)
{
    std::string id;
    for (char c : stem)
        id += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (isValidId(std::string(1, c)) || c == '-' || c == '_' ? c : '-');
    return isValidId(id) ? id : std::string("scenario");
}

} // namespace

Scenario loadScenario(const std::string& path, const LoadOptions& options)
{
    std::error_code ec;
    const fs::path p(path);
    const fs::path abs = fs::absolute(p, ec);
    const fs::path sandbox = options.sandboxRoot.empty() ? abs.parent_path() : fs::path(options.sandboxRoot);
    std::vector<fs::path> chain;
    YamlNode tree = loadMergedTree(p, sandbox, chain);
    return finish(std::move(tree), options, fs::weakly_canonical(abs, ec).string(), idFromStem(p.stem().string()));
}

Scenario loadScenarioFromString(const std::string& text, const std::string& name, const LoadOptions& options,
                                const std::string& baseDir)
{
    std::error_code ec;
    const fs::path dir = baseDir.empty() ? fs::current_path(ec) : fs::path(baseDir);
    const fs::path sandbox = options.sandboxRoot.empty() ? dir : fs::path(options.sandboxRoot);
    // The text counts as the chain's first file, as a file on disk does in loadScenario, so
    // both entry points allow the same extends depth. An empty path never matches a base.
    std::vector<fs::path> chain{fs::path()};
    YamlNode tree = mergeFromText(text, name, dir, sandbox, chain);
    return finish(std::move(tree), options, name, idFromStem(fs::path(name).stem().string()));
}

std::vector<Diagnostic> lintScenario(const Scenario& s)
{
    std::vector<Diagnostic> out;
    auto warn = [&](const std::string& file, int line, int col, const std::string& key, std::string msg) {
        out.push_back({file, line, col, key, std::move(msg), Diagnostic::Severity::Warning});
    };
    for (const auto& p : s.params) {
        if (p.sourceYear && *p.sourceYear < 2020)
            warn(p.file, p.line, p.column, p.path, "source from " + std::to_string(*p.sourceYear) + " may be stale");
        if (p.dist.kind != Distribution::Kind::None && p.source.empty() && p.confidence == Confidence::Unspecified)
            warn(p.file, p.line, p.column, p.path, "uncertain value without a source or confidence");
    }
    for (const auto& pol : s.policies) {
        if (!pol.enabled)
            continue;
        if (pol.from >= s.run.end || (pol.until && *pol.until <= s.run.start))
            warn(s.file, 0, 0, "policies." + pol.id, "never in force between " + core::formatDate(s.run.start) + " and " +
                                                          core::formatDate(s.run.end));
    }
    for (const auto& f : s.firms) {
        bool ownsDc = false;
        for (const auto& d : s.dataCentres)
            ownsDc = ownsDc || d.owner == f.id;
        if (!ownsDc && !f.leasesDomestic && !f.leasesOffshore)
            warn(s.file, 0, 0, "firms." + f.id, "owns no data centre and leases nothing: it will never train");
    }
    return out;
}

} // namespace cp::scenario
