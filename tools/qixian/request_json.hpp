// Reading compute requests from JSON (qixian batch, case files), per INTERFACES.md.
#pragma once

#include "qixian/compute.hpp"

#include <nlohmann/json.hpp>

namespace qixian::cli {

/// A request object → compute_request. Unknown fields are errors (a typo must not be
/// silently ignored); so are features the engine does not implement yet (tolling,
/// instalment lists), which are refused with errc::invalid_request rather than ignored.
result<compute_request> request_from_json(const nlohmann::json& j);

}  // namespace qixian::cli
