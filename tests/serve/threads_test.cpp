// Concurrency above the engine: `batch --jobs` (run_batch with threads), one service
// answering from many threads, and the Beast server under concurrent keep-alive clients.
// Every answer must equal the single-threaded one. Part of serve_tests, and of
// threads_tests in the ThreadSanitizer build of tools/check (README "Reliability").
#include <doctest/doctest.h>

#include "batch.hpp"
#include "server.hpp"
#include "service.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <mutex>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

using namespace qixian;

namespace {

const rule_pack& threads_pack() {
    static const rule_pack p = *rule_pack::load_embedded();
    return p;
}

// Request lines of every kind: answers, errors of each sort, a trace or none.
std::vector<std::string> mixed_lines(std::size_t n) {
    const char* shapes[] = {
        R"({"id":%,"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}})",
        R"({"id":%,"rule":"cn.appeal.judgment","events":{"served":"2024-09-20"},"trace":false})",
        R"({"id":%,"rule":"cn.appeal.judgment","events":{"served":"2024-09-20T21:30[America/New_York]"},"zone":"Europe/Paris"})",
        R"({"id":%,"rule":"cn.enforcement.application","events":{"effective":"2023-02-30"}})",
        R"({"id":%,"rule":"no.such.rule","events":{}})",
        R"({"id":%,"rule":)",
        R"({"id":%,"rule":"cn.civil.limitation","events":{"knew":"2021-03-01"},"tolling":[{"kind":"interruption","at":"2022-01-05"}]})",
    };
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < n; ++i) {
        std::string s = shapes[i % std::size(shapes)];
        s.replace(s.find('%'), 1, std::to_string(i));
        lines.push_back(std::move(s));
    }
    return lines;
}

std::string batch_of(const std::vector<std::string>& lines, unsigned jobs) {
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    std::istringstream in(text);
    std::ostringstream out;
    const auto stats = cli::run_batch(threads_pack(), in, out, true, jobs);
    CHECK(stats.lines == lines.size());
    return out.str();
}

serve::request post(std::string target, std::string body, std::string type = "application/json") {
    return {.method = "POST", .target = std::move(target), .content_type = std::move(type), .body = std::move(body)};
}

// The requests the service and the server answer concurrently (no ICS: it carries the time it was made).
std::vector<serve::request> service_requests() {
    std::vector<serve::request> rs;
    const auto lines = mixed_lines(14);
    for (const auto& l : lines) rs.push_back(post("/v1/deadline", l));
    std::string batch;
    for (const auto& l : lines) batch += l + "\n";
    rs.push_back(post("/v1/batch", batch, "application/x-ndjson"));
    rs.push_back(post("/v1/docket", R"({"events":{"received":"2025-03-03","served":"2025-03-10"},"rules":["cn.*"]})"));
    rs.push_back({.method = "GET", .target = "/v1/calendar?from=2025-09-28&to=2025-10-11"});
    rs.push_back({.method = "GET", .target = "/v1/rules/cn.enforcement.application"});
    rs.push_back({.method = "GET", .target = "/v1/nothing"});
    return rs;
}

std::string whole_body(serve::response r) {
    if (r.stream)
        while (r.stream(r.body)) {
        }
    return std::to_string(r.status) + " " + r.content_type + "\n" + r.body;
}

// A log the server writes from its threads while the test reads it.
class locked_log : public std::streambuf {
public:
    std::string text() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return text_;
    }

protected:
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) {
            std::lock_guard<std::mutex> lock(mutex_);
            text_ += static_cast<char>(c);
        }
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        std::lock_guard<std::mutex> lock(mutex_);
        text_.append(s, static_cast<std::size_t>(n));
        return n;
    }

private:
    mutable std::mutex mutex_;
    std::string text_;
};

