// qixian/trace.hpp — the explanation of a deadline, as data.
//
// Every step the engine takes is recorded as a `trace_step` (in an answer, a `trace_entry` with its citations): what kind of step it was
// (`trace_kind`), why it came out as it did (`trace_reason`), the values it worked with
// (days, counts, the rest day's name and the notice that made it one, the reading of the
// law applied) and the authority it rests on. The engine never writes a sentence: one
// renderer, `describe` (qixian/explain.hpp), turns an entry into English or Chinese, and the
// CLI's text, the JSON `detail`, the ICS description and the docket all call it. A program
// reads the typed fields and need not parse prose. docs/TRACE.md lists every kind, every
// reason and the fields each one sets.
//
// Example:
//
//   auto d = qixian::compute(*pack, {.rule = "cn.enforcement.application",
//                                    .events = {{"effective", "2024-02-29"}}});
//   for (const qixian::trace_entry& t : d->trace)
//       if (t.reason == qixian::trace_reason::rest_day)
//           std::cout << *t.from << " is " << t.holiday << ", moved " << *t.days << " days\n";
//   std::cout << qixian::describe(d->trace[2], qixian::language::zh) << '\n';
//   // + 2年 -> 2026-02-28（最后一个月没有对应日：按月末规则 clamp 取 2026-02-28）
#pragma once

#include "qixian/civil.hpp"
#include "qixian/period.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qixian {

/// The stage a step belongs to, in the order of ARCHITECTURE.md's data flow.
enum class trace_kind : std::uint8_t {
    select,       ///< the version of the rule, and what chose it
    anchor,       ///< the trigger event as a legal day
    transition,   ///< a later version taking over a running period (or not)
    start,        ///< whether the start day is counted
    count,        ///< the period added (or counted back, or in hours, or capped)
    toll,         ///< an interruption, suspension, settlement or waiver
    roll,         ///< a last day that is a rest day, moved
    close,        ///< the exclusive end of the last day
    compose,      ///< a composite's components and the one that governs
    instalments,  ///< each instalment's own period
    project,      ///< the calendar past the published notices, projected
    judge,        ///< an act against the end
};

std::string_view to_string(trace_kind k) noexcept;

/// Why a step came out as it did: one code per distinct outcome (docs/TRACE.md).
enum class trace_reason : std::uint8_t {
    // select
    version,                 ///< the version in force (`chosen_by` says what chose it)
    untimed_claim,           ///< this version does not limit the claim the facts name
    untimed_rule,            ///< the rule's version sets no time limit at all
    adhoc,                   ///< an ad-hoc period under a convention (no statute's version)
    // anchor
    anchored,                ///< the same legal day in the forum and where the event happened
    anchored_forum_day,      ///< abroad: the forum's day (`other_day`: the day where it happened)
    anchored_local_day,      ///< abroad, reading event_zone=local (`other_day`: the forum's day)
    anchored_other_forum,    ///< a component counted in another forum: its end on this forum's day
    // transition
    taken_over,              ///< still running when the later version came into force: it governs
    kept_by_trigger,         ///< still running, but reading transition=by_trigger keeps the earlier text
    ended_before,            ///< it ended before the later version came into force
    // start
    start_excluded,          ///< the start day is not counted (Civil Code Art. 201)
    start_included,          ///< the start day is counted as the first day
    // count
    counted,                 ///< days or working days added
    counted_corresponding,   ///< months or years, to the corresponding day
    counted_month_end,       ///< months or years, no corresponding day: the month-end policy
    counted_back,            ///< a look-back: the window's first day
    counted_hours,           ///< hours, from the next whole hour
    capped,                  ///< the version's latest end cut the count
    // roll
    working_day,             ///< the last day is a working day: no change
    rest_day,                ///< the last day is a rest day: moved
    // close
    closed,                  ///< the end of the last day
    // toll
    toll_not_applied,        ///< this class of period is not suspended or interrupted
    suspension_outside,      ///< a suspension outside the last six months: no effect
    suspension_six_months,   ///< Civil Code Art. 194: ends six months after the obstacle ends
    suspension_resumed,      ///< reading suspension=resume: the period stood still, then ran on
    third_party_demand,      ///< a demand to a third party does not interrupt
    toll_after_end,          ///< the event came after the period ended: no effect
    toll_before_start,       ///< the event came before the period began: no effect
    interrupted,             ///< an interruption: the period runs anew
    agreed_to_perform,       ///< the debtor agreed to perform before expiry: it runs anew
    settlement,              ///< a settlement interrupts: the period runs anew from it
    settlement_performance_due,  ///< not performed: anew from its last day of performance
    settlement_own_day,      ///< the text then in force restarts from the settlement itself
    waived,                  ///< agreed to perform after expiry: the defence is waived
    waiver_no_effect,        ///< agreed after expiry, but expiry is not a defence
    // compose, instalments, project
    composed,                ///< earliest_of / latest_of over the components (`items`)
    reading_applied,         ///< a composite's declared reading: its value, the components left out
    instalments_each,        ///< each instalment under the version of its own due day (`items`)
    projected,               ///< the last day lies in a projected calendar year
    // judge
    judged,                  ///< the act against the end: `status`
    late,                    ///< late by `days` days
    late_court,              ///< a court's period: overdue, the act stays valid
    late_defence,            ///< late; expiry is a defence the debtor may raise
    late_waived,             ///< late; the defence was waived
    premature,               ///< a waiting period: the act is allowed only from `from`
    permitted,               ///< a waiting period that has run: the act is allowed
    no_time_limit,           ///< no period applies: timely
};

