// Exhaustive sweeps over every day of long ranges (after HowardHinnant/date's
// test_day_point_conversion and QuantLib's calendar sweeps).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "qixian/counting.hpp"
#include "civil_days.hpp"  // engine/src: the fast conversions of prepared rules
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace qixian;
using qixian::test::day;

TEST_CASE("every day 1900-2100: civil <-> serial round trip, text round trip, weekday advances by one") {
    const civil_date first = day("1900-01-01");
    const civil_date last = day("2100-12-31");
    CHECK(first.iso_weekday() == 1);  // 1 January 1900 was a Monday
    int days = 0, failures = 0;
    civil_date prev = add_calendar_days(first, -1);
    for (civil_date d = first; d <= last; d = add_calendar_days(d, 1), ++days) {
        const auto ymd = d.ymd();
        const auto back = civil_date::from_ymd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                               static_cast<unsigned>(ymd.day()));
        const auto parsed = civil_date::parse(d.to_string());
        const bool ok = back && *back == d && parsed && *parsed == d &&
                        d.serial() == prev.serial() + 1 &&
                        d.iso_weekday() == prev.iso_weekday() % 7 + 1 &&
                        (d.day() == 1 ? prev == last_day_of_month(prev) : d.day() == prev.day() + 1);
        if (!ok && ++failures < 20) {
            CAPTURE(d);
            CHECK(ok);
        }
        prev = d;
    }
    CHECK(failures == 0);
    CHECK(days == 73414);  // 201 years, 49 of them leap (2000 is, 1900 and 2100 are not)
}

TEST_CASE("every day 0001-9999: the fast day <-> year, month, day conversions agree with date::year_month_day") {
    const std::int32_t first = day("0001-01-01").serial(), last = day("9999-12-31").serial();
    long failures = 0;
    for (std::int32_t s = first; s <= last; ++s) {
        const date::year_month_day ymd{date::sys_days{date::days{s}}};
        const int y = static_cast<int>(ymd.year());
        const auto m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
        const auto c = detail::civil_from_days(s);
        const bool ok = c.y == y && c.m == m && c.d == d && detail::days_from_civil(y, m, d) == s &&
                        detail::days_in_month(y, m) == static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
        if (!ok && ++failures < 20) {
            CAPTURE(s);
            CHECK(ok);
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("every day 0001-9999: the text is the year, month and day, zero-padded") {
    int failures = 0;
    long days = 0;
    char want[16];
    for (civil_date d = civil_date::min();; d = add_calendar_days(d, 1), ++days) {
        std::snprintf(want, sizeof want, "%04d-%02u-%02u", d.year(), d.month(), d.day());
        if (d.to_string() != want && ++failures < 20) {
            CAPTURE(want);
            CHECK(d.to_string() == want);
        }
        if (d == civil_date::max()) break;
    }
    CHECK(failures == 0);
    CHECK(days + 1 == 3652059);  // 0001-01-01 .. 9999-12-31
}

TEST_CASE("every start day 2000-2030 with the common lengths: the counting invariants") {
    const period lengths[] = {period::of_days(15), period::of_days(30), period::of_months(1),
                              period::of_months(2), period::of_months(3), period::of_months(4),
                              period::of_months(5), period::of_months(6), period::of_months(7),
                              period::of_months(8), period::of_months(9), period::of_months(10),
                              period::of_months(11), period::of_months(12), period::of_years(1),
                              period::of_years(2), period::of_years(3)};
    int failures = 0;
    for (civil_date d = day("2000-01-01"); d <= day("2030-12-31"); d = add_calendar_days(d, 1)) {
        for (const auto& p : lengths) {
            const civil_date c = *add(d, p, month_end::clamp);
            const civil_date f = *add(d, p, month_end::first_of_next);
            bool ok = d < c && c <= f;
            if (p.days != 0) ok = ok && calendar_days_between(d, c) == p.days;
            if (p.days == 0) {
                // the corresponding day where it exists, else the final month's last day
                const bool exists = c.day() == d.day();
                ok = ok && (exists || (c == last_day_of_month(c) && c.day() < d.day()));
                const int months = p.years * 12 + p.months;
                ok = ok && (c.year() * 12 + static_cast<int>(c.month())) -
                                   (d.year() * 12 + static_cast<int>(d.month())) == months;
            }
            if (!ok && ++failures < 20) {
                CAPTURE(d); CAPTURE(p); CAPTURE(c); CAPTURE(f);
                CHECK(ok);
            }
        }
    }
    CHECK(failures == 0);
}
