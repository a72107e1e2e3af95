// Internal: reading TOML tables into the model while collecting every problem.
//
// toml++ is used with exceptions off: its parse_result is an error value, and every node
// knows its source position, so each check after parsing points at the exact key or value.
// Its implementation is compiled once, in toml_impl.cpp (TOML_HEADER_ONLY=0 here).
#pragma once

#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 0
#include <toml++/toml.h>

#include "qixian/civil.hpp"
#include "qixian/diagnostics.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace qixian::detail {

/// Diagnostic codes of rule and calendar files (documented in rules/README.md).
namespace code {
inline constexpr const char* syntax = "E0001";          // not valid TOML
inline constexpr const char* unknown_key = "E0101";
inline constexpr const char* missing_key = "E0102";
inline constexpr const char* wrong_type = "E0103";
inline constexpr const char* bad_value = "E0104";
inline constexpr const char* duplicate_id = "E0201";
inline constexpr const char* unresolved = "E0202";
inline constexpr const char* overlap = "E0203";
inline constexpr const char* gap = "E0204";
inline constexpr const char* empty_range = "E0205";
inline constexpr const char* no_citation = "E0206";
inline constexpr const char* event_kind = "E0207";
inline constexpr const char* cycle = "E0208";
inline constexpr const char* not_weekend = "E0301";
inline constexpr const char* block_length = "E0302";
inline constexpr const char* rest_and_working = "E0303";
inline constexpr const char* net_days_off = "E0304";
inline constexpr const char* coverage_gap = "W0305";
inline constexpr const char* file_year = "E0306";
inline constexpr const char* lunar_gap = "E0401";        // a lunar table with a missing year or a broken run
inline constexpr const char* lunar_missing = "E0402";    // a covered year the lunar table does not hold
inline constexpr const char* statutory_worked = "E0403"; // a notice leaves a statutory day out of its rest days
inline constexpr const char* core_worked = "W0404";      // a notice works a day every earlier block held
inline constexpr const char* holiday_date = "E0501";     // a rule calendar's holiday with no date rule, or several
inline constexpr const char* one_off_void = "E0502";     // a one-off "not closed" day that takes no rule's day away
inline constexpr const char* one_off_range = "E0503";    // a one-off day outside the calendar's history
inline constexpr const char* calendar_kind = "E0504";    // a rule calendar with year files, or its coverage out of order
}  // namespace code

source_region region_of(const std::string& file, const toml::source_region& r);

/// Collects diagnostics for one file.
struct diagnostics_sink {
    std::string file;
    std::vector<diagnostic>* out;

    void add(const char* code, severity level, std::string message, const toml::source_region& where) const;
    void error(const char* code, std::string message, const toml::source_region& where) const {
        add(code, severity::error, std::move(message), where);
    }
    void warning(const char* code, std::string message, const toml::source_region& where) const {
        add(code, severity::warning, std::move(message), where);
    }
};

/// Reads the keys of one table; `finish()` reports every key that was not read.
class table_reader {
public:
    table_reader(const toml::table& t, const diagnostics_sink& sink, std::string context)
        : table_(t), sink_(sink), context_(std::move(context)) {}

    const toml::table& table() const noexcept { return table_; }
    const diagnostics_sink& sink() const noexcept { return sink_; }

    std::optional<std::string> string(std::string_view key, bool required);
    /// A string that must be one of `allowed`.
    std::optional<std::string> choice(std::string_view key, bool required,
                                      std::initializer_list<std::string_view> allowed);
    std::optional<std::int64_t> integer(std::string_view key, bool required);
    std::optional<bool> boolean(std::string_view key, bool required);
    std::optional<civil_date> date(std::string_view key, bool required);
    const toml::array* array(std::string_view key, bool required);
    const toml::table* subtable(std::string_view key, bool required);
    /// A string or an array of strings.
    std::optional<std::vector<std::string>> strings(std::string_view key, bool required);
    /// The node of `key` if present (marks it read), for custom reading.
    const toml::node* node(std::string_view key);

    /// Reports unknown keys (E0101).
    void finish();

    /// Where the table itself is.
    const toml::source_region& where() const noexcept { return table_.source(); }

private:
    const toml::node* fetch(std::string_view key, bool required, std::string_view expected);
    void wrong_type(std::string_view key, const toml::node& n, std::string_view expected);

    const toml::table& table_;
    const diagnostics_sink& sink_;
    std::string context_;
    std::set<std::string, std::less<>> read_;
};

/// Calls `f(table)` for each element of an array of tables (`[[name]]`, given by
/// `array`, which may be null); an element that is not a table is reported as
/// "[[name]] must be a table" (E0103) and skipped.
template <class F>
void for_each_table(const toml::array* array, const diagnostics_sink& sink, std::string_view name, F&& f) {
    if (array == nullptr) return;
    for (const auto& n : *array) {
        if (const auto* t = n.as_table())
            f(t);
        else
            sink.error(code::wrong_type, "[[" + std::string(name) + "]] must be a table", n.source());
    }
}

/// Converts a TOML date node value; impossible dates are rejected by the TOML parser.
std::optional<civil_date> to_civil(const toml::date& d);

/// FNV-1a 64 over the given texts, as 16 hex digits.
std::string fnv1a_hex(std::initializer_list<std::string_view> parts, std::uint64_t seed = 0);
std::uint64_t fnv1a(std::string_view text, std::uint64_t h);

}  // namespace qixian::detail
