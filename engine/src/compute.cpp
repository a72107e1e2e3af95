#include "qixian/compute.hpp"
#include "qixian/tz.hpp"

namespace qixian {

std::string_view engine_version() noexcept { return QIXIAN_VERSION; }

std::string_view to_string(event_zone_reading r) noexcept {
    return r == event_zone_reading::forum ? "forum" : "local";
}

namespace {

error with_context(error e, const std::string& context) {
    e.message = context + ": " + e.message;
    return e;
}

// An event anchored to legal days: in the forum's zone, and in the actor's own zone
// (they differ only for a time given with an offset or a zone).
struct anchored {
    tz::moment when;
    civil_date forum_day;
    civil_date local_day;
};

result<anchored> anchor(const std::string& what, const std::string& text, const tz::zone& forum,
                        tz::local_policy policy) {
    auto m = tz::parse_moment(text);
    if (!m) return unexpected(with_context(m.error(), what));
    auto day = tz::legal_day_of(*m, forum, policy);
    if (!day) return unexpected(with_context(day.error(), what));
    const bool abroad = m->kind == tz::moment::form::zoned || m->kind == tz::moment::form::offset;
    return anchored{*m, *day, abroad ? m->day : *day};
}

// The period of the version that matches the request's facts.
result<period> choose_period(const rule& r, const rule_version& v, const compute_request& req) {
    for (const auto& choice : v.periods) {
        bool matches = true;
        for (const auto& [fact, value] : choice.when) {
            const auto it = req.facts.find(fact);
            if (it == req.facts.end())
                return unexpected(make_error(errc::missing_fact,
                                             "rule '" + r.id + "' (version from " + v.valid_from.to_string() +
                                                 ") depends on the fact '" + fact + "'; give it, e.g. --fact " +
                                                 fact + "=" + value,
                                             fact));
            if (it->second != value) matches = false;
        }
        if (matches) return choice.length;
    }
    return unexpected(make_error(errc::invalid_request,
                                 "rule '" + r.id + "': no period of the version from " + v.valid_from.to_string() +
                                     " matches the facts given"));
}

// The trigger: the first event kind of `kinds` the request gives.
const std::string* first_given(const std::vector<std::string>& kinds, const compute_request& req) {
    for (const auto& k : kinds)
        if (req.events.count(k)) return &k;
    return nullptr;
}

result<deadline> compute_rule(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                              int depth);

// Where a rule is counted: its convention, the forum's calendar and zone.
struct forum_context {
    const convention* conv;
    const table_calendar* cal;
    tz::zone zone;
};

result<forum_context> forum_of(const rule_pack& pack, const rule& r) {
    const convention* conv = pack.find_convention(r.convention);
    const table_calendar* cal = conv ? pack.find_calendar(conv->calendar) : nullptr;
    if (conv == nullptr || cal == nullptr)
        return unexpected(make_error(errc::rules_invalid, "rule '" + r.id + "' has no usable convention or calendar"));
    auto zone = tz::locate(conv->zone);
    if (!zone) return unexpected(zone.error());
    return forum_context{conv, cal, *zone};
}

// A rule with a trigger and a period.
result<deadline> compute_simple(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives) {
    auto ctx = forum_of(pack, *r);
    if (!ctx) return unexpected(ctx.error());
    const convention* conv = ctx->conv;
    const table_calendar* cal = ctx->cal;
    const tz::zone* forum = &ctx->zone;
    if (r->versions.empty() || r->versions.back().combine != combinator::none)
        return unexpected(make_error(errc::rules_invalid, "rule '" + r->id + "' mixes composite and simple versions"));
    // anchor: the trigger event as a legal day. The version is chosen by the trigger
    // day, and a version may name its own triggers, so anchor with the newest
    // version's triggers first and re-anchor if the chosen version differs.
    const std::string* trigger = nullptr;
    for (auto v = r->versions.rbegin(); v != r->versions.rend() && trigger == nullptr; ++v)
        trigger = first_given(v->trigger, req);
    if (trigger == nullptr) {
        const auto& kinds = r->versions.back().trigger;
        std::string needed;
        for (const auto& k : kinds) needed += (needed.empty() ? "" : " or ") + k;
        return unexpected(make_error(errc::missing_event,
                                     "rule '" + r->id + "' runs from the event " + needed + "; give it, e.g. --event " +
                                         kinds.front() + "=2024-01-31",
                                     needed));
    }
    auto a = anchor("event " + *trigger, req.events.find(*trigger)->second, *forum, req.local_times);
    if (!a) return unexpected(a.error());
    auto pick = [&](const anchored& x, event_zone_reading ez) {
        return ez == event_zone_reading::forum ? x.forum_day : x.local_day;
    };
    civil_date start = pick(*a, req.event_zone);

    // select: the version in force for the trigger day.
    const rule_version* v = r->version_for(start);
    if (v == nullptr)
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + r->id + "' has no version in force for a trigger on " +
                                         start.to_string() + " (versions from " +
                                         r->versions.front().valid_from.to_string() + ")",
                                     start.to_string()));
    if (const std::string* own = first_given(v->trigger, req); own != nullptr && *own != *trigger) {
        trigger = own;
        a = anchor("event " + *trigger, req.events.find(*trigger)->second, *forum, req.local_times);
        if (!a) return unexpected(a.error());
        start = pick(*a, req.event_zone);
    }
    auto length = choose_period(*r, *v, req);
    if (!length) return unexpected(length.error());

