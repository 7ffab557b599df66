// The build's layering rule: nothing under sim/ includes Qt (or app/), and the batch CLI links
// no Qt, so it runs on a display-less node.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p)
{
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
} // namespace

TEST(Layering, SimIncludesNoQtAndNothingFromApp)
{
    const fs::path root = fs::path(CHOKEPOINT_SOURCE_DIR) / "sim";
    const std::regex forbidden(R"(#\s*include\s*[<"](Q[A-Za-z]|qt|app/))");
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const auto ext = entry.path().extension();
        if (ext != ".hpp" && ext != ".cpp" && ext != ".h")
            continue;
        ++files;
        EXPECT_FALSE(std::regex_search(slurp(entry.path()), forbidden)) << entry.path();
    }
    EXPECT_GT(files, 10);
}

TEST(Layering, BatchCliLinksNoQt)
{
    const auto cmake = slurp(fs::path(CHOKEPOINT_SOURCE_DIR) / "app/batch/CMakeLists.txt");
    EXPECT_EQ(cmake.find("Qt6"), std::string::npos);
    for (const auto& lib : {"core", "scenario", "network", "model", "runner", "calibration"}) {
        const auto text = slurp(fs::path(CHOKEPOINT_SOURCE_DIR) / "sim" / lib / "CMakeLists.txt");
        EXPECT_EQ(text.find("Qt6"), std::string::npos) << lib;
    }
}
