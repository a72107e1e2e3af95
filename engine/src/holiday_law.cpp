#include "qixian/holiday_law.hpp"

#include <algorithm>

namespace qixian {

const lunar_year* lunar_table::find(int year) const noexcept {
    if (years.empty() || year < years.front().year || year > years.back().year) return nullptr;
    const auto& y = years[static_cast<std::size_t>(year - years.front().year)];
    return y.year == year ? &y : nullptr;
}

std::optional<civil_date> lunar_table::day(int year, int month, int d) const noexcept {
    const lunar_year* y = find(year);
    if (y == nullptr || month < 1 || d < 1 || d > 30) return std::nullopt;
    // Months after the leap month sit one place further on.
    const std::size_t i = static_cast<std::size_t>(month - 1 + (y->leap_month != 0 && month > y->leap_month ? 1 : 0));
    if (i >= y->months.size()) return std::nullopt;
    const civil_date next = i + 1 < y->months.size() ? y->months[i + 1] : y->next_year;
    const civil_date result = add_calendar_days(y->months[i], d - 1);
    if (result >= next) return std::nullopt;  // day 30 of a 29-day month
    return result;
}

const holiday_law_version* holiday_law::version_for(int year, std::optional<civil_date> known_on) const noexcept {
    const auto jan1 = civil_date::from_ymd(year, 1, 1);
    if (!jan1) return nullptr;
    const holiday_law_version* found = nullptr;
    for (const auto& v : versions)
        if (v.valid_from <= *jan1 && (!known_on || v.published <= *known_on)) found = &v;
    return found;
}

result<std::vector<statutory_day>> holiday_law::statutory_days(int year, std::optional<civil_date> known_on) const {
    std::vector<statutory_day> out;
    const holiday_law_version* v = version_for(year, known_on);
    if (v == nullptr) return out;
    const lunar_year* ly = lunar.find(year);
    for (const auto& f : v->festivals) {
        int index = 0;
        for (const auto& rule : f.days) {
            std::optional<civil_date> d;
            if (rule.what == day_rule::kind::fixed) {
                auto x = civil_date::from_ymd(year, static_cast<unsigned>(rule.month), static_cast<unsigned>(rule.day));
                if (x) d = *x;
            } else if (ly == nullptr) {
                return unexpected(make_error(errc::out_of_range,
                                             "the lunar table '" + lunar.id + "' does not cover " + std::to_string(year) +
                                                 " (it runs " + std::to_string(lunar.years.empty() ? 0 : lunar.years.front().year) +
                                                 "–" + std::to_string(last_year()) + ")",
                                             std::to_string(year)));
            } else if (rule.what == day_rule::kind::lunar) {
                d = lunar.day(year, rule.month, rule.day);
            } else if (rule.what == day_rule::kind::lunar_eve) {
                d = add_calendar_days(ly->months.front(), -1);
            } else {
                d = ly->qingming;
            }
            if (!d)
                return unexpected(make_error(errc::out_of_range, "festival '" + f.name + "' has no day " +
                                                                     std::to_string(index + 1) + " in " +
                                                                     std::to_string(year)));
            out.push_back({*d, &f, v, index++});
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
    return out;
}

}  // namespace qixian
