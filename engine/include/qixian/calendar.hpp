// qixian/calendar.hpp — which days are working days, and where the data ends.
//
// A `work_calendar` answers one question per day: is it a working day, and why
// (an ordinary working day, a weekly rest day, a holiday, or a weekend day the
// schedule made a working day — 调休上班 — with the holiday's name and the notice
// that set it). Calendars are immutable values; they know the range of days their
// data covers, and a question about a day outside it is an error
// (errc::outside_calendar_coverage) unless the caller asked for a provisional
// answer, which is then flagged (`day_status::provisional`) — never a silent
// weekends-only guess.
//
// Two readings of the law (LAW.md §1, open reading 1) decide whether a weekend day
// made a working day counts as a working day for rolling a deadline:
// `adjusted_weekend::schedule` (default: the State Council schedule decides) and
// `adjusted_weekend::weekday` (every Saturday and Sunday is a rest day).
//
// `table_calendar` (qixian/table_calendar.hpp) is the data-driven implementation.
//
// Example:
//
//   qixian::calendar_query q{.reading = qixian::adjusted_weekend::schedule};
//   auto s = cal.status(*qixian::civil_date::parse("2026-02-28"), q);
//   if (s) std::cout << s->working << ' ' << s->name << '\n';   // true 春节调休 (a working Saturday)
//   auto r = qixian::roll(day, qixian::roll_convention::next_working_day, cal, q);
#pragma once

#include "qixian/civil.hpp"
#include "qixian/result.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace qixian {

/// What a day is, by the calendar's data.
enum class day_kind : std::uint8_t {
    working,           ///< an ordinary working day
    weekend,           ///< a weekly rest day
    holiday,           ///< a rest day of a holiday block (法定休假日 and the days joined to it)
    adjusted_working,  ///< a weekly rest day made a working day (调休上班)
};

std::string_view to_string(day_kind k) noexcept;

/// Whether a weekend day made a working day counts as working (LAW.md §1, reading 1).
enum class adjusted_weekend : std::uint8_t {
    schedule,  ///< the State Council schedule decides (default)
    weekday,   ///< every Saturday and Sunday is a rest day
};

std::string_view to_string(adjusted_weekend r) noexcept;

/// What to do about a day outside the calendar's data.
enum class coverage_policy : std::uint8_t {
    strict,       ///< errc::outside_calendar_coverage (default)
    provisional,  ///< answer from the weekly rest days alone, flagged provisional
};

/// How a question to a calendar is to be answered.
struct calendar_query {
    adjusted_weekend reading = adjusted_weekend::schedule;
    coverage_policy outside = coverage_policy::strict;
    /// Answer with the notices as they stood on this day (a notice counts from its
    /// publication); empty = every notice in the data.
    std::optional<civil_date> as_of;
};

/// The answer for one day.
/// The `notice` of a day projected from the holiday law past the published notices (a day no
/// notice has set yet; qixian/calendar_projection.hpp).
inline constexpr std::string_view projection_notice = "projection";

struct day_status {
    civil_date day;
    day_kind kind = day_kind::working;
    bool working = true;       ///< under the query's reading
    bool provisional = false;  ///< outside the data: from the weekly rest days alone
    std::string_view name;     ///< holiday or adjusted-working-day name ("" for ordinary days)
    std::string_view name_en;  ///< the holiday's English name, where the data gives one
    std::string_view notice;   ///< id of the notice that set it ("" for ordinary days)
    /// A day past the data's history, classed by the calendar's rules alone (a rule calendar,
    /// qixian/rule_calendar.hpp): `caveat` says what cannot be foreseen.
    bool projected = false;
    std::string_view caveat;
    bool by_rule = false;  ///< `notice` is the rule of a rule calendar that placed the day, not a notice
};

/// Whether a day of this kind is a working day under a reading.
constexpr bool is_working(day_kind k, adjusted_weekend reading) noexcept {
    switch (k) {
        case day_kind::working: return true;
        case day_kind::adjusted_working: return reading == adjusted_weekend::schedule;
        case day_kind::weekend:
        case day_kind::holiday: return false;
    }
    return false;
}

/// The calendar interface. Implementations are immutable and safe to share
/// between threads.
class work_calendar {
public:
    virtual ~work_calendar() = default;

    /// Stable id, e.g. "cn.mainland".
    virtual std::string_view id() const noexcept = 0;

    /// First and last day the data covers (inclusive).
    virtual civil_date coverage_first() const noexcept = 0;
    virtual civil_date coverage_last() const noexcept = 0;

    /// The status of day `d`. Outside coverage: errc::outside_calendar_coverage,
    /// or a provisional answer if `q.outside == coverage_policy::provisional`.
    virtual result<day_status> status(civil_date d, const calendar_query& q) const = 0;

    /// The first working day on or after `d`. The default walks day by day
    /// (at most 400 days); implementations may answer faster.
    virtual result<day_status> first_working_day_from(civil_date d,
                                                      const calendar_query& q) const;

    /// The `n`-th working day after `d` (d itself not counted), n ≥ 0; n = 0 gives
    /// `d` itself. The default walks day by day; implementations may answer faster.
    virtual result<day_status> add_working_days(civil_date d, std::int32_t n,
                                                const calendar_query& q) const;

    bool covers(civil_date d) const noexcept {
        return coverage_first() <= d && d <= coverage_last();
    }

protected:
    work_calendar() = default;
    work_calendar(const work_calendar&) = default;
    work_calendar& operator=(const work_calendar&) = default;
};

/// What to do with a last day that is a rest day (named in every counting convention).
enum class roll_convention : std::uint8_t {
    none,                  ///< keep the day
    next_working_day,      ///< CPL Art. 85, Civil Code Art. 203: the first working day after the rest
    previous_working_day,  ///< the last working day before the rest (other jurisdictions)
};

std::string_view to_string(roll_convention r) noexcept;

/// The outcome of rolling one day.
struct rolled_day {
    civil_date day;            ///< the day after rolling
    std::int32_t moved = 0;    ///< calendar days moved (0 when `day` was a working day)
    bool provisional = false;  ///< some day consulted lay outside the calendar's data
    bool projected = false;    ///< some day consulted was projected by a rule calendar's rules
    day_status original;       ///< the status of the day before rolling
};

/// Rolls `d` by `convention` against `cal`. roll_convention::none never consults
/// the calendar.
result<rolled_day> roll(civil_date d, roll_convention convention, const work_calendar& cal,
                        const calendar_query& q);

}  // namespace qixian
