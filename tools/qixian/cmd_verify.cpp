// qixian verify: ruling fixtures, the court's conclusion beside qixian's.
#include "commands.hpp"
#include "verify.hpp"

#include <iostream>
#include <memory>

namespace qixian::cli {

command add_verify_command(CLI::App& app, const global_options& g) {
    struct options {
        std::string path, lang = "en";
        bool json = false;
    };
    auto o = std::make_shared<options>();
    auto* cmd = app.add_subcommand(
        "verify", "run ruling fixtures (a .toml file or a directory) and report each case, the court's "
                  "conclusion beside qixian's; exit 0 when all pass, 4 when any fails");
    cmd->add_option("path", o->path, "fixture file or directory, e.g. tests/rulings")->required();
    cmd->add_flag("--json", o->json, "one JSON document: each case's result, the court's decision and qixian's");
    cmd->add_option("--lang", o->lang, "en or zh (text: each case, the court's decision and qixian's, in Chinese)")
        ->check(CLI::IsMember({"en", "zh"}));
    return {cmd, [o, &g] {
                auto pack = load_pack(g.rules_dir);
                if (!pack) return print_diagnostics(pack.error());
                const auto stats = run_verify(*pack, o->path, std::cout, o->json, o->lang == "zh");
                return stats.failed == 0 ? 0 : 4;
            }};
}

}  // namespace qixian::cli
