#include "recheck.hpp"
#include "batch.hpp"
#include "json_writer.hpp"
#include "render.hpp"
#include "qixian/messages.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <istream>
#include <ostream>

namespace qixian::cli {

namespace {

using json = nlohmann::ordered_json;

// The answer fields a change in which matters to a docket.
constexpr std::array<const char*, 9> compared = {"ok",     "last_day",       "status",      "provisional", "last_day_range",
                                                 "expiry", "time_limited", "days_late", "instalments"};

const json& member(const json& j, const char* key) {
    static const json none;
    if (!j.is_object()) return none;
    const auto it = j.find(key);
    return it == j.end() ? none : *it;
}

void report_error(std::string& out, std::size_t line_no, const json& id, std::string_view code, std::string_view message) {
    const json e{{"code", code}, {"message", message}, {"message_zh", translate_zh(code, message)}};
    out += json{{"line", line_no}, {"id", id}, {"ok", false}, {"error", e}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// What caused the difference between `old` and `now`, from the answers and their provenance.
json causes(const json& old, const json& now) {
    json out = json::array();
    const json& op = member(old, "provenance");
    const json& np = member(now, "provenance");
    const auto differs = [&](const char* key) { return member(op, key) != member(np, key); };
    if (member(old, "version") != member(now, "version"))
        out.push_back({{"kind", "rule_version"}, {"old", member(old, "version")}, {"new", member(now, "version")}});
    else if (differs("rule_pack_digest"))
        out.push_back({{"kind", "rule_pack"}, {"old", member(op, "rule_pack_digest")}, {"new", member(np, "rule_pack_digest")}});
    if (differs("calendar_digest")) {
        json c{{"kind", "calendar"}, {"old", member(op, "calendar_digest")}, {"new", member(np, "calendar_digest")}};
        if (differs("calendar_coverage"))
            c["coverage"] = {{"old", member(op, "calendar_coverage")}, {"new", member(np, "calendar_coverage")}};
        if (const json& years = member(now, "calendar_years"); !years.is_null()) c["years"] = years;
        out.push_back(std::move(c));
    }
    if (differs("tz_database_version"))
        out.push_back({{"kind", "tzdata"}, {"old", member(op, "tz_database_version")}, {"new", member(np, "tz_database_version")}});
    if (differs("engine_version"))
        out.push_back({{"kind", "engine"}, {"old", member(op, "engine_version")}, {"new", member(np, "engine_version")}});
    if (out.empty()) out.push_back({{"kind", "unexplained"}, {"detail", "same provenance: the stored answer was not made from this request"}});
    return out;
}

}  // namespace

bool recheck_line(const rule_pack& pack, std::string_view line, std::size_t line_no, citation_json_cache& cache,
                  std::string& out) {
    const json stored = json::parse(line.begin(), line.end(), nullptr, false);
    if (stored.is_discarded() || !stored.is_object()) {
        report_error(out, line_no, nullptr, "invalid_request", "the line is not a JSON object");
        return true;
    }
    for (const auto& [key, value] : stored.items()) {
        if (key != "request" && key != "answer") {
            report_error(out, line_no, nullptr, "invalid_request", "unknown field '" + key + "' (request, answer)");
            return true;
        }
    }
    const json& req = member(stored, "request");
    const json& old = member(stored, "answer");
    const json& id = member(req, "id");
    if (!req.is_object() || !old.is_object()) {
        report_error(out, line_no, id, "invalid_request", "'request' and 'answer' must both be objects");
        return true;
    }
    std::string fresh;
    answer_line(pack, req.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), line_no, true, cache, fresh);
    json now = json::parse(fresh, nullptr, false);
    if (now.is_discarded()) now = json::object();  // not reached: answer_line writes JSON
    now.erase("line");
    json changed = json::array();
    json was = json::object(), is = json::object();
    for (const char* key : compared) {
        const json& a = member(old, key);
        const json& b = member(now, key);
        if (a == b) continue;
        changed.push_back(key);
        was[key] = a;
        is[key] = b;
    }
    if (member(old, "ok") == false && member(now, "ok") == false &&
        member(member(old, "error"), "code") != member(member(now, "error"), "code"))
        changed.push_back("error");
    if (changed.empty()) return false;
    json report{{"line", line_no}, {"id", id}, {"ok", true},
                {"old_last_day", member(old, "last_day")}, {"new_last_day", member(now, "last_day")},
                {"changed", changed}, {"old", was}, {"new", is}, {"causes", causes(old, now)}, {"answer", now}};
    out += report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return true;
}

recheck_stats run_recheck(const rule_pack& pack, std::istream& in, std::ostream& out) {
    recheck_stats stats;
    std::string line, report;
    citation_json_cache cache;
    while (std::getline(in, line)) {
        ++stats.lines;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        report.clear();
        if (!recheck_line(pack, line, stats.lines, cache, report)) continue;
        ++stats.changed;
        out << report << '\n';
    }
    out.flush();
    return stats;
}

}  // namespace qixian::cli
