// Rule calendars: holiday rules and one-off days → the holidays of a year → a table_calendar.
#include "qixian/rule_calendar.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace qixian {

civil_date easter_sunday(int year) noexcept {
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int n = h + l - 7 * m + 114;
    return civil_date::from_ymd(year, static_cast<unsigned>(n / 31), static_cast<unsigned>(n % 31 + 1))
        .value_or(civil_date{});
}

std::string_view to_string(observance o) noexcept {
    switch (o) {
        case observance::none: return "none";
        case observance::fri_or_mon: return "fri_or_mon";
        case observance::sunday_to_monday: return "sunday_to_monday";
        case observance::substitute: return "substitute";
        case observance::moved_to_monday: return "moved_to_monday";
    }
    return "none";
}

namespace {

// The day a rule gives in `year`, or nothing (29 February of a common year, a fifth weekday
// the month does not have).
std::optional<civil_date> date_in_year(const holiday_date_rule& r, int year) {
    std::optional<civil_date> base;
    switch (r.kind) {
        case holiday_date_kind::fixed:
            if (auto d = civil_date::from_ymd(year, r.month, r.day)) base = *d;
            break;
        case holiday_date_kind::easter: base = easter_sunday(year); break;
        case holiday_date_kind::nth_weekday: {
            auto first = civil_date::from_ymd(year, r.month, 1);
            if (!first || r.weekday < 1 || r.weekday > 7) break;
            if (r.nth < 0) {
                const civil_date last = last_day_of_month(*first);
                const int back = (static_cast<int>(last.iso_weekday()) - static_cast<int>(r.weekday) + 7) % 7;
                base = add_calendar_days(last, -back);
            } else if (r.nth >= 1) {
                const int ahead = (static_cast<int>(r.weekday) - static_cast<int>(first->iso_weekday()) + 7) % 7;
                const civil_date d = add_calendar_days(*first, ahead + 7 * (r.nth - 1));
                if (d.month() == r.month) base = d;
            }
            break;
        }
    }
    if (!base) return std::nullopt;
    return add_calendar_days(*base, r.offset);
}

bool weekend(civil_date d) noexcept { return d.is_saturday_or_sunday(); }

struct year_days {
    std::map<std::int32_t, dated_holiday> days;
    void add(civil_date d, const std::string& name, const std::string& name_zh, const std::string& source,
             bool observed) {
        const std::string& zh = name_zh.empty() ? name : name_zh;
        auto [it, fresh] = days.try_emplace(d.serial(), dated_holiday{d, name, source, observed, zh});
        if (!fresh) {
            it->second.name += "; " + name;
            it->second.name_zh += "；" + zh;
        }
    }
    bool taken(civil_date d) const { return days.count(d.serial()) != 0; }
};

// The observed day a rule adds for a holiday on `d` (a weekend day), if any.
std::optional<civil_date> observed_day(observance o, civil_date d, const year_days& y) {
    const unsigned wd = d.iso_weekday();
    switch (o) {
        case observance::none: return std::nullopt;
        case observance::fri_or_mon: return add_calendar_days(d, wd == 6 ? -1 : 1);
        case observance::sunday_to_monday:
            if (wd == 7) return add_calendar_days(d, 1);
            return std::nullopt;
        case observance::substitute:
        case observance::moved_to_monday: {
            civil_date c = add_calendar_days(d, 1);
            while (weekend(c) || y.taken(c)) c = add_calendar_days(c, 1);
            return c;
        }
    }
    return std::nullopt;
}

}  // namespace