// The port from "qixian serve: listening on http://127.0.0.1:PORT (…)", or 0 after 60 s.
unsigned short wait_for_port(const locked_log& log) {
    const std::string mark = "listening on http://127.0.0.1:";
    for (int i = 0; i < 600; ++i) {
        const std::string t = log.text();
        if (const auto at = t.find(mark); at != std::string::npos)
            return static_cast<unsigned short>(std::stoi(t.substr(at + mark.size())));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return 0;
}

// One keep-alive client: sends each request in turn and returns what came back.
std::vector<std::string> client(unsigned short port, const std::vector<serve::request>& rs, std::size_t first) {
    namespace http = boost::beast::http;
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket(ioc);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    boost::beast::flat_buffer buffer;
    std::vector<std::string> got(rs.size());
    for (std::size_t k = 0; k < rs.size(); ++k) {
        const std::size_t i = (first + k) % rs.size();
        http::request<http::string_body> req{http::string_to_verb(rs[i].method), rs[i].target, 11};
        req.set(http::field::host, "127.0.0.1");
        if (!rs[i].content_type.empty()) req.set(http::field::content_type, rs[i].content_type);
        req.body() = rs[i].body;
        req.prepare_payload();
        http::write(socket, req);
        http::response<http::string_body> res;
        http::read(socket, buffer, res);
        got[i] = std::to_string(res.result_int()) + " " + std::string(res[http::field::content_type]) + "\n" + res.body();
    }
    return got;
}

}  // namespace

TEST_CASE("batch --jobs: 2, 3 and 8 threads answer byte for byte as one") {
    const auto lines = mixed_lines(3000);
    const std::string one = batch_of(lines, 1);
    CHECK(batch_of(lines, 2) == one);
    CHECK(batch_of(lines, 3) == one);
    CHECK(batch_of(lines, 8) == one);
}

TEST_CASE("serve: one service answers from 6 threads at once as from one") {
    const serve::service svc(threads_pack());
    const auto rs = service_requests();
    std::vector<std::string> expected;
    for (const auto& r : rs) expected.push_back(whole_body(svc.handle(r)));
    std::atomic<int> mismatches{0}, answers{0};
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 6; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round)
                for (std::size_t k = 0; k < rs.size(); ++k) {
                    const std::size_t i = (t + k) % rs.size();
                    if (whole_body(svc.handle(rs[i])) != expected[i]) ++mismatches;
                    ++answers;
                }
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches.load() == 0);
    CHECK(answers.load() == static_cast<int>(6 * 3 * rs.size()));
}

TEST_CASE("serve: the server answers 6 concurrent keep-alive clients, then drains on SIGTERM") {
    const serve::service svc(threads_pack());
    const auto rs = service_requests();
    std::vector<std::string> expected;
    for (const auto& r : rs) expected.push_back(whole_body(svc.handle(r)));

    locked_log buf;
    std::ostream log(&buf);
    serve::server_options options;
    options.listen = "127.0.0.1:0";
    options.threads = 4;
    std::atomic<int> status{-1};
    std::thread server([&] { status = serve::run_server(svc, options, log); });
    const unsigned short port = wait_for_port(buf);
    REQUIRE(port != 0);

    std::atomic<int> mismatches{0}, answers{0};
    std::vector<std::thread> clients;
    for (std::size_t c = 0; c < 6; ++c)
        clients.emplace_back([&, c] {
            for (int round = 0; round < 2; ++round) {
                const auto got = client(port, rs, c);
                for (std::size_t i = 0; i < rs.size(); ++i) {
                    if (got[i] != expected[i]) ++mismatches;
                    ++answers;
                }
            }
        });
    for (auto& th : clients) th.join();
    std::raise(SIGTERM);  // the server's signal_set turns it into a drain
    server.join();
    CHECK(status.load() == 0);
    CHECK(mismatches.load() == 0);
    CHECK(answers.load() == static_cast<int>(6 * 2 * rs.size()));
    CHECK(buf.text().find("qixian serve: stopped") != std::string::npos);
}
