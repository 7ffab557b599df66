// chokepoint-batch end to end: runs the real binary and checks exit codes, stdout/stderr and
// the files it writes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Outcome {
    int code = -1;
    std::string out, err;
};

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A scratch folder removed when the test program exits.
struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("chokepoint-cli-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch()
    {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const fs::path& scratch()
{
    static const Scratch s;
    return s.dir;
}

/// Runs chokepoint-batch with `args` (shell-quoted by the caller), capturing both streams.
Outcome batch(const std::string& args)
{
    static int n = 0;
    const fs::path out = scratch() / ("stdout" + std::to_string(n)), err = scratch() / ("stderr" + std::to_string(n));
    ++n;
    const std::string cmd = std::string("cd '") + CHOKEPOINT_SOURCE_DIR + "' && '" + CHOKEPOINT_BATCH_EXE + "' " + args +
                            " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    Outcome o;
    o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.out = slurp(out);
    o.err = slurp(err);
    return o;
}

std::string outDir(const std::string& name) { return (scratch() / name).string(); }

} // namespace

TEST(Cli, RunWritesTidyCsvJsonAndPrintsASummaryTable)
{
    const auto o = batch("run scenarios/baseline.yaml --out " + outDir("base"));
    ASSERT_EQ(o.code, 0) << o.err;
    for (const char* firm : {"alibaba", "bytedance", "deepseek", "openai"})
        EXPECT_NE(o.out.find(std::string("\n") + firm), std::string::npos) << firm;
    EXPECT_NE(o.out.find("gap to frontier"), std::string::npos);
    EXPECT_NE(o.out.find("offshore"), std::string::npos);

    std::ifstream csv(fs::path(outDir("base")) / "timeseries.csv");
    std::string header, line;
    std::getline(csv, header);
    EXPECT_EQ(header, "run,scenario,seed,date,entity,metric,value");
    std::set<std::string> metrics, entities;
    std::size_t rows = 0;
    while (std::getline(csv, line)) {
        ++rows;
        std::vector<std::string> cells;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, ',');)
            cells.push_back(c);
        ASSERT_EQ(cells.size(), 7u) << line;
        ASSERT_EQ(cells[3].size(), 10u) << "ISO date expected: " << line;
        entities.insert(cells[4]);
        metrics.insert(cells[5]);
    }
    EXPECT_GT(rows, 10000u);
    for (const char* m : {"capability_index", "frontier_gap_months", "compute_home_h100e", "compute_offshore_h100e",
                          "training_flop_cumulative", "lease_spend_usd", "chips_installed_h100e", "shipments_units"})
        EXPECT_TRUE(metrics.count(m)) << m;
    for (const char* e : {"alibaba", "china", "singapore", "malaysia", "china/h20"})
        EXPECT_TRUE(entities.count(e)) << e;

    const auto j = nlohmann::json::parse(slurp(fs::path(outDir("base")) / "summary.json"));
    EXPECT_EQ(j["seed"], 42);
    EXPECT_EQ(j["scenario"]["id"], "baseline");
    EXPECT_EQ(j["scenario"]["hash"].get<std::string>().size(), 16u);
    EXPECT_FALSE(j["version"].get<std::string>().empty());
    EXPECT_TRUE(j["parameters"].contains("firms.deepseek.algorithmic_efficiency"));
    EXPECT_TRUE(j["firms"].contains("deepseek"));
}

TEST(Cli, SameSeedGivesIdenticalFilesForAnyJobCount)
{
    ASSERT_EQ(batch("run scenarios/baseline.yaml -q --runs 6 --jobs 1 --out " + outDir("j1")).code, 0);
    ASSERT_EQ(batch("run scenarios/baseline.yaml -q --runs 6 --jobs 2 --out " + outDir("j2")).code, 0);
    ASSERT_EQ(batch("run scenarios/baseline.yaml -q --runs 6 --jobs 2 --out " + outDir("j2b")).code, 0);
    for (const char* f : {"timeseries.csv", "summary.json"}) {
        const std::string a = slurp(fs::path(outDir("j1")) / f);
        EXPECT_FALSE(a.empty());
        EXPECT_EQ(a, slurp(fs::path(outDir("j2")) / f)) << f;
        EXPECT_EQ(a, slurp(fs::path(outDir("j2b")) / f)) << f;
    }
}

TEST(Cli, MonteCarloSummaryHasPercentilesAndDistinctSeeds)
{
    ASSERT_EQ(batch("run scenarios/baseline.yaml -q --runs 8 --seed 5 --out " + outDir("mc")).code, 0);
    const auto j = nlohmann::json::parse(slurp(fs::path(outDir("mc")) / "summary.json"));
    const auto& seeds = j["run_seeds"];
    ASSERT_EQ(seeds.size(), 8u);
    std::set<std::uint64_t> distinct;
    for (const auto& s : seeds)
        distinct.insert(s.get<std::uint64_t>());
    EXPECT_EQ(distinct.size(), 8u);
    const auto& cap = j["firms"]["deepseek"]["capability_index_at_year_end"]["2027"];
    ASSERT_TRUE(cap.is_object()) << cap.dump();
    EXPECT_LE(cap["p5"].get<double>(), cap["p50"].get<double>());
    EXPECT_LE(cap["p50"].get<double>(), cap["p95"].get<double>());
    EXPECT_LT(cap["p5"].get<double>(), cap["p95"].get<double>()); // uncertain parameters were drawn
}

