// The select stage (simple.hpp): which event starts the period, which version of the rule
// applies, and which of its periods the facts choose — with the select and anchor steps.
#include "simple.hpp"

#include <algorithm>

namespace qixian::stage {

const std::string* first_given(const std::vector<std::string>& kinds, const compute_request& req) {
    for (const auto& k : kinds)
        if (req.events.count(k)) return &k;
    return nullptr;
}

deadline deadline_for(const rule& r, const rule_version& v, const std::string& forum_zone) {
    deadline d;
    d.rule = r.id;
    d.name_zh = r.name_zh;
    d.name_en = r.name_en;
    d.version = v.valid_from;
    d.citations = v.citations;
    d.expiry = r.kind == period_kind::party && !v.backwards ? r.expiry_under(v) : expiry_kind::none;
    d.kind = r.kind;
    d.backwards = v.backwards;
    d.forum_zone = forum_zone;
    return d;
}

namespace {

// "effective or performance_due": the kinds a rule (or one version) runs from.
std::string kinds_text(const std::vector<std::string>& kinds) {
    std::string needed;
    for (const auto& k : kinds) needed += (needed.empty() ? "" : " or ") + k;
    return needed;
}

// No event the rule runs from was given: name them, with an example of the general case.
error missing_trigger(const rule& r) {
    const auto& kinds = r.versions.back().trigger;
    std::string example;
    for (const auto& k : kinds)
        if (k != "instalment_due") example = k;  // the last: the general case (instalments come as a list)
    if (example.empty()) example = kinds.front();
    const std::string needed = kinds_text(kinds);
    return make_error(errc::missing_event,
                      "rule '" + r.id + "' runs from the event " + needed + "; give it, e.g. --event " + example +
                          "=2024-01-31",
                      needed);
}

// The event of kind `kind` anchored: its legal day under the request's event_zone reading.
result<void> anchor_event(working& w, const std::string& kind) {
    auto a = anchor("event " + kind, w.req.events.find(kind)->second, w.ctx.zone, w.req.local_times);
    if (!a) return unexpected(a.error());
    w.a = *a;
    w.start = w.req.event_zone == event_zone_reading::forum ? a->forum_day : a->local_day;
    return {};
}

// The select step: the version, and what chose it.
trace_entry selection_step(const working& w, trace_reason why) {
    trace_entry t;
    t.kind = trace_kind::select;
    t.reason = why;
    t.valid_from = w.v->valid_from;
    t.valid_until = w.v->valid_until;
    t.on = w.applied_on ? *w.applied_on : w.start;
    t.chosen_by = w.applied_on                                      ? chosen_by::application_day
                  : w.forced != nullptr && !w.v->in_force_on(w.start) ? chosen_by::transition
                                                                      : chosen_by::trigger_day;
    return t;
}

bool versions_by_application(const rule& r) { return !r.version_by_application.empty(); }

}  // namespace

result<void> anchor_trigger(working& w) {
    // A version may name its own triggers: anchor with the newest version's first, and
    // re-anchor once the version is chosen (reanchor_own_trigger).
    for (auto v = w.r.versions.rbegin(); v != w.r.versions.rend() && w.trigger == nullptr; ++v)
        w.trigger = first_given(v->trigger, w.req);
    if (w.trigger == nullptr) return unexpected(missing_trigger(w.r));
    return anchor_event(w, *w.trigger);
}

result<void> choose_version(working& w) {
    w.v = w.forced != nullptr ? w.forced : w.r.version_for(w.start);
    if (w.v != nullptr) return {};
    return unexpected(make_error(errc::no_version_in_force,
                                 "rule '" + w.r.id + "' has no version in force for a trigger on " +
                                     w.start.to_string() + " (versions from " +
                                     w.r.versions.front().valid_from.to_string() + ")" +
                                     (versions_by_application(w.r) && !w.req.act
                                          ? "; its versions govern the applications made while they are in "
                                            "force: give the day of the application (act)"
                                          : ""),
                                 w.start.to_string()));
}

result<void> reanchor_own_trigger(working& w) {
    const std::string* own = first_given(w.v->trigger, w.req);
    if (own == nullptr && !w.v->trigger.empty()) {
        // The version chosen counts from events the request does not give (a later version's
        // trigger was given): say so, rather than count from an event this text does not name.
        const std::string needed = kinds_text(w.v->trigger);
        return unexpected(make_error(errc::missing_event,
                                     "rule '" + w.r.id + "' (version from " + w.v->valid_from.to_string() +
                                         ") runs from the event " + needed + "; give it, e.g. --event " +
                                         w.v->trigger.back() + "=2024-01-31",
                                     needed));
    }
    if (own == nullptr || *own == *w.trigger) return {};
    w.trigger = own;
    return anchor_event(w, *own);
}

deadline untimed_answer(const working& w, const untimed_claim& u) {
    deadline d = deadline_for(w.r, *w.v, w.ctx.conv->zone);
    d.time_limited = false;
    d.trigger = *w.trigger;
    d.citations = citation_list::join(u.citations, w.v->citations);
    if (w.req.trace) {
        trace_entry t = selection_step(w, trace_reason::untimed_claim);
        for (const auto& [fact, value] : u.when) t.items.push_back({fact, value, {}, {}, {}, false});
        if (!u.citations.empty()) t.holiday = u.citations.front().note;  // the authority's note
        t.citations = d.citations;
        d.trace.push_back(std::move(t));
    }
    if (!u.note.empty()) d.notes.push_back(u.note);
    return d;
}

namespace {

// The facts the version leaves out of account are said in a note.
void note_unused_facts(const working& w, deadline& d) {
    for (const auto& given : w.req.facts) {
        const std::string& fact = given.first;  // (clang 14, for the fuzz build, cannot capture a structured binding)
        const std::string& value = given.second;
        const auto names = [&](const auto& entries) {
            return std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.when.count(fact) != 0; });
        };
        if (!names(w.v->periods) && !names(w.v->not_time_limited))
            d.notes.push_back("fact " + fact + "=" + value + " does not change the period of the version from " +
                              w.v->valid_from.to_string());
    }
}

