// qixian — statutory deadlines and limitation periods of PRC civil procedure.
#include "qixian/compute.hpp"
#include "qixian/rule_pack.hpp"
#include "qixian/tz.hpp"
#include "batch.hpp"
#include "render.hpp"
#include "verify.hpp"
#include "docket.hpp"
#include "json_writer.hpp"
#include "request_json.hpp"
#include "io.hpp"

#include <fstream>

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

using namespace qixian;

constexpr const char* exit_codes_help = R"(Exit status:
  0   success (for rules check: no errors)
  2   usage error (unknown option, bad argument)
  3   the rule pack has errors (printed as file:line:column: error CODE: message; with --json, as JSON)
  4   verify: a ruling fixture failed (the engine disagrees with the court, the fixture is malformed,
      or the path holds no fixture)
  10+ a computation error, one per code: 11 invalid_date, 12 invalid_time, 13 invalid_period,
      14 out_of_range, 15 ambiguous_month_end, 16 outside_calendar_coverage, 17 no_working_day,
      18 nonexistent_local_time, 19 ambiguous_local_time, 20 unknown_zone, 21 unknown_rule,
      22 no_version_in_force, 23 missing_event, 24 invalid_request, 25 rules_invalid,
      26 io_error, 27 missing_fact)";

int print_diagnostics(const std::vector<diagnostic>& ds) {
    for (const auto& d : ds) std::cerr << format(d) << '\n';
    return 3;
}

result<rule_pack, std::vector<diagnostic>> load_pack(const std::string& dir) {
    return dir.empty() ? rule_pack::load_embedded() : rule_pack::load_directory(dir);
}

int fail(const error& e, bool json) {
    if (json)
        std::cout << cli::error_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
        std::cerr << "qixian: error " << to_string(e.code) << ": " << e.message << '\n';
    return exit_status(e.code);
}

// Splits K=V; false if there is no '='.
bool split_pair(const std::string& s, std::string& k, std::string& v) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    k = s.substr(0, eq);
    v = s.substr(eq + 1);
    return true;
}

struct compute_options {
    std::string rule;
    std::vector<std::string> events, facts, readings;
    std::string act, zone, format = "text", lang = "en", as_of, local_time = "reject";
    std::vector<std::string> interruptions, third_party_demands, suspensions, settlements, agreements, instalments;
    bool provisional = false;
};

void add_compute_options(CLI::App* cmd, compute_options& o) {
    cmd->add_option("rule", o.rule, "rule id, e.g. cn.enforcement.application (qixian rules list)")->required();
    cmd->add_option("--event,-e", o.events,
                    "KIND=TIME, e.g. effective=2023-06-30; TIME is a day, a forum-local time "
                    "(2025-03-01T09:30), an instant (…Z, …+08:00) or 2025-03-01T21:30[America/New_York]");
    cmd->add_option("--fact", o.facts,
                    "K=V: parties=natural_person_involved|legal_persons, domicile=china|abroad, "
                    "claim=ordinary|support|cessation|property_return|deposit|bonds|capital_contribution "
                    "(claims the law does not limit at all, e.g. support: Civil Code Art. 196)");
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
    cmd->add_option("--as-of", o.as_of, "use the holiday notices as they stood on this day (YYYY-MM-DD)");
    cmd->add_flag("--provisional", o.provisional,
                  "answer for days beyond the calendar's data from the weekly rest days, flagged provisional");
    cmd->add_option("--format", o.format, "text, json, or ics (an RFC 5545 calendar entry)")
        ->check(CLI::IsMember({"text", "json", "ics"}));
    cmd->add_option("--lang", o.lang, "en or zh (text format)")->check(CLI::IsMember({"en", "zh"}));
}

