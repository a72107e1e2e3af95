// qixian/diagnostics.hpp — problems found in rule and calendar files, with positions.
//
// Loading data never stops at the first problem: every problem in every file is
// collected as a `diagnostic` and reported at once. A diagnostic names its file,
// line and column (1-based; 0 means unknown), mirroring toml++'s source_region, and
// may carry notes that point elsewhere ("first version declared here").
//
// `format()` prints one line per diagnostic in the form tools and editors parse:
//
//   rules/statutes/civil_procedure/enforcement.toml:12:14: error E0203: valid_from 2008-04-01 overlaps ...
//
// Example:
//
//   qixian::diagnostic d{.code = "E0101", .level = qixian::severity::error,
//                        .message = "unknown key 'lenght'",
//                        .region = {.file = "a.toml", .begin = {3, 1}, .end = {3, 7}}};
//   std::cout << qixian::format(d) << '\n';   // a.toml:3:1: error E0101: unknown key 'lenght'
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace qixian {

/// A position in a source file: 1-based line and column; 0 = unknown.
struct source_position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    friend bool operator==(const source_position&, const source_position&) = default;
};

/// A span of a source file.
struct source_region {
    std::string file;
    source_position begin;
    source_position end;
    friend bool operator==(const source_region&, const source_region&) = default;
};

enum class severity { error, warning, note };

std::string_view to_string(severity s) noexcept;

/// A secondary message attached to a diagnostic, with its own position.
struct diagnostic_note {
    std::string message;
    source_region region;
};

/// One problem in a data file.
struct diagnostic {
    std::string code;  ///< stable code, e.g. "E0101"
    severity level = severity::error;
    std::string message;
    source_region region;
    std::vector<diagnostic_note> notes;
};

/// "file:line:column: error CODE: message" (unknown parts are left out), then one
/// indented line per note.
std::string format(const diagnostic& d);

std::ostream& operator<<(std::ostream& os, const diagnostic& d);

/// True when any diagnostic in the list is an error (warnings and notes do not count).
bool has_errors(const std::vector<diagnostic>& ds) noexcept;

}  // namespace qixian