    deadline d;
    d.rule = r->id;
    d.name_zh = r->name_zh;
    d.name_en = r->name_en;
    d.version = v->valid_from;
    d.citations = v->citations;
    d.trigger = *trigger;
    d.start = start;
    d.length = *length;
    d.expiry = r->expiry;
    d.forum_zone = conv->zone;

    if (req.trace) {
        d.trace.push_back({"select",
                           "version in force from " + v->valid_from.to_string() +
                               (v->valid_until ? " until " + v->valid_until->to_string() : std::string()) +
                               " (chosen by the trigger day " + start.to_string() + ")",
                           v->citations});
        std::string anchored_how = *trigger + " " + a->when.text + " -> legal day " + start.to_string();
        if (a->forum_day != a->local_day)
            anchored_how += req.event_zone == event_zone_reading::forum
                                ? " in " + conv->zone + " (the forum's day; it was " + a->local_day.to_string() +
                                      " where the act was done)"
                                : " where the act was done (reading event_zone=local; in " + conv->zone + " it was " +
                                      a->forum_day.to_string() + ")";
        else
            anchored_how += " in " + conv->zone;
        d.trace.push_back({"anchor", anchored_how, {}});
    }

    const calendar_query q{.reading = req.adjusted, .outside = req.outside, .as_of = req.calendar_as_of};
    if (length->is_hours_only()) {
        if (a->when.kind == tz::moment::form::legal_day)
            return unexpected(make_error(errc::invalid_request,
                                         "rule '" + r->id + "' counts hours: give the event's time, e.g. " + *trigger +
                                             "=" + start.to_string() + "T10:25",
                                         a->when.text));
        auto at = tz::instant_of(a->when, *forum, req.local_times);
        if (!at) return unexpected(with_context(at.error(), "event " + *trigger));
        auto h = count_hours(tz::to_local(*at, *forum), *length);
        if (!h) return unexpected(h.error());
        // An end that falls into a clock change ends when the clocks reach it.
        auto end = tz::to_instant(h->ends_before, *forum, tz::local_policy::latest);
        if (!end) return unexpected(end.error());
        d.ends_at = *end;
        d.raw_end = d.last_day = day_of(h->ends_before);
        if (req.trace)
            d.trace.push_back({"count", "counting from the next whole hour " + to_string(h->counted_from) + ", + " +
                                        to_string(*length) + " -> " + to_string(h->ends_before),
                           conv->citations});
    } else {
        const trace_detail detail = req.trace ? trace_detail::full : trace_detail::none;
        auto counted = count(start, *length, conv->counting, cal, q, detail);
        if (!counted) return unexpected(counted.error());
        if (v->ends_no_later_than && *v->ends_no_later_than < counted->raw_end) {
            // A transitional cap: the period ends no later than the cap, which is then
            // rolled and closed like any last day.
            const civil_date uncapped = counted->raw_end;
            while (!counted->trace.empty() && counted->trace.back().kind != step_kind::count) counted->trace.pop_back();
            counted->raw_end = *v->ends_no_later_than;
            if (req.trace)
                counted->trace.push_back({step_kind::count, uncapped, counted->raw_end,
                                          "capped: " + uncapped.to_string() + " is after " +
                                              counted->raw_end.to_string() + ", the latest end the version allows"});
            auto settled = settle(std::move(*counted), conv->counting, cal, q, detail);
            if (!settled) return unexpected(settled.error());
            counted = std::move(settled);
            d.capped = true;
        }
        d.raw_end = counted->raw_end;
        d.last_day = counted->last_day;
        d.provisional = counted->provisional;
        for (const auto& step : counted->trace)
            d.trace.push_back({std::string(to_string(step.kind)), step.detail, conv->citations});
        auto end = tz::to_instant(counted->ends_before, *forum, tz::local_policy::reject);
        if (!end) return unexpected(with_context(end.error(), "end of the last day"));
        d.ends_at = *end;

        // Every reading that would change the last day is reported, with that day.
        auto last_day_under = [&](civil_date from, const calendar_query& query) -> std::optional<civil_date> {
            auto alt = count(from, *length, conv->counting, cal, query, trace_detail::none);
            if (!alt) return std::nullopt;
            if (v->ends_no_later_than && *v->ends_no_later_than < alt->raw_end) {
                alt->raw_end = *v->ends_no_later_than;
                alt = settle(std::move(*alt), conv->counting, cal, query, trace_detail::none);
                if (!alt) return std::nullopt;
            }
            return alt->last_day;
        };
        calendar_query other = q;
        other.reading = req.adjusted == adjusted_weekend::schedule ? adjusted_weekend::weekday
                                                                   : adjusted_weekend::schedule;
        if (auto alt = last_day_under(start, other); alternatives && alt && *alt != d.last_day)
            d.alternatives.push_back({"adjusted_weekend=" + std::string(to_string(other.reading)), *alt});
        const auto other_zone =
            req.event_zone == event_zone_reading::forum ? event_zone_reading::local : event_zone_reading::forum;
        if (const civil_date other_start = pick(*a, other_zone); other_start != start) {
            if (auto alt = last_day_under(other_start, q); alternatives && alt && *alt != d.last_day)
                d.alternatives.push_back({"event_zone=" + std::string(to_string(other_zone)), *alt});
        }
    }
    if (v->produces) {
        d.produces = v->produces->event;
        d.produces_on = v->produces->on == produced_event::day::last_day ? d.last_day
                                                                          : add_calendar_days(d.last_day, 1);
    }
    d.ends_at_forum = tz::format(d.ends_at, *forum);
    d.ends_at_utc = tz::format_utc(d.ends_at);
    if (!req.zone.empty()) {
        auto z = tz::locate(req.zone);
        if (!z) return unexpected(z.error());
        d.ends_at_local = tz::format(d.ends_at, *z);
    }

