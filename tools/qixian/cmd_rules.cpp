// qixian rules check | list | show: validating a rules directory, listing the pack, one rule.
#include "citations.hpp"
#include "commands.hpp"
#include "render.hpp"

#include "qixian/messages.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace qixian::cli {
namespace {

// The rule's words in Chinese (rules show/list --lang zh).
std::string_view expiry_zh(expiry_kind e) {
    switch (e) {
        case expiry_kind::bar: return "期间届满即不得为之";
        case expiry_kind::defence: return "届满后对方可提出时效抗辩";
        case expiry_kind::extinguished: return "权利消灭（除斥期间）";
        case expiry_kind::none: return "无";
    }
    return "";
}
std::string_view tolling_zh(tolling_class t) {
    switch (t) {
        case tolling_class::limitation: return "适用中止、中断";
        case tolling_class::fixed: return "不适用中止、中断（不变期间）";
        case tolling_class::exclusion: return "不适用中止、中断和延长（除斥期间）";
    }
    return "";
}
std::string_view period_kind_zh(period_kind k) {
    switch (k) {
        case period_kind::party: return "当事人的期间";
        case period_kind::court: return "法律给法院的期间";
        case period_kind::waiting: return "等待期间（届满后方可为之）";
        case period_kind::deemed: return "视为送达的期间";
    }
    return "";
}
std::string cite_zh(const citation& c) { return citations_text(citation_list({c}), lang::zh); }
std::string when_zh(const std::map<std::string, std::string, std::less<>>& when) {
    std::string out;
    for (const auto& [f, val] : when) out += (out.empty() ? "" : "、") + f + "=" + val;
    return out;
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
        dj["message_zh"] = message_zh(d);
        json notes = json::array();
        for (const auto& n : d.notes) {
            json nj = json::object();
            at(nj, n.region);
            nj["message"] = n.message;
            nj["message_zh"] = translate_zh("note", n.message);
            notes.push_back(std::move(nj));
        }
        if (!notes.empty()) dj["notes"] = std::move(notes);
        out.push_back(std::move(dj));
    }
    return out;
}

int run_rules_check(const std::string& dir, bool json, lang l) {
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
        if (l == lang::zh) std::cerr << "错误 " << errors << " 处\n";
        else std::cerr << errors << " error(s)\n";
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
    for (const auto& w : pack->warnings()) std::cerr << (l == lang::zh ? format_zh(w) : format(w)) << '\n';
    if (l == lang::zh) {
        std::cout << "无错误：规则 " << pack->rules().size() << " 条，计算规则 " << pack->conventions().size() << " 个，日历 "
                  << pack->calendar_ids().size() << " 个；警告 " << pack->warnings().size() << " 条；规则包 "
                  << pack->digest() << "，日历 " << pack->calendar_digest() << '\n';
        return 0;
    }
    std::cout << "ok: " << pack->rules().size() << " rule(s), " << pack->conventions().size()
              << " convention(s), " << pack->calendar_ids().size() << " calendar(s); " << pack->warnings().size()
              << " warning(s); rule pack " << pack->digest() << ", calendars " << pack->calendar_digest() << '\n';
    return 0;
}

int run_rules_list(const std::string& dir, bool json, lang l) {
    auto pack = load_pack(dir);
    if (!pack) return print_diagnostics(pack.error());
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& r : pack->rules()) {
        if (!json && l == lang::zh) {
            std::cout << r.id << "  " << r.name_zh << "  （" << r.versions.size() << " 个版本，届满效果 " << expiry_zh(r.expiry)
                      << "）\n";
            continue;
        }
        if (!json) {
            // What the end means: an untimed act has none; a court's, waiting or deemed period
            // closes nothing (its answers say expiry none); a party's period says its expiry.
            const bool untimed = std::none_of(r.versions.begin(), r.versions.end(),
                                              [](const rule_version& v) { return v.time_limited; });
            const std::string what = untimed ? "no time limit"
                                     : r.kind != period_kind::party
                                         ? std::string(to_string(r.kind)) + " period, expiry none"
                                         : "expiry " + std::string(to_string(r.expiry));
            std::cout << r.id << "  " << r.name_zh << " / " << r.name_en << "  (" << r.versions.size()
                      << " version(s), " << what << ")\n";
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
        const auto tolling_json = [&](const tolling_rules& t) {
            json tj = json::object();
            if (!t.interruption.empty()) tj["interruption"] = cites(t.interruption);
            if (!t.settlement.empty()) {
                tj["settlement"] = cites(t.settlement);
                tj["settlement_from"] = t.settlement_from_performance_due ? "performance_due" : "settlement";
            }
            if (!t.suspension.empty()) {
                tj["suspension"] = cites(t.suspension);
                tj["suspension_text"] = std::string(to_string(t.suspension_text));
            }
            if (!t.suspension_other.empty()) tj["suspension_other"] = cites(t.suspension_other);
            if (!t.waiver.empty()) tj["waiver"] = cites(t.waiver);
            return tj;
        };
        json tolling = tolling_json(v.tolling);
        if (!v.tolling.from.empty()) {
            json dated = json::array();
            for (const auto& dt : v.tolling.from) {
                json dj = tolling_json(dt.rules);
                dj["valid_from"] = dt.valid_from.to_string();
                dated.push_back(std::move(dj));
            }
            tolling["from"] = std::move(dated);
        }
        if (!tolling.empty()) vj["tolling"] = std::move(tolling);
        if (v.backwards) vj["direction"] = "before";
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
             {"period_kind", std::string(to_string(r.kind))},
             {"events_of", r.court_events ? "court" : "party"},
             {"convention", r.convention}};
    if (!r.version_by_application.empty()) out["version_by_application"] = cites(r.version_by_application);
    out["versions"] = std::move(versions);
    return out;
}