int run_compute(const compute_options& o, const std::string& rules_dir, bool full) {
    const bool json = o.format == "json";
    compute_request req;
    req.rule = o.rule;
    std::string k, v;
    for (const auto& e : o.events) {
        if (!split_pair(e, k, v))
            return fail(make_error(errc::invalid_request, "--event '" + e + "' is not KIND=TIME", e), json);
        req.events[k] = v;
    }
    for (const auto& f : o.facts) {
        if (!split_pair(f, k, v))
            return fail(make_error(errc::invalid_request, "--fact '" + f + "' is not K=V", f), json);
        req.facts[k] = v;
    }
    for (const auto& r : o.readings) {
        if (!split_pair(r, k, v) || !cli::apply_reading(req, k, v))
            return fail(make_error(errc::invalid_request,
                                   "--reading '" + r + "': supported: " + std::string(cli::readings_summary), r),
                        json);
    }
    req.instalments = o.instalments;
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
        if (b.empty()) return fail(make_error(errc::invalid_request, "--suspension '" + t + "' is not FROM..TO", t), json);
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
        if (!d) return fail(d.error(), json);
        req.calendar_as_of = *d;
    }
    if (o.provisional) req.outside = coverage_policy::provisional;

    auto pack = load_pack(rules_dir);
    if (!pack) return print_diagnostics(pack.error());
    auto d = compute(*pack, req);
    if (!d) return fail(d.error(), json);
    if (json)
        std::cout << cli::to_json(*d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else if (o.format == "ics" && !d->time_limited)
        return fail(make_error(errc::invalid_request, "rule '" + d->rule + "' has no time limit: no calendar entry"), false);
    else if (o.format == "ics")
        std::cout << cli::render_ics(*d, std::chrono::time_point_cast<std::chrono::seconds>(
                                             std::chrono::system_clock::now()));
    else
        std::cout << cli::render_text(*d, o.lang == "zh" ? cli::lang::zh : cli::lang::en, full);
    return 0;
}

// Every problem as data: file, line, column, severity, code, message and notes (rules check --json).
nlohmann::ordered_json diagnostics_json(const std::vector<diagnostic>& list) {
    using json = nlohmann::ordered_json;
    const auto at = [](json& j, const source_region& r) {
        j["file"] = r.file;
        j["line"] = r.begin.line;
        j["column"] = r.begin.column;
    };
    json out = json::array();
    for (const auto& d : list) {
        json dj = json::object();
        at(dj, d.region);
        dj["severity"] = d.level == severity::error ? "error" : "warning";
        dj["code"] = d.code;
        dj["message"] = d.message;
        json notes = json::array();
        for (const auto& n : d.notes) {
            json nj = json::object();
            at(nj, n.region);
            nj["message"] = n.message;
            notes.push_back(std::move(nj));
        }
        if (!notes.empty()) dj["notes"] = std::move(notes);
        out.push_back(std::move(dj));
    }
    return out;
}

