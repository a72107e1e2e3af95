#include "qixian/civil.hpp"

#include <array>
#include <cassert>
#include <charconv>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <ostream>

namespace qixian {

namespace {

constexpr std::array<const char*, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::int32_t serial_of(int y, unsigned m, unsigned d) noexcept {
    return static_cast<std::int32_t>(
        date::local_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count());
}

// Reads exactly `width` decimal digits at `pos`; -1 if they are not all digits.
int read_digits(std::string_view s, std::size_t pos, std::size_t width) noexcept {
    if (pos + width > s.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

civil_date civil_date::min() noexcept { return from_serial(serial_of(1, 1, 1)); }
civil_date civil_date::max() noexcept { return from_serial(serial_of(9999, 12, 31)); }

bool civil_date::in_range(std::int64_t serial) noexcept {
    return serial >= min().serial() && serial <= max().serial();
}

result<civil_date> civil_date::from_ymd(int year, unsigned month, unsigned day) {
    if (year < 1 || year > 9999)
        return unexpected(make_error(errc::out_of_range,
                                     "year " + std::to_string(year) + " is outside 0001-9999"));
    if (month < 1 || month > 12)
        return unexpected(make_error(errc::invalid_date,
                                     "month " + std::to_string(month) + " is not 01-12"));
    const auto last = date::year_month_day_last{date::year{year} / date::month{month} / date::last};
    const unsigned days_in_month = static_cast<unsigned>(last.day());
    if (day < 1 || day > days_in_month)
        return unexpected(make_error(
            errc::invalid_date, std::string(month_names[month - 1]) + ' ' + std::to_string(year) +
                                    " has no day " + std::to_string(day) + " (it has " +
                                    std::to_string(days_in_month) + " days)"));
    return from_serial(serial_of(year, month, day));
}

result<civil_date> civil_date::parse(std::string_view text) {
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
    const int y = shaped ? read_digits(text, 0, 4) : -1;
    const int m = shaped ? read_digits(text, 5, 2) : -1;
    const int d = shaped ? read_digits(text, 8, 2) : -1;
    if (y < 0 || m < 0 || d < 0)
        return unexpected(make_error(errc::invalid_date,
                                     quoted(text) + " is not a date of the form YYYY-MM-DD",
                                     std::string(text)));
    auto r = from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    if (!r) {
        error e = r.error();
        e.message = quoted(text) + ": " + e.message;
        e.subject = std::string(text);
        return unexpected(std::move(e));
    }
    return r;
}

int civil_date::year() const noexcept { return static_cast<int>(ymd().year()); }
unsigned civil_date::month() const noexcept { return static_cast<unsigned>(ymd().month()); }
unsigned civil_date::day() const noexcept { return static_cast<unsigned>(ymd().day()); }

unsigned civil_date::iso_weekday() const noexcept {
    return date::weekday{days_}.iso_encoding();
}

std::string_view civil_date::weekday_name() const noexcept {
    static constexpr std::array<std::string_view, 7> names = {"Mon", "Tue", "Wed", "Thu",
                                                              "Fri", "Sat", "Sun"};
    return names[iso_weekday() - 1];
}

namespace {
// "00" "01" … "99": two digits at a time.
constexpr auto digit_pairs = [] {
    std::array<char, 200> t{};
    for (int i = 0; i < 100; ++i) {
        t[static_cast<std::size_t>(2 * i)] = static_cast<char>('0' + i / 10);
        t[static_cast<std::size_t>(2 * i + 1)] = static_cast<char>('0' + i % 10);
    }
    return t;
}();

// Writes `value` (0..99) as two decimal digits.
void put_two(char* at, unsigned value) noexcept {
    assert(value < 100);
    std::memcpy(at, &digit_pairs[2 * (value % 100)], 2);  // never past the table, whatever the caller
}

// Writes `value` (0..9999) as four decimal digits.
void put_four(char* at, unsigned value) noexcept {
    put_two(at, value / 100);
    put_two(at + 2, value % 100);
}
}  // namespace

// Year, month and day of a serial day (days since 1970-01-01), by the Euclidean affine
// functions of C. Neri and L. Schneider, "Euclidean affine functions and their application
// to calendar algorithms" (Software: Practice and Experience, 2023): no divisions by
// variables and no branches but one, for the writers that format millions of dates. Agrees
// with date::year_month_day on every day 0001-01-01..9999-12-31 (tests/exhaustive).
namespace {
struct fields {
    std::uint32_t year, month, day;
};
fields fields_of(std::int32_t serial) noexcept {
    constexpr std::uint32_t s = 82;  // shifts the range so that every step is unsigned
    constexpr std::uint32_t K = 719468 + 146097 * s;
    constexpr std::uint32_t L = 400 * s;
    const std::uint32_t n = static_cast<std::uint32_t>(serial) + K;
    const std::uint32_t n1 = 4 * n + 3;
    const std::uint32_t century = n1 / 146097;
    const std::uint32_t n2 = 4 * (n1 % 146097 / 4) + 3;
    const std::uint64_t p2 = std::uint64_t{2939745} * n2;
    const std::uint32_t year_in_century = static_cast<std::uint32_t>(p2 >> 32);
    const std::uint32_t day_of_year = static_cast<std::uint32_t>(p2 & 0xFFFFFFFFu) / 2939745 / 4;
    const std::uint32_t n3 = 2141 * day_of_year + 197913;
    const std::uint32_t month = n3 >> 16;
    const std::uint32_t day = (n3 & 0xFFFFu) / 2141 + 1;
    const bool january_or_february = day_of_year >= 306;
    return {100 * century + year_in_century - L + january_or_february,
            january_or_february ? month - 12 : month, day};
}
}  // namespace

char* civil_date::to_chars(char* out) const noexcept {
    const fields f = fields_of(serial());
    put_four(out, f.year);
    out[4] = '-';
    put_two(out + 5, f.month);
    out[7] = '-';
    put_two(out + 8, f.day);
    return out + text_size;
}

std::string civil_date::to_string() const {
    char buf[text_size];
    return std::string(buf, to_chars(buf));
}

std::ostream& operator<<(std::ostream& os, civil_date d) { return os << d.to_string(); }

result<civil_date> checked_add_calendar_days(civil_date d, std::int64_t n) {
    const std::int64_t s = static_cast<std::int64_t>(d.serial()) + n;
    if (!civil_date::in_range(s))
        return unexpected(make_error(errc::out_of_range,
                                     d.to_string() + " + " + std::to_string(n) +
                                         " days is outside 0001-01-01..9999-12-31"));
    return civil_date::from_serial(static_cast<std::int32_t>(s));
}

civil_date last_day_of_month(civil_date d) noexcept {
    const auto ymd_ = d.ymd();
    const auto last = date::year_month_day{ymd_.year() / ymd_.month() / date::last};
    return civil_date::from_serial(
        static_cast<std::int32_t>(date::local_days{last}.time_since_epoch().count()));
}

result<local_time> parse_local_time(std::string_view text) {
    auto bad = [&](std::string why) {
        return unexpected(make_error(errc::invalid_time, quoted(text) + ": " + why,
                                     std::string(text)));
    };
    if (text.size() < 16 || text[10] != 'T')
        return bad("expected YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS");
    auto day = civil_date::parse(text.substr(0, 10));
    if (!day) {
        error e = day.error();
        // parse() quoted the date part; name the whole text instead.
        const std::string prefix = quoted(text.substr(0, 10)) + ": ";
        if (e.message.rfind(prefix, 0) == 0) e.message.erase(0, prefix.size());
        e.message = quoted(text) + ": " + e.message;
        e.subject = std::string(text);
        return unexpected(std::move(e));
    }
    const int hh = read_digits(text, 11, 2);
    const int mm = text[13] == ':' ? read_digits(text, 14, 2) : -1;
    int ss = 0;
    if (text.size() == 19 && text[16] == ':')
        ss = read_digits(text, 17, 2);
    else if (text.size() != 16)
        return bad("expected YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS");
    if (hh < 0 || mm < 0 || ss < 0) return bad("the time of day is not HH:MM[:SS]");
    if (hh > 23) return bad("hour " + std::to_string(hh) + " is not 00-23");
    if (mm > 59) return bad("minute " + std::to_string(mm) + " is not 00-59");
    if (ss > 59) return bad("second " + std::to_string(ss) + " is not 00-59");
    return start_of(*day) + std::chrono::hours{hh} + std::chrono::minutes{mm} +
           std::chrono::seconds{ss};
}

char* to_chars(char* out, local_time t) noexcept {
    const civil_date d = day_of(t);
    const auto secs = static_cast<unsigned>((t - start_of(d)).count());  // 0..86399
    out = d.to_chars(out);
    out[0] = 'T';
    put_two(out + 1, secs / 3600);
    out[3] = ':';
    put_two(out + 4, secs / 60 % 60);
    out[6] = ':';
    put_two(out + 7, secs % 60);
    return out + 9;
}

std::string to_string(local_time t) {
    // A time outside 0001-9999 (an instant written in UTC, far from the forum's day): the
    // fixed-width writer holds four digits, and date::format writes year -1 as "00-1".
    const auto days = date::floor<date::days>(t);
    if (!civil_date::in_range(days.time_since_epoch().count())) {
        const date::year_month_day ymd{days};
        const auto secs = (t - days).count();
        const int year = static_cast<int>(ymd.year());
        char buf[48];
        const int n = std::snprintf(buf, sizeof buf, "%s%04d-%02u-%02uT%02lld:%02lld:%02lld", year < 0 ? "-" : "",
                                    year < 0 ? -year : year, static_cast<unsigned>(ymd.month()),
                                    static_cast<unsigned>(ymd.day()), static_cast<long long>(secs / 3600),
                                    static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
        return std::string(buf, static_cast<std::size_t>(n));
    }
    char buf[local_time_text_size];
    return std::string(buf, to_chars(buf, t));
}

civil_date day_of(local_time t) noexcept {
    const auto days = date::floor<date::days>(t);
    return civil_date::from_serial(static_cast<std::int32_t>(days.time_since_epoch().count()));
}

local_time start_of(civil_date d) noexcept { return local_time{d.local_days()}; }

}  // namespace qixian
