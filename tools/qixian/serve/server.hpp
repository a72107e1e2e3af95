// qixian serve: the service (service.hpp) on a socket, with Boost.Beast.
//
// HTTP/1.1 with keep-alive on a loopback address by default. Every request has one
// deadline for reading its header and body together (a client that sends slowly is
// disconnected when it passes), a limit on the header (431) and on the body (413), and
// the number of open connections is capped (beyond it a connection gets 503 and is
// closed). SIGTERM or SIGINT stops accepting, lets the requests in flight finish (up to
// `drain`), closes idle connections, and returns. One line per request goes to the log:
// method, path (no query, no body), status and microseconds.
//
//   qixian::serve::server_options o;  o.listen = "127.0.0.1:0";   // any free port
//   return qixian::serve::run_server(svc, o, std::cerr);          // prints the port it listens on
#pragma once

#include "service.hpp"

#include <chrono>
#include <iosfwd>
#include <string>
#include <string_view>

namespace qixian::serve {

struct server_options {
    std::string listen = "127.0.0.1:8080";  ///< ADDRESS:PORT; port 0 picks a free one
    unsigned threads = 0;                    ///< 0: one per core
    limits sizes;
    std::chrono::milliseconds request_timeout{10'000};  ///< to read one request (an idle keep-alive too)
    std::chrono::milliseconds drain{10'000};            ///< how long in-flight requests may finish on SIGTERM
    std::size_t max_connections = 512;
};

/// Serves until SIGTERM or SIGINT. Writes "qixian serve: listening on http://ADDR:PORT"
/// and one line per request to `log`. Returns 0 after a clean drain, non-zero when the
/// address cannot be used.
int run_server(const service& svc, const server_options& options, std::ostream& log);

/// One request given as the bytes a client sends (request line, headers, body), parsed
/// with the server's parser and limits and answered as the server would answer it:
/// a request the parser refuses gets the same 400, 413 or 431 problem. For tests and
/// fuzzing; a streamed body is collected whole.
response handle_bytes(const service& svc, std::string_view bytes, const limits& sizes = {});

}  // namespace qixian::serve
