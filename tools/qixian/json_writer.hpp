// A small streaming JSON writer: compact output appended to a string, with the
// escaping RFC 8259 requires. Used for answers (qixian batch writes millions of them;
// building nlohmann::json values for each was most of its time).
//
// While the writer is alive the string holds spare room past the text; `finish()` (or
// the destructor) trims it. Read the string only after that:
//
//     std::string text;
//     { json_writer w(text); w.begin_object().field("ok", true).end_object(); }
//     // text == R"({"ok":true})"
#pragma once

#include "qixian/civil.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

namespace qixian::cli {

class json_writer {
public:
    explicit json_writer(std::string& out) : out_(out), start_(out.size()), len_(start_) { out_.resize(len_ + 256); }
    ~json_writer() { finish(); }
    json_writer(const json_writer&) = delete;
    json_writer& operator=(const json_writer&) = delete;

    /// Trims the string to the text written; the writer may go on writing after it.
    std::string& finish() {
        out_.resize(len_);
        return out_;
    }

    json_writer& begin_object() { return open('{'); }
    json_writer& end_object() { return close('}'); }
    json_writer& begin_array() { return open('['); }
    json_writer& end_array() { return close(']'); }

    /// A key inside an object; the next call writes its value.
    json_writer& key(std::string_view k) {
        separate();
        quote(k);
        put(':');
        after_key_ = true;
        return *this;
    }
    /// A key written in the code (a literal: nothing in it to escape), copied as it is.
    template <std::size_t N>
    json_writer& key(const char (&k)[N]) {
        separate();
        char* at = room(N + 2);
        at[0] = '"';
        std::memcpy(at + 1, k, N - 1);
        at[N] = '"';
        at[N + 1] = ':';
        len_ += N + 2;
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
        put_text({buf, sizeof buf});
        return *this;
    }
    /// One string value made of several pieces, without building it first.
    json_writer& value_concat(std::span<const std::string_view> parts) {
        separate();
        put('"');
        for (const auto part : parts) escape(part);
        put('"');
        return *this;
    }
    json_writer& value(bool b) { separate(); put_text(b ? "true" : "false"); return *this; }
    json_writer& value(std::int64_t n) {
        separate();
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, n);
        put_text({buf, static_cast<std::size_t>(r.ptr - buf)});
        return *this;
    }
    json_writer& value(int n) { return value(static_cast<std::int64_t>(n)); }
    json_writer& null() { separate(); put_text("null"); return *this; }
    /// A value that is already JSON text.
    json_writer& raw(std::string_view json) { separate(); put_text(json); return *this; }

    template <class T>
    json_writer& field(std::string_view k, const T& v) { key(k); return value(v); }
    template <std::size_t N, class T>
    json_writer& field(const char (&k)[N], const T& v) { key(k); return value(v); }

private:
    // The text lives in out_[0, len_); out_ is kept longer than that as room to write.
    char* room(std::size_t n) {
        if (len_ + n > out_.size()) [[unlikely]] grow(n);
        return out_.data() + len_;
    }
    // Room grows by what this writer has written so far (at least 256 bytes, at least
    // `n`), so the bytes zeroed by resize stay in proportion to the text.
    [[gnu::noinline]] void grow(std::size_t n) {
        out_.resize(len_ + std::max({n, len_ - start_, std::size_t{256}}));
    }
    void put(char c) {
        *room(1) = c;
        ++len_;
    }
    void put_text(std::string_view s) {
        std::memcpy(room(s.size()), s.data(), s.size());
        len_ += s.size();
    }
    json_writer& open(char c) { separate(); put(c); first_ = true; return *this; }
    json_writer& close(char c) { put(c); first_ = false; return *this; }
    void separate() {
        if (after_key_) { after_key_ = false; return; }
        if (!first_) put(',');
        first_ = false;
    }
    void quote(std::string_view s) {
        put('"');
        escape(s);
        put('"');
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
            put_text(s.substr(run, i - run));
            run = ++i;
            switch (c) {
                case '"': put_text("\\\""); break;
                case '\\': put_text("\\\\"); break;
                case '\n': put_text("\\n"); break;
                case '\r': put_text("\\r"); break;
                case '\t': put_text("\\t"); break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    put_text({esc, sizeof esc});
                }
            }
        }
        put_text(s.substr(run));
    }

    std::string& out_;
    std::size_t start_;  // where this writer's text begins
    std::size_t len_;
    bool first_ = true;
    bool after_key_ = false;
};

}  // namespace qixian::cli
