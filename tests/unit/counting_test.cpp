// Synopsis: add(civil_date, period, month_end), add_months, count(start, period,
//           counting_convention, calendar, query) → day_count{start, raw_end, last_day,
//           ends_before, month_end_adjusted, provisional, trace}, count_hours, end_of.
// The expected dates are the law's answers: CASES.md "Counting", Civil Code Arts. 201–203,
// CPL Art. 85, SPC CPL Interpretation Art. 125.
#include "qixian/explain.hpp"
#include "qixian/counting.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

using namespace qixian;
using qixian::test::day;

namespace {

// The PRC convention: Civil Code Arts. 201–203, CPL Art. 85.
counting_convention prc() {
    return {.id = "cn.counting", .start = start_day::excluded, .month_end_policy = month_end::clamp,
            .roll = roll_convention::next_working_day, .end = day_end::midnight()};
}

counting_convention no_roll() {
    auto c = prc();
    c.roll = roll_convention::none;
    return c;
}

}  // namespace

TEST_CASE("CASES.md counting table: raw ends (no calendar needed)") {
    struct row { const char* start; period p; const char* raw_end; const char* why; };
    const row rows[] = {
        {"2014-05-28", period::of_months(3), "2014-08-28", "month lengths ignored (SPC 2014-12-12)"},
        {"2023-01-31", period::of_months(1), "2023-02-28", "no 31 February: the month's last day (Art. 202)"},
        {"2024-01-31", period::of_months(1), "2024-02-29", "leap year"},
        {"2024-02-29", period::of_years(1), "2025-02-28", "no 29 February in 2025"},
        {"2024-02-29", period::of_years(2), "2026-02-28", "no 29 February in 2026"},
        {"2025-09-16", period::of_days(15), "2025-10-01", "start day excluded: day 15 is 1 October"},
        {"2020-01-16", period::of_days(15), "2020-01-31", "start day excluded"},
        {"2016-12-31", period::of_years(2), "2018-12-31", "corresponding day"},
        {"2018-09-10", period::of_days(20), "2018-09-30", "start day excluded"},
        {"2023-06-30", period::of_years(2), "2025-06-30", "CASES.md worked answer"},
        {"2013-12-14", period::of_years(2), "2015-12-14", "(2020)辽01协外认7号"},
        {"2018-08-27", period::of_years(2), "2020-08-27", "Zhang v Li, Huating"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.start);
        CAPTURE(r.p);
        CAPTURE(r.why);
        auto got = add(day(r.start), r.p, month_end::clamp);
        REQUIRE(got.has_value());
        CHECK(*got == day(r.raw_end));
        auto counted = count(day(r.start), r.p, no_roll(), nullptr, {});
        REQUIRE(counted.has_value());
        CHECK(counted->raw_end == day(r.raw_end));
        CHECK(counted->last_day == day(r.raw_end));
        CHECK(counted->ends_before == start_of(add_calendar_days(day(r.raw_end), 1)));
    }
}

TEST_CASE("CASES.md counting table: last days rolled on the example calendar") {
    const auto& cal = test::example_calendar();
    struct row { const char* start; period p; adjusted_weekend reading; const char* raw_end; const char* last_day; };
    const row rows[] = {
        {"2025-09-16", period::of_days(15), adjusted_weekend::schedule, "2025-10-01", "2025-10-09"},
        {"2020-01-16", period::of_days(15), adjusted_weekend::schedule, "2020-01-31", "2020-02-03"},
        {"2016-12-31", period::of_years(2), adjusted_weekend::schedule, "2018-12-31", "2019-01-02"},
        {"2018-09-10", period::of_days(20), adjusted_weekend::schedule, "2018-09-30", "2018-09-30"},
        {"2018-09-10", period::of_days(20), adjusted_weekend::weekday, "2018-09-30", "2018-10-08"},
        {"2024-02-29", period::of_years(2), adjusted_weekend::schedule, "2026-02-28", "2026-02-28"},
        {"2024-02-29", period::of_years(2), adjusted_weekend::weekday, "2026-02-28", "2026-03-02"},
        {"2023-06-30", period::of_years(2), adjusted_weekend::schedule, "2025-06-30", "2025-06-30"},
        {"2016-12-31", period::of_years(2), adjusted_weekend::weekday, "2018-12-31", "2019-01-02"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.start);
        CAPTURE(r.p);
        CAPTURE(to_string(r.reading));
        auto got = count(day(r.start), r.p, prc(), &cal, calendar_query{.reading = r.reading});
        REQUIRE(got.has_value());
        CHECK(got->raw_end == day(r.raw_end));
        CHECK(got->last_day == day(r.last_day));
        CHECK(got->ends_before == start_of(add_calendar_days(day(r.last_day), 1)));
        CHECK_FALSE(got->provisional);
    }
}

