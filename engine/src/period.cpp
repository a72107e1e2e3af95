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

}  // namespace qixian
