// The `serve` and `recheck` subcommands of the qixian CLI.
//
//   CLI::App app;  qixian::serve::commands extra(app);   // before app.parse
//   …
//   if (auto rc = extra.run(rules_dir)) return *rc;        // after: when one of them was chosen
#pragma once

#include "server.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace qixian::serve {

class commands {
public:
    explicit commands(CLI::App& app);
    /// Runs the subcommand that was parsed with the pack in `rules_dir` (empty: the
    /// built-in one); nothing when neither was.
    std::optional<int> run(const std::string& rules_dir);

private:
    CLI::App* serve_ = nullptr;
    CLI::App* recheck_ = nullptr;
    server_options options_;
    std::string rules_, recheck_file_;
    double timeout_seconds_ = 10, drain_seconds_ = 10;
};

}  // namespace qixian::serve
