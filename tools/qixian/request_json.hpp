// Reading compute requests from JSON (qixian batch, case files), per INTERFACES.md.
#pragma once

#include "qixian/compute.hpp"

#include <nlohmann/json.hpp>

namespace qixian::cli {

/// A request object → compute_request (INTERFACES.md). Unknown fields are errors: a typo
/// must not be silently ignored.
result<compute_request> request_from_json(const nlohmann::json& j);

}  // namespace qixian::cli
