// Calendar year files (rules/calendars/<calendar>/<YEAR>.toml) → table_calendar, with
// the checks of rules/README.md: working weekend days are weekly rest days, holiday
// blocks have the announced length, no day is both rest and working, and each year's
// net days off equal the statutory total of its era plus what special notices add.
#include "pack_model.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace qixian::detail {

namespace {

struct year_entries {
    int year = 0;
    std::string path;
    std::string main_notice;
    std::string confidence;
    int extra_days_off = 0;
    std::vector<calendar_notice> notices;
    std::vector<holiday_block> holidays;
    std::vector<adjusted_working_day> working_days;
    std::vector<toml::source_region> holiday_where, working_where;
    toml::source_region where;
    bool ok = true;
};

weekday_set rest_on(const calendar_definition& def, civil_date d) {
    weekday_set days = 0;
    for (const auto& w : def.weekly_rest)
        if (w.valid_from <= d) days = w.days;
    return days;
}

bool is_rest(const calendar_definition& def, civil_date d) {
    return (rest_on(def, d) >> (d.iso_weekday() - 1)) & 1U;
}

year_entries read_year(const calendar_year_file& f, std::vector<diagnostic>& out) {
    diagnostics_sink sink{f.path, &out};
    const std::size_t before = out.size();
    year_entries y;
    y.path = f.path;
    y.where = f.table.source();
    table_reader top(f.table, sink, "calendar year file");
    top.string("calendar", true);
    if (auto year = top.integer("year", true)) y.year = static_cast<int>(*year);
    y.confidence = top.choice("confidence", true, {"notice_text", "secondary"}).value_or("");
    top.date("checked_on", true);

    if (const auto* notices = top.array("notice", true)) {
        for_each_table(notices, sink, "notice", [&](const toml::table* t) {
            table_reader r(*t, sink, "notice");
            calendar_notice cn;
            cn.id = r.string("id", true).value_or("");
            cn.title = r.string("title", true).value_or("");
            cn.number = r.string("number", true).value_or("");
            cn.issued = r.date("issued", true).value_or(civil_date{});
            cn.published = r.date("published", true).value_or(cn.issued);
            cn.url = r.string("url", true).value_or("");
            r.strings("sources", false);
            cn.amends = r.string("amends", false).value_or("");
            y.extra_days_off += static_cast<int>(r.integer("adds_days_off", false).value_or(0));
            r.finish();
            if (cn.published < cn.issued)
                sink.error(code::bad_value, "notice '" + cn.id + "': published before it was issued", t->source());
            if (cn.amends.empty() && y.main_notice.empty()) y.main_notice = cn.id;
            y.notices.push_back(std::move(cn));
        });
    }
    if (const auto* holidays = top.array("holiday", false)) {
        for_each_table(holidays, sink, "holiday", [&](const toml::table* t) {
            table_reader r(*t, sink, "holiday");
            holiday_block h;
            h.name = r.string("name", true).value_or("");
            h.name_en = r.string("name_en", true).value_or("");
            h.from = r.date("from", true).value_or(civil_date{});
            h.through = r.date("through", true).value_or(civil_date{});
            const auto days = r.integer("days", true);
            h.notice = r.string("notice", true).value_or("");
            h.revoked_by = r.string("revoked_by", false).value_or("");
            r.finish();
            if (h.through < h.from)
                sink.error(code::block_length, "holiday '" + h.name + "': 'through' " + h.through.to_string() +
                                                   " is before 'from' " + h.from.to_string(), t->source());
            else if (days && *days != calendar_days_between(h.from, h.through) + 1)
                sink.error(code::block_length,
                           "holiday '" + h.name + "': " + h.from.to_string() + " to " + h.through.to_string() +
                               " is " + std::to_string(calendar_days_between(h.from, h.through) + 1) +
                               " days, but the notice announces " + std::to_string(*days),
                           t->get("days")->source());
            y.holidays.push_back(std::move(h));
            y.holiday_where.push_back(t->source());
        });
    }
    if (const auto* working = top.array("working_day", false)) {
        for_each_table(working, sink, "working_day", [&](const toml::table* t) {
            table_reader r(*t, sink, "working_day");
            adjusted_working_day w;
            w.day = r.date("date", true).value_or(civil_date{});
            w.name = r.string("name", true).value_or("");
            w.notice = r.string("notice", true).value_or("");
            w.revoked_by = r.string("revoked_by", false).value_or("");
            r.finish();
            y.working_days.push_back(std::move(w));
            y.working_where.push_back(t->source());
        });
    }
    top.finish();
    y.ok = !has_errors(std::vector<diagnostic>(out.begin() + static_cast<std::ptrdiff_t>(before), out.end()));
    return y;
}

// Checks that need the whole year: references, weekdays, overlaps, net days off.
void check_year(const calendar_definition& def, const year_entries& y, bool in_coverage,
                std::vector<diagnostic>& out) {
    diagnostics_sink sink{y.path, &out};
    std::set<std::string, std::less<>> ids;
    for (const auto& n : y.notices) ids.insert(n.id);
    auto known = [&](const std::string& id) { return id.empty() || ids.count(id) != 0; };
    for (const auto& n : y.notices)
        if (!known(n.amends))
            sink.error(code::unresolved, "notice '" + n.id + "' amends unknown notice '" + n.amends + "'", y.where);
    std::set<std::int32_t> rest_days, working;
    int weekdays_off = 0;
    for (std::size_t i = 0; i < y.holidays.size(); ++i) {
        const auto& h = y.holidays[i];
        if (!known(h.notice) || h.notice.empty())
            sink.error(code::unresolved, "holiday '" + h.name + "' names unknown notice '" + h.notice + "'",
                       y.holiday_where[i]);
        if (!known(h.revoked_by))
            sink.error(code::unresolved, "holiday '" + h.name + "' is revoked by unknown notice '" + h.revoked_by + "'",
                       y.holiday_where[i]);
        if (!h.revoked_by.empty() || h.through < h.from) continue;
        for (civil_date d = h.from; d <= h.through; d = add_calendar_days(d, 1))
            if (rest_days.insert(d.serial()).second && !is_rest(def, d)) ++weekdays_off;
    }
    for (std::size_t i = 0; i < y.working_days.size(); ++i) {
        const auto& w = y.working_days[i];
        if (!known(w.notice) || w.notice.empty())
            sink.error(code::unresolved, "working day " + w.day.to_string() + " names unknown notice '" + w.notice + "'",
                       y.working_where[i]);
        if (!known(w.revoked_by))
            sink.error(code::unresolved, "working day " + w.day.to_string() + " is revoked by unknown notice '" +
                                             w.revoked_by + "'", y.working_where[i]);
        if (!is_rest(def, w.day))
            sink.error(code::not_weekend, "working day " + w.day.to_string() + " is a " +
                                              std::string(w.day.weekday_name()) +
                                              ", not a weekly rest day (调休上班 makes a rest day a working day)",
                       y.working_where[i]);
        if (!w.revoked_by.empty()) continue;
        working.insert(w.day.serial());
        if (rest_days.count(w.day.serial()))
            sink.error(code::rest_and_working, w.day.to_string() + " is both in a holiday block and a working day",
                       y.working_where[i]);
    }
    // Net days off against the statutory total of the era.
    int statutory = -1;
    const auto jan1 = civil_date::from_ymd(y.year, 1, 1);
    for (const auto& era : def.days_off)
        if (jan1 && era.valid_from <= *jan1) statutory = era.days;
    const int net = weekdays_off - static_cast<int>(working.size());
    if (statutory >= 0 && net != statutory + y.extra_days_off) {
        const std::string msg = "year " + std::to_string(y.year) + ": net days off are " + std::to_string(net) +
                                " (" + std::to_string(weekdays_off) + " weekdays in holiday blocks - " +
                                std::to_string(working.size()) + " working weekend days), but the statutory total is " +
                                std::to_string(statutory) +
                                (y.extra_days_off ? " + " + std::to_string(y.extra_days_off) + " added by special notices" : "");
        sink.add(code::net_days_off, in_coverage ? severity::error : severity::warning,
                 msg + (in_coverage ? "" : " (the year is outside the calendar's coverage)"), y.where);
    }
}

}  // namespace

