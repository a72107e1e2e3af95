// The count and toll stages (stages.hpp): the period counted from its start and cut at the
// version's cap, then each interruption, suspension and settlement in the order of its day
// (Civil Code Arts. 194–195; the enforcement period's own texts where the version cites
// them), then a debtor agreeing to perform after expiry (Art. 192). Each event appends one
// typed toll step (qixian/trace.hpp) with the authority in force on its day.
#include "stages.hpp"

#include <algorithm>

namespace qixian::stage {

const citation_list& mechanism_rule(const tolling_rules& t, tolling_event::kind k) {
    switch (k) {
        case tolling_event::kind::suspension: return t.suspension;
        case tolling_event::kind::settlement: return t.settlement;
        case tolling_event::kind::interruption:
        case tolling_event::kind::agreed_after_expiry: return t.interruption;
    }
    return t.interruption;
}

suspension_reading reading_for(const tolling_rules& rules, const std::optional<suspension_reading>& asked, bool flipped) {
    const bool other_allowed = !rules.suspension_other.empty();
    suspension_reading r = rules.suspension_text;
    if (asked && (*asked == rules.suspension_text || other_allowed)) r = *asked;
    if (flipped && other_allowed)
        r = r == suspension_reading::civil_code ? suspension_reading::resume : suspension_reading::civil_code;
    return r;
}

result<void> require_rule(const rule& r, const rule_version& v, tolling_event::kind kind, civil_date on) {
    if (!mechanism_rule(v.tolling.on(on), kind).empty()) return {};
    const auto mechanism = kind == tolling_event::kind::agreed_after_expiry ? tolling_event::kind::interruption : kind;
    return unexpected(make_error(errc::invalid_request, "rule '" + r.id + "' (version from " + v.valid_from.to_string() +
                                                            ") cites no rule for " + std::string(to_string(mechanism)) +
                                                            ": the pack does not say how it acts on this period"));
}

namespace {

// One run of the stage: the setup, the readings, and the count as it stands.
struct run {
    const count_setup& s;
    const calendar_query& query;
    bool flipped;
    trace_detail detail;
    tolled t;

    // A count from `origin`, cut at the version's cap; `capped` says whether it was.
    result<day_count> fresh(civil_date origin, const period& len, bool& capped) const {
        capped = false;
        auto c = count(origin, len, s.counting, s.calendar, query, detail);
        if (!c) return c;
        if (s.cap && *s.cap < c->raw_end) {
            capped = true;
            const civil_date uncapped = c->raw_end;
            while (!c->trace.empty() && c->trace.back().kind != trace_kind::count) c->trace.pop_back();
            c->raw_end = *s.cap;
            if (detail == trace_detail::full) {
                trace_step st{.kind = trace_kind::count, .reason = trace_reason::capped};
                st.from = uncapped;
                st.to = c->raw_end;
                c->trace.push_back(std::move(st));
            }
            c = settle(std::move(*c), s.counting, s.calendar, query, detail);
        }
        return c;
    }

    // A toll step for `tl`, or null when not explaining (the caller adds the values of its reason).
    trace_entry* step(trace_reason why, const toll_day& tl, const citation_list& cites) {
        if (detail != trace_detail::full) return nullptr;
        trace_entry e;
        e.kind = trace_kind::toll;
        e.reason = why;
        e.event = to_string(tl.event->what);
        if (tl.event->what == tolling_event::kind::suspension) {
            e.from = tl.when;
            e.to = tl.until;
        } else {
            e.on = tl.when;
        }
        e.citations = cites;
        t.steps.push_back(std::move(e));
        return &t.steps.back();
    }

