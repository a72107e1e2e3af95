#include "qixian/compute.hpp"
#include "qixian/tz.hpp"
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

result<deadline> compute_rule(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                              int depth);


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

// Instalments (LAW.md §1 reading 4). By default each instalment is counted under the version
// in force on its own due day: where that version says `each`, the instalment has its own
// period; the instalments whose version says `last` share one period from the last
// instalment. The reading instalments=last counts all of them from the last; the other
// reading is reported where it changes the verdict. A reading that cannot apply is a note.
struct instalment_parts {
    std::vector<instalment_result> items;
    int late = 0;
};

// The instalments' due days as the forum's legal days, in order.
result<std::vector<civil_date>> instalment_days(const compute_request& req, const tz::zone& forum) {
    std::vector<civil_date> dues;
    for (const auto& text : req.instalments) {
        auto x = anchor("instalment_due", text, forum, req.local_times);
        if (!x) return unexpected(x.error());
        dues.push_back(x->forum_day);
    }
    std::sort(dues.begin(), dues.end());
    return dues;
}

// The instalments step: each instalment's due day, last day and verdict, and whether it had
// a period of its own (`own`).
trace_entry instalments_step(const deadline& d, const std::vector<civil_date>& own, const rule_version& v) {
    trace_entry t;
    t.kind = trace_kind::instalments;
    t.reason = trace_reason::instalments_each;
    for (const auto& ir : d.instalments) {
        trace_item item;
        item.start = ir.due;
        if (ir.time_limited) item.last_day = ir.last_day;
        if (ir.status) item.value = *ir.status;
        item.flag = std::find(own.begin(), own.end(), ir.due) != own.end();
        t.items.push_back(std::move(item));
    }
    t.citations = v.citations;
    return t;
}

