#include "request_json.hpp"
#include "json_writer.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace qixian::cli {

namespace {

error bad(std::string message) { return make_error(errc::invalid_request, std::move(message)); }

// The top-level fields, in the order of INTERFACES.md.
constexpr std::array<std::string_view, 15> fields = {"id",      "rule",     "events",      "facts",
                                                     "tolling", "act",      "zone",        "calendar_as_of",
                                                     "readings", "local_times", "trace",   "provisional",
                                                     "fields", "calendar_policy", "lang"};
enum class field_id : std::uint8_t {
    id, rule, events, facts, tolling, act, zone, calendar_as_of, readings, local_times, trace, provisional,
    answer_fields, calendar_policy, lang, unknown
};

field_id field_of(std::string_view key) {
    // By length first: a request has a handful of keys, read a million times.
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].size() == key.size() && fields[i][0] == key[0] && fields[i] == key) return static_cast<field_id>(i);
    return field_id::unknown;
}

// One request line, read as the parser reports it (RapidJSON's SAX interface, which
// checks the whole line against RFC 8259, UTF-8 included) straight into a
// compute_request: no document tree is built. The first problem is kept and the rest of
// the line is still read, so that a line that is not JSON at all says so.
class request_reader {
public:
    // The value about to be read: a scalar, or the start of an object or array.
    enum class value_kind { null, boolean, number, string, object, array };

    bool Null() { return value(value_kind::null); }
    bool Bool(bool b) {
        boolean_ = b;
        return value(value_kind::boolean);
    }
    // Numbers come as their text (kParseNumbersAsStringsFlag): an id is echoed as written.
    bool RawNumber(const char* text, rapidjson::SizeType n, bool) {
        text_ = std::string_view(text, n);
        return value(value_kind::number);
    }
    bool Int(int) { return value(value_kind::number); }  // not called under kParseNumbersAsStringsFlag
    bool Uint(unsigned) { return value(value_kind::number); }
    bool Int64(std::int64_t) { return value(value_kind::number); }
    bool Uint64(std::uint64_t) { return value(value_kind::number); }
    bool Double(double) { return value(value_kind::number); }
    bool String(const char* text, rapidjson::SizeType n, bool) {
        text_ = std::string_view(text, n);
        return value(value_kind::string);
    }
    bool StartObject() { return value(value_kind::object); }
    bool StartArray() { return value(value_kind::array); }
    bool Key(const char* text, rapidjson::SizeType n, bool) {
        const std::string_view k(text, n);
        frame& f = stack_.back();
        if (f.what == container::id_object) {
            id_writer_->key(k);
            return true;
        }
        if (f.what == container::request) {
            f.field = field_of(k);
            const auto bit = std::uint32_t{1} << static_cast<unsigned>(f.field);
            if (f.field == field_id::unknown) fail("unknown field '" + std::string(k) + "'");  // said at once
            else if ((seen_ & bit) != 0) fail("field '" + std::string(k) + "' is given twice");
            seen_ |= bit;
            return true;
        }
        f.key = k;
        if (f.what == container::events || f.what == container::facts) {
            auto& map = f.what == container::events ? req_.events : req_.facts;
            const bool twice = map.find(k) != map.end() || (f.what == container::events && k == "instalment_due" &&
                                                             instalments_given_);
            if (twice) fail(name(f.what) + "." + f.key + " is given twice");
        } else if (f.what == container::readings) {
            if (std::find(readings_seen_.begin(), readings_seen_.end(), k) != readings_seen_.end())
                fail("readings." + f.key + " is given twice");
            readings_seen_.push_back(f.key);
        } else if (f.what == container::tolling_entry) {
            for (const auto& given : entry_)
                if (given.first == k) fail("tolling." + f.key + " is given twice");
        }
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return end(); }
    bool EndArray(rapidjson::SizeType) { return end(); }

    // The outcome of a line the parser stopped on a number too large to read (valid JSON):
    // the id if it was read, and the first problem before that number, else the number.
    parsed_request finish_too_large(std::string message) {
        parsed_request out;
        if (!id_writer_) out.id = std::move(id_);
        out.request = unexpected(first_error_ ? std::move(*first_error_) : bad(std::move(message)));
        return out;
    }