    return d;
}

// judge: an act against the exclusive end; provenance.
result<void> finish(const rule_pack& pack, const table_calendar& cal, const tz::zone& forum,
                    const compute_request& req, deadline& d) {
    if (req.act) {
        auto act = anchor("act", *req.act, forum, req.local_times);
        if (!act) return unexpected(act.error());
        bool timely = act->forum_day <= d.last_day;
        if (act->when.kind != tz::moment::form::legal_day) {
            auto at = tz::instant_of(act->when, forum, req.local_times);
            if (!at) return unexpected(with_context(at.error(), "act"));
            timely = *at < d.ends_at;
        }
        d.status = timely ? "timely" : "late";
        if (!timely) d.days_late = calendar_days_between(d.last_day, act->forum_day);
        if (req.trace)
            d.trace.push_back({"judge",
                           "act on " + act->forum_day.to_string() + ": " + *d.status +
                               (d.days_late ? " by " + std::to_string(*d.days_late) + " days" : std::string()) +
                               (d.expiry == expiry_kind::defence && !timely
                                    ? "; expiry is a defence the debtor may raise, not a bar to filing"
                                    : std::string()),
                           {}});
    }

    d.source = provenance{std::string(engine_version()), pack.digest(), pack.calendar_digest(),
                          std::string(cal.id()), cal.coverage_first(), cal.coverage_last(),
                          tz::database_version()};
    return {};
}

