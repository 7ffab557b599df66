// The reference docs keep up with the code: every numeric scenario key the loader reads from
// the field tables appears in scenarios/README.md, every bundled scenario file is listed there,
// and every metric a baseline run writes appears in docs/METRICS.md, each as `name`.
#include "sim/runner/run.hpp"
#include "sim/scenario/fields.hpp"
#include "sim/scenario/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace cp;
namespace fs = std::filesystem;

namespace {

const fs::path kSourceDir = CHOKEPOINT_SOURCE_DIR;

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot read " << path;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool mentions(const std::string& doc, const std::string& name)
{
    return doc.find("`" + name + "`") != std::string::npos;
}

template <class T>
void collectKeys(std::span<const scenario::fields::NumberField<T>> table, const char* tableName,
                 std::vector<std::pair<std::string, std::string>>& out)
{
    for (const auto& f : table)
        out.emplace_back(tableName, f.key);
}

} // namespace

TEST(DocsCoverage, EveryNumericScenarioKeyIsInTheScenarioReadme)
{
    namespace fl = scenario::fields;
    std::vector<std::pair<std::string, std::string>> keys; // (table, key)
    collectKeys<scenario::CapabilityParams>(fl::kCapability, "kCapability", keys);
    collectKeys<scenario::MarketParams>(fl::kMarket, "kMarket", keys);
    collectKeys<scenario::Chip>(fl::kChip, "kChip", keys);
    collectKeys<scenario::ProductionLine>(fl::kProductionLine, "kProductionLine", keys);
    collectKeys<scenario::DataCentre>(fl::kDataCentre, "kDataCentre", keys);
    collectKeys<scenario::Firm>(fl::kFirm, "kFirm", keys);
    collectKeys<scenario::Firm>(fl::kFirmStrategy, "kFirmStrategy", keys);
    collectKeys<scenario::Policy>(fl::kPolicy, "kPolicy", keys);
    for (const auto& f : fl::kPolicyOptional)
        keys.emplace_back("kPolicyOptional", f.key);
    collectKeys<scenario::SmugglingRoute>(fl::kSmuggling, "kSmuggling", keys);
    ASSERT_FALSE(keys.empty());

    const std::string readme = readText(kSourceDir / "scenarios" / "README.md");
    ASSERT_FALSE(readme.empty());
    for (const auto& [table, key] : keys)
        EXPECT_TRUE(mentions(readme, key)) << "scenarios/README.md does not document `" << key << "` (fields::" << table << ")";
}

TEST(DocsCoverage, EveryBundledScenarioIsListedInTheScenarioReadme)
{
    const std::string readme = readText(kSourceDir / "scenarios" / "README.md");
    int files = 0;
    for (const auto& e : fs::directory_iterator(kSourceDir / "scenarios")) {
        if (e.path().extension() != ".yaml")
            continue;
        ++files;
        EXPECT_TRUE(mentions(readme, e.path().filename().string()))
            << "scenarios/README.md does not list `" << e.path().filename().string() << "`";
    }
    EXPECT_GT(files, 0);
}

TEST(DocsCoverage, EveryBaselineMetricIsInTheMetricsDoc)
{
    const auto scen = scenario::loadScenario((kSourceDir / "scenarios" / "baseline.yaml").string());
    const auto result = runner::runScenario(scen, 42);
    std::set<std::string> metrics;
    for (const auto& s : result.series)
        metrics.insert(s.metric);
    ASSERT_FALSE(metrics.empty());

    const std::string doc = readText(kSourceDir / "docs" / "METRICS.md");
    ASSERT_FALSE(doc.empty());
    for (const auto& m : metrics)
        EXPECT_TRUE(mentions(doc, m)) << "docs/METRICS.md does not document `" << m << "`";
}
