// Fuzz target: one calendar year file (rules/calendars/cn-mainland/<YEAR>.toml). The
// input is loaded as the 2025 file beside the project's calendar definition and its 2024
// and 2026 files (no rules: they would only slow each run); a calendar that loads
// answers for a day of each week of 2024-2026, and rolls and adds working days from it.
#include "fuzz_support.hpp"

#include "qixian/calendar.hpp"
#include "qixian/rule_pack.hpp"
#include "qixian/table_calendar.hpp"

#include <cstdint>

using namespace qixian;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<source_file> fixed = {
        {"rules/calendars/cn-mainland/calendar.toml", fuzz::source_file("rules/calendars/cn-mainland/calendar.toml")},
        {"rules/calendars/cn-mainland/2024.toml", fuzz::source_file("rules/calendars/cn-mainland/2024.toml")},
        {"rules/calendars/cn-mainland/2026.toml", fuzz::source_file("rules/calendars/cn-mainland/2026.toml")},
    };
    std::vector<source_file> files = fixed;
    files.push_back({"rules/calendars/cn-mainland/2025.toml", std::string(reinterpret_cast<const char*>(data), size)});
    auto pack = rule_pack::load(std::move(files));
    if (!pack) {
        fuzz::require(!pack.error().empty(), "a pack that fails without a diagnostic");
        return 0;
    }
    for (const auto& id : pack->calendar_ids()) {
        const table_calendar* cal = pack->find_calendar(id);
        fuzz::require(cal != nullptr, "a listed calendar that cannot be found", id);
        const civil_date first = *civil_date::from_ymd(2024, 1, 1);
        for (auto reading : {adjusted_weekend::schedule, adjusted_weekend::weekday}) {
            const calendar_query q{.reading = reading, .outside = coverage_policy::provisional};
            for (int i = 0; i < 3 * 366; i += 7) {
                const civil_date d = add_calendar_days(first, i);
                (void)cal->status(d, q);
                (void)roll(d, roll_convention::next_working_day, *cal, q);
                (void)cal->add_working_days(d, 10, q);
            }
        }
    }
    return 0;
}