TEST_CASE("the 2020 extension: as the notices stood before and after 2020-01-27") {
    const auto& cal = test::example_calendar();
    // Computed on 2020-01-20, under the original 2020 schedule: 31 January was a Friday,
    // a working day, so the period ended then.
    auto before = count(day("2020-01-16"), period::of_days(15), prc(), &cal,
                        calendar_query{.as_of = day("2020-01-20")});
    REQUIRE(before.has_value());
    CHECK(before->last_day == day("2020-01-31"));
    // After the extension notice (published 2020-01-27) 31 Jan – 2 Feb are rest days,
    // and Saturday 1 February is no longer a working day.
    auto after = count(day("2020-01-16"), period::of_days(15), prc(), &cal,
                       calendar_query{.as_of = day("2020-01-27")});
    REQUIRE(after.has_value());
    CHECK(after->last_day == day("2020-02-03"));
    // Originally Saturday 1 February was a working day: a period ending that day stayed.
    auto sat = count(day("2020-01-02"), period::of_days(30), prc(), &cal,
                     calendar_query{.as_of = day("2020-01-20")});
    REQUIRE(sat.has_value());
    CHECK(sat->raw_end == day("2020-02-01"));
    CHECK(sat->last_day == day("2020-02-01"));
}

TEST_CASE("trace: start, count, roll, close, with the named policies") {
    const auto& cal = test::example_calendar();
    auto got = count(day("2025-09-16"), period::of_days(15), prc(), &cal, {});
    REQUIRE(got.has_value());
    REQUIRE(got->trace.size() == 4);
    CHECK(got->trace[0].kind == trace_kind::start);
    CHECK(qixian::describe(got->trace[0], qixian::language::en) == "2025-09-16 is not counted; counting begins 2025-09-17");
    CHECK(got->trace[1].kind == trace_kind::count);
    CHECK(qixian::describe(got->trace[1], qixian::language::en) == "+ 15 days -> 2025-10-01");
    CHECK(got->trace[2].kind == trace_kind::roll);
    CHECK(qixian::describe(got->trace[2], qixian::language::en) ==
          "2025-10-01 is a rest day (holiday, 国庆节、中秋节): moved 8 days to 2025-10-09");
    CHECK(got->trace[3].kind == trace_kind::close);
    CHECK(qixian::describe(got->trace[3], qixian::language::en) == "ends at 24:00 on 2025-10-09 (exclusive bound 2025-10-10T00:00:00)");
    CHECK(got->trace.back().on == got->last_day);

    auto clamped = count(day("2023-01-31"), period::of_months(1), no_roll(), nullptr, {});
    REQUIRE(clamped.has_value());
    CHECK(clamped->month_end_adjusted);
    CHECK(qixian::describe(clamped->trace[1], qixian::language::en) ==
          "+ 1 month -> 2023-02-28 (no corresponding day in the final month: month-end policy "
          "clamp gives 2023-02-28)");
}

