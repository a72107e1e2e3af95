// Rule calendars in calendar.toml (`kind = "rules"`): holiday rules and one-off days → a
// table_calendar, with the checks of rules/README.md ("Rule calendars").
#include "pack_model.hpp"

#include "qixian/tz.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace qixian::detail {

namespace {

// The citations of a holiday or one-off day as one line of text, notes included.
std::string citation_text(table_reader& r) {
    std::string out;
    for (const auto& c : read_citations(r, "citation", true)) {
        out += (out.empty() ? "" : "; ") + to_string(c);
        if (!c.note.empty()) out += " (" + c.note + ")";
    }
    return out;
}

constexpr std::array<std::string_view, 7> weekday_names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// The date rule of one [[calendar.holiday]]: exactly one of fixed, weekday (with month and nth)
// or easter (E0501), each value in range (E0104).
void read_date_rule(table_reader& r, const toml::table& t, holiday_rule& h) {
    const auto& sink = r.sink();
    const std::string ctx = "holiday '" + h.id + "'";
    const int given = (t.get("fixed") != nullptr) + (t.get("weekday") != nullptr) + (t.get("easter") != nullptr);
    if (given != 1)
        sink.error(code::holiday_date,
                   ctx + ": give exactly one date rule: fixed = \"MM-DD\", weekday (with month and nth) or easter",
                   t.source());
    if (auto f = r.string("fixed", false)) {
        unsigned m = 0, d = 0;
        h.date.kind = holiday_date_kind::fixed;
        if (f->size() != 5 || (*f)[2] != '-' || std::sscanf(f->c_str(), "%2u-%2u", &m, &d) != 2 ||
            !civil_date::from_ymd(2000, m, d))  // a leap year: 02-29 is a date
            sink.error(code::bad_value, ctx + ": fixed must be \"MM-DD\", a day of the year", t.get("fixed")->source());
        h.date.month = m;
        h.date.day = d;
    }
    if (auto w = r.choice("weekday", false, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})) {
        h.date.kind = holiday_date_kind::nth_weekday;
        h.date.weekday = static_cast<unsigned>(std::find(weekday_names.begin(), weekday_names.end(), *w) -
                                               weekday_names.begin()) + 1;
        const auto m = r.integer("month", true).value_or(1);
        const auto n = r.integer("nth", true).value_or(1);
        if (m < 1 || m > 12) sink.error(code::bad_value, ctx + ": month must be 1-12", t.get("month")->source());
        if (n != -1 && (n < 1 || n > 5))
            sink.error(code::bad_value, ctx + ": nth must be 1-5, or -1 for the last", t.get("nth")->source());
        h.date.month = static_cast<unsigned>(m);
        h.date.nth = static_cast<int>(n);
    }
    if (auto e = r.integer("easter", false)) {
        h.date.kind = holiday_date_kind::easter;
        if (*e < -60 || *e > 60)
            sink.error(code::bad_value, ctx + ": easter must be -60..60 days", t.get("easter")->source());
        h.date.offset = static_cast<int>(*e);
    }
    if (auto o = r.integer("offset", false)) {
        if (*o < -7 || *o > 7 || h.date.kind == holiday_date_kind::easter)
            sink.error(code::bad_value, ctx + ": offset must be -7..7 days, and not with easter",
                       t.get("offset")->source());
        else
            h.date.offset = static_cast<int>(*o);
    }
}

holiday_rule read_holiday(const toml::table& t, const diagnostics_sink& sink) {
    table_reader r(t, sink, "calendar.holiday");
    holiday_rule h;
    h.id = r.string("id", true).value_or("");
    h.name = r.string("name", true).value_or("");
    h.name_zh = r.string("name_zh", false).value_or("");
    read_date_rule(r, t, h);
    if (auto o = r.choice("observed", false, {"none", "fri_or_mon", "sunday_to_monday", "substitute", "moved_to_monday"}))
        h.observed = *o == "fri_or_mon"         ? observance::fri_or_mon
                     : *o == "sunday_to_monday" ? observance::sunday_to_monday
                     : *o == "substitute"       ? observance::substitute
                     : *o == "moved_to_monday"  ? observance::moved_to_monday
                                                : observance::none;
    h.first_year = static_cast<int>(r.integer("first_year", false).value_or(INT_MIN));
    h.last_year = static_cast<int>(r.integer("last_year", false).value_or(INT_MAX));
    if (h.last_year < h.first_year)
        sink.error(code::empty_range, "holiday '" + h.id + "': last_year is before first_year", t.get("last_year")->source());
    h.citation = citation_text(r);
    r.finish();
    return h;
}

one_off_day read_one_off(const toml::table& t, const diagnostics_sink& sink) {
    table_reader r(t, sink, "calendar.one_off");
    one_off_day o;
    o.day = r.date("date", true).value_or(civil_date{});
    o.name = r.string("name", true).value_or("");
    o.name_zh = r.string("name_zh", false).value_or("");
    o.closed = r.boolean("closed", false).value_or(true);
    o.citation = citation_text(r);
    r.finish();
    return o;
}

}  // namespace

