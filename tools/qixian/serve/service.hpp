// qixian serve: the HTTP API and the web page as a function of one parsed request.
//
// `service::handle` turns a request (method, target, the headers it reads, body) into a
// response, with no socket involved: the Beast server (server.hpp) calls it for every
// request it reads, and a test or a fuzz target can call it directly. It never throws on
// bad input; every path through it ends in a response (RFC 9457 problem+json for the API,
// an HTML page for the site). The service holds a loaded rule pack, which is immutable, so
// one service answers from any number of threads at once.
//
//   qixian::serve::service svc(pack);
//   auto r = svc.handle({.method = "POST", .target = "/v1/deadline",
//                        .body = R"({"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}})"});
//   // r.status == 200, r.content_type == "application/json", r.body == {"id":null,"ok":true,…}
#pragma once

#include "qixian/rule_pack.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace qixian::serve {

/// What the service reads of an HTTP request.
struct request {
    std::string method;           ///< "GET", "POST", …
    std::string target;           ///< origin-form: path and query, e.g. "/v1/calendar?from=2025-01-01&to=2025-01-31"
    std::string content_type;     ///< the Content-Type header, as sent
    std::string accept;           ///< the Accept header
    std::string accept_language;  ///< the Accept-Language header
    std::string body;
};

/// What it answers. A streamed response (POST /v1/batch) has `stream` set: each call
/// appends the next piece of the body to its argument and returns false once the body
/// is complete (`body` is then unused). The server sends the pieces as they come, in
/// chunked transfer coding.
struct response {
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  ///< extra: Allow, Content-Disposition, …
    std::function<bool(std::string&)> stream;
};

/// Request size limits the server enforces before `handle` sees a request.
struct limits {
    std::size_t header_bytes = 16 * 1024;        ///< the request line and headers (beyond: 431)
    std::size_t body_bytes = 256 * 1024;         ///< any body but a batch's (beyond: 413)
    std::size_t batch_body_bytes = 64u << 20;    ///< POST /v1/batch and /v1/recheck (beyond: 413)
};

/// The body limit for a request to `path` (the batch endpoints take more).
std::size_t body_limit_for(const limits& l, std::string_view path) noexcept;

class service {
public:
    explicit service(const rule_pack& pack) : pack_(pack) {}
    /// Answers one request. Thread-safe.
    response handle(const request& r) const;
    const rule_pack& pack() const noexcept { return pack_; }

private:
    const rule_pack& pack_;
};

/// An RFC 9457 problem (application/problem+json): `type` (a URI naming the code),
/// `title`, `status`, `detail`, and, where known, the engine's `code` and the request
/// `field` at fault.
response problem(int status, std::string_view code, std::string_view detail, std::string_view field = {});

}  // namespace qixian::serve
