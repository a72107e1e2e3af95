// Internal: the stages of a simple rule (a trigger and a period), over one working state.
//   select.cpp      the trigger anchored, the version in force, untimed claims, the period by facts
//   transition.cpp  a later version taking over periods still running (and its readings)
//   count_stage.cpp the count: back (a look-back), in hours, or in days with tolling (toll.cpp)
//   close.cpp       the end instant, formatted for the forum, UTC and the reader's zone
//   judge.cpp       the act against the end (and each alternative's), and the provenance
//   compose.cpp     a composite's components, its reading, a component counted in another forum
//   instalments.cpp a debt due in instalments: each under the text in force on its due day
// compute.cpp's compute_simple() runs them in that order; compute() then calls finish().
#pragma once

#include "qixian/rule_pack.hpp"
#include "stages.hpp"

#include <optional>
#include <string>

namespace qixian::stage {

/// Where a rule is counted: its convention, the forum's calendar and zone.
struct forum_context {
    const convention* conv;
    const table_calendar* cal;
    tz::zone zone;
};

/// The rule's convention, calendar (or the request's projected view of it) and zone.
result<forum_context> forum_of(const rule_pack& pack, const rule& r, const compute_request& req);

/// One computation of a simple rule: the request, where it is counted, and what the
/// stages have settled so far (the trigger anchored, the version, the period chosen).
struct working {
    const rule_pack& pack;
    const rule& r;
    const compute_request& req;
    const forum_context& ctx;
    bool alternatives;                      ///< report the other readings of the law
    const rule_version* forced = nullptr;   ///< a version chosen by a transition or an application day
    std::optional<civil_date> applied_on;   ///< the application day that chose it
    const std::string* trigger = nullptr;   ///< the trigger event's kind
    anchored a{};                           ///< the trigger, anchored
    civil_date start{};                     ///< its legal day under the request's event_zone reading
    const rule_version* v = nullptr;        ///< the version applied
    const period_choice* chosen = nullptr;  ///< the period entry the facts chose
    std::optional<civil_date> cap;          ///< the latest raw end, where a cap applies
};

/// Any rule: untimed, composite (compose.cpp) or simple; `depth` counts composite nesting.
result<deadline> compute_rule(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                              int depth);

/// A composite: the earliest (or latest) of its components' last days, under its reading.
result<deadline> compute_composite(const rule_pack& pack, const rule* r, const compute_request& req,
                                   bool alternatives, int depth);

/// A rule with a trigger and a period: the stages in order. `forced` is a version a
/// transition or an application day chose (`applied_on` names that day).
result<deadline> compute_simple(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                                const rule_version* forced = nullptr,
                                std::optional<civil_date> applied_on = std::nullopt);

/// The answer under another reading of the law, where it differs from `d`: in its last day,
/// in whether any period applies, or in what expiry means (finish() judges it against the act).
void report_alternative(deadline& d, std::string reading, const deadline& other);

/// A debt due in instalments (req.instalments): each instalment counted under the version in
/// force on its own due day (`each`: its own period; `last`: one period from the last), the
/// verdict over all of them, and the other reading where it changes the verdict.
result<deadline> compute_instalments(const rule_pack& pack, const rule* r, const compute_request& req,
                                     bool alternatives, const tz::zone& forum);

// select.cpp

/// The first event kind of `kinds` the request gives, or nullptr.
const std::string* first_given(const std::vector<std::string>& kinds, const compute_request& req);
/// A deadline's identity: the rule and the version applied, with its authority.
deadline deadline_for(const rule& r, const rule_version& v, const std::string& forum_zone);
/// The trigger (the newest version's first given kind) anchored: w.trigger, w.a, w.start.
result<void> anchor_trigger(working& w);
/// The version in force for the trigger day, or the forced one: w.v.
result<void> choose_version(working& w);
/// Where the version chosen names its own trigger, that event anchored instead.
result<void> reanchor_own_trigger(working& w);
/// A claim the version does not limit at all (e.g. support: Civil Code Art. 196).
deadline untimed_answer(const working& w, const untimed_claim& u);
/// The period the facts choose, its cap, citations and notes, and the select and anchor steps.
result<deadline> select_period(working& w);

// transition.cpp

/// The first version after `v` that takes over periods still running, or nullptr.
const rule_version* next_taking_over(const rule& r, const rule_version& v);
/// Count under w.v first; where the period still runs when `next` comes into force, the
/// reading transition=takes_over counts under `next` (the other reading is reported).
result<deadline> compute_across_transition(const working& w, const rule_version& next);

// count_stage.cpp

/// A look-back: the window's first day, counted back from the trigger, never rolled.
result<void> count_backwards(const working& w, deadline& d);
/// A period of hours, from the next whole hour; its end instant in the forum's zone.
result<void> count_in_hours(const working& w, deadline& d);
/// A period of days, months or years: count, cap, tolling, roll; the readings that change it.
result<void> count_in_days(const working& w, deadline& d);

// judge.cpp

/// The act (its day, or its instant) against `d`'s end, under the request's event_zone
/// reading: d.status, d.days_late and the judge step.
result<void> judge(deadline& d, const std::string& act_text, const tz::zone& forum, const compute_request& req);
/// The days a waiting or deemed period names, the act judged (each alternative too), and the
/// answer's provenance.
result<void> finish(const rule_pack& pack, const table_calendar& cal, const tz::zone& forum, const day_end& end,
                    const compute_request& req, deadline& d);

// close.cpp

/// The event the period produces, and its end as the forum's, UTC and the reader's times.
result<deadline> close_answer(const working& w, deadline d);

}  // namespace qixian::stage
