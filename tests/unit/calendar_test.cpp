// Synopsis: work_calendar (status, first_working_day_from, add_working_days, coverage),
//           table_calendar::build(calendar_data), calendar_query{reading, outside, as_of},
//           day_status{kind, working, provisional, name, notice}, roll(d, convention, cal, q).
#include "qixian/calendar.hpp"
#include "qixian/table_calendar.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <optional>

using namespace qixian;
using qixian::test::day;

TEST_CASE("day status: kind, working under each reading, name and notice") {
    const auto& cal = test::example_calendar();
    struct row { const char* day; day_kind kind; bool schedule; bool weekday; const char* name; const char* notice; };
    const row rows[] = {
        {"2025-06-30", day_kind::working, true, true, "", ""},
        {"2025-06-28", day_kind::weekend, false, false, "", ""},
        {"2025-10-01", day_kind::holiday, false, false, "国庆节、中秋节", "2025"},
        {"2025-10-04", day_kind::holiday, false, false, "国庆节、中秋节", "2025"},
        {"2025-09-28", day_kind::adjusted_working, true, false, "国庆节、中秋节调休", "2025"},
        {"2026-02-28", day_kind::adjusted_working, true, false, "春节调休", "2026"},
        {"2018-12-31", day_kind::holiday, false, false, "元旦", "2019"},
        {"2020-02-01", day_kind::holiday, false, false, "春节（延长假期）", "2020-ext"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.day);
        auto s = cal.status(day(r.day), {});
        REQUIRE(s.has_value());
        CHECK(s->kind == r.kind);
        CHECK(s->working == r.schedule);
        CHECK(s->name == r.name);
        CHECK(s->notice == r.notice);
        CHECK_FALSE(s->provisional);
        CHECK(cal.status(day(r.day), {.reading = adjusted_weekend::weekday})->working == r.weekday);
    }
}

TEST_CASE("as the notices stood: the 2020 extension from its publication on 2020-01-27") {
    const auto& cal = test::example_calendar();
    const calendar_query before{.as_of = day("2020-01-26")};
    const calendar_query after{.as_of = day("2020-01-27")};
    CHECK(cal.status(day("2020-01-31"), before)->kind == day_kind::working);
    CHECK(cal.status(day("2020-01-31"), after)->kind == day_kind::holiday);
    CHECK(cal.status(day("2020-02-01"), before)->kind == day_kind::adjusted_working);
    CHECK(cal.status(day("2020-02-01"), before)->name == "春节调休");
    CHECK(cal.status(day("2020-02-01"), after)->kind == day_kind::holiday);
    CHECK(cal.status(day("2020-02-03"), after)->kind == day_kind::working);
    // a year is covered only once its own notice was published
    CHECK(cal.coverage_last_as_of(day("2019-11-20")) == day("2026-12-31"));  // no per-year data here
}

TEST_CASE("per-year coverage as the notices stood") {
    auto data = test::example_calendar_data();
    data.first = day("2018-01-01");
    data.last = day("2020-12-31");
    data.years = {{2018, "2018", "notice_text"}, {2019, "2019", "notice_text"}, {2020, "2020", "notice_text"}};
    auto cal = table_calendar::build(data);
    REQUIRE(cal.has_value());
    CHECK(cal->coverage_last_as_of(day("2019-11-20")) == day("2019-12-31"));
    CHECK(cal->coverage_last_as_of(day("2019-11-21")) == day("2020-12-31"));
    CHECK(cal->coverage_last_as_of(day("2017-01-01")) == day("2017-12-31"));
    auto s = cal->status(day("2020-01-02"), {.as_of = day("2019-11-01")});
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code == errc::outside_calendar_coverage);
    CHECK(s.error().message ==
          "2020-01-02 is outside the calendar's data: calendar 'test.cn-examples' has data for "
          "2018-01-01 to 2019-12-31 as the notices stood on 2019-11-01");
}

