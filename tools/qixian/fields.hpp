// Lean answers: only the answer fields a caller asks for (`batch --fields`, a request's
// "fields"). A docketing system that stores the last day and its status need not read,
// nor have written, the citations and trace of every answer.
#pragma once

#include "qixian/error.hpp"
#include "qixian/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace qixian::cli {

/// The top-level answer fields a caller keeps. `id` and `ok` (and, on an error, `line`
/// and `error`) are always kept: an answer must still say what it answers and whether
/// it is one. Names are checked against `answer_fields()`: a misspelt field is an error,
/// never an answer silently emptied.
///
///   auto f = field_selection::parse("last_day,status");
///   // f->keeps("last_day") && f->keeps("id") && !f->keeps("trace")
class field_selection {
public:
    /// Every field an answer may hold (INTERFACES.md), in the order they are written.
    static const std::vector<std::string_view>& answer_fields();
    /// Every field a step of `trace` may hold (docs/TRACE.md), in the order they are written;
    /// a step's list items hold `items_fields()`. Not selectable: `trace` is kept or not whole.
    static const std::vector<std::string_view>& trace_step_fields();
    static const std::vector<std::string_view>& items_fields();

    /// "a,b,c" (spaces around names ignored); invalid_request for an unknown or empty name.
    static result<field_selection> parse(std::string_view list);
    /// The same, from a request's "fields" array.
    static result<field_selection> of(const std::vector<std::string>& names);

    bool keeps(std::string_view field) const;
    /// True when the trace is among the fields: without it, it need not be computed.
    bool keeps_trace() const { return keeps("trace"); }

private:
    std::vector<std::string> names_;
};

/// Rewrites the JSON object that starts at `json[from]` (a compact object, as the answer
/// writer makes it) keeping only the members `keep` keeps, in their order.
void keep_fields(std::string& json, std::size_t from, const field_selection& keep);

}  // namespace qixian::cli
