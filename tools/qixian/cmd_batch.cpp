// qixian batch: JSON Lines in, JSON Lines out (INTERFACES.md).
#include "batch.hpp"
#include "commands.hpp"

#include <fstream>
#include <iostream>
#include <memory>

namespace qixian::cli {

command add_batch_command(CLI::App& app, const global_options& g) {
    struct options {
        std::string file;
        bool no_trace = false;
    };
    auto o = std::make_shared<options>();
    auto* cmd = app.add_subcommand(
        "batch",
        "JSON Lines in, JSON Lines out: one answer per request line, in order, errors inline "
        "with their line number (an unknown field or a field given twice is an error); each "
        "answer is written as soon as no more input is waiting; exit 0 when every line was answered");
    cmd->add_option("file", o->file, "requests (default: standard input)");
    cmd->add_flag("--no-trace", o->no_trace, "leave the trace out of each answer");
    return {cmd, [o, &g] {
                auto pack = load_pack(g.rules_dir);
                if (!pack) return print_diagnostics(pack.error());
                std::ios::sync_with_stdio(false);
                std::cin.tie(nullptr);  // run_batch flushes its answers itself, before it waits for input
                if (o->file.empty() || o->file == "-") {
                    run_batch(*pack, std::cin, std::cout, !o->no_trace);
                } else {
                    std::ifstream in(o->file);
                    if (!in) return fail(make_error(errc::io_error, "cannot read '" + o->file + "'", o->file), false);
                    run_batch(*pack, in, std::cout, !o->no_trace);
                }
                return std::cout.good() ? 0 : exit_status(errc::io_error);
            }};
}

}  // namespace qixian::cli
