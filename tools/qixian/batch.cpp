#include "batch.hpp"

#include "qixian/messages.hpp"
#include "fields.hpp"
#include "json_writer.hpp"
#include "render.hpp"
#include "request_json.hpp"

#include <algorithm>
#include <istream>
#include <thread>
#include <utility>
#include <vector>
#include <optional>
#include <ostream>

namespace qixian::cli {

bool answer_line(const rule_pack& pack, std::string_view line, std::size_t line_no, const answer_options& options,
                 citation_json_cache& cache, std::string& answer) {
    parsed_request parsed = read_request(line);
    const std::size_t from = answer.size();
    bool ok = true;
    // The answer: written where the deadline lives (a deadline is large: it is not moved again).
    const auto answer_with = [&](const deadline* done, const error* failed, bool with_trace) {
        json_writer w(answer);
        w.begin_object().key("id").raw(parsed.id);
        if (failed != nullptr) {
            w.field("line", static_cast<std::int64_t>(line_no)).field("ok", false);
            w.key("error")
                .begin_object()
                .field("code", to_string(failed->code))
                .field("message", failed->message)
                .field("message_zh", message_zh(*failed))
                .end_object();
            ok = false;
        } else {
            write_fields(w, *done, with_trace, cache, parsed.lang);
        }
        w.end_object();
    };
    std::optional<field_selection> own;  // the request's "fields"
    if (parsed.fields && parsed.request) {
        auto f = field_selection::of(*parsed.fields);
        if (f) own = std::move(*f);
        else parsed.request = unexpected(f.error());
    }
    const field_selection* fields = own ? &*own : options.fields;
    if (auto& req = parsed.request; !req) {
        answer_with(nullptr, &req.error(), false);
    } else {
        // Without a trace (--no-trace, or not among the fields) it is not computed at all.
        if (!options.trace || (fields != nullptr && !fields->keeps_trace())) req->trace = false;
        if (const auto d = compute(pack, *req); !d) answer_with(nullptr, &d.error(), false);
        else answer_with(&*d, nullptr, req->trace);
    }
    if (fields != nullptr) keep_fields(answer, from, *fields);
    return ok;
}

namespace {

// Answers are gathered and written some 64 KiB at a time, and whenever the input has
// nothing more waiting: a client that sends one line and waits gets its answer, and a
// file of a million lines costs a few thousand writes, not a million.
constexpr std::size_t chunk = std::size_t{1} << 16;

bool read_line(std::istream& in, std::string& line) {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

// False once the output has failed (a closed pipe, a full disk): the batch stops there
// and its caller reports it.
bool write_out(std::ostream& out, std::string& answer) {
    out.write(answer.data(), static_cast<std::streamsize>(answer.size())).flush();
    answer.clear();
    return static_cast<bool>(out);
}

batch_stats run_serial(const rule_pack& pack, std::istream& in, std::ostream& out, const answer_options& options) {
    batch_stats stats;
    std::string line, answer;
    citation_json_cache cache(options.citations);
    while (read_line(in, line)) {
        ++stats.lines;
        if (!answer_line(pack, line, stats.lines, options, cache, answer)) ++stats.errors;
        answer += '\n';
        if ((answer.size() >= chunk || in.rdbuf()->in_avail() <= 0) && !write_out(out, answer)) return stats;
    }
    write_out(out, answer);
    return stats;
}

// One worker's share of a round: a contiguous slice of its lines, answered into its
// own buffer with its own citation cache (nothing is shared but the immutable pack).
struct worker {
    explicit worker(citation_style style) : cache(style) {}
    citation_json_cache cache;
    std::string answers;
    std::size_t errors = 0;

    void answer(const rule_pack& pack, const std::vector<std::string>& lines, std::size_t from,
                std::size_t to, std::size_t first_line_no, const answer_options& options) {
        for (std::size_t i = from; i < to; ++i) {
            if (!answer_line(pack, lines[i], first_line_no + i, options, cache, answers)) ++errors;
            answers += '\n';
        }
    }
};

// Rounds of at most `round_lines` lines: read (stopping early when the input has nothing
// waiting, so an interactive client is answered), split into `jobs` contiguous slices
// answered at once, then written in input order. Memory: one round of lines and answers.
batch_stats run_parallel(const rule_pack& pack, std::istream& in, std::ostream& out, const answer_options& options,
                         unsigned jobs) {
    constexpr std::size_t round_lines = 4096;
    batch_stats stats;
    std::vector<std::string> lines(round_lines);
    std::vector<worker> workers;
    workers.reserve(jobs);
    for (unsigned w = 0; w < jobs; ++w) workers.emplace_back(options.citations);
    for (;;) {
        std::size_t n = 0;
        while (n < round_lines && read_line(in, lines[n])) {
            ++n;
            if (in.rdbuf()->in_avail() <= 0) break;
        }
        if (n == 0) break;
        const std::size_t used = std::min<std::size_t>(jobs, n), first = stats.lines + 1;
        std::vector<std::jthread> threads;
        for (std::size_t w = 1; w < used; ++w)
            threads.emplace_back([&, w] { workers[w].answer(pack, lines, n * w / used, n * (w + 1) / used, first, options); });
        workers[0].answer(pack, lines, 0, n / used, first, options);
        threads.clear();  // joins
        stats.lines += n;
        for (std::size_t w = 0; w < used; ++w) {
            stats.errors += std::exchange(workers[w].errors, 0);
            out.write(workers[w].answers.data(), static_cast<std::streamsize>(workers[w].answers.size()));
            workers[w].answers.clear();
        }
        if (!out.flush()) return stats;  // the output failed: the caller reports it
    }
    return stats;
}

}  // namespace

batch_stats run_batch(const rule_pack& pack, std::istream& in, std::ostream& out, const answer_options& options, unsigned jobs) {
    return jobs <= 1 ? run_serial(pack, in, out, options) : run_parallel(pack, in, out, options, jobs);
}

}  // namespace qixian::cli
