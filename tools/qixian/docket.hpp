// qixian docket: a case file → every deadline its events trigger, chains followed.
#pragma once

#include "qixian/compute.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace qixian::cli {

/// One line of a docket: a computed deadline, or why a triggered rule has no answer.
struct docket_entry {
    std::string rule;
    std::optional<deadline> due;  ///< the deadline, when it could be computed
    std::optional<error> problem; ///< otherwise why not (a missing fact, data coverage, …)
    std::vector<std::string> chain;  ///< the produced events it depends on ("performance_due from cn.payment-order.objection")
};

struct docket {
    std::vector<docket_entry> entries;  ///< sorted by last day; problems last
};

/// Reads a case file (TOML or JSON, by extension): `events`, `facts`, `tolling`, `readings`,
/// `zone`, `calendar_as_of`, `local_times`, and optionally `rules` (ids, or prefixes ending
/// in `*`) to limit the docket to the rules the case concerns.
result<nlohmann::json> read_case_file(const std::string& path);

/// The text of a case file, read as `format`; `name` (a path) is used in messages.
///
///   auto j = parse_case("events = { received = 2024-03-01 }", case_format::toml, "case.toml");
enum class case_format { toml, json };
result<nlohmann::json> parse_case(std::string_view text, case_format format, const std::string& name);

/// Computes every rule whose trigger the case gives; a rule's produced event (e.g. the
/// end of a payment order's objection period → performance_due) is added to the case
/// and the rules it triggers are computed in turn, until nothing new is produced.
result<docket> build_docket(const rule_pack& pack, const nlohmann::json& case_file);

class json_writer;
class citation_json_cache;
/// Writes `"deadlines": [...]` into an object already begun on `w`: each entry's answer
/// fields (as batch writes them) with its `chain`, or `{"rule", "ok": false, "error"}` — the
/// one docket JSON of the CLI, the server and the C API, each adding its own fields around it.
void write_deadlines(json_writer& w, const docket& d, bool trace, citation_json_cache& cache);

}  // namespace qixian::cli
