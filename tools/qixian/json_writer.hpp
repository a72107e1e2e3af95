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
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    /// A wall-clock time as "YYYY-MM-DDTHH:MM:SS" (a year outside 0001-9999 as it is),
    /// formatted in place.
    json_writer& value(local_time t) {
        if (!civil_date::in_range(date::floor<date::days>(t).time_since_epoch().count())) [[unlikely]]
            return value(std::string_view(to_string(t)));
        separate();
        char buf[local_time_text_size + 2];
        buf[0] = '"';
        *to_chars(buf + 1, t) = '"';
        put_text({buf, sizeof buf});
        return *this;
    }
    /// A string value known to need no escape (an enum's spelling, an id of the code's
    /// own vocabulary): copied as it is, without looking for characters to escape.
    json_writer& plain(std::string_view s) {
        assert(clean_prefix(s) == s.size());
        separate();
        char* at = room(s.size() + 2);
        at[0] = '"';
        std::memcpy(at + 1, s.data(), s.size());
        at[s.size() + 1] = '"';
        len_ += s.size() + 2;
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
    // How many bytes at the start of `s` need no escape: a control character, '"' and '\\'
    // do; every other byte, UTF-8 included, is copied as it is. Sixteen bytes at a time
    // (SSE2, every x86-64) or eight (a word, elsewhere), the rest from a table.
    static std::size_t clean_prefix(std::string_view s) noexcept {
        const char* p = s.data();
        const std::size_t n = s.size();
        std::size_t i = 0;
#if defined(__SSE2__)
        if (n >= 16) {
            const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1f);
            const auto dirty = [&](std::size_t at) {  // a bit for each of the 16 bytes at `at` that needs an escape
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
                const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                                 _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));  // v <= 0x1f
                return static_cast<unsigned>(_mm_movemask_epi8(hit));
            };
            for (; i + 16 <= n; i += 16)
                if (const unsigned m = dirty(i)) return i + static_cast<unsigned>(__builtin_ctz(m));
            if (i == n) return n;
            // The last bytes: the final 16, overlapping those already found clean.
            const unsigned m = dirty(n - 16);
            return m ? n - 16 + static_cast<unsigned>(__builtin_ctz(m)) : n;
        }
#else
        constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
        const auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
            if ((below_space | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'))) != 0) break;
        }
#endif
        for (; i < n; ++i)
            if (needs_escape[static_cast<unsigned char>(p[i])]) return i;
        return n;
    }
    static constexpr auto needs_escape = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
        t['"'] = t['\\'] = true;
        return t;
    }();
    // `s` between quotes: copied whole when nothing in it needs an escape (nearly always).
    void quote(std::string_view s) {
        const std::size_t clean = clean_prefix(s);
        if (clean == s.size()) [[likely]] {
            char* at = room(s.size() + 2);
            at[0] = '"';
            std::memcpy(at + 1, s.data(), s.size());
            at[s.size() + 1] = '"';
            len_ += s.size() + 2;
            return;
        }
        put('"');
        escape_from(s, clean);
        put('"');
    }
    void escape(std::string_view s) { escape_from(s, clean_prefix(s)); }
    // Writes `s` escaped, its first `clean` bytes known to need no escape.
    void escape_from(std::string_view s, std::size_t clean) {
        while (clean < s.size()) {
            put_text(s.substr(0, clean));
            put_escaped(static_cast<unsigned char>(s[clean]));
            s.remove_prefix(clean + 1);
            clean = clean_prefix(s);
        }
        put_text(s);
    }
    void put_escaped(unsigned char c) {
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

    std::string& out_;
    std::size_t start_;  // where this writer's text begins
    std::size_t len_;
    bool first_ = true;
    bool after_key_ = false;
};

}  // namespace qixian::cli
