// Rule calendars (qixian/rule_calendar.hpp): the computus, each forum calendar of rules/calendars/
// against published holiday lists (each list cited where it is used), the projection flag, and
// properties over every day 2000–2040.
#include "qixian/rule_calendar.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace qixian;
using qixian::test::day;
using qixian::test::embedded_pack;

namespace {

// The weekday (Monday–Friday) holidays of `year` in calendar `id`, as "YYYY-MM-DD" strings.
std::vector<std::string> weekday_holidays(std::string_view id, int year) {
    const table_calendar* cal = embedded_pack().find_calendar(id);
    REQUIRE_MESSAGE(cal != nullptr, id);
    std::vector<std::string> out;
    const civil_date first = *civil_date::from_ymd(year, 1, 1), last = *civil_date::from_ymd(year, 12, 31);
    for (civil_date d = first; d <= last; d = add_calendar_days(d, 1)) {
        auto s = cal->status(d, {});
        REQUIRE(s.has_value());
        if (s->kind == day_kind::holiday && !d.is_saturday_or_sunday()) out.push_back(d.to_string());
    }
    return out;
}

struct year_list {
    int year;
    std::vector<std::string> days;
};

void check_lists(std::string_view id, const std::vector<year_list>& lists) {
    for (const auto& l : lists) {
        CAPTURE(id);
        CAPTURE(l.year);
        CHECK(weekday_holidays(id, l.year) == l.days);
    }
}

}  // namespace

