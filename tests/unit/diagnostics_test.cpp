// Synopsis: source_position, source_region, severity, diagnostic{code, level, message,
//           region, notes}; format(diagnostic) → "file:line:column: error CODE: message".
#include "qixian/diagnostics.hpp"

#include <doctest/doctest.h>

using namespace qixian;

TEST_CASE("a diagnostic prints as file:line:column: severity CODE: message") {
    diagnostic d{"E0203", severity::error, "valid_from 2008-04-01 overlaps the previous version",
                 {"rules/x.toml", {12, 14}, {12, 24}}, {}};
    CHECK(format(d) == "rules/x.toml:12:14: error E0203: valid_from 2008-04-01 overlaps the previous version");

    d.notes.push_back({"previous version declared here", {"rules/x.toml", {5, 3}, {}}});
    CHECK(format(d) ==
          "rules/x.toml:12:14: error E0203: valid_from 2008-04-01 overlaps the previous version\n"
          "  rules/x.toml:5:3: note: previous version declared here");
}

TEST_CASE("unknown parts of a position are left out") {
    CHECK(format(diagnostic{"W0001", severity::warning, "old", {"a.toml", {3, 0}, {}}, {}}) ==
          "a.toml:3: warning W0001: old");
    CHECK(format(diagnostic{"E0001", severity::error, "no file", {}, {}}) == "error E0001: no file");
}

TEST_CASE("has_errors ignores warnings") {
    std::vector<diagnostic> ds{{"W1", severity::warning, "w", {}, {}}};
    CHECK_FALSE(has_errors(ds));
    ds.push_back({"E1", severity::error, "e", {}, {}});
    CHECK(has_errors(ds));
}
