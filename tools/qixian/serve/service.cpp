#include "service.hpp"
#include "api.hpp"
#include "http_util.hpp"
#include "recheck.hpp"

#include "batch.hpp"
#include "docket.hpp"
#include "json_writer.hpp"
#include "render.hpp"
#include "request_json.hpp"

#include "qixian/messages.hpp"
#include "qixian/tz.hpp"

#include <chrono>
#include <memory>
#include <cctype>
#include <optional>

namespace qixian::serve {

namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

response json_response(int status, std::string body) {
    response r;
    r.status = status;
    r.content_type = "application/json";
    r.body = std::move(body);
    return r;
}

std::string_view title_of(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 406: return "Not Acceptable";
        case 413: return "Content Too Large";
        case 415: return "Unsupported Media Type";
        case 422: return "Unprocessable Content";
        case 431: return "Request Header Fields Too Large";
        case 503: return "Service Unavailable";
        default: return "Error";
    }
}

// The body must be JSON (or carry no type at all, as curl -d sends form type: that too).
std::optional<response> check_json_body(const request& r) {
    const std::string type = media_type(r.content_type);
    if (type.empty() || type == "application/json" || type == "application/x-www-form-urlencoded" ||
        type == "application/x-ndjson" || type == "application/jsonl" || type == "text/plain")
        return std::nullopt;
    return problem(415, "unsupported_media_type", "send the request as application/json, not " + type);
}

bool wants_ics(const request& r, const std::string& query) {
    return query_value(query, "format") == "ics" || accepts(r.accept, "text/calendar");
}

instant now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

response post_deadline(const rule_pack& pack, const request& r, const std::string& query) {
    if (auto bad = check_json_body(r)) return *bad;
    cli::parsed_request parsed = cli::read_request(r.body);
    if (!parsed.request) return problem(parsed.request.error(), true, nullptr);
    const auto d = compute(pack, *parsed.request);
    if (!d) return problem(d.error(), false, &*parsed.request);
    if (wants_ics(r, query)) {
        if (!d->time_limited)
            return problem(make_error(errc::invalid_request, "rule '" + d->rule + "' has no time limit: no calendar entry"),
                           false, nullptr);
        return ics_response(cli::render_ics(*d, now()), d->rule + ".ics");
    }
    return json_response(200, answer_json(parsed.id, *d, parsed.request->trace, parsed.lang));
}

// JSON Lines in, JSON Lines out: each line answered by answer_line (batch's contract),
// streamed some 64 KiB at a time.
response post_batch(const rule_pack& pack, const request& r) {
    if (auto bad = check_json_body(r)) return *bad;
    struct state {
        std::string body;
        std::size_t pos = 0, line_no = 0;
        cli::citation_json_cache cache;
    };
    auto s = std::make_shared<state>();
    s->body = r.body;
    response out;
    out.content_type = "application/x-ndjson";
    out.stream = [&pack, s](std::string& piece) {
        constexpr std::size_t chunk = std::size_t{1} << 16;
        while (s->pos < s->body.size() && piece.size() < chunk) {
            const auto nl = s->body.find('\n', s->pos);
            const auto end = nl == std::string::npos ? s->body.size() : nl;
            std::string_view line(s->body.data() + s->pos, end - s->pos);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            s->pos = nl == std::string::npos ? s->body.size() : nl + 1;
            cli::answer_line(pack, line, ++s->line_no, true, s->cache, piece);
            piece += '\n';
        }
        return s->pos < s->body.size();
    };
    return out;
}

