#include "render.hpp"

#include <sstream>

namespace qixian::cli {

namespace {

struct labels {
    const char* version;
    const char* in_force_from;
    const char* start;
    const char* not_counted;
    const char* count;
    const char* roll;
    const char* last_day;
    const char* ends;
    const char* expiry;
    const char* data;
    const char* provisional;
    const char* alternative;
    const char* status;
    const char* note;
};

constexpr labels en{"version", "in force from", "start", "start day not counted", "count", "roll", "last day",
                    "ends", "expiry", "data", "PROVISIONAL", "reading", "act", "note"};
constexpr labels zh{"版本", "施行", "起算", "开始的当日不计入", "计算", "顺延", "届满日", "截止", "届满效果", "数据",
                    "临时结果", "不同解读", "行为", "说明"};

std::string expiry_text(expiry_kind e, lang l) {
    if (l == lang::zh) {
        switch (e) {
            case expiry_kind::bar: return "期间届满即不得为之";
            case expiry_kind::defence: return "届满后对方可提出时效抗辩；不妨碍申请";
            case expiry_kind::extinguished: return "除斥期间：届满权利消灭，不适用中止、中断和延长";
        }
    }
    switch (e) {
        case expiry_kind::bar: return "a bar: the act is out of time after the end";
        case expiry_kind::defence: return "a defence the debtor may raise; not a bar to filing";
        case expiry_kind::extinguished: return "the right is extinguished (no suspension, interruption or extension)";
    }
    return "";
}

std::string citations_text(const std::vector<citation>& cs, lang l) {
    std::string out;
    for (const auto& c : cs) {
        if (!out.empty()) out += "; ";
        if (l == lang::zh) {
            out += c.instrument + "第" + c.article + "条";
            if (!c.paragraph.empty()) out += "第" + c.paragraph + "款";
        } else {
            out += to_string(c);
        }
    }
    return out;
}

std::string find_step(const deadline& d, const char* step) {
    for (const auto& t : d.trace)
        if (t.step == step) return t.detail;
    return "";
}

}  // namespace

std::string render_text(const deadline& d, lang l, bool full) {
    const labels& L = l == lang::zh ? zh : en;
    std::ostringstream o;
    const std::string len = l == lang::zh ? to_string_zh(d.length) : to_string(d.length);
    o << d.rule << " — " << d.name_zh << (l == lang::en ? " / " + d.name_en : std::string()) << " (" << len << ")\n";
    o << "  " << L.version << "   " << L.in_force_from << " " << d.version << " · " << citations_text(d.citations, l)
      << "\n";
    if (d.combine != combinator::none) {
        o << "  " << (l == lang::zh ? "组合" : "combine") << "   " << to_string(d.combine) << ":";
        for (const auto& c : d.components) o << " " << c.rule << " → " << c.last_day << ";";
        o << "\n";
    }
    o << "  " << L.start << "     " << d.start << " (" << d.trigger << "; " << L.not_counted << ")\n";
    if (auto c = find_step(d, "count"); !c.empty()) o << "  " << L.count << "     " << c << "\n";
    if (auto r = find_step(d, "roll"); !r.empty()) o << "  " << L.roll << "      " << r << "\n";
    o << "  " << L.last_day << "  " << d.last_day << " (" << d.last_day.weekday_name() << ") — " << L.ends << " "
      << d.ends_at_forum << " " << d.forum_zone << "\n";
    o << "                = " << d.ends_at_utc << "\n";
    if (!d.ends_at_local.empty()) o << "                = " << d.ends_at_local << "\n";
    if (d.produces)
        o << "  " << (l == lang::zh ? "产生" : "produces") << "  " << *d.produces << " on " << *d.produces_on
          << "\n";
    for (const auto& a : d.alternatives)
        o << "  " << L.alternative << "   " << a.reading << " → " << a.last_day << " (" << a.last_day.weekday_name()
          << ")\n";
    if (d.status) {
        o << "  " << L.status << "       " << *d.status;
        if (d.days_late) o << " (" << *d.days_late << (l == lang::zh ? " 日)" : *d.days_late == 1 ? " day late)" : " days late)");
        o << "\n";
    }
    o << "  " << L.expiry << "    " << expiry_text(d.expiry, l) << "\n";
    if (d.provisional)
        o << "  " << L.provisional << "  "
          << (l == lang::zh ? "所依据的某日超出已公布的节假日安排" : "a day it depends on lies outside published calendar data")
          << "\n";
    for (const auto& n : d.notes) o << "  " << L.note << "      " << n << "\n";
    if (full) {
        o << "  trace\n";
        for (const auto& t : d.trace) {
            o << "    " << t.step << ": " << t.detail << "\n";
            if (!t.citations.empty()) o << "      ⟶ " << citations_text(t.citations, l) << "\n";
        }
    }
    o << "  " << L.data << "      rule pack " << d.source.rule_pack_digest << ", calendar " << d.source.calendar
      << " (data " << d.source.calendar_first << ".." << d.source.calendar_last << ", "
      << d.source.calendar_digest << "), tzdata " << d.source.tz_database_version << ", qixian "
      << d.source.engine_version << "\n";
    return o.str();
}

nlohmann::ordered_json to_json(const deadline& d) {
    nlohmann::ordered_json j;
    j["ok"] = true;
    j["rule"] = d.rule;
    j["name_zh"] = d.name_zh;
    j["name_en"] = d.name_en;
    j["version"] = d.version.to_string();
    auto& cites = j["citations"] = nlohmann::ordered_json::array();
    for (const auto& c : d.citations) {
        nlohmann::ordered_json cj{{"instrument", c.instrument}, {"article", c.article}};
        if (!c.paragraph.empty()) cj["paragraph"] = c.paragraph;
        cites.push_back(cj);
    }
    j["trigger"] = d.trigger;
    j["start"] = d.start.to_string();
    j["period"] = to_string(d.length);
    j["raw_end"] = d.raw_end.to_string();
    j["last_day"] = d.last_day.to_string();
    j["ends_at"] = d.ends_at_forum;
    j["ends_at_utc"] = d.ends_at_utc;
    if (!d.ends_at_local.empty()) j["ends_at_local"] = d.ends_at_local;
    if (d.status) j["status"] = *d.status;
    if (d.days_late) j["days_late"] = *d.days_late;
    j["expiry"] = std::string(to_string(d.expiry));
    j["provisional"] = d.provisional;
    auto& alts = j["alternatives"] = nlohmann::ordered_json::array();
    for (const auto& a : d.alternatives) alts.push_back({{"reading", a.reading}, {"last_day", a.last_day.to_string()}});
    if (d.combine != combinator::none) {
        j["combine"] = std::string(to_string(d.combine));
        auto& comps = j["components"] = nlohmann::ordered_json::array();
        for (const auto& c : d.components)
            comps.push_back({{"rule", c.rule}, {"trigger", c.trigger}, {"start", c.start.to_string()},
                             {"last_day", c.last_day.to_string()}});
    }
    if (d.produces) j["produces"] = {{"event", *d.produces}, {"day", d.produces_on->to_string()}};
    if (d.capped) j["capped"] = true;
    if (!d.notes.empty()) j["notes"] = d.notes;
    auto& trace = j["trace"] = nlohmann::ordered_json::array();
    for (const auto& t : d.trace) {
        nlohmann::ordered_json tj{{"step", t.step}, {"detail", t.detail}};
        auto& tc = tj["citations"] = nlohmann::ordered_json::array();
        for (const auto& c : t.citations) tc.push_back(to_string(c));
        trace.push_back(tj);
    }
    j["provenance"] = {{"engine_version", d.source.engine_version},
                       {"rule_pack_digest", d.source.rule_pack_digest},
                       {"calendar", d.source.calendar},
                       {"calendar_digest", d.source.calendar_digest},
                       {"calendar_coverage", d.source.calendar_first.to_string() + ".." + d.source.calendar_last.to_string()},
                       {"tz_database_version", d.source.tz_database_version}};
    return j;
}

nlohmann::ordered_json error_json(const error& e) {
    return {{"ok", false}, {"error", {{"code", std::string(to_string(e.code))}, {"message", e.message}}}};
}

}  // namespace qixian::cli
