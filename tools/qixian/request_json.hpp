// Reading compute requests from JSON (qixian batch, case files), per INTERFACES.md.
#pragma once

#include "qixian/compute.hpp"

#include <nlohmann/json.hpp>

namespace qixian::cli {

/// A request object → compute_request (INTERFACES.md). Unknown fields are errors: a typo
/// must not be silently ignored.
result<compute_request> request_from_json(const nlohmann::json& j);

/// Sets reading `key`=`value` (LAW.md §1) on `req`; false if it is not a reading.
/// The readings and their values, for messages and --help: `readings_summary`.
bool apply_reading(compute_request& req, std::string_view key, std::string_view value);
inline constexpr const char* readings_summary =
    "adjusted_weekend=schedule|weekday, event_zone=forum|local, suspension=civil_code|resume, "
    "instalments=each|last, transition=takes_over|by_trigger";

}  // namespace qixian::cli
