#include "server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <ostream>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

namespace qixian::serve {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using clock_type = std::chrono::steady_clock;

namespace {

using parser_type = http::request_parser<http::string_body>;

// What the service reads of a parsed request.
request to_request(http::request<http::string_body>& m) {
    request r;
    r.method = std::string(m.method_string());
    r.target = std::string(m.target());
    r.content_type = std::string(m[http::field::content_type]);
    r.accept = std::string(m[http::field::accept]);
    r.accept_language = std::string(m[http::field::accept_language]);
    r.body = std::move(m.body());
    return r;
}

// The answer to a request the parser refused.
response refused(const beast::error_code& ec) {
    if (ec == http::error::header_limit)
        return problem(431, "header_too_large", "the request line and headers are larger than the server accepts");
    if (ec == http::error::body_limit) return problem(413, "body_too_large", "the body is larger than the server accepts here");
    return problem(400, "bad_http", "the request is not valid HTTP/1.1: " + ec.message());
}

class session;

// Everything the server's threads share.
struct shared_state {
    const service& svc;
    const server_options& options;
    std::ostream& log;
    std::mutex log_mutex;
    std::atomic<std::size_t> connections{0};
    std::atomic<bool> draining{false};
    std::mutex sessions_mutex;
    std::set<std::shared_ptr<session>> sessions;  // guarded by sessions_mutex
    std::condition_variable all_closed;

    void write_log(std::string_view method, std::string_view path, int status, long long micros) {
        std::string line = "qixian serve: ";
        line.append(method).append(" ").append(path).append(" ").append(std::to_string(status)).append(" ");
        line.append(std::to_string(micros)).append("us\n");
        std::lock_guard<std::mutex> lock(log_mutex);
        log << line << std::flush;
    }
};

// One connection: read a request (header, then body, under one deadline), answer it,
// and read the next while the client keeps the connection alive.
class session : public std::enable_shared_from_this<session> {
public:
    session(tcp::socket&& socket, shared_state& st, bool over_cap)
        : stream_(std::move(socket)), st_(st), over_cap_(over_cap) {}

    void start() {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
            if (self->over_cap_) {
                self->answer(problem(503, "too_many_connections", "the server has too many open connections; retry later"),
                             "-", "-", false);
                return;
            }
            self->read_header();
        });
    }

    // On SIGTERM: a connection waiting for a request that has not begun is closed now.
    void stop_if_idle() {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            if (!self->busy_ && self->buffer_.size() == 0) self->close();
        });
    }