void read_calendar_rules(table_reader& r, const std::string& path, calendar_definition& c) {
    const auto& sink = r.sink();
    const toml::table& t = r.table();
    c.rules = r.choice("kind", false, {"notices", "rules"}).value_or("notices") == "rules";
    const bool any_rule_key = t.get("holiday") || t.get("one_off") || t.get("from") || t.get("history_through") ||
                              t.get("project_through");
    if (!c.rules) {
        for (const char* key : {"holiday", "one_off", "from", "history_through", "project_through"})
            r.node(key);  // reported once, here, not again as unknown keys
        if (any_rule_key)
            sink.error(code::calendar_kind, "calendar '" + c.id + "': holidays, one-off days and coverage keys "
                                            "belong to a calendar of kind = \"rules\"", t.source());
        return;
    }
    auto& d = c.rule_data;
    d.id = c.id;
    d.name = c.name_en;
    d.first = r.date("from", true).value_or(civil_date{});
    d.history_last = r.date("history_through", true).value_or(d.first);
    d.last = r.date("project_through", true).value_or(d.history_last);
    if (d.history_last < d.first || d.last < d.history_last)
        sink.error(code::calendar_kind,
                   "calendar '" + c.id + "': from <= history_through <= project_through is required", t.source());
    if (!c.zone.empty() && !tz::locate(c.zone))
        sink.error(code::bad_value, "calendar '" + c.id + "': '" + c.zone + "' is not a time zone",
                   t.get("zone")->source());
    for_each_table(r.array("holiday", true), sink, "calendar.holiday", [&](const toml::table* ht) {
        d.holidays.push_back(read_holiday(*ht, sink));
        for (std::size_t i = 0; i + 1 < d.holidays.size(); ++i)
            if (d.holidays[i].id == d.holidays.back().id && !d.holidays.back().id.empty())
                sink.error(code::duplicate_id, "holiday id '" + d.holidays.back().id + "' is used twice", ht->source());
    });
    for_each_table(r.array("one_off", false), sink, "calendar.one_off", [&](const toml::table* ot) {
        d.one_offs.push_back(read_one_off(*ot, sink));
        c.one_off_where.push_back(region_of(path, ot->source()));
        const one_off_day& o = d.one_offs.back();
        if (o.day < d.first || d.history_last < o.day)
            sink.error(code::one_off_range,
                       "calendar '" + c.id + "': the one-off day " + o.day.to_string() + " lies outside the history " +
                           d.first.to_string() + " to " + d.history_last.to_string() +
                           " (a later one-off day cannot be known: extend history_through when it is proclaimed)",
                       ot->source());
    });
}

std::optional<rule_calendar_data> check_rule_calendar(const calendar_definition& def, std::size_t year_files,
                                                      std::vector<diagnostic>& out) {
    if (year_files != 0) {
        out.push_back(diagnostic{code::calendar_kind, severity::error,
                                 "calendar '" + def.id + "' is built from rules (kind = \"rules\"), but " +
                                     std::to_string(year_files) + " year file(s) name it",
                                 def.where, {}});
        return std::nullopt;
    }
    const auto& d = def.rule_data;
    // Coverage out of order (E0504) and one-off days outside the history (E0503) were reported
    // when the definition was read.
    if (d.history_last < d.first || d.last < d.history_last) return std::nullopt;
    for (const auto& o : d.one_offs)
        if (o.day < d.first || d.history_last < o.day) return std::nullopt;
    // Each one-off that takes a day away must find a rule's day there (E0502).
    bool ok = true;
    rule_calendar_data rules_only = d;
    rules_only.one_offs.clear();
    for (std::size_t i = 0; i < d.one_offs.size(); ++i) {
        const auto& o = d.one_offs[i];
        if (o.closed) continue;
        auto hs = holidays_of_year(rules_only, o.day.year());
        const bool found = hs && std::any_of(hs->begin(), hs->end(), [&](const auto& h) { return h.day == o.day; });
        if (!found) {
            ok = false;
            out.push_back(diagnostic{code::one_off_void, severity::error,
                                     "calendar '" + def.id + "': " + o.day.to_string() + " ('" + o.name +
                                         "', closed = false) is not a holiday by the rules: nothing to take away",
                                     def.one_off_where[i], {}});
        }
    }
    if (!ok) return std::nullopt;
    rule_calendar_data data = d;
    data.weekly_rest = def.weekly_rest;
    if (data.weekly_rest.empty() || d.first < data.weekly_rest.front().valid_from) {
        out.push_back(diagnostic{code::calendar_kind, severity::error,
                                 "calendar '" + def.id + "': no weekly rest days in force on its first day " +
                                     d.first.to_string(),
                                 def.where, {}});
        return std::nullopt;
    }
    return data;
}

}  // namespace qixian::detail
