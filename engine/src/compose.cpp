// The compose stage: a composite rule's components, each computed as a rule of its own, and
// the earliest (or latest) of their last days. A composite may declare an open reading whose
// values choose which components apply (the cross-border cap, `foreign_effect`), and a
// component may be counted in another forum (the Chinese period capping a New York one): it
// then ends on the composite forum's legal day that holds its last moment.
#include "simple.hpp"
#include "qixian/tz.hpp"

#include <algorithm>
#include <chrono>

namespace qixian::stage {

namespace {

// A component whose end lies beyond the calendar's data is computed provisionally; under
// earliest_of it cannot govern when even its raw end (rolling only moves later) comes after
// another component's last day. Otherwise its error stands.
struct part_set {
    std::vector<deadline> parts;
    std::vector<std::optional<error>> beyond;  // the coverage error of a provisional part
};

// One composite computation: the rule, the request, and the forum the composite is counted in.
struct composing {
    const rule_pack& pack;
    const rule& r;
    const compute_request& req;
    const forum_context& ctx;
    int depth;
};

// The value of the version's reading the request gives, else its default (empty: the version
// declares none).
result<std::string> reading_value(const composing& c, const rule_version& v) {
    if (!v.reading) return std::string();
    const auto it = c.req.readings.find(v.reading->name);
    if (it == c.req.readings.end()) return v.reading->values.front();
    const auto& values = v.reading->values;
    if (std::find(values.begin(), values.end(), it->second) != values.end()) return it->second;
    std::string listed;
    for (const auto& x : values) listed += (listed.empty() ? "" : "|") + x;
    return unexpected(make_error(errc::invalid_request,
                                 "readings." + it->first + ": '" + it->second + "' is not a value of rule '" + c.r.id +
                                     "' (" + it->first + "=" + listed + ")",
                                 it->second));
}

// The components a reading's value uses (a version without a reading: all of them).
const std::vector<std::string>& used(const rule_version& v, const std::string& value) {
    return v.reading ? v.reading->components_under(value, v.components) : v.components;
}

// Whether a component is counted on another calendar than the composite's own.
bool abroad(const composing& c, const rule& component) {
    const convention* cc = c.pack.find_convention(component.convention);
    return cc != nullptr && cc->calendar != c.ctx.conv->calendar;
}

result<deadline> compute_part(const composing& c, const rule_version& v, const compute_request& variant,
                              const rule& component, std::optional<error>& beyond) {
    auto part = compute_rule(c.pack, &component, variant, false, c.depth + 1);
    if (!part && part.error().code == errc::outside_calendar_coverage && abroad(c, component)) {
        // Counted on another forum's calendar past its data: that calendar's projection
        // answers (provisionally), as it would for the component asked alone.
        compute_request own = variant;
        own.rule = component.id;
        own.readings.clear();
        own.calendar_view = nullptr;
        part = compute(c.pack, own);
    }
    if (!part && part.error().code == errc::outside_calendar_coverage && variant.outside == coverage_policy::strict &&
        v.combine == combinator::earliest_of) {
        beyond = with_context(part.error(), "component " + component.id);
        compute_request loose = variant;
        loose.outside = coverage_policy::provisional;
        part = compute_rule(c.pack, &component, loose, false, c.depth + 1);
    }
    return part;
}

result<part_set> run_with(const composing& c, const rule_version& v, const compute_request& variant,
                          const std::vector<std::string>& ids) {
    part_set out;
    for (const auto& id : ids) {
        const rule* component = c.pack.find(id);
        if (component == nullptr) return unexpected(make_error(errc::rules_invalid, "unknown component '" + id + "'"));
        std::optional<error> beyond;
        auto part = compute_part(c, v, variant, *component, beyond);
        if (!part) return unexpected(with_context(part.error(), "component " + id));
        if (!part->time_limited)  // never guessed: which end would govern is not in the data
            return unexpected(make_error(errc::invalid_request,
                                         "component " + id + " of rule '" + c.r.id +
                                             "' sets no time limit for these facts, so the " +
                                             std::string(to_string(v.combine)) +
                                             " of its components has no answer the pack states"));
        out.parts.push_back(std::move(*part));
        out.beyond.push_back(std::move(beyond));
    }
    return out;
}

// A part's last day as a legal day of the composite's forum.
civil_date forum_day(const composing& c, const deadline& p) {
    if (p.forum_zone == c.ctx.conv->zone || p.backwards) return p.last_day;
    return tz::legal_day(p.ends_at - std::chrono::seconds(1), c.ctx.zone);
}

result<std::size_t> governing(const composing& c, const rule_version& v, const part_set& ps) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < ps.parts.size(); ++i) {
        const civil_date mine = forum_day(c, ps.parts[i]), theirs = forum_day(c, ps.parts[best]);
        if (v.combine == combinator::earliest_of ? mine < theirs : theirs < mine) best = i;
    }
    for (std::size_t i = 0; i < ps.parts.size(); ++i)
        if (ps.beyond[i] && (i == best || !(forum_day(c, ps.parts[best]) < ps.parts[i].raw_end)))
            return unexpected(*ps.beyond[i]);
    return best;
}

