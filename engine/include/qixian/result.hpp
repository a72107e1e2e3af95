// qixian/result.hpp — a value or the reason there is none.
//
// `result<T, E>` is shaped like C++23 `std::expected<T, E>`: `has_value()`,
// `operator bool`, `value()`, `error()`, `operator*`, `operator->`, `value_or()`.
// qixian uses no exceptions across its public API: every operation that can fail
// returns a `result`, and the error is an ordinary value the caller inspects.
// When the project moves to C++23 this header becomes an alias of std::expected.
//
// Calling `value()` or `operator*` on a result that holds an error is a
// programming error (as it is undefined for std::expected's operator*); qixian
// checks it and terminates instead of throwing.
//
// Example:
//
//   qixian::result<qixian::civil_date> d = qixian::civil_date::parse("2023-02-29");
//   if (!d) std::cerr << d.error().message << '\n';   // "2023-02-29: no such day ..."
//   else    use(*d);
#pragma once

#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <utility>
#include <variant>

namespace qixian {

struct error;  // qixian/error.hpp

/// Wraps an error value so that it can be returned from a function returning result<T, E>.
template <class E>
class unexpected {
public:
    constexpr explicit unexpected(E e) : error_(std::move(e)) {}
    constexpr const E& error() const& noexcept { return error_; }
    constexpr E& error() & noexcept { return error_; }
    constexpr E&& error() && noexcept { return std::move(error_); }

private:
    E error_;
};

template <class E>
unexpected(E) -> unexpected<E>;

namespace detail {
[[noreturn]] inline void bad_result_access(const char* what) noexcept {
    std::fputs(what, stderr);
    std::fputc('\n', stderr);
    std::abort();
}
}  // namespace detail

/// A T, or an E saying why there is no T.
template <class T, class E = error>
class [[nodiscard]] result {
public:
    using value_type = T;
    using error_type = E;

    template <class U = T>
        requires std::is_constructible_v<T, U&&> &&
                 (!std::is_same_v<std::remove_cvref_t<U>, result>) &&
                 (!std::is_same_v<std::remove_cvref_t<U>, unexpected<E>>)
    constexpr result(U&& v) : state_(std::in_place_index<0>, std::forward<U>(v)) {}

    template <class G>
        requires std::is_constructible_v<E, const G&>
    constexpr result(const unexpected<G>& u) : state_(std::in_place_index<1>, u.error()) {}

    template <class G>
        requires std::is_constructible_v<E, G&&>
    constexpr result(unexpected<G>&& u) : state_(std::in_place_index<1>, std::move(u).error()) {}

    constexpr bool has_value() const noexcept { return state_.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    constexpr const T& value() const& {
        if (!has_value()) detail::bad_result_access("qixian::result::value() called on an error");
        return *std::get_if<0>(&state_);
    }
    constexpr T& value() & {
        if (!has_value()) detail::bad_result_access("qixian::result::value() called on an error");
        return *std::get_if<0>(&state_);
    }
    constexpr T&& value() && {
        if (!has_value()) detail::bad_result_access("qixian::result::value() called on an error");
        return std::move(*std::get_if<0>(&state_));
    }

    constexpr const E& error() const& {
        if (has_value()) detail::bad_result_access("qixian::result::error() called on a value");
        return *std::get_if<1>(&state_);
    }
    constexpr E&& error() && {
        if (has_value()) detail::bad_result_access("qixian::result::error() called on a value");
        return std::move(*std::get_if<1>(&state_));
    }

    constexpr const T& operator*() const& { return value(); }
    constexpr T& operator*() & { return value(); }
    constexpr const T* operator->() const { return &value(); }
    constexpr T* operator->() { return &value(); }

    template <class U>
    constexpr T value_or(U&& fallback) const& {
        return has_value() ? *std::get_if<0>(&state_) : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, E> state_;
};

/// Success with nothing to return, or an E.
template <class E>
class [[nodiscard]] result<void, E> {
public:
    using value_type = void;
    using error_type = E;

    constexpr result() noexcept = default;

    template <class G>
        requires std::is_constructible_v<E, const G&>
    constexpr result(const unexpected<G>& u) : error_(u.error()), failed_(true) {}

    template <class G>
        requires std::is_constructible_v<E, G&&>
    constexpr result(unexpected<G>&& u) : error_(std::move(u).error()), failed_(true) {}

    constexpr bool has_value() const noexcept { return !failed_; }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    constexpr void value() const {
        if (failed_) detail::bad_result_access("qixian::result<void>::value() called on an error");
    }
    constexpr const E& error() const& {
        if (!failed_) detail::bad_result_access("qixian::result<void>::error() called on a value");
        return error_;
    }

private:
    E error_{};
    bool failed_ = false;
};

}  // namespace qixian
