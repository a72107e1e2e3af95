// Holiday laws (holiday_law.toml) and lunar tables (lunar.toml) → holiday_law, with the
// checks of rules/README.md: a lunar table runs without gaps; every covered year of the
// calendar finds its statutory days in the table; every notice rests every statutory day of
// the version in force (E0403), and the days every earlier block held (W0404).
#include "pack_model.hpp"

#include <algorithm>
#include <charconv>

namespace qixian::detail {

namespace {

std::optional<std::pair<int, int>> month_day(std::string_view text) {
    int m = 0, d = 0;
    if (text.size() != 5 || text[2] != '-') return std::nullopt;
    if (std::from_chars(text.data(), text.data() + 2, m).ec != std::errc{} ||
        std::from_chars(text.data() + 3, text.data() + 5, d).ec != std::errc{} || m < 1 || m > 12 || d < 1 || d > 31)
        return std::nullopt;
    return std::pair{m, d};
}

day_rule read_day_rule(const toml::table& t, const diagnostics_sink& sink) {
    table_reader r(t, sink, "festival day");
    day_rule rule;
    const auto fixed = r.string("fixed", false);
    const auto lunar = r.string("lunar", false);
    const auto term = r.choice("solar_term", false, {"qingming"});
    r.finish();
    if (int(fixed.has_value()) + int(lunar.has_value()) + int(term.has_value()) != 1) {
        sink.error(code::bad_value, "a festival day is exactly one of fixed = \"MM-DD\", lunar = \"MM-DD\" or \"eve\", "
                                    "solar_term = \"qingming\"", t.source());
        return rule;
    }
    if (term) {
        rule.what = day_rule::kind::solar_term;
        rule.term = *term;
    } else if (lunar && *lunar == "eve") {
        rule.what = day_rule::kind::lunar_eve;
    } else if (auto md = month_day(fixed ? *fixed : *lunar)) {
        rule.what = fixed ? day_rule::kind::fixed : day_rule::kind::lunar;
        rule.month = md->first;
        rule.day = md->second;
    } else {
        sink.error(code::bad_value, "'" + (fixed ? *fixed : *lunar) + "' is not MM-DD", t.source());
    }
    return rule;
}

festival read_festival(const toml::table& t, const diagnostics_sink& sink) {
    table_reader r(t, sink, "measures.festival");
    festival f;
    f.name = r.string("name", true).value_or("");
    f.name_en = r.string("name_en", true).value_or("");
    f.article = r.string("article", true).value_or("");
    if (const auto* days = r.array("days", true))
        for (const auto& n : *days) {
            if (const auto* dt = n.as_table())
                f.days.push_back(read_day_rule(*dt, sink));
            else
                sink.error(code::wrong_type, "each of 'days' must be an inline table", n.source());
        }
    if (const auto* core = r.subtable("core", false)) {
        table_reader c(*core, sink, "core");
        const auto from = c.integer("from", true), through = c.integer("through", true);
        c.finish();
        if (from && through) {
            if (*through < *from)
                sink.error(code::empty_range, "core: 'through' is before 'from'", core->source());
            f.core = std::pair{static_cast<int>(*from), static_cast<int>(*through)};
        }
    }
    r.finish();
    if (f.days.empty()) sink.error(code::missing_key, "festival '" + f.name + "' has no days", t.source());
    return f;
}

void read_law(const std::string& path, const toml::table& table, holiday_data& out, const diagnostics_sink& sink) {
    table_reader top(table, sink, "holiday law file");
    holiday_data::law_file file;
    file.path = path;
    file.where = region_of(path, table.source());
    file.law.calendar = top.string("holiday_law", true).value_or("");
    file.lunar_id = top.string("lunar_table", true).value_or("");
    if (const auto* p = top.subtable("projection", true)) {
        table_reader r(*p, sink, "projection");
        file.law.reach.bridge = static_cast<int>(r.integer("bridge_reach", true).value_or(5));
        file.law.reach.working = static_cast<int>(r.integer("working_reach", true).value_or(10));
        file.law.reach.tail = static_cast<int>(r.integer("tail_days", true).value_or(10));
        r.node("citation");
        r.finish();
    }
    for_each_table(top.array("measures", true), sink, "measures", [&](const toml::table* t) {
        table_reader r(*t, sink, "measures");
        holiday_law_version v;
        v.id = r.string("id", true).value_or("");
        v.title = r.string("title", true).value_or("");
        v.valid_from = r.date("valid_from", true).value_or(civil_date{});
        v.published = r.date("published", true).value_or(v.valid_from);
        if (const auto* m = r.subtable("make_up", false)) {
            if (const auto* a = m->get_as<std::string>("article")) v.make_up_article = a->get();
        }
        for_each_table(r.array("festival", true), sink, "measures.festival",
                       [&](const toml::table* ft) { v.festivals.push_back(read_festival(*ft, sink)); });
        r.finish();
        file.law.versions.push_back(std::move(v));
    });
    top.finish();
    std::sort(file.law.versions.begin(), file.law.versions.end(),
              [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    out.laws.push_back(std::move(file));
}

void read_lunar(const std::string& path, const toml::table& table, holiday_data& out, const diagnostics_sink& sink) {
    table_reader top(table, sink, "lunar table file");
    lunar_table lt;
    lt.id = top.string("lunar_table", true).value_or("");
    top.node("source");
    for_each_table(top.array("year", true), sink, "year", [&](const toml::table* t) {
        table_reader r(*t, sink, "year");
        lunar_year y;
        y.year = static_cast<int>(r.integer("year", true).value_or(0));
        if (const auto* months = r.array("months", true))
            for (const auto& n : *months) {
                const auto* d = n.as_date();
                auto c = d ? to_civil(d->get()) : std::nullopt;
                if (c) y.months.push_back(*c);
                else sink.error(code::wrong_type, "each month start must be a date (YYYY-MM-DD)", n.source());
            }
        y.leap_month = static_cast<int>(r.integer("leap_month", true).value_or(0));
        y.qingming = r.date("qingming", true).value_or(civil_date{});
        y.next_year = r.date("next_year", true).value_or(civil_date{});
        r.finish();
        const std::size_t want = y.leap_month ? 13 : 12;
        if (y.months.size() != want)
            sink.error(code::bad_value, "lunar year " + std::to_string(y.year) + " has " +
                                            std::to_string(y.months.size()) + " month starts; a year with leap_month = " +
                                            std::to_string(y.leap_month) + " has " + std::to_string(want),
                       t->source());
        for (std::size_t i = 0; i + 1 <= y.months.size(); ++i) {
            const civil_date next = i + 1 < y.months.size() ? y.months[i + 1] : y.next_year;
            const int len = calendar_days_between(y.months[i], next);
            if (len != 29 && len != 30)
                sink.error(code::lunar_gap, "lunar year " + std::to_string(y.year) + ": month " + std::to_string(i + 1) +
                                                " runs " + std::to_string(len) + " days (a lunar month has 29 or 30)",
                           t->source());
        }
        if (!lt.years.empty()) {
            const lunar_year& prev = lt.years.back();
            if (y.year != prev.year + 1)
                sink.error(code::lunar_gap, "lunar table '" + lt.id + "': year " + std::to_string(prev.year + 1) +
                                                " is missing (the next year given is " + std::to_string(y.year) + ")",
                           t->source());
            else if (!y.months.empty() && y.months.front() != prev.next_year)
                sink.error(code::lunar_gap, "lunar year " + std::to_string(y.year) + " starts " +
                                                y.months.front().to_string() + ", but year " + std::to_string(prev.year) +
                                                " says the next year starts " + prev.next_year.to_string(),
                           t->source());
        }
        lt.years.push_back(std::move(y));
    });
    top.finish();
    out.tables.emplace_back(path, std::move(lt));
}

}  // namespace

bool read_holiday_data(const std::string& path, const toml::table& table, holiday_data& out,
                       std::vector<diagnostic>& diags) {
    diagnostics_sink sink{path, &diags};
    if (table.get("holiday_law") != nullptr) {
        read_law(path, table, out, sink);
        return true;
    }
    if (table.get("lunar_table") != nullptr) {
        read_lunar(path, table, out, sink);
        return true;
    }
    return false;
}

}  // namespace qixian::detail

namespace qixian::detail {

namespace {

// Where a calendar's year file is, for diagnostics about that year.
source_region year_region(const std::vector<calendar_year_file>& years, const std::string& calendar, int year,
                          const source_region& fallback) {
    for (const auto& y : years) {
        const auto* n = y.table.get_as<std::int64_t>("year");
        if (y.calendar == calendar && n != nullptr && n->get() == year) return region_of(y.path, n->source());
    }
    return fallback;
}

// Every covered year: the statutory days of the version in force are rest days of a holiday
// block (E0403), and the core days every earlier notice held are rest days (W0404).
void check_notices(const holiday_law& law, const table_calendar& cal, const holiday_data::law_file& file,
                   const std::vector<calendar_year_file>& years, std::vector<diagnostic>& diags) {
    for (int y = cal.coverage_first().year(); y <= cal.coverage_last().year(); ++y) {
        auto days = law.statutory_days(y, std::nullopt);
        if (!days) {
            diags.push_back(diagnostic{code::lunar_missing, severity::error,
                                       "calendar '" + law.calendar + "' covers " + std::to_string(y) + ", but " +
                                           days.error().message,
                                       file.where, {}});
            continue;
        }
        const source_region where = year_region(years, law.calendar, y, file.where);
        for (const auto& s : *days) {
            auto st = cal.status(s.day, {});
            if (st && st->kind != day_kind::holiday)
                diags.push_back(diagnostic{code::statutory_worked, severity::error,
                                           "year " + std::to_string(y) + ": " + s.day.to_string() + " (" + s.of->name +
                                               ", Art. " + s.of->article + " of " + s.version->title +
                                               ") is not in any holiday block of the notice",
                                           where, {{"the statutory day is defined here", file.where}}});
            if (s.index != 0 || !s.of->core) continue;
            for (int k = s.of->core->first; k <= s.of->core->second; ++k) {
                const civil_date d = add_calendar_days(s.day, k);
                auto c = cal.status(d, {});
                if (c && c->working)
                    diags.push_back(diagnostic{code::core_worked, severity::warning,
                                               "year " + std::to_string(y) + ": " + d.to_string() + " is a working day, "
                                                   "but the projection counts it as a certain rest day of " +
                                                   s.of->name + " (core in " + file.path + ")",
                                               where, {}});
            }
        }
    }
}

}  // namespace

std::map<std::string, std::shared_ptr<const holiday_law>, std::less<>> assemble_holiday_laws(
    holiday_data& data, const std::map<std::string, std::shared_ptr<const table_calendar>, std::less<>>& calendars,
    const std::vector<calendar_year_file>& years, std::vector<diagnostic>& diags) {
    std::map<std::string, std::shared_ptr<const holiday_law>, std::less<>> out;
    for (auto& file : data.laws) {
        const auto t = std::find_if(data.tables.begin(), data.tables.end(),
                                    [&](const auto& x) { return x.second.id == file.lunar_id; });
        if (t == data.tables.end()) {
            diags.push_back(diagnostic{code::unresolved, severity::error,
                                       "holiday law '" + file.law.calendar + "': no lunar table '" + file.lunar_id + "'",
                                       file.where, {}});
            continue;
        }
        file.law.lunar = t->second;
        const auto cal = calendars.find(file.law.calendar);
        if (cal == calendars.end()) {
            if (has_errors(diags)) continue;  // the calendar itself did not build: its own errors say why
            diags.push_back(diagnostic{code::unresolved, severity::error,
                                       "holiday law for unknown calendar '" + file.law.calendar + "'", file.where, {}});
            continue;
        }
        check_notices(file.law, *cal->second, file, years, diags);
        out[file.law.calendar] = std::make_shared<const holiday_law>(file.law);
    }
    return out;
}

}  // namespace qixian::detail
