#include "fields.hpp"

#include <algorithm>

namespace qixian::cli {

const std::vector<std::string_view>& field_selection::answer_fields() {
    static const std::vector<std::string_view> names = {
        "id", "line", "ok", "error", "rule", "name_zh", "name_en", "version", "citations", "trigger",
        "start", "start_from", "period", "raw_end", "last_day", "last_day_range", "ends_at",
        "ends_at_utc", "ends_at_local", "ends_at_local_abbreviation", "direction", "expiry", "period_kind", "provisional", "calendar_years",
        "calendar_confidence", "calendar_secondary_years", "calendar_projected_years", "status", "days_late", "permitted_from", "deemed_on", "time_limited",
        "instalments", "combine", "components", "capped", "waived", "extendable_by_court", "notes", "produces",
        "alternatives", "trace", "provenance"};
    return names;
}

const std::vector<std::string_view>& field_selection::trace_step_fields() {
    static const std::vector<std::string_view> names = {
        "step", "detail", "citations", "code", "on", "from", "to", "other_day", "last_day", "valid_from",
        "valid_until", "from_time", "to_time", "length", "days", "event", "written", "zone", "other_zone", "holiday", "holiday_en", "notice",
        "holiday_rule", "holiday_citation", "day_kind", "policy", "status", "chosen_by", "day_ends", "start_counted", "provisional", "projected", "items"};
    return names;
}

const std::vector<std::string_view>& field_selection::items_fields() {
    static const std::vector<std::string_view> names = {"name", "value", "length", "start", "last_day", "flag"};
    return names;
}

namespace {

bool always_kept(std::string_view f) { return f == "id" || f == "ok" || f == "line" || f == "error"; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// The end of the JSON value starting at json[i] (compact and valid: written by json_writer).
std::size_t value_end(std::string_view json, std::size_t i) {
    int depth = 0;
    bool in_string = false;
    for (; i < json.size(); ++i) {
        const char c = json[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') {
                in_string = false;
                if (depth == 0) return i + 1;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return i;  // the end of the enclosing object
            if (--depth == 0) return i + 1;
        } else if (c == ',' && depth == 0) {
            return i;
        }
    }
    return i;
}

}  // namespace

result<field_selection> field_selection::of(const std::vector<std::string>& names) {
    field_selection s;
    for (const auto& n : names) {
        const auto& known = answer_fields();
        if (std::find(known.begin(), known.end(), n) == known.end())
            return unexpected(make_error(errc::invalid_request,
                                         "fields: '" + n + "' is not an answer field (INTERFACES.md lists them)", n));
        s.names_.push_back(n);
    }
    if (s.names_.empty()) return unexpected(make_error(errc::invalid_request, "fields: name at least one answer field"));
    return s;
}

result<field_selection> field_selection::parse(std::string_view list) {
    std::vector<std::string> names;
    for (std::size_t at = 0; at <= list.size();) {
        const std::size_t comma = std::min(list.find(',', at), list.size());
        names.emplace_back(trim(list.substr(at, comma - at)));
        at = comma + 1;
    }
    return of(names);
}

bool field_selection::keeps(std::string_view field) const {
    return always_kept(field) || std::find(names_.begin(), names_.end(), field) != names_.end();
}

void keep_fields(std::string& json, std::size_t from, const field_selection& keep) {
    std::string_view text(json);
    std::string kept = "{";
    std::size_t i = from + 1;  // past '{'
    while (i < text.size() && text[i] == '"') {
        const std::size_t key_end = value_end(text, i);
        const std::string_view key = text.substr(i + 1, key_end - i - 2);  // keys need no unescaping here
        const std::size_t end = value_end(text, key_end + 1);
        if (keep.keeps(key)) {
            if (kept.size() > 1) kept += ',';
            kept.append(text.substr(i, end - i));
        }
        i = end < text.size() && text[end] == ',' ? end + 1 : end;
    }
    kept += '}';
    json.replace(from, json.size() - from, kept);
}

}  // namespace qixian::cli
