// How a provisional answer (a last day past the published holiday notices) is shown: the
// range in words (en, zh), the JSON fields `last_day_range` and `calendar_years`; and the
// confidence of the calendar years an answer depends on (`calendar_confidence`).
//
// Example:
//
//   if (d.provisional) o << provisional_text(d, lang::zh);   // "2027年节假日安排尚未公布：…"
#pragma once

#include "json_writer.hpp"
#include "render.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace qixian::cli {

/// Why the answer is provisional and what its range is, in one line.
std::string provisional_text(const deadline& d, lang l);

/// `last_day_range` (when provisional), `calendar_years` and `calendar_confidence` ("notice_text" or
/// "secondary", with `calendar_secondary_years`) (always, for a time-limited answer).
void write_projection_fields(json_writer& w, const deadline& d);

/// Where the answer depends on calendar years of `secondary` confidence (their notice's text
/// was not found; the days come from contemporary reports): one line saying so, e.g. "2003: the
/// holiday notice's text was not found; …". Empty when every year is from the notice's text.
std::string confidence_text(const deadline& d, lang l);

/// The status in words ("undetermined": the act lies inside the range).
std::string undetermined_text(const deadline& d, lang l);

/// The projection of calendar `id` as of a day (the pack's own without one); null when the
/// calendar has no holiday law.
result<std::shared_ptr<const calendar_projection>> projection_for(const rule_pack& pack, std::string_view id,
                                                                  std::optional<civil_date> as_of);

/// `qixian calendar --json`: "projected", "certainty", "reason" (and "reason_zh", "article")
/// for a day from the projection's first day on.
void add_projected_fields(nlohmann::ordered_json& j, const calendar_projection& p, civil_date d);

/// `qixian calendar` text: "  projected: uncertain — may be bridged …" (en) or
/// "  推算：尚不确定 — …" (zh, with the reason in Chinese), or "".
std::string projected_suffix(const calendar_projection& p, civil_date d, lang l = lang::en);

}  // namespace qixian::cli
