// Loading behaviour: extends merging, --set overrides, provenance, sandboxing, bundled files.
#include "minimal_scenario.hpp"

#include "sim/runner/batch.hpp"
#include "sim/scenario/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

using namespace cp;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir()
    {
        static int counter = 0;
        m_path = fs::temp_directory_path() /
                 ("chokepoint-loader-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    fs::path write(const std::string& name, const std::string& text) const
    {
        const fs::path p = m_path / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p) << text;
        return p;
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const scenario::ScenarioError& e) {
        return e.diagnostics().front().str();
    }
    return "(no error)";
}

const scenario::ParamInfo* param(const scenario::Scenario& s, const std::string& path)
{
    for (const auto& p : s.params)
        if (p.path == path)
            return &p;
    return nullptr;
}

} // namespace

TEST(Loader, ExtendsMergesListsByIdAndKeepsTheRest)
{
    TempDir dir;
    dir.write("base.yaml", test::kMinimalScenario);
    const auto child = dir.write("child.yaml", "schema: 1\nextends: base.yaml\nid: child\n"
                                               "policies:\n  - id: ctrl\n    enabled: false\n"
                                               "  - {id: extra, type: data_localisation, from: 2024-01, firm_hq: [china]}\n"
                                               "firms:\n  - id: lab\n    mfu: 0.3\n");
    const auto s = scenario::loadScenario(child.string());
    EXPECT_EQ(s.id, "child");
    EXPECT_EQ(s.extends, "base.yaml");
    ASSERT_EQ(s.policies.size(), 2u);
    EXPECT_FALSE(s.policies[0].enabled);
    EXPECT_EQ(s.policies[0].destinations, std::vector<std::string>{"china"}); // kept from the base
    EXPECT_EQ(s.policies[1].id, "extra");
    EXPECT_DOUBLE_EQ(s.firms[0].mfu, 0.3);
    // Provenance points at the file that set the value.
    const auto* mfu = param(s, "firms.lab.mfu");
    ASSERT_NE(mfu, nullptr);
    EXPECT_EQ(fs::path(mfu->file).filename(), "child.yaml");
    EXPECT_EQ(mfu->line, 10);
    EXPECT_EQ(s.chips.size(), 1u);
}

TEST(Loader, RemoveDeletesABaseItemAndUnknownRemovalIsAnError)
{
    TempDir dir;
    dir.write("base.yaml", test::kMinimalScenario);
    const auto ok = dir.write("ok.yaml", "schema: 1\nextends: base.yaml\npolicies:\n  - {id: ctrl, remove: true}\n");
    EXPECT_TRUE(scenario::loadScenario(ok.string()).policies.empty());
    const auto bad = dir.write("bad.yaml", "schema: 1\nextends: base.yaml\npolicies:\n  - {id: ctrll, remove: true}\n");
    EXPECT_EQ(errorOf([&] { (void)scenario::loadScenario(bad.string()); }),
              bad.string() + ":4:5: error: policies.ctrll: nothing to remove: the base has no item 'ctrll'");
}

TEST(Loader, ErrorsInTheBaseNameTheBaseFileAndTheExtendsLine)
{
    TempDir dir;
    dir.write("base.yaml", test::kMinimalScenario + "bogus: 1\n");
    const auto child = dir.write("child.yaml", "schema: 1\nextends: base.yaml\n");
    try {
        (void)scenario::loadScenario(child.string());
        FAIL();
    } catch (const scenario::ScenarioError& e) {
        ASSERT_GE(e.diagnostics().size(), 1u);
        EXPECT_EQ(e.diagnostics()[0].str(), (dir.path() / "base.yaml").string() + ":27:1: error: bogus: unknown key 'bogus'");
    }
}

TEST(Loader, ExtendsIsSandboxedAcyclicAndBounded)
{
    TempDir dir;
    dir.write("outside.yaml", test::kMinimalScenario);
    const auto escaping = dir.write("inner/escape.yaml", "schema: 1\nextends: ../outside.yaml\n");
    EXPECT_NE(errorOf([&] { (void)scenario::loadScenario(escaping.string()); }).find("leaves the scenario folder"),
              std::string::npos);
    const auto absolute = dir.write("abs.yaml", "schema: 1\nextends: /etc/passwd\n");
    EXPECT_NE(errorOf([&] { (void)scenario::loadScenario(absolute.string()); }).find("absolute path"), std::string::npos);
    dir.write("a.yaml", "schema: 1\nextends: b.yaml\n");
    const auto b = dir.write("b.yaml", "schema: 1\nextends: a.yaml\n");
    EXPECT_NE(errorOf([&] { (void)scenario::loadScenario(b.string()); }).find("cycle"), std::string::npos);
    dir.write("l0.yaml", test::kMinimalScenario);
    for (int i = 1; i <= scenario::kMaxExtendsDepth + 1; ++i)
        dir.write("l" + std::to_string(i) + ".yaml", "schema: 1\nextends: l" + std::to_string(i - 1) + ".yaml\n");
    EXPECT_EQ(errorOf([&] { (void)scenario::loadScenario((dir.path() / "l3.yaml").string()); }), "(no error)");
    const auto deep = dir.path() / ("l" + std::to_string(scenario::kMaxExtendsDepth + 1) + ".yaml");
    EXPECT_NE(errorOf([&] { (void)scenario::loadScenario(deep.string()); }).find("levels of extends"), std::string::npos);
}

