// Small pieces of HTTP the service needs: targets split into path and query, query
// strings and form bodies decoded, HTML escaped.
//
//   auto t = qixian::serve::split_target("/v1/calendar?from=2025-01-01&to=2025-01-31");
//   // t.path == "/v1/calendar"; qixian::serve::query_value(t.query, "to") == "2025-01-31"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qixian::serve {

struct target_parts {
    std::string path;  ///< percent-decoded
    std::string query; ///< as sent (without '?')
};
target_parts split_target(std::string_view target);

/// Percent-decoding; in a query or form, '+' also stands for a space.
/// An invalid escape (%zz) is kept as it is.
std::string percent_decode(std::string_view s, bool plus_is_space);

/// Percent-encoding of a query value (unreserved characters kept).
std::string percent_encode(std::string_view s);

/// The decoded name=value pairs of a query string or an application/x-www-form-urlencoded
/// body, in order (a name may repeat).
using query_pairs = std::vector<std::pair<std::string, std::string>>;
query_pairs parse_query(std::string_view q);

/// The first value of `name`, or nothing.
std::optional<std::string> query_value(const query_pairs& q, std::string_view name);
std::optional<std::string> query_value(std::string_view q, std::string_view name);

/// Text safe inside HTML elements and double-quoted attribute values.
std::string html_escape(std::string_view s);

/// Whether an Accept header asks for `type` (e.g. "text/calendar") with a q above zero.
bool accepts(std::string_view accept, std::string_view type);

/// The media type of a Content-Type header, lower-cased, without parameters.
std::string media_type(std::string_view content_type);

}  // namespace qixian::serve