// A composite: the earliest (or latest) of its components' last days.
result<deadline> compute_composite(const rule_pack& pack, const rule* r, const compute_request& req,
                                   bool alternatives, int depth) {
    if (depth > 8) return unexpected(make_error(errc::rules_invalid, "rule '" + r->id + "' nests too deeply"));

    // A component whose end lies beyond the calendar's data is computed provisionally;
    // under earliest_of it cannot govern when even its raw end (rolling only moves
    // later) comes after another component's last day. Otherwise its error stands.
    struct part_set {
        std::vector<deadline> parts;
        std::vector<std::optional<error>> beyond;  // the coverage error of a provisional part
    };
    auto run = [&](const rule_version& v, const compute_request& variant) -> result<part_set> {
        part_set out;
        for (const auto& id : v.components) {
            const rule* c = pack.find(id);
            if (c == nullptr) return unexpected(make_error(errc::rules_invalid, "unknown component '" + id + "'"));
            auto part = compute_rule(pack, c, variant, false, depth + 1);
            std::optional<error> beyond;
            if (!part && part.error().code == errc::outside_calendar_coverage &&
                variant.outside == coverage_policy::strict && v.combine == combinator::earliest_of) {
                beyond = with_context(part.error(), "component " + id);
                compute_request loose = variant;
                loose.outside = coverage_policy::provisional;
                part = compute_rule(pack, c, loose, false, depth + 1);
            }
            if (!part) return unexpected(with_context(part.error(), "component " + id));
            out.parts.push_back(std::move(*part));
            out.beyond.push_back(std::move(beyond));
        }
        return out;
    };
    auto governing = [](const rule_version& v, const part_set& ps) -> result<std::size_t> {
        std::size_t best = 0;
        for (std::size_t i = 1; i < ps.parts.size(); ++i) {
            const bool better = v.combine == combinator::earliest_of ? ps.parts[i].last_day < ps.parts[best].last_day
                                                                     : ps.parts[best].last_day < ps.parts[i].last_day;
            if (better) best = i;
        }
        for (std::size_t i = 0; i < ps.parts.size(); ++i)
            if (ps.beyond[i] && (i == best || !(ps.parts[best].last_day < ps.parts[i].raw_end)))
                return unexpected(*ps.beyond[i]);
        return best;
    };

    // The version is chosen by the earliest start among the components of the newest
    // version (they name the events); the components choose their own versions.
    const rule_version* v = &r->versions.back();
    auto parts = run(*v, req);
    if (!parts) return unexpected(parts.error());
    civil_date earliest_start = parts->parts.front().start;
    for (const auto& p : parts->parts) earliest_start = std::min(earliest_start, p.start);
    const rule_version* chosen = r->version_for(earliest_start);
    if (chosen == nullptr)
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + r->id + "' has no version in force for " + earliest_start.to_string(),
                                     earliest_start.to_string()));
    if (chosen != v) {
        v = chosen;
        parts = run(*v, req);
        if (!parts) return unexpected(parts.error());
    }
    auto best = governing(*v, *parts);
    if (!best) return unexpected(best.error());

    deadline d = parts->parts[*best];  // the governing component: its start, count, end
    d.rule = r->id;
    d.name_zh = r->name_zh;
    d.name_en = r->name_en;
    d.version = v->valid_from;
    d.citations = v->citations;
    d.expiry = r->expiry;
    d.combine = v->combine;
    d.alternatives.clear();
    d.components.clear();
    d.provisional = false;
    std::string how = std::string(to_string(v->combine)) + ":";
    for (std::size_t i = 0; i < parts->parts.size(); ++i) {
        const auto& p = parts->parts[i];
        d.components.push_back({p.rule, p.trigger, p.start, p.last_day});
        if (!parts->beyond[i]) d.provisional = d.provisional || p.provisional;
        how += " " + p.rule + " (" + p.trigger + " " + p.start.to_string() + ") ends " +
               (parts->beyond[i] ? "after " + p.raw_end.to_string() + ", beyond the calendar's data"
                                 : p.last_day.to_string()) +
               ";";
    }
    how += " -> " + d.last_day.to_string() + " (" + parts->parts[*best].rule + ")";
    if (req.trace) d.trace.insert(d.trace.begin(), trace_entry{"compose", how, v->citations});
    if (v->produces) {
        d.produces = v->produces->event;
        d.produces_on = v->produces->on == produced_event::day::last_day ? d.last_day
                                                                          : add_calendar_days(d.last_day, 1);
    }
    if (alternatives) {
        auto variant = [&](const compute_request& alt, std::string reading) {
            auto ps = run(*v, alt);
            if (!ps) return;
            auto b = governing(*v, *ps);
            if (b && ps->parts[*b].last_day != d.last_day)
                d.alternatives.push_back({std::move(reading), ps->parts[*b].last_day});
        };
        compute_request alt = req;
        alt.adjusted = req.adjusted == adjusted_weekend::schedule ? adjusted_weekend::weekday : adjusted_weekend::schedule;
        variant(alt, "adjusted_weekend=" + std::string(to_string(alt.adjusted)));
        alt = req;
        alt.event_zone = req.event_zone == event_zone_reading::forum ? event_zone_reading::local : event_zone_reading::forum;
        variant(alt, "event_zone=" + std::string(to_string(alt.event_zone)));
    }
    return d;
}

