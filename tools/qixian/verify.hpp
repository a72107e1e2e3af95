// qixian verify: ruling fixtures (tests/rulings/*.toml, INTERFACES.md "Ruling fixtures").
#pragma once

#include "qixian/rule_pack.hpp"

#include <iosfwd>
#include <string>

namespace qixian::cli {

struct verify_stats {
    int passed = 0;
    int failed = 0;  ///< the engine disagrees with the court, or the fixture is malformed
};

/// Runs every fixture in `path` (a .toml file, or a directory of them, in name order),
/// printing each case with the court's conclusion beside the engine's — as text, or as
/// one JSON document {"passed", "failed", "cases": [{file, citation, result (pass | fail |
/// error), court, qixian, differs, problems}]} for CI and tools. `zh`: the text in Chinese.
verify_stats run_verify(const rule_pack& pack, const std::string& path, std::ostream& out, bool json = false,
                        bool zh = false);

}  // namespace qixian::cli
