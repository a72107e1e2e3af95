// The transition stage (simple.hpp): a later version that takes over the periods still
// running when it comes into force (e.g. the 2008 enforcement period, 法释〔2018〕12号 for
// the limitation period). The period is counted under the earlier version first; whether it
// still runs on the later version's first day decides which text counts it.
#include "simple.hpp"

#include <algorithm>

namespace qixian::stage {

namespace {

// Whether a version cites a rule for the mechanism on any day (its dated entries included).
bool cites_ever(const rule_version& v, tolling_event::kind k) {
    if (!mechanism_rule(v.tolling, k).empty()) return true;
    return std::any_of(v.tolling.from.begin(), v.tolling.from.end(),
                       [&](const tolling_rules::dated& d) { return !mechanism_rule(d.rules, k).empty(); });
}

// Across a transition the readings that move the earlier period's end (adjusted_weekend,
// suspension) can also change whether the later version takes the period over: their
// alternatives are the whole computation run again under the other reading, not the
// chosen version's count re-rolled.
void rerun_across_transition(const rule_pack& pack, const rule* r, const compute_request& req, deadline& out) {
    std::vector<alternative> inner = std::move(out.alternatives);
    out.alternatives.clear();
    compute_request flipped = req;
    flipped.trace = false;
    flipped.adjusted = req.adjusted == adjusted_weekend::schedule ? adjusted_weekend::weekday : adjusted_weekend::schedule;
    if (auto other = compute_simple(pack, r, flipped, false))
        report_alternative(out, "adjusted_weekend=" + std::string(to_string(flipped.adjusted)), *other);
    const bool suspended = std::any_of(req.tolling.begin(), req.tolling.end(), [](const tolling_event& t) {
        return t.what == tolling_event::kind::suspension;
    });
    if (r->tolling == tolling_class::limitation && suspended) {
        const rule_version* v = r->version_for(out.version);
        const suspension_reading now = req.suspension.value_or(v ? v->tolling.suspension_text : suspension_reading::civil_code);
        flipped = req;
        flipped.trace = false;
        flipped.suspension = now == suspension_reading::civil_code ? suspension_reading::resume : suspension_reading::civil_code;
        if (auto other = compute_simple(pack, r, flipped, false))
            report_alternative(out, "suspension=" + std::string(to_string(*flipped.suspension)), *other);
    }
    for (auto& a : inner)
        if (!a.reading.starts_with("adjusted_weekend=") && !a.reading.starts_with("suspension="))
            out.alternatives.push_back(std::move(a));
}

// The transition step, put right after the select step: the earlier period's end, and
// whether the later version took it over.
void trace_transition(const working& w, const rule_version& next, const deadline& old, bool take, bool running,
                      bool tolling_left_out, deadline& out) {
    trace_entry t;
    t.kind = trace_kind::transition;
    t.reason = take ? trace_reason::taken_over : running ? trace_reason::kept_by_trigger : trace_reason::ended_before;
    t.valid_from = w.v->valid_from;
    t.last_day = old.last_day;
    t.other_day = next.valid_from;
    t.provisional = tolling_left_out;
    t.citations = next.takes_over_running;
    const auto at = out.trace.empty() ? out.trace.end() : out.trace.begin() + 1;
    out.trace.insert(at, std::move(t));
}

}  // namespace

const rule_version* next_taking_over(const rule& r, const rule_version& v) {
    for (const rule_version* w = &v + 1; w < r.versions.data() + r.versions.size(); ++w)
        if (!w->takes_over_running.empty()) return w;
    return nullptr;
}

result<deadline> compute_across_transition(const working& w, const rule_version& next) {
    const rule_pack& pack = w.pack;
    const rule* r = &w.r;
    const compute_request& req = w.req;
    // The check counts the earlier period with the tolling that version cites a rule for.
    compute_request earlier = req;
    std::erase_if(earlier.tolling, [&](const tolling_event& t) { return !cites_ever(*w.v, t.what); });
    auto old = compute_simple(pack, r, earlier, false, w.v);
    if (!old) return old;
    // A claim the earlier version does not limit has no running period to take over.
    if (!old->time_limited) return compute_simple(pack, r, req, w.alternatives, w.v);
    const bool running = !(old->last_day < next.valid_from);
    const bool take = running && req.transition == transition_reading::takes_over;
    auto out = compute_simple(pack, r, req, w.alternatives, take ? &next : w.v);
    if (!out) return out;
    if (take) out->citations = citation_list::join(out->citations, next.takes_over_running);
    if (w.alternatives) rerun_across_transition(pack, r, req, *out);
    if (w.alternatives && running) {
        // The other reading of the take-over, where it changes the last day.
        compute_request quiet = req;
        quiet.trace = false;
        if (auto other = compute_simple(pack, r, quiet, false, take ? w.v : &next))
            report_alternative(*out,
                               "transition=" + std::string(to_string(take ? transition_reading::by_trigger
                                                                          : transition_reading::takes_over)),
                               *other);
    }
    if (req.trace) trace_transition(w, next, *old, take, running, earlier.tolling.size() != req.tolling.size(), *out);
    return out;
}

}  // namespace qixian::stage