TEST_CASE("month-end policies on the month ends of every month (tests/data/month_add.csv)") {
    const auto rows = test::load_csv("month_add.csv");
    CHECK(rows.size() == 1242);
    int ambiguous = 0;
    for (const auto& r : rows) {
        CAPTURE(r.line);
        REQUIRE(r.cells.size() == 6);
        const civil_date start = day(r.cells[0].c_str());
        const int n = std::stoi(r.cells[1]);
        CAPTURE(r.cells[0]);
        CAPTURE(n);
        CHECK(*add_months(start, n, month_end::clamp) == day(r.cells[2].c_str()));
        CHECK(*add_months(start, n, month_end::first_of_next) == day(r.cells[3].c_str()));
        CHECK(*add_months(start, n, month_end::spill) == day(r.cells[4].c_str()));
        auto rejected = add_months(start, n, month_end::reject);
        if (r.cells[5].empty()) {
            ++ambiguous;
            REQUIRE_FALSE(rejected.has_value());
            CHECK(rejected.error().code == errc::ambiguous_month_end);
        } else {
            CHECK(*rejected == day(r.cells[5].c_str()));
        }
        // years are months: n months equals add() of {months = n}
        CHECK(*add(start, period::of_months(n), month_end::clamp) == day(r.cells[2].c_str()));
    }
    CHECK(ambiguous == 123);
}

TEST_CASE("reject names the missing day; clamp, first_of_next and spill differ") {
    auto r = add(day("2023-01-31"), period::of_months(1), month_end::reject);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message ==
          "2023-01-31 + 1 month: 2023-02 has no day 31 and the month-end policy is reject "
          "(clamp would give 2023-02-28)");
    CHECK(*add(day("2024-02-29"), period::of_years(1), month_end::clamp) == day("2025-02-28"));
    CHECK(*add(day("2024-02-29"), period::of_years(1), month_end::first_of_next) == day("2025-03-01"));
    CHECK(*add(day("2024-02-29"), period::of_years(4), month_end::reject) == day("2028-02-29"));
    CHECK(*add(day("2000-02-29"), period::of_years(100), month_end::clamp) == day("2100-02-28"));
    CHECK(*add(day("1896-02-29"), period::of_years(4), month_end::clamp) == day("1900-02-28"));
    // years and months combine before the month end is settled: 2023-08-31 + 1 year 6 months
    CHECK(*add(day("2023-08-31"), period{.years = 1, .months = 6}, month_end::clamp) == day("2025-02-28"));
    CHECK(*add(day("2023-08-31"), period{.months = 6, .days = 10}, month_end::clamp) == day("2024-03-10"));
    // spill is not monotone in the start day (so no PRC rule uses it): a later start can end earlier
    CHECK(*add(day("1982-05-31"), period::of_months(33), month_end::spill) == day("1985-03-03"));
    CHECK(*add(day("1982-06-02"), period::of_months(33), month_end::spill) == day("1985-03-02"));
    // a missing policy is never silently a default
    CHECK(add(day("2023-01-31"), period::of_months(1), month_end{}).error().code == errc::invalid_period);
    CHECK(add(day("2023-01-31"), period::of_hours(1), month_end::clamp).error().code == errc::invalid_period);
}

TEST_CASE("start day included counts the start as day one") {
    auto c = no_roll();
    c.start = start_day::included;
    CHECK(count(day("2025-01-15"), period::of_days(10), c, nullptr, {})->last_day == day("2025-01-24"));
    CHECK(count(day("2025-01-15"), period::of_months(1), c, nullptr, {})->last_day == day("2025-02-14"));
    CHECK(count(day("2025-03-01"), period::of_months(1), c, nullptr, {})->last_day == day("2025-03-31"));
}

TEST_CASE("working-day periods count only working days") {
    const auto& cal = test::example_calendar();
    // From Tuesday 2025-09-30: 1 Oct – 8 Oct are holidays, 9 Oct Thursday is the first
    // working day, 10 Oct Friday the second, 11 Oct Saturday a working day (the third).
    CHECK(count(day("2025-09-30"), period::of_working_days(1), prc(), &cal, {})->last_day == day("2025-10-09"));
    CHECK(count(day("2025-09-30"), period::of_working_days(3), prc(), &cal, {})->last_day == day("2025-10-11"));
    auto wk = count(day("2025-09-30"), period::of_working_days(3), prc(), &cal,
                    calendar_query{.reading = adjusted_weekend::weekday});
    CHECK(wk->last_day == day("2025-10-13"));
    CHECK(*cal.working_days_between(day("2025-09-29"), day("2025-10-13"), adjusted_weekend::schedule) == 5);
    CHECK(*cal.working_days_between(day("2025-09-29"), day("2025-10-13"), adjusted_weekend::weekday) == 4);
}

