// qixian/civil.hpp — legal days and instants, kept apart.
//
// A *legal day* (`civil_date`) is a day on a court's wall calendar: "2025-06-30"
// in Beijing. It is not a point in time and never converts to one implicitly:
// turning it into an instant needs a time zone, and only the tz layer
// (qixian/tz.hpp) does that. Internally it is a `date::local_days` serial (days
// since 1970-01-01 on the proleptic Gregorian calendar), so day arithmetic is an
// integer addition; fields (year, month, day) are computed only for people.
//
// A `civil_date` is always valid: it can only be made from a serial or through
// `from_ymd`/`parse`, which reject days that do not exist (2023-02-29). The
// supported years are 0001–9999.
//
// An *instant* is a point on the UTC time line (`instant`, seconds). A *local
// time* (`local_time`) is a wall-clock reading in some zone that the type does not
// name; hour periods are counted on it.
//
// Example:
//
//   auto d = qixian::civil_date::parse("2024-02-29");          // result<civil_date>
//   qixian::civil_date next = qixian::add_calendar_days(*d, 1); // 2024-03-01
//   std::cout << next << ' ' << next.weekday_name() << '\n';    // 2024-03-01 Fri
#pragma once

#include "qixian/result.hpp"
#include "qixian/error.hpp"

#include <date/date.h>

#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace qixian {

/// A point on the UTC time line, in seconds (date::sys_seconds).
using instant = date::sys_seconds;

/// A wall-clock date-time in a zone the type does not name (date::local_seconds).
using local_time = date::local_seconds;

/// A legal day: a calendar day, always valid, years 0001–9999.
class civil_date {
public:
    /// 1970-01-01. Prefer `from_ymd` or `parse`.
    constexpr civil_date() noexcept = default;

    /// The day with this serial number (days since 1970-01-01). The caller
    /// guarantees the serial lies in years 0001–9999 (see `in_range`).
    static constexpr civil_date from_serial(std::int32_t serial) noexcept {
        civil_date d;
        d.days_ = date::local_days{date::days{serial}};
        return d;
    }

    /// The day Y-M-D, or errc::invalid_date (no such day) / errc::out_of_range.
    static result<civil_date> from_ymd(int year, unsigned month, unsigned day);

    /// Parses exactly `YYYY-MM-DD`; errc::invalid_date names what is wrong.
    static result<civil_date> parse(std::string_view text);

    /// The first and last supported days: 0001-01-01 and 9999-12-31.
    static civil_date min() noexcept;
    static civil_date max() noexcept;

    /// True if `serial` names a day in the supported years.
    static bool in_range(std::int64_t serial) noexcept;

    constexpr std::int32_t serial() const noexcept {
        return static_cast<std::int32_t>(days_.time_since_epoch().count());
    }
    constexpr date::local_days local_days() const noexcept { return days_; }
    date::year_month_day ymd() const noexcept { return date::year_month_day{days_}; }

    int year() const noexcept;
    unsigned month() const noexcept;
    unsigned day() const noexcept;
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    unsigned iso_weekday() const noexcept;
    /// "Mon" … "Sun".
    std::string_view weekday_name() const noexcept;
    bool is_saturday_or_sunday() const noexcept { return iso_weekday() >= 6; }

    /// `YYYY-MM-DD`.
    std::string to_string() const;
    /// Writes `YYYY-MM-DD` (exactly `text_size` characters, no terminator) at `out`
    /// and returns the end: for writers that format millions of dates.
    ///
    ///     char buf[civil_date::text_size];
    ///     std::string_view(buf, d.to_chars(buf) - buf);  // "2024-02-29"
    static constexpr std::size_t text_size = 10;
    char* to_chars(char* out) const noexcept;

    friend constexpr bool operator==(civil_date, civil_date) noexcept = default;
    friend constexpr auto operator<=>(civil_date a, civil_date b) noexcept {
        return a.serial() <=> b.serial();
    }

private:
    date::local_days days_{};
};

std::ostream& operator<<(std::ostream& os, civil_date d);

/// `d` moved by `n` calendar days (negative goes back). The caller keeps the
/// result in range; use `checked_add_calendar_days` when it may not be.
constexpr civil_date add_calendar_days(civil_date d, std::int32_t n) noexcept {
    return civil_date::from_serial(d.serial() + n);
}

/// `d` moved by `n` calendar days, or errc::out_of_range.
result<civil_date> checked_add_calendar_days(civil_date d, std::int64_t n);

/// Calendar days from `a` to `b` (positive when b is later).
constexpr std::int32_t calendar_days_between(civil_date a, civil_date b) noexcept {
    return b.serial() - a.serial();
}

/// The last day of the month containing `d`.
civil_date last_day_of_month(civil_date d) noexcept;

/// Parses a wall-clock time `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`
/// (no offset, no zone); errc::invalid_time or errc::invalid_date say what is wrong.
result<local_time> parse_local_time(std::string_view text);

/// `YYYY-MM-DDTHH:MM:SS`; a time outside the years 0001–9999 with the year as it is
/// ("10000-01-01T11:59:59", "-0001-12-31T00:00:00").
std::string to_string(local_time t);

/// Writes `YYYY-MM-DDTHH:MM:SS` (exactly `local_time_text_size` characters, no
/// terminator) at `out` and returns the end, like `civil_date::to_chars`. The caller
/// keeps `t` within the years 0001–9999 (to_string writes any time).
inline constexpr std::size_t local_time_text_size = 19;
char* to_chars(char* out, local_time t) noexcept;

/// The legal day a wall-clock time falls on. The caller keeps `t` within the years
/// 0001–9999 (tz::legal_day_of checks a moment and says out_of_range).
civil_date day_of(local_time t) noexcept;

/// 00:00 at the start of `d`, on the wall clock.
local_time start_of(civil_date d) noexcept;

}  // namespace qixian
