// Loading and checking a rule pack: rules, conventions, calendar definitions and
// calendar years, with every problem in every file reported at once.
#include "qixian/rule_pack.hpp"
#include "qixian/tz.hpp"
#include "pack_model.hpp"
#include "text.hpp"
#include "toml_image.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

namespace qixian {

namespace detail {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_rule_files();
const std::vector<std::string_view>& embedded_rule_images();  // the same files' trees (toml_image.hpp)
}

namespace {

using namespace detail;

// Rule calendars wait in projections_ (built on first use, like the projections) under this
// prefix and their id; no calendar id contains a '/'.
constexpr std::string_view rule_calendar_key = "rules/";

// `start`: the day an ad-hoc period runs from (compute_request::convention); `award_made`,
// `default` (the first failure to honour a judgment or award), `appeal_decided` and
// `appeal_period_expired`: the starts of the outbound rules (rules/statutes/outbound).
constexpr std::array<std::string_view, 21> kinds = {
    "effective", "performance_due", "instalment_due", "found_in_china", "recognition_effective",
    "served",    "received",        "accepted",       "knew",           "debtor_act",
    "harm",      "measure",         "published",      "posted",         "breach",
    "property_change",  // a change in the debtor's property (财产变动) after its report
    "start",     "award_made",      "default",        "appeal_decided", "appeal_period_expired"};

// Facts a period may depend on, with their values (INTERFACES.md).
constexpr std::array<std::string_view, 2> parties_values = {"natural_person_involved", "legal_persons"};
// domicile: where a party has its domicile, as the text in question names it — `china` / `abroad`
// for the CPL's 在中华人民共和国领域内（没有）住所 (appeals, the foreign-related defence), `mainland` /
// `none_in_mainland` for the Taiwan Provisions' 在大陆（没有）住所 (2024 Art. 9), which a respondent
// domiciled in Taiwan falls under: "abroad" would misname it (AUDIT-2.md D15).
constexpr std::array<std::string_view, 4> domicile_values = {"china", "abroad", "mainland", "none_in_mainland"};
// claim: the kinds the law does not limit at all, and the one-year claims of GPCL Art. 136
// (bodily injury; substandard goods sold without notice; rent delayed or refused; loss of or
// damage to deposited property).
constexpr std::array<std::string_view, 11> claim_values = {
    "ordinary", "support",          "cessation", "property_return", "deposit",         "bonds",
    "capital_contribution", "bodily_injury", "substandard_goods", "rent", "deposited_property"};
// retrial_ground: the grounds 法释〔2012〕23号 Art. 6 para. 2 exempts from the 2013-06-30 cap.
constexpr std::array<std::string_view, 4> retrial_ground_values = {"other", "new_evidence", "forged_evidence",
                                                                   "set_aside_or_corruption"};
constexpr std::array<fact_kind, 4> facts = {{
    {"parties", parties_values},
    {"domicile", domicile_values},
    {"claim", claim_values},
    {"retrial_ground", retrial_ground_values},
}};

// "a, b or c".
std::string one_of(std::span<const std::string_view> values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out.append(i == 0 ? "" : i + 1 == values.size() ? " or " : ", ").append(values[i]);
    return out;
}

// A `when = { fact = "value", … }` table: each fact and value checked against the facts.
void read_when(table_reader& r, const diagnostics_sink& sink, const std::string& context,
               std::map<std::string, std::string, std::less<>>& when) {
    const auto* w = r.subtable("when", false);
    if (w == nullptr) return;
    for (auto&& [k, v] : *w) {
        const fact_kind* f = find_fact(k.str());
        if (f == nullptr) {
            std::string names;
            for (const auto& fd : facts) names.append(names.empty() ? "" : ", ").append(fd.name);
            sink.error(code::unknown_key, context + ": unknown fact '" + std::string(k.str()) + "' (facts: " + names + ")",
                       k.source());
            continue;
        }
        const auto* s = v.as_string();
        if (s == nullptr || std::find(f->values.begin(), f->values.end(), s->get()) == f->values.end()) {
            sink.error(code::bad_value,
                       context + ": fact '" + std::string(k.str()) + "' must be " + one_of(f->values), v.source());
            continue;
        }
        when[std::string(k.str())] = s->get();
    }
}

// What expiry means (`expiry`, on a rule or on a version).
std::optional<expiry_kind> read_expiry(table_reader& r, bool required) {
    const auto e = r.choice("expiry", required, {"bar", "defence", "extinguished"});
    if (!e) return std::nullopt;
    return *e == "bar" ? expiry_kind::bar : *e == "defence" ? expiry_kind::defence : expiry_kind::extinguished;
}

}  // namespace

namespace detail {

std::vector<citation> read_citations(table_reader& r, const char* key, bool required) {
    std::vector<citation> out;
    const toml::node* n = r.node(key);
    if (n == nullptr) {
        if (required)
            r.sink().error(code::no_citation, "no '" + std::string(key) + "': every version cites its authority",
                           r.where());
        return out;
    }
    auto read_one = [&](const toml::node& item) {
        const auto* t = item.as_table();
        if (t == nullptr) {
            r.sink().error(code::wrong_type, "a citation must be a table {instrument, article}", item.source());
            return;
        }
        table_reader c(*t, r.sink(), "citation");
        citation ci;
        ci.instrument = c.string("instrument", true).value_or("");
        ci.article = c.string("article", true).value_or("");
        ci.paragraph = c.string("paragraph", false).value_or("");
        ci.note = c.string("note", false).value_or("");
        c.finish();
        out.push_back(std::move(ci));
    };
    if (const auto* a = n->as_array()) {
        for (const auto& item : *a) read_one(item);
        if (a->empty() && required)
            r.sink().error(code::no_citation, "'" + std::string(key) + "' is empty: every version cites its authority",
                           n->source());
    } else {
        read_one(*n);
    }
    return out;
}

}  // namespace detail

namespace {

std::optional<period> read_period(const toml::table& t, const diagnostics_sink& sink, const std::string& context,
                                  std::map<std::string, std::string, std::less<>>* when,
                                  period_choice* choice = nullptr) {
    table_reader r(t, sink, context);
    period p;
    bool any = false;
    auto unit = [&](const char* key, std::int32_t& field) {
        if (t.get(key) != nullptr) any = true;  // a wrongly typed unit is reported as such, not as missing
        if (auto v = r.integer(key, false)) {
            if (*v < 0 || *v > 1000) {
                sink.error(code::bad_value, context + ": '" + key + "' must be 0-1000", t.get(key)->source());
                return;
            }
            field = static_cast<std::int32_t>(*v);
        }
    };
    unit("years", p.years);
    unit("months", p.months);
    unit("days", p.days);
    unit("hours", p.hours);
    unit("working_days", p.working_days);
    if (when != nullptr) read_when(r, sink, context, *when);
    if (choice != nullptr) {
        choice->ends_no_later_than = r.date("ends_no_later_than", false);
        choice->citations = read_citations(r, "citations", false);
    }
    r.finish();
    if (!any) {
        sink.error(code::missing_key, context + ": no length (years, months, days, hours or working_days)", t.source());
        return std::nullopt;
    }
    if (p.hours != 0 && !p.is_hours_only()) {
        sink.error(code::bad_value, context + ": hours cannot be combined with other units", t.source());
        return std::nullopt;
    }
    return p;
}

// The mechanisms of a tolling_rules table (or of one of its dated entries); returns whether
// it gave suspension_text and settlement_from.
std::pair<bool, bool> read_tolling(table_reader& t, tolling_rules& out) {
    out.interruption = read_citations(t, "interruption", false);
    out.settlement = read_citations(t, "settlement", false);
    out.suspension = read_citations(t, "suspension", false);
    out.suspension_other = read_citations(t, "suspension_other", false);
    out.waiver = read_citations(t, "waiver", false);
    const auto sr = t.choice("suspension_text", !out.suspension.empty(), {"civil_code", "resume"});
    if (sr) out.suspension_text = *sr == "resume" ? suspension_reading::resume : suspension_reading::civil_code;
    const auto from = t.choice("settlement_from", false, {"performance_due", "settlement"});
    if (from) out.settlement_from_performance_due = *from == "performance_due";
    return {sr.has_value(), from.has_value()};
}

// A version of an act not subject to any period (time_limit = "none"), with its authority.
void read_untimed_version(table_reader& r, const diagnostics_sink& sink, const std::string& rule_id, rule_version& v) {
    const toml::node* none = r.node("time_limit");
    if (!none->is_string() || none->as_string()->get() != "none")
        sink.error(code::bad_value, "rule '" + rule_id + "': time_limit can only be \"none\"", none->source());
    v.time_limited = false;
    if (auto trig = r.strings("trigger", false)) v.trigger = *trig;
    for (const char* key : {"period", "periods", "earliest_of", "latest_of"})
        if (const toml::node* n = r.node(key))
            sink.error(code::bad_value, "rule '" + rule_id + "': a version without a time limit has no '" + key + "'",
                       n->source());
}

// A composite's open reading: its name, its values (the first the default), and the
// components each value uses (a subset of the version's; a value not listed uses all).
declared_reading read_reading(const toml::table& t, const diagnostics_sink& sink, const std::string& rule_id,
                              const std::vector<std::string>& components) {
    const std::string context = "rule '" + rule_id + "' reading";
    table_reader r(t, sink, context);
    declared_reading out;
    out.name = r.string("name", true).value_or("");
    if (auto values = r.strings("values", true)) out.values = *values;
    if (out.values.size() < 2 || std::set<std::string>(out.values.begin(), out.values.end()).size() != out.values.size())
        sink.error(code::bad_value, context + ": 'values' must name at least two different values (the first is the default)",
                   t.source());
    if (const auto* uses = r.subtable("uses", false)) {
        table_reader u(*uses, sink, context + " uses");
        for (auto&& [k, node] : *uses) {
            const std::string value(k.str());
            if (std::find(out.values.begin(), out.values.end(), value) == out.values.end())
                sink.error(code::bad_value, context + ": uses names '" + value + "', which is not one of its values",
                           k.source());
            auto ids = u.strings(value.c_str(), true).value_or(std::vector<std::string>{});
            for (const auto& id : ids)
                if (std::find(components.begin(), components.end(), id) == components.end())
                    sink.error(code::bad_value, context + ": '" + id + "' is not one of the version's components",
                               node.source());
            if (ids.empty()) sink.error(code::bad_value, context + ": a value uses at least one component", node.source());
            out.uses[value] = std::move(ids);
        }
        u.finish();
    }
    r.finish();
    return out;
}

// A composite version: its components (earliest_of or latest_of) instead of a trigger and a period.
void read_composite(table_reader& r, const toml::table& t, const diagnostics_sink& sink, const std::string& rule_id, rule_version& v) {
    const toml::node* earliest = r.node("earliest_of");
    const toml::node* latest = r.node("latest_of");
    if (earliest != nullptr && latest != nullptr)
        sink.error(code::bad_value, "rule '" + rule_id + "' version: give earliest_of or latest_of, not both",
                   t.source());
    v.combine = earliest != nullptr ? combinator::earliest_of : combinator::latest_of;
    const toml::node* list = earliest != nullptr ? earliest : latest;
    if (const auto* a = list->as_array()) {
        for (const auto& item : *a) {
            if (const auto* str = item.as_string())
                v.components.push_back(str->get());
            else
                sink.error(code::wrong_type, "rule '" + rule_id + "': components must be rule ids (strings)",
                           item.source());
        }
    }
    if (v.components.size() < 2)
        sink.error(code::bad_value, "rule '" + rule_id + "': a composite needs at least two rule ids",
                   list->source());
    for (const char* key : {"trigger", "period", "periods"})
        if (const toml::node* n = r.node(key))
            sink.error(code::bad_value,
                       "rule '" + rule_id + "': a composite version has no '" + key +
                           "' (its components have their own)",
                       n->source());
    if (const auto* rd = r.subtable("reading", false)) v.reading = read_reading(*rd, sink, rule_id, v.components);
}

// A version with a trigger and a period (or periods chosen by facts).
void read_trigger_and_periods(table_reader& r, const toml::table& t, const diagnostics_sink& sink, const std::string& rule_id, rule_version& v) {
    if (auto trig = r.strings("trigger", true)) {
        v.trigger = *trig;
        const toml::node* n = t.get("trigger");
        for (const auto& k : v.trigger)
            if (!is_event_kind(k))
                sink.error(code::event_kind, "rule '" + rule_id + "': trigger '" + k +
                                                 "' is not an event kind (see INTERFACES.md)", n->source());
        if (v.trigger.empty()) sink.error(code::missing_key, "rule '" + rule_id + "': empty trigger", n->source());
    }
    const toml::node* single = r.node("period");
    const toml::node* several = r.node("periods");
    if ((single == nullptr) == (several == nullptr))
        sink.error(single ? code::bad_value : code::missing_key,
                   "rule '" + rule_id + "' version: give exactly one of 'period' or 'periods'", t.source());
    if (single != nullptr) {
        if (const auto* pt = single->as_table()) {
            if (auto p = read_period(*pt, sink, "rule '" + rule_id + "' period", nullptr))
                v.periods.push_back({{}, *p});
        } else {
            sink.error(code::wrong_type, "rule '" + rule_id + "': 'period' must be a table, e.g. { years = 2 }",
                       single->source());
        }
    }
    if (several != nullptr) {
        if (const auto* arr = several->as_array()) {
            for (const auto& item : *arr) {
                const auto* pt = item.as_table();
                if (pt == nullptr) {
                    sink.error(code::wrong_type, "rule '" + rule_id + "': each of 'periods' must be a table",
                               item.source());
                    continue;
                }
                period_choice pc;
                if (auto p = read_period(*pt, sink, "rule '" + rule_id + "' periods", &pc.when, &pc)) {
                    pc.length = *p;
                    v.periods.push_back(std::move(pc));
                }
            }
        } else {
            sink.error(code::wrong_type, "rule '" + rule_id + "': 'periods' must be an array", several->source());
        }
    }
}

// The claims a version does not limit at all (not_time_limited), each with its facts.
void read_not_time_limited(table_reader& r, const diagnostics_sink& sink, const std::string& rule_id, rule_version& v) {
    if (const auto* untimed = r.array("not_time_limited", false)) {
        for_each_table(untimed, sink, "rule '" + rule_id + "' not_time_limited", [&](const toml::table* ut) {
            table_reader u(*ut, sink, "rule '" + rule_id + "' not_time_limited");
            untimed_claim c;
            read_when(u, sink, "rule '" + rule_id + "' not_time_limited", c.when);
            if (const toml::node* w = ut->get("when"); w != nullptr && w->is_table() && w->as_table()->empty())
                sink.error(code::bad_value,
                           "rule '" + rule_id + "' not_time_limited: 'when' is empty, so it would match every "
                           "request (a version with no period at all is time_limit = \"none\")",
                           w->source());
            else if (ut->get("when") == nullptr)
                sink.error(code::missing_key,
                           "rule '" + rule_id + "' not_time_limited: give the facts it applies to, e.g. "
                           "when = { claim = \"support\" } (a version with no period at all is time_limit = \"none\")",
                           ut->source());
            c.citations = read_citations(u, "citations", true);
            c.note = u.string("note", false).value_or("");
            u.finish();
            v.not_time_limited.push_back(std::move(c));
        });
    }
}

// The event the period produces (e.g. service deemed made), and on which day.
void read_produces(table_reader& r, const diagnostics_sink& sink, const std::string& rule_id, rule_version& v) {
    if (const auto* prod = r.subtable("produces", false)) {
        table_reader pr(*prod, sink, "rule '" + rule_id + "' produces");
        produced_event pe;
        pe.event = pr.string("event", true).value_or("");
        if (!pe.event.empty() && !is_event_kind(pe.event))
            sink.error(code::event_kind, "rule '" + rule_id + "': produces '" + pe.event +
                                             "', which is not an event kind (see INTERFACES.md)",
                       prod->get("event")->source());
        if (auto on = pr.choice("on", true, {"last_day", "day_after"}))
            pe.on = *on == "last_day" ? produced_event::day::last_day : produced_event::day::day_after;
        pr.finish();
        v.produces = pe;
    }
}

// Citations of the version's own for particular triggers.
void read_trigger_citations(table_reader& r, const diagnostics_sink& sink, const std::string& rule_id, rule_version& v) {
    if (const auto* tc = r.subtable("trigger_citations", false)) {
        table_reader tcr(*tc, sink, "rule '" + rule_id + "' trigger_citations");
        for (auto&& [k, node] : *tc) {
            const std::string kind(k.str());
            if (std::find(v.trigger.begin(), v.trigger.end(), kind) == v.trigger.end())
                sink.error(code::event_kind, "rule '" + rule_id + "': trigger_citations names '" + kind +
                                                 "', which is not one of the version's triggers", k.source());
            v.trigger_citations[kind] = read_citations(tcr, kind.c_str(), true);
        }
        tcr.finish();
    }
}

// The version's tolling rules, undated and dated (from).
void read_version_tolling(table_reader& r, const diagnostics_sink& sink, const std::string& rule_id, rule_version& v) {
    if (const auto* tr = r.subtable("tolling_rules", false)) {
        const std::string context = "rule '" + rule_id + "' tolling_rules";
        table_reader t2(*tr, sink, context);
        read_tolling(t2, v.tolling);
        if (const auto* dated = t2.array("from", false)) {
            for_each_table(dated, sink, context + " from", [&](const toml::table* dt) {
                table_reader d(*dt, sink, context + " from");
                tolling_rules::dated entry;
                entry.valid_from = d.date("valid_from", true).value_or(civil_date{});
                const auto [text, from] = read_tolling(d, entry.rules);
                entry.gives_suspension_text = text;
                entry.gives_settlement_from = from;
                d.finish();
                v.tolling.from.push_back(std::move(entry));
            });
            std::stable_sort(v.tolling.from.begin(), v.tolling.from.end(),
                             [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
        }
        t2.finish();
    }
}

rule_version read_version(const toml::table& t, const diagnostics_sink& sink, const std::string& rule_id) {
    table_reader r(t, sink, "rule '" + rule_id + "' version");
    rule_version v;
    v.where = region_of(sink.file, t.source());
    v.valid_from = r.date("valid_from", true).value_or(civil_date{});
    v.valid_until = r.date("valid_until", false);
    const toml::node* earliest = r.node("earliest_of");
    const toml::node* latest = r.node("latest_of");
    if (r.node("time_limit") != nullptr) {
        read_untimed_version(r, sink, rule_id, v);
    } else if (earliest != nullptr || latest != nullptr) {
        read_composite(r, t, sink, rule_id, v);
    } else {
        read_trigger_and_periods(r, t, sink, rule_id, v);
    }
    read_not_time_limited(r, sink, rule_id, v);
    read_produces(r, sink, rule_id, v);
    v.ends_no_later_than = r.date("ends_no_later_than", false);
    read_trigger_citations(r, sink, rule_id, v);
    read_version_tolling(r, sink, rule_id, v);
    if (auto dir = r.choice("direction", false, {"after", "before"})) v.backwards = *dir == "before";
    if (auto im = r.choice("instalments", false, {"each", "last"}))
        v.instalments = *im == "each" ? instalment_mode::each : instalment_mode::last;
    v.extendable_by_court = r.boolean("extendable_by_court", false).value_or(false);
    v.takes_over_running = read_citations(r, "takes_over_running", false);
    v.expiry = read_expiry(r, false);
    v.citations = read_citations(r, "citations", true);
    v.checked_on = r.date("checked_on", false);
    v.note = r.string("note", false).value_or("");
    r.finish();
    if (v.valid_until && *v.valid_until <= v.valid_from)
        sink.error(code::empty_range, "rule '" + rule_id + "': valid_until " + v.valid_until->to_string() +
                                          " is not after valid_from " + v.valid_from.to_string(),
                   t.get("valid_until")->source());
    return v;
}

struct pack_parts {
    std::vector<rule> rules;
    std::vector<convention> conventions;
    std::vector<calendar_definition> calendars;
    std::vector<calendar_year_file> years;
    holiday_data holidays;
    std::vector<diagnostic> diagnostics;
};

// The authority of each step of a convention: one table (undated), or an array of tables
// each with the days of the law it states (valid_from, valid_until), in order, not overlapping.
void read_convention_steps(table_reader& r, const diagnostics_sink& sink, const std::string& path, convention& c,
                           std::vector<diagnostic>& diags) {
    const auto read_steps = [&](table_reader& sr, std::map<std::string, citation_list, std::less<>>& into) {
        for (const char* step : {"start", "count", "roll", "close"})
            if (sr.node(step) != nullptr) into[step] = read_citations(sr, step, true);
    };
    if (const toml::node* steps = r.node("steps"); steps != nullptr && steps->is_table()) {
        table_reader sr(*steps->as_table(), sink, "convention '" + c.id + "' steps");
        read_steps(sr, c.step_citations);
        sr.finish();
    } else if (steps != nullptr && steps->is_array()) {
        for_each_table(steps->as_array(), sink, "convention '" + c.id + "' steps", [&](const toml::table* st) {
            table_reader sr(*st, sink, "convention '" + c.id + "' steps");
            convention::dated_steps d;
            d.where = region_of(path, st->source());
            d.valid_from = sr.date("valid_from", true).value_or(civil_date{});
            d.valid_until = sr.date("valid_until", false);
            read_steps(sr, d.steps);
            sr.finish();
            if (d.valid_until && *d.valid_until <= d.valid_from)
                sink.error(code::empty_range,
                           "convention '" + c.id + "' steps: valid_until " + d.valid_until->to_string() +
                               " is not after valid_from " + d.valid_from.to_string(),
                           st->get("valid_until")->source());
            c.steps_by_date.push_back(std::move(d));
        });
        std::stable_sort(c.steps_by_date.begin(), c.steps_by_date.end(),
                         [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
        for (std::size_t i = 1; i < c.steps_by_date.size(); ++i) {
            const auto& prev = c.steps_by_date[i - 1];
            const auto& cur = c.steps_by_date[i];
            if (!prev.valid_until || *prev.valid_until > cur.valid_from)
                diags.push_back(diagnostic{
                    code::overlap, severity::error,
                    "convention '" + c.id + "': the steps from " + cur.valid_from.to_string() +
                        " overlap the steps from " + prev.valid_from.to_string(),
                    cur.where, {{"the earlier steps are here", prev.where}}});
        }
    } else if (steps != nullptr) {
        sink.error(code::wrong_type,
                   "convention '" + c.id + "': 'steps' must be a table, or an array of tables with valid_from",
                   steps->source());
    }
}

// A convention: how a period is counted (start day, month end, roll, day end), where (calendar,
// zone), and the authority of each step.
convention read_convention(const toml::table* t, const diagnostics_sink& sink, const std::string& path,
                           std::vector<diagnostic>& diags) {
    table_reader r(*t, sink, "convention");
    convention c;
    c.where = region_of(path, t->source());
    c.id = r.string("id", true).value_or("");
    c.name_zh = r.string("name_zh", true).value_or("");
    c.name_en = r.string("name_en", true).value_or("");
    c.counting.id = c.id;
    if (auto s = r.choice("start_day", true, {"excluded", "included"}))
        c.counting.start = *s == "excluded" ? start_day::excluded : start_day::included;
    if (auto m = r.choice("month_end", true, {"clamp", "first_of_next", "spill", "reject"}))
        c.counting.month_end_policy = *m == "clamp" ? month_end::clamp
                                      : *m == "first_of_next" ? month_end::first_of_next
                                      : *m == "spill" ? month_end::spill : month_end::reject;
    if (auto ro = r.choice("roll", true, {"none", "next_working_day", "previous_working_day"}))
        c.counting.roll = *ro == "none" ? roll_convention::none
                          : *ro == "next_working_day" ? roll_convention::next_working_day
                                                      : roll_convention::previous_working_day;
    if (auto e = r.string("day_end", true)) {
        int hh = -1, mm = -1;
        if (*e == "24:00") {
            c.counting.end = day_end::midnight();
        } else if (e->size() == 5 && (*e)[2] == ':' && std::sscanf(e->c_str(), "%2d:%2d", &hh, &mm) == 2 &&
                   hh >= 0 && hh < 24 && mm >= 0 && mm < 60) {
            c.counting.end = day_end::business_close(std::chrono::minutes{hh * 60 + mm});
        } else {
            sink.error(code::bad_value, "convention '" + c.id + "': day_end must be \"24:00\" or \"HH:MM\"",
                       t->get("day_end")->source());
        }
    }
    c.calendar = r.string("calendar", true).value_or("");
    c.zone = r.string("zone", true).value_or("");
    if (auto zone = tz::locate(c.zone); !c.zone.empty() && !zone)
        sink.error(code::bad_value,  // an unknown name, or the tz database itself unusable (io_error)
                   "convention '" + c.id + "': " +
                       (zone.error().code == errc::io_error ? zone.error().message
                                                            : "'" + c.zone + "' is not a time zone"),
                   t->get("zone")->source());
    c.citations = read_citations(r, "citations", true);
    read_convention_steps(r, sink, path, c, diags);
    r.date("checked_on", false);
    r.finish();
    return c;
}

// A rule's versions in order of valid_from, with no overlap and no gap between them.
void check_version_order(rule& ru, std::vector<diagnostic>& diags) {
    std::stable_sort(ru.versions.begin(), ru.versions.end(),
                     [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    for (std::size_t i = 1; i < ru.versions.size(); ++i) {
        const auto& prev = ru.versions[i - 1];
        const auto& cur = ru.versions[i];
        if (!prev.valid_until || prev.valid_from == cur.valid_from || *prev.valid_until > cur.valid_from)
            diags.push_back(diagnostic{
                code::overlap, severity::error,
                "rule '" + ru.id + "': the version from " + cur.valid_from.to_string() +
                    " overlaps the version from " + prev.valid_from.to_string() +
                    (prev.valid_until ? " (in force until " + prev.valid_until->to_string() + ")"
                                      : " (which has no valid_until)"),
                cur.where, {{"the earlier version is here", prev.where}}});
        else if (*prev.valid_until < cur.valid_from)
            diags.push_back(diagnostic{
                code::gap, severity::error,
                "rule '" + ru.id + "': no version is in force from " + prev.valid_until->to_string() +
                    " to " + cur.valid_from.to_string(),
                cur.where, {{"the earlier version ends here", prev.where}}});
    }
}

// Versions chosen by the application day must be simple periods (a version of instalments or a
// composite would be counted under one version and judged by another) and take nothing over (a
// period is never counted under two versions); a take-over needs an earlier period to take over.
void check_version_shapes(const rule& ru, std::vector<diagnostic>& diags) {
    const auto by_application_error = [&](const rule_version& cur, const char* what, const char* why) {
        diags.push_back(diagnostic{
            code::bad_value, severity::error,
            "rule '" + ru.id + "': the version from " + cur.valid_from.to_string() + " " + what +
                ", but the rule's versions are chosen by the application day (version_by_application): " + why,
            cur.where, {}});
    };
    if (!ru.version_by_application.empty())
        for (const auto& cur : ru.versions)
            if (cur.instalments != instalment_mode::none)
                by_application_error(cur, "counts instalments", "only periods and composites can be");
    // A transitional take-over needs an earlier period to take over, and both must be periods.
    for (std::size_t i = 0; i < ru.versions.size(); ++i) {
        const auto& cur = ru.versions[i];
        if (cur.takes_over_running.empty()) continue;
        if (!ru.version_by_application.empty()) {
            by_application_error(cur, "takes over running periods", "a period is never counted under two versions");
            continue;
        }
        const rule_version* prev = i == 0 ? nullptr : &ru.versions[i - 1];
        const auto simple = [](const rule_version& x) { return x.combine == combinator::none && x.time_limited; };
        if (prev == nullptr || !simple(*prev) || !simple(cur))
            diags.push_back(diagnostic{
                code::bad_value, severity::error,
                "rule '" + ru.id + "': the version from " + cur.valid_from.to_string() +
                    " takes over running periods, but " +
                    (prev == nullptr ? std::string("there is no earlier version")
                                     : std::string("it and the earlier version must both be periods "
                                                   "(not composites or time_limit = \"none\")")),
                cur.where, {}});
    }
}

// A rule: its names, expiry, tolling class, kind, convention and versions.
rule read_rule(const toml::table* t, const diagnostics_sink& sink, const std::string& path,
               std::vector<diagnostic>& diags) {
    table_reader r(*t, sink, "rule");
    rule ru;
    ru.where = region_of(path, t->source());
    ru.id = r.string("id", true).value_or("");
    ru.name_zh = r.string("name_zh", true).value_or("");
    ru.name_en = r.string("name_en", true).value_or("");
    if (auto e = read_expiry(r, true)) ru.expiry = *e;
    if (auto tc = r.choice("tolling", true, {"limitation", "fixed", "exclusion"}))
        ru.tolling = *tc == "limitation" ? tolling_class::limitation
                     : *tc == "fixed" ? tolling_class::fixed : tolling_class::exclusion;
    if (auto k = r.choice("period_kind", false, {"party", "court", "waiting", "deemed"}))
        ru.kind = *k == "court" ? period_kind::court : *k == "waiting" ? period_kind::waiting
                  : *k == "deemed" ? period_kind::deemed : period_kind::party;
    if (auto who = r.choice("events_of", false, {"party", "court"})) ru.court_events = *who == "court";
    ru.convention = r.string("convention", true).value_or("");
    ru.forum = r.string("forum", false).value_or("");
    ru.version_by_application = read_citations(r, "version_by_application", false);
    if (const auto* versions = r.array("version", true)) {
        for_each_table(versions, sink, "rule.version",
                       [&](const toml::table* vt) { ru.versions.push_back(read_version(*vt, sink, ru.id)); });
        if (versions->empty())
            sink.error(code::missing_key, "rule '" + ru.id + "' has no versions", t->source());
    }
    r.finish();
    check_version_order(ru, diags);
    check_version_shapes(ru, diags);
    return ru;
}

// A calendar's definition: its zone, weekly rest days and days-off eras (its years are files of their own).
calendar_definition read_calendar_definition(const toml::table* t, const diagnostics_sink& sink, const std::string& path) {
    table_reader r(*t, sink, "calendar");
    calendar_definition c;
    c.where = region_of(path, t->source());
    c.id = r.string("id", true).value_or("");
    c.name_zh = r.string("name_zh", true).value_or("");
    c.name_en = r.string("name_en", true).value_or("");
    c.zone = r.string("zone", true).value_or("");
    if (const auto* wr = r.array("weekly_rest", true)) {
        for_each_table(wr, sink, "calendar.weekly_rest", [&](const toml::table* wt) {
            table_reader wrr(*wt, sink, "weekly_rest");
            weekly_rest_rule rule_;
            rule_.valid_from = wrr.date("valid_from", true).value_or(civil_date{});
            rule_.days = 0;
            static constexpr std::array<std::string_view, 7> names = {"mon", "tue", "wed", "thu",
                                                                      "fri", "sat", "sun"};
            for (const auto& d : wrr.strings("days", true).value_or(std::vector<std::string>{})) {
                const auto it = std::find(names.begin(), names.end(), d);
                if (it == names.end())
                    sink.error(code::bad_value, "weekly_rest: '" + d + "' is not mon..sun", wt->get("days")->source());
                else
                    rule_.days = static_cast<weekday_set>(rule_.days | (1U << (it - names.begin())));
            }
            auto cites = read_citations(wrr, "citation", true);
            if (!cites.empty()) rule_.citation = to_string(cites.front());
            wrr.finish();
            c.weekly_rest.push_back(rule_);
        });
    }
    if (const auto* eras = r.array("days_off", false)) {
        for_each_table(eras, sink, "calendar.days_off", [&](const toml::table* et) {
            table_reader er(*et, sink, "days_off");
            days_off_era era;
            era.valid_from = er.date("valid_from", true).value_or(civil_date{});
            era.days = static_cast<int>(er.integer("days", true).value_or(0));
            read_citations(er, "citation", true);
            er.finish();
            c.days_off.push_back(era);
        });
    }
    read_calendar_rules(r, path, c);
    r.finish();
    std::sort(c.weekly_rest.begin(), c.weekly_rest.end(),
              [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    std::sort(c.days_off.begin(), c.days_off.end(),
              [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    return c;
}

void read_rule_file(const std::string& path, const toml::table& top_table, pack_parts& parts) {
    diagnostics_sink sink{path, &parts.diagnostics};
    table_reader top(top_table, sink, "rule file");
    if (auto v = top.integer("schema_version", true); v && *v != 1)
        sink.error(code::bad_value, "schema_version " + std::to_string(*v) + " is not supported (1 is)",
                   top_table.get("schema_version")->source());
    if (const auto* conventions = top.array("convention", false))
        for_each_table(conventions, sink, "convention", [&](const toml::table* t) {
            parts.conventions.push_back(read_convention(t, sink, path, parts.diagnostics));
        });
    if (const auto* rules = top.array("rule", false))
        for_each_table(rules, sink, "rule",
                       [&](const toml::table* t) { parts.rules.push_back(read_rule(t, sink, path, parts.diagnostics)); });
    if (const auto* calendars = top.array("calendar", false))
        for_each_table(calendars, sink, "calendar", [&](const toml::table* t) {
            parts.calendars.push_back(read_calendar_definition(t, sink, path));
        });
    top.finish();
}

template <class T>
void check_unique(const std::vector<T>& items, const char* what, std::vector<diagnostic>& out) {
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!items[i].id.empty() && items[i].id == items[j].id) {
                out.push_back(diagnostic{code::duplicate_id, severity::error,
                                         std::string(what) + " id '" + items[i].id + "' is used twice", items[i].where,
                                         {{"first used here", items[j].where}}});
                break;
            }
}

}  // namespace

std::span<const std::string_view> event_kinds() noexcept { return kinds; }

bool is_event_kind(std::string_view kind) noexcept {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::span<const fact_kind> fact_kinds() noexcept { return facts; }

const fact_kind* find_fact(std::string_view name) noexcept {
    for (const auto& f : facts)
        if (f.name == name) return &f;
    return nullptr;
}

result<void> check_facts(const std::map<std::string, std::string, std::less<>>& given) {
    for (const auto& [name, value] : given) {
        const fact_kind* f = find_fact(name);
        if (f == nullptr) {
            std::string names;
            for (const auto& fd : facts) names.append(names.empty() ? "" : ", ").append(fd.name);
            return unexpected(make_error(errc::invalid_request, "'" + name + "' is not a fact (facts: " + names + ")", name));
        }
        if (std::find(f->values.begin(), f->values.end(), value) == f->values.end()) {
            std::string values;
            for (const auto& x : f->values) values.append(values.empty() ? "" : ", ").append(x);
            return unexpected(
                make_error(errc::invalid_request, "fact " + name + " is '" + value + "'; it is one of " + values, value));
        }
    }
    return {};
}

const untimed_claim* untimed_for(const rule_version& v,
                                 const std::map<std::string, std::string, std::less<>>& given) noexcept {
    for (const auto& u : v.not_time_limited) {
        const bool all = std::all_of(u.when.begin(), u.when.end(), [&](const auto& fact) {
            const auto it = given.find(fact.first);
            return it != given.end() && it->second == fact.second;
        });
        if (all) return &u;
    }
    return nullptr;
}

std::array<std::string_view, 5> text_parts(const citation& c) noexcept {
    const bool numbered = !c.article.empty() && c.article[0] >= '0' && c.article[0] <= '9';
    // an article that is not a number is a named part, e.g. a guiding case's 裁判要点
    const std::string_view before_article = c.article.empty() ? "" : numbered ? " art. " : " ";
    const std::string_view before_paragraph = c.paragraph.empty() ? "" : " para. ";
    return {c.instrument, before_article, c.article, before_paragraph, c.paragraph};
}

citation_list::citation_list(std::vector<citation> items)
    : items_(items.empty() ? nullptr : std::make_shared<const std::vector<citation>>(std::move(items))) {}

citation_list citation_list::join(const citation_list& a, const citation_list& b) {
    std::vector<citation> out(a.begin(), a.end());
    bool added = false;
    for (const auto& c : b)
        if (std::none_of(a.begin(), a.end(), [&](const citation& x) {
                return x.instrument == c.instrument && x.article == c.article && x.paragraph == c.paragraph;
            })) {
            out.push_back(c);
            added = true;
        }
    return added ? citation_list(std::move(out)) : a;
}

bool operator==(const citation_list& a, const citation_list& b) noexcept {
    return a.items_ == b.items_ || std::equal(a.begin(), a.end(), b.begin(), b.end());
}

std::string to_string(const citation& c) {
    std::string out;
    for (const auto part : text_parts(c)) out += part;
    return out;
}

result<period> period_for(const rule& r, const rule_version& v,
                          const std::map<std::string, std::string, std::less<>>& facts) {
    auto c = choice_for(r, v, facts);
    if (!c) return unexpected(c.error());
    return (*c)->length;
}

result<const period_choice*> choice_for(const rule& r, const rule_version& v,
                                        const std::map<std::string, std::string, std::less<>>& facts) {
    const bool has_default =
        std::any_of(v.periods.begin(), v.periods.end(), [](const period_choice& c) { return c.when.empty(); });
    for (const auto& choice : v.periods) {
        bool matches = true;
        for (const auto& [fact, value] : choice.when) {
            const auto it = facts.find(fact);
            if (it == facts.end() && has_default) {
                matches = false;  // passed over: the default applies unless another entry matches
                continue;
            }
            if (it == facts.end())
                return unexpected(make_error(errc::missing_fact,
                                             "rule '" + r.id + "' (version from " + v.valid_from.to_string() +
                                                 ") depends on the fact '" + fact + "'; give it, e.g. --fact " +
                                                 fact + "=" + value,
                                             fact));
            if (it->second != value) matches = false;
        }
        if (matches) return &choice;
    }
    std::string known;  // what the version's periods name, e.g. "domicile=mainland, domicile=none_in_mainland"
    for (const auto& choice : v.periods)
        for (const auto& [fact, value] : choice.when) detail::append(known, {known.empty() ? "" : ", ", fact, "=", value});
    return unexpected(make_error(errc::invalid_request,
                                 "rule '" + r.id + "': no period of the version from " + v.valid_from.to_string() +
                                     " matches the facts given (its periods are for " + known + ")"));
}

std::string_view to_string(expiry_kind e) noexcept {
    switch (e) {
        case expiry_kind::bar: return "bar";
        case expiry_kind::defence: return "defence";
        case expiry_kind::extinguished: return "extinguished";
        case expiry_kind::none: return "none";
    }
    return "bar";
}

std::string_view to_string(period_kind k) noexcept {
    switch (k) {
        case period_kind::party: return "party";
        case period_kind::court: return "court";
        case period_kind::waiting: return "waiting";
        case period_kind::deemed: return "deemed";
    }
    return "party";
}

tolling_rules tolling_rules::on(civil_date day) const {
    tolling_rules out = *this;
    out.from.clear();
    for (const auto& d : from) {
        if (day < d.valid_from) break;
        const auto take = [](citation_list& into, const citation_list& given) {
            if (!given.empty()) into = given;
        };
        take(out.interruption, d.rules.interruption);
        take(out.settlement, d.rules.settlement);
        if (!d.rules.suspension.empty()) {  // a new authority for suspension brings its own other reading
            out.suspension = d.rules.suspension;
            out.suspension_other = d.rules.suspension_other;
        }
        take(out.waiver, d.rules.waiver);
        if (d.gives_suspension_text) out.suspension_text = d.rules.suspension_text;
        if (d.gives_settlement_from) out.settlement_from_performance_due = d.rules.settlement_from_performance_due;
    }
    return out;
}

std::string_view to_string(tolling_class t) noexcept {
    switch (t) {
        case tolling_class::limitation: return "limitation";
        case tolling_class::fixed: return "fixed";
        case tolling_class::exclusion: return "exclusion";
    }
    return "fixed";
}

std::string_view to_string(suspension_reading r) noexcept {
    return r == suspension_reading::civil_code ? "civil_code" : "resume";
}

std::string_view to_string(combinator c) noexcept {
    switch (c) {
        case combinator::none: return "none";
        case combinator::earliest_of: return "earliest_of";
        case combinator::latest_of: return "latest_of";
    }
    return "none";
}

const rule_version* rule::version_for(civil_date d) const noexcept {
    for (const auto& v : versions)
        if (v.in_force_on(d)) return &v;
    return nullptr;
}

namespace {
// Under load_embedded(), a file of the built-in pack, as embedded, is rebuilt from its
// image (toml_image.hpp); any other file, and every file of load() and load_directory(),
// is parsed.
// True on this thread while load_embedded() loads the built-in pack through load().
thread_local bool reading_embedded_pack = false;

toml::parse_result parse_source(const source_file& f, bool images) {
    const auto& embedded = detail::embedded_rule_files();
    for (std::size_t i = 0; images && i < embedded.size(); ++i)
        if (embedded[i].first == f.path && embedded[i].second == f.text)
            return toml::parse_result(detail::read_image(detail::embedded_rule_images()[i], f.path));
    return toml::parse(std::string_view(f.text), std::string_view(f.path));
}
}  // namespace

namespace {
// Every reference of the pack resolves: year files to a [[calendar]], conventions to a
// calendar, rules to a convention, components to rules; and no composite contains itself.
void check_references(pack_parts& parts) {
    for (const auto& y : parts.years) {
        const bool defined = std::any_of(parts.calendars.begin(), parts.calendars.end(),
                                         [&](const auto& c) { return c.id == y.calendar; });
        if (!defined)
            parts.diagnostics.push_back(diagnostic{code::unresolved, severity::error,
                                                   "calendar '" + y.calendar + "' is not defined by any [[calendar]]",
                                                   region_of(y.path, y.table.get("calendar")->source()), {}});
    }
    for (const auto& c : parts.conventions) {
        const bool known = std::any_of(parts.calendars.begin(), parts.calendars.end(),
                                       [&](const auto& d) { return d.id == c.calendar; });
        if (!c.calendar.empty() && !known)
            parts.diagnostics.push_back(diagnostic{code::unresolved, severity::error,
                                                   "convention '" + c.id + "': unknown calendar '" + c.calendar + "'",
                                                   c.where, {}});
    }
    for (const auto& r : parts.rules) {
        const bool known = std::any_of(parts.conventions.begin(), parts.conventions.end(),
                                       [&](const auto& c) { return c.id == r.convention; });
        if (!r.convention.empty() && !known)
            parts.diagnostics.push_back(diagnostic{code::unresolved, severity::error,
                                                   "rule '" + r.id + "': unknown convention '" + r.convention + "'",
                                                   r.where, {}});
    }
    // Components resolve, and composites do not contain themselves.
    auto find_rule = [&](const std::string& id) -> const rule* {
        for (const auto& r : parts.rules)
            if (r.id == id) return &r;
        return nullptr;
    };
    for (const auto& r : parts.rules)
        for (const auto& v : r.versions)
            for (const auto& c : v.components)
                if (find_rule(c) == nullptr)
                    parts.diagnostics.push_back(diagnostic{code::unresolved, severity::error,
                                                           "rule '" + r.id + "': component '" + c +
                                                               "' is not a rule of the pack",
                                                           v.where, {}});
    for (const auto& r : parts.rules) {
        // Depth-first from r; a path that reaches r again is a cycle.
        std::vector<std::pair<const rule*, std::string>> stack{{&r, r.id}};
        std::set<std::string, std::less<>> seen;
        bool cycle = false;
        std::string path;
        while (!stack.empty() && !cycle) {
            auto [cur, trail] = stack.back();
            stack.pop_back();
            for (const auto& v : cur->versions)
                for (const auto& c : v.components) {
                    if (c == r.id) {
                        cycle = true;
                        path = trail + " -> " + c;
                    }
                    const rule* next = find_rule(c);
                    if (next != nullptr && seen.insert(c).second) stack.push_back({next, trail + " -> " + c});
                }
        }
        if (cycle)
            parts.diagnostics.push_back(diagnostic{code::cycle, severity::error,
                                                   "rule '" + r.id + "' contains itself: " + path, r.where, {}});
    }
}
}  // namespace

result<rule_pack, std::vector<diagnostic>> rule_pack::load(std::vector<source_file> files) {
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    pack_parts parts;
    std::uint64_t rules_hash = 0xcbf29ce484222325ULL, calendar_hash = 0xcbf29ce484222325ULL;
    for (const auto& f : files) {
        auto parsed = parse_source(f, reading_embedded_pack);
        if (!parsed) {
            const auto& e = parsed.error();
            parts.diagnostics.push_back(diagnostic{code::syntax, severity::error, std::string(e.description()),
                                                   region_of(f.path, e.source()), {}});
            continue;
        }
        toml::table table = std::move(parsed).table();
        const bool year_file = table.get("calendar") != nullptr && table.get("calendar")->is_string();
        std::uint64_t& h = year_file ? calendar_hash : rules_hash;
        h = detail::fnv1a(f.text, detail::fnv1a(f.path, h));
        if (!year_file && detail::read_holiday_data(f.path, table, parts.holidays, parts.diagnostics)) {
            calendar_hash = detail::fnv1a(f.text, detail::fnv1a(f.path, calendar_hash));
            continue;
        }
        if (year_file) {
            const std::string cal = table.get("calendar")->as_string()->get();
            parts.years.push_back({f.path, cal, std::move(table)});
        } else {
            read_rule_file(f.path, table, parts);
            if (table.get("calendar") != nullptr) calendar_hash = detail::fnv1a(f.text, calendar_hash);
        }
    }
    check_unique(parts.rules, "rule", parts.diagnostics);
    check_unique(parts.conventions, "convention", parts.diagnostics);

    rule_pack pack;
    for (const auto& def : parts.calendars) {
        std::vector<const calendar_year_file*> years;
        for (const auto& y : parts.years)
            if (y.calendar == def.id) years.push_back(&y);
        if (def.rules) {  // checked now, expanded on first use (find_calendar)
            if (auto data = check_rule_calendar(def, years.size(), parts.diagnostics))
                pack.projections_[std::string(rule_calendar_key) + def.id] = std::make_shared<lazy_projection>(std::move(*data));
        } else if (auto cal = build_calendar(def, years, parts.diagnostics)) {
            pack.calendars_[def.id] = std::move(cal);
        }
    }
    pack.holiday_laws_ = detail::assemble_holiday_laws(parts.holidays, pack.calendars_, parts.years, parts.diagnostics);
    for (const auto& [id, law] : pack.holiday_laws_) {
        const auto cal = pack.calendars_.find(id);
        if (cal != pack.calendars_.end())
            pack.projections_[id] = std::make_shared<lazy_projection>(cal->second.get(), law.get());
    }
    check_references(parts);

    // Report top to bottom, file by file.
    std::stable_sort(parts.diagnostics.begin(), parts.diagnostics.end(), [](const auto& a, const auto& b) {
        if (a.region.file != b.region.file) return a.region.file < b.region.file;
        if (a.region.begin.line != b.region.begin.line) return a.region.begin.line < b.region.begin.line;
        return a.region.begin.column < b.region.begin.column;
    });
    if (has_errors(parts.diagnostics)) return unexpected(std::move(parts.diagnostics));

    pack.rules_ = std::move(parts.rules);
    pack.conventions_ = std::move(parts.conventions);
    pack.warnings_ = std::move(parts.diagnostics);
    pack.digest_ = fnv1a_hex({}, rules_hash);
    pack.calendar_digest_ = fnv1a_hex({}, calendar_hash);
    return pack;
}

const holiday_law* rule_pack::find_holiday_law(std::string_view calendar_id) const noexcept {
    const auto it = holiday_laws_.find(calendar_id);
    return it == holiday_laws_.end() ? nullptr : it->second.get();
}

// What is built on first use: a notice calendar's projection (cal, law), or a rule calendar
// expanded from its rules (`rules`; kept in projections_ under rule_calendar_key + its id).
struct rule_pack::lazy_projection {
    lazy_projection(const table_calendar* c, const holiday_law* l) : cal(c), law(l) {}
    explicit lazy_projection(rule_calendar_data d) : rules(std::move(d)) {}
    const table_calendar* cal = nullptr;  // owned by the pack (shared_ptr: stable when the pack moves)
    const holiday_law* law = nullptr;
    std::optional<rule_calendar_data> rules;  // checked at load (check_rule_calendar): its build cannot fail
    std::once_flag once;
    std::shared_ptr<const calendar_projection> value;
    std::shared_ptr<const table_calendar> expanded;  // the rule calendar, once built
};

std::shared_ptr<const calendar_projection> rule_pack::find_projection(std::string_view calendar_id) const noexcept {
    const auto it = projections_.find(calendar_id);
    if (it == projections_.end() || it->second->rules) return nullptr;
    lazy_projection& p = *it->second;
    std::call_once(p.once, [&p] {
        auto built = calendar_projection::build(*p.cal, *p.law, std::nullopt);
        if (built) p.value = std::move(*built);
    });
    return p.value;
}

result<rule_pack, std::vector<diagnostic>> rule_pack::load_directory(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return unexpected(std::vector<diagnostic>{
            diagnostic{"E0002", severity::error, "'" + dir + "' is not a directory of rule files", {}, {}}});
    std::vector<source_file> files;
    std::vector<diagnostic> problems;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->path().extension() != ".toml") continue;
        // A symlink loop or a dangling link (a rule file that vanished) is an error, not a skip.
        std::error_code status_ec;
        const bool regular = it->is_regular_file(status_ec);
        if (status_ec) {
            problems.push_back(diagnostic{"E0002", severity::error, "cannot read the file: " + status_ec.message(),
                                          {it->path().string(), {}, {}}, {}});
            continue;
        }
        if (!regular) continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        if (!in.good() && !in.eof()) {
            problems.push_back(diagnostic{"E0002", severity::error, "cannot read the file",
                                          {it->path().string(), {}, {}}, {}});
            continue;
        }
        files.push_back({it->path().string(), ss.str()});
    }
    if (ec) problems.push_back(diagnostic{"E0002", severity::error, "cannot list '" + dir + "': " + ec.message(), {}, {}});
    if (!problems.empty()) return unexpected(std::move(problems));
    return load(std::move(files));
}

result<rule_pack, std::vector<diagnostic>> rule_pack::load_embedded() {
    std::vector<source_file> files;
    for (const auto& [path, text] : detail::embedded_rule_files())
        files.push_back({std::string(path), std::string(text)});
    struct embedded_trees {  // the images, for this load only (even if it throws)
        embedded_trees() { reading_embedded_pack = true; }
        ~embedded_trees() { reading_embedded_pack = false; }
    } scope;
    return load(std::move(files));
}

const rule* rule_pack::find(std::string_view id) const noexcept {
    for (const auto& r : rules_)
        if (r.id == id) return &r;
    return nullptr;
}

const convention* rule_pack::find_convention(std::string_view id) const noexcept {
    for (const auto& c : conventions_)
        if (c.id == id) return &c;
    return nullptr;
}

const table_calendar* rule_pack::find_calendar(std::string_view id) const noexcept {
    if (const auto it = calendars_.find(id); it != calendars_.end()) return it->second.get();
    // A rule calendar is expanded on first use: most answers never need one (a one-off compute
    // would otherwise pay ~6 M instructions for each forum calendar).
    std::string key(rule_calendar_key);
    key += id;
    const auto it = projections_.find(key);
    if (it == projections_.end() || !it->second->rules) return nullptr;
    lazy_projection& c = *it->second;
    std::call_once(c.once, [&c] {
        auto built = build_rule_calendar(*c.rules);
        if (built) c.expanded = std::make_shared<const table_calendar>(std::move(*built));
    });
    return c.expanded.get();
}

std::vector<std::string> rule_pack::calendar_ids() const {
    std::vector<std::string> ids;
    for (const auto& [id, cal] : calendars_) ids.push_back(id);
    for (const auto& [key, lazy] : projections_)
        if (lazy->rules) ids.push_back(key.substr(rule_calendar_key.size()));
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace qixian
