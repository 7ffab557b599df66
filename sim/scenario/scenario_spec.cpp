#include "sim/scenario/scenario_spec.hpp"

#include <algorithm>
#include <sstream>

namespace cp::scenario {

std::vector<std::string> splitKeyPath(const std::string& path)
{
    std::vector<std::string> parts;
    std::stringstream ss(path);
    for (std::string part; std::getline(ss, part, '.');)
        parts.push_back(part);
    return parts;
}


namespace {

template <typename T>
const T* findById(const std::vector<T>& items, std::string_view id)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}
} // namespace

double Chip::tpp() const
{
    // BIS: TPP = 2 x MacTOPS x bit length = dense TOPS x bit length, maximised over formats.
    return std::max({bf16Tflops * 16.0, fp8Tflops * 8.0, fp4Tflops * 4.0});
}

double Chip::performanceDensity() const { return dieMm2 > 0 ? tpp() / dieMm2 : 0.0; }

double Chip::h100e() const
{
    // Chips quoted only in FP8 (Ascend 950) train at half their FP8 rate in BF16 terms.
    const double bf16 = bf16Tflops > 0 ? bf16Tflops : fp8Tflops / 2.0;
    return bf16 / (kH100FlopPerSecond / 1e12) * softwareEfficiency;
}

const Chip* Scenario::findChip(std::string_view wanted) const { return findById(chips, wanted); }
const Firm* Scenario::findFirm(std::string_view wanted) const { return findById(firms, wanted); }
const Jurisdiction* Scenario::findJurisdiction(std::string_view wanted) const
{
    return findById(jurisdictions, wanted);
}
const Policy* Scenario::findPolicy(std::string_view wanted) const { return findById(policies, wanted); }
const DataCentre* Scenario::findDataCentre(std::string_view wanted) const
{
    return findById(dataCentres, wanted);
}

const char* toString(PolicyType t)
{
    switch (t) {
    case PolicyType::ExportControl: return "export_control";
    case PolicyType::DiffusionRule: return "diffusion_rule";
    case PolicyType::RemoteAccessControl: return "remote_access_control";
    case PolicyType::StateDcDomesticOnly: return "state_dc_domestic_only";
    case PolicyType::ImportBlock: return "import_block";
    case PolicyType::DataLocalisation: return "data_localisation";
    case PolicyType::SmugglingEnforcement: return "smuggling_enforcement";
    }
    return "?";
}

const char* toString(ExportAction a)
{
    switch (a) {
    case ExportAction::Deny: return "deny";
    case ExportAction::Licence: return "licence";
    case ExportAction::Allow: return "allow";
    }
    return "?";
}

const char* toString(Confidence c)
{
    switch (c) {
    case Confidence::Unspecified: return "unspecified";
    case Confidence::Disclosed: return "disclosed";
    case Confidence::Estimate: return "estimate";
    case Confidence::Assumption: return "assumption";
    }
    return "?";
}

} // namespace cp::scenario
