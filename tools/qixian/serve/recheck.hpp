// qixian recheck: stored answers → the ones whose answer changes under the loaded pack.
//
// A docketing system stores, with each deadline, the request it asked and the answer it
// got (with its provenance: engine version, rule-pack and calendar digests, tz database
// version). When a holiday notice, a rule version or tzdata arrives, it sends them all
// back, one JSON object per line:
//
//   {"request": {"id": "case-17", "rule": "cn.enforcement.application", "events": {"effective": "2025-01-02"}},
//    "answer":  {"id": "case-17", "ok": true, "last_day": "2027-01-04", …, "provenance": {…}}}
//
// and gets one line for each stored answer that changes, in input order, naming the old
// and the new last day (and status, provisional flag, range, expiry where those change)
// and the cause: the rule version applied, the calendar data (with the years the answer
// consulted), the tz database, the rule pack or the engine. A line that cannot be read
// or recomputed is reported inline ({"line": N, "ok": false, "error": …}); unchanged
// answers produce nothing.
#pragma once

#include "qixian/rule_pack.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace qixian::cli {

class citation_json_cache;

/// Rechecks one stored line (numbered `line_no` from 1). Appends the report line (no
/// newline) to `out` and returns true when there is something to report.
bool recheck_line(const rule_pack& pack, std::string_view line, std::size_t line_no,
                  citation_json_cache& cache, std::string& out);

struct recheck_stats {
    std::size_t lines = 0;
    std::size_t changed = 0;  ///< lines reported (changes and errors)
};

/// Every line of `in`, reports on `out` (JSON Lines).
recheck_stats run_recheck(const rule_pack& pack, std::istream& in, std::ostream& out);

}  // namespace qixian::cli