response post_recheck(const rule_pack& pack, const request& r) {
    if (auto bad = check_json_body(r)) return *bad;
    std::string out;
    cli::citation_json_cache cache;
    std::size_t pos = 0, line_no = 0;
    while (pos < r.body.size()) {
        const auto nl = r.body.find('\n', pos);
        const auto end = nl == std::string::npos ? r.body.size() : nl;
        std::string_view line(r.body.data() + pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = nl == std::string::npos ? r.body.size() : nl + 1;
        if (cli::recheck_line(pack, line, ++line_no, cache, out)) out += '\n';
    }
    response resp = json_response(200, std::move(out));
    resp.content_type = "application/x-ndjson";
    return resp;
}

response post_docket(const rule_pack& pack, const request& r, const std::string& query) {
    if (auto bad = check_json_body(r)) return *bad;
    const auto case_file = nlohmann::json::parse(r.body, nullptr, false);
    if (case_file.is_discarded())
        return problem(make_error(errc::invalid_request, "the body is not valid JSON"), true, nullptr);
    if (wants_ics(r, query)) {
        auto ics = docket_ics(pack, case_file);
        if (!ics) return problem(ics.error(), ics.error().code == errc::invalid_request, nullptr);
        return ics_response(std::move(*ics), "docket.ics");
    }
    auto text = docket_json(pack, case_file);
    if (!text && text.error().code == errc::unknown_rule)  // the case's "rules" filter
        return problem(422, "unknown_rule", text.error().message, "rules");
    if (!text) return problem(text.error(), text.error().code == errc::invalid_request, nullptr);
    return json_response(200, std::move(*text));
}

json citations_json(const citation_list& cs) {
    json out = json::array();
    for (const auto& c : cs) {
        json cj{{"instrument", c.instrument}, {"article", c.article}};
        if (!c.paragraph.empty()) cj["paragraph"] = c.paragraph;
        if (!c.note.empty()) cj["note"] = c.note;
        out.push_back(std::move(cj));
    }
    return out;
}

// A rule as the API shows it: names, what expiry means, and each version with its
// trigger events, periods (by facts), tolling mechanisms and citations.
json rule_json(const rule& r, bool detail) {
    json versions = json::array();
    for (const auto& v : r.versions) {
        json vj{{"valid_from", v.valid_from.to_string()}};
        if (v.valid_until) vj["valid_until"] = v.valid_until->to_string();
        vj["trigger"] = v.trigger;
        vj["time_limited"] = v.time_limited;
        if (detail) {
            json periods = json::array();
            for (const auto& p : v.periods) {
                json when = json::object();
                for (const auto& [k, val] : p.when) when[k] = val;
                periods.push_back({{"when", when}, {"period", to_string(p.length)}});
            }
            vj["periods"] = std::move(periods);
            if (v.combine != combinator::none) {
                vj["combine"] = std::string(to_string(v.combine));
                vj["components"] = v.components;
            }
            json tolling = json::array();
            if (!v.tolling.interruption.empty()) tolling.push_back("interruption");
            if (!v.tolling.settlement.empty()) tolling.push_back("settlement");
            if (!v.tolling.suspension.empty()) tolling.push_back("suspension");
            if (!v.tolling.waiver.empty()) tolling.push_back("agreed_after_expiry");
            vj["tolling"] = std::move(tolling);
            if (v.instalments != instalment_mode::none) vj["instalments"] = v.instalments == instalment_mode::each ? "each" : "last";
            if (v.produces) vj["produces"] = v.produces->event;
            if (v.expiry) vj["expiry"] = std::string(to_string(*v.expiry));
            if (!v.note.empty()) vj["note"] = v.note;
        }
        vj["citations"] = citations_json(v.citations);
        versions.push_back(std::move(vj));
    }
    return {{"id", r.id}, {"name_zh", r.name_zh}, {"name_en", r.name_en}, {"expiry", std::string(to_string(r.expiry))},
            {"tolling", std::string(to_string(r.tolling))}, {"versions", std::move(versions)}};
}

response get_rules(const rule_pack& pack) {
    json list = json::array();
    for (const auto& r : pack.rules()) list.push_back(rule_json(r, false));
    return json_response(200, dump(json{{"rules", std::move(list)}}));
}

response get_rule(const rule_pack& pack, std::string_view id) {
    const rule* r = pack.find(id);
    if (r == nullptr) return problem(404, "unknown_rule", "no rule '" + std::string(id) + "' in the rule pack", "id");
    return json_response(200, dump(rule_json(*r, true)));
}

json day_json(const table_calendar& cal, civil_date d, const calendar_query& q) {
    json j{{"date", d.to_string()}};
    const auto s = cal.status(d, q);
    if (!s) {
        j["outside_data"] = true;
        j["error"] = {{"code", std::string(to_string(s.error().code))},
                      {"message", s.error().message},
                      {"message_zh", message_zh(s.error())}};
        return j;
    }
    j["working"] = s->working;
    j["kind"] = std::string(to_string(s->kind));
    if (!s->name.empty()) j["name"] = std::string(s->name);
    if (!s->notice.empty()) {
        j["notice"] = std::string(s->notice);
        if (const auto* n = cal.find_notice(s->notice)) j["notice_title"] = n->title;
    }
    return j;
}

response get_calendar(const rule_pack& pack, const std::string& query) {
    const auto q = parse_query(query);
    const auto day = [&](const char* name, bool required) -> result<std::optional<civil_date>> {
        const auto v = query_value(q, name);
        if (!v) {
            if (required) return unexpected(make_error(errc::invalid_request, std::string("'") + name + "' is required", name));
            return std::optional<civil_date>{};
        }
        auto d = civil_date::parse(*v);
        if (!d) return unexpected(make_error(d.error().code, d.error().message, name));
        return std::optional<civil_date>(*d);
    };
    auto from = day("from", true), to = day("to", true), as_of = day("as_of", false);
    for (auto* r : {&from, &to, &as_of})
        if (!*r) return problem(400, to_string(r->error().code), r->error().message, r->error().subject);
    if (**to < **from) return problem(400, "invalid_request", "'to' is before 'from'", "to");
    if (calendar_days_between(**from, **to) > 366 * 10) return problem(400, "invalid_request", "at most 10 years at a time", "to");
    const std::string id = query_value(q, "calendar").value_or("cn.mainland");
    const table_calendar* cal = pack.find_calendar(id);
    if (cal == nullptr) return problem(404, "invalid_request", "no calendar '" + id + "'", "calendar");
    calendar_query cq;
    cq.as_of = *as_of;
    json days = json::array();
    for (civil_date d = **from; d <= **to; d = add_calendar_days(d, 1)) days.push_back(day_json(*cal, d, cq));
    return json_response(200, dump(json{{"calendar", id}, {"days", std::move(days)}}));
}

response get_meta(const rule_pack& pack) {
    json calendars = json::array();
    for (const auto& id : pack.calendar_ids()) {
        const table_calendar* c = pack.find_calendar(id);
        calendars.push_back({{"id", id},
                             {"coverage", {{"first", c->coverage_first().to_string()}, {"last", c->coverage_last().to_string()}}}});
    }
    return json_response(200, dump(json{{"engine_version", std::string(engine_version())},
                                         {"rule_pack_digest", pack.digest()},
                                         {"calendar_digest", pack.calendar_digest()},
                                         {"calendars", std::move(calendars)},
                                         {"tz_database_version", tz::database_version()},
                                         {"rules", pack.rules().size()}}));
}

// path → the methods it answers.
std::string_view allowed_methods(const std::string& path) {
    if (path == "/v1/deadline" || path == "/v1/batch" || path == "/v1/docket" || path == "/v1/recheck") return "POST";
    if (path == "/v1/rules" || path.rfind("/v1/rules/", 0) == 0 || path == "/v1/calendar" || path == "/v1/meta" ||
        path == "/openapi.json" || path == "/healthz")
        return "GET";
    return {};
}

response route_api(const rule_pack& pack, const request& r, const std::string& path, const std::string& query) {
    if (path == "/v1/deadline") return post_deadline(pack, r, query);
    if (path == "/v1/batch") return post_batch(pack, r);
    if (path == "/v1/docket") return post_docket(pack, r, query);
    if (path == "/v1/recheck") return post_recheck(pack, r);
    if (path == "/v1/rules") return get_rules(pack);
    if (path.rfind("/v1/rules/", 0) == 0) return get_rule(pack, std::string_view(path).substr(10));
    if (path == "/v1/calendar") return get_calendar(pack, query);
    if (path == "/v1/meta") return get_meta(pack);
    if (path == "/openapi.json") return json_response(200, std::string(openapi_document()));
    return json_response(200, R"({"status":"ok"})");  // /healthz
}

}  // namespace

