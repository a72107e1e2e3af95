// Internal: the stages of compute() that have their own files (ARCHITECTURE.md's data flow).
//   anchor.cpp  every time of the request → a legal day (the trigger, the act, the tolling events)
//   toll.cpp    count, cap, then the tolling events, under one set of readings
// Each stage appends typed trace steps (qixian/trace.hpp) and never a sentence.
#pragma once

#include "qixian/compute.hpp"
#include "qixian/tz.hpp"

#include <optional>
#include <string>
#include <vector>

namespace qixian::stage {

/// `e` with its message prefixed by the input that failed ("event knew: …").
error with_context(error e, const std::string& context);

/// An event anchored to legal days: in the forum's zone, and in the actor's own zone
/// (they differ only for a time given with an offset or a zone).
struct anchored {
    tz::moment when;
    civil_date forum_day;
    civil_date local_day;
};

/// Parses `text` and gives its legal days; errors name `what`.
result<anchored> anchor(const std::string& what, const std::string& text, const tz::zone& forum,
                        tz::local_policy policy);

/// A tolling event on the forum's legal days.
struct toll_day {
    const tolling_event* event;
    civil_date when;   ///< at, or from
    civil_date until;  ///< suspension: to
    std::optional<civil_date> performance_due;
};

/// The request's tolling events as legal days, in order of their days.
result<std::vector<toll_day>> anchor_tolls(const compute_request& req, const tz::zone& forum);

/// The authority a version cites for the mechanism a tolling event works by (a debtor
/// agreeing to perform works as an interruption until expiry; after it, as a waiver).
const citation_list& mechanism_rule(const tolling_rules& t, tolling_event::kind k);

/// The suspension reading for an event under `rules`: the request's, where the rules give it
/// authority (the text's reading, or the other one they cite), else the text's; `flipped`
/// takes the other reading where the rules cite one (the alternative).
suspension_reading reading_for(const tolling_rules& rules, const std::optional<suspension_reading>& asked, bool flipped);

/// A mechanism the version cites no rule for is refused, not guessed (invalid_request).
result<void> require_rule(const rule& r, const rule_version& v, tolling_event::kind kind, civil_date on);

/// What the count and toll stages work from: the rule's version, its convention and the
/// forum's calendar, the period chosen and its cap, and the tolling events.
struct count_setup {
    const rule& r;
    const rule_version& v;
    const counting_convention& counting;
    const work_calendar* calendar;
    const period& length;
    std::optional<civil_date> cap;  ///< the version's (or the period's) latest raw end
    const std::vector<toll_day>& tolls;
    bool tollable;                  ///< a limitation-class rule: tolling applies
    std::optional<suspension_reading> asked;  ///< the request's suspension reading
};

/// The count after tolling.
struct tolled {
    day_count c;
    civil_date start;
    std::string started_by;              ///< empty: the trigger; else the tolling kind that restarted it
    bool waived = false;
    bool capped = false;                 ///< the version's ends_no_later_than cut the count
    std::vector<trace_entry> steps;      ///< tolling steps, in order
    std::vector<std::string> no_effect;  ///< tolling events that changed nothing (a note in every answer)
};

/// count, cap, then every tolling event in order, then a waiver; `flipped` takes the other
/// suspension reading (the alternative).
result<tolled> count_and_toll(const count_setup& s, civil_date from, const calendar_query& query, bool flipped,
                              trace_detail detail);

}  // namespace qixian::stage
