#include "sim/core/sim_time.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace cp::core {

bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool isValidDate(const Date& d) { return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month); }

// Howard Hinnant's days_from_civil / civil_from_days: branch-light and exact.
std::int64_t daysFromCivil(const Date& d)
{
    const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const auto year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

SimTime fromDate(const Date& d) { return daysFromCivil(d) * kDay; }
SimTime fromDate(int year, int month, int day) { return fromDate(Date{year, month, day}); }

Date toDate(SimTime t)
{
    std::int64_t days = t / kDay;
    if (t % kDay < 0)
        --days;  // floor division for times before 1970
    return civilFromDays(days);
}

std::string formatDate(SimTime t)
{
    const Date d = toDate(t);
    if (d.year >= 0 && d.year <= 9999) {
        // What the format below gives, without snprintf (every training run is named by date).
        const auto digit = [](int v) { return static_cast<char>('0' + v % 10); };
        const char text[10] = {digit(d.year / 1000), digit(d.year / 100), digit(d.year / 10), digit(d.year), '-',
                               digit(d.month / 10), digit(d.month),      '-',                 digit(d.day / 10),
                               digit(d.day)};
        return std::string(text, sizeof text);
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

namespace {
bool parseFixedInt(std::string_view s, int& out)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

std::optional<SimTime> parseDate(std::string_view text)
{
    if (text.size() != 7 && text.size() != 10)
        return std::nullopt;
    if (text[4] != '-' || (text.size() == 10 && text[7] != '-'))
        return std::nullopt;
    Date d;
    if (!parseFixedInt(text.substr(0, 4), d.year) || !parseFixedInt(text.substr(5, 2), d.month))
        return std::nullopt;
    if (text.size() == 10 && !parseFixedInt(text.substr(8, 2), d.day))
        return std::nullopt;
    if (d.year < 1900 || d.year > 2200 || !isValidDate(d))
        return std::nullopt;
    return fromDate(d);
}

SimTime addMonths(SimTime t, int months)
{
    const Date d = toDate(t);
    const SimTime timeOfDay = t - fromDate(d);
    const std::int64_t total = static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + months;
    Date r;
    r.year = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
    r.month = static_cast<int>(total - static_cast<std::int64_t>(r.year) * 12) + 1;
    r.day = std::min(d.day, daysInMonth(r.year, r.month));
    return fromDate(r) + timeOfDay;
}

SimTime startOfMonth(SimTime t)
{
    const Date d = toDate(t);
    return fromDate(d.year, d.month, 1);
}

int monthIndex(SimTime t)
{
    const Date d = toDate(t);
    return (d.year - 1970) * 12 + (d.month - 1);
}

double yearsBetween(SimTime a, SimTime b) { return static_cast<double>(b - a) / (365.2425 * static_cast<double>(kDay)); }

}  // namespace cp::core
