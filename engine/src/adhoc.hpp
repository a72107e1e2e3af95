// An ad-hoc period (compute_request::convention / duration) as a rule of one version, so
// that it is counted, rolled, closed, judged and explained exactly as a rule of the pack.
#pragma once

#include "qixian/compute.hpp"

namespace qixian::detail {

/// The rule an ad-hoc request stands for: id "adhoc:<convention>:<duration>", one version
/// in force on every day, triggered by the event `start`, citing the convention's
/// authority. Errors: conflicting_request (a rule given too), unknown_convention,
/// invalid_duration, invalid_request (a convention without a duration, or the reverse).
result<rule> adhoc_rule(const rule_pack& pack, const compute_request& req);

/// Rewrites the answer's select step to say what the ad-hoc period is (there is no
/// statute's version to select).
void describe_adhoc(deadline& d, const compute_request& req, const convention& conv);

}  // namespace qixian::detail
