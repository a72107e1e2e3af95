#include "qixian/compute.hpp"
#include "qixian/tz.hpp"
#include "text.hpp"

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
// The authority a version cites for the mechanism a tolling event works by (a debtor
// agreeing to perform works as an interruption until expiry; after it, as a waiver).
const citation_list& mechanism_rule(const tolling_rules& t, tolling_event::kind k) {
    switch (k) {
        case tolling_event::kind::suspension: return t.suspension;
        case tolling_event::kind::settlement: return t.settlement;
        case tolling_event::kind::interruption:
        case tolling_event::kind::agreed_after_expiry: return t.interruption;
    }
    return t.interruption;
}

// Whether a version cites a rule for the mechanism on any day (its dated entries included).
bool cites_ever(const rule_version& v, tolling_event::kind k) {
    if (!mechanism_rule(v.tolling, k).empty()) return true;
    return std::any_of(v.tolling.from.begin(), v.tolling.from.end(),
                       [&](const tolling_rules::dated& d) { return !mechanism_rule(d.rules, k).empty(); });
}

// The suspension reading for an event under `rules`: the request's, where the rules give it
// authority (the text's reading, or the other one they cite), else the text's; `flipped`
// takes the other reading where the rules cite one (the alternative).
suspension_reading reading_for(const tolling_rules& rules, const std::optional<suspension_reading>& asked, bool flipped) {
    const bool other_allowed = !rules.suspension_other.empty();
    suspension_reading r = rules.suspension_text;
    if (asked && (*asked == rules.suspension_text || other_allowed)) r = *asked;
    if (flipped && other_allowed)
        r = r == suspension_reading::civil_code ? suspension_reading::resume : suspension_reading::civil_code;
    return r;
}

// The trigger: the first event kind of `kinds` the request gives.
const std::string* first_given(const std::vector<std::string>& kinds, const compute_request& req) {
    for (const auto& k : kinds)
        if (req.events.count(k)) return &k;
    return nullptr;
}

result<deadline> compute_rule(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                              int depth);

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
        std::string how = detail::cat({"act on ", act_day, ": ", *d.status});
        if (counted_late) {
            detail::append(how, {" by ", *d.days_late, " days"});
            if (d.kind == period_kind::court)
                how += "; a time the law gives the court: the act stays valid";
            else if (d.expiry == expiry_kind::defence)
                how += d.waived ? "; the defence was waived (the debtor agreed to perform after expiry)"
                                : "; expiry is a defence the debtor may raise, not a bar to filing";
        } else if (d.kind == period_kind::waiting) {
            how += before_end ? detail::cat({": the act is allowed only from ", add_calendar_days(d.last_day, 1)})
                              : ": the period has run, the act is allowed";
        }
        d.trace.push_back({"judge", std::move(how), {}});
    }
    return {};
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

// A deadline's identity: the rule and the version applied, with its authority.
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

// Where a rule is counted: its convention, the forum's calendar and zone.
struct forum_context {
    const convention* conv;
    const table_calendar* cal;
    tz::zone zone;
};

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

result<deadline> compute_simple(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                                const rule_version* forced = nullptr,
                                std::optional<civil_date> applied_on = std::nullopt);
void rerun_across_transition(const rule_pack& pack, const rule* r, const compute_request& req, deadline& out);

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

