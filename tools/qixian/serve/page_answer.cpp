// The answer and docket parts of the web page, the language choice and the stylesheet.
#include "page_parts.hpp"

#include "docket.hpp"
#include "render.hpp"

#include <chrono>
#include <cstdlib>
#include <tuple>

namespace qixian::serve::page_detail {

namespace {

std::string str(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "2025-03-04T00:00:00+08:00" → "2025-03-04 00:00:00 +08:00"
std::string moment(std::string s) {
    if (const auto t = s.find('T'); t != std::string::npos) s[t] = ' ';
    if (s.size() > 19 && (s[19] == '+' || s[19] == '-' || s[19] == 'Z')) s.insert(19, " ");
    return s;
}

void day_with_weekday(page_ctx& p, const std::string& day, const char* id = nullptr) {
    const auto d = civil_date::parse(day);
    p.add("<time");
    if (id != nullptr) {
        p.add(" id=\"");
        p.add(id);
        p.add("\"");
    }
    p.add(" datetime=\"");
    p.esc(day);
    p.add("\">");
    p.esc(day);
    p.add("</time>");
    if (d) {
        p.add(" <span class=\"weekday\">");
        p.esc(weekday(p.t, *d));
        p.add("</span>");
    }
}

void dt(page_ctx& p, std::string_view label) {
    p.add("<dt>");
    p.esc(label);
    p.add("</dt><dd>");
}

// "…民法典 art. 203 para. 1" → "…民法典第203条第1款" (the engine's citation text, in Chinese form).
std::string cite_zh(std::string text) {
    for (const auto& [marker, open, close] : {std::tuple<std::string_view, std::string_view, std::string_view>{" art. ", "第", "条"},
                                              {" para. ", "第", "款"}}) {
        const auto at = text.find(marker);
        if (at == std::string::npos) continue;
        auto end = text.find(' ', at + marker.size());
        if (end == std::string::npos) end = text.size();
        const std::string number = text.substr(at + marker.size(), end - at - marker.size());
        text.replace(at, end - at, std::string(open) + number + std::string(close));
    }
    return text;
}

void citations(page_ctx& p, const json& list) {
    if (!list.is_array() || list.empty()) return;
    p.add("<ul class=\"cites\">");
    for (const auto& c : list) {
        p.add("<li>");
        if (c.is_string()) {
            p.esc(p.zh ? cite_zh(c.get<std::string>()) : c.get<std::string>());
        } else {
            p.esc(str(c, "instrument"));
            p.add(p.zh ? " 第" : " art. ");
            p.esc(str(c, "article"));
            p.add(p.zh ? "条" : "");
            if (const std::string para = str(c, "paragraph"); !para.empty()) {
                p.add(p.zh ? "第" : " para. ");
                p.esc(para);
                p.add(p.zh ? "款" : "");
            }
        }
        p.add("</li>");
    }
    p.add("</ul>");
}

void timing(page_ctx& p, const json& a) {
    dt(p, p.t.last_day);
    p.add("<span class=\"big\">");
    day_with_weekday(p, str(a, "last_day"), "last-day");
    p.add("</span></dd>");
    dt(p, p.t.last_moment);
    const std::string local = str(a, "ends_at_local"), zone = p.get("zone");
    if (!local.empty()) {
        p.esc(p.t.last_moment_in);
        p.add(" <code id=\"ends-local\">");
        p.esc(moment(local));
        p.add("</code> (");
        p.esc(zone);
        p.add(")<br>");
    }
    p.esc(p.t.last_moment_in);
    p.add(" <code id=\"ends-forum\">");
    p.esc(moment(str(a, "ends_at")));
    p.add("</code> (");
    p.esc(p.t.forum_zone);
    p.add(")</dd>");
    dt(p, p.t.period);
    p.esc(period_text(p.t, str(a, "period")));
    p.add(" · ");
    p.esc(p.t.start);
    p.add(" ");
    p.esc(str(a, "start"));
    p.add(" (");
    p.esc(str(a, "start_from"));
    p.add(")</dd>");
}

void status_and_range(page_ctx& p, const json& a) {
    if (const std::string s = str(a, "status"); !s.empty()) {
        dt(p, p.t.status);
        p.add("<strong id=\"status\" class=\"status-");
        p.esc(s);
        p.add("\">");
        p.esc(term(p.t, s));
        p.add("</strong>");
        if (const auto it = a.find("days_late"); it != a.end() && it->is_number()) {
            p.add(p.zh ? "（逾期 " : " (");
            p.esc(it->dump());
            p.add(p.zh ? " 日）" : " ");
            if (!p.zh) {
                p.esc(p.t.days_late);
                p.add(")");
            }
        }
        p.add("</dd>");
    }
    if (a.value("provisional", false)) {
        dt(p, p.t.provisional);
        p.add("<strong class=\"provisional\">!</strong> ");
        if (const auto r = a.find("last_day_range"); r != a.end() && r->is_object()) {
            p.esc(p.t.provisional_range);
            p.add(": ");
            day_with_weekday(p, str(*r, "earliest"), "range-earliest");
            p.add(" ");
            p.esc(p.t.range_to);
            p.add(" ");
            day_with_weekday(p, str(*r, "latest"), "range-latest");
        }
        p.add("</dd>");
    }
    if (const std::string e = str(a, "expiry"); !e.empty()) {
        dt(p, p.t.expiry);
        p.esc(term(p.t, e));
        p.add("</dd>");
    }
}

void alternatives(page_ctx& p, const json& a) {
    const auto alts = a.find("alternatives");
    if (alts == a.end() || !alts->is_array() || alts->empty()) return;
    p.add("<h3>");
    p.esc(p.t.alternatives);
    p.add("</h3><table><thead><tr><th scope=\"col\">");
    p.esc(p.t.reading);
    p.add("</th><th scope=\"col\">");
    p.esc(p.t.last_day);
    p.add("</th><th scope=\"col\">");
    p.esc(p.t.status);
    p.add("</th></tr></thead><tbody>");
    for (const auto& alt : *alts) {
        const std::string reading = str(alt, "reading");
        p.add("<tr><td>");
        if (p.zh) {  // the reading in words, its key after it: 调休上班的周六、周日仍作休息日 adjusted_weekend=weekday
            const std::string words = cli::reading_text(reading, cli::lang::zh);
            if (const auto paren = words.rfind(" ("); paren != std::string::npos) {
                p.esc(words.substr(0, paren));
                p.add(" ");
            }
        }
        p.add("<code>");
        p.esc(reading);
        p.add("</code></td><td>");
        if (const std::string d = str(alt, "last_day"); !d.empty()) day_with_weekday(p, d);
        else p.esc(p.t.no_limit);
        p.add("</td><td>");
        p.esc(term(p.t, str(alt, "status")));
        p.add("</td></tr>");
    }
    p.add("</tbody></table>");
}

void instalments(page_ctx& p, const json& a) {
    const auto list = a.find("instalments");
    if (list == a.end() || !list->is_array() || list->empty()) return;
    p.add("<h3>");
    p.esc(p.t.instalments);
    p.add("</h3><table><thead><tr><th scope=\"col\">");
    p.esc(p.t.due);
    p.add("</th><th scope=\"col\">");
    p.esc(p.t.last_day);
    p.add("</th><th scope=\"col\">");
    p.esc(p.t.status);
    p.add("</th></tr></thead><tbody>");
    for (const auto& i : *list) {
        p.add("<tr><td>");
        p.esc(str(i, "due"));
        p.add("</td><td>");
        if (const std::string d = str(i, "last_day"); !d.empty()) day_with_weekday(p, d);
        p.add("</td><td>");
        p.esc(term(p.t, str(i, "status")));
        p.add("</td></tr>");
    }
    p.add("</tbody></table>");
}

void trace(page_ctx& p, const json& a) {
    const auto steps = a.find("trace");
    if (steps == a.end() || !steps->is_array()) return;
    p.add("<h3>");
    p.esc(p.t.trace);
    p.add("</h3><ol class=\"trace\">");
    for (const auto& s : *steps) {
        p.add("<li><strong>");
        p.esc(term(p.t, str(s, "step")));
        p.add("</strong> ");
        p.esc(str(s, "detail"));
        if (const auto c = s.find("citations"); c != s.end()) citations(p, *c);
        p.add("</li>");
    }
    p.add("</ol>");
}

void provenance(page_ctx& p, const json& a) {
    const auto it = a.find("provenance");
    if (it == a.end() || !it->is_object()) return;
    p.add("<details class=\"provenance\"><summary>");
    p.esc(p.t.provenance);
    p.add("</summary><dl>");
    for (const auto& [k, v] : it->items()) {
        p.add("<dt>");
        p.esc(k);
        p.add("</dt><dd><code>");
        p.esc(v.is_string() ? v.get<std::string>() : v.dump());
        p.add("</code></dd>");
    }
    p.add("</dl></details>");
}

}  // namespace

void answer_section(page_ctx& p, const json& a) {
    p.add("<section class=\"answer\" id=\"answer\" aria-labelledby=\"answer-h\"><h2 id=\"answer-h\">");
    p.esc(p.t.answer);
    p.add("</h2><p class=\"rule\">");
    p.esc(str(a, p.zh ? "name_zh" : "name_en"));
    p.add(" <code>");
    p.esc(str(a, "rule"));
    p.add("</code> · ");
    p.esc(p.t.version);
    p.add(" ");
    p.esc(str(a, "version"));
    p.add("</p>");
    citations(p, a.value("citations", json::array()));
    p.add("<dl class=\"result\">");
    if (a.value("time_limited", true)) {
        timing(p, a);
    } else {
        dt(p, p.t.last_day);
        p.add("<span class=\"big\" id=\"last-day\">");
        p.esc(p.t.no_limit);
        p.add("</span></dd>");
    }
    status_and_range(p, a);
    p.add("</dl>");
    alternatives(p, a);
    instalments(p, a);
    trace(p, a);
    provenance(p, a);
    const std::string link = permalink(p.q);
    p.add("<p class=\"links\">");
    if (a.value("time_limited", true)) {
        p.add("<a id=\"ics\" download href=\"");
        p.esc(link + "&format=ics");
        p.add("\">");
        p.esc(p.t.download_ics);
        p.add("</a> · ");
    }
    p.add("<a id=\"permalink\" href=\"");
    p.esc(link);
    p.add("\">");
    p.esc(p.t.permalink);
    p.add("</a></p></section>\n");
}

namespace {

// The case of the docket form: events from KIND=TIME lines, facts, zone, rules.
json case_of(const page_ctx& p, errors& errs) {
    json c{{"events", json::object()}};
    std::string lines = p.get("events") + "\n", line;
    for (const char ch : lines) {
        if (ch != '\n') {
            if (ch != '\r') line += ch;
            continue;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (line.empty()) continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos || eq == 0) {
            errs["events"] = std::string(p.t.case_events_hint) + ": " + line;
        } else {
            std::string kind = line.substr(0, eq), value = line.substr(eq + 1);
            while (!kind.empty() && kind.back() == ' ') kind.pop_back();
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            if (kind == "instalment_due") {
                json days = json::array();
                std::string d;
                for (const char x : value + ",") {
                    if (x == ',') {
                        if (!d.empty()) days.push_back(d);
                        d.clear();
                    } else if (x != ' ') {
                        d += x;
                    }
                }
                c["events"][kind] = days;
            } else {
                c["events"][kind] = value;
            }
        }
        line.clear();
    }
    if (c["events"].empty() && errs.empty()) errs["events"] = std::string(p.t.need_event);
    for (const auto& f : fact_kinds())
        if (const std::string v = p.get("fact." + std::string(f.name)); !v.empty()) c["facts"][std::string(f.name)] = v;
    for (const auto& [k, v] : p.q)
        if (k.rfind("reading.", 0) == 0 && !v.empty()) c["readings"][k.substr(8)] = v;
    if (const std::string z = p.get("zone"); !z.empty()) c["zone"] = z;
    if (const std::string rs = p.get("rules"); !rs.empty()) {
        json list = json::array();
        std::string item;
        for (const char x : rs + ",") {
            if (x == ',') {
                if (!item.empty()) list.push_back(item);
                item.clear();
            } else if (x != ' ') {
                item += x;
            }
        }
        c["rules"] = list;
    }
    return c;
}

void docket_form(page_ctx& p, const errors& errs) {
    p.add("<form method=\"get\" action=\"/docket\" novalidate><input type=\"hidden\" name=\"lang\" value=\"");
    p.add(p.zh ? "zh" : "en");
    p.add("\">");
    zone_list(p);
    field_error(p, errs, "form");
    p.add("<fieldset><legend>");
    p.esc(p.t.case_events);
    p.add("</legend><label for=\"events\">");
    p.esc(p.t.case_events_hint);
    p.add("</label><textarea id=\"events\" name=\"events\" rows=\"4\"");
    if (errs.count("events")) p.add(" aria-invalid=\"true\" aria-describedby=\"events-error\"");
    p.add(">");
    p.esc(p.get("events"));
    p.add("</textarea>");
    field_error(p, errs, "events");
    p.add("</fieldset>");
    facts_and_readings(p, errs);
    p.add("<fieldset><legend>");
    p.esc(p.t.act_and_zone);
    p.add("</legend>");
    input(p, errs, "zone", p.t.show_zone, "text", "America/New_York");
    field_error(p, errs, "zone");
    input(p, errs, "rules", p.t.rules_filter, "text", p.t.rules_filter_hint);
    p.add("</fieldset><p><button type=\"submit\" id=\"build\">");
    p.esc(p.t.build_docket);
    p.add("</button></p></form>\n");
}

void docket_row(page_ctx& p, const cli::docket_entry& e) {
    p.add("<tr><td>");
    if (e.due && e.due->time_limited) day_with_weekday(p, e.due->last_day.to_string());
    else if (e.due) p.esc(p.t.no_limit);
    else p.esc(p.t.no_answer);
    p.add("</td><td>");
    if (e.due) p.esc(p.zh ? e.due->name_zh : e.due->name_en);
    p.add(" <code>");
    p.esc(e.rule);
    p.add("</code>");
    for (const auto& c : e.chain) {
        p.add("<br><small>");
        p.esc(p.t.chained);
        p.add(": ");
        p.esc(c);
        p.add("</small>");
    }
    p.add("</td><td>");
    if (e.due && e.due->time_limited) {
        p.esc(e.due->trigger + " " + e.due->start.to_string() + " + " + period_text(p.t, to_string(e.due->length)));
        if (e.due->provisional) {
            p.add(" <strong class=\"provisional\">");
            p.esc(p.t.provisional);
            p.add("</strong>");
        }
    } else if (e.problem) {
        p.esc(error_text(p.t, *e.problem));
    }
    p.add("</td></tr>");
}

}  // namespace

response docket_page(page_ctx& p) {
    errors errs;
    std::optional<cli::docket> docket;
    if (!p.get("events").empty()) {
        const json c = case_of(p, errs);
        if (errs.empty()) {
            auto d = cli::build_docket(p.pack, nlohmann::json::parse(c.dump()));
            if (!d) errs[d.error().code == errc::unknown_rule ? "form" : "events"] = error_text(p.t, d.error());
            else docket = std::move(*d);
        }
    }
    if (docket && p.get("format") == "ics") {
        std::vector<const deadline*> ds;
        for (const auto& e : docket->entries)
            if (e.due && e.due->time_limited) ds.push_back(&*e.due);
        return ics_response(cli::render_ics(ds, std::chrono::time_point_cast<std::chrono::seconds>(
                                                    std::chrono::system_clock::now())),
                            "docket.ics");
    }
    head(p, p.t.docket_title, "/docket");
    p.add("<h1>");
    p.esc(p.t.docket_title);
    p.add("</h1><p class=\"lead\">");
    p.esc(p.t.docket_lead);
    p.add("</p>");
    docket_form(p, errs);
    if (docket) {
        p.add("<section class=\"answer\" id=\"answer\"><table id=\"docket\"><thead><tr><th scope=\"col\">");
        p.esc(p.t.last_day);
        p.add("</th><th scope=\"col\">");
        p.esc(p.t.rule);
        p.add("</th><th scope=\"col\">");
        p.esc(p.t.period);
        p.add("</th></tr></thead><tbody>");
        for (const auto& e : docket->entries) docket_row(p, e);
        if (docket->entries.empty()) {
            p.add("<tr><td colspan=\"3\">");
            p.esc(p.t.no_deadlines);
            p.add("</td></tr>");
        }
        p.add("</tbody></table><p class=\"links\"><a id=\"ics\" download href=\"");
        std::string link = "/docket?";
        for (const auto& [k, v] : p.q)
            if (k != "format" && !v.empty()) link += percent_encode(k) + "=" + percent_encode(v) + "&";
        p.esc(link + "format=ics");
        p.add("\">");
        p.esc(p.t.download_ics);
        p.add("</a></p></section>");
    }
    return finish(p, errs.empty() ? 200 : 400);
}

bool prefers_zh(std::string_view accept_language) {
    double zh = -1, en = -1;
    int order = 0, zh_at = 0, en_at = 0;
    while (!accept_language.empty()) {
        const auto comma = accept_language.find(',');
        std::string_view item = accept_language.substr(0, comma);
        accept_language = comma == std::string_view::npos ? std::string_view() : accept_language.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        double q = 1;
        if (const auto semi = item.find(";q="); semi != std::string_view::npos) {
            q = std::strtod(std::string(item.substr(semi + 3)).c_str(), nullptr);
            item = item.substr(0, semi);
        }
        ++order;
        if (item.size() >= 2 && (item.substr(0, 2) == "zh" || item.substr(0, 2) == "ZH") && q > zh) {
            zh = q;
            zh_at = order;
        } else if (item.size() >= 2 && (item.substr(0, 2) == "en" || item.substr(0, 2) == "EN") && q > en) {
            en = q;
            en_at = order;
        }
    }
    return zh > 0 && (zh > en || (zh == en && zh_at < en_at));
}

std::string_view stylesheet() {
    return R"css(:root{--ink:#1a1a1a;--muted:#555;--line:#ccc;--accent:#8b1a1a;--bg:#fff;--soft:#f6f3ee}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px;z-index:9}
header{background:var(--accent);color:#fff;padding:.5rem 1rem}
header a{color:#fff;margin-right:1rem}header .brand{font-weight:bold;text-decoration:none}
header .lang{float:right}header .lang a{margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem}
.lead,.hint{color:var(--muted)}
fieldset{border:1px solid var(--line);border-radius:4px;margin:0 0 1rem;padding:.5rem 1rem 1rem}
legend{font-weight:bold;padding:0 .3rem}
.field{display:inline-block;margin:.3rem 1rem .3rem 0}
.field label{display:block;font-size:.9rem;color:var(--muted)}.field.check label{display:inline}
details{margin:0 0 1rem}
.when{margin:.4rem 0;padding:.3rem 0;border-top:1px dotted var(--line)}
.when-label{display:block;font-weight:600}
input,select,textarea,button{font:inherit;padding:.3rem .4rem;border:1px solid #888;border-radius:3px}
textarea{width:100%}
button{background:var(--accent);color:#fff;border-color:var(--accent);padding:.4rem 1.2rem;cursor:pointer}
:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
[aria-invalid=true]{border-color:#c00;background:#fff4f4}
.error{color:#b00000;font-weight:600;margin:.2rem 0}
ul.rules{columns:2;padding-left:1.2rem}ul.rules li{break-inside:avoid;margin-bottom:.2rem}
ul.rules code,h2 code,.rule code{font-size:.8rem;color:var(--muted)}
[aria-current=true]{font-weight:bold}
.answer{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:0 1rem 1rem;margin:1rem 0}
dl.result{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}
dl.result dt{font-weight:600}dl.result dd{margin:0}
.big{font-size:1.5rem;font-weight:bold}
.weekday{color:var(--accent)}
.status-late,.status-overdue,.status-partly_late{color:#b00000}.status-timely{color:#11661b}
.provisional{color:#9a5b00}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
ol.trace li{margin-bottom:.4rem}ul.cites{margin:.2rem 0;color:var(--muted);font-size:.9rem}
.links a{font-weight:600}
footer{color:var(--muted);font-size:.85rem;text-align:center;padding:1rem}
@media (max-width:40rem){ul.rules{columns:1}dl.result{grid-template-columns:1fr}}
@media print{header,footer,form,.picker,.links,.skip{display:none}
body{font-size:11pt;color:#000}main{max-width:none;padding:0}
.answer{border:none;background:none;padding:0}details{display:block}details>*{display:block}
a{color:#000;text-decoration:none}h2{border-color:#000}}
)css";
}

}  // namespace qixian::serve::page_detail