std::shared_ptr<const table_calendar> build_calendar(const calendar_definition& def,
                                                     const std::vector<const calendar_year_file*>& files,
                                                     std::vector<diagnostic>& out) {
    std::vector<year_entries> years;
    for (const auto* f : files) years.push_back(read_year(*f, out));
    std::sort(years.begin(), years.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    for (std::size_t i = 1; i < years.size(); ++i)
        if (years[i].year == years[i - 1].year)
            out.push_back(diagnostic{code::duplicate_id, severity::error,
                                     "calendar '" + def.id + "': year " + std::to_string(years[i].year) +
                                         " is given twice",
                                     region_of(years[i].path, years[i].where),
                                     {{"first given here", region_of(years[i - 1].path, years[i - 1].where)}}});
    if (years.empty()) {
        out.push_back(diagnostic{code::missing_key, severity::error,
                                 "calendar '" + def.id + "' has no year files", def.where, {}});
        return nullptr;
    }
    // Coverage: the run of consecutive years that ends with the latest year.
    std::size_t first = years.size() - 1;
    while (first > 0 && years[first - 1].year == years[first].year - 1) --first;
    if (first > 0) {
        std::string unused;
        for (std::size_t i = 0; i < first; ++i) unused += (unused.empty() ? "" : ", ") + std::to_string(years[i].year);
        out.push_back(diagnostic{code::coverage_gap, severity::warning,
                                 "calendar '" + def.id + "': year " + std::to_string(years[first].year - 1) +
                                     " is missing, so coverage starts at " + std::to_string(years[first].year) +
                                     " and these years are not used: " + unused,
                                 def.where, {}});
    }
    for (std::size_t i = 0; i < years.size(); ++i) check_year(def, years[i], i >= first, out);

    calendar_data data;
    data.id = def.id;
    data.name = def.name_zh;
    data.weekly_rest = def.weekly_rest;
    data.first = civil_date::from_ymd(years[first].year, 1, 1).value_or(civil_date{});
    data.last = civil_date::from_ymd(years.back().year, 12, 31).value_or(civil_date{});
    for (std::size_t i = first; i < years.size(); ++i) {
        auto& y = years[i];
        data.years.push_back({y.year, y.main_notice, y.confidence});
        for (auto& n : y.notices) data.notices.push_back(n);
        for (auto& h : y.holidays) data.holidays.push_back(h);
        for (auto& w : y.working_days) data.working_days.push_back(w);
    }
    if (has_errors(out)) return nullptr;
    auto built = table_calendar::build(std::move(data));
    if (!built) {
        out.push_back(diagnostic{code::bad_value, severity::error, built.error().message, def.where, {}});
        return nullptr;
    }
    return std::make_shared<const table_calendar>(std::move(*built));
}

}  // namespace qixian::detail
