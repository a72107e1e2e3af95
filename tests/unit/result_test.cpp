// Synopsis: qixian::result<T, E> — has_value, operator bool, value, error, *, ->, value_or;
//           result<void, E>; unexpected<E>.
#include "qixian/result.hpp"
#include "qixian/error.hpp"

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

using qixian::errc;
using qixian::result;

namespace {
result<int> half(int n) {
    if (n % 2 != 0) return qixian::unexpected(qixian::make_error(errc::invalid_request, "odd"));
    return n / 2;
}
result<void> check(bool ok) {
    if (!ok) return qixian::unexpected(qixian::make_error(errc::invalid_request, "no"));
    return {};
}
}  // namespace

TEST_CASE("result holds a value or an error, like std::expected") {
    auto a = half(10);
    CHECK(a.has_value());
    CHECK(static_cast<bool>(a));
    CHECK(*a == 5);
    CHECK(a.value() == 5);
    CHECK(a.value_or(-1) == 5);

    auto b = half(3);
    CHECK_FALSE(b.has_value());
    CHECK(b.error().code == errc::invalid_request);
    CHECK(b.error().message == "odd");
    CHECK(b.value_or(-1) == -1);

    result<std::string> s = std::string("text");
    CHECK(s->size() == 4);
}

TEST_CASE("result<void>") {
    CHECK(check(true).has_value());
    CHECK_FALSE(check(false).has_value());
    CHECK(check(false).error().message == "no");
}

TEST_CASE("error codes have stable names and distinct exit statuses") {
    for (int i = 1; i <= 17; ++i) {
        const auto c = static_cast<errc>(i);
        CAPTURE(i);
        CHECK(qixian::to_string(c) != "unknown_error");
        CHECK(qixian::exit_status(c) == 10 + i);
        for (int j = 1; j < i; ++j) CHECK(qixian::to_string(c) != qixian::to_string(static_cast<errc>(j)));
    }
    CHECK(qixian::to_string(errc::ambiguous_month_end) == "ambiguous_month_end");
    CHECK(qixian::to_string(errc::outside_calendar_coverage) == "outside_calendar_coverage");
}

static_assert(std::is_nothrow_move_constructible_v<result<int>>);
