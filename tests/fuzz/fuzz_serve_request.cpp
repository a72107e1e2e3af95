// Fuzz target: the bytes of one HTTP request (request line, headers, body) through
// `qixian serve`'s parser, limits and handler (serve::handle_bytes over the embedded
// pack), as the server answers them. Whatever the bytes, the answer has an HTTP status,
// a content type, and, when it is JSON, a body that is one JSON value; an API error is
// problem+json with its status in the body.
#include "fuzz_support.hpp"

#include "server.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

using namespace qixian;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const rule_pack pack = std::move(*rule_pack::load_embedded());
    static const serve::service svc(pack);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const serve::response r = serve::handle_bytes(svc, bytes);
    fuzz::require(r.status >= 200 && r.status <= 599, "a response without an HTTP status", std::to_string(r.status));
    fuzz::require(!r.content_type.empty() || r.status == 204 || r.status == 304 || r.status == 405,
                  "a response without a content type", std::to_string(r.status));
    const bool problem = r.content_type == "application/problem+json";
    if (r.content_type == "application/json" || problem) {
        const auto j = nlohmann::json::parse(r.body, nullptr, false);
        fuzz::require(!j.is_discarded(), "a JSON response that is not JSON", r.body);
        if (problem)
            fuzz::require(j.is_object() && j.value("status", 0) == r.status && j.contains("title"),
                          "a problem without its status and title", r.body);
    }
    if (r.content_type == "application/x-ndjson") {
        std::size_t from = 0;
        while (from < r.body.size()) {
            const std::size_t nl = r.body.find('\n', from);
            fuzz::require(nl != std::string::npos, "an NDJSON body whose last line has no newline", r.body);
            const auto j = nlohmann::json::parse(std::string_view(r.body).substr(from, nl - from), nullptr, false);
            fuzz::require(!j.is_discarded() && j.is_object(), "an NDJSON line that is not a JSON object", r.body);
            from = nl + 1;
        }
    }
    return 0;
}
