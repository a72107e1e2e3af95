// The web page for people: server-rendered HTML forms that work without JavaScript, in
// Chinese and English. Every value from the request or the pack is escaped.
//
//   GET /                      the rule picker (?q= searches zh and en names and ids)
//   GET /?rule=ID              the form for that rule: its trigger events, facts, tolling, act, readings
//   GET /deadline?rule=ID&…    the form again with the answer below it (the URL reproduces it: a permalink);
//                              &format=ics downloads the calendar entry; a bad field → the form again,
//                              the message beside the field (400)
//   GET /docket?events=…       a case's docket (events as KIND=TIME lines), &format=ics for all of it
//   GET /static/qixian.css     the stylesheet (screen and print)
#include "api.hpp"
#include "http_util.hpp"
#include "page_parts.hpp"

#include "docket.hpp"
#include "render.hpp"
#include "request_json.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace qixian::serve::page_detail {

// The current URL with `lang` replaced (the language switch keeps the computation).
std::string with_lang(const std::string& path, const query_pairs& q, std::string_view lang) {
    std::string out = path + "?";
    for (const auto& [k, v] : q)
        if (k != "lang" && k != "format" && !v.empty()) out += percent_encode(k) + "=" + percent_encode(v) + "&";
    return out + "lang=" + std::string(lang);
}