std::size_t body_limit_for(const limits& l, std::string_view path) noexcept {
    const std::string_view p = path.substr(0, path.find('?'));
    return p == "/v1/batch" || p == "/v1/recheck" ? l.batch_body_bytes : l.body_bytes;
}

response problem(int status, std::string_view code, std::string_view detail, std::string_view field) {
    json p{{"type", "urn:qixian:problem:" + std::string(code)},
           {"title", std::string(title_of(status))},
           {"status", status},
           {"detail", std::string(detail)},
           {"detail_zh", translate_zh(code, detail)},
           {"code", std::string(code)}};
    if (!field.empty()) p["field"] = std::string(field);
    response r;
    r.status = status;
    r.content_type = "application/problem+json";
    r.body = dump(p);
    return r;
}

int status_of(const error& e, bool read) {
    if (read || e.code == errc::invalid_request) return 400;
    return 422;
}

response problem(const error& e, bool read, const compute_request* req) {
    return problem(status_of(e, read), to_string(e.code), e.message, field_at_fault(e, req));
}

namespace {

// The name quoted in "field 'NAME'" ("unknown field 'x'", "field 'x' must be a string").
std::optional<std::string> quoted_field(std::string_view message) {
    for (auto at = message.find("field '"); at != std::string_view::npos; at = message.find("field '", at + 1)) {
        const auto from = at + 7, to = message.find('\'', from);
        if (to != std::string_view::npos && to > from) return std::string(message.substr(from, to - from));
    }
    return std::nullopt;
}

// The request field a message starts with ("events.effective: …", "'act' …"), whole words only.
std::string leading_field(std::string_view message) {
    static constexpr std::string_view names[] = {"events", "facts",          "readings", "tolling", "act",   "zone",
                                                  "calendar_as_of", "rule", "id", "local_times", "trace", "provisional"};
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
    const auto lower = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
    if (message.starts_with('\'')) message.remove_prefix(1);
    for (const std::string_view n : names) {
        if (!message.starts_with(n)) continue;
        std::size_t end = n.size();
        if (end < message.size() && message[end] == '.') {  // a member: "facts.debtor_type"
            std::size_t j = end + 1;
            while (j < message.size() && lower(message[j])) ++j;
            if (j > end + 1 && (j == message.size() || !word(message[j]))) return std::string(message.substr(0, j));
        }
        if (end == message.size() || !word(message[end])) return std::string(n);
    }
    return {};
}

}  // namespace

