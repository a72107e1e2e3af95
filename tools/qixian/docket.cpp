#include "docket.hpp"
#include "io.hpp"
#include "qixian/messages.hpp"
#include "json_writer.hpp"
#include "render.hpp"
#include "request_json.hpp"

#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 0  // the implementation is in the engine (toml_impl.cpp)
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace qixian::cli {

result<nlohmann::json> read_case_file(const std::string& path) {
    auto text = read_file(path);
    if (!text) return unexpected(std::move(text.error()));
    const bool is_json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    return parse_case(*text, is_json ? case_format::json : case_format::toml, path);
}

namespace {

// A case file is a few levels deep. Deeper nesting is refused while parsing (which does not
// recurse): copying and printing a JSON value recurse, and 100,000 levels would overflow
// the stack.
constexpr int max_case_depth = 64;

result<nlohmann::json> parse_json(std::string_view text, const std::string& name) {
    bool too_deep = false;
    auto j = nlohmann::json::parse(
        text,
        [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            too_deep = too_deep || depth > max_case_depth;
            return !too_deep;  // a value too deep is not kept
        },
        false);
    if (too_deep)
        return unexpected(make_error(errc::invalid_request,
                                     name + ": nested more than " + std::to_string(max_case_depth) + " levels deep", name));
    if (j.is_discarded()) return unexpected(make_error(errc::invalid_request, name + ": not valid JSON", name));
    return j;
}

}  // namespace

result<nlohmann::json> parse_case(std::string_view text, case_format format, const std::string& name) {
    if (format == case_format::json) return parse_json(text, name);
    auto parsed = toml::parse(text, std::string_view(name));
    if (!parsed) {
        const auto& e = parsed.error();
        return unexpected(make_error(errc::invalid_request,
                                     name + ":" + std::to_string(e.source().begin.line) + ":" +
                                         std::to_string(e.source().begin.column) + ": " + std::string(e.description()),
                                     name));
    }
    std::ostringstream json;
    json << toml::json_formatter{parsed.table()};
    return parse_json(json.str(), name);
}

namespace {

bool selected(const std::vector<std::string>& patterns, const std::string& id) {
    if (patterns.empty()) return true;
    for (const auto& p : patterns) {
        if (!p.empty() && p.back() == '*' ? id.rfind(p.substr(0, p.size() - 1), 0) == 0 : id == p) return true;
    }
    return false;
}

bool triggered_by(const rule_pack& pack, const rule& r, const compute_request& req, int depth = 0) {
    if (depth > 8) return false;
    for (const auto& v : r.versions) {
        for (const auto& k : v.trigger)
            if (req.events.count(k)) return true;
        bool all = !v.components.empty();
        for (const auto& c : v.components) {
            const rule* cr = pack.find(c);
            all = all && cr != nullptr && triggered_by(pack, *cr, req, depth + 1);
        }
        if (all) return true;
    }
    return false;
}

}  // namespace

result<docket> build_docket(const rule_pack& pack, const nlohmann::json& case_file) {
    if (!case_file.is_object()) return unexpected(make_error(errc::invalid_request, "a case file is a table/object"));
    nlohmann::json request = case_file;
    std::vector<std::string> patterns;
    if (request.contains("rules")) {
        if (!request["rules"].is_array()) return unexpected(make_error(errc::invalid_request, "'rules' must be a list"));
        for (const auto& p : request["rules"]) {
            if (!p.is_string()) return unexpected(make_error(errc::invalid_request, "'rules' must be a list of strings"));
            patterns.push_back(p.get<std::string>());
        }
        request.erase("rules");
    }
    request.erase("id");
    // The court's own events (its receipt of an application or objection, its acceptance): the
    // triggers of the rules whose events are the court's (events_of = "court"), kept apart from
    // the parties' events of the same kind.
    std::map<std::string, std::string, std::less<>> court_events;
    if (request.contains("court_events")) {
        const auto& ce = request["court_events"];
        if (!ce.is_object()) return unexpected(make_error(errc::invalid_request, "'court_events' must be a table of event kinds"));
        for (const auto& [kind, value] : ce.items()) {
            if (!is_event_kind(kind) || !value.is_string())
                return unexpected(make_error(errc::invalid_request,
                                             "'court_events': '" + kind + "' must be an event kind with a time (a string)", kind));
            court_events[kind] = value.get<std::string>();
        }
        request.erase("court_events");
    }
    request["rule"] = "(docket)";
    auto base = request_from_json(request);
    if (!base) return unexpected(base.error());
    for (const auto& p : patterns) {
        const bool any = std::any_of(pack.rules().begin(), pack.rules().end(),
                                     [&](const rule& r) { return selected({p}, r.id); });
        if (!any) return unexpected(make_error(errc::unknown_rule, "'rules' names '" + p + "', which matches no rule", p));
    }

    // Components of a composite that is on the docket are shown inside it, not again.
    std::set<std::string> components;
    for (const auto& r : pack.rules())
        for (const auto& v : r.versions)
            for (const auto& c : v.components) components.insert(c);

    compute_request req = *base;
    compute_request court = *base;  // the same case, with the court's events as its events
    court.events = court_events;
    court.instalments.clear();
    std::map<std::string, std::string> produced_by;  // event kind → the rule whose end produced it
    // event kind → the producer's alternative readings, with the day the event falls on under each
    std::map<std::string, std::vector<std::pair<std::string, civil_date>>> produced_alternatives;
    // An alternative's reading, "key=value", set on a request (any reading of LAW.md §1).
    auto under_reading = [](compute_request& r, const std::string& reading) {
        const auto eq = reading.find('=');
        if (eq != std::string::npos)
            apply_reading(r, std::string_view(reading).substr(0, eq), std::string_view(reading).substr(eq + 1));
    };
    std::set<std::string> done;
    docket out;
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& r : pack.rules()) {
            const compute_request& own = r.court_events ? court : req;  // only the rule's own events start it
            if (done.count(r.id) || !selected(patterns, r.id) || !triggered_by(pack, r, own)) continue;
            if (components.count(r.id) && patterns.empty()) continue;
            done.insert(r.id);
            compute_request one = own;
            one.rule = r.id;
            docket_entry e{r.id, std::nullopt, std::nullopt, {}};
            auto d = compute(pack, one);
            if (d) {
                for (const auto& [event, source] : produced_by) {
                    if (d->trigger != event) continue;
                    e.chain.push_back(event + " from " + source);
                    // A reading that moves the producer's end moves this deadline too:
                    // recompute it under that reading from the event's day under it.
                    for (const auto& [reading, day] : produced_alternatives[event]) {
                        compute_request alt = one;
                        under_reading(alt, reading);
                        alt.events[event] = day.to_string();
                        auto a = compute(pack, alt);
                        if (!a) continue;
                        auto& alts = d->alternatives;
                        alts.erase(std::remove_if(alts.begin(), alts.end(),
                                                  [&r = reading](const alternative& x) { return x.reading == r; }),
                                   alts.end());
                        if (a->time_limited != d->time_limited || (a->time_limited && a->last_day != d->last_day))
                            alts.push_back({reading, a->time_limited ? a->last_day : civil_date{}, std::nullopt,
                                            a->time_limited, std::nullopt});
                    }
                }
                if (d->produces && !req.events.count(*d->produces) && !r.court_events) {
                    req.events[*d->produces] = d->produces_on->to_string();
                    produced_by[*d->produces] = r.id;
                    const std::int32_t shift = calendar_days_between(d->last_day, *d->produces_on);
                    for (const auto& a : d->alternatives)  // only a reading that moves the day moves the chain
                        if (a.time_limited && a.last_day != d->last_day)
                            produced_alternatives[*d->produces].push_back(
                                {a.reading, add_calendar_days(a.last_day, shift)});
                    grew = true;
                }
                e.due = std::move(*d);
            } else {
                e.problem = d.error();
            }
            out.entries.push_back(std::move(e));
        }
    }
    // Dated deadlines by their end; then acts with no time limit; then problems.
    auto rank = [](const docket_entry& e) { return !e.due ? 2 : e.due->time_limited ? 0 : 1; };
    std::stable_sort(out.entries.begin(), out.entries.end(), [&](const docket_entry& a, const docket_entry& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        return rank(a) == 0 && a.due->ends_at < b.due->ends_at;
    });
    return out;
}

void write_deadlines(json_writer& w, const docket& d, bool trace, citation_json_cache& cache) {
    w.key("deadlines").begin_array();
    for (const auto& e : d.entries) {
        w.begin_object();
        if (e.due) {
            write_fields(w, *e.due, trace, cache);
            if (!e.chain.empty()) {
                w.key("chain").begin_array();
                for (const auto& c : e.chain) w.value(c);
                w.end_array();
            }
        } else {
            w.field("rule", e.rule).field("ok", false);
            w.key("error")
                .begin_object()
                .field("code", to_string(e.problem->code))
                .field("message", e.problem->message)
                .field("message_zh", message_zh(*e.problem))
                .end_object();
        }
        w.end_object();
    }
    w.end_array();
}

}  // namespace qixian::cli
