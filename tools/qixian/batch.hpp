// qixian batch: JSON Lines in, JSON Lines out (INTERFACES.md).
#pragma once

#include "qixian/rule_pack.hpp"
#include "render.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace qixian::cli {

struct batch_stats {
    std::size_t lines = 0;
    std::size_t errors = 0;
};

class field_selection;

/// How answers are written: with or without their trace, which fields (all when
/// `fields` is null; a request's own "fields" takes precedence), citations in full or as
/// ids (the cache given to answer_line decides; run_batch makes its caches so).
struct answer_options {
    bool trace = true;
    const field_selection* fields = nullptr;
    citation_style citations = citation_style::text;
};

/// Answers one request line (INTERFACES.md): appends to `answer` the JSON object of the
/// answer, or of the error (with `line_no`), with no newline. The one place a request
/// line becomes an answer: `batch`, and any server or binding that speaks the same
/// contract, call it. Returns false when the answer is an error.
///
///   std::string out; citation_json_cache cache;
///   answer_line(pack, R"({"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}})",
///               1, true, cache, out);   // out == {"id":null,"ok":true,"rule":…}
bool answer_line(const rule_pack& pack, std::string_view line, std::size_t line_no, const answer_options& options,
                 citation_json_cache& cache, std::string& answer);
inline bool answer_line(const rule_pack& pack, std::string_view line, std::size_t line_no, bool trace,
                        citation_json_cache& cache, std::string& answer) {
    return answer_line(pack, line, line_no, answer_options{.trace = trace}, cache, answer);
}

/// Answers every line of `in` on `out`, one line each, in order, whatever goes wrong.
/// Answers are written in chunks of some 64 KiB, and at once whenever `in` has nothing
/// more waiting (so an interactive client is answered line by line). Memory stays
/// bounded by the longest line and the chunk. Stops at the first write that fails (`out`
/// is then bad: the caller reports it).
///
/// `jobs` > 1 answers with that many threads, in rounds of up to 4,096 lines (a round ends
/// early when the input has nothing waiting); the output is byte for byte that of
/// `jobs` = 1, in input order, and memory is bounded by one round.
///
///   run_batch(pack, std::cin, std::cout, true, std::thread::hardware_concurrency());
batch_stats run_batch(const rule_pack& pack, std::istream& in, std::ostream& out, const answer_options& options,
                      unsigned jobs = 1);
inline batch_stats run_batch(const rule_pack& pack, std::istream& in, std::ostream& out, bool trace,
                             unsigned jobs = 1) {
    return run_batch(pack, in, out, answer_options{.trace = trace}, jobs);
}

}  // namespace qixian::cli