TEST_CASE("outside coverage: an error by default, a flagged weekly-rest answer on request") {
    const auto& cal = test::example_calendar();
    auto strict = cal.status(day("2027-05-03"), {});
    REQUIRE_FALSE(strict.has_value());
    CHECK(strict.error().code == errc::outside_calendar_coverage);
    CHECK(strict.error().subject == "2027-05-03");
    auto early = cal.status(day("2015-12-31"), {});
    CHECK(early.error().code == errc::outside_calendar_coverage);

    auto guess = cal.status(day("2027-05-03"), {.outside = coverage_policy::provisional});
    REQUIRE(guess.has_value());
    CHECK(guess->provisional);
    CHECK(guess->kind == day_kind::working);
    CHECK(cal.status(day("2027-05-01"), {.outside = coverage_policy::provisional})->kind == day_kind::weekend);
}

TEST_CASE("roll: next and previous working day, none") {
    const auto& cal = test::example_calendar();
    auto r = roll(day("2025-10-01"), roll_convention::next_working_day, cal, {});
    REQUIRE(r.has_value());
    CHECK(r->day == day("2025-10-09"));
    CHECK(r->moved == 8);
    CHECK(r->original.kind == day_kind::holiday);
    CHECK(roll(day("2025-10-01"), roll_convention::previous_working_day, cal, {})->day == day("2025-09-30"));
    CHECK(roll(day("2025-10-04"), roll_convention::previous_working_day, cal, {})->day == day("2025-09-30"));
    CHECK(roll(day("2025-10-01"), roll_convention::none, cal, {})->day == day("2025-10-01"));
    CHECK(roll(day("2025-09-28"), roll_convention::next_working_day, cal, {})->day == day("2025-09-28"));
    CHECK(roll(day("2025-09-28"), roll_convention::next_working_day, cal,
               {.reading = adjusted_weekend::weekday})->day == day("2025-09-29"));
    // roll none never consults the calendar, even beyond its data
    CHECK(roll(day("2030-01-01"), roll_convention::none, cal, {}).has_value());
}

TEST_CASE("O(1) working-day arithmetic agrees with walking day by day") {
    const auto& cal = test::example_calendar();
    // A reference walk over the same data through the interface's default algorithm.
    struct walker final : work_calendar {
        const table_calendar& inner;
        explicit walker(const table_calendar& c) : inner(c) {}
        std::string_view id() const noexcept override { return inner.id(); }
        civil_date coverage_first() const noexcept override { return inner.coverage_first(); }
        civil_date coverage_last() const noexcept override { return inner.coverage_last(); }
        result<day_status> status(civil_date d, const calendar_query& q) const override {
            return inner.status(d, q);
        }
    } slow(cal);
    for (auto reading : {adjusted_weekend::schedule, adjusted_weekend::weekday}) {
        const calendar_query q{.reading = reading};
        for (civil_date d = day("2018-06-01"); d <= day("2026-11-30"); d = add_calendar_days(d, 7)) {
            CAPTURE(d);
            CHECK(cal.first_working_day_from(d, q)->day == slow.first_working_day_from(d, q)->day);
            for (int n : {1, 2, 10, 23}) {
                CAPTURE(n);
                CHECK(cal.add_working_days(d, n, q)->day == slow.add_working_days(d, n, q)->day);
            }
        }
    }
}

TEST_CASE("build rejects inconsistent data") {
    auto data = test::example_calendar_data();
    data.working_days.push_back({day("2025-10-02"), "bad", "2025", ""});
    auto both = table_calendar::build(data);
    REQUIRE_FALSE(both.has_value());
    CHECK(both.error().message == "calendar 'test.cn-examples': 2025-10-02 is both a holiday and a working day");

    data = test::example_calendar_data();
    data.holidays[0].notice = "nope";
    CHECK_FALSE(table_calendar::build(data).has_value());

    data = test::example_calendar_data();
    data.weekly_rest.clear();
    CHECK_FALSE(table_calendar::build(data).has_value());
}

TEST_CASE("a copied calendar owns its names (the original may go away)") {
    std::optional<table_calendar> copy;
    {
        auto original = table_calendar::build(test::example_calendar_data());
        REQUIRE(original.has_value());
        copy.emplace(*original);
        table_calendar assigned = *copy;
        assigned = *original;
        CHECK(assigned.status(day("2025-10-01"), {})->name == "国庆节、中秋节");
    }
    const auto s = copy->status(day("2025-10-01"), {});
    CHECK(s->name == "国庆节、中秋节");
    CHECK(s->notice == "2025");
    table_calendar moved = std::move(*copy);
    copy.reset();
    CHECK(moved.status(day("2026-02-28"), {})->name == "春节调休");
}
