// qixian/counting.hpp — counting a period the way PRC law counts it.
//
// The counting rules (Civil Code Arts. 200–203; CPL Art. 85; SPC CPL
// Interpretation Art. 125) are applied in named steps, each a choice a rule file
// declares in its counting convention, never an implicit default:
//
//   start     the day (or hour) in which the period starts is not counted
//             (`start_day::excluded`); day, month and year periods run from the
//             next day, hour periods from the next whole hour;
//   count     months and years end on the corresponding day of the final month;
//             where there is none the `month_end` policy decides — PRC law clamps
//             to the month's last day (Art. 202): 2023-01-31 + 1 month = 2023-02-28;
//   roll      a last day that is a rest day moves to the next working day
//             (`roll_convention::next_working_day`); rest days inside the period
//             are not deducted;
//   close     the period ends at 24:00 of the last day, stored as the exclusive
//             bound "next day 00:00" (`day_end::midnight()`), or at the close of
//             business (`day_end::business_close(17h)`).
//
// Month arithmetic on a missing day never picks a policy silently: `add` has no
// default for it, and `month_end::reject` makes the ambiguity an error.
//
// Example:
//
//   using namespace qixian;
//   counting_convention cn{.id = "cn.counting", .start = start_day::excluded,
//                          .month_end_policy = month_end::clamp,
//                          .roll = roll_convention::next_working_day,
//                          .end = day_end::midnight()};
//   auto r = count(*civil_date::parse("2025-09-16"), period::of_days(15), cn, &calendar, {});
//   // r->raw_end == 2025-10-01, r->last_day == 2025-10-09 (National Day block rolled over)
#pragma once

#include "qixian/calendar.hpp"
#include "qixian/civil.hpp"
#include "qixian/period.hpp"
#include "qixian/result.hpp"
#include "qixian/trace.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qixian {

/// Whether the day on which the period starts is counted.
enum class start_day : std::uint8_t {
    excluded = 1,  ///< Civil Code Art. 201, CPL Art. 85: not counted
    included = 2,  ///< counted (other jurisdictions); a period of N days ends on day N-1 after
};

/// What month and year arithmetic does when the final month has no corresponding day.
enum class month_end : std::uint8_t {
    clamp = 1,          ///< the month's last day (Civil Code Art. 202)
    first_of_next = 2,  ///< the first day of the following month
    spill = 3,          ///< the missing days run on into the next month (Jan 31 + 1 month = Mar 3/2);
                        ///< not monotone in the start day
    reject = 4,         ///< errc::ambiguous_month_end
};

std::string_view to_string(start_day s) noexcept;
std::string_view to_string(month_end m) noexcept;

/// When the last day ends.
struct day_end {
    enum class kind : std::uint8_t { midnight, business_close };
    kind which = kind::midnight;
    std::chrono::minutes close{0};  ///< time of day for business_close

    /// 24:00 of the last day (Civil Code Art. 203 para. 2), i.e. the next day 00:00, exclusive.
    static constexpr day_end midnight() noexcept { return {}; }
    /// The close of business at `at` (e.g. 17:00) on the last day, exclusive.
    static constexpr day_end business_close(std::chrono::minutes at) noexcept {
        return day_end{kind::business_close, at};
    }
    friend constexpr bool operator==(const day_end&, const day_end&) = default;
};

/// "24:00" or "HH:MM".
std::string to_string(const day_end& e);

/// A named counting convention: everything `count` needs besides the period.
struct counting_convention {
    std::string id;                ///< e.g. "cn.counting"
    start_day start{};             ///< must be set
    month_end month_end_policy{};  ///< must be set: there is no default
    roll_convention roll = roll_convention::none;
    day_end end = day_end::midnight();
};

/// Adds the years, months and days of `p` to `from`, the day itself not counted:
/// months (years × 12 + months) first, on the corresponding day with `policy` where
/// there is none, then days. `p` may not hold hours or working days
/// (errc::invalid_period); a negative unit is allowed for backward counting.
///   add(2014-05-28, 3 months, clamp) = 2014-08-28
///   add(2023-01-31, 1 month,  clamp) = 2023-02-28; first_of_next → 2023-03-01;
///   spill → 2023-03-03; reject → errc::ambiguous_month_end
result<civil_date> add(civil_date from, const period& p, month_end policy);

/// Adds `n` months to `from`, with `policy` for a missing corresponding day.
/// `adjusted` (if given) is set to whether the policy had to act.
result<civil_date> add_months(civil_date from, std::int32_t n, month_end policy,
                              bool* adjusted = nullptr);

/// Whether a count explains itself: `full` records every step (typed, qixian/trace.hpp);
/// `none` computes the same days without recording them.
enum class trace_detail : std::uint8_t { full, none };

/// A period counted in days, months or years.
struct day_count {
    civil_date start;          ///< the trigger day (excluded from the count under start_day::excluded)
    civil_date raw_end;        ///< the end of the count, before rolling
    civil_date last_day;       ///< after rolling off rest days
    local_time ends_before;    ///< the exclusive end on the forum's wall clock
    bool month_end_adjusted = false;  ///< the final month had no corresponding day
    bool provisional = false;  ///< a day consulted lay outside the calendar's data
    std::vector<trace_step> trace;  ///< start, count, roll, close (no citations: compute adds them)
};

/// Counts `p` from the legal day `start` under `convention`. A calendar is needed
/// when the convention rolls or the period has working days (else
/// errc::invalid_request); hour periods go to `count_hours`.
result<day_count> count(civil_date start, const period& p, const counting_convention& convention,
                        const work_calendar* calendar, const calendar_query& q,
                        trace_detail detail = trace_detail::full);

/// The roll and close steps alone: rolls `c.raw_end` under `convention` and sets
/// `last_day`, `ends_before` and the trace's roll and close steps. `count` ends with it;
/// a caller that changes the raw end (a transitional cap) settles again.
result<day_count> settle(day_count c, const counting_convention& convention, const work_calendar* calendar,
                         const calendar_query& q, trace_detail detail = trace_detail::full);

/// A period counted in hours.
struct hour_count {
    local_time start;        ///< the trigger time
    local_time counted_from; ///< the next whole hour (the hour of the start is not counted)
    local_time ends_before;  ///< counted_from + hours, exclusive
};

/// Counts an hour period from the wall-clock time `start` (SPC CPL Interpretation
/// Art. 125): counting begins at the next whole hour — 10:25 → 11:00, and 10:00
/// → 11:00, the hour of the start not being counted — and ends `p.hours` later.
/// `p` must hold hours only (errc::invalid_period). Hour counting is on the wall
/// clock; the tz layer reports a result that falls into a clock change.
result<hour_count> count_hours(local_time start, const period& p);

/// The exclusive end of `last_day` under `end`: the next day 00:00 for midnight,
/// else `last_day` at the close of business.
local_time end_of(civil_date last_day, const day_end& end) noexcept;

}  // namespace qixian
