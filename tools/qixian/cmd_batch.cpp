// qixian batch: JSON Lines in, JSON Lines out (INTERFACES.md).
#include "batch.hpp"
#include "commands.hpp"
#include "fields.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

namespace qixian::cli {

command add_batch_command(CLI::App& app, const global_options& g) {
    struct options {
        std::string file;
        bool no_trace = false;
        unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
        std::string fields, citations = "text";
    };
    auto o = std::make_shared<options>();
    auto* cmd = app.add_subcommand(
        "batch",
        "JSON Lines in, JSON Lines out: one answer per request line, in order, errors inline "
        "with their line number (an unknown field or a field given twice is an error); each "
        "answer is written as soon as no more input is waiting; exit 0 when every line was answered");
    cmd->add_option("file", o->file, "requests (default: standard input)");
    cmd->add_flag("--no-trace", o->no_trace, "leave the trace out of each answer");
    cmd->add_option("--jobs,-j", o->jobs,
                    "threads answering (default: the machine's cores); the output is the same, "
                    "in input order, whatever the number")
        ->check(CLI::Range(1u, 256u));
    cmd->add_option("--fields", o->fields,
                    "write only these answer fields, e.g. last_day,status (id and ok always; "
                    "a request's own \"fields\" takes precedence); without trace, none is computed");
    cmd->add_option("--citations", o->citations,
                    "text (each citation in full) or ids (cite:… ids that `qixian rules show ID` resolves)")
        ->check(CLI::IsMember({"text", "ids"}));
    return {cmd, [o, &g] {
                std::optional<field_selection> fields;
                if (!o->fields.empty()) {
                    auto f = field_selection::parse(o->fields);
                    if (!f) {
                        std::cerr << "qixian: --fields: " << f.error().message << '\n';
                        return 2;
                    }
                    fields = std::move(*f);
                }
                const answer_options options{
                    .trace = !o->no_trace,
                    .fields = fields ? &*fields : nullptr,
                    .citations = o->citations == "ids" ? citation_style::ids : citation_style::text};
                auto pack = load_pack(g.rules_dir);
                if (!pack) return print_diagnostics(pack.error());
                std::ios::sync_with_stdio(false);
                std::cin.tie(nullptr);  // run_batch flushes its answers itself, before it waits for input
                // A failed write stops the batch; main's finish_output reports it (or ends
                // quietly when the reader went away). A failed read is reported here.
                if (o->file.empty() || o->file == "-") {
                    run_batch(*pack, std::cin, std::cout, options, o->jobs);
                    if (std::cin.bad()) return fail(make_error(errc::io_error, "cannot read the standard input"), false);
                } else {
                    std::ifstream in(o->file);
                    if (!in) return fail(make_error(errc::io_error, "cannot read '" + o->file + "'", o->file), false);
                    run_batch(*pack, in, std::cout, options, o->jobs);
                    if (in.bad()) return fail(make_error(errc::io_error, "cannot read '" + o->file + "'", o->file), false);
                }
                return 0;
            }};
}

}  // namespace qixian::cli
