// RunStore: what goes in comes back in run order, whether a run sits in the block in memory or
// in an earlier block in the spill file.
#include "sim/runner/run_store.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using cp::runner::RunStore;

TEST(RunStore, ColumnsAndRunListComeBackInRunOrderAcrossSpilledBlocks)
{
    constexpr std::size_t kColumns = 5, kRuns = 1003; // 3 full blocks of 300 and part of a fourth
    RunStore store(kColumns, 300);
    std::vector<std::string> fingerprints;
    for (std::size_t i = 0; i < kRuns; ++i) {
        std::vector<double> row;
        for (std::size_t c = 0; c < kColumns; ++c)
            row.push_back(static_cast<double>(i) * 10 + static_cast<double>(c) + 0.5);
        fingerprints.push_back(std::string(i % 20, static_cast<char>('a' + i % 26))); // lengths 0..19
        store.add(row, 1000 + i, fingerprints.back());
    }
    ASSERT_EQ(store.runs(), kRuns);
    for (std::size_t c = 0; c < kColumns; ++c) {
        const auto col = store.column(c);
        ASSERT_EQ(col.size(), kRuns);
        for (std::size_t i = 0; i < kRuns; ++i)
            ASSERT_EQ(col[i], static_cast<double>(i) * 10 + static_cast<double>(c) + 0.5) << c << " " << i;
    }
    for (int pass = 0; pass < 2; ++pass) { // reading twice: the file position does not matter
        std::size_t i = 0;
        store.forEachRun([&](std::uint64_t seed, const std::string& fp) {
            ASSERT_LT(i, kRuns);
            EXPECT_EQ(seed, 1000 + i);
            EXPECT_EQ(fp, fingerprints[i]);
            ++i;
        });
        EXPECT_EQ(i, kRuns);
    }
    // Adding after reading appends at the end.
    store.add(std::vector<double>(kColumns, -1.0), 7, "x");
    EXPECT_EQ(store.column(4).back(), -1.0);
    EXPECT_EQ(store.column(4)[kRuns - 1], static_cast<double>(kRuns - 1) * 10 + 4.5);
}

TEST(RunStore, EmptyStoreHasEmptyColumns)
{
    RunStore store(3, 4);
    EXPECT_EQ(store.runs(), 0u);
    EXPECT_TRUE(store.column(2).empty());
    int calls = 0;
    store.forEachRun([&](std::uint64_t, const std::string&) { ++calls; });
    EXPECT_EQ(calls, 0);
}