std::string field_at_fault(const error& e, const compute_request* req) {
    if (auto named = quoted_field(e.message)) return *named;
    if (e.code == errc::missing_event) return "events";
    if (e.code == errc::missing_fact) return "facts." + e.subject;
    if (e.code == errc::unknown_rule) return "rule";
    if (e.code == errc::invalid_duration) return "period";
    if (e.code == errc::unknown_convention) return "convention";
    if (e.code == errc::conflicting_request) return "convention";
    if (req != nullptr && !e.subject.empty()) {
        for (const auto& [k, v] : req->events)
            if (v == e.subject || e.message.find("event " + k) != std::string::npos) return "events." + k;
        if (req->act && *req->act == e.subject) return "act";
        if (req->zone == e.subject) return "zone";
        for (const auto& t : req->tolling)
            if (t.at == e.subject || t.from == e.subject || t.to == e.subject || t.performance_due == e.subject) return "tolling";
    }
    return leading_field(e.message);
}

std::string answer_json(std::string_view id, const deadline& d, bool trace, language words) {
    std::string out;
    cli::json_writer w(out);
    cli::citation_json_cache cache;
    w.begin_object().key("id").raw(id);
    cli::write_fields(w, d, trace, cache, words);
    w.end_object();
    return std::move(w.finish());
}

response ics_response(std::string body, std::string_view filename) {
    response r;
    r.content_type = "text/calendar; charset=utf-8";
    r.body = std::move(body);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + std::string(filename) + "\"");
    return r;
}

result<std::string> docket_json(const rule_pack& pack, const nlohmann::json& case_file) {
    auto d = cli::build_docket(pack, case_file);
    if (!d) return unexpected(d.error());
    std::string text;
    cli::json_writer w(text);
    cli::citation_json_cache cache;
    w.begin_object();
    cli::write_deadlines(w, *d, true, cache);
    w.end_object();
    return std::move(w.finish());
}

result<std::string> docket_ics(const rule_pack& pack, const nlohmann::json& case_file) {
    auto d = cli::build_docket(pack, case_file);
    if (!d) return unexpected(d.error());
    std::vector<const deadline*> ds;
    for (const auto& e : d->entries)
        if (e.due && e.due->time_limited) ds.push_back(&*e.due);
    return cli::render_ics(ds, now());
}

response service::handle(const request& r) const {
    const target_parts t = split_target(r.target);
    const bool api = t.path.rfind("/v1/", 0) == 0 || t.path == "/openapi.json" || t.path == "/healthz";
    if (!api) {
        if (r.method != "GET") {
            response resp = problem(405, "method_not_allowed", r.method + " is not allowed here; use GET");
            resp.headers.emplace_back("Allow", "GET");
            return resp;
        }
        if (auto p = page(pack_, r, t.path, t.query)) return std::move(*p);
        return problem(404, "not_found", "nothing at " + t.path);
    }
    const std::string_view allowed = allowed_methods(t.path);
    if (allowed.empty()) return problem(404, "not_found", "nothing at " + t.path + " (see /openapi.json)");
    if (r.method != allowed) {
        response resp = problem(405, "method_not_allowed", r.method + " " + t.path + ": use " + std::string(allowed));
        resp.headers.emplace_back("Allow", std::string(allowed));
        return resp;
    }
    return route_api(pack_, r, t.path, t.query);
}

}  // namespace qixian::serve
