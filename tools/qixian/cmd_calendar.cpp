// qixian calendar: the status of each day of a calendar, or the days a notice changed.
#include "commands.hpp"
#include "projection_render.hpp"
#include "render.hpp"

#include "qixian/counting.hpp"
#include "qixian/messages.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace qixian::cli {
namespace {

// A day's class in the reader's language: the spelling of INTERFACES.md, or the law's words.
std::string_view kind_text(day_kind k, lang l) {
    if (l != lang::zh) return to_string(k);
    switch (k) {
        case day_kind::working: return "工作日";
        case day_kind::weekend: return "休息日";
        case day_kind::holiday: return "节假日放假";
        case day_kind::adjusted_working: return "调休上班日";
    }
    return to_string(k);
}

int run_calendar(const std::string& dir, const std::string& from, const std::string& to, bool json,
                 const std::string& as_of, const std::string& id, const std::string& since, bool strict, lang l) {
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
                std::cout << c.before.day << ' ' << weekday_text(c.before.day, l) << "  " << kind_text(c.before.kind, l)
                          << " -> " << kind_text(c.after.kind, l);
                if (!c.after.name.empty()) std::cout << "  " << c.after.name << "  [" << c.after.notice << "]";
                std::cout << '\n';
            }
        }
        return 0;
    }
    std::shared_ptr<const calendar_projection> projected;
    if (!strict) {
        auto p = projection_for(*pack, id, q.as_of);
        if (!p) return fail(p.error(), json);
        projected = *p;
    }
    for (civil_date d = *a; d <= *b; d = add_calendar_days(d, 1)) {
        const bool past = projected && d > projected->published_last();
        auto s = past ? projected->view(projection_view::best).status(d, {}) : cal->status(d, q);
        if (json) {
            nlohmann::ordered_json j{{"date", d.to_string()}};
            if (s) {
                j["working"] = s->working;
                j["kind"] = std::string(to_string(s->kind));
                if (!s->name.empty()) j["name"] = std::string(s->name);
                if (!s->name_en.empty()) j["name_en"] = std::string(s->name_en);
                if (!s->notice.empty()) {
                    j["notice"] = std::string(s->notice);
                    if (const auto* n = cal->find_notice(s->notice)) j["notice_title"] = n->title;
                }
            } else {
                j["outside_data"] = true;
                j["error"] = {{"code", std::string(to_string(s.error().code))},
                              {"message", s.error().message},
                              {"message_zh", message_zh(s.error())}};
            }
            if (s && projected) add_projected_fields(j, *projected, d);
            if (s && s->projected) {  // a rule calendar's year past its history
                j["projected"] = true;
                j["reason"] = std::string(s->caveat);
            }
            std::cout << j.dump() << '\n';
        } else if (s) {
            const bool zh = l == lang::zh;
            std::cout << d << ' ' << weekday_text(d, l) << "  " << (s->working ? (zh ? "班" : "W") : (zh ? "休" : "R"))
                      << "  " << kind_text(s->kind, l);
            // A projected day has no notice yet: projection_notice stands for the holiday law's projection.
            const std::string_view notice = zh && s->notice == projection_notice ? "推算" : s->notice;
            const std::string_view name = zh || s->name_en.empty() ? s->name : s->name_en;
            if (!name.empty()) std::cout << "  " << name << "  [" << notice << "]";
            if (projected) std::cout << projected_suffix(*projected, d, l);
            // A rule calendar's day past its history (qixian/rule_calendar.hpp).
            if (s->projected) std::cout << (zh ? "  推算：" + note_zh(s->caveat) : "  projected: " + std::string(s->caveat));
            std::cout << '\n';
        } else {
            std::cout << d << ' ' << weekday_text(d, l)
                      << (l == lang::zh ? "  ?  超出日历的节假日数据范围\n" : "  ?  outside the calendar's data\n");
        }
    }
    return 0;
}


}  // namespace

command add_calendar_command(CLI::App& app, const global_options& g) {
    struct options {
        std::string from, to, as_of, since, id = "cn.mainland", policy = "project", lang = "en";
        bool json = false;
    };
    auto o = std::make_shared<options>();
    auto* cmd = app.add_subcommand("calendar", "the status of each day: working, weekend, holiday, adjusted working");
    cmd->add_option("--from", o->from, "first day (YYYY-MM-DD)")->required();
    cmd->add_option("--to", o->to, "last day (YYYY-MM-DD)")->required();
    cmd->add_flag("--json", o->json, "one JSON object per line");
    cmd->add_option("--as-of", o->as_of, "as the notices stood on this day");
    cmd->add_option("--calendar", o->id,
                    "calendar id (default cn.mainland; the forum calendars: us.federal, us.ny, us.ca, gb.ew, au.nsw, ca.on)");
    cmd->add_option("--lang", o->lang,
                    "en or zh (text: weekdays 周一…周日, 班/休, the day's class 工作日/休息日/节假日放假/调休上班日, "
                    "the projection's certainty and reason; errors in Chinese)")
        ->check(CLI::IsMember({"en", "zh"}));
    cmd->add_option("--calendar-policy", o->policy,
                    "past the published notices: project (default: each day with \"projected\": true, its "
                    "certainty certain_rest|certain_work|uncertain and the reason) or strict (reported as outside "
                    "the data)")
        ->check(CLI::IsMember({"project", "strict"}));
    cmd->add_option("--changes-since", o->since,
                    "list only the days the notices changed after this day (up to --as-of, or all notices)");
    return {cmd, [o, &g] { return run_calendar(g.rules_dir, o->from, o->to, o->json, o->as_of, o->id, o->since,
                                                      o->policy == "strict", o->lang == "zh" ? lang::zh : lang::en); }};
}

}  // namespace qixian::cli