int run_rules_check(const std::string& dir, bool json) {
    auto pack = load_pack(dir);
    if (!pack) {
        std::size_t errors = 0;
        for (const auto& d : pack.error()) errors += d.level == severity::error;
        if (json) {
            std::cout << nlohmann::ordered_json{{"ok", false}, {"errors", errors},
                                                {"warnings", pack.error().size() - errors},
                                                {"diagnostics", diagnostics_json(pack.error())}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                      << '\n';
            return 3;
        }
        print_diagnostics(pack.error());
        std::cerr << errors << " error(s)\n";
        return 3;
    }
    if (json) {
        std::cout << nlohmann::ordered_json{{"ok", true},
                                            {"errors", 0},
                                            {"warnings", pack->warnings().size()},
                                            {"rules", pack->rules().size()},
                                            {"conventions", pack->conventions().size()},
                                            {"calendars", pack->calendar_ids().size()},
                                            {"rule_pack_digest", pack->digest()},
                                            {"calendar_digest", pack->calendar_digest()},
                                            {"diagnostics", diagnostics_json(pack->warnings())}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << '\n';
        return 0;
    }
    for (const auto& w : pack->warnings()) std::cerr << format(w) << '\n';
    std::cout << "ok: " << pack->rules().size() << " rule(s), " << pack->conventions().size()
              << " convention(s), " << pack->calendar_ids().size() << " calendar(s); " << pack->warnings().size()
              << " warning(s); rule pack " << pack->digest() << ", calendars " << pack->calendar_digest() << '\n';
    return 0;
}

int run_rules_list(const std::string& dir, bool json) {
    auto pack = load_pack(dir);
    if (!pack) return print_diagnostics(pack.error());
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& r : pack->rules()) {
        if (!json) {
            std::cout << r.id << "  " << r.name_zh << " / " << r.name_en << "  (" << r.versions.size()
                      << " version(s), expiry " << to_string(r.expiry) << ")\n";
            continue;
        }
        nlohmann::ordered_json versions = nlohmann::ordered_json::array();
        for (const auto& v : r.versions) {
            nlohmann::ordered_json vj{{"valid_from", v.valid_from.to_string()}};
            if (v.valid_until) vj["valid_until"] = v.valid_until->to_string();
            vj["trigger"] = v.trigger;
            vj["citations"] = nlohmann::ordered_json::array();
            for (const auto& c : v.citations) vj["citations"].push_back(to_string(c));
            versions.push_back(vj);
        }
        list.push_back({{"id", r.id}, {"name_zh", r.name_zh}, {"name_en", r.name_en},
                        {"expiry", std::string(to_string(r.expiry))}, {"tolling", std::string(to_string(r.tolling))},
                        {"convention", r.convention}, {"versions", versions}});
    }
    if (json) std::cout << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return 0;
}

// A rule as data: every field of every version, with its authority (rules show --json).
nlohmann::ordered_json rule_json(const rule& r) {
    using json = nlohmann::ordered_json;
    const auto cites = [](const citation_list& cs) {
        json out = json::array();
        for (const auto& c : cs) {
            json cj{{"instrument", c.instrument}, {"article", c.article}};
            if (!c.paragraph.empty()) cj["paragraph"] = c.paragraph;
            if (!c.note.empty()) cj["note"] = c.note;
            out.push_back(std::move(cj));
        }
        return out;
    };
    const auto when = [](const std::map<std::string, std::string, std::less<>>& w) {
        json out = json::object();
        for (const auto& [k, v] : w) out[k] = v;
        return out;
    };
    json versions = json::array();
    for (const auto& v : r.versions) {
        json vj{{"valid_from", v.valid_from.to_string()}};
        if (v.valid_until) vj["valid_until"] = v.valid_until->to_string();
        vj["source"] = v.where.file + ":" + std::to_string(v.where.begin.line);
        vj["time_limited"] = v.time_limited;
        if (!v.trigger.empty()) vj["trigger"] = v.trigger;
        if (!v.periods.empty()) {
            json periods = json::array();
            for (const auto& p : v.periods) periods.push_back({{"when", when(p.when)}, {"period", to_string(p.length)}});
            vj["periods"] = std::move(periods);
        }
        if (!v.not_time_limited.empty()) {
            json untimed = json::array();
            for (const auto& u : v.not_time_limited) {
                json uj{{"when", when(u.when)}, {"citations", cites(u.citations)}};
                if (!u.note.empty()) uj["note"] = u.note;
                untimed.push_back(std::move(uj));
            }
            vj["not_time_limited"] = std::move(untimed);
        }
        if (v.expiry) vj["expiry"] = std::string(to_string(*v.expiry));
        if (v.combine != combinator::none) {
            vj["combine"] = std::string(to_string(v.combine));
            vj["components"] = v.components;
        }
        if (!v.trigger_citations.empty()) {
            json starts = json::object();
            for (const auto& [kind, cs] : v.trigger_citations) starts[kind] = cites(cs);
            vj["trigger_citations"] = std::move(starts);
        }
        if (v.instalments != instalment_mode::none)
            vj["instalments"] = v.instalments == instalment_mode::each ? "each" : "last";
        if (v.ends_no_later_than) vj["ends_no_later_than"] = v.ends_no_later_than->to_string();
        if (v.produces)
            vj["produces"] = {{"event", v.produces->event},
                              {"on", v.produces->on == produced_event::day::last_day ? "last_day" : "day_after"}};
        if (v.extendable_by_court) vj["extendable_by_court"] = true;
        if (!v.takes_over_running.empty()) vj["takes_over_running"] = cites(v.takes_over_running);
        json tolling = json::object();
        if (!v.tolling.interruption.empty()) tolling["interruption"] = cites(v.tolling.interruption);
        if (!v.tolling.settlement.empty()) tolling["settlement"] = cites(v.tolling.settlement);
        if (!v.tolling.suspension.empty()) {
            tolling["suspension"] = cites(v.tolling.suspension);
            tolling["suspension_text"] = std::string(to_string(v.tolling.suspension_text));
        }
        if (!v.tolling.waiver.empty()) tolling["waiver"] = cites(v.tolling.waiver);
        if (!tolling.empty()) vj["tolling"] = std::move(tolling);
        vj["citations"] = cites(v.citations);
        if (v.checked_on) vj["checked_on"] = v.checked_on->to_string();
        if (!v.note.empty()) vj["note"] = v.note;
        versions.push_back(std::move(vj));
    }
    json out{{"id", r.id},
             {"name_zh", r.name_zh},
             {"name_en", r.name_en},
             {"expiry", std::string(to_string(r.expiry))},
             {"tolling", std::string(to_string(r.tolling))},
             {"convention", r.convention}};
    if (!r.version_by_application.empty()) out["version_by_application"] = cites(r.version_by_application);
    out["versions"] = std::move(versions);
    return out;
}

int run_rules_show(const std::string& dir, const std::string& id, bool json) {
    auto pack = load_pack(dir);
    if (!pack) return print_diagnostics(pack.error());
    const rule* r = pack->find(id);
    if (r == nullptr) return fail(make_error(errc::unknown_rule, "no rule '" + id + "' in the rule pack", id), json);
    if (json) {
        std::cout << rule_json(*r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    std::cout << r->id << "\n  " << r->name_zh << " / " << r->name_en << "\n  expiry " << to_string(r->expiry)
              << ", tolling " << to_string(r->tolling) << ", convention " << r->convention << "\n";
    for (const auto& c : r->version_by_application)
        std::cout << "  versions govern the applications made while in force (chosen by the act's day): "
                  << to_string(c) << "\n";
    for (const auto& v : r->versions) {
        std::cout << "  version " << v.valid_from << " .. " << (v.valid_until ? v.valid_until->to_string() : "")
                  << "  (" << v.where.file << ":" << v.where.begin.line << ")\n";
        if (!v.trigger.empty()) {
            std::cout << "    trigger";
            for (const auto& t : v.trigger) std::cout << ' ' << t;
            std::cout << "\n";
        }
        for (const auto& p : v.periods) {
            std::cout << "    period  " << to_string(p.length);
            for (const auto& [f, val] : p.when) std::cout << "  when " << f << "=" << val;
            std::cout << "\n";
        }
        for (const auto& c : v.citations) std::cout << "    cites   " << to_string(c) << "\n";
        for (const auto& u : v.not_time_limited) {
            std::cout << "    not time-limited when";
            for (const auto& [f, val] : u.when) std::cout << ' ' << f << "=" << val;
            std::cout << ": " << (u.citations.empty() ? std::string() : to_string(u.citations.front())) << "\n";
        }
        auto cited = [](const std::string& label, const citation_list& cs) {
            for (const auto& c : cs) std::cout << "    " << label << to_string(c) << "\n";
        };
        if (!v.time_limited) std::cout << "    no time limit\n";
        if (v.combine != combinator::none) {
            std::cout << "    " << to_string(v.combine) << ":";
            for (const auto& c : v.components) std::cout << ' ' << c;
            std::cout << "\n";
        }
        for (const auto& [kind, cs] : v.trigger_citations)
            for (const auto& c : cs) std::cout << "    start " << kind << ": " << to_string(c) << "\n";
        if (v.instalments != instalment_mode::none)
            std::cout << "    instalments " << (v.instalments == instalment_mode::each ? "each" : "last") << "\n";
        if (v.ends_no_later_than) std::cout << "    ends no later than " << *v.ends_no_later_than << "\n";
        if (v.produces)
            std::cout << "    produces " << v.produces->event << " on the "
                      << (v.produces->on == produced_event::day::last_day ? "last day" : "day after") << "\n";
        if (v.extendable_by_court) std::cout << "    extendable by a court\n";
        if (v.expiry) std::cout << "    expiry  " << to_string(*v.expiry) << " (under this version)\n";
        cited("takes over periods still running on its first day: ", v.takes_over_running);
        cited("interruption: ", v.tolling.interruption);
        cited("settlement: ", v.tolling.settlement);
        cited("suspension (" + std::string(v.tolling.suspension_text == suspension_reading::resume ? "resume" : "civil_code") + "): ",
              v.tolling.suspension);
        cited("waiver: ", v.tolling.waiver);
        if (!v.note.empty()) std::cout << "    note    " << v.note << "\n";
    }
    return 0;
}

int run_calendar(const std::string& dir, const std::string& from, const std::string& to, bool json,
                 const std::string& as_of, const std::string& id, const std::string& since) {
    auto a = civil_date::parse(from);
    if (!a) return fail(a.error(), json);
    auto b = civil_date::parse(to);
    if (!b) return fail(b.error(), json);
    if (*b < *a) return fail(make_error(errc::invalid_request, "--to is before --from"), json);
    if (calendar_days_between(*a, *b) > 366 * 50)
        return fail(make_error(errc::invalid_request, "at most 50 years at a time"), json);
    calendar_query q;
    if (!as_of.empty()) {
        auto k = civil_date::parse(as_of);
        if (!k) return fail(k.error(), json);
        q.as_of = *k;
    }
    auto pack = load_pack(dir);
    if (!pack) return print_diagnostics(pack.error());
    const table_calendar* cal = pack->find_calendar(id);
    if (cal == nullptr) return fail(make_error(errc::invalid_request, "no calendar '" + id + "'", id), json);
    if (!since.empty()) {
        auto earlier = civil_date::parse(since);
        if (!earlier) return fail(earlier.error(), json);
        const civil_date later = q.as_of.value_or(civil_date::max());
        for (const auto& c : cal->changed_days(*a, *b, *earlier, later)) {
            if (json) {
                std::cout << nlohmann::ordered_json{{"date", c.before.day.to_string()},
                                                    {"before", {{"working", c.before.working},
                                                                {"kind", std::string(to_string(c.before.kind))},
                                                                {"notice", std::string(c.before.notice)}}},
                                                    {"after", {{"working", c.after.working},
                                                               {"kind", std::string(to_string(c.after.kind))},
                                                               {"name", std::string(c.after.name)},
                                                               {"notice", std::string(c.after.notice)}}}}
                                 .dump()
                          << '\n';
            } else {
                std::cout << c.before.day << ' ' << c.before.day.weekday_name() << "  "
                          << to_string(c.before.kind) << " -> " << to_string(c.after.kind);
                if (!c.after.name.empty()) std::cout << "  " << c.after.name << "  [" << c.after.notice << "]";
                std::cout << '\n';
            }
        }
        return 0;
    }
    for (civil_date d = *a; d <= *b; d = add_calendar_days(d, 1)) {
        auto s = cal->status(d, q);
        if (json) {
            nlohmann::ordered_json j{{"date", d.to_string()}};
            if (s) {
                j["working"] = s->working;
                j["kind"] = std::string(to_string(s->kind));
                if (!s->name.empty()) j["name"] = std::string(s->name);
                if (!s->notice.empty()) {
                    j["notice"] = std::string(s->notice);
                    if (const auto* n = cal->find_notice(s->notice)) j["notice_title"] = n->title;
                }
            } else {
                j["outside_data"] = true;
                j["error"] = {{"code", std::string(to_string(s.error().code))}, {"message", s.error().message}};
            }
            std::cout << j.dump() << '\n';
        } else if (s) {
            std::cout << d << ' ' << d.weekday_name() << "  " << (s->working ? "W" : "R") << "  "
                      << to_string(s->kind);
            if (!s->name.empty()) std::cout << "  " << s->name << "  [" << s->notice << "]";
            std::cout << '\n';
        } else {
            std::cout << d << ' ' << d.weekday_name() << "  ?  outside the calendar's data\n";
        }
    }
    return 0;
}

}  // namespace

int run_command(int argc, char** argv) {
    CLI::App app{"qixian — deadlines and limitation periods of PRC civil procedure, with citations"};
    app.footer(exit_codes_help);
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("qixian ") + std::string(qixian::engine_version()));
    std::string rules_dir;
    app.add_option("--rules", rules_dir, "use the rule pack in this directory instead of the built-in one");

    compute_options copts;
    auto* compute_cmd = app.add_subcommand("compute", "compute one deadline");
    add_compute_options(compute_cmd, copts);
    compute_options eopts;
    auto* explain_cmd = app.add_subcommand("explain", "compute one deadline and explain every step with its authority");
    add_compute_options(explain_cmd, eopts);

    auto* rules_cmd = app.add_subcommand("rules", "list, show and check rule packs");
    rules_cmd->require_subcommand(1);
    std::string check_dir;
    auto* check_cmd = rules_cmd->add_subcommand("check", "validate a rules directory (default: the built-in pack)");
    check_cmd->add_option("dir", check_dir, "rules directory");
    bool check_json = false;
    check_cmd->add_flag("--json", check_json, "one JSON document: ok, counts, digests, and every problem with its position");
    bool list_json = false;
    auto* list_cmd = rules_cmd->add_subcommand("list", "list the rules of the pack");
    list_cmd->add_flag("--json", list_json, "JSON output");
    std::string show_id;
    auto* show_cmd = rules_cmd->add_subcommand("show", "show one rule with its versions and citations");
    show_cmd->add_option("id", show_id, "rule id")->required();
    bool show_json = false;
    show_cmd->add_flag("--json", show_json, "the rule as JSON: every field of every version, with its authority");

    std::string batch_file;
    bool batch_no_trace = false;
    auto* batch_cmd = app.add_subcommand(
        "batch",
        "JSON Lines in, JSON Lines out: one answer per request line, in order, errors inline "
        "with their line number (an unknown field or a field given twice is an error); each "
        "answer is written as soon as no more input is waiting; exit 0 when every line was answered");
    batch_cmd->add_option("file", batch_file, "requests (default: standard input)");
    batch_cmd->add_flag("--no-trace", batch_no_trace, "leave the trace out of each answer");

    std::string docket_path, docket_format = "text", docket_lang = "en";
    auto* docket_cmd = app.add_subcommand(
        "docket", "every deadline a case file's events trigger, chains followed (a payment order's objection "
                  "period → performance due → the enforcement-application period), sorted by date");
    docket_cmd->add_option("case", docket_path,
                           "case file, TOML or JSON (.json): events, facts, readings, zone, and optionally "
                           "rules = [ids or prefixes ending in *]")
        ->required();
    docket_cmd->add_option("--format", docket_format, "text, json or ics")->check(CLI::IsMember({"text", "json", "ics"}));
    docket_cmd->add_option("--lang", docket_lang, "en or zh (text format)")->check(CLI::IsMember({"en", "zh"}));

    std::string verify_path;
    auto* verify_cmd = app.add_subcommand(
        "verify", "run ruling fixtures (a .toml file or a directory) and report each case, the court's "
                  "conclusion beside qixian's; exit 0 when all pass, 4 when any fails");
    verify_cmd->add_option("path", verify_path, "fixture file or directory, e.g. tests/rulings")->required();
    bool verify_json = false;
    verify_cmd->add_flag("--json", verify_json, "one JSON document: each case's result, the court's decision and qixian's");

    std::string cal_from, cal_to, cal_as_of, cal_since, cal_id = "cn.mainland";
    bool cal_json = false;
    auto* cal_cmd = app.add_subcommand("calendar", "the status of each day: working, weekend, holiday, adjusted working");
    cal_cmd->add_option("--from", cal_from, "first day (YYYY-MM-DD)")->required();
    cal_cmd->add_option("--to", cal_to, "last day (YYYY-MM-DD)")->required();
    cal_cmd->add_flag("--json", cal_json, "one JSON object per line");
    cal_cmd->add_option("--as-of", cal_as_of, "as the notices stood on this day");
    cal_cmd->add_option("--calendar", cal_id, "calendar id (default cn.mainland)");
    cal_cmd->add_option("--changes-since", cal_since,
                        "list only the days the notices changed after this day (up to --as-of, or all notices)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    if (compute_cmd->parsed()) return run_compute(copts, rules_dir, false);
    if (explain_cmd->parsed()) return run_compute(eopts, rules_dir, true);
    if (check_cmd->parsed()) return run_rules_check(check_dir.empty() ? rules_dir : check_dir, check_json);
    if (list_cmd->parsed()) return run_rules_list(rules_dir, list_json);
    if (show_cmd->parsed()) return run_rules_show(rules_dir, show_id, show_json);
    if (batch_cmd->parsed()) {
        auto pack = load_pack(rules_dir);
        if (!pack) return print_diagnostics(pack.error());
        std::ios::sync_with_stdio(false);
        std::cin.tie(nullptr);  // run_batch flushes its answers itself, before it waits for input
        if (batch_file.empty() || batch_file == "-") {
            cli::run_batch(*pack, std::cin, std::cout, !batch_no_trace);
            if (std::cin.bad()) return fail(make_error(errc::io_error, "cannot read the standard input"), false);
        } else {
            std::ifstream in(batch_file);
            if (!in) return fail(make_error(errc::io_error, "cannot read '" + batch_file + "'", batch_file), false);
            cli::run_batch(*pack, in, std::cout, !batch_no_trace);
            if (in.bad()) return fail(make_error(errc::io_error, "cannot read '" + batch_file + "'", batch_file), false);
        }
        return 0;
    }
    if (docket_cmd->parsed()) {
        const bool json = docket_format == "json";
        auto file = cli::read_case_file(docket_path);
        if (!file) return fail(file.error(), json);
        auto pack = load_pack(rules_dir);
        if (!pack) return print_diagnostics(pack.error());
        auto d = cli::build_docket(*pack, *file);
        if (!d) return fail(d.error(), json);
        if (docket_format == "ics") {
            std::vector<const deadline*> ds;
            for (const auto& e : d->entries)
                if (e.due && e.due->time_limited) ds.push_back(&*e.due);
            std::cout << cli::render_ics(ds, std::chrono::time_point_cast<std::chrono::seconds>(
                                                 std::chrono::system_clock::now()));
        } else if (json) {
            std::string text;
            cli::json_writer w(text);
            cli::citation_json_cache cache;
            w.begin_object().field("case", docket_path).key("deadlines").begin_array();
            for (const auto& e : d->entries) {
                w.begin_object();
                if (e.due) {
                    cli::write_fields(w, *e.due, true, cache);
                    if (!e.chain.empty()) {
                        w.key("chain").begin_array();
                        for (const auto& c : e.chain) w.value(c);
                        w.end_array();
                    }
                } else {
                    w.field("rule", e.rule).field("ok", false);
                    w.key("error").begin_object().field("code", to_string(e.problem->code)).field("message", e.problem->message).end_object();
                }
                w.end_object();
            }
            w.end_array().end_object();
            std::cout << nlohmann::ordered_json::parse(w.finish()).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            const bool zh = docket_lang == "zh";
            for (const auto& e : d->entries) {
                if (e.due && !e.due->time_limited) {
                    std::cout << "no limit    " << e.rule << "  " << (zh ? e.due->name_zh : e.due->name_en) << "\n";
                } else if (e.due) {
                    std::cout << e.due->last_day << " (" << e.due->last_day.weekday_name() << ")  " << e.rule << "  "
                              << (zh ? e.due->name_zh : e.due->name_en) << "\n      from " << e.due->trigger << " "
                              << e.due->start << ", " << to_string(e.due->length) << "; ends " << e.due->ends_at_forum;
                    if (!e.due->ends_at_local.empty()) std::cout << " = " << e.due->ends_at_local;
                    std::cout << "\n";
                    for (const auto& c : e.chain) std::cout << "      chained: " << c << "\n";
                    for (const auto& a : e.due->alternatives)
                        std::cout << "      reading " << a.reading << " → " << a.last_day << "\n";
                    if (e.due->provisional) std::cout << "      PROVISIONAL (outside published calendar data)\n";
                } else {
                    std::cout << "—           " << e.rule << "\n      " << to_string(e.problem->code) << ": "
                              << e.problem->message << "\n";
                }
            }
        }
        return 0;
    }
    if (verify_cmd->parsed()) {
        auto pack = load_pack(rules_dir);
        if (!pack) return print_diagnostics(pack.error());
        const auto stats = cli::run_verify(*pack, verify_path, std::cout, verify_json);
        return stats.failed == 0 ? 0 : 4;
    }
    if (cal_cmd->parsed()) return run_calendar(rules_dir, cal_from, cal_to, cal_json, cal_as_of, cal_id, cal_since);
    return 2;
}

int main(int argc, char** argv) { return qixian::cli::finish_output(run_command(argc, argv)); }
