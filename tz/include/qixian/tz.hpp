// qixian/tz.hpp — the only bridge between legal days and instants.
//
// A legal day is a calendar day in a court's zone; an instant is a point in time.
// Converting between them needs a time zone, and only this layer does it (over the
// system tz database that Debian's `tzdata` package keeps current, read through
// Howard Hinnant's date/tz — no other qixian code includes date/tz.h).
//
// A wall-clock time that a clock change skipped (Asia/Shanghai 1986-05-04 02:30) or
// repeated (1986-09-14 01:30) is an error naming both candidate instants, unless the
// caller chose a `local_policy`. The candidates of a skipped time are the reading taken
// with the offset before the change and with the offset after it (cctz's SKIPPED);
// those of a repeated time are its two occurrences. Lookups and conversions never throw.
//
// Example:
//
//   auto sh = qixian::tz::locate("Asia/Shanghai");                    // result<zone>
//   auto end = qixian::tz::to_instant(qixian::start_of(day_after_last), *sh,
//                                     qixian::tz::local_policy::reject);  // result<instant>
//   auto ny = qixian::tz::locate("America/New_York");
//   std::cout << qixian::tz::format(*end, *ny);   // 2025-06-30T12:00:00-04:00
//   std::cout << qixian::tz::database_version();  // e.g. 2026f
#pragma once

#include "qixian/civil.hpp"
#include "qixian/result.hpp"

#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace qixian::tz {

/// A zone of the system tz database. Cheap to copy; valid for the program's life.
class zone {
public:
    /// The IANA name, e.g. "Asia/Shanghai".
    std::string_view name() const noexcept;
    friend bool operator==(const zone& a, const zone& b) noexcept { return a.zone_ == b.zone_; }

private:
    friend result<zone> locate(std::string_view);
    friend const date::time_zone* native(const zone&) noexcept;
    explicit zone(const date::time_zone* z) noexcept : zone_(z) {}
    const date::time_zone* zone_;
};

/// The zone with this IANA name, or errc::unknown_zone.
result<zone> locate(std::string_view name);

/// The version of the system tz database (first line of tzdata.zi, e.g. "2026f"),
/// or "unknown" when it cannot be read.
const std::string& database_version();

/// What to do with a wall-clock time that does not exist or happens twice.
enum class local_policy {
    reject,    ///< errc::nonexistent_local_time / errc::ambiguous_local_time, naming both candidates
    earliest,  ///< the earlier candidate instant
    latest,    ///< the later candidate instant (for a skipped time: read with the offset before the change)
};

/// The instant of wall-clock time `t` in zone `z`.
result<instant> to_instant(local_time t, const zone& z, local_policy policy);

/// The wall-clock time of instant `i` in zone `z`.
local_time to_local(instant i, const zone& z);

/// The legal day on which instant `i` falls in zone `z`.
civil_date legal_day(instant i, const zone& z);

/// `YYYY-MM-DDTHH:MM:SS±HH:MM` of instant `i` in zone `z` (RFC 3339).
std::string format(instant i, const zone& z);

/// The zone's abbreviation at instant `i`, e.g. "CST", "EDT".
std::string abbreviation(instant i, const zone& z);

/// `YYYY-MM-DDTHH:MM:SSZ`.
std::string format_utc(instant i);

/// A time as a user wrote it, in one of the forms of INTERFACES.md ("Times").
struct moment {
    enum class form {
        legal_day,    ///< `2025-03-01`: a legal day in the forum's zone
        forum_local,  ///< `2025-03-01T09:30[:15]`: a wall-clock time in the forum's zone
        offset,       ///< `…Z`, `…+08:00`, `…-05:00`: an instant
        zoned,        ///< `2025-03-01T21:30[America/New_York]`: a wall-clock time in that zone
    };
    form kind = form::legal_day;
    civil_date day;           ///< legal_day: the day; otherwise the wall-clock day as written
    local_time local;         ///< the wall-clock time as written (forum_local, offset, zoned)
    std::chrono::seconds utc_offset{0};  ///< offset form
    std::string zone;         ///< zoned form: the IANA name
    std::string text;         ///< as given
};

/// Parses any time form of INTERFACES.md; errors say which part is wrong
/// (errc::invalid_date, errc::invalid_time, errc::unknown_zone).
result<moment> parse_moment(std::string_view text);

/// The instant of a moment; a forum-local time is read in `forum`. A legal day has no
/// instant: its start (00:00 in the forum) is returned.
result<instant> instant_of(const moment& m, const zone& forum, local_policy policy);

/// The legal day of a moment in the forum's zone.
result<civil_date> legal_day_of(const moment& m, const zone& forum, local_policy policy);

}  // namespace qixian::tz
