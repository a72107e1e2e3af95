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
/// Prints each diagnostic as file:line:column: error CODE: message; returns exit status 3.
int print_diagnostics(const std::vector<diagnostic>& ds);
/// Reports a computation error (as JSON on stdout with `json`, else on stderr); returns its exit status.
int fail(const error& e, bool json);
/// Reports a usage error in CLI11's words; returns exit status 2.
int usage_error(const std::string& message);

}  // namespace qixian::cli
