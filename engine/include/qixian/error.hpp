// qixian/error.hpp — what went wrong in a computation, as a value.
//
// Every failure of a query (as opposed to a rule file, see diagnostics.hpp) is an
// `error`: a code from the closed set `errc`, a message a person can act on, and
// the input that caused it. Each code has a stable spelling (`to_string`), used in
// JSON output, and a distinct process exit status (`exit_status`) used by the CLI.
//
// Example:
//
//   auto d = qixian::add(start, qixian::period::months(1), qixian::month_end::reject);
//   if (!d && d.error().code == qixian::errc::ambiguous_month_end)
//       std::cout << d.error().message;   // "2023-01-31 + 1 month: February 2023 has no day 31 ..."
#pragma once

#include <string>
#include <string_view>

namespace qixian {

/// The closed set of query errors. Values are never renumbered.
enum class errc : int {
    invalid_date = 1,          ///< text is not a date, or names a day that does not exist (2023-02-29)
    invalid_time = 2,          ///< text is not a time of day / date-time in a known form
    invalid_period = 3,        ///< a period that cannot be applied (e.g. hours to a civil date)
    out_of_range = 4,          ///< a date outside the supported years 0001–9999
    ambiguous_month_end = 5,   ///< month arithmetic hit a missing day under month_end::reject
    outside_calendar_coverage = 6,  ///< a calendar was asked about a day beyond its data
    no_working_day = 7,        ///< no working day within the search limit of a roll
    nonexistent_local_time = 8,     ///< a local time skipped by a clock change (DST gap)
    ambiguous_local_time = 9,       ///< a local time that happens twice (DST overlap)
    unknown_zone = 10,         ///< not an IANA zone name in the system tz database
    unknown_rule = 11,         ///< no rule with that id in the loaded pack
    no_version_in_force = 12,  ///< the rule has no version for the trigger day
    missing_event = 13,        ///< the rule needs an event the request does not give
    invalid_request = 14,      ///< a request that is malformed in some other way
    rules_invalid = 15,        ///< the rule pack failed to load (see its diagnostics)
    io_error = 16,             ///< a file could not be read or written
    missing_fact = 17,         ///< the rule's period depends on a fact the request does not give
    invalid_duration = 18,     ///< an ad-hoc period that is not an ISO 8601 duration the engine counts
    unknown_convention = 19,   ///< no counting convention with that id in the loaded pack
    conflicting_request = 20,  ///< a request naming both a rule and an ad-hoc convention/period
};

/// Stable spelling of an error code, e.g. "ambiguous_month_end".
std::string_view to_string(errc code) noexcept;

/// Process exit status the CLI uses for this error (distinct per code, 10 + code).
int exit_status(errc code) noexcept;

/// A query error: what (code), why (message, naming the offending input), and the input.
struct error {
    errc code = errc::invalid_request;
    std::string message;
    std::string subject;  ///< the offending input as given (a date, a zone, a rule id), if any
};

/// Builds an error. `subject` is the offending input as the user wrote it.
error make_error(errc code, std::string message, std::string subject = {});

}  // namespace qixian
