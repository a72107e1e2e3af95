// A small streaming JSON writer: compact output straight into a string, with the
// escaping RFC 8259 requires. Used for answers (qixian batch writes millions of them;
// building nlohmann::json values for each was most of its time).
#pragma once

#include "qixian/civil.hpp"

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

namespace qixian::cli {

class json_writer {
public:
    explicit json_writer(std::string& out) : out_(out) {}

    json_writer& begin_object() { return open('{'); }
    json_writer& end_object() { return close('}'); }
    json_writer& begin_array() { return open('['); }
    json_writer& end_array() { return close(']'); }

    /// A key inside an object; the next call writes its value.
    json_writer& key(std::string_view k) {
        separate();
        quote(k);
        out_ += ':';
        after_key_ = true;
        return *this;
    }
    json_writer& value(std::string_view s) { separate(); quote(s); return *this; }
    json_writer& value(const char* s) { return value(std::string_view(s)); }
    /// A civil date as "YYYY-MM-DD", formatted in place.
    json_writer& value(civil_date d) {
        separate();
        char buf[civil_date::text_size + 2];
        buf[0] = '"';
        *d.to_chars(buf + 1) = '"';
        out_.append(buf, sizeof buf);
        return *this;
    }
    /// One string value made of several pieces, without building it first.
    json_writer& value_concat(std::initializer_list<std::string_view> parts) {
        separate();
        out_ += '"';
        for (const auto part : parts) escape(part);
        out_ += '"';
        return *this;
    }
    json_writer& value(bool b) { separate(); out_ += b ? "true" : "false"; return *this; }
    json_writer& value(std::int64_t n) { separate(); out_ += std::to_string(n); return *this; }
    json_writer& value(int n) { return value(static_cast<std::int64_t>(n)); }
    json_writer& null() { separate(); out_ += "null"; return *this; }
    /// A value that is already JSON text.
    json_writer& raw(std::string_view json) { separate(); out_ += json; return *this; }

    template <class T>
    json_writer& field(std::string_view k, const T& v) { key(k); return value(v); }

private:
    json_writer& open(char c) { separate(); out_ += c; first_ = true; return *this; }
    json_writer& close(char c) { out_ += c; first_ = false; return *this; }
    void separate() {
        if (after_key_) { after_key_ = false; return; }
        if (!first_) out_ += ',';
        first_ = false;
    }
    void quote(std::string_view s) {
        out_ += '"';
        escape(s);
        out_ += '"';
    }
    // True if any of the 8 bytes of `w` is a control character, '"' or '\\'
    // (word-at-a-time tests; bytes >= 0x80, i.e. UTF-8, never match).
    static bool needs_escape(std::uint64_t w) noexcept {
        constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
        const auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
        const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
        return (below_space | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'))) != 0;
    }
    void escape(std::string_view s) {
        std::size_t run = 0;  // start of the current run of bytes that need no escape
        std::size_t i = 0;
        while (i < s.size()) {
            if (s.size() - i >= 8) {
                std::uint64_t w;
                std::memcpy(&w, s.data() + i, 8);
                if (!needs_escape(w)) { i += 8; continue; }
            }
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') { ++i; continue; }  // UTF-8 passes through unchanged
            out_.append(s.data() + run, i - run);
            run = ++i;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    out_ += "\\u00";
                    out_ += hex[c >> 4];
                    out_ += hex[c & 15];
                }
            }
        }
        out_.append(s.data() + run, s.size() - run);
    }

    std::string& out_;
    bool first_ = true;
    bool after_key_ = false;
};

}  // namespace qixian::cli
