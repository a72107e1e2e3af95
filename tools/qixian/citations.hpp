// Every authority a rule pack cites, found by its id (render.hpp: citation_id), so that
// answers written with `--citations ids` can be read back: `qixian rules show cite:…`.
#pragma once

#include "qixian/rule_pack.hpp"

#include <string_view>
#include <vector>

namespace qixian::cli {

/// Each distinct citation of the pack (conventions, their counting steps, rules, their
/// versions, triggers, periods by facts, claims not limited, tolling mechanisms and their
/// dated authorities, take-overs), once each, in the pack's order. A citation list added to
/// the rule model must be added here too: the batch --citations test fails on an id that
/// does not resolve.
std::vector<const citation*> pack_citations(const rule_pack& pack);

/// The citation whose id is `id`, or nullptr.
///
///   if (const citation* c = find_citation(pack, "cite:0123456789ab")) std::cout << to_string(*c);
const citation* find_citation(const rule_pack& pack, std::string_view id);

}  // namespace qixian::cli
