// Rendering computed deadlines for people (text, English or Chinese) and programs (JSON).
#pragma once

#include "qixian/compute.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace qixian::cli {

enum class lang { en, zh };

/// The lawyer's view: rule, version and citation, the steps, the last day and its end
/// in the forum zone, UTC and the requested zone, expiry, and the data used.
/// `full` adds every trace step with its citations (qixian explain).
std::string render_text(const deadline& d, lang l, bool full);

class json_writer;

/// INTERFACES.md response fields, written into an object already begun on `w` (so a
/// caller can put "id" first). `trace` = false leaves the trace out.
void write_fields(json_writer& w, const deadline& d, bool trace);

/// The same, as a JSON document (for `compute --format json`).
nlohmann::ordered_json to_json(const deadline& d);

/// An RFC 5545 calendar: one all-day event on the last day, whose description names the
/// rule, its citation and the exclusive end instant in the forum zone, UTC and the
/// requested zone. `stamp` is the DTSTAMP (the time the file is made).
std::string render_ics(const deadline& d, instant stamp);

/// The same for several deadlines: one calendar, one event each.
std::string render_ics(const std::vector<const deadline*>& ds, instant stamp);

/// {"ok": false, "error": {"code": ..., "message": ...}}
nlohmann::ordered_json error_json(const error& e);

}  // namespace qixian::cli