    // The outcome, once the parser has returned.
    parsed_request finish(bool parsed, std::string_view line) {
        parsed_request out;
        if (!parsed) {
            out.request = unexpected(bad(line.empty() ? "an empty line is not a request" : "the line is not valid JSON"));
            return out;
        }
        out.id = std::move(id_);
        out.fields = std::move(answer_fields_);
        out.lang = lang_;
        if (first_error_) {
            out.request = unexpected(std::move(*first_error_));
        } else if (req_.rule.empty()) {
            out.request = unexpected(bad("'rule' is required"));
        } else {
            out.request = std::move(req_);
        }
        return out;
    }

private:
    enum class container : std::uint8_t {
        request, events, facts, readings, tolling, tolling_entry, instalments, answer_fields, skipped,
        id_object, id_array,  // inside an id that is an object or array: copied to id_writer_
    };
    struct frame {
        container what;
        field_id field = field_id::unknown;  // request: the field of `key`
        std::string key;               // objects: the key whose value comes next
    };

    static std::string name(container c) { return c == container::events ? "events" : "facts"; }

    void fail(std::string message) {
        if (!first_error_) first_error_ = bad(std::move(message));
    }

    // Descends into a container (skipped: only counted, to find its end).
    bool enter(container c) {
        stack_.push_back({c, field_id::unknown, {}});
        return true;
    }
    // A container the request does not take where it stands: noted, then passed over.
    bool refuse(value_kind k, std::string message) {
        fail(std::move(message));
        return k == value_kind::object || k == value_kind::array ? enter(container::skipped) : true;
    }

    bool value(value_kind k) {
        if (stack_.empty()) {
            if (k == value_kind::object) return enter(container::request);
            return refuse(k, "a request must be a JSON object");
        }
        frame& f = stack_.back();
        switch (f.what) {
            case container::id_object:
            case container::id_array: return id_value(k);
            case container::skipped:
                return k == value_kind::object || k == value_kind::array ? enter(container::skipped) : true;
            case container::request: return request_field(f, k);
            case container::events:
                if (f.key == "instalment_due" && k == value_kind::array) {
                    instalments_given_ = true;
                    req_.instalments.clear();
                    return enter(container::instalments);
                }
                if (k == value_kind::array) return refuse(k, "events." + f.key + ": only instalment_due takes a list of days");
                if (k != value_kind::string) return refuse(k, "events." + f.key + " must be a string");
                req_.events[f.key] = text_;
                return true;
            case container::facts:
                if (k != value_kind::string) return refuse(k, "facts." + f.key + " must be a string");
                req_.facts[f.key] = text_;
                return true;
            case container::readings: {
                const std::string_view s = k == value_kind::string ? text_ : std::string_view();
                if (!apply_reading(req_, f.key, s))
                    fail("readings." + f.key + ": '" + std::string(s) + "' is not a reading (" + readings_summary + ")");
                return k == value_kind::object || k == value_kind::array ? enter(container::skipped) : true;
            }
            case container::instalments:
                if (k != value_kind::string) return refuse(k, "events.instalment_due: each day must be a string");
                req_.instalments.emplace_back(text_);
                return true;
            case container::answer_fields:
                if (k != value_kind::string) return refuse(k, "fields: each field name must be a string");
                answer_fields_->emplace_back(text_);
                return true;
            case container::tolling:
                if (k != value_kind::object) return refuse(k, "each tolling entry must be an object");
                entry_.clear();
                return enter(container::tolling_entry);
            case container::tolling_entry:
                entry_.emplace_back(f.key, k == value_kind::string ? std::optional<std::string>(text_) : std::nullopt);
                return k == value_kind::object || k == value_kind::array ? enter(container::skipped) : true;
        }
        return true;
    }

