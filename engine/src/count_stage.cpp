// The count stage (simple.hpp): the period counted from the trigger's legal day — back (a
// look-back window), in hours, or in days, months and years with the tolling events and
// the roll (toll.cpp) — and the readings of the law that would change its last day.
#include "simple.hpp"

#include <algorithm>

namespace qixian::stage {

namespace {

// The first day of a window `len` long that ends on `from` (a look-back): the corresponding
// day `len` earlier, with the convention's month-end policy.
result<civil_date> count_back(civil_date from, const period& len, month_end policy) {
    if (len.is_hours_only() || len.working_days != 0)
        return unexpected(make_error(errc::invalid_period, "a look-back counts years, months or days"));
    period back;
    back.years = -len.years;
    back.months = -len.months;
    back.days = -len.days;
    return add(from, back, policy);
}

// The count step of a count made here (not by counting.cpp): its reason and what it counted.
trace_entry count_step(const working& w, trace_reason why) {
    trace_entry t;
    t.kind = trace_kind::count;
    t.reason = why;
    t.length = w.chosen->length;
    t.citations = w.ctx.conv->citations_for("count", w.start);
    return t;
}

}  // namespace

result<void> count_backwards(const working& w, deadline& d) {
    auto back = count_back(w.start, w.chosen->length, w.ctx.conv->counting.month_end_policy);
    if (!back) return unexpected(back.error());
    d.raw_end = d.last_day = *back;
    auto opens = tz::to_instant(start_of(*back), w.ctx.zone, tz::local_policy::earliest);
    if (!opens) return unexpected(opens.error());
    d.ends_at = *opens;
    if (w.req.trace) {
        trace_entry t = count_step(w, trace_reason::counted_back);
        t.from = w.start;
        t.to = *back;
        d.trace.push_back(std::move(t));
    }
    if (!w.req.tolling.empty())
        d.notes.push_back("a look-back window is not suspended or interrupted: the tolling events were not applied");
    return {};
}

result<void> count_in_hours(const working& w, deadline& d) {
    if (w.a.when.kind == tz::moment::form::legal_day)
        return unexpected(make_error(errc::invalid_request,
                                     "rule '" + w.r.id + "' counts hours: give the event's time, e.g. " + *w.trigger +
                                         "=" + w.start.to_string() + "T10:25",
                                     w.a.when.text));
    auto at = tz::instant_of(w.a.when, w.ctx.zone, w.req.local_times);
    if (!at) return unexpected(with_context(at.error(), "event " + *w.trigger));
    auto h = count_hours(tz::to_local(*at, w.ctx.zone), w.chosen->length);
    if (!h) return unexpected(h.error());
    // An end that falls into a clock change ends when the clocks reach it.
    auto end = tz::to_instant(h->ends_before, w.ctx.zone, tz::local_policy::latest);
    if (!end) return unexpected(end.error());
    d.ends_at = *end;
    d.raw_end = d.last_day = day_of(h->ends_before);
    if (w.req.trace) {
        trace_entry t = count_step(w, trace_reason::counted_hours);
        t.from_time = h->counted_from;
        t.to_time = h->ends_before;
        d.trace.push_back(std::move(t));
    }
    return {};
}

namespace {

// The count's outcome into the answer: the days, the tolling steps and notes, the roll steps.
void take_count(const working& w, tolled& main, deadline& d) {
    day_count& counted = main.c;
    d.capped = main.capped;
    d.start = main.start;
    d.start_from = main.started_by.empty() ? d.trigger : main.started_by;
    d.waived = main.waived;
    d.raw_end = counted.raw_end;
    d.last_day = counted.last_day;
    d.provisional = counted.provisional;
    for (auto& st : main.steps) d.trace.push_back(std::move(st));
    for (auto& n : main.no_effect) d.notes.push_back(std::move(n));
    for (auto& step : counted.trace)
        d.trace.push_back({std::move(step), w.ctx.conv->citations_for(to_string(step.kind), main.start)});
}

// A suspension reading asked for that the authority in force does not give is said, not ignored.
void note_unsupported_reading(const working& w, const count_setup& s, deadline& d) {
    if (!w.req.suspension || !s.tollable) return;
    for (const auto& tl : s.tolls) {
        const tolling_rules rules = w.v->tolling.on(tl.when);
        if (tl.event->what == tolling_event::kind::suspension && *w.req.suspension != rules.suspension_text &&
            rules.suspension_other.empty()) {
            d.notes.push_back("reading suspension=" + std::string(to_string(*w.req.suspension)) +
                              " has no authority for a suspension on " + tl.when.to_string() +
                              " under this version; its text's reading (" +
                              std::string(to_string(rules.suspension_text)) + ") applies");
            return;
        }
    }
}

// Every reading that would change the last day is reported, with that day: the other
// adjusted-weekend reading, the other suspension reading (where the authority cites one),
// and the application day's version (under version_by=trigger).
void report_count_readings(const working& w, const count_setup& s, const calendar_query& q, deadline& d) {
    const auto last_day_under = [&](const calendar_query& query, bool flipped) -> std::optional<civil_date> {
        auto alt = count_and_toll(s, w.start, query, flipped, trace_detail::none);
        if (!alt) return std::nullopt;
        return alt->c.last_day;
    };
    calendar_query other = q;
    other.reading = w.req.adjusted == adjusted_weekend::schedule ? adjusted_weekend::weekday : adjusted_weekend::schedule;
    if (auto alt = last_day_under(other, false); alt && *alt != d.last_day)
        d.alternatives.push_back({"adjusted_weekend=" + std::string(to_string(other.reading)), *alt, {}});
    for (const auto& tl : s.tolls) {
        if (!s.tollable || tl.event->what != tolling_event::kind::suspension) continue;
        const tolling_rules rules = w.v->tolling.on(tl.when);
        if (rules.suspension_other.empty()) continue;
        const suspension_reading other_sr = reading_for(rules, w.req.suspension, true);
        if (auto alt = last_day_under(q, true); alt && *alt != d.last_day)
            d.alternatives.push_back({"suspension=" + std::string(to_string(other_sr)), *alt, {}});
        break;
    }
    if (w.forced == nullptr && !w.r.version_by_application.empty() && w.req.act &&
        w.req.version_by == version_reading::trigger) {
        compute_request quiet = w.req;
        quiet.trace = false;
        quiet.version_by = version_reading::application;
        if (auto alt = compute_simple(w.pack, &w.r, quiet, false))
            report_alternative(d, "version_by=" + std::string(to_string(version_reading::application)), *alt);
    }
}

}  // namespace

result<void> count_in_days(const working& w, deadline& d) {
    auto tolls = anchor_tolls(w.req, w.ctx.zone);
    if (!tolls) return unexpected(tolls.error());
    const bool tollable = w.r.tolling == tolling_class::limitation;
    // A mechanism the version cites no rule for is refused, not guessed; agreeing to
    // perform is checked when it turns out to fall before expiry (toll.cpp).
    if (tollable)
        for (const auto& t : *tolls)
            if (t.event->what != tolling_event::kind::agreed_after_expiry)
                if (auto ok = require_rule(w.r, *w.v, t.event->what, t.when); !ok) return unexpected(ok.error());
    const count_setup setup{w.r,   *w.v,   w.ctx.conv->counting, w.ctx.cal,      w.chosen->length,
                            w.cap, *tolls, tollable,             w.req.suspension};
    const calendar_query q{.reading = w.req.adjusted, .outside = w.req.outside, .as_of = w.req.calendar_as_of};
    auto main = count_and_toll(setup, w.start, q, false, w.req.trace ? trace_detail::full : trace_detail::none);
    if (!main) return unexpected(main.error());
    take_count(w, *main, d);
    note_unsupported_reading(w, setup, d);
    auto end = tz::to_instant(main->c.ends_before, w.ctx.zone, tz::local_policy::reject);
    if (!end) return unexpected(with_context(end.error(), "end of the last day"));
    d.ends_at = *end;
    if (w.alternatives) report_count_readings(w, setup, q, d);
    d.extendable_by_court = w.v->extendable_by_court;
    if (w.v->extendable_by_court)
        d.notes.push_back("a court may extend this period (" +
                          (w.v->citations.empty() ? std::string() : to_string(w.v->citations.front())) + ")");
    return {};
}

}  // namespace qixian::stage