TEST(Cli, SetChangesTheStoryAndBadSetIsAUsageError)
{
    ASSERT_EQ(batch("run scenarios/baseline.yaml -q --out " + outDir("s0")).code, 0);
    ASSERT_EQ(batch("run scenarios/baseline.yaml -q --set policies.us-diffusion-rule.enabled=true --out " + outDir("s1")).code, 0);
    EXPECT_NE(slurp(fs::path(outDir("s0")) / "timeseries.csv"), slurp(fs::path(outDir("s1")) / "timeseries.csv"));
    const auto bad = batch("run scenarios/baseline.yaml -q --set firms.deepseek.mfu=2 --out " + outDir("s2"));
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("firms.deepseek.mfu"), std::string::npos) << bad.err;
    EXPECT_FALSE(fs::exists(fs::path(outDir("s2")) / "timeseries.csv"));
    EXPECT_EQ(batch("run scenarios/baseline.yaml --set nokey --out " + outDir("s3")).code, 2);
}

TEST(Cli, ValidateAcceptsBundledScenariosAndPinpointsErrors)
{
    const auto ok = batch("validate scenarios/*.yaml");
    EXPECT_EQ(ok.code, 0) << ok.err;
    std::ofstream(scratch() / "bad.yaml") << "schema: 1\nrun: {start: 2024-01, end: 2025-01}\nfirms:\n  - id: x\n    hq: us\n    mfuu: 1\n";
    const auto bad = batch("validate " + (scratch() / "bad.yaml").string());
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("bad.yaml:6:5: error: firms.x.mfuu: unknown key 'mfuu' (did you mean 'mfu'?)"), std::string::npos)
        << bad.err;
    const auto missing = batch("run no/such/file.yaml");
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("no/such/file.yaml: error: cannot open scenario: no such file"), std::string::npos) << missing.err;
}

TEST(Cli, HelpVersionAndUsageErrors)
{
    for (const char* args : {"--help", "run --help", "validate --help", "--version"}) {
        const auto o = batch(args);
        EXPECT_EQ(o.code, 0) << args;
        EXPECT_FALSE(o.out.empty()) << args;
    }
    EXPECT_EQ(batch("").code, 2);
    EXPECT_EQ(batch("frobnicate").code, 2);
    EXPECT_EQ(batch("run scenarios/baseline.yaml --runs 0").code, 2);
    EXPECT_EQ(batch("run scenarios/baseline.yaml --jobs nope").code, 2);
}

TEST(Cli, UnwritableOutputFailsCleanly)
{
    std::ofstream(scratch() / "a-file") << "x";
    const auto o = batch("run scenarios/baseline.yaml -q --out " + (scratch() / "a-file" / "sub").string());
    EXPECT_NE(o.code, 0);
    EXPECT_NE(o.err.find("error"), std::string::npos);
}

TEST(Cli, CalibrateChecksTheBaselineAgainstTheFactsFile)
{
    const fs::path md = scratch() / "calibration.md";
    const auto ok = batch("calibrate --markdown " + md.string());
    EXPECT_EQ(ok.code, 0) << ok.out << ok.err;
    EXPECT_NE(ok.out.find("deepseek-v3-compute"), std::string::npos);
    EXPECT_NE(ok.out.find("facts pass"), std::string::npos);
    EXPECT_NE(slurp(md).find("| `h20-shipments-2024` |"), std::string::npos);

    // A scenario that breaks the story (Nvidia keeps selling the H20) fails with exit code 1.
    const auto bad = batch("calibrate --scenario scenarios/no-h20-ban.yaml");
    EXPECT_EQ(bad.code, 1) << bad.out;
    EXPECT_NE(bad.out.find("FAIL"), std::string::npos);

    const auto missing = batch("calibrate " + (scratch() / "none.yaml").string());
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("none.yaml"), std::string::npos);
}

TEST(Cli, SummaryOnlySkipsTheTimeseries)
{
    const std::string out = outDir("summary-only");
    const auto r = batch("run scenarios/baseline.yaml --runs 3 --summary-only -q --out " + out);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(fs::exists(fs::path(out) / "timeseries.csv"));
    const auto j = nlohmann::json::parse(slurp(fs::path(out) / "summary.json"));
    EXPECT_EQ(j["runs"], 3);
    EXPECT_EQ(j["run_fingerprints"].size(), 3u);
}