result<deadline> compute_instalments(const rule_pack& pack, const rule* r, const compute_request& req,
                                     bool alternatives, const tz::zone& forum) {
    std::vector<civil_date> dues;
    for (const auto& text : req.instalments) {
        auto x = anchor("instalment_due", text, forum, req.local_times);
        if (!x) return unexpected(x.error());
        dues.push_back(x->forum_day);
    }
    std::sort(dues.begin(), dues.end());
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
    if (req.trace) {
        std::string how = "each counted under the version in force on its own due day:";
        for (const auto& ir : d->instalments) {
            const bool is_own = std::find(own.begin(), own.end(), ir.due) != own.end();
            how += " due " + ir.due.to_string() + (is_own ? " (own period)" : " (from the last)") + " -> " +
                   (ir.time_limited ? ir.last_day.to_string() : std::string("no time limit")) +
                   (ir.status ? " " + *ir.status : std::string()) + ";";
        }
        d->trace.insert(d->trace.begin(), trace_entry{"instalments", how, v->citations});
    }
    if (alternatives && req.act) {  // reading instalments=last: one period from the last instalment
        const auto status = judged(group);
        if (status && status != d->status) {
            if (!group.time_limited) d->alternatives.push_back({"instalments=last", {}, status, false, std::nullopt});
            else d->alternatives.push_back({"instalments=last", group.last_day, status});
        }
    }
    return d;
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

// A rule with a trigger and a period.
result<deadline> compute_simple(const rule_pack& pack, const rule* r, const compute_request& req, bool alternatives,
                                const rule_version* forced, std::optional<civil_date> applied_on) {
    auto ctx = forum_of(pack, *r, req);
    if (!ctx) return unexpected(ctx.error());
    const convention* conv = ctx->conv;
    const table_calendar* cal = ctx->cal;
    const tz::zone* forum = &ctx->zone;
    if (!req.instalments.empty()) return compute_instalments(pack, r, req, alternatives, *forum);
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
        std::string needed, example;
        for (const auto& k : kinds) {
            needed += (needed.empty() ? "" : " or ") + k;
            if (k != "instalment_due") example = k;  // the last: the general case (instalments come as a list)
        }
        if (example.empty()) example = kinds.front();
        return unexpected(make_error(errc::missing_event,
                                     "rule '" + r->id + "' runs from the event " + needed + "; give it, e.g. --event " +
                                         example + "=2024-01-31",
                                     needed));
    }
    auto a = anchor("event " + *trigger, req.events.find(*trigger)->second, *forum, req.local_times);
    if (!a) return unexpected(a.error());
    auto pick = [&](const anchored& x, event_zone_reading ez) {
        return ez == event_zone_reading::forum ? x.forum_day : x.local_day;
    };
    civil_date start = pick(*a, req.event_zone);

    // select: the version in force for the trigger day (or the one a transition chose);
    // where the versions govern applications, the one in force on the day of the act.
    const bool by_application = !r->version_by_application.empty();
    if (forced == nullptr && by_application && req.act && req.version_by == version_reading::application)
        return compute_by_application(pack, r, req, alternatives, *forum);
    const rule_version* v = forced != nullptr ? forced : r->version_for(start);
    if (v == nullptr)
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + r->id + "' has no version in force for a trigger on " +
                                         start.to_string() + " (versions from " +
                                         r->versions.front().valid_from.to_string() + ")" +
                                         (by_application && !req.act
                                              ? "; its versions govern the applications made while they are in "
                                                "force: give the day of the application (act)"
                                              : ""),
                                     start.to_string()));
    // A later version that takes over periods still running when it came into force
    // (e.g. the 2008 enforcement period): count under this version first, then decide.
    if (forced == nullptr) {
        const rule_version* next = nullptr;  // the first later version that takes over running periods
        for (const rule_version* w = v + 1; w < r->versions.data() + r->versions.size() && next == nullptr; ++w)
            if (!w->takes_over_running.empty()) next = w;
        if (next != nullptr) {
            // The check counts the earlier period with the tolling that version cites a rule for.
            compute_request earlier = req;
            std::erase_if(earlier.tolling,
                          [&](const tolling_event& t) { return !cites_ever(*v, t.what); });
            auto old = compute_simple(pack, r, earlier, false, v);
            if (!old) return old;
            // A claim the earlier version does not limit has no running period to take over.
            if (!old->time_limited) return compute_simple(pack, r, req, alternatives, v);
            const bool running = !(old->last_day < next->valid_from);
            const bool take = running && req.transition == transition_reading::takes_over;
            auto out = take ? compute_simple(pack, r, req, alternatives, next)
                            : compute_simple(pack, r, req, alternatives, v);
            if (!out) return out;
            if (take) out->citations = citation_list::join(out->citations, next->takes_over_running);
            if (alternatives) rerun_across_transition(pack, r, req, *out);
            if (alternatives && running) {
                // The other reading of the take-over, where it changes the last day.
                compute_request quiet = req;
                quiet.trace = false;
                auto other = take ? compute_simple(pack, r, quiet, false, v) : compute_simple(pack, r, quiet, false, next);
                if (other)
                    report_alternative(*out,
                                       "transition=" + std::string(to_string(take ? transition_reading::by_trigger
                                                                                  : transition_reading::takes_over)),
                                       *other);
            }
            if (req.trace) {
                const std::string left = earlier.tolling.size() == req.tolling.size()
                                             ? std::string()
                                             : " (tolling for which that version cites no rule left out)";
                const std::string ran = "the period under the version from " + v->valid_from.to_string() +
                                        (running ? " ran to " : " ended on ") + old->last_day.to_string() + left;
                std::string how =
                    take ? ran + ", still running on " + next->valid_from.to_string() + ": the version from " +
                               next->valid_from.to_string() + " governs it, counted from the original start"
                    : running ? ran + ", still running on " + next->valid_from.to_string() +
                                    "; under the reading transition=by_trigger the version chosen by the trigger day "
                                    "governs it"
                              : ran + ", before the version from " + next->valid_from.to_string() +
                                    " came into force: it stays as it was";
                const auto at = out->trace.empty() ? out->trace.end() : out->trace.begin() + 1;
                out->trace.insert(at, trace_entry{"transition", std::move(how), next->takes_over_running});
            }
            return out;
        }
    }
    if (const std::string* own = first_given(v->trigger, req); own == nullptr && !v->trigger.empty()) {
        // The version chosen counts from events the request does not give (a later version's
        // trigger was given): say so, rather than count from an event this text does not name.
        std::string needed;
        for (const auto& k : v->trigger) needed += (needed.empty() ? "" : " or ") + k;
        return unexpected(make_error(errc::missing_event,
                                     "rule '" + r->id + "' (version from " + v->valid_from.to_string() +
                                         ") runs from the event " + needed + "; give it, e.g. --event " +
                                         v->trigger.back() + "=2024-01-31",
                                     needed));
    } else if (*own != *trigger) {
        trigger = own;
        a = anchor("event " + *trigger, req.events.find(*trigger)->second, *forum, req.local_times);
        if (!a) return unexpected(a.error());
        start = pick(*a, req.event_zone);
    }
    // The select step: the version, and what chose it.
    const auto selection = [&] {
        std::string selected = detail::cat({"version in force from ", v->valid_from});
        if (v->valid_until) detail::append(selected, {" until ", *v->valid_until});
        if (applied_on)
            detail::append(selected, {" (chosen by the day of the application ", *applied_on,
                                      ": the versions govern the applications made while they are in force)"});
        else if (forced != nullptr && !v->in_force_on(start))
            detail::append(selected, {" (the trigger day ", start, " is earlier: see the transition)"});
        else
            detail::append(selected, {" (chosen by the trigger day ", start, ")"});
        return selected;
    };
    // A claim this version does not limit at all (e.g. support: Civil Code Art. 196).
    if (const untimed_claim* u = untimed_for(*v, req.facts)) {
        deadline d = deadline_for(*r, *v, conv->zone);
        d.time_limited = false;
        d.trigger = *trigger;
        d.citations = citation_list::join(u->citations, v->citations);
        if (req.trace) {
            std::string why = selection();
            detail::append(why, {": not subject to any time limit for"});
            for (const auto& [fact, value] : u->when) detail::append(why, {" ", fact, "=", value});
            if (!u->citations.empty() && !u->citations.front().note.empty())
                detail::append(why, {" (", u->citations.front().note, ")"});
            d.trace.push_back({"select", std::move(why), d.citations});
        }
        if (!u->note.empty()) d.notes.push_back(u->note);
        return d;
    }
    auto chosen = choice_for(*r, *v, req.facts);
    if (!chosen) return unexpected(chosen.error());
    const period* length = &(*chosen)->length;
    const std::optional<civil_date> cap =
        (*chosen)->ends_no_later_than ? (*chosen)->ends_no_later_than
        : (*chosen)->when.empty()     ? v->ends_no_later_than
                                      : std::nullopt;  // an entry chosen by a fact escapes the version's cap

    deadline d = deadline_for(*r, *v, conv->zone);
    if (req.trace) d.trace.reserve(8);  // select, anchor, start, count, roll, close, judge (+ transition)
    // The facts the version leaves out of account, and the exclusions a fact not given could have made.
    for (const auto& given : req.facts) {
        const std::string& fact = given.first;  // (clang 14 cannot capture a structured binding)
        const auto names = [&](const auto& entries) {
            return std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.when.count(fact) != 0; });
        };
        if (!names(v->periods) && !names(v->not_time_limited))
            d.notes.push_back("fact " + fact + "=" + given.second + " does not change the period of the version from " +
                              v->valid_from.to_string());
    }
    // Claims the version does not limit, by a fact not given: the trace says the period was applied.
    std::string unlimited_if;  // "claim=deposit|bonds, …": entries naming the same fact in a row share it
    if (req.trace) {
        std::string_view previous;
        for (const auto& u : v->not_time_limited)
            for (const auto& [fact, value] : u.when)
                if (req.facts.count(fact) == 0) {
                    if (fact == previous) detail::append(unlimited_if, {"|", value});
                    else detail::append(unlimited_if, {unlimited_if.empty() ? "" : ", ", fact, "=", value});
                    previous = fact;
                }
    }
    if (by_application && !req.act && req.version_by == version_reading::application)
        d.notes.push_back("the versions of rule '" + r->id +
                          "' govern the applications made while they are in force; with no act given, the version "
                          "was chosen by the trigger day: give the day of the application (act) to apply the "
                          "version then in force");
    const auto special = v->trigger_citations.find(*trigger);
    if (special != v->trigger_citations.end())
        d.citations = citation_list::join(d.citations, special->second);
    d.citations = citation_list::join(d.citations, (*chosen)->citations);
    // An entry's citation repeating one of the version's keeps its own note as a note of the
    // answer (e.g. that the fact's value is a rule's old spelling, still accepted).
    for (const auto& c : (*chosen)->citations)
        if (!c.note.empty() && std::none_of(d.citations.begin(), d.citations.end(), [&](const citation& x) {
                return x.instrument == c.instrument && x.article == c.article && x.note == c.note;
            }))
            d.notes.push_back(c.note);
    // Periods a fact not given would have chosen (the default applied): the trace names them.
    std::string other_periods;
    if (req.trace)
        for (const auto& pc : v->periods)
            for (const auto& [fact, value] : pc.when)
                if (req.facts.count(fact) == 0)
                    detail::append(other_periods, {other_periods.empty() ? "" : ", ", fact, "=", value, " (",
                                                   to_string(pc.length), ")"});
    d.trigger = *trigger;
    d.start = start;
    d.length = *length;
    if (cap != v->ends_no_later_than && v->ends_no_later_than)
        d.notes.push_back("the cap at " + v->ends_no_later_than->to_string() + " does not apply to the facts given (" +
                          (!(*chosen)->citations.empty() ? to_string((*chosen)->citations.front()) : std::string("see the version")) + ")");

    if (req.trace) {
        std::string selected = selection();
        if (!unlimited_if.empty()) detail::append(selected, {"; not given: ", unlimited_if, " (no time limit)"});
        if (!other_periods.empty())
            detail::append(selected, {"; not given: ", other_periods, " — the period for the facts not given applies"});
        d.trace.push_back({"select", std::move(selected),
                           applied_on ? citation_list::join(v->citations, r->version_by_application) : v->citations});
        std::string anchored_how = detail::cat({*trigger, " ", a->when.text, " -> legal day ", start});
        if (a->forum_day == a->local_day)
            detail::append(anchored_how, {" in ", conv->zone});
        else if (req.event_zone == event_zone_reading::forum)
            detail::append(anchored_how, {" in ", conv->zone, " (the forum's day; it was ", a->local_day,
                                          " where the act was done)"});
        else
            detail::append(anchored_how, {" where the act was done (reading event_zone=local; in ", conv->zone,
                                          " it was ", a->forum_day, ")"});
        d.trace.push_back({"anchor", anchored_how,
                           special != v->trigger_citations.end() ? special->second : citation_list{}});
    }

    const calendar_query q{.reading = req.adjusted, .outside = req.outside, .as_of = req.calendar_as_of};
    if (v->backwards) {  // a look-back: the window's first day, counted back from the trigger, never rolled
        auto back = count_back(start, *length, conv->counting.month_end_policy);
        if (!back) return unexpected(back.error());
        d.raw_end = d.last_day = *back;
        auto opens = tz::to_instant(start_of(*back), *forum, tz::local_policy::earliest);
        if (!opens) return unexpected(opens.error());
        d.ends_at = *opens;
        if (req.trace)
            d.trace.push_back({"count",
                               detail::cat({"- ", to_string(*length), " back from ", start, " -> ", *back,
                                            " (a look-back: the window's first day; rest days do not move it)"}),
                               conv->citations_for("count", start)});
        if (!req.tolling.empty())
            d.notes.push_back("a look-back window is not suspended or interrupted: the tolling events were not applied");
    } else if (length->is_hours_only()) {
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
                           conv->citations_for("count", start)});
    } else {
        const trace_detail detail = req.trace ? trace_detail::full : trace_detail::none;
        // The tolling events as legal days, in order.
        struct toll {
            const tolling_event* event;
            civil_date when;  // at, or from
            civil_date until; // suspension: to
            std::optional<civil_date> performance_due;
        };
        std::vector<toll> tolls;
        auto day_of_text = [&](const std::string& what, const std::string& text) -> result<civil_date> {
            auto x = anchor(what, text, *forum, req.local_times);
            if (!x) return unexpected(x.error());
            return x->forum_day;
        };
        for (const auto& t : req.tolling) {
            const std::string what = "tolling " + std::string(to_string(t.what));
            toll tl{&t, {}, {}, std::nullopt};
            if (t.what == tolling_event::kind::suspension) {
                auto f = day_of_text(what + " from", t.from);
                if (!f) return unexpected(f.error());
                auto u = day_of_text(what + " to", t.to);
                if (!u) return unexpected(u.error());
                if (*u < *f) return unexpected(make_error(errc::invalid_request, what + ": 'to' is before 'from'"));
                tl.when = *f;
                tl.until = *u;
            } else {
                auto at = day_of_text(what, t.at);
                if (!at) return unexpected(at.error());
                tl.when = *at;
                if (!t.performance_due.empty()) {
                    auto pd = day_of_text(what + " performance_due", t.performance_due);
                    if (!pd) return unexpected(pd.error());
                    tl.performance_due = *pd;
                }
            }
            tolls.push_back(tl);
        }
        std::stable_sort(tolls.begin(), tolls.end(), [](const toll& x, const toll& y) { return x.when < y.when; });
        const bool tollable = r->tolling == tolling_class::limitation;
        // A mechanism the version cites no rule for is refused, not guessed; agreeing to
        // perform is checked when it turns out to fall before expiry (below).
        auto require = [&](tolling_event::kind kind, civil_date on) -> result<void> {
            if (!mechanism_rule(v->tolling.on(on), kind).empty()) return {};
            const auto mechanism = kind == tolling_event::kind::agreed_after_expiry ? tolling_event::kind::interruption : kind;
            return unexpected(make_error(errc::invalid_request,
                                         "rule '" + r->id + "' (version from " + v->valid_from.to_string() +
                                             ") cites no rule for " + std::string(to_string(mechanism)) +
                                             ": the pack does not say how it acts on this period"));
        };
        if (tollable)
            for (const auto& t : tolls)
                if (t.event->what != tolling_event::kind::agreed_after_expiry)
                    if (auto ok = require(t.event->what, t.when); !ok) return unexpected(ok.error());

        // count, cap, then tolling, under one set of readings.
        struct tolled {
            day_count c;
            civil_date start;
            std::string started_by;          // empty: the trigger; else the tolling kind that restarted it
            bool waived = false;
            bool capped = false;             // the version's ends_no_later_than cut the count
            std::vector<trace_entry> steps;  // tolling steps, in order
            std::vector<std::string> no_effect;  // tolling events that changed nothing (a note in every answer)
        };
        auto run_count = [&](civil_date from, const calendar_query& query, bool flipped,
                             trace_detail det) -> result<tolled> {
            const bool explain = det == trace_detail::full;
            // A count from `origin`, cut at the version's cap; `capped` says whether it was.
            auto fresh = [&](civil_date origin, const period& len, bool& capped) -> result<day_count> {
                capped = false;
                auto c = count(origin, len, conv->counting, cal, query, det);
                if (!c) return c;
                if (cap && *cap < c->raw_end) {
                    capped = true;
                    const civil_date uncapped = c->raw_end;
                    while (!c->trace.empty() && c->trace.back().kind != step_kind::count) c->trace.pop_back();
                    c->raw_end = *cap;
                    if (explain)
                        c->trace.push_back({step_kind::count, uncapped, c->raw_end,
                                            "capped: " + uncapped.to_string() + " is after " + c->raw_end.to_string() +
                                                ", the latest end the version allows"});
                    c = settle(std::move(*c), conv->counting, cal, query, det);
                }
                return c;
            };
            bool capped = false;
            auto first = fresh(from, *length, capped);
            if (!first) return unexpected(first.error());
            tolled t{std::move(*first), from, {}, false, capped, {}, {}};
            auto step = [&](std::string text, const citation_list& cites) {
                if (explain) t.steps.push_back({"toll", std::move(text), cites});
            };
            if (!tollable) {
                for (const auto& tl : tolls)
                    step(std::string(to_string(tl.event->what)) + " on " + tl.when.to_string() + ": not applied — " +
                             std::string(to_string(r->tolling)) + " periods are not suspended or interrupted",
                         v->citations);
                return t;
            }
            for (const auto& tl : tolls) {
                const auto kind = tl.event->what;
                const civil_date ended = t.c.last_day;
                const tolling_rules rules = v->tolling.on(tl.when);  // the authority in force on the event's day
                if (kind == tolling_event::kind::suspension) {
                    const suspension_reading sr = reading_for(rules, req.suspension, flipped);
                    const civil_date window = add_months(ended, -6, month_end::clamp).value_or(ended);
                    if (tl.until < window || ended < tl.when) {
                        t.no_effect.push_back("suspension " + tl.when.to_string() + " to " + tl.until.to_string() +
                                              " has no effect: not within the last six months (" + window.to_string() +
                                              " to " + ended.to_string() + ")");
                        step("suspension " + tl.when.to_string() + " to " + tl.until.to_string() +
                                 ": no effect — not within the last six months (" + window.to_string() + " to " +
                                 ended.to_string() + ")",
                             v->tolling.suspension);
                        continue;
                    }
                    if (sr == suspension_reading::civil_code) {
                        auto six = fresh(tl.until, period::of_months(6), capped);
                        if (!six) return unexpected(six.error());
                        if (t.c.raw_end < six->raw_end) {
                            t.c = std::move(*six);
                            t.start = tl.until;
                            t.started_by = "suspension";
                            t.capped = capped;
                        }
                        step("suspension " + tl.when.to_string() + " to " + tl.until.to_string() +
                                 " in the last six months: the period ends six months after the obstacle ends -> " +
                                 t.c.last_day.to_string() + " (reading suspension=civil_code; the period does not run anew)",
                             rules.suspension);
                    } else {
                        const civil_date paused = std::max(tl.when, window);
                        const std::int32_t extra = calendar_days_between(paused, tl.until);
                        auto moved = checked_add_calendar_days(t.c.raw_end, extra);
                        if (!moved) return unexpected(moved.error());
                        day_count c = t.c;
                        while (!c.trace.empty() && c.trace.back().kind != step_kind::count) c.trace.pop_back();
                        c.raw_end = *moved;
                        auto settled = settle(std::move(c), conv->counting, cal, query, det);
                        if (!settled) return unexpected(settled.error());
                        t.c = std::move(*settled);
                        step("suspension " + tl.when.to_string() + " to " + tl.until.to_string() + ": the period stood still from " +
                                 paused.to_string() + " for " + std::to_string(extra) +
                                 " days and resumed -> " + t.c.last_day.to_string() + " (reading suspension=resume)",
                             rules.suspension);
                    }
                    continue;
                }
                if (kind == tolling_event::kind::agreed_after_expiry && ended < tl.when) continue;  // a waiver: below
                if (kind == tolling_event::kind::interruption && tl.event->third_party) {
                    step("demand of " + tl.when.to_string() + " to a third party: no interruption (only a demand to the "
                         "debtor, an application, a settlement or the debtor agreeing to perform interrupts)",
                         rules.interruption);
                    continue;
                }
                const auto& cites = mechanism_rule(rules, kind);
                if (kind == tolling_event::kind::agreed_after_expiry)
                    if (auto ok = require(kind, tl.when); !ok) return unexpected(ok.error());
                if (ended < tl.when) {
                    t.no_effect.push_back(std::string(to_string(kind)) + " on " + tl.when.to_string() +
                                          " has no effect: the period had ended on " + ended.to_string());
                    step(std::string(to_string(kind)) + " on " + tl.when.to_string() + ": no effect — the period had ended on " +
                             ended.to_string(),
                         cites);
                    continue;
                }
                if (tl.when < t.start) {
                    t.no_effect.push_back(std::string(to_string(kind)) + " on " + tl.when.to_string() +
                                          " has no effect: it is before the period began on " + t.start.to_string());
                    step(std::string(to_string(kind)) + " on " + tl.when.to_string() + ": no effect — before the period began",
                         cites);
                    continue;
                }
                civil_date restart = tl.when;
                std::string why = kind == tolling_event::kind::settlement
                                      ? "settlement on " + tl.when.to_string() + " interrupts"
                                      : (kind == tolling_event::kind::agreed_after_expiry ? "the debtor agreed to perform on "
                                                                                          : "interrupted on ") +
                                            tl.when.to_string();
                if (kind == tolling_event::kind::settlement && tl.performance_due) {
                    if (*tl.performance_due < tl.when)
                        return unexpected(make_error(errc::invalid_request,
                                                     "settlement: performance_due is before the settlement"));
                    if (rules.settlement_from_performance_due) {
                        restart = *tl.performance_due;
                        why += "; not performed, the period runs anew from its last day of performance " +
                               restart.to_string();
                    } else {
                        why += " (the text then in force restarts the period from the settlement itself, not from "
                               "its last day of performance " + tl.performance_due->to_string() + ")";
                    }
                }
                auto again = fresh(restart, *length, capped);
                if (!again) return unexpected(again.error());
                t.c = std::move(*again);
                t.start = restart;
                t.started_by = kind == tolling_event::kind::agreed_after_expiry ? "interruption" : std::string(to_string(kind));
                t.capped = capped;
                step(why + ": the period runs anew from " + restart.to_string() + " -> " + t.c.last_day.to_string(), cites);
            }
            // A debtor who agreed to perform after expiry loses the defence.
            for (const auto& tl : tolls) {
                if (tl.event->what != tolling_event::kind::agreed_after_expiry || !(t.c.last_day < tl.when)) continue;
                const tolling_rules rules = v->tolling.on(tl.when);
                if (r->expiry_under(*v) == expiry_kind::defence && rules.waiver.empty())
                    return unexpected(make_error(
                        errc::invalid_request,
                        "rule '" + r->id + "' (version from " + v->valid_from.to_string() +
                            ") cites no rule for a waiver (the debtor agreeing to perform after expiry): the pack "
                            "does not say how it acts on this period"));
                if (r->expiry_under(*v) == expiry_kind::defence) {
                    t.waived = true;
                    step("the debtor agreed to perform on " + tl.when.to_string() + ", after the period ended on " +
                             t.c.last_day.to_string() + ": the time-bar defence is waived",
                         rules.waiver);
                } else {
                    step("the debtor agreed to perform on " + tl.when.to_string() +
                             " after expiry: no effect on a period whose expiry is '" + std::string(to_string(r->expiry_under(*v))) + "'",
                         v->citations);
                }
            }
            return t;
        };

        auto main = run_count(start, q, false, detail);
        if (!main) return unexpected(main.error());
        day_count& counted = main->c;
        d.capped = main->capped;
        d.start = main->start;
        d.start_from = main->started_by.empty() ? d.trigger : main->started_by;
        d.waived = main->waived;
        d.raw_end = counted.raw_end;
        d.last_day = counted.last_day;
        d.provisional = counted.provisional;
        for (auto& st : main->steps) d.trace.push_back(std::move(st));
        for (auto& n : main->no_effect) d.notes.push_back(std::move(n));
        // A suspension reading asked for that the authority in force does not give is said, not ignored.
        if (req.suspension && tollable)
            for (const auto& tl : tolls) {
                const tolling_rules rules = v->tolling.on(tl.when);
                if (tl.event->what == tolling_event::kind::suspension && *req.suspension != rules.suspension_text &&
                    rules.suspension_other.empty()) {
                    d.notes.push_back("reading suspension=" + std::string(to_string(*req.suspension)) +
                                      " has no authority for a suspension on " + tl.when.to_string() +
                                      " under this version; its text's reading (" +
                                      std::string(to_string(rules.suspension_text)) + ") applies");
                    break;
                }
            }
        for (auto& step : counted.trace)
            d.trace.push_back({std::string(to_string(step.kind)), std::move(step.detail),
                               conv->citations_for(to_string(step.kind), main->start)});
        auto end = tz::to_instant(counted.ends_before, *forum, tz::local_policy::reject);
        if (!end) return unexpected(with_context(end.error(), "end of the last day"));
        d.ends_at = *end;

        // Every reading that would change the last day is reported, with that day.
        auto last_day_under = [&](civil_date from, const calendar_query& query,
                                  bool flipped) -> std::optional<civil_date> {
            auto alt = run_count(from, query, flipped, trace_detail::none);
            if (!alt) return std::nullopt;
            return alt->c.last_day;
        };
        if (alternatives) {
            calendar_query other = q;
            other.reading = req.adjusted == adjusted_weekend::schedule ? adjusted_weekend::weekday
                                                                       : adjusted_weekend::schedule;
            if (auto alt = last_day_under(start, other, false); alt && *alt != d.last_day)
                d.alternatives.push_back({"adjusted_weekend=" + std::string(to_string(other.reading)), *alt, {}});
            // The other suspension reading, where the authority for a suspension cites one.
            for (const auto& tl : tolls) {
                if (!tollable || tl.event->what != tolling_event::kind::suspension) continue;
                const tolling_rules rules = v->tolling.on(tl.when);
                if (rules.suspension_other.empty()) continue;
                const suspension_reading other_sr = reading_for(rules, req.suspension, true);
                if (auto alt = last_day_under(start, q, true); alt && *alt != d.last_day)
                    d.alternatives.push_back({"suspension=" + std::string(to_string(other_sr)), *alt, {}});
                break;
            }
            // Versions chosen by the trigger day under the reading version_by=trigger: the
            // version of the application day, where it gives another day.
            if (forced == nullptr && by_application && req.act && req.version_by == version_reading::trigger) {
                compute_request quiet = req;
                quiet.trace = false;
                quiet.version_by = version_reading::application;
                if (auto alt = compute_simple(pack, r, quiet, false))
                    report_alternative(d, "version_by=" + std::string(to_string(version_reading::application)), *alt);
            }
        }
        d.extendable_by_court = v->extendable_by_court;
        if (v->extendable_by_court)
            d.notes.push_back("a court may extend this period (" + (v->citations.empty() ? std::string() : to_string(v->citations.front())) + ")");
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
        d.ends_at_local_abbrev = tz::abbreviation(d.ends_at, *z);
    }

    return d;
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
        if (req.trace)
            d.trace.push_back({"judge", detail::cat({"act on ", act->forum_day, ": timely (no time limit applies)"}), {}});
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
        std::string why = "not subject to any time limit (version from " + v->valid_from.to_string();
        why += on ? ", chosen by the " + what + " on " + on->forum_day.to_string() + ")"
                  : "; no event or act given: the version now in force)";
        d.trace.push_back({"select", std::move(why), v->citations});
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

}  // namespace qixian
