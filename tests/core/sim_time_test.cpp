#include "sim/core/sim_time.hpp"

#include <gtest/gtest.h>

#include <cstdio>

using namespace cp::core;

TEST(Calendar, EveryDayFrom1900To2200RoundTrips)
{
    std::int64_t prev = daysFromCivil({1899, 12, 31});
    for (int y = 1900; y <= 2200; ++y)
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= daysInMonth(y, m); ++d) {
                const Date date{y, m, d};
                const std::int64_t days = daysFromCivil(date);
                ASSERT_EQ(days, prev + 1) << y << "-" << m << "-" << d;
                ASSERT_EQ(civilFromDays(days), date);
                ASSERT_EQ(toDate(fromDate(date)), date);
                prev = days;
            }
}

TEST(Calendar, LeapYearsAndMonthLengths)
{
    EXPECT_TRUE(isLeapYear(2024));
    EXPECT_TRUE(isLeapYear(2000));
    EXPECT_FALSE(isLeapYear(1900));
    EXPECT_FALSE(isLeapYear(2025));
    EXPECT_EQ(daysInMonth(2024, 2), 29);
    EXPECT_EQ(daysInMonth(2025, 2), 28);
    EXPECT_EQ(daysInMonth(2025, 4), 30);
    EXPECT_EQ(fromDate(1970, 1, 1), 0);
    EXPECT_EQ(fromDate(2025, 4, 9), 1744156800); // date -u -d 2025-04-09 +%s
}

TEST(Calendar, FormatAndParse)
{
    EXPECT_EQ(formatDate(fromDate(2025, 4, 9)), "2025-04-09");
    EXPECT_EQ(formatDate(fromDate(1969, 12, 31) + 3600), "1969-12-31");
    EXPECT_EQ(parseDate("2025-04-09"), fromDate(2025, 4, 9));
    EXPECT_EQ(parseDate("2025-04"), fromDate(2025, 4, 1));
    EXPECT_EQ(parseDate("2024-02-29"), fromDate(2024, 2, 29));
    for (const char* bad : {"2025-02-30", "2025-13-01", "2025-00-10", "1899-12-31", "2201-01-01", "2025/01/01", "",
                            "20250101", "2025-04-09x", "2025-4-09", "+025-04-09", "2025-04-9 ", "2023-02-29"})
        EXPECT_FALSE(parseDate(bad).has_value()) << bad;
}

TEST(Calendar, FormatDateWritesWhatPrintfWould)
{
    // Every 7th day over years -20 to 10020: signs, padding and five-digit years included.
    for (std::int64_t days = daysFromCivil({-20, 1, 1}); days <= daysFromCivil({10020, 12, 31}); days += 7) {
        const Date d = civilFromDays(days);
        char expected[32];
        std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", d.year, d.month, d.day);
        ASSERT_EQ(formatDate(days * kDay + 12345), expected);
    }
}

TEST(Calendar, AddMonthsClampsToMonthEnd)
{
    EXPECT_EQ(formatDate(addMonths(fromDate(2025, 1, 31), 1)), "2025-02-28");
    EXPECT_EQ(formatDate(addMonths(fromDate(2024, 1, 31), 1)), "2024-02-29");
    EXPECT_EQ(formatDate(addMonths(fromDate(2025, 3, 15), -3)), "2024-12-15");
    EXPECT_EQ(formatDate(addMonths(fromDate(2025, 11, 1), 14)), "2027-01-01");
    EXPECT_EQ(formatDate(addMonths(fromDate(1970, 1, 1), -1)), "1969-12-01");
    EXPECT_EQ(addMonths(fromDate(2025, 3, 15) + 7200, 1) - fromDate(2025, 4, 15), 7200); // time of day kept
}

TEST(Calendar, MonthIndexStartOfMonthAndYears)
{
    EXPECT_EQ(monthIndex(fromDate(1970, 1, 20)), 0);
    EXPECT_EQ(monthIndex(fromDate(2025, 4, 9)), 55 * 12 + 3);
    EXPECT_EQ(startOfMonth(fromDate(2025, 4, 9) + 100), fromDate(2025, 4, 1));
    EXPECT_NEAR(yearsBetween(fromDate(2022, 1, 1), fromDate(2027, 1, 1)), 5.0, 0.005);
    EXPECT_LT(yearsBetween(fromDate(2027, 1, 1), fromDate(2022, 1, 1)), 0.0);
}
