#include "qixian/period.hpp"

#include <charconv>
#include <ostream>
#include <string_view>

namespace qixian {

namespace {
// "2 years", appended without a temporary string (answers write a period on every line).
void append_unit(std::string& out, std::int32_t n, std::string_view one, std::string_view many) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    char digits[12];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
    out += ' ';
    out += (n == 1 || n == -1) ? one : many;
}
}  // namespace

std::string to_string(const period& p) {
    std::string out;
    append_unit(out, p.years, "year", "years");
    append_unit(out, p.months, "month", "months");
    append_unit(out, p.days, "day", "days");
    append_unit(out, p.hours, "hour", "hours");
    append_unit(out, p.working_days, "working day", "working days");
    if (out.empty()) out = "0 days";
    return out;
}

std::string to_string_zh(const period& p) {
    std::string out;
    if (p.years) out += std::to_string(p.years) + "年";
    if (p.months) out += std::to_string(p.months) + "个月";
    if (p.days) out += std::to_string(p.days) + "日";
    if (p.hours) out += std::to_string(p.hours) + "小时";
    if (p.working_days) out += std::to_string(p.working_days) + "个工作日";
    return out.empty() ? "0日" : out;
}

std::ostream& operator<<(std::ostream& os, const period& p) { return os << to_string(p); }

namespace {
error bad_duration(std::string_view text, std::size_t at, const std::string& why) {
    return make_error(errc::invalid_duration,
                      "'" + std::string(text) + "' is not an ISO 8601 duration (at position " + std::to_string(at + 1) +
                          ": " + why + "); e.g. P15D, P3M, P6Y, P1Y6M, P2W, PT48H",
                      std::string(text));
}
}  // namespace

result<period> parse_duration(std::string_view text) {
    if (text.empty() || text[0] != 'P') return unexpected(bad_duration(text, 0, "a duration begins with P"));
    static constexpr std::string_view date_units = "YMWD", time_units = "H";
    period p;
    bool in_time = false, any = false;
    std::size_t order = 0;  // the next unit allowed, within the part being read
    std::size_t i = 1;
    while (i < text.size()) {
        if (text[i] == 'T') {
            if (in_time) return unexpected(bad_duration(text, i, "T given twice"));
            in_time = true;
            order = 0;
            ++i;
            if (i == text.size()) return unexpected(bad_duration(text, i - 1, "T with no hours after it"));
            continue;
        }
        if (text[i] < '0' || text[i] > '9') return unexpected(bad_duration(text, i, "a number was expected"));
        std::int32_t n = 0;
        const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), n);
        const std::size_t digits = static_cast<std::size_t>(end - (text.data() + i));
        if (digits == 0) return unexpected(bad_duration(text, i, "a number was expected"));
        if (ec != std::errc{} || n > 100000) return unexpected(bad_duration(text, i, "the number is too large"));
        i += digits;
        if (i == text.size()) return unexpected(bad_duration(text, i - 1, "a number with no unit after it"));
        const char unit = text[i];
        if (unit == '.' || unit == ',') return unexpected(bad_duration(text, i, "fractions are not counted"));
        const std::string_view units = in_time ? time_units : date_units;
        const std::size_t pos = units.find(unit);
        if (pos == std::string_view::npos) {
            const std::string why = in_time && (unit == 'M' || unit == 'S')
                                        ? "minutes and seconds are not counted by any convention here"
                                        : std::string("'") + unit + "' is not a unit (Y, M, W, D; after T: H)";
            return unexpected(bad_duration(text, i, why));
        }
        if (pos < order) return unexpected(bad_duration(text, i, std::string("'") + unit + "' given twice or out of order"));
        order = pos + 1;
        switch (in_time ? 'H' : unit) {
            case 'Y': p.years = n; break;
            case 'M': p.months = n; break;
            case 'W': p.days += 7 * n; break;
            case 'D': p.days += n; break;
            default: p.hours = n; break;
        }
        any = true;
        ++i;
    }
    if (!any) return unexpected(bad_duration(text, text.size() - 1, "no length given"));
    if (p.is_zero()) return unexpected(bad_duration(text, 0, "a period of zero length"));
    if (p.hours != 0 && !p.is_hours_only())
        return unexpected(bad_duration(text, text.find('T'), "hours cannot be mixed with years, months or days: a "
                                                             "period is counted either in hours or in days"));
    return p;
}

}  // namespace qixian
