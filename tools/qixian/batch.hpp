// qixian batch: JSON Lines in, JSON Lines out (INTERFACES.md).
#pragma once

#include "qixian/rule_pack.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace qixian::cli {

struct batch_stats {
    std::size_t lines = 0;
    std::size_t errors = 0;
};

class citation_json_cache;

/// Answers one request line (INTERFACES.md): appends to `answer` the JSON object of the
/// answer, or of the error (with `line_no`), with no newline. The one place a request
/// line becomes an answer: `batch`, and any server or binding that speaks the same
/// contract, call it. Returns false when the answer is an error.
///
///   std::string out; citation_json_cache cache;
///   answer_line(pack, R"({"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}})",
///               1, true, cache, out);   // out == {"id":null,"ok":true,"rule":…}
bool answer_line(const rule_pack& pack, std::string_view line, std::size_t line_no, bool trace,
                 citation_json_cache& cache, std::string& answer);

/// Answers every line of `in` on `out`, one line each, in order, whatever goes wrong.
/// Answers are written in chunks of some 64 KiB, and at once whenever `in` has nothing
/// more waiting (so an interactive client is answered line by line). Memory stays
/// bounded by the longest line and the chunk. Stops at the first write that fails (`out`
/// is then bad: the caller reports it).
batch_stats run_batch(const rule_pack& pack, std::istream& in, std::ostream& out, bool trace);

}  // namespace qixian::cli
