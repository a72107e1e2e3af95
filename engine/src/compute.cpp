#include "qixian/compute.hpp"
#include "qixian/tz.hpp"
#include "adhoc.hpp"
#include "simple.hpp"

#include <algorithm>

namespace qixian {

std::string_view engine_version() noexcept { return QIXIAN_VERSION; }

std::string_view to_string(tolling_event::kind k) noexcept {
    switch (k) {
        case tolling_event::kind::interruption: return "interruption";
        case tolling_event::kind::suspension: return "suspension";
        case tolling_event::kind::settlement: return "settlement";
        case tolling_event::kind::agreed_after_expiry: return "agreed_after_expiry";
    }
    return "interruption";
}

std::string_view to_string(event_zone_reading r) noexcept {
    return r == event_zone_reading::forum ? "forum" : "local";
}

std::string_view to_string(transition_reading r) noexcept {
    return r == transition_reading::takes_over ? "takes_over" : "by_trigger";
}

std::string_view to_string(version_reading r) noexcept {
    return r == version_reading::application ? "application" : "trigger";
}

namespace {

using namespace stage;


// A rule whose versions govern the applications made while they are in force: the
// version is the one in force on the day of the application (the act). The version the
// trigger day would choose (reading version_by=trigger) is reported where it changes the
// last day.
result<deadline> compute_by_application(const rule_pack& pack, const rule* r, const compute_request& req,
                                        bool alternatives, const tz::zone& forum) {
    auto act = anchor("act", *req.act, forum, req.local_times);
    if (!act) return unexpected(act.error());
    const civil_date on = act->forum_day;
    const rule_version* v = r->version_for(on);
    if (v == nullptr)
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + r->id + "' has no version in force for an application on " +
                                         on.to_string() + " (its versions govern the applications made while they "
                                         "are in force; versions from " + r->versions.front().valid_from.to_string() +
                                         ")",
                                     on.to_string()));
    auto out = compute_simple(pack, r, req, alternatives, v, on);
    if (!out) return out;
    out->citations = citation_list::join(out->citations, r->version_by_application);
    if (alternatives) {
        compute_request quiet = req;
        quiet.trace = false;
        quiet.version_by = version_reading::trigger;
        if (auto other = compute_simple(pack, r, quiet, false))
            report_alternative(*out, "version_by=" + std::string(to_string(version_reading::trigger)), *other);
    }
    return out;
}

// A rule whose version says the act is not time-limited: the answer says so, with its
// authority. The version is the one in force on the trigger day, else on the day of the act;
// an act before the first version is answered no_version_in_force, never under a later text.
result<deadline> compute_untimed(const rule_pack& pack, const rule* r, const compute_request& req) {
    auto ctx = forum_of(pack, *r, req);
    if (!ctx) return unexpected(ctx.error());
    const rule_version* v = &r->versions.back();
    std::optional<anchored> on;
    std::string what;
    if (const std::string* trigger = first_given(v->trigger, req)) {
        auto a = anchor("event " + *trigger, req.events.find(*trigger)->second, ctx->zone, req.local_times);
        if (!a) return unexpected(a.error());
        on = *a;
        what = "event " + *trigger;
    } else if (req.act) {
        auto a = anchor("act", *req.act, ctx->zone, req.local_times);
        if (!a) return unexpected(a.error());
        on = *a;
        what = "act";
    }
    if (on) {
        v = r->version_for(on->forum_day);
        if (v == nullptr)
            return unexpected(make_error(errc::no_version_in_force,
                                         "rule '" + r->id + "' has no version in force for an " + what + " on " +
                                             on->forum_day.to_string() + " (versions from " +
                                             r->versions.front().valid_from.to_string() + ")",
                                         on->forum_day.to_string()));
    }
    deadline d = deadline_for(*r, *v, ctx->conv->zone);
    d.time_limited = false;
    if (req.trace) {
        trace_entry t;
        t.kind = trace_kind::select;
        t.reason = trace_reason::untimed_rule;
        t.valid_from = v->valid_from;
        t.chosen_by = !on ? chosen_by::now : what == "act" ? chosen_by::act_day : chosen_by::trigger_day;
        if (on) t.on = on->forum_day;
        if (what != "act") t.event = what.substr(std::min<std::size_t>(what.size(), 6));  // "event K" -> K
        t.citations = v->citations;
        d.trace.push_back(std::move(t));
    }
    if (!on && r->versions.size() > 1)
        d.notes.push_back("no act given: the version now in force answers; give the act (--act) for the text in force "
                          "on its day");
    return d;
}