    bool request_field(const frame& f, value_kind k) {
        const auto must_be_string = [&](const char* what) {
            return refuse(k, std::string("'") + what + "' must be a string");
        };
        switch (f.field) {
            case field_id::id:
                id_.clear();
                if (k == value_kind::number) id_ = text_;  // as written
                else if (k == value_kind::null) id_ = "null";
                else if (k == value_kind::boolean) id_ = boolean_ ? "true" : "false";
                else {
                    id_writer_.emplace(id_);  // a string (escaped), an object or an array
                    return id_value(k);
                }
                return true;
            case field_id::rule:
                if (k != value_kind::string) return must_be_string("rule");
                req_.rule = text_;
                return true;
            case field_id::act:
                if (k != value_kind::string) return must_be_string("act");
                req_.act = std::string(text_);
                return true;
            case field_id::zone:
                if (k != value_kind::string) return must_be_string("zone");
                req_.zone = text_;
                return true;
            case field_id::calendar_as_of: {
                if (k != value_kind::string) return must_be_string("calendar_as_of");
                auto d = civil_date::parse(text_);
                if (!d) fail_with(d.error());
                else req_.calendar_as_of = *d;
                return true;
            }
            case field_id::events:
            case field_id::facts:
                if (k != value_kind::object)
                    return refuse(k, std::string(f.field == field_id::events ? "'events'" : "'facts'") + " must be an object");
                return enter(f.field == field_id::events ? container::events : container::facts);
            case field_id::readings:
                if (k != value_kind::object) return refuse(k, "'readings' must be an object");
                return enter(container::readings);
            case field_id::tolling:
                if (k != value_kind::array) return refuse(k, "'tolling' must be an array");
                return enter(container::tolling);
            case field_id::local_times: {
                const std::string_view s = k == value_kind::string ? text_ : std::string_view();
                if (s == "reject") req_.local_times = tz::local_policy::reject;
                else if (s == "earliest") req_.local_times = tz::local_policy::earliest;
                else if (s == "latest") req_.local_times = tz::local_policy::latest;
                else return refuse(k, "local_times must be reject, earliest or latest");
                return true;
            }
            case field_id::trace:
                if (k != value_kind::boolean) return refuse(k, "'trace' must be true or false");
                req_.trace = boolean_;
                return true;
            case field_id::provisional:
                if (k != value_kind::boolean) return refuse(k, "'provisional' must be true or false");
                req_.outside = boolean_ ? coverage_policy::provisional : coverage_policy::strict;
                return true;
            case field_id::answer_fields:
                if (k != value_kind::array) return refuse(k, "'fields' must be an array of answer field names");
                answer_fields_.emplace();
                return enter(container::answer_fields);
            case field_id::calendar_policy: {
                const std::string_view s = k == value_kind::string ? text_ : std::string_view();
                if (s == "project") req_.policy = calendar_policy::project;
                else if (s == "strict") req_.policy = calendar_policy::strict;
                else return refuse(k, "calendar_policy must be project or strict");
                return true;
            }
            case field_id::lang: {
                const std::string_view s = k == value_kind::string ? text_ : std::string_view();
                if (s == "en") lang_ = language::en;
                else if (s == "zh") lang_ = language::zh;
                else return refuse(k, "lang must be en or zh");
                return true;
            }
            case field_id::unknown: break;  // reported at its key
        }
        return k == value_kind::object || k == value_kind::array ? enter(container::skipped) : true;
    }

    void fail_with(error e) {
        if (!first_error_) first_error_ = std::move(e);
    }

    // The id, as given: copied value by value (an object or array in full).
    bool id_value(value_kind k) {
        json_writer& w = *id_writer_;
        switch (k) {
            case value_kind::null: w.null(); break;
            case value_kind::boolean: w.value(boolean_); break;
            case value_kind::number: w.raw(text_); break;
            case value_kind::string: w.value(text_); break;
            case value_kind::object: w.begin_object(); return enter(container::id_object);
            case value_kind::array: w.begin_array(); return enter(container::id_array);
        }
        if (stack_.back().what == container::request) id_writer_.reset();  // a scalar id: done
        return true;
    }

    bool end() {
        const container c = stack_.back().what;
        stack_.pop_back();
        if (c == container::id_object || c == container::id_array) {
            if (c == container::id_object) id_writer_->end_object();
            else id_writer_->end_array();
            if (stack_.back().what == container::request) id_writer_.reset();  // the whole id is written
            return true;
        }
        if (c == container::instalments && req_.instalments.empty()) fail("events.instalment_due: an empty list");
        if (c == container::tolling_entry) tolling_entry_done();
        return true;
    }

