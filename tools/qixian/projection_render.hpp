// How a provisional answer (a last day past the published holiday notices) is shown: the
// range in words (en, zh), the JSON fields `last_day_range` and `calendar_years`.
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

/// `last_day_range` (when provisional) and `calendar_years` (always).
void write_projection_fields(json_writer& w, const deadline& d);

/// The status in words ("undetermined": the act lies inside the range).
std::string undetermined_text(const deadline& d, lang l);

/// The projection of calendar `id` as of a day (the pack's own without one); null when the
/// calendar has no holiday law.
result<std::shared_ptr<const calendar_projection>> projection_for(const rule_pack& pack, std::string_view id,
                                                                  std::optional<civil_date> as_of);

/// `qixian calendar --json`: "projected", "certainty", "reason" (and "reason_zh", "article")
/// for a day from the projection's first day on.
void add_projected_fields(nlohmann::ordered_json& j, const calendar_projection& p, civil_date d);

/// `qixian calendar` text: "  projected: uncertain — may be bridged …" or "".
std::string projected_suffix(const calendar_projection& p, civil_date d);

}  // namespace qixian::cli
