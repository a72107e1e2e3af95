// The pieces of the service shared by the JSON API and the web page (internal to serve/).
#pragma once

#include "service.hpp"

#include "qixian/compute.hpp"
#include "qixian/explain.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace qixian::serve {

/// The request field an error is about ("events.effective", "facts.parties", "rule",
/// "zone", …), or empty when it cannot be told: from the message of a request that could
/// not be read, and from the error's subject matched against the request's values.
std::string field_at_fault(const error& e, const compute_request* req);

/// The HTTP status of an engine error: 400 when the request could not be read, 422 when
/// it was read but cannot be answered.
int status_of(const error& e, bool read);

/// Problem+json for an engine error.
response problem(const error& e, bool read, const compute_request* req);

/// The answer object of POST /v1/deadline and of a batch line: id first, then the fields.
std::string answer_json(std::string_view id, const deadline& d, bool trace, language words = language::en);

/// An RFC 5545 calendar of `d`, or of every timed deadline of a docket, made now.
response ics_response(std::string body, std::string_view filename);

/// The docket of a case object as JSON ({"deadlines": […]}), or an error.
result<std::string> docket_json(const rule_pack& pack, const nlohmann::json& case_file);
/// The same as a calendar.
result<std::string> docket_ics(const rule_pack& pack, const nlohmann::json& case_file);

/// The web page (GET /, /deadline, /docket, /static/…); nothing when `path` is not a page.
std::optional<response> page(const rule_pack& pack, const request& r, const std::string& path, const std::string& query);

/// The OpenAPI 3.1 document served at /openapi.json (generated from serve/openapi.json).
std::string_view openapi_document();

}  // namespace qixian::serve
