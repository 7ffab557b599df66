#include "sim/scenario/provenance.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace cp::scenario {
namespace {

bool containsWord(std::string text, const char* word)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text.find(word) != std::string::npos;
}

bool isChipSpec(const std::string& path)
{
    static const char* const kSpecs[] = {".bf16_tflops", ".fp8_tflops", ".fp4_tflops", ".mem_bw_tbps",
                                         ".interconnect_gbps", ".hbm_gb", ".tdp_w", ".die_mm2"};
    return path.rfind("chips.", 0) == 0 &&
           std::any_of(std::begin(kSpecs), std::end(kSpecs), [&](const char* k) {
               return path.size() > std::string(k).size() && path.compare(path.size() - std::string(k).size(), std::string::npos, k) == 0;
           });
}

/// Object-level citations by key-path prefix ("chips.a100", "producers.huawei.lines.ascend-910c").
std::map<std::string, std::string> objectSources(const Scenario& s)
{
    std::map<std::string, std::string> out;
    const auto put = [&](const std::string& path, const std::string& source) {
        if (!source.empty())
            out[path] = source;
    };
    for (const auto& c : s.chips)
        put("chips." + c.id, c.source);
    for (const auto& p : s.producers) {
        put("producers." + p.id, p.source);
        for (const auto& l : p.lines)
            put("producers." + p.id + ".lines." + l.chip, l.source);
    }
    // Firms and data centres are not inherited from: their object-level source says where the
    // entity is described, not where each of its many numbers comes from. Known models are.
    for (const auto& f : s.firms)
        for (const auto& m : f.priorModels)
            put("firms." + f.id + ".prior_models." + m.name, m.source);
    for (const auto& p : s.policies)
        put("policies." + p.id, p.source);
    for (const auto& r : s.smuggling)
        put("smuggling." + r.id, r.source);
    for (const auto& j : s.jurisdictions)
        put("jurisdictions." + j.id, j.source);
    return out;
}

} // namespace

void completeProvenance(Scenario& s)
{
    const auto sources = objectSources(s);
    for (auto& p : s.params) {
        if (p.source.empty()) {
            // The longest enclosing object with a citation.
            for (std::string prefix = p.path; !prefix.empty();) {
                const auto dot = prefix.rfind('.');
                prefix = dot == std::string::npos ? std::string() : prefix.substr(0, dot);
                if (const auto it = sources.find(prefix); it != sources.end()) {
                    p.source = it->second;
                    p.sourceInherited = true;
                    break;
                }
            }
        }
        if (p.confidence != Confidence::Unspecified)
            continue;
        p.confidenceByRule = true;
        if (p.source.empty())
            p.confidence = Confidence::Assumption;
        else if (containsWord(p.source, "assumption"))
            p.confidence = Confidence::Assumption;
        else if (isChipSpec(p.path))
            p.confidence = Confidence::Disclosed;
        else
            p.confidence = Confidence::Estimate;
    }
}

} // namespace cp::scenario
