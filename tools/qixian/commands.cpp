// What the subcommands share: loading the pack and reporting errors.
#include "commands.hpp"
#include "render.hpp"

#include <iostream>

namespace qixian::cli {

result<rule_pack, std::vector<diagnostic>> load_pack(const std::string& dir) {
    return dir.empty() ? rule_pack::load_embedded() : rule_pack::load_directory(dir);
}

int print_diagnostics(const std::vector<diagnostic>& ds) {
    for (const auto& d : ds) std::cerr << format(d) << '\n';
    return 3;
}

int fail(const error& e, bool json) {
    if (json)
        std::cout << error_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
        std::cerr << "qixian: error " << to_string(e.code) << ": " << e.message << '\n';
    return exit_status(e.code);
}

int usage_error(const std::string& message) {
    std::cerr << message << "\nRun with --help for more information.\n";
    return 2;
}

}  // namespace qixian::cli
