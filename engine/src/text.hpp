// Building a line of text with one allocation: `cat({"act on ", day, ": ", status})`
// sizes the result once and copies each piece into it, where `a + b + c` allocates
// and copies again for every `+`. A piece is text (viewed, not copied), a civil date
// or a wall-clock time (written in place), or an integer. The trace of every answer is
// built this way, so that explaining a deadline costs little more than computing it.
#pragma once

#include "qixian/civil.hpp"

#include <charconv>
#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace qixian::detail {

class piece {
public:
    piece(std::string_view text) noexcept : view_(text) {}  // NOLINT: implicit by design
    piece(const std::string& text) noexcept : view_(text) {}  // NOLINT
    piece(const char* text) noexcept : view_(text) {}  // NOLINT
    piece(civil_date d) noexcept : own_(static_cast<std::size_t>(d.to_chars(buf_) - buf_)) {}  // NOLINT
    piece(local_time t) noexcept : own_(static_cast<std::size_t>(to_chars(buf_, t) - buf_)) {}  // NOLINT
    template <std::integral I>
        requires(!std::same_as<I, bool> && !std::same_as<I, char>)
    piece(I n) noexcept  // NOLINT
        : own_(static_cast<std::size_t>(std::to_chars(buf_, buf_ + sizeof buf_, n).ptr - buf_)) {}

    std::string_view view() const noexcept { return own_ != 0 ? std::string_view(buf_, own_) : view_; }

private:
    std::string_view view_;
    std::size_t own_ = 0;
    char buf_[24];
};

/// Appends every piece to `out`, growing it once.
inline std::string& append(std::string& out, std::initializer_list<piece> pieces) {
    std::size_t n = out.size();
    for (const auto& p : pieces) n += p.view().size();
    out.reserve(n);
    for (const auto& p : pieces) out.append(p.view());
    return out;
}

/// The pieces, joined.
inline std::string cat(std::initializer_list<piece> pieces) {
    std::string out;
    append(out, pieces);
    return out;
}

}  // namespace qixian::detail