void show_tolling_zh(const tolling_rules& t, const std::string& indent) {
    const auto cited = [&](const std::string& label, const citation_list& cs) {
        for (const auto& c : cs) std::cout << "    " << indent << label << cite_zh(c) << "\n";
    };
    cited("中断：", t.interruption);
    cited(t.settlement_from_performance_due ? "和解协议未履行（自约定的履行期限届满之日重新计算）："
                                            : "和解协议未履行（自和解之日重新计算）：",
          t.settlement);
    cited(t.suspension_text == suspension_reading::civil_code ? "中止（自中止时效的原因消除之日起满六个月届满）："
                                                              : "中止（中止事由消除后，剩余期间继续计算）：",
          t.suspension);
    cited("中止的另一种解读：", t.suspension_other);
    cited("期间届满后同意履行（不得再以届满抗辩）：", t.waiver);
}

void show_version_zh(const rule_version& v) {
    std::cout << "  版本 " << v.valid_from << " 至 " << (v.valid_until ? v.valid_until->to_string() : "今") << "  ("
              << v.where.file << ":" << v.where.begin.line << ")\n";
    if (!v.trigger.empty()) {
        std::cout << "    起算事件 ";
        for (std::size_t i = 0; i < v.trigger.size(); ++i) std::cout << (i ? "；" : "") << event_text(v.trigger[i], lang::zh);
        std::cout << "\n";
    }
    for (const auto& p : v.periods)
        std::cout << "    期间    " << to_string_zh(p.length) << (p.when.empty() ? "" : "（适用于 " + when_zh(p.when) + "）")
                  << "\n";
    for (const auto& c : v.citations) std::cout << "    依据    " << cite_zh(c) << "\n";
    for (const auto& u : v.not_time_limited)
        std::cout << "    不受期间限制（" << when_zh(u.when)
                  << "）：" << (u.citations.empty() ? std::string() : cite_zh(u.citations.front())) << "\n";
    if (!v.time_limited) std::cout << "    不受期间限制\n";
    if (v.combine != combinator::none) {
        std::cout << "    " << (v.combine == combinator::earliest_of ? "以先届满者为准：" : "以后届满者为准：");
        for (const auto& c : v.components) std::cout << ' ' << c;
        std::cout << "\n";
    }
    for (const auto& [kind, cs] : v.trigger_citations)
        for (const auto& c : cs) std::cout << "    自 " << event_text(kind, lang::zh) << " 起算：" << cite_zh(c) << "\n";
    if (v.instalments != instalment_mode::none)
        std::cout << "    分期履行 " << (v.instalments == instalment_mode::each ? "各期分别计算" : "自最后一期履行期间届满之日起计算")
                  << "\n";
    if (v.ends_no_later_than) std::cout << "    最迟于 " << *v.ends_no_later_than << " 届满\n";
    if (v.produces)
        std::cout << "    届满产生事件 " << event_text(v.produces->event, lang::zh)
                  << (v.produces->on == produced_event::day::last_day ? "，于届满之日" : "，于届满次日") << "\n";
    if (v.extendable_by_court) std::cout << "    人民法院可以决定延长\n";
    if (v.expiry) std::cout << "    届满效果  " << expiry_zh(*v.expiry) << "（本版本）\n";
    for (const auto& c : v.takes_over_running) std::cout << "    施行之日尚未届满的期间适用本版本：" << cite_zh(c) << "\n";
    if (v.backwards) std::cout << "    回溯期间（自起算事件向前计算）\n";
    show_tolling_zh(v.tolling, "");
    for (const auto& dt : v.tolling.from) {
        std::cout << "    自 " << dt.valid_from << " 起的中止、中断规定：\n";
        show_tolling_zh(dt.rules, "  ");
    }
    if (!v.note.empty()) std::cout << "    说明    " << note_zh(v.note) << "\n";
}

void show_rule_zh(const rule& r) {
    std::cout << r.id << "\n  " << r.name_zh << "\n  届满效果 " << expiry_zh(r.expiry) << "，" << tolling_zh(r.tolling)
              << "，" << period_kind_zh(r.kind) << (r.court_events ? "，起算事件由法院作出" : "") << "，计算规则 "
              << r.convention << "\n";
    for (const auto& c : r.version_by_application)
        std::cout << "  各版本适用于其施行期间内提出的申请（按行为之日选择版本）：" << cite_zh(c) << "\n";
    for (const auto& v : r.versions) show_version_zh(v);
}