result<deadline> compute_instalments(const rule_pack& pack, const rule* r, const compute_request& req,
                                     bool alternatives, const tz::zone& forum) {
    auto days = instalment_days(req, forum);
    if (!days) return unexpected(days.error());
    const std::vector<civil_date>& dues = *days;
    const civil_date last = dues.back();
    const rule_version* v = r->version_for(last);
    if (v == nullptr)
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + r->id + "' has no version in force for an instalment due " +
                                         last.to_string(),
                                     last.to_string()));
    if (v->instalments == instalment_mode::none)
        return unexpected(make_error(errc::invalid_request, "rule '" + r->id + "' (version from " +
                                                                v->valid_from.to_string() + ") takes no instalments"));
    auto ctx = forum_of(pack, *r, req);
    if (!ctx) return unexpected(ctx.error());
    auto one = [&](civil_date due, bool alts) -> result<deadline> {
        compute_request single = req;
        single.instalments.clear();
        single.events["instalment_due"] = due.to_string();
        return compute_simple(pack, r, single, alts);
    };
    // Whether an instalment has its own period: the version in force on its own due day says.
    auto own_period = [&](civil_date due) {
        const rule_version* w = r->version_for(due);
        return w != nullptr && w->instalments == instalment_mode::each;
    };
    // An answer judged against the act, quietly.
    auto judged = [&](deadline probe) -> std::optional<std::string> {
        if (!req.act) return std::nullopt;
        if (!probe.time_limited) return std::string("timely");
        compute_request quiet = req;
        quiet.trace = false;
        if (!judge(probe, *req.act, ctx->zone, quiet)) return std::nullopt;
        return probe.status;
    };
    // Each of `which` with its own period, judged; the instalments of `shared` share `group`.
    auto parts_of = [&](const std::vector<civil_date>& which, const std::vector<civil_date>& shared,
                        const deadline* group) -> result<instalment_parts> {
        instalment_parts out;
        for (const civil_date due : dues) {
            const bool own = std::find(which.begin(), which.end(), due) != which.end();
            if (!own && std::find(shared.begin(), shared.end(), due) == shared.end()) continue;
            deadline d;
            if (own) {
                auto x = one(due, false);
                if (!x) return unexpected(with_context(x.error(), "instalment due " + due.to_string()));
                d = std::move(*x);
            } else {
                d = *group;
            }
            instalment_result ir{due, d.last_day, judged(d), d.time_limited};
            if (!d.time_limited) ir.last_day = civil_date{};
            out.late += ir.status && *ir.status == "late";
            out.items.push_back(ir);
        }
        return out;
    };
    auto overall = [&](const instalment_parts& p) -> std::optional<std::string> {
        if (!req.act) return std::nullopt;
        return p.late == 0 ? "timely" : p.late == static_cast<int>(p.items.size()) ? "late" : "partly_late";
    };

    std::vector<civil_date> own, shared;
    for (const civil_date due : dues) (own_period(due) ? own : shared).push_back(due);
    const bool all_from_last = req.instalments_reading == instalment_reading::last || own.empty();
    auto d = one(last, alternatives);
    if (!d) return d;
    if (req.instalments_reading == instalment_reading::each && !shared.empty())
        d->notes.push_back("reading instalments=each does not apply to the instalments due from " +
                           shared.front().to_string() + ": the version in force on their due days counts one period "
                           "from the last instalment (its text, not a reading)");
    if (all_from_last) {
        d->notes.push_back(own.empty() ? "instalments: one period from the last instalment, due " + last.to_string()
                                       : "instalments: counted from the last one (reading instalments=last; the text "
                                         "in force on some due days counts each instalment)");
        if (alternatives && !own.empty() && req.act) {  // the default reading, where it changes the verdict
            const deadline group = *d;
            auto p = parts_of(own, shared, &group);
            const auto status = judged(*d);
            if (p && status && overall(*p) != status)
                d->alternatives.push_back({"instalments=each", d->time_limited ? d->last_day : civil_date{},
                                           overall(*p), d->time_limited, std::nullopt});
        }
        return d;
    }
    const deadline group = *d;
    auto p = parts_of(own, shared, &group);
    if (!p) return unexpected(p.error());
    d->instalments = p->items;
    d->status = overall(*p);
    if (d->status && *d->status == "late" && d->time_limited) {
        deadline probe = *d;
        compute_request quiet = req;
        quiet.trace = false;
        if (judge(probe, *req.act, ctx->zone, quiet)) d->days_late = probe.days_late;
    }
    if (!shared.empty())
        d->notes.push_back("instalments due before " + r->version_for(shared.front())->valid_from.to_string() +
                           " are each counted from their own due day under the text then in force; those from then on "
                           "share one period from the last instalment. The transitional effect of the change is not "
                           "settled: reading instalments=last counts all from the last");
    if (req.trace) d->trace.insert(d->trace.begin(), instalments_step(*d, own, *v));
    if (alternatives && req.act) {  // reading instalments=last: one period from the last instalment
        const auto status = judged(group);
        if (status && status != d->status) {
            if (!group.time_limited) d->alternatives.push_back({"instalments=last", {}, status, false, std::nullopt});
            else d->alternatives.push_back({"instalments=last", group.last_day, status});
        }
    }
    return d;
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
            if (!part->time_limited)  // never guessed: which end would govern is not in the data
                return unexpected(make_error(errc::invalid_request,
                                             "component " + id + " of rule '" + r->id +
                                                 "' sets no time limit for these facts, so the " +
                                                 std::string(to_string(v.combine)) +
                                                 " of its components has no answer the pack states"));
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
    d.expiry = r->kind == period_kind::party ? r->expiry_under(*v) : expiry_kind::none;
    d.kind = r->kind;
    d.combine = v->combine;
    d.alternatives.clear();
    d.components.clear();
    d.provisional = false;
    trace_entry how;
    how.kind = trace_kind::compose;
    how.reason = trace_reason::composed;
    how.policy = to_string(v->combine);
    for (std::size_t i = 0; i < parts->parts.size(); ++i) {
        const auto& p = parts->parts[i];
        d.components.push_back({p.rule, p.trigger, p.start, p.last_day});
        if (!parts->beyond[i]) d.provisional = d.provisional || p.provisional;
        if (req.trace)
            how.items.push_back({p.rule, p.trigger, {}, p.start, parts->beyond[i] ? p.raw_end : p.last_day,
                                 parts->beyond[i].has_value()});
    }
    how.last_day = d.last_day;
    how.event = parts->parts[*best].rule;
    how.citations = v->citations;
    if (req.trace) d.trace.insert(d.trace.begin(), std::move(how));
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
    }
    return d;
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

result<deadline> compute_rule(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                              int depth) {
    if (!r->versions.empty() && !r->versions.back().time_limited) return compute_untimed(pack, r, req);
    if (!r->versions.empty() && r->versions.back().combine != combinator::none)
        return compute_composite(pack, r, req, alternatives, depth);
    return compute_simple(pack, r, req, alternatives);
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

}  // namespace

// The computation on the calendar's data (or on `req.calendar_view`); compute() in
// projected_compute.cpp adds the projection past the data.
result<deadline> compute_on_data(const rule_pack& pack, const compute_request& req) {
    const rule* r = pack.find(req.rule);
    if (r == nullptr)
        return unexpected(make_error(errc::unknown_rule,
                                     "no rule '" + req.rule + "' in the rule pack (qixian rules list shows them)",
                                     req.rule));
    for (const auto& [kind, text] : req.events)
        if (!is_event_kind(kind))
            return unexpected(make_error(errc::invalid_request,
                                         "'" + kind + "' is not an event kind (see INTERFACES.md)", kind));
    if (auto ok = check_facts(req.facts); !ok) return unexpected(ok.error());
    auto d = compute_rule(pack, r, req, true, 0);
    if (!d) return d;
    auto ctx = forum_of(pack, *r, req);
    if (!ctx) return unexpected(ctx.error());
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

result<forum_context> forum_of(const rule_pack& pack, const rule& r, const compute_request& req) {
    const convention* conv = pack.find_convention(r.convention);
    const table_calendar* cal = conv ? pack.find_calendar(conv->calendar) : nullptr;
    if (cal != nullptr && req.calendar_view != nullptr) cal = req.calendar_view;  // a projected view
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
