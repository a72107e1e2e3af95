// Synopsis: civil_date (always valid; serial = days since 1970-01-01; from_ymd, parse,
//           year/month/day, iso_weekday, to_string), add_calendar_days,
//           checked_add_calendar_days, calendar_days_between, last_day_of_month,
//           local_time, parse_local_time, day_of, start_of.
#include "qixian/civil.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace qixian;
using qixian::test::day;

// A legal day is not an instant, and neither converts to the other implicitly.
static_assert(!std::is_convertible_v<instant, civil_date>);
static_assert(!std::is_convertible_v<civil_date, instant>);
static_assert(!std::is_convertible_v<local_time, civil_date>);
static_assert(!std::is_convertible_v<civil_date, local_time>);
static_assert(!std::is_convertible_v<instant, local_time>);
template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept comparable = requires(A a, B b) { a < b; };
static_assert(!addable<civil_date, instant>);
static_assert(!comparable<civil_date, instant>);
static_assert(!comparable<civil_date, local_time>);
static_assert(comparable<civil_date, civil_date>);
static_assert(std::is_trivially_copyable_v<civil_date>);
static_assert(std::is_nothrow_copy_constructible_v<civil_date>);
static_assert(sizeof(civil_date) == 4);

TEST_CASE("parse accepts exactly YYYY-MM-DD and rejects days that do not exist") {
    CHECK(day("2024-02-29").serial() == 19782);
    CHECK(day("1970-01-01").serial() == 0);
    CHECK(day("2000-02-29").day() == 29);

    struct bad_case { const char* text; errc code; const char* message; };
    const bad_case bad[] = {
        {"2023-02-29", errc::invalid_date, "'2023-02-29': February 2023 has no day 29 (it has 28 days)"},
        {"1900-02-29", errc::invalid_date, "'1900-02-29': February 1900 has no day 29 (it has 28 days)"},
        {"2100-02-29", errc::invalid_date, "'2100-02-29': February 2100 has no day 29 (it has 28 days)"},
        {"2025-04-31", errc::invalid_date, "'2025-04-31': April 2025 has no day 31 (it has 30 days)"},
        {"2025-13-01", errc::invalid_date, "'2025-13-01': month 13 is not 01-12"},
        {"2025-00-10", errc::invalid_date, "'2025-00-10': month 0 is not 01-12"},
        {"2025-01-00", errc::invalid_date, "'2025-01-00': January 2025 has no day 0 (it has 31 days)"},
        {"0000-01-01", errc::out_of_range, "'0000-01-01': year 0 is outside 0001-9999"},
        {"2025-1-1", errc::invalid_date, "'2025-1-1' is not a date of the form YYYY-MM-DD"},
        {"2025/01/01", errc::invalid_date, "'2025/01/01' is not a date of the form YYYY-MM-DD"},
        {"", errc::invalid_date, "'' is not a date of the form YYYY-MM-DD"},
        {"2025-01-01T00:00", errc::invalid_date, "'2025-01-01T00:00' is not a date of the form YYYY-MM-DD"},
    };
    for (const auto& b : bad) {
        CAPTURE(b.text);
        auto r = civil_date::parse(b.text);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == b.code);
        CHECK(r.error().message == b.message);
        CHECK(r.error().subject == b.text);
    }
}

TEST_CASE("leap years: 1900 no, 2000 yes, 2024 yes, 2100 no") {
    CHECK_FALSE(civil_date::from_ymd(1900, 2, 29).has_value());
    CHECK(civil_date::from_ymd(2000, 2, 29).has_value());
    CHECK(civil_date::from_ymd(2024, 2, 29).has_value());
    CHECK_FALSE(civil_date::from_ymd(2100, 2, 29).has_value());
    CHECK(last_day_of_month(day("1900-02-10")) == day("1900-02-28"));
    CHECK(last_day_of_month(day("2000-02-10")) == day("2000-02-29"));
    CHECK(last_day_of_month(day("2024-02-01")) == day("2024-02-29"));
    CHECK(last_day_of_month(day("2100-02-28")) == day("2100-02-28"));
}

TEST_CASE("fields, weekdays and printing") {
    const civil_date d = day("2025-06-30");
    CHECK(d.year() == 2025);
    CHECK(d.month() == 6);
    CHECK(d.day() == 30);
    CHECK(d.iso_weekday() == 1);
    CHECK(d.weekday_name() == "Mon");
    CHECK(day("2026-02-28").weekday_name() == "Sat");
    CHECK(day("2026-02-28").is_saturday_or_sunday());
    CHECK(d.to_string() == "2025-06-30");
    CHECK(civil_date::min().to_string() == "0001-01-01");
    CHECK(civil_date::max().to_string() == "9999-12-31");
}

TEST_CASE("day arithmetic is serial arithmetic") {
    CHECK(add_calendar_days(day("2024-02-28"), 1) == day("2024-02-29"));
    CHECK(add_calendar_days(day("2023-02-28"), 1) == day("2023-03-01"));
    CHECK(add_calendar_days(day("2025-09-16"), 15) == day("2025-10-01"));
    CHECK(add_calendar_days(day("2025-01-01"), -1) == day("2024-12-31"));
    CHECK(calendar_days_between(day("2018-12-31"), day("2019-01-02")) == 2);
    CHECK(checked_add_calendar_days(civil_date::max(), 1).error().code == errc::out_of_range);
    CHECK(checked_add_calendar_days(civil_date::min(), -1).error().code == errc::out_of_range);
    CHECK(*checked_add_calendar_days(day("2025-01-01"), 365) == day("2026-01-01"));
}

TEST_CASE("local times: parse, print, day_of, start_of") {
    auto t = parse_local_time("2025-06-03T10:25");
    REQUIRE(t.has_value());
    CHECK(to_string(*t) == "2025-06-03T10:25:00");
    CHECK(day_of(*t) == day("2025-06-03"));
    CHECK(to_string(*parse_local_time("1986-05-04T02:30:15")) == "1986-05-04T02:30:15");
    // written in place, at the ends of the supported range
    char buf[local_time_text_size];
    const auto text = [&](std::string_view written) {
        return std::string(buf, to_chars(buf, *parse_local_time(written)));
    };
    CHECK(text("0001-01-01T00:00:00") == "0001-01-01T00:00:00");
    CHECK(text("9999-12-31T23:59:59") == "9999-12-31T23:59:59");
    CHECK(text("2009-10-09T07:05:09") == "2009-10-09T07:05:09");
    CHECK(start_of(day("2025-07-01")) - start_of(day("2025-06-30")) == std::chrono::hours{24});

    CHECK(parse_local_time("2025-06-03T24:00").error().message == "'2025-06-03T24:00': hour 24 is not 00-23");
    CHECK(parse_local_time("2025-06-03T10:60").error().code == errc::invalid_time);
    CHECK(parse_local_time("2025-06-03 10:25").error().code == errc::invalid_time);
    CHECK(parse_local_time("2023-02-29T10:00").error().code == errc::invalid_date);
    CHECK(parse_local_time("2023-02-29T10:00").error().message ==
          "'2023-02-29T10:00': February 2023 has no day 29 (it has 28 days)");
}
