// A small streaming JSON writer: compact output straight into a string, with the
// escaping RFC 8259 requires. Used for answers (qixian batch writes millions of them;
// building nlohmann::json values for each was most of its time).
#pragma once

#include <cstdint>
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
        std::size_t run = 0;  // start of the current run of bytes that need no escape
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;  // UTF-8 passes through unchanged
            out_.append(s.data() + run, i - run);
            run = i + 1;
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
        out_ += '"';
    }

    std::string& out_;
    bool first_ = true;
    bool after_key_ = false;
};

}  // namespace qixian::cli