// Whether any time of the request is given abroad (with an offset or a zone), so that
// the reading event_zone can change a legal day.
bool given_abroad(const compute_request& req) {
    const auto abroad = [](std::string_view text) {
        if (text.size() <= 16) return false;  // a day, or a forum-local time to the minute
        auto m = tz::parse_moment(text);
        return m && (m->kind == tz::moment::form::zoned || m->kind == tz::moment::form::offset);
    };
    const auto any = [&](const auto& texts) { return std::any_of(texts.begin(), texts.end(), abroad); };
    if (req.act && abroad(*req.act)) return true;
    for (const auto& [kind, text] : req.events)
        if (abroad(text)) return true;
    if (any(req.instalments)) return true;
    for (const auto& t : req.tolling)
        if (abroad(t.at) || abroad(t.from) || abroad(t.to) || abroad(t.performance_due)) return true;
    return false;
}

// The reading event_zone (LAW.md §1, reading 5): the whole computation run again with
// every time abroad on the other zone's calendar day, the act included; reported where
// the last day, or the act's status, differs. It stands after the adjusted_weekend
// alternative, where there is one.
void report_event_zone(const rule_pack& pack, const rule* r, const compute_request& req, deadline& d) {
    compute_request flipped = req;
    flipped.trace = false;
    flipped.event_zone = req.event_zone == event_zone_reading::forum ? event_zone_reading::local : event_zone_reading::forum;
    auto other = compute_rule(pack, r, flipped, false, 0);
    if (!other) return;
    const std::string reading = "event_zone=" + std::string(to_string(flipped.event_zone));
    deadline probe = d;
    probe.alternatives.clear();
    report_alternative(probe, reading, *other);
    if (probe.alternatives.empty() && req.act) {
        // The same last day: the act alone may fall on another day. Judge both.
        auto ctx = forum_of(pack, *r, req);
        if (!ctx) return;
        deadline here = d, there = *other;
        compute_request quiet = req;
        quiet.trace = false;
        const auto status_of = [&](deadline& x, const compute_request& how) -> std::optional<std::string> {
            if (!x.instalments.empty()) return x.status;  // judged instalment by instalment
            if (!x.time_limited) return std::string("timely");
            if (!judge(x, *req.act, ctx->zone, how)) return std::nullopt;
            return x.status;
        };
        const auto s1 = status_of(here, quiet), s2 = status_of(there, flipped);
        if (s1 && s2 && *s1 != *s2)
            probe.alternatives.push_back({reading, other->time_limited ? other->last_day : civil_date{}, s2,
                                          other->time_limited, std::nullopt});
    }
    if (probe.alternatives.empty()) return;
    const bool after_weekend = !d.alternatives.empty() && d.alternatives.front().reading.starts_with("adjusted_weekend=");
    d.alternatives.insert(d.alternatives.begin() + (after_weekend ? 1 : 0), std::move(probe.alternatives.front()));
}

// Readings the data declares: a name no rule declares is a mistake; one this rule does not
// declare is said in a note (a docket applies its readings to every rule).
result<std::vector<std::string>> readings_not_declared(const rule_pack& pack, const rule& r,
                                                       const compute_request& req) {
    const auto declares = [](const rule& x, std::string_view name) {
        return std::any_of(x.versions.begin(), x.versions.end(),
                           [&](const rule_version& v) { return v.reading && v.reading->name == name; });
    };
    std::vector<std::string> notes;
    for (const auto& entry : req.readings) {
        const std::string& name = entry.first;  // not a structured binding: clang 14 cannot capture one
        if (declares(r, name)) continue;
        if (std::none_of(pack.rules().begin(), pack.rules().end(), [&](const rule& x) { return declares(x, name); }))
            return unexpected(make_error(errc::invalid_request,
                                         "readings." + name + ": no rule of the pack declares the reading '" + name + "'",
                                         name));
        notes.push_back("reading " + name + "=" + entry.second + " does not apply to rule '" + r.id + "'");
    }
    return notes;
}

}  // namespace

