// qixian docket: every deadline a case file's events trigger, chains followed.
#include "commands.hpp"
#include "docket.hpp"
#include "json_writer.hpp"
#include "projection_render.hpp"
#include "render.hpp"
#include "qixian/messages.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

namespace qixian::cli {
namespace {

struct docket_options {
    std::string path, format = "text", lang = "en";
};

void print_json(const docket& d, const std::string& path) {
    std::string text;
    json_writer w(text);
    citation_json_cache cache;
    const auto problems = std::count_if(d.entries.begin(), d.entries.end(), [](const docket_entry& e) { return !e.due; });
    w.begin_object().field("case", path).field("complete", problems == 0);
    w.field("problems", static_cast<std::int64_t>(problems));
    write_deadlines(w, d, true, cache);
    w.end_object();
    std::cout << nlohmann::ordered_json::parse(w.finish()).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_text(const docket& d, bool zh) {
    const lang l = zh ? lang::zh : lang::en;
    // "performance_due from cn.payment-order.objection" → "履行期间届满 (performance_due)，由 cn.payment-order.objection 产生"
    const auto chained = [&](const std::string& c) {
        const auto from = c.find(" from ");
        if (!zh || from == std::string::npos) return c;
        return event_text(c.substr(0, from), l) + "，由 " + c.substr(from + 6) + " 产生";
    };
    for (const auto& e : d.entries) {
        if (e.due && !e.due->time_limited) {
            std::cout << (zh ? "不受期间限制  " : "no limit    ") << e.rule << "  " << (zh ? e.due->name_zh : e.due->name_en) << "\n";
        } else if (e.due) {
            const deadline& due = *e.due;
            std::cout << due.last_day << " (" << weekday_text(due.last_day, l) << ")  " << e.rule << "  "
                      << (zh ? due.name_zh : due.name_en) << "\n      ";
            if (zh)
                std::cout << "自 " << event_text(due.trigger, l) << " " << due.start << " 起算，" << to_string_zh(due.length)
                          << "；截止 " << due.ends_at_forum;
            else
                std::cout << "from " << due.trigger << " " << due.start << ", " << to_string(due.length) << "; ends "
                          << due.ends_at_forum;
            if (!due.ends_at_local.empty()) std::cout << " = " << due.ends_at_local;
            std::cout << "\n";
            for (const auto& c : e.chain) std::cout << (zh ? "      连锁：" : "      chained: ") << chained(c) << "\n";
            for (const auto& a : due.alternatives)
                std::cout << (zh ? "      不同解读 " : "      reading ") << reading_text(a.reading, l) << " → " << a.last_day << "\n";
            if (due.provisional)
                std::cout << (zh ? "      临时结果  " : "      PROVISIONAL  ") << provisional_text(due, l) << "\n";
            if (auto c = confidence_text(due, l); !c.empty())
                std::cout << "      " << (zh ? "日历" : "calendar") << "  " << c << "\n";
        } else {
            std::cout << "—           " << e.rule << "\n      " << to_string(e.problem->code) << (zh ? "：" : ": ")
                      << (zh ? message_zh(*e.problem) : e.problem->message) << "\n";
        }
    }
}

int run_docket(const docket_options& o, const global_options& g) {
    const bool json = o.format == "json";
    auto file = read_case_file(o.path);
    if (!file) return fail(file.error(), json);
    auto pack = load_pack(g.rules_dir);
    if (!pack) return print_diagnostics(pack.error());
    auto d = build_docket(*pack, *file);
    if (!d) return fail(d.error(), json);
    if (o.format == "ics") {
        std::vector<const deadline*> ds;
        for (const auto& e : d->entries)
            if (e.due && e.due->time_limited) ds.push_back(&*e.due);
        std::cout << render_ics(ds, std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    } else if (json) {
        print_json(*d, o.path);
    } else {
        print_text(*d, o.lang == "zh");
    }
    // A deadline that could not be computed is not a complete docket: exit 5 (every deadline
    // that could be computed is still printed, the others with their error).
    const bool complete = std::all_of(d->entries.begin(), d->entries.end(),
                                      [](const docket_entry& e) { return e.due.has_value(); });
    return complete ? 0 : 5;
}

}  // namespace

command add_docket_command(CLI::App& app, const global_options& g) {
    auto o = std::make_shared<docket_options>();
    auto* cmd = app.add_subcommand(
        "docket", "every deadline a case file's events trigger, chains followed (a payment order's objection "
                  "period → performance due → the enforcement-application period), sorted by date");
    cmd->add_option("case", o->path,
                    "case file, TOML or JSON (.json): events (the parties'), court_events (the court's own "
                    "receipt or acceptance, for the court's periods), facts, readings, zone, and optionally "
                    "rules = [ids or prefixes ending in *]; exit 5 when a deadline cannot be computed (it is "
                    "listed with its error)")
        ->required();
    cmd->add_option("--format", o->format, "text, json or ics")->check(CLI::IsMember({"text", "json", "ics"}));
    cmd->add_option("--lang", o->lang, "en or zh (text format)")->check(CLI::IsMember({"en", "zh"}));
    return {cmd, [o, &g] { return run_docket(*o, g); }};
}

}  // namespace qixian::cli
