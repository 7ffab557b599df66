#pragma once
// Simulation time is an integer count of seconds since 1970-01-01 UTC. Integers keep
// event ordering exact and platform-independent; calendar dates only appear at the edges
// (scenario files, output files, the GUI).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cp::core {

using SimTime = std::int64_t;

inline constexpr SimTime kSecond = 1;
inline constexpr SimTime kDay = 86400;

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    auto operator<=>(const Date&) const = default;
};

[[nodiscard]] bool isLeapYear(int year);
[[nodiscard]] int daysInMonth(int year, int month);
[[nodiscard]] bool isValidDate(const Date& d);

// Days since 1970-01-01 (proleptic Gregorian); exact for any year.
[[nodiscard]] std::int64_t daysFromCivil(const Date& d);
[[nodiscard]] Date civilFromDays(std::int64_t days);

[[nodiscard]] SimTime fromDate(const Date& d);
[[nodiscard]] SimTime fromDate(int year, int month, int day = 1);
// Calendar date of t (the time of day is dropped).
[[nodiscard]] Date toDate(SimTime t);
// ISO 8601 date "YYYY-MM-DD".
[[nodiscard]] std::string formatDate(SimTime t);
// Accepts "YYYY-MM-DD" or "YYYY-MM" (first of month) with years 1900..2200; nullopt otherwise.
[[nodiscard]] std::optional<SimTime> parseDate(std::string_view text);

// Adds whole calendar months, clamping the day to the target month's length.
[[nodiscard]] SimTime addMonths(SimTime t, int months);
[[nodiscard]] SimTime startOfMonth(SimTime t);
// Months since January 1970 (0 = 1970-01): a dense index for monthly buckets.
[[nodiscard]] int monthIndex(SimTime t);
// Fractional years from a to b (365.2425-day years); negative when b < a.
[[nodiscard]] double yearsBetween(SimTime a, SimTime b);

}  // namespace cp::core
