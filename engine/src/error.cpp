#include "qixian/error.hpp"

namespace qixian {

std::string_view to_string(errc code) noexcept {
    switch (code) {
        case errc::invalid_date: return "invalid_date";
        case errc::invalid_time: return "invalid_time";
        case errc::invalid_period: return "invalid_period";
        case errc::out_of_range: return "out_of_range";
        case errc::ambiguous_month_end: return "ambiguous_month_end";
        case errc::outside_calendar_coverage: return "outside_calendar_coverage";
        case errc::no_working_day: return "no_working_day";
        case errc::nonexistent_local_time: return "nonexistent_local_time";
        case errc::ambiguous_local_time: return "ambiguous_local_time";
        case errc::unknown_zone: return "unknown_zone";
        case errc::unknown_rule: return "unknown_rule";
        case errc::no_version_in_force: return "no_version_in_force";
        case errc::missing_event: return "missing_event";
        case errc::invalid_request: return "invalid_request";
        case errc::rules_invalid: return "rules_invalid";
        case errc::io_error: return "io_error";
        case errc::missing_fact: return "missing_fact";
        case errc::invalid_duration: return "invalid_duration";
        case errc::unknown_convention: return "unknown_convention";
        case errc::conflicting_request: return "conflicting_request";
    }
    return "unknown_error";
}

int exit_status(errc code) noexcept { return 10 + static_cast<int>(code); }

error make_error(errc code, std::string message, std::string subject) {
    return error{code, std::move(message), std::move(subject)};
}

}  // namespace qixian