TEST_CASE("bad counting requests are errors, not guesses") {
    const auto& cal = test::example_calendar();
    CHECK(count(day("2025-01-01"), period::of_days(5), prc(), nullptr, {}).error().code == errc::invalid_request);
    CHECK(count(day("2025-01-01"), period::of_hours(48), prc(), &cal, {}).error().code == errc::invalid_period);
    CHECK(count(day("2025-01-01"), period::of_days(-5), prc(), &cal, {}).error().code == errc::invalid_period);
    counting_convention unset{.id = "unset"};
    CHECK(count(day("2025-01-01"), period::of_days(5), unset, nullptr, {}).error().code == errc::invalid_request);
    // the last day lies beyond the calendar's data: an error, or a flagged provisional answer
    auto beyond = count(day("2026-12-20"), period::of_days(15), prc(), &cal, {});
    REQUIRE_FALSE(beyond.has_value());
    CHECK(beyond.error().code == errc::outside_calendar_coverage);
    CHECK(beyond.error().message ==
          "2027-01-04 is outside the calendar's data: calendar 'test.cn-examples' has data for "
          "2016-01-01 to 2026-12-31");
    auto guessed = count(day("2026-12-20"), period::of_days(20), prc(), &cal,
                         calendar_query{.outside = coverage_policy::provisional});
    REQUIRE(guessed.has_value());
    CHECK(guessed->provisional);
    CHECK(guessed->last_day == day("2027-01-11"));  // 2027-01-09 is a Saturday
}

TEST_CASE("hour periods start at the next whole hour (SPC CPL Interpretation Art. 125)") {
    auto h = count_hours(*parse_local_time("2025-06-03T10:25"), period::of_hours(48));
    REQUIRE(h.has_value());
    CHECK(to_string(h->counted_from) == "2025-06-03T11:00:00");
    CHECK(to_string(h->ends_before) == "2025-06-05T11:00:00");
    // an act at exactly 10:00 falls in the 10:00 hour, which is not counted
    CHECK(to_string(count_hours(*parse_local_time("2025-06-03T10:00"), period::of_hours(48))->ends_before) ==
          "2025-06-05T11:00:00");
    CHECK(to_string(count_hours(*parse_local_time("2025-12-31T23:59:59"), period::of_hours(24))->ends_before) ==
          "2026-01-02T00:00:00");
    CHECK(count_hours(*parse_local_time("2025-06-03T10:25"), period::of_days(2)).error().code ==
          errc::invalid_period);
}

TEST_CASE("the end of the last day: 24:00 as next-day 00:00, or the close of business") {
    using namespace std::chrono_literals;
    CHECK(to_string(end_of(day("2025-10-09"), day_end::midnight())) == "2025-10-10T00:00:00");
    CHECK(to_string(end_of(day("2024-12-31"), day_end::midnight())) == "2025-01-01T00:00:00");
    CHECK(to_string(end_of(day("2025-10-09"), day_end::business_close(17h))) == "2025-10-09T17:00:00");
    CHECK(to_string(day_end::midnight()) == "24:00");
    CHECK(to_string(day_end::business_close(17h + 30min)) == "17:30");
    auto c = prc();
    c.end = day_end::business_close(17h);
    auto got = count(day("2025-09-16"), period::of_days(15), c, &test::example_calendar(), {});
    CHECK(to_string(got->ends_before) == "2025-10-09T17:00:00");
}

TEST_CASE("periods ending at the end of the supported years are refused, never printed as year 10000") {
    // 48 hours from 9999-12-29T22:30 end on 9999-12-31: its day in a zone east of the forum,
    // and the day after it, would be year 10000.
    auto h = count_hours(*parse_local_time("9999-12-29T22:30"), period::of_hours(48));
    REQUIRE_FALSE(h.has_value());
    CHECK(h.error().code == errc::out_of_range);
    CHECK(count_hours(*parse_local_time("9999-12-28T22:30"), period::of_hours(48)).has_value());
}