TEST(Loader, MissingFileAndFolderAreClearErrors)
{
    TempDir dir;
    const auto missing = (dir.path() / "nope.yaml").string();
    EXPECT_EQ(errorOf([&] { (void)scenario::loadScenario(missing); }), missing + ": error: cannot open scenario: no such file");
    EXPECT_NE(errorOf([&] { (void)scenario::loadScenario(dir.path().string()); }).find("it is a folder"), std::string::npos);
}

TEST(Loader, SetOverridesValuesKeepsCitationsAndFixesDistributions)
{
    TempDir dir;
    const auto base = dir.write("base.yaml", test::kMinimalScenario);
    scenario::LoadOptions o;
    o.overrides = {{"firms.lab.mfu", "0.45"}, {"policies.ctrl.enabled", "false"}, {"run.end", "2026-01-01"},
                   {"firms.lab.algorithmic_efficiency", "2"}};
    const auto s = scenario::loadScenario(base.string(), o);
    EXPECT_DOUBLE_EQ(s.firms[0].mfu, 0.45);
    EXPECT_DOUBLE_EQ(s.firms[0].algorithmicEfficiency, 2.0);
    EXPECT_FALSE(s.policies[0].enabled);
    EXPECT_EQ(core::formatDate(s.run.end), "2026-01-01");
    const auto* mfu = param(s, "firms.lab.mfu");
    ASSERT_NE(mfu, nullptr);
    EXPECT_EQ(mfu->source, "test");
    EXPECT_EQ(mfu->dist.kind, scenario::Distribution::Kind::None);
}

TEST(Loader, SetReportsBadPathsAndValues)
{
    TempDir dir;
    const auto base = dir.write("base.yaml", test::kMinimalScenario);
    auto load = [&](std::string path, std::string value) {
        return errorOf([&] {
            scenario::LoadOptions o;
            o.overrides = {{path, value}};
            (void)scenario::loadScenario(base.string(), o);
        });
    };
    EXPECT_EQ(load("firms.labb.mfu", "0.3"), "--set firms.labb.mfu=0.3: error: firms.labb.mfu: 'firms' has no item 'labb' (did you mean 'lab'?)");
    EXPECT_EQ(load("firm.lab.mfu", "0.3"), "--set firm.lab.mfu=0.3: error: firm.lab.mfu: no key 'firm' (did you mean 'firms'?)");
    EXPECT_EQ(load("firms.lab.mfu", "high"), "--set firms.lab.mfu=high: error: firms.lab.mfu.value: expected a number from 0.01 to 1 (share), found 'high'");
    EXPECT_EQ(load("firms.lab.mfuu", "0.3"), "--set firms.lab.mfuu=0.3: error: firms.lab.mfuu: unknown key 'mfuu' (did you mean 'mfu'?)");
}

TEST(Loader, SetNumericParamUsesTheLoaderRanges)
{
    auto s = scenario::loadScenarioFromString(test::kMinimalScenario, "mini.yaml");
    scenario::setNumericParam(s, "firms.lab.mfu", 0.5);
    EXPECT_DOUBLE_EQ(s.firms[0].mfu, 0.5);
    scenario::setNumericParam(s, "chips.h100.bf16_tflops", 1000);
    EXPECT_DOUBLE_EQ(s.chips[0].bf16Tflops, 1000);
    EXPECT_THROW(scenario::setNumericParam(s, "firms.lab.mfu", 1.5), scenario::ScenarioError);
    EXPECT_THROW(scenario::setNumericParam(s, "firms.nobody.mfu", 0.5), scenario::ScenarioError);
    EXPECT_THROW(scenario::setNumericParam(s, "firms.lab.name", 0.5), scenario::ScenarioError);
    // Every parameter with a distribution can be set by its path.
    for (const auto& p : s.params)
        if (p.dist.kind != scenario::Distribution::Kind::None) {
            EXPECT_NO_THROW(scenario::setNumericParam(s, p.path, p.value)) << p.path;
        }
}

