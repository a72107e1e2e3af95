#include "batch.hpp"
#include "json_writer.hpp"
#include "render.hpp"
#include "request_json.hpp"

#include <nlohmann/json.hpp>

#include <istream>
#include <optional>
#include <ostream>

namespace qixian::cli {

batch_stats run_batch(const rule_pack& pack, std::istream& in, std::ostream& out, bool trace) {
    batch_stats stats;
    std::string line, answer;
    while (std::getline(in, line)) {
        ++stats.lines;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        answer.clear();
        std::string id = "null";  // the request's id as JSON text, echoed as given
        std::optional<error> failed;
        std::optional<deadline> done;
        bool with_trace = false;
        const nlohmann::json request = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (request.is_discarded()) {
            failed = make_error(errc::invalid_request,
                                line.empty() ? "an empty line is not a request" : "the line is not valid JSON");
        } else {
            if (request.is_object() && request.contains("id"))
                id = request["id"].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            auto req = request_from_json(request);
            if (req && !trace) req->trace = false;  // --no-trace: not computed at all
            if (!req) {
                failed = req.error();
            } else if (auto d = compute(pack, *req); !d) {
                failed = d.error();
            } else {
                done.emplace(std::move(*d));
                with_trace = trace && req->trace;
            }
        }
        {
            json_writer w(answer);
            w.begin_object().key("id").raw(id);
            if (failed) {
                w.field("line", static_cast<std::int64_t>(stats.lines)).field("ok", false);
                w.key("error").begin_object().field("code", to_string(failed->code)).field("message", failed->message).end_object();
                ++stats.errors;
            } else {
                write_fields(w, *done, with_trace);
            }
            w.end_object();
        }
        answer += '\n';
        out.write(answer.data(), static_cast<std::streamsize>(answer.size()));
    }
    out.flush();
    return stats;
}

}  // namespace qixian::cli
