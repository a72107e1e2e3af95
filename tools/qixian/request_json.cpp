#include "request_json.hpp"

namespace qixian::cli {

namespace {
error bad(std::string message) { return make_error(errc::invalid_request, std::move(message)); }

result<std::string> string_field(const nlohmann::json& j, const char* what) {
    if (!j.is_string()) return unexpected(bad(std::string("'") + what + "' must be a string"));
    return j.get<std::string>();
}
}  // namespace

result<compute_request> request_from_json(const nlohmann::json& j) {
    if (!j.is_object()) return unexpected(bad("a request must be a JSON object"));
    compute_request req;
    for (const auto& [key, value] : j.items()) {
        if (key == "id") continue;
        if (key == "rule") {
            auto s = string_field(value, "rule");
            if (!s) return unexpected(s.error());
            req.rule = *s;
        } else if (key == "events" || key == "facts") {
            if (!value.is_object()) return unexpected(bad("'" + key + "' must be an object"));
            for (const auto& [k, v] : value.items()) {
                if (key == "events" && k == "instalment_due" && v.is_array()) {
                    for (const auto& day : v) {
                        if (!day.is_string()) return unexpected(bad("events.instalment_due: each day must be a string"));
                        req.instalments.push_back(day.get<std::string>());
                    }
                    if (req.instalments.empty()) return unexpected(bad("events.instalment_due: an empty list"));
                    continue;
                }
                if (key == "events" && v.is_array())
                    return unexpected(bad("events." + k + ": only instalment_due takes a list of days"));
                if (!v.is_string()) return unexpected(bad(key + "." + k + " must be a string"));
                (key == "events" ? req.events : req.facts)[k] = v.get<std::string>();
            }
        } else if (key == "tolling") {
            if (!value.is_array()) return unexpected(bad("'tolling' must be an array"));
            for (const auto& t : value) {
                if (!t.is_object()) return unexpected(bad("each tolling entry must be an object"));
                tolling_event ev;
                const std::string kind = t.contains("kind") && t["kind"].is_string() ? t["kind"].get<std::string>() : "";
                if (kind == "interruption") ev.what = tolling_event::kind::interruption;
                else if (kind == "suspension") ev.what = tolling_event::kind::suspension;
                else if (kind == "settlement") ev.what = tolling_event::kind::settlement;
                else if (kind == "agreed_after_expiry") ev.what = tolling_event::kind::agreed_after_expiry;
                else
                    return unexpected(bad("tolling kind '" + kind +
                                          "' is not one of interruption, suspension, settlement, agreed_after_expiry"));
                for (const auto& [tk, tv] : t.items()) {
                    if (tk == "kind") continue;
                    if (!tv.is_string()) return unexpected(bad("tolling." + tk + " must be a string"));
                    const std::string text = tv.get<std::string>();
                    if (tk == "at" && ev.what != tolling_event::kind::suspension) ev.at = text;
                    else if ((tk == "from" || tk == "to") && ev.what == tolling_event::kind::suspension)
                        (tk == "from" ? ev.from : ev.to) = text;
                    else if (tk == "performance_due" && ev.what == tolling_event::kind::settlement) ev.performance_due = text;
                    else if (tk == "addressee" && ev.what == tolling_event::kind::interruption && (text == "debtor" || text == "third_party"))
                        ev.third_party = text == "third_party";
                    else
                        return unexpected(bad("tolling " + kind + ": unexpected field '" + tk + "' (" +
                                              (ev.what == tolling_event::kind::suspension ? "from, to"
                                               : ev.what == tolling_event::kind::settlement ? "at, performance_due"
                                               : ev.what == tolling_event::kind::interruption ? "at, addressee = debtor|third_party"
                                                                                            : "at") + ")"));
                }
                const bool suspension = ev.what == tolling_event::kind::suspension;
                if (suspension ? (ev.from.empty() || ev.to.empty()) : ev.at.empty())
                    return unexpected(bad("tolling " + kind + " needs " + (suspension ? "from and to" : "at")));
                req.tolling.push_back(ev);
            }
        } else if (key == "act") {
            auto s = string_field(value, "act");
            if (!s) return unexpected(s.error());
            req.act = *s;
        } else if (key == "zone") {
            auto s = string_field(value, "zone");
            if (!s) return unexpected(s.error());
            req.zone = *s;
        } else if (key == "calendar_as_of") {
            auto s = string_field(value, "calendar_as_of");
            if (!s) return unexpected(s.error());
            auto d = civil_date::parse(*s);
            if (!d) return unexpected(d.error());
            req.calendar_as_of = *d;
        } else if (key == "readings") {
            if (!value.is_object()) return unexpected(bad("'readings' must be an object"));
            for (const auto& [k, v] : value.items()) {
                const std::string s = v.is_string() ? v.get<std::string>() : "";
                if (!apply_reading(req, k, s))
                    return unexpected(bad("readings." + k + ": '" + s + "' is not a reading (" + readings_summary + ")"));
            }
        } else if (key == "local_times") {
            const std::string s = value.is_string() ? value.get<std::string>() : "";
            if (s == "reject") req.local_times = tz::local_policy::reject;
            else if (s == "earliest") req.local_times = tz::local_policy::earliest;
            else if (s == "latest") req.local_times = tz::local_policy::latest;
            else return unexpected(bad("local_times must be reject, earliest or latest"));
        } else if (key == "trace") {
            if (!value.is_boolean()) return unexpected(bad("'trace' must be true or false"));
            req.trace = value.get<bool>();
        } else if (key == "provisional") {
            if (!value.is_boolean()) return unexpected(bad("'provisional' must be true or false"));
            req.outside = value.get<bool>() ? coverage_policy::provisional : coverage_policy::strict;
        } else {
            return unexpected(bad("unknown field '" + key + "'"));
        }
    }
    if (req.rule.empty()) return unexpected(bad("'rule' is required"));
    return req;
}

bool apply_reading(compute_request& req, std::string_view k, std::string_view s) {
    if (k == "adjusted_weekend" && (s == "schedule" || s == "weekday"))
        req.adjusted = s == "weekday" ? adjusted_weekend::weekday : adjusted_weekend::schedule;
    else if (k == "event_zone" && (s == "forum" || s == "local"))
        req.event_zone = s == "local" ? event_zone_reading::local : event_zone_reading::forum;
    else if (k == "suspension" && (s == "civil_code" || s == "resume"))
        req.suspension = s == "resume" ? suspension_reading::resume : suspension_reading::civil_code;
    else if (k == "instalments" && (s == "each" || s == "last"))
        req.instalments_reading = s == "last" ? instalment_reading::last : instalment_reading::each;
    else if (k == "transition" && (s == "takes_over" || s == "by_trigger"))
        req.transition = s == "by_trigger" ? transition_reading::by_trigger : transition_reading::takes_over;
    else
        return false;
    return true;
}

}  // namespace qixian::cli