// The computation on the calendar's data (or on `req.calendar_view`); compute() in
// projected_compute.cpp adds the projection past the data.
result<deadline> compute_on_data(const rule_pack& pack, const compute_request& req) {
    std::optional<rule> adhoc;  // an ad-hoc period: a rule of one version, built for this request
    if (is_adhoc(req)) {
        auto built = detail::adhoc_rule(pack, req);
        if (!built) return unexpected(built.error());
        adhoc = std::move(*built);
    }
    const rule* r = adhoc ? &*adhoc : pack.find(req.rule);
    if (r == nullptr)
        return unexpected(make_error(errc::unknown_rule,
                                     "no rule '" + req.rule + "' in the rule pack (qixian rules list shows them)",
                                     req.rule));
    for (const auto& [kind, text] : req.events)
        if (!is_event_kind(kind))
            return unexpected(make_error(errc::invalid_request,
                                         "'" + kind + "' is not an event kind (see INTERFACES.md)", kind));
    if (auto ok = check_facts(req.facts); !ok) return unexpected(ok.error());
    auto unused_readings = readings_not_declared(pack, *r, req);
    if (!unused_readings) return unexpected(unused_readings.error());
    auto d = compute_rule(pack, r, req, true, 0);
    if (!d) return d;
    for (auto& n : *unused_readings) d->notes.push_back(std::move(n));
    auto ctx = forum_of(pack, *r, req);
    if (!ctx) return unexpected(ctx.error());
    if (adhoc) detail::describe_adhoc(*d, req, *ctx->conv);
    // Events the rule did not use (for a composite: none of its components used).
    for (const auto& [kind, text] : req.events) {
        bool used = kind == d->trigger;
        for (const auto& c : d->components) used = used || c.trigger == kind;
        if (!used) d->notes.push_back("event '" + kind + "' was given but not used by this rule");
    }
    if (given_abroad(req)) report_event_zone(pack, r, req, *d);
    auto done = finish(pack, *ctx->cal, ctx->zone, ctx->conv->counting.end, req, *d);
    if (!done) return unexpected(done.error());
    return d;
}

namespace stage {

result<deadline> compute_rule(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                              int depth) {
    if (!r->versions.empty() && !r->versions.back().time_limited) return compute_untimed(pack, r, req);
    if (!r->versions.empty() && r->versions.back().combine != combinator::none)
        return compute_composite(pack, r, req, alternatives, depth);
    return compute_simple(pack, r, req, alternatives);
}

result<forum_context> forum_of(const rule_pack& pack, const rule& r, const compute_request& req) {
    const convention* conv = pack.find_convention(r.convention);
    const table_calendar* cal = conv ? pack.find_calendar(conv->calendar) : nullptr;
    // A projected view of this rule's own calendar (a component counted on another forum's
    // calendar keeps its own).
    if (cal != nullptr && req.calendar_view != nullptr && req.calendar_view->id() == cal->id()) cal = req.calendar_view;
    if (conv == nullptr || cal == nullptr)
        return unexpected(make_error(errc::rules_invalid, "rule '" + r.id + "' has no usable convention or calendar"));
    auto zone = tz::locate(conv->zone);
    if (!zone) return unexpected(zone.error());
    return forum_context{conv, cal, *zone};
}

// The answer under another reading of the law, where it differs from `d`: in its last day,
// in whether any period applies, or in what expiry means (finish() judges it against the act).
void report_alternative(deadline& d, std::string reading, const deadline& other) {
    const bool both_limited = d.time_limited && other.time_limited;
    const bool differs = d.time_limited != other.time_limited ||
                         (both_limited && (other.last_day != d.last_day || other.expiry != d.expiry));
    if (!differs) return;
    alternative a{std::move(reading), other.time_limited ? other.last_day : civil_date{}, std::nullopt,
                  other.time_limited, std::nullopt};
    if (both_limited && other.expiry != d.expiry) a.expiry = other.expiry;
    d.alternatives.push_back(std::move(a));
}

// A rule with a trigger and a period: anchor the trigger, select the version (a transition
// may hand the period to a later one) and the period, count, close (simple.hpp).
result<deadline> compute_simple(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                                const rule_version* forced, std::optional<civil_date> applied_on) {
    auto ctx = forum_of(pack, *r, req);
    if (!ctx) return unexpected(ctx.error());
    if (!req.instalments.empty()) return compute_instalments(pack, r, req, alternatives, ctx->zone);
    if (r->versions.empty() || r->versions.back().combine != combinator::none)
        return unexpected(make_error(errc::rules_invalid, "rule '" + r->id + "' mixes composite and simple versions"));
    working w{pack, *r, req, *ctx, alternatives, forced, applied_on};
    if (auto ok = anchor_trigger(w); !ok) return unexpected(ok.error());
    if (forced == nullptr && !r->version_by_application.empty() && req.act &&
        req.version_by == version_reading::application)
        return compute_by_application(pack, r, req, alternatives, ctx->zone);
    if (auto ok = choose_version(w); !ok) return unexpected(ok.error());
    if (forced == nullptr)
        if (const rule_version* next = next_taking_over(*r, *w.v)) return compute_across_transition(w, *next);
    if (auto ok = reanchor_own_trigger(w); !ok) return unexpected(ok.error());
    if (const untimed_claim* u = untimed_for(*w.v, req.facts)) return untimed_answer(w, *u);
    auto d = select_period(w);
    if (!d) return d;
    auto counted = w.v->backwards                    ? count_backwards(w, *d)
                   : w.chosen->length.is_hours_only() ? count_in_hours(w, *d)
                                                      : count_in_days(w, *d);
    if (!counted) return unexpected(counted.error());
    return close_answer(w, std::move(*d));
}

}  // namespace stage

}  // namespace qixian
