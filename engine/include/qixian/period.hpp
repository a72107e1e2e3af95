// qixian/period.hpp — lengths of time as the law states them.
//
// A `period` keeps each unit the statute names: 2 years stays 2 years, 1 month is
// never 30 days, 15 days are calendar days and 5 working days are working days
// (Civil Code Art. 200: periods are counted in years, months, days and hours).
// Nothing is normalised: {months = 12} and {years = 1} are different values even
// though month arithmetic treats them alike.
//
// Example:
//
//   auto p = qixian::period::of_years(2);                      // 申请执行期间
//   auto q = qixian::period{.months = 6, .days = 10};
//   std::cout << p << " / " << q << '\n';                   // 2 years / 6 months 10 days
#pragma once

#include "qixian/error.hpp"
#include "qixian/result.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace qixian {

struct period {
    std::int32_t years = 0;
    std::int32_t months = 0;
    std::int32_t days = 0;          ///< calendar days
    std::int32_t hours = 0;
    std::int32_t working_days = 0;  ///< days the forum calendar marks as working

    static constexpr period of_years(std::int32_t n) noexcept { return period{.years = n}; }
    static constexpr period of_months(std::int32_t n) noexcept { return period{.months = n}; }
    static constexpr period of_days(std::int32_t n) noexcept { return period{.days = n}; }
    static constexpr period of_hours(std::int32_t n) noexcept { return period{.hours = n}; }
    static constexpr period of_working_days(std::int32_t n) noexcept {
        return period{.working_days = n};
    }

    constexpr bool is_zero() const noexcept {
        return years == 0 && months == 0 && days == 0 && hours == 0 && working_days == 0;
    }
    /// True when only hours are set (an hour period, SPC CPL Interpretation Art. 125).
    constexpr bool is_hours_only() const noexcept {
        return hours != 0 && years == 0 && months == 0 && days == 0 && working_days == 0;
    }
    /// True when no unit is negative.
    constexpr bool is_non_negative() const noexcept {
        return years >= 0 && months >= 0 && days >= 0 && hours >= 0 && working_days >= 0;
    }

    friend constexpr bool operator==(const period&, const period&) = default;
};

/// "2 years", "1 year 6 months", "15 days", "48 hours", "5 working days", "0 days".
std::string to_string(const period& p);
/// Chinese: "2年", "1年6个月", "15日", "48小时", "5个工作日".
std::string to_string_zh(const period& p);

std::ostream& operator<<(std::ostream& os, const period& p);

/// Reads an ISO 8601 duration as a period, each unit kept: "P15D" = 15 days, "P3M" = 3
/// months, "P6Y" = 6 years, "P2W" = 14 days, "P1Y6M" = 1 year 6 months, "PT48H" = 48
/// hours. Refused with errc::invalid_duration, naming the position: anything else —
/// lowercase, fractions, signs, minutes or seconds (no law here counts them), a unit given
/// twice or out of order, hours mixed with days, or a zero length.
///
///   auto p = qixian::parse_duration("P1Y6M");   // p->years == 1, p->months == 6
///   auto q = qixian::parse_duration("PT30M");   // errc::invalid_duration: minutes
result<period> parse_duration(std::string_view text);

}  // namespace qixian
