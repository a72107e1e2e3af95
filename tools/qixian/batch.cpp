#include "batch.hpp"
#include "json_writer.hpp"
#include "render.hpp"
#include "request_json.hpp"

#include <istream>
#include <optional>
#include <ostream>

namespace qixian::cli {

bool answer_line(const rule_pack& pack, std::string_view line, std::size_t line_no, bool trace,
                 citation_json_cache& cache, std::string& answer) {
    parsed_request parsed = read_request(line);
    bool ok = true;
    // The answer: written where the deadline lives (a deadline is large: it is not moved again).
    const auto answer_with = [&](const deadline* done, const error* failed, bool with_trace) {
        json_writer w(answer);
        w.begin_object().key("id").raw(parsed.id);
        if (failed != nullptr) {
            w.field("line", static_cast<std::int64_t>(line_no)).field("ok", false);
            w.key("error").begin_object().field("code", to_string(failed->code)).field("message", failed->message).end_object();
            ok = false;
        } else {
            write_fields(w, *done, with_trace, cache);
        }
        w.end_object();
    };
    if (auto& req = parsed.request; !req) {
        answer_with(nullptr, &req.error(), false);
    } else {
        if (!trace) req->trace = false;  // --no-trace: not computed at all
        if (const auto d = compute(pack, *req); !d) answer_with(nullptr, &d.error(), false);
        else answer_with(&*d, nullptr, trace && req->trace);
    }
    return ok;
}

batch_stats run_batch(const rule_pack& pack, std::istream& in, std::ostream& out, bool trace) {
    batch_stats stats;
    // Answers are gathered and written some 64 KiB at a time, and whenever the input has
    // nothing more waiting: a client that sends one line and waits gets its answer, and a
    // file of a million lines costs a few thousand writes, not a million.
    constexpr std::size_t chunk = std::size_t{1} << 16;
    std::string line, answer;
    citation_json_cache cache;
    while (std::getline(in, line)) {
        ++stats.lines;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!answer_line(pack, line, stats.lines, trace, cache, answer)) ++stats.errors;
        answer += '\n';
        if (answer.size() >= chunk || in.rdbuf()->in_avail() <= 0) {
            out.write(answer.data(), static_cast<std::streamsize>(answer.size())).flush();
            answer.clear();
            if (!out) return stats;  // the output failed (a closed pipe, a full disk): the caller reports it
        }
    }
    out.write(answer.data(), static_cast<std::streamsize>(answer.size())).flush();
    return stats;
}

}  // namespace qixian::cli
