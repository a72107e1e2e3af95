// The qixian CLI's subcommands: each cmd_*.cpp registers one (its options, its --help)
// and returns what runs it once the command line is parsed; main.cpp only assembles them.
#pragma once

#include "qixian/diagnostics.hpp"
#include "qixian/error.hpp"
#include "qixian/result.hpp"
#include "qixian/rule_pack.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace qixian::cli {

/// Options every subcommand shares (given before the subcommand).
struct global_options {
    std::string rules_dir;  ///< --rules: a rule pack directory instead of the built-in pack
};

/// A registered subcommand and what runs it; `run` returns the exit status.
struct command {
    CLI::App* app;
    std::function<int()> run;
};

/// compute (`explain` = false) or explain (`explain` = true).
command add_compute_command(CLI::App& app, const global_options& g, bool explain);
command add_batch_command(CLI::App& app, const global_options& g);
/// rules check, rules list, rules show (under one `rules` subcommand).
std::vector<command> add_rules_commands(CLI::App& app, const global_options& g);
command add_calendar_command(CLI::App& app, const global_options& g);
command add_docket_command(CLI::App& app, const global_options& g);
command add_verify_command(CLI::App& app, const global_options& g);

// What the subcommands share.

/// The built-in pack, or the one in `dir`.
result<rule_pack, std::vector<diagnostic>> load_pack(const std::string& dir);
/// The language of this run's messages: `--lang zh` anywhere on the command line makes the
/// errors, diagnostics and usage errors below Chinese (main.cpp sets it before parsing).
void set_messages_in_chinese(bool zh);
bool messages_in_chinese();
/// Prints each diagnostic as file:line:column: error CODE: message (in Chinese under
/// `--lang zh`: 错误 CODE：…); returns exit status 3.
int print_diagnostics(const std::vector<diagnostic>& ds);
/// Reports a computation error (as JSON on stdout with `json`, with `message` and
/// `message_zh`; else on stderr, in Chinese under `--lang zh`); returns its exit status.
int fail(const error& e, bool json);
/// Reports a usage error (`code` is a usage code of the message catalog, e.g.
/// "usage.repeated"): the English message, or under `--lang zh` its Chinese; returns 2.
int usage_error(const std::string& message, std::string_view code = "usage");
/// Flushes std::cout and returns the command's exit `status`, unless the output could not
/// be written: then a message on stderr, as fail() reports it ("qixian: error io_error:
/// cannot write the output: No space left on device"), and the io_error status, never a silent truncation. A reader
/// that went away (EPIPE, `qixian batch big.jsonl | head -1` with SIGPIPE ignored) ends
/// quietly with the io_error status; with SIGPIPE at its default the process already
/// ended quietly at the write.
///
///   int main(int argc, char** argv) { return qixian::cli::finish_output(run(argc, argv)); }
int finish_output(int status);

}  // namespace qixian::cli