// The version: chosen by the earliest start among the components of the newest version (they
// name the events), or, for versions that govern applications, by the act's day.
result<const rule_version*> choose_version(const composing& c, const part_set& newest, bool& by_application) {
    civil_date on = newest.parts.front().start;
    for (const auto& p : newest.parts) on = std::min(on, p.start);
    by_application = !c.r.version_by_application.empty() && c.req.act && c.req.version_by == version_reading::application;
    if (by_application) {
        auto act = anchor("act", *c.req.act, c.ctx.zone, c.req.local_times);
        if (!act) return unexpected(act.error());
        on = act->forum_day;
    }
    const rule_version* chosen = c.r.version_for(on);
    if (chosen == nullptr)
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + c.r.id + "' has no version in force for " +
                                         (by_application ? "an application on " : "") + on.to_string() +
                                         " (versions from " + c.r.versions.front().valid_from.to_string() + ")",
                                     on.to_string()));
    return chosen;
}

// The compose step: each component's start and last day, and the one that governs.
trace_entry compose_step(const deadline& d, const part_set& ps, std::size_t best, const rule_version& v) {
    trace_entry how;
    how.kind = trace_kind::compose;
    how.reason = trace_reason::composed;
    how.policy = to_string(v.combine);
    for (std::size_t i = 0; i < ps.parts.size(); ++i) {
        const auto& p = ps.parts[i];
        how.items.push_back({p.rule, p.trigger, {}, p.start, ps.beyond[i] ? p.raw_end : p.last_day,
                             ps.beyond[i].has_value()});
    }
    how.last_day = d.last_day;
    how.event = ps.parts[best].rule;
    how.citations = v.citations;
    return how;
}

// The reading step: the reading's name and value, whether it is the default, and the
// components its value leaves out.
trace_entry reading_step(const composing& c, const rule_version& v, const std::string& value) {
    trace_entry s;
    s.kind = trace_kind::compose;
    s.reason = trace_reason::reading_applied;
    s.event = v.reading->name;
    s.written = value;
    s.policy = c.req.readings.contains(v.reading->name) ? "given" : "default";
    const auto& u = used(v, value);
    for (const auto& id : v.components)
        if (std::find(u.begin(), u.end(), id) == u.end()) s.items.push_back({id, "not_applied", {}, {}, {}, false});
    return s;
}

// The step that says where a component counted in another forum ends in this one.
trace_entry other_forum_step(const composing& c, const deadline& part, const deadline& d) {
    trace_entry s;
    s.kind = trace_kind::anchor;
    s.reason = trace_reason::anchored_other_forum;
    s.event = part.rule;
    s.other_zone = part.forum_zone;
    s.zone = c.ctx.conv->zone;
    s.on = part.last_day;
    s.last_day = d.last_day;
    if (auto there = tz::locate(part.forum_zone)) s.from_time = tz::to_local(d.ends_at, *there);
    s.to_time = tz::to_local(d.ends_at, c.ctx.zone);
    return s;
}