void head(page_ctx& p, std::string_view title, const std::string& path) {
    p.add("<!DOCTYPE html>\n<html lang=\"");
    p.add(p.zh ? "zh-CN" : "en");
    p.add("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          "<title>");
    p.esc(title);
    p.add(" · qixian</title><link rel=\"stylesheet\" href=\"/static/qixian.css\"></head><body>\n"
          "<a class=\"skip\" href=\"#main\">");
    p.esc(p.t.skip);
    p.add("</a><header><nav aria-label=\"");
    p.esc(p.t.nav);
    p.add("\"><a href=\"/?lang=");
    p.add(p.zh ? "zh" : "en");
    p.add("\" class=\"brand\">qixian 期限</a> <a href=\"/?lang=");
    p.add(p.zh ? "zh" : "en");
    p.add("\">");
    p.esc(p.t.deadline_nav);
    p.add("</a> <a href=\"/docket?lang=");
    p.add(p.zh ? "zh" : "en");
    p.add("\">");
    p.esc(p.t.docket_nav);
    p.add("</a> <span class=\"lang\">");
    p.add(p.zh ? "<a id=\"lang-en\" lang=\"en\" href=\"" + html_escape(with_lang(path, p.q, "en")) + "\">English</a> · <strong>中文</strong>"
               : "<strong>English</strong> · <a id=\"lang-zh\" lang=\"zh-CN\" href=\"" + html_escape(with_lang(path, p.q, "zh")) + "\">中文</a>");
    p.add("</span></nav></header>\n<main id=\"main\">\n");
}

response finish(page_ctx& p, int status) {
    p.add("</main>\n<footer><p>");
    p.esc(p.t.footer);
    p.add(" <a href=\"/openapi.json\">/openapi.json</a></p></footer>\n</body></html>\n");
    response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(p.html);
    r.headers.emplace_back("Content-Security-Policy", "default-src 'self'; form-action 'self'; frame-ancestors 'none'");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string_view rule_name(const page_ctx& p, const rule& r) { return p.zh ? r.name_zh : r.name_en; }

// The rule picker: a search box and the list of rules (zh and en names), as links.
void picker(page_ctx& p, const std::string& chosen) {
    const std::string q = p.get("q");
    p.add("<section class=\"picker\" aria-labelledby=\"pick-h\"><h2 id=\"pick-h\">");
    p.esc(p.t.pick_rule);
    p.add("</h2><form method=\"get\" action=\"/\" role=\"search\"><input type=\"hidden\" name=\"lang\" value=\"");
    p.add(p.zh ? "zh" : "en");
    p.add("\"><label for=\"q\">");
    p.esc(p.t.search);
    p.add("</label> <input type=\"search\" id=\"q\" name=\"q\" value=\"");
    p.esc(q);
    p.add("\" placeholder=\"");
    p.esc(p.t.search_hint);
    p.add("\"> <button type=\"submit\">");
    p.esc(p.t.search_button);
    p.add("</button></form>\n<ul class=\"rules\">");
    const std::string needle = lower(q);
    std::size_t shown = 0;
    for (const auto& r : p.pack.rules()) {
        const std::string hay = lower(r.id + " " + r.name_en) + " " + r.name_zh;
        if (!needle.empty() && hay.find(needle) == std::string::npos) continue;
        ++shown;
        p.add("<li><a href=\"/?rule=");
        p.add(html_escape(percent_encode(r.id)));
        p.add(p.zh ? "&amp;lang=zh\"" : "&amp;lang=en\"");
        if (r.id == chosen) p.add(" aria-current=\"true\"");
        p.add("><span lang=\"zh-CN\">");
        p.esc(r.name_zh);
        p.add("</span> <span lang=\"en\">");
        p.esc(r.name_en);
        p.add("</span></a> <code>");
        p.esc(r.id);
        p.add("</code></li>");
    }
    if (shown == 0) {
        p.add("<li>");
        p.esc(p.t.no_rule_matches);
        p.add("</li>");
    }
    p.add("</ul></section>\n");
}

// The trigger events of every version of `r` (a composite: of its components), in order.
std::vector<std::string> triggers_of(const rule_pack& pack, const rule& r, int depth = 0) {
    std::vector<std::string> out;
    const auto add = [&](const std::string& k) {
        if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    };
    // The latest version first, and its general trigger (listed last: the fallback) first.
    for (auto it = r.versions.rbegin(); it != r.versions.rend(); ++it) {
        for (auto k = it->trigger.rbegin(); k != it->trigger.rend(); ++k) add(*k);
        for (const auto& c : it->components)
            if (const rule* cr = pack.find(c); cr != nullptr && depth < 8)
                for (const auto& k : triggers_of(pack, *cr, depth + 1)) add(k);
    }
    return out;
}

bool has_tolling(const rule& r) {
    return std::any_of(r.versions.begin(), r.versions.end(), [](const rule_version& v) {
        return !v.tolling.interruption.empty() || !v.tolling.suspension.empty() || !v.tolling.settlement.empty() ||
               !v.tolling.waiver.empty();
    });
}

void field_error(page_ctx& p, const errors& errs, const std::string& name) {
    if (const auto it = errs.find(name); it != errs.end()) {
        p.add("<p class=\"error\" id=\"");
        p.esc(name);
        p.add("-error\" role=\"alert\">");
        p.esc(it->second);
        p.add("</p>");
    }
}

void described_by(page_ctx& p, const errors& errs, const std::string& name) {
    if (errs.count(name)) {
        p.add(" aria-invalid=\"true\" aria-describedby=\"");
        p.esc(name);
        p.add("-error\"");
    }
}

void input(page_ctx& p, const errors& errs, const std::string& name, std::string_view label, std::string_view type,
           std::string_view hint, const std::string& error_key) {
    const std::string& key = error_key.empty() ? name : error_key;
    p.add("<span class=\"field\"><label for=\"");
    p.esc(name);
    p.add("\">");
    p.esc(label);
    p.add("</label> <input type=\"");
    p.add(type);
    p.add("\" id=\"");
    p.esc(name);
    p.add("\" name=\"");
    p.esc(name);
    p.add("\" value=\"");
    p.esc(p.get(name));
    p.add("\"");
    if (type == "text" && name.find("zone") != std::string::npos) p.add(" list=\"zones\" autocomplete=\"off\"");
    if (!hint.empty()) {
        p.add(" placeholder=\"");
        p.esc(hint);
        p.add("\"");
    }
    described_by(p, errs, key);
    p.add("></span>");
}

// A day, an optional time and an optional zone: "2025-03-01", "2025-03-01T09:30",
// "2025-03-01T09:30[America/New_York]".
void when_inputs(page_ctx& p, const errors& errs, const std::string& base, std::string_view label) {
    p.add("<div class=\"when\"><span class=\"when-label\">");
    p.esc(label);
    p.add("</span>");
    input(p, errs, base + ".date", p.t.day, "date", {}, base);
    input(p, errs, base + ".time", p.t.time, "time", {}, base);
    input(p, errs, base + ".zone", p.t.zone, "text", "Asia/Shanghai", base);
    field_error(p, errs, base);
    p.add("</div>");
}

void select(page_ctx& p, const std::string& name, std::string_view label, const std::vector<std::string_view>& values,
            const errors& errs) {
    const std::string current = p.get(name);
    p.add("<span class=\"field\"><label for=\"");
    p.esc(name);
    p.add("\">");
    p.esc(label);
    p.add("</label> <select id=\"");
    p.esc(name);
    p.add("\" name=\"");
    p.esc(name);
    p.add("\"");
    described_by(p, errs, name);
    p.add("><option value=\"\">");
    p.esc(p.t.not_given);
    p.add("</option>");
    for (const auto v : values) {
        p.add("<option");
        if (current == v) p.add(" selected");
        p.add(" value=\"");
        p.esc(v);
        p.add("\">");
        p.esc(v);
        p.add("</option>");
    }
    p.add("</select></span>");
    field_error(p, errs, name);
}

// The readings of LAW.md §1 and their values, from cli::readings_summary.
std::vector<std::pair<std::string, std::vector<std::string>>> readings() {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    std::string_view s = cli::readings_summary;
    while (!s.empty()) {
        const auto comma = s.find(", ");
        std::string_view item = s.substr(0, comma);
        s = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 2);
        const auto eq = item.find('=');
        if (eq == std::string_view::npos) continue;
        std::vector<std::string> values;
        std::string_view rest = item.substr(eq + 1);
        while (!rest.empty()) {
            const auto bar = rest.find('|');
            values.emplace_back(rest.substr(0, bar));
            rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
        out.emplace_back(std::string(item.substr(0, eq)), std::move(values));
    }
    return out;
}

void zone_list(page_ctx& p) {
    p.add("<datalist id=\"zones\">");
    for (const char* z : {"Asia/Shanghai", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Tokyo", "Asia/Singapore",
                          "Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Chicago",
                          "America/Los_Angeles", "Australia/Sydney", "UTC"}) {
        p.add("<option value=\"");
        p.add(z);
        p.add("\">");
    }
    p.add("</datalist>");
}

void facts_and_readings(page_ctx& p, const errors& errs) {
    p.add("<fieldset><legend>");
    p.esc(p.t.facts);
    p.add("</legend>");
    for (const auto& f : fact_kinds()) {
        std::vector<std::string_view> values(f.values.begin(), f.values.end());
        select(p, "fact." + std::string(f.name), term(p.t, f.name), values, errs);
    }
    field_error(p, errs, "facts");
    p.add("</fieldset>\n<details");
    bool any = false;
    for (const auto& [k, v] : p.q) any = any || (k.rfind("reading.", 0) == 0 && !v.empty());
    if (any || errs.count("readings")) p.add(" open");
    p.add("><summary>");
    p.esc(p.t.readings);
    p.add("</summary><p class=\"hint\">");
    p.esc(p.t.readings_hint);
    p.add("</p>");
    for (const auto& [key, values] : readings()) {
        std::vector<std::string_view> vs(values.begin(), values.end());
        select(p, "reading." + key, key, vs, errs);
    }
    field_error(p, errs, "readings");
    p.add("</details>\n");
}

void tolling_inputs(page_ctx& p, const errors& errs) {
    p.add("<fieldset><legend>");
    p.esc(p.t.tolling);
    p.add("</legend><p class=\"hint\">");
    p.esc(p.t.tolling_hint);
    p.add("</p>");
    input(p, errs, "interruption", p.t.interruption, "text", "2019-03-14, 2020-05-01", "tolling");
    input(p, errs, "suspension", p.t.suspension, "text", "2021-01-01..2021-02-01", "tolling");
    input(p, errs, "settlement", p.t.settlement, "text", "2019-05-01..2019-09-30", "tolling");
    input(p, errs, "agreed", p.t.agreed, "text", "2018-05-16", "tolling");
    field_error(p, errs, "tolling");
    p.add("</fieldset>\n");
}

// The form for rule `r`, filled with the query's values, errors beside their fields.
void deadline_form(page_ctx& p, const rule& r, const errors& errs) {
    p.add("<section aria-labelledby=\"form-h\"><h2 id=\"form-h\">");
    p.esc(rule_name(p, r));
    p.add(" <code>");
    p.esc(r.id);
    p.add("</code></h2>");
    field_error(p, errs, "form");
    p.add("<form method=\"get\" action=\"/deadline\" class=\"deadline\" novalidate>"
          "<input type=\"hidden\" name=\"rule\" value=\"");
    p.esc(r.id);
    p.add("\"><input type=\"hidden\" name=\"lang\" value=\"");
    p.add(p.zh ? "zh" : "en");
    p.add("\">");
    zone_list(p);
    p.add("<fieldset><legend>");
    p.esc(p.t.events);
    p.add("</legend><p class=\"hint\">");
    p.esc(p.t.events_hint);
    p.add("</p>");
    for (const auto& kind : triggers_of(p.pack, r)) {
        if (kind == "instalment_due") {
            input(p, errs, "ev.instalment_due", event_label(p.t, kind), "text", "2016-04-30, 2016-09-30", "ev.instalment_due");
            field_error(p, errs, "ev.instalment_due");
        } else {
            when_inputs(p, errs, "ev." + kind, event_label(p.t, kind));
        }
    }
    field_error(p, errs, "events");
    p.add("</fieldset>\n");
    facts_and_readings(p, errs);
    if (has_tolling(r)) tolling_inputs(p, errs);
    p.add("<fieldset><legend>");
    p.esc(p.t.act_and_zone);
    p.add("</legend>");
    when_inputs(p, errs, "act", p.t.act);
    input(p, errs, "zone", p.t.show_zone, "text", "America/New_York");
    field_error(p, errs, "zone");
    input(p, errs, "as_of", p.t.as_of, "date");
    field_error(p, errs, "as_of");
    p.add("<span class=\"field check\"><input type=\"checkbox\" id=\"provisional\" name=\"provisional\" value=\"1\"");
    if (p.get("provisional") == "1") p.add(" checked");
    p.add("> <label for=\"provisional\">");
    p.esc(p.t.provisional_opt);
    p.add("</label></span></fieldset>\n<p><button type=\"submit\" id=\"compute\">");
    p.esc(p.t.compute);
    p.add("</button></p></form></section>\n");
}

std::string permalink(const query_pairs& q) {
    std::string out = "/deadline?";
    for (const auto& [k, v] : q)
        if (k != "format" && !v.empty()) out += percent_encode(k) + "=" + percent_encode(v) + "&";
    out.pop_back();
    return out;
}

}  // namespace qixian::serve::page_detail

namespace qixian::serve {

using namespace page_detail;

namespace {

// "2025-03-01" + "09:30" + "America/New_York" → "2025-03-01T09:30[America/New_York]";
// an error when a time or zone comes without a day.
std::optional<std::string> when_value(const page_ctx& p, const std::string& base, errors& errs) {
    const std::string day = p.get(base + ".date"), time = p.get(base + ".time"), zone = p.get(base + ".zone");
    if (day.empty()) {
        if (!time.empty() || !zone.empty()) errs[base] = std::string(p.t.need_day);
        return std::nullopt;
    }
    std::string out = day;
    if (!time.empty()) out += "T" + time;
    if (!zone.empty()) {
        if (time.empty()) out += "T00:00";
        out += "[" + zone + "]";
    }
    return out;
}

std::vector<std::string> list_of(const std::string& s) {
    std::vector<std::string> out;
    std::string item;
    for (const char c : s + ",") {
        if (c == ',' || c == ';' || c == '\n') {
            while (!item.empty() && (item.back() == ' ' || item.back() == '\r')) item.pop_back();
            if (!item.empty()) out.push_back(item);
            item.clear();
        } else if (!(item.empty() && c == ' ')) {
            item += c;
        }
    }
    return out;
}

// The form's values as a request object (INTERFACES.md), or the errors beside fields.
json request_of(const page_ctx& p, const rule& r, errors& errs) {
    json req{{"id", "page"}, {"rule", r.id}, {"events", json::object()}};
    for (const auto& kind : triggers_of(p.pack, r)) {
        if (kind == "instalment_due") {
            const auto days = list_of(p.get("ev.instalment_due"));
            if (!days.empty()) req["events"][kind] = days;
        } else if (auto v = when_value(p, "ev." + kind, errs)) {
            req["events"][kind] = *v;
        }
    }
    if (req["events"].empty() && errs.empty()) errs["events"] = std::string(p.t.need_event);
    for (const auto& f : fact_kinds())
        if (const std::string v = p.get("fact." + std::string(f.name)); !v.empty()) req["facts"][std::string(f.name)] = v;
    for (const auto& [key, values] : readings())
        if (const std::string v = p.get("reading." + key); !v.empty()) req["readings"][key] = v;
    json tolling = json::array();
    for (const auto& d : list_of(p.get("interruption"))) tolling.push_back({{"kind", "interruption"}, {"at", d}});
    for (const auto& s : list_of(p.get("suspension"))) {
        const auto dots = s.find("..");
        if (dots == std::string::npos) errs["tolling"] = std::string(p.t.need_range);
        else tolling.push_back({{"kind", "suspension"}, {"from", s.substr(0, dots)}, {"to", s.substr(dots + 2)}});
    }
    for (const auto& s : list_of(p.get("settlement"))) {
        const auto dots = s.find("..");
        json e{{"kind", "settlement"}, {"at", s.substr(0, dots)}};
        if (dots != std::string::npos) e["performance_due"] = s.substr(dots + 2);
        tolling.push_back(std::move(e));
    }
    for (const auto& d : list_of(p.get("agreed"))) tolling.push_back({{"kind", "agreed_after_expiry"}, {"at", d}});
    if (!tolling.empty()) req["tolling"] = std::move(tolling);
    if (auto act = when_value(p, "act", errs)) req["act"] = *act;
    if (const std::string z = p.get("zone"); !z.empty()) req["zone"] = z;
    if (const std::string a = p.get("as_of"); !a.empty()) req["calendar_as_of"] = a;
    if (p.get("provisional") == "1") req["provisional"] = true;
    req["lang"] = p.zh ? "zh" : "en";  // the trace and the notes in the page's language
    return req;
}

// An engine error placed beside the form field it is about.
void place_error(const page_ctx& p, const error& e, const compute_request* req, errors& errs) {
    std::string field = field_at_fault(e, req);
    if (field.rfind("events.", 0) == 0) field = "ev." + field.substr(7);
    else if (field.rfind("facts.", 0) == 0) field = "fact." + field.substr(6);
    else if (field.rfind("readings.", 0) == 0) field = "reading." + field.substr(9);
    else if (field == "calendar_as_of") field = "as_of";
    else if (field != "events" && field != "act" && field != "zone" && field != "tolling" && field != "facts") field = "form";
    // A field the form does not show (e.g. a fact on a select) is still named at the top.
    errs[field] = error_text(p.t, e);
}

response home(page_ctx& p) {
    const std::string id = p.get("rule");
    const rule* r = id.empty() ? nullptr : p.pack.find(id);
    head(p, r != nullptr ? rule_name(p, *r) : p.t.title, "/");
    p.add("<h1>");
    p.esc(p.t.title);
    p.add("</h1><p class=\"lead\">");
    p.esc(p.t.lead);
    p.add("</p>\n");
    if (!id.empty() && r == nullptr) {
        p.add("<p class=\"error\" role=\"alert\">");
        p.esc(p.t.unknown_rule);
        p.add(" <code>");
        p.esc(id);
        p.add("</code></p>");
    }
    if (r != nullptr) deadline_form(p, *r, {});
    picker(p, id);
    return finish(p, id.empty() || r != nullptr ? 200 : 404);
}

response deadline_page(page_ctx& p) {
    const std::string id = p.get("rule");
    const rule* r = p.pack.find(id);
    if (r == nullptr) return home(p);
    errors errs;
    const json req = request_of(p, *r, errs);
    std::optional<json> answer;
    std::optional<deadline> due;
    if (errs.empty()) {
        const auto parsed = cli::request_from_json(req);
        if (!parsed) {
            place_error(p, parsed.error(), nullptr, errs);
        } else if (auto d = compute(p.pack, *parsed); !d) {
            place_error(p, d.error(), &*parsed, errs);
        } else {
            due = std::move(*d);
            answer = json::parse(answer_json("\"page\"", *due, true, p.zh ? language::zh : language::en));
        }
    }
    if (due && p.get("format") == "ics" && due->time_limited) {
        response ics = ics_response(cli::render_ics(*due, std::chrono::time_point_cast<std::chrono::seconds>(
                                                               std::chrono::system_clock::now())),
                                    due->rule + ".ics");
        return ics;
    }
    head(p, rule_name(p, *r), "/deadline");
    p.add("<h1>");
    p.esc(p.t.title);
    p.add("</h1>\n");
    if (answer) answer_section(p, *answer);
    deadline_form(p, *r, errs);
    return finish(p, errs.empty() ? 200 : 400);
}

}  // namespace

std::optional<response> page(const rule_pack& pack, const request& r, const std::string& path, const std::string& query) {
    query_pairs q = parse_query(query);
    const auto lang = query_value(q, "lang");
    const bool zh = lang ? *lang == "zh" : prefers_zh(r.accept_language);
    page_ctx p{pack, std::move(q), zh ? zh_text() : en_text(), zh, {}};
    if (path == "/static/qixian.css") {
        response css;
        css.content_type = "text/css; charset=utf-8";
        css.body = std::string(stylesheet());
        return css;
    }
    if (path == "/" || path == "/index.html") return home(p);
    if (path == "/deadline") return deadline_page(p);
    if (path == "/docket") return docket_page(p);
    return std::nullopt;
}

}  // namespace qixian::serve