private:
    void read_header() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(st_.options.sizes.header_bytes));
        // Beast checks Content-Length against the limit as the header ends; the limit for
        // this path is set (and checked) once the header says which path it is.
        parser_->body_limit(std::max(st_.options.sizes.body_bytes, st_.options.sizes.batch_body_bytes));
        stream_.expires_after(st_.options.request_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(beast::error_code ec) {
        if (ec) return on_failure(ec);
        busy_ = true;
        started_ = clock_type::now();
        const auto& m = parser_->get();
        const std::size_t limit = body_limit_for(st_.options.sizes, std::string_view(m.target().data(), m.target().size()));
        parser_->body_limit(limit);
        if (const auto length = parser_->content_length(); length && *length > limit)
            return on_failure(http::error::body_limit);
        http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_read(e); });
    }

    void on_failure(beast::error_code ec) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
            ec == net::error::connection_reset || ec == net::error::eof || ec == net::error::bad_descriptor) {
            if (ec == beast::error::timeout && busy_) st_.write_log(method_of(), path_of(), 408, micros());
            return close();
        }
        if (!busy_) started_ = clock_type::now();
        answer(refused(ec), method_of(), path_of(), false);
    }

    void on_read(beast::error_code ec) {
        if (ec) return on_failure(ec);
        auto& m = parser_->get();
        const bool keep = m.keep_alive() && !st_.draining.load();
        const std::string method = method_of(), path = path_of();
        request req = to_request(m);
        response resp;
        try {
            resp = st_.svc.handle(req);
        } catch (const std::exception& e) {
            resp = problem(500, "internal_error", "the server failed to answer this request");
        }
        answer(std::move(resp), method, path, keep);
    }

    std::string method_of() const {
        if (!parser_ || !parser_->is_header_done()) return "-";
        return std::string(parser_->get().method_string());
    }
    std::string path_of() const {
        if (!parser_ || !parser_->is_header_done()) return "-";
        const auto t = parser_->get().target();
        const std::string_view target(t.data(), t.size());
        return std::string(target.substr(0, target.find('?')));
    }
    long long micros() const {
        return std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - started_).count();
    }

    template <class Message>
    void set_headers(Message& m, const response& resp, bool keep) {
        m.version(11);
        m.set(http::field::server, "qixian");
        if (!resp.content_type.empty()) m.set(http::field::content_type, resp.content_type);
        for (const auto& [k, v] : resp.headers) m.set(k, v);
        m.keep_alive(keep);
    }

    void answer(response resp, std::string method, std::string path, bool keep) {
        method_ = std::move(method);
        path_ = std::move(path);
        status_ = resp.status;
        keep_ = keep;
        stream_.expires_after(st_.options.request_timeout);
        if (resp.stream) return answer_streamed(std::move(resp));
        auto m = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(resp.status), 11);
        set_headers(*m, resp, keep);
        m->body() = std::move(resp.body);
        m->prepare_payload();
        http::async_write(stream_, *m, [self = shared_from_this(), m](beast::error_code ec, std::size_t) { self->on_written(ec); });
    }

    // A streamed body: chunked transfer coding, one chunk per piece the service makes.
    void answer_streamed(response resp) {
        next_ = std::move(resp.stream);
        auto m = std::make_shared<http::response<http::empty_body>>(static_cast<http::status>(resp.status), 11);
        set_headers(*m, resp, keep_);
        m->chunked(true);
        auto sr = std::make_shared<http::response_serializer<http::empty_body>>(*m);
        http::async_write_header(stream_, *sr, [self = shared_from_this(), m, sr](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            self->write_chunk();
        });
    }

    void write_chunk() {
        piece_.clear();
        bool more = true;
        try {
            while (piece_.empty() && more) more = next_(piece_);
        } catch (const std::exception&) {
            return close();  // the status is sent: the broken stream is all a client can be told
        }
        stream_.expires_after(st_.options.request_timeout);
        if (piece_.empty()) {
            return net::async_write(stream_, http::make_chunk_last(),
                                    [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_written(ec); });
        }
        if (!more) next_ = [](std::string&) { return false; };
        net::async_write(stream_, http::make_chunk(net::buffer(piece_)),
                         [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) return self->close();
                             self->write_chunk();
                         });
    }

    void on_written(beast::error_code ec) {
        st_.write_log(method_, path_, status_, micros());
        busy_ = false;
        next_ = nullptr;
        if (ec || !keep_ || st_.draining.load()) return close();
        read_header();
    }

    void close() {
        if (closed_) return;
        closed_ = true;
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
        std::lock_guard<std::mutex> lock(st_.sessions_mutex);
        st_.sessions.erase(shared_from_this());
        --st_.connections;
        if (st_.sessions.empty()) st_.all_closed.notify_all();
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    shared_state& st_;
    bool over_cap_;
    std::optional<parser_type> parser_;
    bool busy_ = false, keep_ = false, closed_ = false;
    clock_type::time_point started_ = clock_type::now();
    std::string method_, path_, piece_;
    int status_ = 0;
    std::function<bool(std::string&)> next_;
};

class listener : public std::enable_shared_from_this<listener> {
public:
    listener(net::io_context& ioc, tcp::acceptor&& acceptor, shared_state& st)
        : ioc_(ioc), acceptor_(std::move(acceptor)), st_(st) {}

    void accept() {
        acceptor_.async_accept(net::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
            if (ec) return;  // closed on SIGTERM
            const bool over = self->st_.connections.fetch_add(1) >= self->st_.options.max_connections;
            auto sess = std::make_shared<session>(std::move(s), self->st_, over);
            {
                std::lock_guard<std::mutex> lock(self->st_.sessions_mutex);
                self->st_.sessions.insert(sess);
            }
            sess->start();
            self->accept();
        });
    }

    void stop() {
        net::post(acceptor_.get_executor(), [self = shared_from_this()] {
            beast::error_code ignored;
            self->acceptor_.close(ignored);
        });
    }

private:
    net::io_context& ioc_;
    tcp::acceptor acceptor_;
    shared_state& st_;
};

