// qixian/compute.hpp — one deadline, from a rule and the dates of events.
//
// `compute` runs the data flow of ARCHITECTURE.md for one rule: select the version
// in force for the trigger day, anchor the trigger event to a legal day in the
// forum's zone, count the period under the rule's convention, roll a last day that
// is a rest day, close it at 24:00 (an exclusive bound, the next day 00:00), judge an
// act against it, and explain every step with its citation. Interruptions,
// suspensions, settlements and waivers (`tolling`) and instalments apply as the rule
// version's data allows; composites take the earliest (or latest) of their components;
// a rule with no time limit answers `time_limited = false`. Every reading of the law
// that would change the last day (or, with an act, its status) is reported under
// `alternatives`, and an answer that depends on a day outside the calendar's data is
// `provisional`. Where a reading can change which version governs (a transitional
// take-over, the day of an event or act abroad), its alternative is the whole
// computation run again under that reading.
//
// Example:
//
//   auto pack = qixian::rule_pack::load_embedded();
//   qixian::compute_request req{.rule = "cn.enforcement.application",
//                               .events = {{"effective", "2023-06-30"}},
//                               .zone = "America/New_York"};
//   auto d = qixian::compute(*pack, req);
//   // d->last_day == 2025-06-30, d->ends_at_forum == "2025-07-01T00:00:00+08:00",
//   // d->ends_at_local == "2025-06-30T12:00:00-04:00"
#pragma once

#include "qixian/calendar.hpp"
#include "qixian/civil.hpp"
#include "qixian/counting.hpp"
#include "qixian/rule_pack.hpp"
#include "qixian/trace.hpp"
#include "qixian/tz.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qixian {

/// Something that happened to a running period (INTERFACES.md "tolling").
struct tolling_event {
    enum class kind {
        interruption,         ///< a demand, an application, the debtor agreeing to perform (`at`)
        suspension,           ///< an obstacle from `from` to `to`
        settlement,           ///< a settlement on `at`, with its last day of performance `performance_due`
        agreed_after_expiry,  ///< the debtor agreed to perform on `at` (after expiry: a waiver)
    };
    kind what = kind::interruption;
    std::string at;               ///< interruption, settlement, agreed_after_expiry
    std::string from, to;         ///< suspension
    std::string performance_due;  ///< settlement (optional)
    bool third_party = false;     ///< interruption: the demand went to someone other than the debtor
};

std::string_view to_string(tolling_event::kind k) noexcept;

/// How instalments are counted where a version's text counts each one (LAW.md §1, reading 4).
enum class instalment_reading { each, last };

/// Which zone's calendar day an event abroad falls on (LAW.md §1, reading 5).
enum class event_zone_reading { forum, local };

std::string_view to_string(event_zone_reading r) noexcept;

/// A period still running when a version that takes over running periods came into
/// force (LAW.md §1, reading 3, the 2008 transition; also the 2017 limitation change):
/// counted under the new version from the original start (`takes_over`, default, as
/// the rule data says), or left to the version chosen by the trigger day (`by_trigger`).
enum class transition_reading { takes_over, by_trigger };

std::string_view to_string(transition_reading r) noexcept;

/// Which version governs a rule whose versions govern the applications made while they
/// are in force (`rule::version_by_application`, e.g. recognition of Taiwan judgments):
/// the one in force on the day of the application, the act (`application`, default, as
/// the rule data says), or the one the trigger day falls under (`trigger`).
enum class version_reading { application, trigger };

std::string_view to_string(version_reading r) noexcept;

/// What to do past the published calendar data (INTERFACES.md `calendar_policy`).
enum class calendar_policy : std::uint8_t {
    project,  ///< answer provisionally from the projected calendar, with the range (default)
    strict,   ///< errc::outside_calendar_coverage
};

std::string_view to_string(calendar_policy p) noexcept;