TEST(Loader, EveryBundledScenarioLoadsAndEveryDistributionIsSettable)
{
    const fs::path dir = fs::path(CHOKEPOINT_SOURCE_DIR) / "scenarios";
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".yaml")
            continue;
        ++count;
        scenario::Scenario s;
        ASSERT_NO_THROW(s = scenario::loadScenario(entry.path().string())) << entry.path();
        EXPECT_EQ(s.id, entry.path().stem().string());
        for (const auto& p : s.params)
            if (p.dist.kind != scenario::Distribution::Kind::None) {
                EXPECT_NO_THROW(scenario::applyDraw(s, p, p.central())) << entry.path() << " " << p.path;
            }
    }
    EXPECT_GE(count, 7);
}

// kMaxExtendsDepth counts files: a chain of exactly that many loads, one more is refused with
// a message that states the same limit. Loading from text counts the text as a file.
TEST(Loader, ExtendsDepthLimitMatchesItsMessage)
{
    const int n = scenario::kMaxExtendsDepth;
    TempDir dir;
    dir.write("l0.yaml", test::kMinimalScenario);
    for (int i = 1; i <= n; ++i)
        dir.write("l" + std::to_string(i) + ".yaml", "schema: 1\nextends: l" + std::to_string(i - 1) + ".yaml\n");
    const auto file = [&](int i) { return (dir.path() / ("l" + std::to_string(i) + ".yaml")).string(); };
    // l(n-1) -> ... -> l0 is n files: the limit itself.
    EXPECT_EQ(errorOf([&] { (void)scenario::loadScenario(file(n - 1)); }), "(no error)");
    // l(n) is n + 1 files: the error sits on the extends that would add file n + 1 (in l1).
    const std::string expected = file(1) + ":2:10: error: extends: too many levels of extends: a chain holds at most " +
                                 std::to_string(n) + " files (the top file and " + std::to_string(n - 1) + " bases)";
    EXPECT_EQ(errorOf([&] { (void)scenario::loadScenario(file(n)); }), expected);

    const auto fromText = [&](int base) {
        return errorOf([&] {
            (void)scenario::loadScenarioFromString("schema: 1\nextends: l" + std::to_string(base) + ".yaml\n", "text.yaml",
                                                   {}, dir.path().string());
        });
    };
    EXPECT_EQ(fromText(n - 2), "(no error)"); // the text and n - 1 files
    EXPECT_EQ(fromText(n - 1), expected);     // the text and n files
}

// A `dist:` on the optional licence cap is a Monte Carlo parameter like any other: the loader
// records it, setNumericParam sets it (within its range) and a multi-run batch draws it.
TEST(Loader, DistOnLicenceCapVariesInAMonteCarloBatch)
{
    std::string text = test::kMinimalScenario;
    const std::string deny = "    action: deny\n";
    text.replace(text.find(deny), deny.size(),
                 "    action: licence\n    approval_rate: 1\n"
                 "    cap_units_per_month: {value: 400, source: test, dist: {uniform: [100, 900]}}\n");
    auto s = scenario::loadScenarioFromString(text, "cap.yaml");
    const auto* cap = param(s, "policies.ctrl.cap_units_per_month");
    ASSERT_NE(cap, nullptr);
    EXPECT_EQ(cap->dist.kind, scenario::Distribution::Kind::Uniform);
    ASSERT_TRUE(s.policies[0].capUnitsPerMonth);
    EXPECT_DOUBLE_EQ(*s.policies[0].capUnitsPerMonth, 400);

    scenario::setNumericParam(s, "policies.ctrl.cap_units_per_month", 650);
    EXPECT_DOUBLE_EQ(*s.policies[0].capUnitsPerMonth, 650);
    EXPECT_THROW(scenario::setNumericParam(s, "policies.ctrl.cap_units_per_month", -1), scenario::ScenarioError);
    EXPECT_THROW(scenario::setNumericParam(s, "policies.ctrl.cap_units_per_month", 2e9), scenario::ScenarioError);

    std::set<double> drawn;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const auto sampled = runner::sampleScenario(s, seed);
        ASSERT_TRUE(sampled.policies[0].capUnitsPerMonth);
        const double v = *sampled.policies[0].capUnitsPerMonth;
        EXPECT_GE(v, 100);
        EXPECT_LE(v, 900);
        drawn.insert(v);
    }
    EXPECT_GT(drawn.size(), 1u);

    runner::BatchConfig config;
    config.runs = 2;
    std::size_t results = 0;
    EXPECT_NO_THROW(runner::runBatch(s, config, [&](std::size_t, std::uint64_t, const runner::RunResult&) { ++results; }));
    EXPECT_EQ(results, 2u);
}