// The citations of the trigger (where the version gives it its own) and of the period chosen.
void cite_period(const working& w, deadline& d) {
    const auto special = w.v->trigger_citations.find(*w.trigger);
    if (special != w.v->trigger_citations.end()) d.citations = citation_list::join(d.citations, special->second);
    d.citations = citation_list::join(d.citations, w.chosen->citations);
    // An entry's citation repeating one of the version's keeps its own note as a note of the
    // answer (e.g. that the fact's value is a rule's old spelling, still accepted).
    for (const auto& c : w.chosen->citations)
        if (!c.note.empty() && std::none_of(d.citations.begin(), d.citations.end(), [&](const citation& x) {
                return x.instrument == c.instrument && x.article == c.article && x.note == c.note;
            }))
            d.notes.push_back(c.note);
}

// The select step (with the claims and periods a fact not given would have chosen) and the
// anchor step (the trigger's legal day, and the other day where it happened abroad).
void trace_selection(const working& w, deadline& d) {
    trace_entry sel = selection_step(w, trace_reason::version);
    for (const auto& u : w.v->not_time_limited)
        for (const auto& [fact, value] : u.when)
            if (w.req.facts.count(fact) == 0) sel.items.push_back({fact, value, {}, {}, {}, false});
    for (const auto& pc : w.v->periods)
        for (const auto& [fact, value] : pc.when)
            if (w.req.facts.count(fact) == 0) sel.items.push_back({fact, value, pc.length, {}, {}, false});
    sel.citations = w.applied_on ? citation_list::join(w.v->citations, w.r.version_by_application) : w.v->citations;
    d.trace.push_back(std::move(sel));
    const bool forum = w.req.event_zone == event_zone_reading::forum;
    trace_entry an;
    an.kind = trace_kind::anchor;
    an.reason = w.a.forum_day == w.a.local_day ? trace_reason::anchored
                : forum                        ? trace_reason::anchored_forum_day
                                               : trace_reason::anchored_local_day;
    an.event = *w.trigger;
    an.written = w.a.when.text;
    an.on = w.start;
    an.zone = w.ctx.conv->zone;
    if (w.a.forum_day != w.a.local_day) an.other_day = forum ? w.a.local_day : w.a.forum_day;
    if (auto special = w.v->trigger_citations.find(*w.trigger); special != w.v->trigger_citations.end())
        an.citations = special->second;
    d.trace.push_back(std::move(an));
}

}  // namespace

result<deadline> select_period(working& w) {
    auto chosen = choice_for(w.r, *w.v, w.req.facts);
    if (!chosen) return unexpected(chosen.error());
    w.chosen = *chosen;
    w.cap = w.chosen->ends_no_later_than ? w.chosen->ends_no_later_than
            : w.chosen->when.empty()     ? w.v->ends_no_later_than
                                         : std::nullopt;  // an entry chosen by a fact escapes the version's cap
    deadline d = deadline_for(w.r, *w.v, w.ctx.conv->zone);
    if (w.req.trace) d.trace.reserve(8);  // select, anchor, start, count, roll, close, judge (+ transition)
    note_unused_facts(w, d);
    if (versions_by_application(w.r) && !w.req.act && w.req.version_by == version_reading::application)
        d.notes.push_back("the versions of rule '" + w.r.id +
                          "' govern the applications made while they are in force; with no act given, the version "
                          "was chosen by the trigger day: give the day of the application (act) to apply the "
                          "version then in force");
    cite_period(w, d);
    d.trigger = *w.trigger;
    d.start = w.start;
    d.length = w.chosen->length;
    if (w.cap != w.v->ends_no_later_than && w.v->ends_no_later_than)
        d.notes.push_back("the cap at " + w.v->ends_no_later_than->to_string() +
                          " does not apply to the facts given (" +
                          (!w.chosen->citations.empty() ? to_string(w.chosen->citations.front())
                                                        : std::string("see the version")) +
                          ")");
    if (w.req.trace) trace_selection(w, d);
    return d;
}

}  // namespace qixian::stage
