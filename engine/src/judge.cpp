// The judge stage (simple.hpp): an act against a deadline's exclusive end, under the
// request's readings, and against each alternative's; then the provenance of the answer.
#include "simple.hpp"

namespace qixian::stage {

namespace {

// The words of a verdict, by what the period means (period_kind): the act in time, and not.
std::pair<const char*, const char*> verdicts(const deadline& d) {
    if (d.backwards) return {"within", "before_window"};
    switch (d.kind) {
        case period_kind::court: return {"timely", "overdue"};
        case period_kind::waiting: return {"premature", "permitted"};
        case period_kind::party:
        case period_kind::deemed: break;
    }
    return {"timely", "late"};
}

}  // namespace

// judge: an act against a deadline's exclusive end (a look-back: against its first day).
result<void> judge(deadline& d, const std::string& act_text, const tz::zone& forum, const compute_request& req) {
    auto act = anchor("act", act_text, forum, req.local_times);
    if (!act) return unexpected(act.error());
    // Under event_zone=local an act done abroad falls on its own calendar day there
    // (LAW.md §1, reading 5); under forum, on the forum's, by the instant.
    const bool local = req.event_zone == event_zone_reading::local && act->local_day != act->forum_day;
    const civil_date act_day = local ? act->local_day : act->forum_day;
    bool before_end = act_day <= d.last_day;
    if (d.backwards) before_end = !(act_day < d.last_day);  // "in time": inside the window
    else if (!local && act->when.kind != tz::moment::form::legal_day) {
        auto at = tz::instant_of(act->when, forum, req.local_times);
        if (!at) return unexpected(with_context(at.error(), "act"));
        before_end = *at < d.ends_at;
    }
    const auto [in_time, out_of_time] = verdicts(d);
    d.status = before_end ? in_time : out_of_time;
    d.days_late.reset();
    const bool counted_late = !before_end && !d.backwards && d.kind != period_kind::waiting;
    if (counted_late) d.days_late = calendar_days_between(d.last_day, act_day);
    if (req.trace) {
        trace_entry t;
        t.kind = trace_kind::judge;
        t.reason = trace_reason::judged;
        t.on = act_day;
        t.status = before_end ? in_time : out_of_time;
        if (counted_late) {
            t.days = *d.days_late;
            t.reason = d.kind == period_kind::court         ? trace_reason::late_court
                       : d.expiry != expiry_kind::defence   ? trace_reason::late
                       : d.waived                           ? trace_reason::late_waived
                                                            : trace_reason::late_defence;
        } else if (d.kind == period_kind::waiting) {
            t.reason = before_end ? trace_reason::premature : trace_reason::permitted;
            if (before_end) t.from = add_calendar_days(d.last_day, 1);
        }
        d.trace.push_back(std::move(t));
    }
    return {};
}

// judge: an act against the exclusive end; provenance.
result<void> finish(const rule_pack& pack, const table_calendar& cal, const tz::zone& forum, const day_end& end,
                    const compute_request& req, deadline& d) {
    if (d.time_limited && d.kind == period_kind::waiting) d.permitted_from = add_calendar_days(d.last_day, 1);
    if (d.time_limited && d.kind == period_kind::deemed) d.deemed_on = d.produces_on.value_or(d.last_day);
    if (req.act && d.instalments.empty() && d.time_limited) {  // instalments were judged one by one
        auto judged = judge(d, *req.act, forum, req);
        if (!judged) return judged;
    }
    if (req.act && !d.time_limited && d.instalments.empty()) {  // no period: in time whenever it was done
        auto act = anchor("act", *req.act, forum, req.local_times);
        if (!act) return unexpected(act.error());
        d.status = "timely";
        if (req.trace) {
            trace_entry t;
            t.kind = trace_kind::judge;
            t.reason = trace_reason::no_time_limit;
            t.on = act->forum_day;
            t.status = "timely";
            d.trace.push_back(std::move(t));
        }
    }
    // Every reading that changes the answer says what it makes of the act too.
    if (req.act)
        for (auto& a : d.alternatives) {
            if (a.status) continue;  // instalment readings are judged instalment by instalment
            if (!a.time_limited) {
                a.status = "timely";  // no period under that reading
                continue;
            }
            deadline probe;
            probe.last_day = a.last_day;
            probe.expiry = d.expiry;
            probe.kind = d.kind;
            probe.backwards = d.backwards;
            auto ends = tz::to_instant(end_of(a.last_day, end), forum, tz::local_policy::reject);
            if (!ends) continue;
            probe.ends_at = *ends;
            compute_request quiet = req;
            quiet.trace = false;
            if (a.reading.starts_with("event_zone="))  // the act too falls on the day that reading gives it
                quiet.event_zone = req.event_zone == event_zone_reading::forum ? event_zone_reading::local
                                                                               : event_zone_reading::forum;
            if (judge(probe, *req.act, forum, quiet)) a.status = probe.status;
        }

    d.source = provenance{std::string(engine_version()), pack.digest(), pack.calendar_digest(),
                          std::string(cal.id()), cal.coverage_first(), cal.coverage_last(),
                          tz::database_version()};
    return {};
}

}  // namespace qixian::stage