/// What to compute.
struct compute_request {
    std::string rule;
    /// event kind → time, in any form of INTERFACES.md ("2025-03-01", "2025-03-01T09:30",
    /// "…+08:00", "…[America/New_York]").
    std::map<std::string, std::string, std::less<>> events;
    std::map<std::string, std::string, std::less<>> facts;
    std::optional<std::string> act;  ///< when the act was done, to judge timeliness
    adjusted_weekend adjusted = adjusted_weekend::schedule;  ///< reading 1 of LAW.md §1
    /// Legacy: `provisional` (the old --provisional) is accepted and means `policy = project`.
    coverage_policy outside = coverage_policy::strict;
    /// Past the published notices: project the calendar (default) or refuse (`strict`).
    calendar_policy policy = calendar_policy::project;
    /// The notices (and versions of the holiday law) as they stood on this day; later ones
    /// are unknown, and the years they would cover are projected.
    std::optional<civil_date> calendar_as_of;
    /// Internal to the projection: count on this calendar (a projected view) instead of the
    /// pack's. Leave null.
    const table_calendar* calendar_view = nullptr;
    std::string zone;  ///< an extra zone to show the end in
    /// Which zone fixes the legal day of an act given as a time abroad (LAW.md §1,
    /// reading 5): the forum's (default) or the actor's own.
    event_zone_reading event_zone = event_zone_reading::forum;
    /// A wall-clock time that does not exist or happens twice: reject (default, an
    /// error naming both candidates), or take the earliest or latest candidate.
    tz::local_policy local_times = tz::local_policy::reject;
    /// Explain every step (the trace, with citations). Off: the same answer, no trace.
    bool trace = true;
    /// Interruptions, suspensions, settlements and waivers, applied where the rule's
    /// class (limitation) and its version's cited tolling rules allow them.
    std::vector<tolling_event> tolling;
    /// The last days of the instalments (events.instalment_due as a list).
    std::vector<std::string> instalments;
    /// Reading 2 of LAW.md §1; empty = what the version's text says.
    std::optional<suspension_reading> suspension;
    /// Reading 4 of LAW.md §1, where the request gives it; unset: each instalment under the
    /// version in force on its own due day.
    std::optional<instalment_reading> instalments_reading;
    /// Reading 3 of LAW.md §1: whether a take-over of running periods applies.
    transition_reading transition = transition_reading::takes_over;
    /// Reading 6 (qixian): for rules whose versions govern applications, the version in
    /// force on the day of the act (default) or the one of the trigger day.
    version_reading version_by = version_reading::application;
};

/// A reading of the law under which the last day would differ.
struct alternative {
    std::string reading;  ///< e.g. "adjusted_weekend=weekday"
    civil_date last_day;  ///< unset where the reading limits nothing (`time_limited` false)
    std::optional<std::string> status;  ///< with an act, where the reading changes it
    bool time_limited = true;           ///< false: under this reading no period applies at all
    std::optional<expiry_kind> expiry;  ///< where the reading changes what expiry means
};

/// One instalment's own period (versions that count each instalment).
struct instalment_result {
    civil_date due;
    civil_date last_day;                ///< unset where no period applies (`time_limited` false)
    std::optional<std::string> status;
    bool time_limited = true;
};

/// One step of the explanation (typed, qixian/trace.hpp; in words: qixian/explain.hpp),
/// with its authority.
struct trace_entry : trace_step {
    citation_list citations;
};

/// A component of a composite rule and its own last day.
struct component_result {
    std::string rule;
    std::string trigger;
    civil_date start;
    civil_date last_day;
};

/// Where an answer came from, so that it can be reproduced.
struct provenance {
    std::string engine_version;
    std::string rule_pack_digest;
    std::string calendar_digest;
    std::string calendar;            ///< calendar id
    civil_date calendar_first;       ///< calendar coverage
    civil_date calendar_last;
    std::string tz_database_version;
};

