// Reading compute requests from JSON (qixian batch, case files), per INTERFACES.md.
#pragma once

#include "qixian/compute.hpp"
#include "qixian/explain.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace qixian::cli {

/// One line of `qixian batch`: the request's id as JSON text, echoed as given ("null"
/// when there is none or the line is not JSON), and the request or what is wrong with it.
struct parsed_request {
    std::string id = "null";
    result<compute_request> request = compute_request{};
    /// "fields": the answer fields the request asks for (fields.hpp), when it names them.
    std::optional<std::vector<std::string>> fields;
    /// "lang": the language of the answer's words (each trace step's detail, the notes).
    language lang = language::en;
};

/// Reads a request object (INTERFACES.md) from JSON text straight into a compute_request,
/// without building a document tree. Unknown fields and fields given twice are errors:
/// a typo must not be silently ignored, nor one of two values silently dropped. The
/// first problem in the line's order is reported; a line that is not JSON says so.
///
///   auto p = read_request(R"({"id":7,"rule":"cn.enforcement.application","events":{"effective":"2024-01-05"}})");
///   // p.id == "7", p.request->events.at("effective") == "2024-01-05"
parsed_request read_request(std::string_view line);

/// The same, for a request already parsed (case files, ruling fixtures).
result<compute_request> request_from_json(const nlohmann::json& j);

/// Sets reading `key`=`value` (LAW.md §1) on `req`; false if it is not a reading.
/// The readings and their values, for messages and --help: `readings_summary`.
bool apply_reading(compute_request& req, std::string_view key, std::string_view value);
inline constexpr const char* readings_summary =
    "adjusted_weekend=schedule|weekday, event_zone=forum|local, suspension=civil_code|resume, "
    "instalments=each|last, transition=takes_over|by_trigger, version_by=application|trigger";

}  // namespace qixian::cli
