// qixian — statutory deadlines and limitation periods of PRC civil procedure.
// The subcommands live one per file (cmd_*.cpp); main assembles them and runs the one given.
#include "commands.hpp"
#include "serve/command.hpp"

#include "qixian/compute.hpp"

#include <CLI/CLI.hpp>

namespace {


constexpr const char* exit_codes_help = R"(Exit status:
  0   success (for rules check: no errors)
  2   usage error (unknown option, bad argument)
  3   the rule pack has errors (printed as file:line:column: error CODE: message; with --json, as JSON)
  4   verify: a ruling fixture failed (the engine disagrees with the court, the fixture is malformed,
      or the path holds no fixture)
  5   docket: a deadline could not be computed (listed with its error; JSON: "complete": false)
  10+ a computation error, one per code: 11 invalid_date, 12 invalid_time, 13 invalid_period,
      14 out_of_range, 15 ambiguous_month_end, 16 outside_calendar_coverage, 17 no_working_day,
      18 nonexistent_local_time, 19 ambiguous_local_time, 20 unknown_zone, 21 unknown_rule,
      22 no_version_in_force, 23 missing_event, 24 invalid_request, 25 rules_invalid,
      26 io_error, 27 missing_fact, 28 invalid_duration, 29 unknown_convention,
      30 conflicting_request)";

// The usage code of the message catalog (messages.hpp) for a CLI11 parse error.
std::string_view usage_code(const CLI::ParseError& e) {
    using codes = CLI::ExitCodes;
    const auto is = [&](codes c) { return e.get_exit_code() == static_cast<int>(c); };
    if (is(codes::ExtrasError)) return "usage.extras";
    if (is(codes::RequiredError) || is(codes::RequiresError)) return "usage.required";
    if (is(codes::ValidationError)) return "usage.invalid_value";
    if (is(codes::ConversionError)) return "usage.conversion";
    // A single-valued option given twice: CLI11 says "At Most 1 required but received 2".
    if (is(codes::ArgumentMismatch) && std::string_view(e.what()).find("At Most 1 ") != std::string_view::npos)
        return "usage.repeated";
    if (is(codes::ArgumentMismatch)) return "usage.mismatch";
    if (is(codes::OptionNotFound)) return "usage.unknown_option";
    if (is(codes::ExcludesError)) return "usage.excludes";
    return "usage";
}

// `--lang zh` (or --lang=zh) anywhere: messages in Chinese, even those of a command line
// CLI11 refuses.
bool wants_chinese(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--lang=zh" || (a == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "zh")) return true;
    }
    return false;
}

int run_command(int argc, char** argv) {
    using namespace qixian::cli;
    CLI::App app{"qixian — deadlines and limitation periods of PRC civil procedure, with citations"};
    app.footer(exit_codes_help);
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("qixian ") + std::string(qixian::engine_version()));
    set_messages_in_chinese(wants_chinese(argc, argv));
    global_options g;
    app.add_option("--rules", g.rules_dir, "use the rule pack in this directory instead of the built-in one");

    std::vector<command> commands{add_compute_command(app, g, false), add_compute_command(app, g, true)};
    for (auto& c : add_rules_commands(app, g)) commands.push_back(std::move(c));
    commands.push_back(add_batch_command(app, g));
    commands.push_back(add_docket_command(app, g));
    commands.push_back(add_verify_command(app, g));
    commands.push_back(add_calendar_command(app, g));
    qixian::serve::commands serve_commands(app);  // serve, recheck (tools/qixian/serve/)

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        if (messages_in_chinese()) return usage_error(e.what(), usage_code(e));
        app.exit(e);
        return 2;
    }
    if (auto status = serve_commands.run(g.rules_dir)) return *status;
    for (const auto& c : commands)
        if (c.app->parsed()) return c.run();
    return 2;
}

}  // namespace

int main(int argc, char** argv) { return qixian::cli::finish_output(run_command(argc, argv)); }
