// parseYaml keeps the trees of recently parsed texts (the desktop app loads its scenario again
// for every edit): what it returns must be exactly what a fresh parse gives, for the text and
// file name asked about, never an older text's tree.
#include "minimal_scenario.hpp"

#include "sim/scenario/errors.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/yaml_tree.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace cp::scenario;
namespace fs = std::filesystem;

namespace {

// Kind, text, position and file of every node, in order: two trees are the same when these are.
void flatten(const YamlNode& n, std::vector<std::string>& out)
{
    out.push_back(std::to_string(static_cast<int>(n.kind)) + "|" + n.scalar + "|" + (n.mark.file ? *n.mark.file : "") +
                  ":" + std::to_string(n.mark.line) + ":" + std::to_string(n.mark.column));
    for (const auto& e : n.map) {
        out.push_back("key " + e.key + "@" + std::to_string(e.keyMark.line) + ":" + std::to_string(e.keyMark.column));
        flatten(e.value, out);
    }
    for (const auto& s : n.seq)
        flatten(s, out);
}

std::vector<std::string> flat(const YamlNode& n)
{
    std::vector<std::string> out;
    flatten(n, out);
    return out;
}

// Long enough to be kept (short texts, such as --set values, are parsed afresh each time).
const std::string kText = [] {
    std::string text = "id: memo\nfirms:\n  - id: a\n    mfu: 0.4\n  - id: b\n    mfu: 0.3\nnotes:\n";
    for (int i = 0; i < 100; ++i)
        text += "  - {id: note" + std::to_string(i) + ", text: \"a line long enough to count\"}\n";
    return text;
}();

std::string errorOf(const std::string& text, const std::string& file)
{
    try {
        (void)parseYaml(text, file);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(ParseMemo, TheSameTextGivesTheSameTreeAgain)
{
    const auto first = flat(parseYaml(kText, "memo.yaml"));
    const auto second = flat(parseYaml(kText, "memo.yaml"));
    EXPECT_EQ(first, second);
    EXPECT_GT(first.size(), 10u);
}

TEST(ParseMemo, AChangedTextIsParsedAfresh)
{
    (void)parseYaml(kText, "changed.yaml");
    std::string edited = kText;
    edited.replace(edited.find("0.4"), 3, "0.9");
    const YamlNode tree = parseYaml(edited, "changed.yaml");
    EXPECT_EQ(tree.find("firms")->seq[0].find("mfu")->scalar, "0.9");
    EXPECT_EQ(parseYaml(kText, "changed.yaml").find("firms")->seq[0].find("mfu")->scalar, "0.4");
}

TEST(ParseMemo, TheSameTextUnderAnotherNameCarriesThatName)
{
    (void)parseYaml(kText, "one.yaml");
    const YamlNode other = parseYaml(kText, "two.yaml");
    ASSERT_TRUE(other.find("firms")->mark.file);
    EXPECT_EQ(*other.find("firms")->mark.file, "two.yaml");
}

TEST(ParseMemo, ACopyHandedOutCanBeChangedWithoutChangingTheNext)
{
    YamlNode mine = parseYaml(kText, "mutable.yaml");
    mine.find("firms")->seq.clear();
    mine.erase("id");
    const YamlNode again = parseYaml(kText, "mutable.yaml");
    EXPECT_EQ(again.find("firms")->seq.size(), 2u);
    EXPECT_NE(again.find("id"), nullptr);
}

TEST(ParseMemo, ATextThatFailsFailsEveryTimeWithTheSameMessage)
{
    const std::string bad = "id: [unclosed\n";
    const std::string first = errorOf(bad, "bad.yaml");
    EXPECT_NE(first, "no error");
    EXPECT_EQ(errorOf(bad, "bad.yaml"), first);
}

TEST(ParseMemo, ThreadsParsingAtOnceAllGetTheFreshTree)
{
    const auto expected = flat(parseYaml(kText, "threads.yaml"));
    std::vector<std::string> texts;
    for (int i = 0; i < 12; ++i) // more texts than the memo keeps, so entries come and go
        texts.push_back(kText + "note" + std::to_string(i) + ": " + std::to_string(i) + "\n");
    std::vector<int> mismatches(2, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 50; ++round) {
                const std::string& text = texts[static_cast<std::size_t>((round * 5 + t) % 12)];
                const YamlNode tree = parseYaml(text, "threads.yaml");
                const auto* note = tree.map.back().value.scalar.c_str();
                if (text.find(std::string(": ") + note + "\n") == std::string::npos)
                    ++mismatches[static_cast<std::size_t>(t)];
                if (flat(parseYaml(kText, "threads.yaml")) != expected)
                    ++mismatches[static_cast<std::size_t>(t)];
            }
        });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(mismatches[0] + mismatches[1], 0);
}

TEST(ParseMemo, AFileEditedOnDiskBetweenLoadsLoadsItsNewValues)
{
    const fs::path dir = fs::temp_directory_path() / ("chokepoint-memo-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / "edited.yaml";
    auto write = [&](const std::string& mfu) {
        std::string text = cp::test::kMinimalScenario;
        text.replace(text.find("value: 0.4"), 10, "value: " + mfu);
        for (int i = 0; i < 40; ++i) // long enough for the memo to keep it
            text += "# a comment line that makes the file longer than the memo's lower bound\n";
        std::ofstream(file) << text;
    };
    write("0.31");
    EXPECT_DOUBLE_EQ(loadScenario(file.string()).findFirm("lab")->mfu, 0.31);
    write("0.37");
    EXPECT_DOUBLE_EQ(loadScenario(file.string()).findFirm("lab")->mfu, 0.37);
    fs::remove_all(dir);
}