// "127.0.0.1:8080", "[::1]:8080", ":8080" (loopback)
bool parse_listen(const std::string& listen, std::string& host, unsigned short& port) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) return false;
    host = listen.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) host = "127.0.0.1";
    const std::string p = listen.substr(colon + 1);
    if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return false;
    const unsigned long n = std::stoul(p);
    if (n > 65535) return false;
    port = static_cast<unsigned short>(n);
    return true;
}

}  // namespace

int run_server(const service& svc, const server_options& options, std::ostream& log) {
    std::string host;
    unsigned short port = 0;
    if (!parse_listen(options.listen, host, port)) {
        log << "qixian serve: --listen '" << options.listen << "' is not ADDRESS:PORT\n";
        return 2;
    }
    beast::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (ec) {
        log << "qixian serve: '" << host << "' is not an IP address\n";
        return 2;
    }
    const unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    net::io_context ioc(static_cast<int>(threads));
    tcp::acceptor acceptor(net::make_strand(ioc));
    const tcp::endpoint wanted(address, port);
    acceptor.open(wanted.protocol(), ec);
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(wanted, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        log << "qixian serve: cannot listen on " << options.listen << ": " << ec.message() << "\n";
        return 1;
    }
    const auto bound = acceptor.local_endpoint();
    shared_state st{svc, options, log};
    auto l = std::make_shared<listener>(ioc, std::move(acceptor), st);
    l->accept();
    {
        std::ostringstream where;
        where << (bound.address().is_v6() ? "[" : "") << bound.address().to_string() << (bound.address().is_v6() ? "]" : "")
              << ":" << bound.port();
        log << "qixian serve: listening on http://" << where.str() << " (" << threads << " threads)" << std::endl;
    }

    std::mutex done_mutex;
    std::condition_variable done;
    bool finished = false;
    std::thread watchdog;
    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](beast::error_code e, int) {
        if (e) return;
        st.draining = true;
        l->stop();
        std::vector<std::shared_ptr<session>> open;
        {
            std::lock_guard<std::mutex> lock(st.sessions_mutex);
            open.assign(st.sessions.begin(), st.sessions.end());
        }
        {
            std::lock_guard<std::mutex> lock(st.log_mutex);
            log << "qixian serve: stopping: no new connections; " << open.size() << " open, in-flight requests finish"
                << std::endl;
        }
        for (auto& s : open) s->stop_if_idle();
        // Requests still in flight after `drain` are cut off.
        watchdog = std::thread([&] {
            std::unique_lock<std::mutex> lock(done_mutex);
            if (!done.wait_for(lock, options.drain, [&] { return finished; })) ioc.stop();
        });
    });
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&] { ioc.run(); });
    ioc.run();
    for (auto& t : pool) t.join();
    {
        std::lock_guard<std::mutex> lock(done_mutex);
        finished = true;
    }
    done.notify_all();
    if (watchdog.joinable()) watchdog.join();
    {
        std::lock_guard<std::mutex> lock(st.sessions_mutex);
        st.sessions.clear();
    }
    log << "qixian serve: stopped" << std::endl;
    return 0;
}

response handle_bytes(const service& svc, std::string_view bytes, const limits& sizes) {
    parser_type parser;
    parser.header_limit(static_cast<std::uint32_t>(sizes.header_bytes));
    parser.body_limit(std::max(sizes.body_bytes, sizes.batch_body_bytes));
    parser.eager(false);  // the header first: the body limit depends on the path, as in the server
    beast::error_code ec;
    std::size_t used = 0;
    bool limited = false;
    while (!ec && used < bytes.size() && !parser.is_done()) {
        const std::size_t n = parser.put(net::buffer(bytes.data() + used, bytes.size() - used), ec);
        if (ec == http::error::need_more) {
            ec = {};
            if (n == 0) break;
        }
        used += n;
        if (parser.is_header_done() && !ec && !limited) {
            limited = true;
            const auto t = parser.get().target();
            const std::size_t limit = body_limit_for(sizes, std::string_view(t.data(), t.size()));
            parser.body_limit(limit);
            parser.eager(true);
            if (const auto length = parser.content_length(); length && *length > limit) ec = http::error::body_limit;
        }
    }
    if (!ec && !parser.is_done()) parser.put_eof(ec);
    if (ec) return refused(ec);
    request req = to_request(parser.get());
    response resp = svc.handle(req);
    if (resp.stream) {
        while (resp.stream(resp.body)) {
        }
        resp.stream = nullptr;
    }
    return resp;
}

}  // namespace qixian::serve