    result<void> suspend(const toll_day& tl, const tolling_rules& rules);
    result<void> interrupt(const toll_day& tl, const tolling_rules& rules);
    result<void> waive();
};

// 中止: only an obstacle in the last six months counts. Under the Civil Code (Art. 194
// para. 2) the period ends six months after the obstacle ends; under the reading
// suspension=resume it stands still for the obstacle's days in that window and runs on.
result<void> run::suspend(const toll_day& tl, const tolling_rules& rules) {
    const civil_date ended = t.c.last_day;
    const civil_date window = add_months(ended, -6, month_end::clamp).value_or(ended);
    if (tl.until < window || ended < tl.when) {
        t.no_effect.push_back("suspension " + tl.when.to_string() + " to " + tl.until.to_string() +
                              " has no effect: not within the last six months (" + window.to_string() + " to " +
                              ended.to_string() + ")");
        if (trace_entry* e = step(trace_reason::suspension_outside, tl, s.v.tolling.suspension)) {
            e->other_day = window;
            e->last_day = ended;
        }
        return {};
    }
    if (reading_for(rules, s.asked, flipped) == suspension_reading::civil_code) {
        bool capped = false;
        auto six = fresh(tl.until, period::of_months(6), capped);
        if (!six) return unexpected(six.error());
        if (t.c.raw_end < six->raw_end) {
            t.c = std::move(*six);
            t.start = tl.until;
            t.started_by = "suspension";
            t.capped = capped;
        }
        if (trace_entry* e = step(trace_reason::suspension_six_months, tl, rules.suspension)) e->last_day = t.c.last_day;
        return {};
    }
    const civil_date paused = std::max(tl.when, window);
    const std::int32_t extra = calendar_days_between(paused, tl.until);
    auto moved = checked_add_calendar_days(t.c.raw_end, extra);
    if (!moved) return unexpected(moved.error());
    day_count c = t.c;
    while (!c.trace.empty() && c.trace.back().kind != trace_kind::count) c.trace.pop_back();
    c.raw_end = *moved;
    auto settled = settle(std::move(c), s.counting, s.calendar, query, detail);
    if (!settled) return unexpected(settled.error());
    t.c = std::move(*settled);
    if (trace_entry* e = step(trace_reason::suspension_resumed, tl, rules.suspension)) {
        e->other_day = paused;
        e->days = extra;
        e->last_day = t.c.last_day;
    }
    return {};
}

// 中断 (Art. 195), a settlement, the debtor agreeing to perform before expiry: the period
// runs anew — from the event, or from a settlement's last day of performance where the text
// then in force says so. A demand to a third party, or an event outside the period, does nothing.
result<void> run::interrupt(const toll_day& tl, const tolling_rules& rules) {
    const auto kind = tl.event->what;
    const civil_date ended = t.c.last_day;
    if (kind == tolling_event::kind::agreed_after_expiry && ended < tl.when) return {};  // a waiver: waive()
    if (kind == tolling_event::kind::interruption && tl.event->third_party) {
        step(trace_reason::third_party_demand, tl, rules.interruption);
        return {};
    }
    const auto& cites = mechanism_rule(rules, kind);
    if (kind == tolling_event::kind::agreed_after_expiry)
        if (auto ok = require_rule(s.r, s.v, kind, tl.when); !ok) return ok;
    if (ended < tl.when) {
        t.no_effect.push_back(std::string(to_string(kind)) + " on " + tl.when.to_string() +
                              " has no effect: the period had ended on " + ended.to_string());
        if (trace_entry* e = step(trace_reason::toll_after_end, tl, cites)) e->last_day = ended;
        return {};
    }
    if (tl.when < t.start) {
        t.no_effect.push_back(std::string(to_string(kind)) + " on " + tl.when.to_string() +
                              " has no effect: it is before the period began on " + t.start.to_string());
        step(trace_reason::toll_before_start, tl, cites);
        return {};
    }
    civil_date restart = tl.when;
    trace_reason why = kind == tolling_event::kind::settlement            ? trace_reason::settlement
                       : kind == tolling_event::kind::agreed_after_expiry ? trace_reason::agreed_to_perform
                                                                          : trace_reason::interrupted;
    if (kind == tolling_event::kind::settlement && tl.performance_due) {
        if (*tl.performance_due < tl.when)
            return unexpected(make_error(errc::invalid_request, "settlement: performance_due is before the settlement"));
        if (rules.settlement_from_performance_due) {
            restart = *tl.performance_due;
            why = trace_reason::settlement_performance_due;
        } else {
            why = trace_reason::settlement_own_day;
        }
    }
    bool capped = false;
    auto again = fresh(restart, s.length, capped);
    if (!again) return unexpected(again.error());
    t.c = std::move(*again);
    t.start = restart;
    t.started_by = kind == tolling_event::kind::agreed_after_expiry ? "interruption" : std::string(to_string(kind));
    t.capped = capped;
    if (trace_entry* e = step(why, tl, cites)) {
        e->from = restart;
        e->last_day = t.c.last_day;
        if (why == trace_reason::settlement_own_day) e->other_day = *tl.performance_due;
    }
    return {};
}

// A debtor who agreed to perform after expiry loses the defence (Civil Code Art. 192 para. 2).
result<void> run::waive() {
    const expiry_kind expiry = s.r.expiry_under(s.v);
    for (const auto& tl : s.tolls) {
        if (tl.event->what != tolling_event::kind::agreed_after_expiry || !(t.c.last_day < tl.when)) continue;
        const tolling_rules rules = s.v.tolling.on(tl.when);
        if (expiry == expiry_kind::defence && rules.waiver.empty())
            return unexpected(make_error(errc::invalid_request,
                                         "rule '" + s.r.id + "' (version from " + s.v.valid_from.to_string() +
                                             ") cites no rule for a waiver (the debtor agreeing to perform after "
                                             "expiry): the pack does not say how it acts on this period"));
        if (expiry == expiry_kind::defence) {
            t.waived = true;
            if (trace_entry* e = step(trace_reason::waived, tl, rules.waiver)) e->last_day = t.c.last_day;
        } else if (trace_entry* e = step(trace_reason::waiver_no_effect, tl, s.v.citations)) {
            e->status = to_string(expiry);
        }
    }
    return {};
}

}  // namespace

result<tolled> count_and_toll(const count_setup& s, civil_date from, const calendar_query& query, bool flipped,
                              trace_detail detail) {
    run x{s, query, flipped, detail, {}};
    bool capped = false;
    auto first = x.fresh(from, s.length, capped);
    if (!first) return unexpected(first.error());
    x.t = tolled{std::move(*first), from, {}, false, capped, {}, {}};
    if (!s.tollable) {
        for (const auto& tl : s.tolls)
            if (trace_entry* e = x.step(trace_reason::toll_not_applied, tl, s.v.citations)) {
                e->on = tl.when;
                e->policy = to_string(s.r.tolling);
            }
        return std::move(x.t);
    }
    for (const auto& tl : s.tolls) {
        const tolling_rules rules = s.v.tolling.on(tl.when);  // the authority in force on the event's day
        auto done = tl.event->what == tolling_event::kind::suspension ? x.suspend(tl, rules) : x.interrupt(tl, rules);
        if (!done) return unexpected(done.error());
    }
    if (auto done = x.waive(); !done) return unexpected(done.error());
    return std::move(x.t);
}

}  // namespace qixian::stage