std::string_view to_string(trace_reason r) noexcept;

/// What chose a version (select).
enum class chosen_by : std::uint8_t {
    trigger_day,      ///< the day of the trigger event
    application_day,  ///< the day of the application (versions that govern applications)
    transition,       ///< a later version took the running period over (the trigger day is earlier)
    act_day,          ///< the day of the act (a rule without a time limit, no trigger given)
    now,              ///< nothing given: the version now in force
};

std::string_view to_string(chosen_by c) noexcept;

/// One line of a list a step carries: a fact not given and what it would have chosen, an
/// instalment, a component of a composite.
struct trace_item {
    std::string name;                    ///< the fact, or the component's rule id
    std::string value;                   ///< the fact's value, the component's trigger, the instalment's status
    std::optional<period> length;        ///< the period that fact would choose (unset: no time limit)
    std::optional<civil_date> start;     ///< the component's start; the instalment's due day
    std::optional<civil_date> last_day;  ///< unset: no time limit
    bool flag = false;  ///< instalment: its own period; component: beyond the calendar's data
                        ///< (`last_day` is then its raw end)
};

/// One step of the explanation. Only the fields its reason uses are set (docs/TRACE.md);
/// `trace_entry` (qixian/compute.hpp) adds the step's authority.
struct trace_step {
    trace_kind kind = trace_kind::select;
    trace_reason reason = trace_reason::version;
    std::optional<civil_date> on;        ///< the day the step is about (trigger, act, event, last day)
    std::optional<civil_date> from;      ///< a span's first day, or the day before a change
    std::optional<civil_date> to;        ///< a span's last day, or the day after a change
    std::optional<civil_date> other_day; ///< a second day of interest (see docs/TRACE.md)
    std::optional<civil_date> last_day;  ///< the last day the step produced
    std::optional<civil_date> valid_from, valid_until;  ///< a version's range (select, transition)
    std::optional<local_time> from_time, to_time;       ///< hour counts; the exclusive end (close)
    std::optional<period> length;
    std::optional<std::int32_t> days;    ///< days moved, paused or late
    std::string event;    ///< an event kind, a tolling kind, the governing component's rule id
    std::string written;  ///< the time as written in the request (anchor)
    std::string zone;     ///< the forum's zone (anchor, adhoc)
    std::string other_zone;  ///< the zone of the forum a component was counted in (anchored_other_forum)
    std::string holiday;  ///< the rest day's name (roll; in Chinese where the data has it), a note of the authority (select)
    std::string holiday_en;  ///< the rest day's English name, where the data gives one (roll)
    std::string notice;   ///< the id of the notice that made it a rest day (roll)
    std::string holiday_rule;      ///< the rule of a forum's rule calendar that placed the rest day (roll)
    std::string holiday_citation;  ///< that rule's authority, as the calendar cites it (roll)
    std::string_view day_kind;   ///< working, weekend, holiday, adjusted_working (roll)
    std::string_view policy;     ///< month_end policy (count), combinator (compose), tolling class
    std::string_view status;     ///< the verdict (judge), the expiry kind (waiver_no_effect)
    std::optional<qixian::chosen_by> chosen_by;  ///< select
    std::optional<std::int32_t> day_ends;  ///< close: minutes after 00:00 the last day ends (1440: 24:00)
    bool start_counted = false;  ///< count: the start day was counted (other jurisdictions)
    bool provisional = false;    ///< roll: outside the calendar's data; transition: tolling left out
    bool projected = false;      ///< roll: a rule calendar's projected year (one-off closures unforeseen)
    std::vector<trace_item> items;  ///< select: facts not given; compose; instalments
};

}  // namespace qixian
