// qixian/rule_calendar.hpp — a forum's court calendar from holiday rules, with history and projection.
//
// Most forums fix their holidays by rule, not by a yearly notice: a fixed date with an
// observed-day rule (5 U.S.C. §6103(b): a Saturday holiday is observed on the Friday before,
// a Sunday one on the Monday after), the nth or last weekday of a month, a day counted from
// Easter. A `rule_calendar_data` holds those rules — each with the years it applies and its
// citation — and the one-off days a proclamation or order added or took away (the 2022
// State Funeral in England and Wales; the May Day bank holiday of 2020 moved to VE Day),
// each dated and cited.
//
// `build_rule_calendar` expands the rules into a `table_calendar` (so every query is the
// table's O(1) answer) over [first, last]. Days up to `history_last` are history: the rules
// and every one-off day known. Later days are projected by the rules alone: their status
// carries `projected = true` and the caveat that one-off closures cannot be foreseen.
//
// Example:
//
//   qixian::rule_calendar_data d{.id = "us.federal", .first = …, .history_last = …, .last = …,
//       .weekly_rest = {{.valid_from = …, .days = qixian::sat_sun}},
//       .holidays = {{.id = "independence", .name = "Independence Day",
//                     .date = {.kind = qixian::holiday_date_kind::fixed, .month = 7, .day = 4},
//                     .observed = qixian::observance::fri_or_mon, .citation = "5 U.S.C. §6103(a)"}}};
//   auto cal = qixian::build_rule_calendar(d);                // result<table_calendar>
//   auto s = cal->status(*qixian::civil_date::parse("2026-07-03"), {});
//   // s->kind == day_kind::holiday, s->name == "Independence Day (observed)"
//   qixian::easter_sunday(2024);                              // 2024-03-31
#pragma once

#include "qixian/civil.hpp"
#include "qixian/result.hpp"
#include "qixian/table_calendar.hpp"

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qixian {

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus of 1876, as given by
/// Meeus). Years 1583–9999.
civil_date easter_sunday(int year) noexcept;

/// How a holiday's date is found in a year.
enum class holiday_date_kind : std::uint8_t {
    fixed,        ///< month and day
    nth_weekday,  ///< the nth (1–5) or last (nth = -1) `weekday` of `month`
    easter,       ///< `offset` days from Easter Sunday (Good Friday −2, Easter Monday +1)
};

/// A holiday's date rule; `offset` days are added after the rule (the Tuesday after the
/// first Monday of November: nth_weekday 1 Monday + 1).
struct holiday_date_rule {
    holiday_date_kind kind = holiday_date_kind::fixed;
    unsigned month = 1;
    unsigned day = 1;        ///< fixed
    unsigned weekday = 1;    ///< nth_weekday: ISO weekday, 1 = Monday … 7 = Sunday
    int nth = 1;             ///< nth_weekday: 1–5, or -1 for the last
    int offset = 0;          ///< days added (easter: from Easter Sunday)
};

/// What happens when a holiday falls on a Saturday or Sunday.
enum class observance : std::uint8_t {
    none,              ///< nothing (the day stays a holiday)
    fri_or_mon,        ///< Saturday → also the Friday before; Sunday → also the Monday after
    sunday_to_monday,  ///< Sunday → also the Monday after; Saturday not moved (NY GCL §24)
    substitute,        ///< Saturday or Sunday → also the next weekday not already a holiday
    moved_to_monday,   ///< Saturday or Sunday → the next Monday instead: the weekend day is no holiday
};

std::string_view to_string(observance o) noexcept;

/// A holiday given by a rule, for the years [first_year, last_year].
struct holiday_rule {
    std::string id;    ///< unique within the calendar
    std::string name;     ///< in English, as the statute names it
    holiday_date_rule date;
    observance observed = observance::none;
    int first_year = INT_MIN;
    int last_year = INT_MAX;
    std::string citation;  ///< the authority, as text
    std::string name_zh;   ///< in Chinese ("": the English name serves both)
};

/// A day a proclamation or order closed (`closed`), or a rule's day it took away (not closed:
/// the 2020 early May bank holiday, moved from Monday 4 May to Friday 8 May).
struct one_off_day {
    civil_date day;
    std::string name;
    bool closed = true;
    std::string citation;
    std::string name_zh;  ///< in Chinese ("": the English name serves both)
};

/// Everything a rule calendar is built from.
struct rule_calendar_data {
    std::string id;
    std::string name;
    civil_date first;         ///< coverage, inclusive
    civil_date history_last;  ///< the last day whose one-off days are known
    civil_date last;          ///< the last day projected by the rules
    std::vector<weekly_rest_rule> weekly_rest;
    std::vector<holiday_rule> holidays;
    std::vector<one_off_day> one_offs;
};

/// One holiday as the rules and one-off days give it.
struct dated_holiday {
    civil_date day;
    std::string name;     ///< "Independence Day (observed)" for a day the observance added
    std::string source;   ///< the rule id, or "one-off:YYYY-MM-DD"
    bool observed = false;
    std::string name_zh;  ///< "独立日（补假）"; the English name where the data gives no Chinese
};

/// The holidays the rules give for `year` (an observed day may fall in the year before or
/// after: New Year's Day 2022, a Saturday, is observed on Friday 2021-12-31), with the one-off
/// days of that year applied. Sorted by day; two holidays on one day share it ("A; B").
/// Errors: invalid_request when a one-off "not closed" day takes away no rule's day.
result<std::vector<dated_holiday>> holidays_of_year(const rule_calendar_data& data, int year);

/// The caveat a projected day carries.
inline constexpr std::string_view projected_caveat =
    "projected by the calendar's rules: one-off closures (proclaimed, mourning or emergency days) cannot be "
    "foreseen";

/// Expands the rules into a table_calendar over [first, last]; days after history_last are
/// projected. Each rule and one-off day is a notice of the table (its id, with the citation as
/// the title). Errors: invalid_request naming the first inconsistency (a one-off day after
/// history_last or outside coverage, a one-off that takes away nothing, coverage out of order).
result<table_calendar> build_rule_calendar(const rule_calendar_data& data);

}  // namespace qixian
