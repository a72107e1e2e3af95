#include "command.hpp"
#include "recheck.hpp"

#include "qixian/rule_pack.hpp"

#include <fstream>
#include <iostream>

namespace qixian::serve {

commands::commands(CLI::App& app) {
    serve_ = app.add_subcommand(
        "serve",
        "the engine over HTTP/JSON (POST /v1/deadline, /v1/batch, /v1/docket, /v1/recheck; GET /v1/rules, "
        "/v1/calendar, /v1/meta, /openapi.json, /healthz) and a web page at /; loopback by default: put nginx in "
        "front for TLS and authentication; SIGTERM or SIGINT drains and stops");
    serve_->add_option("--listen", options_.listen, "ADDRESS:PORT to listen on (default 127.0.0.1:8080; port 0: any free port)");
    serve_->add_option("--threads", options_.threads, "worker threads (default: one per core)");
    serve_->add_option("--rules", rules_, "use the rule pack in this directory instead of the built-in one");
    serve_->add_option("--timeout", timeout_seconds_,
                       "seconds a client has to send a whole request, header and body (default 10); also the "
                       "keep-alive idle time")
        ->check(CLI::Range(0.05, 3600.0));
    serve_->add_option("--drain", drain_seconds_, "seconds in-flight requests may finish after SIGTERM (default 10)")
        ->check(CLI::Range(0.0, 3600.0));
    serve_->add_option("--max-connections", options_.max_connections, "open connections at most; beyond: 503 (default 512)")
        ->check(CLI::Range(1, 1 << 20));
    serve_->add_option("--max-body", options_.sizes.body_bytes, "body bytes at most, but for batch and recheck (default 262144)");
    serve_->add_option("--max-batch-body", options_.sizes.batch_body_bytes,
                       "body bytes at most for /v1/batch and /v1/recheck (default 67108864)");
    serve_->add_option("--max-header", options_.sizes.header_bytes, "request line and header bytes at most (default 16384)");

    recheck_ = app.add_subcommand(
        "recheck",
        "stored answers → those whose answer changes under the loaded pack: each input line is "
        "{\"request\": {…}, \"answer\": {…}} (a batch request and the answer stored with its provenance); each output "
        "line names the old and new last day, what changed and the cause (rule_version, calendar, tzdata, rule_pack, "
        "engine); unchanged answers print nothing; exit 0 when every line was read");
    recheck_->add_option("file", recheck_file_, "stored answers, JSON Lines (default: standard input)");
}

std::optional<int> commands::run(const std::string& rules_dir) {
    if (!serve_->parsed() && !recheck_->parsed()) return std::nullopt;
    const std::string dir = rules_.empty() ? rules_dir : rules_;
    auto pack = dir.empty() ? rule_pack::load_embedded() : rule_pack::load_directory(dir);
    if (!pack) {
        for (const auto& d : pack.error()) std::cerr << format(d) << '\n';
        return 3;
    }
    if (recheck_->parsed()) {
        if (recheck_file_.empty() || recheck_file_ == "-") {
            cli::run_recheck(*pack, std::cin, std::cout);
        } else {
            std::ifstream in(recheck_file_);
            if (!in) {
                std::cerr << "qixian: error io_error: cannot read '" << recheck_file_ << "'\n";
                return exit_status(errc::io_error);
            }
            cli::run_recheck(*pack, in, std::cout);
        }
        return std::cout.good() ? 0 : exit_status(errc::io_error);
    }
    options_.request_timeout = std::chrono::milliseconds(static_cast<long long>(timeout_seconds_ * 1000));
    options_.drain = std::chrono::milliseconds(static_cast<long long>(drain_seconds_ * 1000));
    const service svc(*pack);
    return run_server(svc, options_, std::cerr);
}

}  // namespace qixian::serve
