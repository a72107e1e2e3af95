// qixian docket: every deadline a case file's events trigger, chains followed.
#include "commands.hpp"
#include "docket.hpp"
#include "json_writer.hpp"
#include "projection_render.hpp"
#include "render.hpp"

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
    for (const auto& e : d.entries) {
        if (e.due && !e.due->time_limited) {
            std::cout << "no limit    " << e.rule << "  " << (zh ? e.due->name_zh : e.due->name_en) << "\n";
        } else if (e.due) {
            std::cout << e.due->last_day << " (" << e.due->last_day.weekday_name() << ")  " << e.rule << "  "
                      << (zh ? e.due->name_zh : e.due->name_en) << "\n      from " << e.due->trigger << " "
                      << e.due->start << ", " << to_string(e.due->length) << "; ends " << e.due->ends_at_forum;
            if (!e.due->ends_at_local.empty()) std::cout << " = " << e.due->ends_at_local;
            std::cout << "\n";
            for (const auto& c : e.chain) std::cout << "      chained: " << c << "\n";
            for (const auto& a : e.due->alternatives) std::cout << "      reading " << a.reading << " → " << a.last_day << "\n";
            if (e.due->provisional)
                std::cout << "      PROVISIONAL  " << provisional_text(*e.due, zh ? lang::zh : lang::en) << "\n";
        } else {
            std::cout << "—           " << e.rule << "\n      " << to_string(e.problem->code) << ": " << e.problem->message
                      << "\n";
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