TEST_CASE("easter_sunday: the Gregorian computus against known Easter dates") {
    // Known Easter Sundays (the earliest possible, 22 March, in 1818 and 2285; the latest,
    // 25 April, in 1943, 2038 and 2190), and the years of the forum calendars' tests.
    const std::vector<std::pair<int, const char*>> known = {
        {1818, "1818-03-22"}, {1943, "1943-04-25"}, {2000, "2000-04-23"}, {2001, "2001-04-15"},
        {2002, "2002-03-31"}, {2008, "2008-03-23"}, {2011, "2011-04-24"}, {2012, "2012-04-08"},
        {2016, "2016-03-27"}, {2019, "2019-04-21"}, {2020, "2020-04-12"}, {2022, "2022-04-17"},
        {2023, "2023-04-09"}, {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"},
        {2027, "2027-03-28"}, {2038, "2038-04-25"}, {2190, "2190-04-25"}, {2285, "2285-03-22"}};
    for (const auto& [year, expected] : known) {
        CAPTURE(year);
        CHECK(easter_sunday(year) == day(expected));
    }
    for (int y = 1583; y <= 9999; ++y) {  // always a Sunday between 22 March and 25 April
        const civil_date e = easter_sunday(y);
        REQUIRE(e.iso_weekday() == 7);
        REQUIRE(e >= *civil_date::from_ymd(y, 3, 22));
        REQUIRE(e <= *civil_date::from_ymd(y, 4, 25));
    }
}

TEST_CASE("us.federal: 5 U.S.C. §6103 holidays as OPM published them") {
    // U.S. Office of Personnel Management, "Federal Holidays" (opm.gov/policy-data-oversight/
    // pay-leave/federal-holidays), the lists for 2020, 2021, 2024 and 2026: the observed day of a
    // Saturday holiday is the Friday before, of a Sunday holiday the Monday after; New Year's Day
    // 2022 (a Saturday) is observed on Friday 2021-12-31; Juneteenth first in 2021 (Fri 06-18).
    check_lists("us.federal",
                {{2020, {"2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25", "2020-07-03", "2020-09-07",
                         "2020-10-12", "2020-11-11", "2020-11-26", "2020-12-25"}},
                 {2021, {"2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05",
                         "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31"}},
                 {2024, {"2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04",
                         "2024-09-02", "2024-10-14", "2024-11-11", "2024-11-28", "2024-12-25"}},
                 {2026, {"2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
                         "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"}}});
    const table_calendar& cal = *embedded_pack().find_calendar("us.federal");
    auto s = cal.status(day("2026-07-03"), {});
    REQUIRE(s.has_value());
    CHECK(s->name_en == "Independence Day (observed)");
    CHECK(s->name == "独立日（补假）");
    CHECK(s->notice == "independence");
    CHECK(cal.find_notice("independence")->title.find("5 U.S.C. art. 6103") != std::string::npos);
    // The Saturday itself is named too (a rest day either way).
    CHECK(cal.status(day("2026-07-04"), {})->name_en == "Independence Day");
    // Juneteenth did not exist in 2020.
    CHECK(cal.status(day("2020-06-19"), {})->kind == day_kind::working);
}

TEST_CASE("us.ny: GCL §24 public holidays (a Sunday moves to Monday, a Saturday does not)") {
    // New York State Unified Court System, holiday list 2024 (nycourts.gov/courts/nyc/housing/
    // calendar.shtml, read for docs/research/outbound/FACTS.md §1.3): these 13 weekday days; Flag Day
    // 2024-06-09 is a Sunday.
    check_lists("us.ny", {{2024, {"2024-01-01", "2024-01-15", "2024-02-12", "2024-02-19", "2024-05-27", "2024-06-19",
                                  "2024-07-04", "2024-09-02", "2024-10-14", "2024-11-05", "2024-11-11", "2024-11-28",
                                  "2024-12-25"}}});
    // 2023 from the §24 text alone: New Year's Day and Lincoln's Birthday on Sundays → Mondays
    // 01-02 and 02-13; Veterans' Day on Saturday 11-11 stays there (the UCS closed on Friday
    // 11-10, which is not a §24 public holiday).
    check_lists("us.ny", {{2023, {"2023-01-02", "2023-01-16", "2023-02-13", "2023-02-20", "2023-05-29", "2023-06-19",
                                  "2023-07-04", "2023-09-04", "2023-10-09", "2023-11-07", "2023-11-23",
                                  "2023-12-25"}}});
    const table_calendar& cal = *embedded_pack().find_calendar("us.ny");
    CHECK(cal.status(day("2023-11-11"), {})->name_en == "Veterans' day");
    CHECK(cal.status(day("2023-11-10"), {})->kind == day_kind::working);
    CHECK(cal.status(day("2021-06-18"), {})->kind == day_kind::working);  // Juneteenth 2021 a Saturday: not moved
    CHECK(cal.status(day("2022-06-20"), {})->name_en == "Juneteenth (observed)");  // 2022 a Sunday → Monday
    CHECK(cal.status(day("2020-06-19"), {})->kind == day_kind::working);  // not yet in §24
    CHECK(cal.status(day("2024-06-09"), {})->name_en == "Flag day");
    CHECK(cal.status(day("2024-06-10"), {})->kind == day_kind::working);  // Flag day is never moved
    // General election day every year, odd years included (2019-11-05, 2025-11-04).
    CHECK(cal.status(day("2019-11-05"), {})->name_en == "General election day");
    CHECK(cal.status(day("2025-11-04"), {})->name_en == "General election day");
}

TEST_CASE("rule calendars: a projected year says one-off closures cannot be foreseen") {
    for (const std::string id : {"us.federal", "us.ny"}) {
        CAPTURE(id);
        const table_calendar& cal = *embedded_pack().find_calendar(id);
        auto hist = cal.status(day("2026-12-31"), {});
        auto proj = cal.status(day("2027-01-04"), {});
        REQUIRE(hist.has_value());
        REQUIRE(proj.has_value());
        CHECK_FALSE(hist->projected);
        CHECK(hist->caveat.empty());
        CHECK(proj->projected);
        CHECK(proj->caveat.find("one-off closures") != std::string_view::npos);
        CHECK(proj->caveat.find("cannot be foreseen") != std::string_view::npos);
        // A roll that consults a projected day says so.
        auto r = roll(day("2027-07-04"), roll_convention::next_working_day, cal, {});
        REQUIRE(r.has_value());
        CHECK(r->projected);
        CHECK(r->day == day("2027-07-06"));  // Sun 07-04 → Mon 07-05 holiday → Tue 07-06
        // Past the projection: outside the data, never a silent guess.
        CHECK_FALSE(cal.status(day("2076-01-01"), {}).has_value());
        CHECK_FALSE(cal.status(day("1999-12-31"), {}).has_value());
    }
}

TEST_CASE("rule calendars: properties of every day 2000-2040") {
    for (const std::string& id : embedded_pack().calendar_ids()) {
        const table_calendar& cal = *embedded_pack().find_calendar(id);
        if (!cal.data().projected_from) continue;  // notice calendars (cn.mainland) have their own tests
        CAPTURE(id);
        const civil_date history_end = add_calendar_days(*cal.data().projected_from, -1);
        int holidays = 0;
        for (civil_date d = day("2000-01-01"); d <= day("2040-12-31"); d = add_calendar_days(d, 1)) {
            if (!cal.covers(d)) continue;
            auto s = cal.status(d, {});
            REQUIRE(s.has_value());
            CAPTURE(d);
            const std::string name(s->name_en);
            // Every holiday of the forum calendars has its Chinese name; the English one beside it.
            if (s->kind == day_kind::holiday) {
                REQUIRE_FALSE(s->name_en.empty());
                REQUIRE(static_cast<unsigned char>(s->name.front()) >= 0xE3);
            }
            // Weekly rest days rest; no weekday of a rule calendar is a made-up working day.
            if ((cal.data().weekly_rest.back().days >> (d.iso_weekday() - 1)) & 1U) REQUIRE_FALSE(s->working);
            REQUIRE(s->kind != day_kind::adjusted_working);
            // Observed and substitute days are weekdays.
            if (name.find("(observed)") != std::string::npos || name.find("(substitute day)") != std::string::npos)
                REQUIRE_FALSE(d.is_saturday_or_sunday());
            // History and projection meet at the data's end; every projected day says so.
            REQUIRE(s->projected == (history_end < d));
            if (s->projected) REQUIRE_FALSE(s->caveat.empty());
            if (s->kind == day_kind::holiday) {
                ++holidays;
                REQUIRE_FALSE(s->notice.empty());
                REQUIRE(cal.find_notice(s->notice) != nullptr);
                REQUIRE_FALSE(cal.find_notice(s->notice)->title.empty());  // its citation
            }
        }
        CHECK(holidays > 41 * 8);
    }
}

TEST_CASE("rule calendars: leap days, nth weekdays and year boundaries") {
    rule_calendar_data d;
    d.id = "test.rules";
    d.first = day("2000-01-01");
    d.history_last = day("2024-12-31");
    d.last = day("2030-12-31");
    d.weekly_rest = {{day("1900-01-01"), sat_sun, "test"}};
    d.holidays = {
        {"leap", "Leap Day", {holiday_date_kind::fixed, 2, 29, 1, 1, 0}, observance::fri_or_mon, INT_MIN, INT_MAX, "t"},
        {"fifth", "Fifth Monday of March", {holiday_date_kind::nth_weekday, 3, 1, 1, 5, 0}, observance::none, INT_MIN,
         INT_MAX, "t"},
        {"ny", "New Year", {holiday_date_kind::fixed, 1, 1, 1, 1, 0}, observance::fri_or_mon, 2001, 2030, "t"},
        {"gf", "Good Friday", {holiday_date_kind::easter, 1, 1, 1, 1, -2}, observance::none, INT_MIN, INT_MAX, "t"},
        {"em", "Easter Monday", {holiday_date_kind::easter, 1, 1, 1, 1, 1}, observance::none, INT_MIN, INT_MAX, "t"}};
    auto cal = build_rule_calendar(d);
    REQUIRE(cal.has_value());
    // 29 February only in leap years; 2020-02-29 a Saturday → Friday 02-28.
    CHECK(cal->status(day("2024-02-29"), {})->name_en == "Leap Day");
    CHECK(cal->status(day("2020-02-28"), {})->name_en == "Leap Day (observed)");
    CHECK(cal->status(day("2023-02-28"), {})->kind == day_kind::working);
    CHECK(cal->status(day("2023-03-01"), {})->kind == day_kind::working);
    // A fifth Monday only where the month has one (March 2021: 1, 8, 15, 22, 29).
    CHECK(cal->status(day("2021-03-29"), {})->name_en == "Fifth Monday of March");
    CHECK(cal->status(day("2022-03-28"), {})->kind == day_kind::working);  // March 2022 has four Mondays
    // New Year 2022 (a Saturday) observed on Friday 2021-12-31, in the year before.
    CHECK(cal->status(day("2021-12-31"), {})->name_en == "New Year (observed)");
    // Good Friday and Easter Monday: 2024-03-29 and 2024-04-01 (Easter 2024-03-31).
    CHECK(cal->status(day("2024-03-29"), {})->name_en == "Good Friday");
    CHECK(cal->status(day("2024-04-01"), {})->name_en == "Easter Monday");
    CHECK(cal->status(day("2024-03-29"), {})->notice == "gf");
    // A one-off day after the history cannot be known; one that takes nothing away is refused.
    auto late = d;
    late.one_offs = {{day("2026-06-01"), "Proclaimed", true, "t"}};
    CHECK_FALSE(build_rule_calendar(late).has_value());
    auto nothing = d;
    nothing.one_offs = {{day("2024-06-03"), "Moved", false, "t"}};
    CHECK_FALSE(build_rule_calendar(nothing).has_value());
    auto moved = d;
    moved.one_offs = {{day("2024-04-01"), "Easter Monday", false, "t"}, {day("2024-04-02"), "Moved", true, "t"}};
    auto m = build_rule_calendar(moved);
    REQUIRE(m.has_value());
    CHECK(m->status(day("2024-04-01"), {})->kind == day_kind::working);
    CHECK(m->status(day("2024-04-02"), {})->notice == "one-off:2024-04-02");
}

TEST_CASE("gb.ew: bank holidays as gov.uk lists them, the proclaimed one-off days and HMCTS closures") {
    // gov.uk "UK bank holidays", England and Wales (bank-holidays.json): the 2012-2020 copy in
    // github.com/Fishbowler/workingday-uk @bdd4d006 and the 2019-2027 copy in
    // github.com/dmossop/bank-holidays-data @0b1a5772. Substitute days (2016-12-27, 2017-01-02,
    // 2020-12-28, 2021-12-27/28, 2022-01-03, 2022-12-27, 2026-12-28, 2027-12-27/28), the 2012 and
    // 2022 jubilee moves, VE Day 2020, the State Funeral 2022-09-19 and the Coronation 2023-05-08.
    check_lists("gb.ew",
                {{2012, {"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27",
                         "2012-12-25", "2012-12-26"}},
                 {2016, {"2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26",
                         "2016-12-27"}},
                 {2017, {"2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25",
                         "2017-12-26"}},
                 {2020, {"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25",
                         "2020-12-28"}},
                 {2021, {"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27",
                         "2021-12-28"}},
                 {2022, {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
                         "2022-09-19", "2022-12-26", "2022-12-27"}},
                 {2023, {"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
                         "2023-12-25", "2023-12-26"}},
                 {2026, {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
                         "2026-12-28"}},
                 // 2027 is projected here (history ends 2026-12-31); the rules give gov.uk's published list.
                 {2027, {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27",
                         "2027-12-28"}}});
    // HMCTS closures: 2018-12-24 (gov.uk news 2018-11-27), 2024-12-27 (gov.uk notice 2024-11-01).
    check_lists("gb.ew", {{2018, {"2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27",
                                  "2018-12-24", "2018-12-25", "2018-12-26"}},
                          {2024, {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
                                  "2024-12-25", "2024-12-26", "2024-12-27"}}});
    // Before gov.uk's list, from secondary reports (FACTS.md §4.3): the Golden Jubilee 2002 (Spring
    // bank holiday moved from 27 May to 4 June, 3 June added) and the royal wedding 2011-04-29.
    check_lists("gb.ew", {{2002, {"2002-01-01", "2002-03-29", "2002-04-01", "2002-05-06", "2002-06-03", "2002-06-04",
                                  "2002-08-26", "2002-12-25", "2002-12-26"}},
                          {2011, {"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30",
                                  "2011-08-29", "2011-12-26", "2011-12-27"}}});
    const table_calendar& cal = *embedded_pack().find_calendar("gb.ew");
    CHECK(cal.status(day("2020-05-04"), {})->kind == day_kind::working);  // moved to VE Day
    CHECK(cal.status(day("2022-09-19"), {})->notice == "one-off:2022-09-19");
    CHECK(cal.find_notice("one-off:2022-09-19")->title.find("4158896") != std::string::npos);
    CHECK(cal.status(day("2021-12-27"), {})->name_en == "Christmas Day (substitute day)");
    CHECK(cal.status(day("2021-12-28"), {})->name_en == "Boxing Day (substitute day)");
    CHECK(cal.status(day("2022-12-27"), {})->name_en == "Christmas Day (substitute day)");
    CHECK(cal.status(day("2022-12-27"), {})->name == "圣诞节（替代假日）");
    CHECK(cal.status(day("2022-09-19"), {})->name == "伊丽莎白二世女王国葬银行假日");
    // Good Friday and Easter Monday over the years (Easter 2000-04-23, 2038-04-25).
    CHECK(cal.status(day("2000-04-21"), {})->name_en == "Good Friday");
    CHECK(cal.status(day("2000-04-24"), {})->name_en == "Easter Monday");
    CHECK(cal.status(day("2038-04-23"), {})->name_en == "Good Friday");
    CHECK(cal.status(day("2038-04-26"), {})->name_en == "Easter Monday");
    CHECK(cal.status(day("2038-04-26"), {})->projected);
}

TEST_CASE("us.ca: CCP §135 judicial holidays as the courts published them") {
    // Orange County Superior Court, holiday schedule 2012-2014 (occourts.org/general-public/
    // holiday-schedule.html): Rule 1.11 moves 2012's New Year, Lincoln, César Chávez and Veterans
    // days and 2013's César Chávez day; Columbus Day still a judicial holiday.
    check_lists("us.ca",
                {{2012, {"2012-01-02", "2012-01-16", "2012-02-13", "2012-02-20", "2012-03-30", "2012-05-28", "2012-07-04",
                         "2012-09-03", "2012-10-08", "2012-11-12", "2012-11-22", "2012-11-23", "2012-12-25"}},
                 {2013, {"2013-01-01", "2013-01-21", "2013-02-12", "2013-02-18", "2013-04-01", "2013-05-27", "2013-07-04",
                         "2013-09-02", "2013-10-14", "2013-11-11", "2013-11-28", "2013-11-29", "2013-12-25"}},
                 {2014, {"2014-01-01", "2014-01-20", "2014-02-12", "2014-02-17", "2014-03-31", "2014-05-26", "2014-07-04",
                         "2014-09-01", "2014-10-13", "2014-11-11", "2014-11-27", "2014-11-28", "2014-12-25"}}});
    // Fresno Superior Court 2024 (fresno.courts.ca.gov/general-information/court-holidays), San
    // Bernardino Superior Court 2025 (sanbernardino.courts.ca.gov), the appellate courts 2026
    // (appellate.courts.ca.gov): Juneteenth and Native American Day, no Columbus Day (AB 855).
    check_lists("us.ca",
                {{2024, {"2024-01-01", "2024-01-15", "2024-02-12", "2024-02-19", "2024-04-01", "2024-05-27", "2024-06-19",
                         "2024-07-04", "2024-09-02", "2024-09-27", "2024-11-11", "2024-11-28", "2024-11-29", "2024-12-25"}},
                 {2025, {"2025-01-01", "2025-01-20", "2025-02-12", "2025-02-17", "2025-03-31", "2025-05-26", "2025-06-19",
                         "2025-07-04", "2025-09-01", "2025-09-26", "2025-11-11", "2025-11-27", "2025-11-28", "2025-12-25"}},
                 {2026, {"2026-01-01", "2026-01-19", "2026-02-12", "2026-02-16", "2026-03-31", "2026-05-25", "2026-06-19",
                         "2026-07-03", "2026-09-07", "2026-09-25", "2026-11-11", "2026-11-26", "2026-11-27", "2026-12-25"}}});
    const table_calendar& cal = *embedded_pack().find_calendar("us.ca");
    CHECK(cal.status(day("2021-12-31"), {})->name_en == "New Year's Day (observed)");  // New Year 2022 a Saturday
    CHECK(cal.status(day("2022-06-20"), {})->kind == day_kind::working);          // Juneteenth not yet (2023)
    CHECK(cal.status(day("2021-10-11"), {})->name_en == "Columbus Day");
    CHECK(cal.status(day("2022-10-10"), {})->kind == day_kind::working);
    CHECK(cal.status(day("2001-03-30"), {})->kind == day_kind::working);  // César Chávez Day from 2002
    CHECK(cal.status(day("2024-09-09"), {})->kind == day_kind::working);  // Admission Day is never one
}

TEST_CASE("au.nsw: Public Holidays Act 2010 s.4 days from its text, with the bank holiday") {
    // From the text of s.4 (as substituted from 2011-12-31): 2022 has New Year's Day on a Saturday
    // (additional Monday 01-03), Christmas on a Sunday (additional Tuesday 12-27, Boxing Day Monday
    // 12-26), the Queen's Birthday on Monday 06-13 (Aerotropolis [2023] NSWCCA 195: a period ending
    // on Saturday 2022-06-11 ran to Tuesday 06-14), and the mourning day 09-22 (s.5 order).
    check_lists("au.nsw", {{2022, {"2022-01-03", "2022-01-26", "2022-04-15", "2022-04-18", "2022-04-25", "2022-06-13",
                                   "2022-08-01", "2022-09-22", "2022-10-03", "2022-12-26", "2022-12-27"}}});
    const table_calendar& cal = *embedded_pack().find_calendar("au.nsw");
    // Australia Day 2025 a Sunday: no holiday that day, Monday 01-27 instead.
    CHECK(cal.status(day("2025-01-26"), {})->kind == day_kind::weekend);
    CHECK(cal.status(day("2025-01-27"), {})->name_en == "Australia Day");
    // Anzac Day 2021 a Sunday: no additional day.
    CHECK(cal.status(day("2021-04-26"), {})->kind == day_kind::working);
    // Easter Saturday and Sunday are public holidays too (rest days either way).
    CHECK(cal.status(day("2024-03-30"), {})->name_en == "Easter Saturday");
    CHECK(cal.status(day("2024-03-31"), {})->name_en == "Easter Sunday");
    // 2038: Easter Sunday is Anzac Day — one day, both names.
    CHECK(cal.status(day("2038-04-25"), {})->name_en == "Easter Sunday; Anzac Day");
    // Coverage starts in 2012 (the 2000-2011 days were not read).
    CHECK_FALSE(cal.status(day("2011-12-30"), {}).has_value());
}

TEST_CASE("ca.on: Legislation Act, 2006 holidays (Sundays and ss.87-88, not Saturdays)") {
    // Computed from ss.87-88 as quoted (rules/calendars/ca-on/calendar.toml): Family Day the third
    // Monday of February (from 2008), Victoria Day the Monday before 25 May, Thanksgiving the second
    // Monday of October; New Year's Day on a Sunday adds the Monday (2023-01-02); Christmas on a
    // Sunday adds the Tuesday (2016-12-27), on a Saturday the Monday (2021-12-27); Canada Day and
    // Remembrance Day on a Saturday add nothing (2023); Boxing Day adds nothing of its own.
    check_lists("ca.on", {{2016, {"2016-01-01", "2016-02-15", "2016-03-25", "2016-03-28", "2016-05-23", "2016-07-01",
                                  "2016-09-05", "2016-10-10", "2016-11-11", "2016-12-26", "2016-12-27"}},
                          {2021, {"2021-01-01", "2021-02-15", "2021-04-02", "2021-04-05", "2021-05-24", "2021-07-01",
                                  "2021-09-06", "2021-10-11", "2021-11-11", "2021-12-27"}},
                          {2023, {"2023-01-02", "2023-02-20", "2023-04-07", "2023-04-10", "2023-05-22", "2023-09-04",
                                  "2023-10-09", "2023-12-25", "2023-12-26"}}});
    const table_calendar& cal = *embedded_pack().find_calendar("ca.on");
    // A Saturday is not a holiday (nor is the Civic Holiday, the first Monday of August).
    CHECK(cal.status(day("2016-07-16"), {})->kind == day_kind::working);
    CHECK(cal.status(day("2016-07-16"), {})->working);
    CHECK(cal.status(day("2024-08-05"), {})->kind == day_kind::working);
    // Sundays are weekly rest days; a holiday on a Saturday is a holiday (Boxing Day 2026).
    CHECK(cal.status(day("2016-07-17"), {})->kind == day_kind::weekend);
    CHECK(cal.status(day("2026-12-26"), {})->name_en == "Boxing Day");
    CHECK_FALSE(cal.status(day("2026-12-26"), {})->working);
    // Canada Day on a Sunday: Monday 2 July (s.88(4)); New Year's Day 2017 on a Sunday: Monday 2 January.
    CHECK(cal.status(day("2018-07-02"), {})->name_en == "Canada Day (observed)");
    CHECK(cal.status(day("2017-01-02"), {})->name_en == "New Year's Day (observed)");
    // Family Day from 2008 (first observed Monday 2008-02-18); Victoria Day 2024 and 2025.
    CHECK(cal.status(day("2008-02-18"), {})->name_en == "Family Day");
    CHECK(cal.status(day("2008-02-18"), {})->notice == "family-day");
    CHECK(cal.status(day("2024-05-20"), {})->name_en == "Victoria Day");
    CHECK(cal.status(day("2025-05-19"), {})->name_en == "Victoria Day");
    // Coverage starts when the Legislation Act, 2006 came into force (2007-07-25).
    CHECK_FALSE(cal.status(day("2007-07-24"), {}).has_value());
    CHECK(cal.status(day("2007-09-03"), {})->name_en == "Labour Day");
    // Each holiday's authority is the calendar's notice for it (the roll step cites it).
    REQUIRE(cal.find_notice("christmas") != nullptr);
    CHECK(cal.find_notice("christmas")->title.find("Legislation Act, 2006 (Ontario)") != std::string::npos);
}

TEST_CASE("au.nsw: the Anzac Day Order 2026 declared two named days, not a standing rule") {
    const table_calendar& cal = *embedded_pack().find_calendar("au.nsw");
    CHECK(cal.status(day("2026-04-27"), {})->name_en == "Additional public holiday after Anzac Day");
    CHECK(cal.status(day("2027-04-26"), {})->name_en == "Additional public holiday after Anzac Day");
    CHECK(cal.status(day("2027-04-26"), {})->notice == "one-off:2027-04-26");
    CHECK_FALSE(cal.status(day("2027-04-26"), {})->projected);  // declared in advance: history
    // Anzac Day 2032 is a Sunday: no Monday unless another order is made (a projected year).
    CHECK(cal.status(day("2032-04-26"), {})->kind == day_kind::working);
    CHECK(cal.status(day("2032-04-26"), {})->projected);
}