/// A computed deadline.
struct deadline {
    std::string rule;
    std::string name_zh;
    std::string name_en;
    civil_date version;                ///< valid_from of the version applied
    citation_list citations;           ///< of that version
    std::string trigger;               ///< the event kind the period runs from
    /// What `start` is: the trigger's kind, or the tolling that made the period run anew
    /// from that day ("interruption", "settlement", or "suspension" for the six months
    /// after an obstacle). Empty only for results that have no start.
    std::string start_from;
    civil_date start;                  ///< the legal day the period counts from (excluded)
    period length;
    civil_date raw_end;
    civil_date last_day;
    instant ends_at;                   ///< exclusive end
    std::string forum_zone;
    std::string ends_at_forum;         ///< RFC 3339 in the forum zone
    std::string ends_at_utc;
    std::string ends_at_local;         ///< in request.zone, if given
    std::string ends_at_local_abbrev;  ///< its zone abbreviation at that instant (EDT, EST), where known
    expiry_kind expiry = expiry_kind::bar;  ///< `none` for a court's period
    period_kind kind = period_kind::party;  ///< what the end means for an act
    std::optional<civil_date> permitted_from;  ///< waiting periods: the first day the act is allowed
    std::optional<civil_date> deemed_on;       ///< deemed periods: the day the event is deemed to happen
    bool backwards = false;                    ///< a look-back: last_day is the window's first day
    /// True when a day the answer depends on lies past the published notices (a projected
    /// year, or the last notice's December tail): `last_day` is then the best estimate.
    bool provisional = false;
    /// With `provisional`: the earliest and latest last day under every arrangement of the
    /// uncertain days (qixian/calendar_projection.hpp).
    struct day_range {
        civil_date earliest, latest;
    };
    std::optional<day_range> last_day_range;
    /// The calendar years the answer consulted, ascending.
    std::vector<int> calendar_years;
    /// Of those (and of the instalments' and components' last days), the years whose calendar
    /// data is of `secondary` confidence — the notice's text was not found and the days come from
    /// contemporary reports (rules/calendars, `confidence`), e.g. {2003}. Empty: every year the
    /// answer depends on comes from the notice's own text (`calendar_confidence` "notice_text").
    std::vector<int> secondary_calendar_years;
    /// With an act: "timely" / "late" (party), "timely" / "overdue" (court), "premature" /
    /// "permitted" (waiting), "within" / "before_window" (a look-back); "undetermined" when a
    /// provisional answer's range straddles the act.
    std::optional<std::string> status;
    std::optional<std::int32_t> days_late;
    std::vector<alternative> alternatives;
    combinator combine = combinator::none;      ///< composites: how components combined
    std::vector<component_result> components;   ///< composites: each component's last day
    std::optional<std::string> produces;        ///< the event the end produces for chains
    std::optional<civil_date> produces_on;      ///< and its legal day
    bool capped = false;                        ///< a transitional cap (ends_no_later_than) applied
    std::vector<instalment_result> instalments; ///< where each instalment has its own period
    bool waived = false;                        ///< the debtor agreed to perform after expiry
    bool extendable_by_court = false;           ///< a court may extend this period
    bool time_limited = true;                   ///< false: no period applies (the date fields are unset)
    std::vector<std::string> notes;    ///< e.g. events the rule did not use
    std::vector<trace_entry> trace;
    provenance source;
};

/// The engine's version, e.g. "0.1.0".
std::string_view engine_version() noexcept;

/// Computes one deadline. Errors: unknown_rule, missing_event, missing_fact,
/// no_version_in_force, invalid_date/invalid_time/unknown_zone (an event's time),
/// nonexistent/ambiguous_local_time, outside_calendar_coverage, …
result<deadline> compute(const rule_pack& pack, const compute_request& request);

/// The same on the published calendar data alone (or `request.calendar_view`): no projection.
result<deadline> compute_on_data(const rule_pack& pack, const compute_request& request);

}  // namespace qixian
