// Days and civil dates by the Euclidean affine functions of C. Neri and L. Schneider,
// "Euclidean affine functions and their application to calendar algorithms" (Software:
// Practice and Experience, 2023): multiplications and shifts, no division by a variable
// and no branch but one, for the paths that count millions of days (prepared.cpp).
// Serial days count from 1970-01-01; both agree with date::year_month_day on every day
// 0001-01-01..9999-12-31 (tests/exhaustive/day_sweep.cpp).
#pragma once

#include <cstdint>

namespace qixian::detail {

struct ymd_parts {
    int y;
    unsigned m, d;
};
constexpr std::uint32_t shift_years = 82;  // shifts the range so that every step is unsigned
constexpr std::uint32_t shift_days = 719468 + 146097 * shift_years;
constexpr ymd_parts civil_from_days(std::int32_t serial) noexcept {
    const std::uint32_t n1 = 4 * (static_cast<std::uint32_t>(serial) + shift_days) + 3;
    const std::uint32_t century = n1 / 146097;
    const std::uint64_t p2 = std::uint64_t{2939745} * (4 * (n1 % 146097 / 4) + 3);
    const auto year_in_century = static_cast<std::uint32_t>(p2 >> 32);
    const std::uint32_t day_of_year = static_cast<std::uint32_t>(p2 & 0xFFFFFFFFu) / 2939745 / 4;
    const std::uint32_t n3 = 2141 * day_of_year + 197913;
    const bool january_or_february = day_of_year >= 306;
    return {static_cast<int>(100 * century + year_in_century + january_or_february) - static_cast<int>(400 * shift_years),
            january_or_february ? (n3 >> 16) - 12 : n3 >> 16, (n3 & 0xFFFFu) / 2141 + 1};
}
constexpr std::int32_t days_from_civil(int y, unsigned m, unsigned d) noexcept {
    const std::uint32_t january_or_february = m <= 2;
    const std::uint32_t year = static_cast<std::uint32_t>(y) + 400 * shift_years - january_or_february;
    const std::uint32_t month = january_or_february ? m + 12 : m;
    const std::uint32_t century = year / 100;
    const std::uint32_t year_days = 1461 * year / 4 - century + century / 4;
    const std::uint32_t month_days = (979 * month - 2919) / 32;
    return static_cast<std::int32_t>(year_days + month_days + d - 1 - shift_days);
}
constexpr unsigned days_in_month(int y, unsigned m) noexcept {
    if (m != 2) return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
}
static_assert(days_from_civil(1970, 1, 1) == 0 && days_from_civil(2000, 3, 1) == 11017);
static_assert(days_from_civil(1, 1, 1) == -719162 && days_from_civil(9999, 12, 31) == 2932896);
static_assert(civil_from_days(11016).m == 2 && civil_from_days(11016).d == 29 && civil_from_days(11016).y == 2000);
static_assert(civil_from_days(-719162).y == 1 && civil_from_days(2932896).y == 9999 && civil_from_days(2932896).d == 31);
static_assert(civil_from_days(-1).y == 1969 && civil_from_days(-1).m == 12 && civil_from_days(-1).d == 31);

}  // namespace qixian::detail
