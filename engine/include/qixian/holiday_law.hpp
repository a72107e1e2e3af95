// qixian/holiday_law.hpp — a holiday law as rules: which days are statutory days off.
//
// A `holiday_law` holds the versions of a law such as the mainland's 全国年节及纪念日放假办法
// (1999, 2007, 2013, 2024), each with its festivals and each festival's days as rules — a fixed
// Gregorian day, a day of the Chinese lunar calendar (or the lunar new year's eve), or a solar
// term — and the article that fixes them. `statutory_days(year)` turns the rules of the version
// in force into calendar days. Lunar days and solar terms come from a `lunar_table` (data,
// rules/calendars/cn-mainland/lunar.toml), never from a run-time library.
//
// The same data drives the projection of a year that has no holiday notice yet
// (qixian/calendar_projection.hpp): `core` days a festival's block has always held, and how far
// from a statutory day a notice has bridged a weekday or made a weekend a working day.
//
// Example:
//
//   const qixian::holiday_law* law = pack.find_holiday_law("cn.mainland");
//   auto days = law->statutory_days(2027, std::nullopt);   // result<std::vector<statutory_day>>
//   // days->front(): 2027-01-01 元旦 Art. 2(1) of the 2024 version
#pragma once

#include "qixian/civil.hpp"
#include "qixian/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace qixian {

/// One lunar year: the first day of each month (12 or 13), and the year's 清明 day.
struct lunar_year {
    int year = 0;                     ///< the Gregorian year its 正月初一 falls in
    std::vector<civil_date> months;   ///< month starts in order, the leap month in its place
    int leap_month = 0;               ///< 0 = none; n = the leap month follows month n
    civil_date qingming;              ///< the 清明 solar-term day (Beijing)
    civil_date next_year;             ///< 正月初一 of the next lunar year
};

/// Lunar month starts and solar terms by Gregorian year (a contiguous run of years).
struct lunar_table {
    std::string id;
    std::string source;
    std::vector<lunar_year> years;  ///< sorted, without gaps

    const lunar_year* find(int year) const noexcept;
    /// Day `day` of lunar month `month` (not leap) of the lunar year starting in `year`.
    std::optional<civil_date> day(int year, int month, int day) const noexcept;
};

/// How a statutory day is found in a year.
struct day_rule {
    enum class kind { fixed, lunar, lunar_eve, solar_term } what = kind::fixed;
    int month = 0;     ///< fixed / lunar
    int day = 0;       ///< fixed / lunar
    std::string term;  ///< solar_term ("qingming")
};

/// A festival of one version: its statutory days, its article, and its projection core.
struct festival {
    std::string name, name_en;
    std::string article;  ///< e.g. "2(2)"
    std::vector<day_rule> days;
    /// Days (offsets from the first statutory day) every notice under the version kept as rest.
    std::optional<std::pair<int, int>> core;
};

/// One version of the law.
struct holiday_law_version {
    std::string id, title;
    civil_date valid_from;
    civil_date published;
    std::string make_up_article;  ///< the article that gives a weekday for a weekend holiday
    std::vector<festival> festivals;
};

/// A statutory day of one year.
struct statutory_day {
    civil_date day;
    const festival* of = nullptr;
    const holiday_law_version* version = nullptr;
    int index = 0;  ///< which of the festival's days (0 = the first)
};

/// How far notices reach from statutory days (from the patterns of past notices).
struct projection_reach {
    int bridge = 5;    ///< a weekday made rest lies at most this many days from a statutory day
    int working = 10;  ///< a weekend day made working lies at most this many days from one
    int tail = 10;     ///< the last days of the last notice's year that the next notice may change
    std::string citation;
};

/// A holiday law with its versions, for one calendar.
struct holiday_law {
    std::string calendar;  ///< the calendar id it applies to
    std::vector<holiday_law_version> versions;  ///< sorted by valid_from
    projection_reach reach;
    lunar_table lunar;

    /// The version in force in `year` (on 1 January), among the versions published on or
    /// before `known_on` when given; nullptr if none.
    const holiday_law_version* version_for(int year, std::optional<civil_date> known_on) const noexcept;
    /// The statutory days of `year`, sorted. errc::out_of_range naming the year when the lunar
    /// table does not cover it.
    result<std::vector<statutory_day>> statutory_days(int year, std::optional<civil_date> known_on) const;
    /// The last Gregorian year whose statutory days can be found.
    int last_year() const noexcept { return lunar.years.empty() ? 0 : lunar.years.back().year; }
};

}  // namespace qixian
