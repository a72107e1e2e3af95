// qixian compute / qixian explain: one deadline from flags.
#include "commands.hpp"
#include "render.hpp"
#include "request_json.hpp"

#include "qixian/compute.hpp"

#include <iostream>
#include <memory>
#include <set>

namespace qixian::cli {
namespace {

struct compute_options {
    std::string rule;
    std::vector<std::string> events, facts, readings;
    std::string act, zone, format = "text", lang = "en", as_of, local_time = "reject", calendar_policy = "project";
    std::vector<std::string> interruptions, third_party_demands, suspensions, settlements, agreements, instalments;
    bool provisional = false;
};

void add_compute_options(CLI::App* cmd, compute_options& o) {
    cmd->add_option("rule", o.rule, "rule id, e.g. cn.enforcement.application (qixian rules list)")->required();
    cmd->add_option("--event,-e", o.events,
                    "KIND=TIME, e.g. effective=2023-06-30; TIME is a day, a forum-local time "
                    "(2025-03-01T09:30), an instant (…Z, …+08:00) or 2025-03-01T21:30[America/New_York]; "
                    "each kind once, except instalment_due, whose days gather into a list (kinds: "
                    "qixian rules show ID names a rule's triggers; e.g. property_change for the debtor's "
                    "supplementary property report)");
    cmd->add_option("--fact", o.facts,
                    "K=V: parties=natural_person_involved|legal_persons, "
                    "domicile=china|abroad (CPL: a domicile in China or none) or mainland|none_in_mainland "
                    "(Taiwan Provisions: a domicile in the mainland or none; a Taiwan respondent has none), "
                    "claim=ordinary|support|cessation|property_return|deposit|bonds|capital_contribution "
                    "(claims the law does not limit at all, e.g. support: Civil Code Art. 196) or "
                    "bodily_injury|substandard_goods|rent|deposited_property (GPCL Art. 136: one year), "
                    "retrial_ground=new_evidence|forged_evidence|set_aside_or_corruption|other "
                    "(法释〔2012〕23号 Art. 6 para. 2)");
    cmd->add_option("--act", o.act, "when the act was done (same forms as TIME): judges timely or late");
    cmd->add_option("--zone", o.zone, "also show the end in this IANA zone, e.g. America/New_York");
    cmd->add_option("--reading", o.readings,
                    "K=V: adjusted_weekend=schedule|weekday (may a working Saturday end a period?), "
                    "event_zone=forum|local (whose calendar day is an act abroad?), "
                    "suspension=civil_code|resume (6 months after the obstacle, or the rest resumes), "
                    "instalments=each|last (each instalment its own period, or from the last), "
                    "transition=takes_over|by_trigger (does a period still running at a transitional cutover take "
                    "the new text, or keep the one in force on its trigger day?), "
                    "version_by=application|trigger (where a rule's versions govern applications, as for Taiwan "
                    "judgments: the version in force on the day of --act, or on the trigger day?)");
    cmd->add_option("--instalment", o.instalments, "DAY: the last day of an instalment (repeat for each)");
    cmd->add_option("--interruption", o.interruptions,
                    "DAY: a demand to the debtor, an application, the debtor agreeing to perform (中断)");
    cmd->add_option("--demand-to-third-party", o.third_party_demands, "DAY: a demand sent to someone other than the debtor");
    cmd->add_option("--suspension", o.suspensions, "FROM..TO: an obstacle (中止), e.g. 2021-01-01..2021-02-01");
    cmd->add_option("--settlement", o.settlements, "AT[..PERFORMANCE_DUE]: a settlement, and its last day of performance");
    cmd->add_option("--agreed-after-expiry", o.agreements, "DAY: the debtor agreed to perform (after expiry: a waiver)");
    cmd->add_option("--local-time", o.local_time,
                    "a local time that does not exist or happens twice (DST): reject (default), earliest, latest")
        ->check(CLI::IsMember({"reject", "earliest", "latest"}));
    cmd->add_option("--as-of", o.as_of,
                    "use the holiday notices (and versions of the holiday law) as they stood on this day "
                    "(YYYY-MM-DD); the years of later notices are projected");
    cmd->add_option("--calendar-policy", o.calendar_policy,
                    "past the published holiday notices: project (default: a provisional answer from the holiday "
                    "law, with the earliest and latest possible last day) or strict (error outside_calendar_coverage)")
        ->check(CLI::IsMember({"project", "strict"}));
    cmd->add_flag("--provisional", o.provisional, "the same as --calendar-policy project (kept for old scripts)");
    cmd->add_option("--format", o.format, "text, json, or ics (an RFC 5545 calendar entry)")
        ->check(CLI::IsMember({"text", "json", "ics"}));
    cmd->add_option("--lang", o.lang, "en or zh (text format)")->check(CLI::IsMember({"en", "zh"}));
}

// Splits K=V; false if there is no '='.
bool split_pair(const std::string& s, std::string& k, std::string& v) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    k = s.substr(0, eq);
    v = s.substr(eq + 1);
    return true;
}

// A flag's K=V pairs, each key once: the key given twice (a usage error), if any.
std::optional<std::string> repeated_key(const std::vector<std::string>& pairs, std::string_view except = {}) {
    std::set<std::string, std::less<>> seen;
    std::string k, v;
    for (const auto& p : pairs)
        if (split_pair(p, k, v) && k != except && !seen.insert(k).second) return k;
    return std::nullopt;
}

// The request the flags describe, or the exit status of what is wrong with them.
result<compute_request, int> request_of(const compute_options& o, bool json) {
    const auto bad = [&](const std::string& what, const std::string& text) {
        return unexpected(fail(make_error(errc::invalid_request, what, text), json));
    };
    compute_request req;
    req.rule = o.rule;
    std::string k, v;
    std::vector<std::string> instalment_events;
    for (const auto& e : o.events) {
        if (!split_pair(e, k, v)) return bad("--event '" + e + "' is not KIND=TIME", e);
        if (k == "instalment_due") instalment_events.push_back(v);
        else req.events[k] = v;
    }
    // One instalment_due is an event like any other (as a JSON string); several, or with
    // --instalment, are the list of instalments (as a JSON array).
    if (instalment_events.size() == 1 && o.instalments.empty()) req.events["instalment_due"] = instalment_events.front();
    else {
        req.instalments = instalment_events;
        req.instalments.insert(req.instalments.end(), o.instalments.begin(), o.instalments.end());
    }
    for (const auto& f : o.facts) {
        if (!split_pair(f, k, v)) return bad("--fact '" + f + "' is not K=V", f);
        req.facts[k] = v;
    }
    for (const auto& r : o.readings)
        if (!split_pair(r, k, v) || !apply_reading(req, k, v))
            return bad("--reading '" + r + "': supported: " + std::string(readings_summary), r);
    auto split_range = [](const std::string& text, std::string& a, std::string& b) {
        const auto dots = text.find("..");
        a = text.substr(0, dots);
        b = dots == std::string::npos ? std::string() : text.substr(dots + 2);
    };
    for (const auto& t : o.interruptions) req.tolling.push_back({tolling_event::kind::interruption, t, {}, {}, {}, false});
    for (const auto& t : o.third_party_demands)
        req.tolling.push_back({tolling_event::kind::interruption, t, {}, {}, {}, true});
    for (const auto& t : o.agreements)
        req.tolling.push_back({tolling_event::kind::agreed_after_expiry, t, {}, {}, {}, false});
    for (const auto& t : o.suspensions) {
        std::string a, b;
        split_range(t, a, b);
        if (b.empty()) return bad("--suspension '" + t + "' is not FROM..TO", t);
        req.tolling.push_back({tolling_event::kind::suspension, {}, a, b, {}, false});
    }
    for (const auto& t : o.settlements) {
        std::string a, b;
        split_range(t, a, b);
        req.tolling.push_back({tolling_event::kind::settlement, a, {}, {}, b, false});
    }
    req.local_times = o.local_time == "earliest" ? tz::local_policy::earliest
                      : o.local_time == "latest" ? tz::local_policy::latest
                                                 : tz::local_policy::reject;
    if (!o.act.empty()) req.act = o.act;
    req.zone = o.zone;
    if (!o.as_of.empty()) {
        auto d = civil_date::parse(o.as_of);
        if (!d) return unexpected(fail(d.error(), json));
        req.calendar_as_of = *d;
    }
    if (o.provisional) req.outside = coverage_policy::provisional;
    req.policy = o.calendar_policy == "strict" && !o.provisional ? calendar_policy::strict : calendar_policy::project;
    return req;
}

int run_compute(const compute_options& o, const global_options& g, bool full) {
    const bool json = o.format == "json";
    // A single-valued flag given twice is a usage error: one of the two would be dropped.
    if (auto k = repeated_key(o.events, "instalment_due"))
        return usage_error("--event: " + *k + " given twice (each event kind once; only instalment_due takes several days)",
                           "usage.repeated");
    if (auto k = repeated_key(o.facts)) return usage_error("--fact: " + *k + " given twice", "usage.repeated");
    if (auto k = repeated_key(o.readings)) return usage_error("--reading: " + *k + " given twice", "usage.repeated");
    auto req = request_of(o, json);
    if (!req) return req.error();

    auto loaded = load_pack(g.rules_dir);
    if (!loaded) return print_diagnostics(loaded.error());
    // A one-off answer: the pack (and a projection it builds) lives until the process ends
    // and is not taken apart on the way out, which cost a fifth of a start (callgrind).
    // Reachable from this pointer, so the leak checker does not count it.
    static const rule_pack* const pack = new rule_pack(std::move(*loaded));
    auto d = compute(*pack, *req);
    if (!d) return fail(d.error(), json);
    if (json)
        std::cout << to_json(*d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else if (o.format == "ics" && !d->time_limited)
        return fail(make_error(errc::invalid_request, "rule '" + d->rule + "' has no time limit: no calendar entry"), false);
    else if (o.format == "ics")
        std::cout << render_ics(*d, std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    else
        std::cout << render_text(*d, o.lang == "zh" ? lang::zh : lang::en, full);
    return 0;
}

}  // namespace

command add_compute_command(CLI::App& app, const global_options& g, bool explain) {
    auto o = std::make_shared<compute_options>();
    auto* cmd = explain ? app.add_subcommand("explain", "compute one deadline and explain every step with its authority")
                        : app.add_subcommand("compute", "compute one deadline");
    add_compute_options(cmd, *o);
    return {cmd, [o, &g, explain] { return run_compute(*o, g, explain); }};
}

}  // namespace qixian::cli
