#include "toml_reader.hpp"

#include <cstdio>

namespace qixian::detail {

source_region region_of(const std::string& file, const toml::source_region& r) {
    return source_region{file, {r.begin.line, r.begin.column}, {r.end.line, r.end.column}};
}

void diagnostics_sink::add(const char* code_, severity level, std::string message,
                           const toml::source_region& where) const {
    out->push_back(diagnostic{code_, level, std::move(message), region_of(file, where), {}});
}

namespace {
std::string_view type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a float";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        default: return "nothing";
    }
}
}  // namespace

const toml::node* table_reader::fetch(std::string_view key, bool required, std::string_view expected) {
    read_.emplace(key);
    const toml::node* n = table_.get(key);
    if (n == nullptr && required)
        sink_.error(code::missing_key,
                    context_ + ": missing key '" + std::string(key) + "' (" + std::string(expected) + ")",
                    table_.source());
    return n;
}

void table_reader::wrong_type(std::string_view key, const toml::node& n, std::string_view expected) {
    sink_.error(code::wrong_type,
                context_ + ": '" + std::string(key) + "' must be " + std::string(expected) + ", not " +
                    std::string(type_name(n)),
                n.source());
}

const toml::node* table_reader::node(std::string_view key) {
    read_.emplace(key);
    return table_.get(key);
}

std::optional<std::string> table_reader::string(std::string_view key, bool required) {
    const toml::node* n = fetch(key, required, "a string");
    if (n == nullptr) return std::nullopt;
    if (const auto* s = n->as_string()) return s->get();
    wrong_type(key, *n, "a string");
    return std::nullopt;
}

std::optional<std::string> table_reader::choice(std::string_view key, bool required,
                                                std::initializer_list<std::string_view> allowed) {
    auto s = string(key, required);
    if (!s) return s;
    for (auto a : allowed)
        if (*s == a) return s;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    sink_.error(code::bad_value,
                context_ + ": '" + std::string(key) + "' is \"" + *s + "\"; expected one of " + list,
                table_.get(key)->source());
    return std::nullopt;
}

std::optional<std::int64_t> table_reader::integer(std::string_view key, bool required) {
    const toml::node* n = fetch(key, required, "an integer");
    if (n == nullptr) return std::nullopt;
    if (const auto* i = n->as_integer()) return i->get();
    wrong_type(key, *n, "an integer");
    return std::nullopt;
}

std::optional<bool> table_reader::boolean(std::string_view key, bool required) {
    const toml::node* n = fetch(key, required, "true or false");
    if (n == nullptr) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    wrong_type(key, *n, "true or false");
    return std::nullopt;
}

std::optional<civil_date> to_civil(const toml::date& d) {
    auto r = civil_date::from_ymd(d.year, d.month, d.day);
    if (!r) return std::nullopt;
    return *r;
}

std::optional<civil_date> table_reader::date(std::string_view key, bool required) {
    const toml::node* n = fetch(key, required, "a date, e.g. 2024-01-01");
    if (n == nullptr) return std::nullopt;
    if (const auto* d = n->as_date()) {
        auto c = to_civil(d->get());
        if (!c)
            sink_.error(code::bad_value, context_ + ": '" + std::string(key) + "' is outside 0001-9999",
                        n->source());
        return c;
    }
    wrong_type(key, *n, "a date (unquoted, e.g. 2024-01-01)");
    return std::nullopt;
}

const toml::array* table_reader::array(std::string_view key, bool required) {
    const toml::node* n = fetch(key, required, "an array");
    if (n == nullptr) return nullptr;
    if (const auto* a = n->as_array()) return a;
    wrong_type(key, *n, "an array");
    return nullptr;
}

const toml::table* table_reader::subtable(std::string_view key, bool required) {
    const toml::node* n = fetch(key, required, "a table");
    if (n == nullptr) return nullptr;
    if (const auto* t = n->as_table()) return t;
    wrong_type(key, *n, "a table");
    return nullptr;
}

std::optional<std::vector<std::string>> table_reader::strings(std::string_view key, bool required) {
    const toml::node* n = fetch(key, required, "a string or an array of strings");
    if (n == nullptr) return std::nullopt;
    if (const auto* s = n->as_string()) return std::vector<std::string>{s->get()};
    if (const auto* a = n->as_array()) {
        std::vector<std::string> out;
        for (const auto& item : *a) {
            if (const auto* s = item.as_string())
                out.push_back(s->get());
            else
                wrong_type(key, item, "a string");
        }
        return out;
    }
    wrong_type(key, *n, "a string or an array of strings");
    return std::nullopt;
}

void table_reader::finish() {
    for (auto&& [k, v] : table_) {
        if (read_.find(k.str()) == read_.end())
            sink_.error(code::unknown_key, context_ + ": unknown key '" + std::string(k.str()) + "'",
                        k.source());
    }
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t h) {
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string fnv1a_hex(std::initializer_list<std::string_view> parts, std::uint64_t seed) {
    std::uint64_t h = seed ? seed : 0xcbf29ce484222325ULL;
    for (auto p : parts) h = fnv1a(p, h);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace qixian::detail
