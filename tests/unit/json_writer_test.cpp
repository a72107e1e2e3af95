// Synopsis: the CLI's streaming JSON writer (tools/qixian/json_writer.hpp) escapes every
//           string exactly as RFC 8259 asks and as the writer always did: '"', '\\' and
//           control characters escaped (\n \r \t by name, the rest as \u00XX), every
//           other byte, UTF-8 and DEL included, copied. The fast paths (16 bytes at a
//           time, a whole clean string copied at once) are checked against a byte-at-a-time
//           reference at every length and position around the block boundaries.
#include "json_writer.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

using qixian::cli::json_writer;

namespace {

// The escaping the writer has always done, one byte at a time.
std::string reference_quote(std::string_view s) {
    std::string o = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': o += "\\\""; break;
            case '\\': o += "\\\\"; break;
            case '\n': o += "\\n"; break;
            case '\r': o += "\\r"; break;
            case '\t': o += "\\t"; break;
            default:
                if (c < 0x20) {
                    static constexpr char hex[] = "0123456789abcdef";
                    o += "\\u00";
                    o += hex[c >> 4];
                    o += hex[c & 15];
                } else {
                    o += ch;
                }
        }
    }
    return o + "\"";
}

std::string written(std::string_view s) {
    std::string out;
    json_writer w(out);
    w.value(s);
    return w.finish();
}

}  // namespace

TEST_CASE("json_writer: each byte that needs an escape, at every position of strings of 0 to 70 bytes") {
    const char specials[] = {'"', '\\', '\n', '\r', '\t', '\x00', '\x01', '\x1f', '\x20', '\x7f', '\x80', '\xe4', '\xff'};
    for (std::size_t n = 0; n <= 70; ++n) {
        CHECK(written(std::string(n, 'x')) == reference_quote(std::string(n, 'x')));
        for (std::size_t at = 0; at < n; ++at)
            for (const char c : specials) {
                std::string s(n, 'a');
                s[at] = c;
                INFO("length " << n << ", byte " << static_cast<int>(static_cast<unsigned char>(c)) << " at " << at);
                REQUIRE(written(s) == reference_quote(s));
            }
    }
}

TEST_CASE("json_writer: random strings of escapes, UTF-8 and plain bytes read back as themselves") {
    std::mt19937 rnd(20261207);
    const std::string_view palette[] = {"a", "Z", " ", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "期", "限", "\xc2\xa0"};
    for (int k = 0; k < 3000; ++k) {
        std::string s;
        const auto parts = rnd() % 60;
        for (unsigned i = 0; i < parts; ++i) s += palette[rnd() % std::size(palette)];
        const std::string text = written(s);
        REQUIRE(text == reference_quote(s));
        REQUIRE(nlohmann::json::parse(text).get<std::string>() == s);
    }
}

TEST_CASE("json_writer: keys, several pieces, plain values and a long text growing the buffer") {
    std::string out = "prefix:";
    {
        json_writer w(out);
        const std::string long_text(5000, 'y');
        const std::string_view parts[] = {"a\"", "", "b\\c", "\x02"};
        w.begin_object()
            .field("k", long_text + "\"")
            .key(std::string_view("q\"k"))
            .value_concat(parts)
            .key("code")
            .plain("rest_day")
            .end_object();
    }
    CHECK(out == "prefix:{\"k\":\"" + std::string(5000, 'y') + "\\\"\",\"q\\\"k\":\"a\\\"b\\\\c\\u0002\",\"code\":\"rest_day\"}");
}

TEST_CASE("json_writer: a wall-clock time in place, and one outside the years 0001-9999 as to_string writes it") {
    using namespace std::chrono;
    const auto t = qixian::parse_local_time("2016-01-06T00:00:00");
    REQUIRE(t);
    const qixian::local_time times[] = {*t, *t + seconds(86399), qixian::local_time(seconds(-62135596801LL)),
                                        qixian::local_time(seconds(253402300800LL)), qixian::local_time(seconds(0))};
    for (const auto x : times) {
        std::string out;
        {
            json_writer w(out);
            w.value(x);
        }
        CHECK(out == "\"" + qixian::to_string(x) + "\"");
    }
}