result<deadline> compute_rule(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                              int depth) {
    if (!r->versions.empty() && r->versions.back().combine != combinator::none)
        return compute_composite(pack, r, req, alternatives, depth);
    return compute_simple(pack, r, req, alternatives);
}

}  // namespace

result<deadline> compute(const rule_pack& pack, const compute_request& req) {
    const rule* r = pack.find(req.rule);
    if (r == nullptr)
        return unexpected(make_error(errc::unknown_rule,
                                     "no rule '" + req.rule + "' in the rule pack (qixian rules list shows them)",
                                     req.rule));
    for (const auto& [kind, text] : req.events)
        if (!is_event_kind(kind))
            return unexpected(make_error(errc::invalid_request,
                                         "'" + kind + "' is not an event kind (see INTERFACES.md)", kind));
    auto d = compute_rule(pack, r, req, true, 0);
    if (!d) return d;
    auto ctx = forum_of(pack, *r);
    if (!ctx) return unexpected(ctx.error());
    // Events the rule did not use (for a composite: none of its components used).
    d->notes.clear();
    for (const auto& [kind, text] : req.events) {
        bool used = kind == d->trigger;
        for (const auto& c : d->components) used = used || c.trigger == kind;
        if (!used) d->notes.push_back("event '" + kind + "' was given but not used by this rule");
    }
    auto done = finish(pack, *ctx->cal, ctx->zone, req, *d);
    if (!done) return unexpected(done.error());
    return d;
}

}  // namespace qixian