    // A tolling entry, once all its fields are in: the kind decides which fields it takes.
    void tolling_entry_done() {
        std::string kind;
        for (const auto& [k, v] : entry_)
            if (k == "kind") kind = v.value_or("");
        tolling_event ev;
        if (kind == "interruption") ev.what = tolling_event::kind::interruption;
        else if (kind == "suspension") ev.what = tolling_event::kind::suspension;
        else if (kind == "settlement") ev.what = tolling_event::kind::settlement;
        else if (kind == "agreed_after_expiry") ev.what = tolling_event::kind::agreed_after_expiry;
        else
            return fail("tolling kind '" + kind +
                        "' is not one of interruption, suspension, settlement, agreed_after_expiry");
        for (const auto& [tk, tv] : entry_) {
            if (tk == "kind") continue;
            if (!tv) return fail("tolling." + tk + " must be a string");
            const std::string& text = *tv;
            if (tk == "at" && ev.what != tolling_event::kind::suspension) ev.at = text;
            else if ((tk == "from" || tk == "to") && ev.what == tolling_event::kind::suspension)
                (tk == "from" ? ev.from : ev.to) = text;
            else if (tk == "performance_due" && ev.what == tolling_event::kind::settlement) ev.performance_due = text;
            else if (tk == "addressee" && ev.what == tolling_event::kind::interruption &&
                     (text == "debtor" || text == "third_party"))
                ev.third_party = text == "third_party";
            else
                return fail("tolling " + kind + ": unexpected field '" + tk + "' (" +
                            (ev.what == tolling_event::kind::suspension       ? "from, to"
                             : ev.what == tolling_event::kind::settlement     ? "at, performance_due"
                             : ev.what == tolling_event::kind::interruption   ? "at, addressee = debtor|third_party"
                                                                              : "at") +
                            ")");
        }
        const bool suspension = ev.what == tolling_event::kind::suspension;
        if (suspension ? (ev.from.empty() || ev.to.empty()) : ev.at.empty())
            return fail("tolling " + kind + " needs " + (suspension ? "from and to" : "at"));
        req_.tolling.push_back(std::move(ev));
    }

    compute_request req_;
    std::vector<frame> stack_;
    std::string id_ = "null";
    std::optional<json_writer> id_writer_;  // while the id is being copied
    std::uint32_t seen_ = 0;  // top-level fields given, one bit each
    bool instalments_given_ = false;
    std::vector<std::string> readings_seen_;
    std::vector<std::pair<std::string, std::optional<std::string>>> entry_;  // the tolling entry being read
    std::optional<error> first_error_;
    std::optional<std::vector<std::string>> answer_fields_;  // "fields", when given
    language lang_ = language::en;                          // "lang"
    // The scalar being reported (valid during one call): a string's or a number's text.
    std::string_view text_;
    bool boolean_ = false;
};

}  // namespace

parsed_request read_request(std::string_view line) {
    request_reader reader;
    // Strict RFC 8259 (no comments, NaN or trailing commas), UTF-8 checked, nesting
    // followed without recursion (a line nested a million deep is answered, not a
    // crash); a NUL byte cannot be in JSON text.
    constexpr unsigned flags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag |
                               rapidjson::kParseNumbersAsStringsFlag;
    const std::size_t bom = line.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark is ignored (RFC 8259 §8.1)
    line.remove_prefix(bom);
    rapidjson::MemoryStream bytes(line.data(), line.size());  // reads as NUL past the end
    rapidjson::Reader parser;
    const bool parsed = line.find('\0') == std::string_view::npos && !parser.Parse<flags>(bytes, reader).IsError();
    if (!parsed && parser.GetParseErrorCode() == rapidjson::kParseErrorNumberTooBig)  // valid JSON (e.g. 1e400)
        return reader.finish_too_large("a number in the line is too large to read (at byte " +
                                       std::to_string(parser.GetErrorOffset() + bom) + ")");
    return reader.finish(parsed, line);
}

result<compute_request> request_from_json(const nlohmann::json& j) {
    return read_request(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)).request;
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
    else if (k == "version_by" && (s == "application" || s == "trigger"))
        req.version_by = s == "trigger" ? version_reading::trigger : version_reading::application;
    else
        return false;
    return true;
}

}  // namespace qixian::cli