// The other readings of the law, each with its last day where it differs.
void report_other_readings(const composing& c, const rule_version& v, const std::string& value, deadline& d) {
    const auto variant = [&](const compute_request& alt, const std::vector<std::string>& ids, std::string reading) {
        auto ps = run_with(c, v, alt, ids);
        if (!ps) return;
        auto b = governing(c, v, *ps);
        if (b && forum_day(c, ps->parts[*b]) != d.last_day)
            d.alternatives.push_back({std::move(reading), forum_day(c, ps->parts[*b])});
    };
    compute_request alt = c.req;
    alt.adjusted = c.req.adjusted == adjusted_weekend::schedule ? adjusted_weekend::weekday : adjusted_weekend::schedule;
    variant(alt, used(v, value), "adjusted_weekend=" + std::string(to_string(alt.adjusted)));
    if (!v.reading) return;
    compute_request quiet = c.req;
    quiet.trace = false;
    for (const auto& other : v.reading->values)
        if (other != value) variant(quiet, used(v, other), v.reading->name + "=" + other);
}

// The governing component's answer, as the composite's.
void adopt(const composing& c, const rule_version& v, bool by_application, deadline& d) {
    if (d.forum_zone != c.ctx.conv->zone) {  // counted in another forum: its end in this one's
        d.last_day = forum_day(c, d);
        d.forum_zone = c.ctx.conv->zone;
        d.ends_at_forum = tz::format(d.ends_at, c.ctx.zone);
    }
    d.rule = c.r.id;
    d.name_zh = c.r.name_zh;
    d.name_en = c.r.name_en;
    d.version = v.valid_from;
    d.citations = by_application ? citation_list::join(v.citations, c.r.version_by_application) : v.citations;
    d.expiry = c.r.kind == period_kind::party ? c.r.expiry_under(v) : expiry_kind::none;
    d.kind = c.r.kind;
    d.combine = v.combine;
    d.alternatives.clear();
    d.components.clear();
    d.provisional = false;
    if (v.produces) {
        d.produces = v.produces->event;
        d.produces_on = v.produces->on == produced_event::day::last_day ? d.last_day : add_calendar_days(d.last_day, 1);
    }
}

}  // namespace

result<deadline> compute_composite(const rule_pack& pack, const rule* r, const compute_request& req,
                                   bool alternatives, int depth) {
    if (depth > 8) return unexpected(make_error(errc::rules_invalid, "rule '" + r->id + "' nests too deeply"));
    auto ctx = forum_of(pack, *r, req);
    if (!ctx) return unexpected(ctx.error());
    const composing c{pack, *r, req, *ctx, depth};
    std::string value;  // the reading's value (empty: the version declares none)
    const auto run = [&](const rule_version& v) -> result<part_set> {
        auto x = reading_value(c, v);
        if (!x) return unexpected(x.error());
        value = *x;
        return run_with(c, v, req, used(v, value));
    };
    const rule_version* v = &r->versions.back();
    auto parts = run(*v);
    if (!parts) return unexpected(parts.error());
    bool by_application = false;
    auto chosen = choose_version(c, *parts, by_application);
    if (!chosen) return unexpected(chosen.error());
    if (*chosen != v) {
        v = *chosen;
        parts = run(*v);
        if (!parts) return unexpected(parts.error());
    }
    auto best = governing(c, *v, *parts);
    if (!best) return unexpected(best.error());

    deadline d = parts->parts[*best];  // the governing component: its start, count, end
    const deadline& governor = parts->parts[*best];
    adopt(c, *v, by_application, d);
    for (std::size_t i = 0; i < parts->parts.size(); ++i) {
        const auto& p = parts->parts[i];
        d.components.push_back({p.rule, p.trigger, p.start, p.last_day});
        if (!parts->beyond[i]) d.provisional = d.provisional || p.provisional;
    }
    if (req.trace) {
        std::vector<trace_entry> head{compose_step(d, *parts, *best, *v)};
        if (v->reading) head.push_back(reading_step(c, *v, value));
        if (governor.forum_zone != d.forum_zone) head.push_back(other_forum_step(c, governor, d));
        d.trace.insert(d.trace.begin(), head.begin(), head.end());
    }
    if (alternatives) report_other_readings(c, *v, value, d);
    return d;
}

}  // namespace qixian::stage