// `rules show cite:…`: the authority an answer written with --citations ids names.
int show_citation(const rule_pack& pack, const std::string& id, bool json, lang l) {
    const citation* c = find_citation(pack, id);
    if (c == nullptr) return fail(make_error(errc::unknown_rule, "no citation '" + id + "' in the rule pack", id), json);
    if (json) {
        nlohmann::ordered_json j{{"id", id}, {"instrument", c->instrument}, {"article", c->article}};
        if (!c->paragraph.empty()) j["paragraph"] = c->paragraph;
        if (!c->note.empty()) j["note"] = c->note;
        j["text"] = to_string(*c);
        std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else if (l == lang::zh) {
        std::cout << id << "\n  " << cite_zh(*c) << "\n";
        if (!c->note.empty()) std::cout << "  说明：" << note_zh(c->note) << "\n";
    } else {
        std::cout << id << "\n  " << to_string(*c) << "\n";
        if (!c->note.empty()) std::cout << "  note: " << c->note << "\n";
    }
    return 0;
}

int run_rules_show(const std::string& dir, const std::string& id, bool json, lang l) {
    auto pack = load_pack(dir);
    if (!pack) return print_diagnostics(pack.error());
    if (id.starts_with("cite:")) return show_citation(*pack, id, json, l);
    const rule* r = pack->find(id);
    if (r == nullptr) return fail(make_error(errc::unknown_rule, "no rule '" + id + "' in the rule pack", id), json);
    if (json) {
        std::cout << rule_json(*r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return 0;
    }
    if (l == lang::zh) {
        show_rule_zh(*r);
        return 0;
    }
    std::cout << r->id << "\n  " << r->name_zh << " / " << r->name_en << "\n  expiry " << to_string(r->expiry)
              << ", tolling " << to_string(r->tolling) << ", period_kind " << to_string(r->kind)
              << (r->court_events ? ", the court's events" : "") << ", convention " << r->convention << "\n";
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
        if (v.backwards) std::cout << "    direction before (a look-back from the trigger)\n";
        const auto mechanisms = [&](const tolling_rules& t, const std::string& indent) {
            cited(indent + "interruption: ", t.interruption);
            cited(indent + std::string(t.settlement_from_performance_due ? "settlement: " : "settlement (from the settlement): "),
                  t.settlement);
            cited(indent + "suspension (" + std::string(to_string(t.suspension_text)) + "): ", t.suspension);
            cited(indent + "suspension, the other reading: ", t.suspension_other);
            cited(indent + "waiver: ", t.waiver);
        };
        mechanisms(v.tolling, "");
        for (const auto& dt : v.tolling.from) {
            std::cout << "    tolling events from " << dt.valid_from << ":\n";
            mechanisms(dt.rules, "  ");
        }
        if (!v.note.empty()) std::cout << "    note    " << v.note << "\n";
    }
    return 0;
}

}  // namespace

std::vector<command> add_rules_commands(CLI::App& app, const global_options& g) {
    auto* rules = app.add_subcommand("rules", "list, show and check rule packs");
    rules->require_subcommand(1);

    struct options {
        std::string check_dir, show_id, lang = "en";
        bool check_json = false, list_json = false, show_json = false;
    };
    auto o = std::make_shared<options>();
    auto* check = rules->add_subcommand("check", "validate a rules directory (default: the built-in pack)");
    check->add_option("dir", o->check_dir, "rules directory");
    check->add_flag("--json", o->check_json, "one JSON document: ok, counts, digests, and every problem with its position");
    auto* list = rules->add_subcommand("list", "list the rules of the pack");
    list->add_flag("--json", o->list_json, "JSON output");
    auto* show = rules->add_subcommand("show", "show one rule with its versions and citations, or one citation by its id (cite:…, batch --citations ids)");
    show->add_option("id", o->show_id, "rule id, or a citation id cite:…")->required();
    show->add_flag("--json", o->show_json, "the rule as JSON: every field of every version, with its authority");
    for (auto* sub : {check, list, show})
        sub->add_option("--lang", o->lang, "en or zh (text: the rule's words and every message in Chinese)")
            ->check(CLI::IsMember({"en", "zh"}));
    const auto l = [o] { return o->lang == "zh" ? lang::zh : lang::en; };
    return {
        {check, [o, &g, l] { return run_rules_check(o->check_dir.empty() ? g.rules_dir : o->check_dir, o->check_json, l()); }},
        {list, [o, &g, l] { return run_rules_list(g.rules_dir, o->list_json, l()); }},
        {show, [o, &g, l] { return run_rules_show(g.rules_dir, o->show_id, o->show_json, l()); }},
    };
}

}  // namespace qixian::cli
