// qixian::serve without a socket: service::handle and handle_bytes (the server's parser and
// limits on raw bytes, as a fuzz target drives them), and the small HTTP helpers.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "api.hpp"
#include "http_util.hpp"
#include "server.hpp"
#include "service.hpp"

#include <nlohmann/json.hpp>

using namespace qixian;
using namespace qixian::serve;

namespace {

const rule_pack& pack() {
    static const rule_pack p = *rule_pack::load_embedded();
    return p;
}

std::string post(std::string_view path, std::string_view body, std::string_view extra = {}) {
    return "POST " + std::string(path) + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n" + std::string(extra) +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

}  // namespace

TEST_CASE("handle: POST /v1/deadline answers as batch does") {
    const service svc(pack());
    const auto r = svc.handle({.method = "POST", .target = "/v1/deadline",
                               .body = R"({"id":7,"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}})"});
    CHECK(r.status == 200);
    CHECK(r.content_type == "application/json");
    const auto j = nlohmann::json::parse(r.body);
    CHECK(j["id"] == 7);
    CHECK(j["last_day"] == "2025-06-30");
}

TEST_CASE("handle: problems name the code and the field") {
    const service svc(pack());
    struct row {
        std::string body;
        int status;
        std::string code, field;
    };
    for (const auto& c : {row{R"({"rule":"cn.enforcement.application","events":{)", 400, "invalid_request", ""},
                          row{R"({"rule":"cn.enforcement.application","evnts":{}})", 400, "invalid_request", "evnts"},
                          row{R"({"rule":"cn.enforcement.application","events":{"effective":"2023-02-30"}})", 422, "invalid_date",
                              "events.effective"},
                          row{R"({"rule":"cn.enforcement.application","events":{}})", 422, "missing_event", "events"},
                          row{R"({"rule":"cn.appeal.judgment","events":{"served":"2025-09-25"}})", 422, "missing_fact",
                              "facts.domicile"},
                          row{R"({"rule":"nope","events":{"effective":"2023-06-30"}})", 422, "unknown_rule", "rule"},
                          // the field a message starts with: quoted, dotted, or a bare word
                          row{R"({"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"act":5})", 400,
                              "invalid_request", "act"},
                          row{R"({"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"readings":{"x":1}})",
                              400, "invalid_request", "readings.x"},
                          row{R"({"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"local_times":3})",
                              400, "invalid_request", "local_times"},
                          row{R"({"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"provisional":1})",
                              400, "invalid_request", "provisional"}}) {
        CAPTURE(c.body);
        const auto r = svc.handle({.method = "POST", .target = "/v1/deadline", .body = c.body});
        CHECK(r.status == c.status);
        CHECK(r.content_type == "application/problem+json");
        const auto j = nlohmann::json::parse(r.body);
        CHECK(j["type"] == "urn:qixian:problem:" + c.code);
        CHECK(j["code"] == c.code);
        CHECK(j["status"] == c.status);
        CHECK(j.value("field", "") == c.field);
    }
}

TEST_CASE("handle: 404, 405 with Allow, and the page") {
    const service svc(pack());
    CHECK(svc.handle({.method = "GET", .target = "/v1/nothing"}).status == 404);
    const auto r = svc.handle({.method = "GET", .target = "/v1/batch"});
    CHECK(r.status == 405);
    REQUIRE(r.headers.size() == 1);
    CHECK(r.headers[0] == std::pair<std::string, std::string>{"Allow", "POST"});
    const auto page = svc.handle({.method = "GET", .target = "/?q=%3Cb%3E", .accept_language = "zh-CN,zh;q=0.9"});
    CHECK(page.status == 200);
    CHECK(page.body.find("<html lang=\"zh-CN\">") != std::string::npos);
    CHECK(page.body.find("&lt;b&gt;") != std::string::npos);
    CHECK(page.body.find("value=\"<b>") == std::string::npos);
}

TEST_CASE("handle: a batch streams one answer per line, in order") {
    const service svc(pack());
    std::string body;
    for (int i = 0; i < 2000; ++i)
        body += R"({"id":)" + std::to_string(i) + R"(,"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}})" "\n";
    body += "not json\n";
    auto r = svc.handle({.method = "POST", .target = "/v1/batch", .body = body});
    REQUIRE(r.stream);
    std::string all, piece;
    int pieces = 0;
    for (bool more = true; more; ++pieces) {
        piece.clear();
        more = r.stream(piece);
        all += piece;
    }
    CHECK(pieces > 1);  // more than one chunk
    CHECK(std::count(all.begin(), all.end(), '\n') == 2001);
    CHECK(all.find(R"({"id":null,"line":2001,"ok":false)") != std::string::npos);
}

TEST_CASE("handle_bytes: the server's limits on raw requests") {
    const service svc(pack());
    limits small;
    small.header_bytes = 512;
    small.body_bytes = 256;
    small.batch_body_bytes = 4096;
    const std::string ok = R"({"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}})";
    CHECK(handle_bytes(svc, post("/v1/deadline", ok), small).status == 200);
    CHECK(handle_bytes(svc, post("/v1/deadline", ok + std::string(300, ' ')), small).status == 413);
    CHECK(handle_bytes(svc, post("/v1/batch", ok + std::string(300, ' ')), small).status == 200);  // batch takes more
    CHECK(handle_bytes(svc, post("/v1/batch", std::string(5000, ' ')), small).status == 413);
    CHECK(handle_bytes(svc, post("/v1/deadline", ok, "X-Big: " + std::string(600, 'a') + "\r\n"), small).status == 431);
    CHECK(handle_bytes(svc, "GARBAGE\r\n\r\n", small).status == 400);
    CHECK(handle_bytes(svc, "POST /v1/deadline HTTP/1.1\r\nContent-Length: 10\r\n\r\n{", small).status == 400);  // cut short
    // Chunked bodies are held to the same limit.
    const std::string chunked = "POST /v1/deadline HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "12c\r\n" + std::string(300, ' ') + "\r\n0\r\n\r\n";
    CHECK(handle_bytes(svc, chunked, small).status == 413);
}

TEST_CASE("http helpers") {
    CHECK(percent_decode("a%20b+c%zz%4", true) == "a b c%zz%4");
    CHECK(percent_decode("a+b", false) == "a+b");
    CHECK(percent_encode("期 x/") == "%E6%9C%9F%20x%2F");
    const auto q = parse_query("a=1&b=%E6%9C%9F&a=2&&c");
    REQUIRE(q.size() == 4);
    CHECK(q[1].second == "期");
    CHECK(query_value(q, "a") == "1");
    CHECK(query_value(q, "c") == "");
    CHECK(!query_value(q, "d"));
    CHECK(accepts("application/json, text/calendar;q=0.5", "text/calendar"));
    CHECK(!accepts("text/calendar;q=0", "text/calendar"));
    CHECK(!accepts("*/*", "text/calendar"));
    CHECK(media_type(" Application/JSON ; charset=utf-8") == "application/json");
    CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(body_limit_for(limits{}, "/v1/batch?x=1") == limits{}.batch_body_bytes);
    CHECK(body_limit_for(limits{}, "/v1/deadline") == limits{}.body_bytes);
}