result<std::vector<dated_holiday>> holidays_of_year(const rule_calendar_data& data, int year) {
    year_days y;
    std::vector<std::pair<const holiday_rule*, civil_date>> on_weekend;
    for (const auto& r : data.holidays) {
        if (year < r.first_year || year > r.last_year) continue;
        const auto d = date_in_year(r.date, year);
        if (!d) continue;
        if (weekend(*d) && r.observed != observance::none) on_weekend.emplace_back(&r, *d);
        if (!(weekend(*d) && r.observed == observance::moved_to_monday)) y.add(*d, r.name, r.name_zh, r.id, false);
    }
    for (const auto& o : data.one_offs)
        if (o.closed && o.day.year() == year) y.add(o.day, o.name, o.name_zh, "one-off:" + o.day.to_string(), false);
    // Observed days after every holiday of the year is placed: a substitute skips them all
    // (Christmas on a Sunday is substituted on the 27th, Boxing Day having the 26th).
    for (const auto& [r, d] : on_weekend) {
        const auto obs = observed_day(r->observed, d, y);
        if (!obs) continue;
        const bool moved = r->observed == observance::moved_to_monday;
        const char* mark = r->observed == observance::substitute ? " (substitute day)" : moved ? "" : " (observed)";
        const char* mark_zh = r->observed == observance::substitute ? "（替代假日）" : moved ? "" : "（补假）";
        y.add(*obs, r->name + mark, (r->name_zh.empty() ? r->name : r->name_zh) + mark_zh, r->id, !moved);
    }
    for (const auto& o : data.one_offs) {
        if (o.closed || o.day.year() != year) continue;
        if (!y.taken(o.day))
            return unexpected(make_error(errc::invalid_request,
                                         "calendar '" + data.id + "': " + o.day.to_string() +
                                             " is not a holiday by the rules, so the one-off '" + o.name +
                                             "' takes nothing away",
                                         o.day.to_string()));
        y.days.erase(o.day.serial());
    }
    std::vector<dated_holiday> out;
    out.reserve(y.days.size());
    for (auto& [serial, h] : y.days) out.push_back(std::move(h));
    return out;
}

namespace {

result<void> check_coverage(const rule_calendar_data& data) {
    auto fail = [&](const std::string& what) {
        return unexpected(make_error(errc::invalid_request, "calendar '" + data.id + "': " + what));
    };
    if (data.last < data.first) return fail("coverage ends before it starts");
    if (data.history_last < add_calendar_days(data.first, -1) || data.last < data.history_last)
        return fail("the history must end inside the coverage " + data.first.to_string() + " to " +
                    data.last.to_string());
    for (const auto& o : data.one_offs)
        if (o.day < data.first || data.history_last < o.day)
            return fail("the one-off day " + o.day.to_string() + " ('" + o.name +
                        "') lies outside the history " + data.first.to_string() + " to " +
                        data.history_last.to_string() + ": later one-off days cannot be known");
    return {};
}

}  // namespace

result<table_calendar> build_rule_calendar(const rule_calendar_data& data) {
    if (auto ok = check_coverage(data); !ok) return unexpected(ok.error());
    calendar_data t;
    t.id = data.id;
    t.name = data.name;
    t.first = data.first;
    t.last = data.last;
    t.weekly_rest = data.weekly_rest;
    t.by_rules = true;
    for (const auto& r : data.holidays)
        t.notices.push_back({r.id, r.citation, "", civil_date::min(), civil_date::min(), "", ""});
    for (const auto& o : data.one_offs)
        t.notices.push_back({"one-off:" + o.day.to_string(), o.citation, "", civil_date::min(), civil_date::min(), "", ""});
    // A year's observed days may fall in the year before or after it.
    std::map<std::int32_t, dated_holiday> days;
    for (int year = data.first.year() - 1; year <= data.last.year() + 1; ++year) {
        auto hs = holidays_of_year(data, year);
        if (!hs) return unexpected(hs.error());
        for (auto& h : *hs) {
            if (h.day < data.first || data.last < h.day) continue;
            auto [it, fresh] = days.try_emplace(h.day.serial(), h);
            if (!fresh) {
                it->second.name += "; " + h.name;
                it->second.name_zh += "；" + h.name_zh;
            }
        }
    }
    for (auto& [serial, h] : days)  // as the notice calendars: the name in Chinese, and in English
        t.holidays.push_back({h.day, h.day, h.name_zh, h.name, h.source, ""});
    if (data.history_last < data.last) {
        t.projected_from = add_calendar_days(data.history_last, 1);
        t.projected_caveat = std::string(projected_caveat);
    }
    return table_calendar::build(std::move(t));
}

}  // namespace qixian
